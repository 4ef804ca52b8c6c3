"""export and import: signed audit packages, optionally encrypted with a transfer password.

Both verbs sign in (--user, password from --password-stdin or a prompt). With --password-stdin
the first line of standard input is the account password and, when a transfer password is
needed, the second line is the transfer password.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from auditapp.cli import open_db, read_secret
from auditapp.errors import BadInput


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write one audit, signed by you, to an .auditpkg file")
    p.add_argument("reference")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument(
        "--user", required=True, help="your username: the package is signed with your key"
    )
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password (and then the transfer password) from standard input",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt the package with a transfer password (default when the "
        "database is encrypted)",
    )
    mode.add_argument(
        "--plaintext",
        action="store_true",
        help="write an unencrypted package even from an encrypted database",
    )
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help="add an audit from a signed .auditpkg file (checked first)")
    p.add_argument("file", type=Path)
    p.add_argument("--user", required=True, help="your username: the import is recorded under it")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password (and then the transfer password) from standard input",
    )
    p.add_argument(
        "--accept-signer",
        metavar="FINGERPRINT",
        help="accept a package signed by a certificate this database does not know "
        "(at least the first 16 hex digits of its SHA-256, checked with the sender)",
    )
    p.set_defaults(handler=cmd_import)


def sign_in(args: argparse.Namespace, database: object) -> tuple[str, str]:
    """(username, password) of the signed-in user. Kept in one function so the shared CLI
    sign-in of the other write verbs can replace it."""
    from auditapp.core import users

    password = read_secret(args, f"Password for {args.user}: ")
    user = users.authenticate(database, args.user, password)  # type: ignore[arg-type]
    return user.username, password


def _transfer_password(args: argparse.Namespace, *, confirm: bool) -> str:
    value = read_secret(args, "Transfer password: ", confirm=confirm)
    if not value:
        raise BadInput("a transfer password is needed (second line of standard input)")
    return value


def cmd_export(args: argparse.Namespace) -> int:
    from auditapp.core import db as dbmod
    from auditapp.core import package, signing, users
    from auditapp.core.package_crypto import check_transfer_password

    with open_db(args, create=False) as database:
        encrypted_db = dbmod.is_encrypted(database.path)
        username, password = sign_in(args, database)
        transfer = None
        if args.encrypt or (encrypted_db and not args.plaintext):
            transfer = _transfer_password(args, confirm=True)
            check_transfer_password(transfer)
        elif encrypted_db:
            sys.stderr.write("warning: writing a plaintext package from an encrypted database\n")
        with database.session(actor=username) as session:
            user = users.find_user(session, username)
            signing.ensure_identity(user, password)
            exporter = package.Exporter(
                username, user.full_name, signing.open_identity(user, password)
            )
        with database.session(actor=username) as session:
            summary = package.export_audit(
                session, args.reference, args.output, exporter=exporter, transfer_password=transfer
            )
    print(f"wrote {args.output} ({summary})")
    print(
        f"signed by {exporter.full_name} ({username}), certificate SHA-256 "
        f"{exporter.identity.fingerprint}"
    )
    return 0


def _check_report(fmt: str, data: bytes) -> list[str]:
    """A carried PDF report's signatures must verify; a DOCX's detached signature is not carried."""
    if fmt != "pdf":
        return []
    from auditapp.reports import pades

    report = pades.verify_pdf(data)
    return list(report.problems) + [s.detail for s in report.signatures if not s.intact]


def cmd_import(args: argparse.Namespace) -> int:
    from auditapp.core import package

    if not args.file.exists():
        raise BadInput(f"no file {args.file}")
    with open_db(args) as database:
        username, _password = sign_in(args, database)
        transfer = (
            _transfer_password(args, confirm=False) if package.is_encrypted(args.file) else None
        )
        reason = f"imported from {args.file.name}"
        with database.session(actor=username, reason=reason) as session:
            report = package.import_package(
                session,
                args.file,
                actor=username,
                transfer_password=transfer,
                accept_signer=args.accept_signer,
                check_report=_check_report,
            )
    for warning in report.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    trust = "known to this database" if report.signer_known else "accepted by fingerprint"
    print(
        f"package signed by {report.signer_name} ({report.signer_username}) on "
        f"{report.exported_at}; certificate SHA-256 {report.signer_fingerprint} ({trust})"
    )
    print(
        f"imported audit {report.reference}: {report.findings} findings, {report.evidence} "
        f"evidence items, {report.reports} report versions, {report.trail_rows} trail entries"
    )
    return 0
