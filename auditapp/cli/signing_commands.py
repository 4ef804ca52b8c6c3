"""Sign-off verbs: sign, verify, preissue, reopen, signed; user cert and user import-p12."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from auditapp.cli import database_path, open_db, read_secret, signin
from auditapp.core.models import Language, SignatureMeaning, codes
from auditapp.errors import AuditAppError, BadInput


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "sign",
        help="sign a report (author, reviewer or approver) with your password",
        description="The signature ceremony: re-enter your password; the report is rendered, "
        "signed with your key (PAdES) and recorded. The author signs first and locks the audit; "
        "the approver's signature makes it final.",
    )
    p.add_argument("reference")
    p.add_argument("--user", required=True, help="your username")
    p.add_argument("--meaning", choices=codes(SignatureMeaning))
    p.add_argument(
        "--certificate",
        action="store_true",
        help="sign the audit certificate instead (lead auditor or team member; only "
        "for an approved report version)",
    )
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.add_argument("-o", "--output", type=Path, required=True, help="signed PDF to write")
    p.add_argument(
        "--docx",
        type=Path,
        help="also write a DOCX with the signature "
        "manifestations and its detached signature FILE.docx.p7s",
    )
    p.add_argument(
        "--report-lang",
        choices=codes(Language),
        help="report language (author and certificate only)",
    )
    p.set_defaults(handler=cmd_sign)

    p = sub.add_parser(
        "verify",
        help="check a signed PDF, or a DOCX with its .p7s; exit 0 only when every "
        "signature is intact and trusted",
        description="Prints each signer, meaning, time, whether the signed bytes are intact, "
        "whether the certificate is trusted (a signer the database knows, the trust store of "
        "'auditapp trust', or --trust) and its SHA-256 fingerprint. Exit 0 valid, 1 not.",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="FILE.pem",
        help="also trust this certificate (signer or CA) for this run; repeatable",
    )
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("preissue", help="list what blocks issuing a report; exit 0 when nothing")
    p.add_argument("reference")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_preissue)

    p = sub.add_parser(
        "reopen",
        help="unlock a signed audit for a new report version (lead auditor, with a reason)",
    )
    p.add_argument("reference")
    p.add_argument("--user", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(handler=cmd_reopen)

    p = sub.add_parser("signed", help="write the stored signed PDF of a report version")
    p.add_argument("reference")
    p.add_argument("--version", type=int, help="report version (default: the current one)")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(handler=cmd_signed)

    user = _user_group(sub)
    p = user.add_parser("cert", help="export a user's signing certificate (PEM) for sponsors")
    p.add_argument("username")
    p.add_argument("-o", "--output", type=Path, required=True)
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_user_cert)
    p = user.add_parser("import-p12", help="use an organisation's PKCS#12 as your signing identity")
    p.add_argument("username")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read your password, then the PKCS#12 password, from stdin",
    )
    signin.add_arguments(p, required=False)
    p.set_defaults(handler=cmd_user_import_p12)


def _user_group(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The `user` verb's sub-commands (made in commands.py, which is registered first)."""
    user = sub.choices.get("user")
    if user is None:
        user = sub.add_parser("user", help="manage accounts")
        return user.add_subparsers(dest="user_command", required=True)
    for action in user._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return user.add_subparsers(dest="user_command", required=True)  # pragma: no cover


def _check_writable(path: Path) -> None:
    if path.is_dir():
        raise BadInput(f"{path} is a folder; give a file name")
    if not path.parent.exists():
        raise BadInput(f"folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise BadInput(f"cannot write in {path.parent}")


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise AuditAppError(f"cannot write {path}: {exc.strerror}") from None


def cmd_sign(args: argparse.Namespace) -> int:
    from auditapp.reports import signoff

    if args.certificate == (args.meaning is not None):
        raise BadInput("give either --meaning author|reviewer|approver or --certificate")
    if args.certificate:
        return _sign_certificate(args)
    _check_writable(args.output)
    if args.docx is not None:
        _check_writable(args.docx)
    password = read_secret(args, f"Password for {args.user}: ")
    with open_db(args, create=False) as database:
        result = signoff.sign_report(
            database,
            args.reference,
            username=args.user,
            password=password,
            meaning=args.meaning,
            language=args.report_lang,
            docx=args.docx is not None,
        )
    _write(args.output, result.pdf_bytes)
    print(f"signed {result.reference} report version {result.version}: {result.manifestation()}")
    print(f"signed document SHA-256 {result.signed_sha256}")
    print(f"certificate SHA-256 {result.certificate_sha256}")
    print(f"wrote {args.output}")
    if args.docx is not None and result.docx_bytes is not None and result.p7s_bytes is not None:
        _write(args.docx, result.docx_bytes)
        sidecar = args.docx.with_name(args.docx.name + ".p7s")
        _write(sidecar, result.p7s_bytes)
        print(f"wrote {args.docx} and {sidecar}")
    if result.final:
        print(f"{result.reference} is approved, final and locked")
    elif result.locked:
        print(f"{result.reference} is locked for review; changes need a reopen by the lead auditor")
    return 0


def _verification_database(args: argparse.Namespace):
    """The database whose signers count as known: --db, else the default one when it opens
    without asking (verification must work for a sponsor who has no database at all)."""
    from auditapp.core.db import is_encrypted

    path = database_path(args)
    if args.db is not None:
        return open_db(args, create=False, write=False)
    if not path.is_file() or (is_encrypted(path) and not os.environ.get("AUDITAPP_PASSPHRASE")):
        return None
    try:
        return open_db(args, create=False, write=False)
    except AuditAppError:
        return None


def _sign_certificate(args: argparse.Namespace) -> int:
    from auditapp.reports import certificate_signing

    if args.docx is not None:
        raise BadInput("the audit certificate is signed as PDF only")
    _check_writable(args.output)
    password = read_secret(args, f"Password for {args.user}: ")
    with open_db(args, create=False) as database:
        result = certificate_signing.sign_certificate(
            database,
            args.reference,
            username=args.user,
            password=password,
            language=args.report_lang,
        )
    _write(args.output, result.pdf_bytes)
    print(
        f"signed the audit certificate of {result.reference} report version "
        f"{result.version}: {result.manifestation()}"
    )
    print(f"certificate SHA-256 {result.certificate_sha256}")
    print(f"wrote {args.output}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from auditapp.reports import signed_files

    for extra in args.trust:
        if not Path(extra).is_file():
            raise BadInput(f"no certificate file {extra}")
    database = _verification_database(args)
    try:
        report = signed_files.verify_file(args.file, database, tuple(args.trust))
    finally:
        if database is not None:
            database.close()
    if args.json:
        print(
            json.dumps(
                {
                    "file": str(args.file),
                    "valid": report.valid,
                    "intact": report.intact,
                    "verdict": report.verdict(),
                    "kind": report.kind,
                    "sha256": report.file_sha256,
                    "problems": list(report.problems),
                    "unsigned_fields": list(report.unsigned_fields),
                    "database": str(database.path) if database is not None else None,
                    "signatures": [
                        {
                            "signer": s.signer,
                            "meaning": s.meaning,
                            "signed_at": s.signed_at.isoformat() if s.signed_at else None,
                            "intact": s.intact,
                            "detail": s.detail,
                            "trusted": s.trusted,
                            "trust": s.trust,
                            "certificate_sha256": s.certificate_sha256,
                            "known_as": s.known_as,
                        }
                        for s in report.signatures
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for line in report.lines():
            print(line)
    if not report.valid:
        why = "not validly signed" if not report.intact else "signed by an untrusted certificate"
        sys.stderr.write(f"error: {args.file} is {why}\n")
        return 1
    return 0


def cmd_preissue(args: argparse.Namespace) -> int:
    from auditapp.core import audits, preissue

    with open_db(args, create=False, write=False) as database, database.read_session() as session:
        audit = audits.get_audit(session, args.reference)
        problems = preissue.check(session, audit)
        # Warnings (kind "warning") are listed but do not block issuing or change the exit code.
        notes = preissue.warnings(session, audit)
    if args.json:
        print(
            json.dumps(
                [
                    {"kind": p.kind, "target": p.target, "message": p.message}
                    for p in problems + notes
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for problem in problems + notes:
            print(f"{problem.kind:<8} {problem}")
        if not problems:
            print(f"{args.reference}: ready to issue (no problems found)")
    return 1 if problems else 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from auditapp.core import signing

    password = read_secret(args, f"Password for {args.user}: ")
    with open_db(args, create=False) as database:
        version = signing.reopen_audit(
            database, args.reference, username=args.user, password=password, reason=args.reason
        )
    print(
        f"reopened {args.reference.upper()}: changes now go into report version {version}; "
        "signed versions stay as they are"
    )
    return 0


def cmd_signed(args: argparse.Namespace) -> int:
    from auditapp.reports import signed_files

    _check_writable(args.output)
    with open_db(args, create=False, write=False) as database:
        version, data = signed_files.signed_report(database, args.reference, version=args.version)
    _write(args.output, data)
    print(f"wrote signed report version {version} of {args.reference.upper()} to {args.output}")
    return 0


def cmd_user_cert(args: argparse.Namespace) -> int:
    from auditapp.core import signing, trail, users

    _check_writable(args.output)
    with open_db(args, create=False) as database:
        me = signin.sign_in(database, args)
        with database.session(actor=me.username) as session:
            user = users.find_user(session, args.username)
            if not user.certificate_pem:
                raise BadInput(
                    f"{user.username} has no signing certificate yet "
                    "(it is made at the first signature)"
                )
            pem, name = user.certificate_pem, user.full_name
            trail.record_event(
                session.connection(),
                user=me.username,
                action="export-certificate",
                entity="user",
                entity_id=str(user.id),
                detail=signing.certificate_fingerprint_of_pem(pem),
            )
    _write(args.output, pem.encode())
    print(f"wrote the certificate of {name} to {args.output}")
    print(f"SHA-256 fingerprint {signing.certificate_fingerprint_of_pem(pem)}")
    return 0


def cmd_user_import_p12(args: argparse.Namespace) -> int:
    from auditapp.core import input_limits, signing, users

    data = input_limits.read_bounded(args.file, kind="signature")  # a PKCS#12 is a few KB
    if args.user and args.user.strip().lower() != args.username.strip().lower():
        raise BadInput(
            "only the account's owner can import their signing identity (sign in as the user named)"
        )
    password = read_secret(args, f"Password for {args.username}: ")
    p12_password = read_secret(args, f"Password of {args.file.name}: ")
    with open_db(args, create=False) as database:
        user = users.authenticate(database, args.username, password)
        with database.session(actor=user.username, reason="PKCS#12 signing identity imported") as s:
            stored = users.find_user(s, user.username)
            digest = signing.import_pkcs12(stored, password, data, p12_password or None)
    print(f"{user.username} now signs with the imported certificate (SHA-256 {digest})")
    return 0
