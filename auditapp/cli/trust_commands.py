"""`auditapp trust add|list|remove`: the certificates `auditapp verify` trusts.

The trust store lives in the user data folder, outside any database, so a sponsor who has no
AuditApp database can still verify reports from the auditors whose certificates they trust.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser(
        "trust", help="certificates that 'verify' trusts (colleagues' certificates, your CA)"
    ).add_subparsers(dest="trust_command", required=True)
    p = group.add_parser(
        "add",
        help="trust a certificate file (PEM or DER): a signer's exported "
        "certificate or an organisation CA",
    )
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_trust_add)
    p = group.add_parser("list", help="trusted certificates with their SHA-256 fingerprints")
    p.set_defaults(handler=cmd_trust_list)
    p = group.add_parser("remove", help="stop trusting a certificate (by fingerprint)")
    p.add_argument("fingerprint", help="SHA-256 fingerprint, or its first 8+ hex digits")
    p.set_defaults(handler=cmd_trust_remove)


def cmd_trust_add(args: argparse.Namespace) -> int:
    from auditapp.core import trust

    for cert in trust.add(args.file):
        kind = "CA" if cert.is_ca else "signer"
        print(f"trusted {kind} certificate {cert.subject}, valid until {cert.not_after:%Y-%m-%d}")
        print(f"  SHA-256 {trust.fingerprint_pretty(cert.fingerprint)}")
    print("compare the fingerprint with the one the signer gave you through another channel")
    return 0


def cmd_trust_list(args: argparse.Namespace) -> int:
    from auditapp.core import trust

    certs = trust.stored()
    if not certs:
        print(f"no trusted certificates in {trust.store_dir()}")
        return 0
    for cert in certs:
        kind = "CA    " if cert.is_ca else "signer"
        print(f"{cert.fingerprint}  {kind}  until {cert.not_after:%Y-%m-%d}  {cert.subject}")
    return 0


def cmd_trust_remove(args: argparse.Namespace) -> int:
    from auditapp.core import trust

    cert = trust.remove(args.fingerprint)
    print(f"no longer trusted: {cert.subject} ({cert.fingerprint})")
    return 0
