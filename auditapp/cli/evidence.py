"""`auditapp evidence ...`: import, list, export and remove evidence files from a script."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from auditapp.cli import open_db, signin
from auditapp.errors import AuditAppError, BadInput


def register(sub: argparse._SubParsersAction) -> None:
    evidence = sub.add_parser("evidence", help="photos and files kept exactly as imported")
    verbs = evidence.add_subparsers(dest="evidence_command", required=True)

    p = verbs.add_parser("add", help="import files into an audit (JPEG, PNG, TIFF, HEIC/HEIF, PDF)")
    p.add_argument("reference")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--caption", default="", help="caption for every file of this batch")
    p.add_argument("--finding", help="also link to this finding (e.g. F-02)")
    p.add_argument("--question", help="also link to this checklist question (e.g. ORG-01)")
    p.add_argument(
        "--confidential",
        action="store_true",
        help="keep out of distributed reports unless included explicitly",
    )
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_add)

    p = verbs.add_parser("list", help="file name, sha256, size, caption, links")
    p.add_argument("reference")
    p.add_argument("--json", action="store_true")
    p.add_argument("--removed", action="store_true", help="include removed evidence")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("export", help="write the original bytes of one item to a file")
    p.add_argument("reference")
    p.add_argument("number", help="evidence number, e.g. E-003")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(handler=cmd_export)

    p = verbs.add_parser("remove", help="take an item out of the audit (the original is kept)")
    p.add_argument("reference")
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_remove)

    p = verbs.add_parser("verify", help="re-hash every original; exit 0 intact, 1 damaged")
    p.add_argument("reference")
    p.set_defaults(handler=cmd_verify)


def _open(args: argparse.Namespace, *, write: bool = True):
    # open_db asks for the passphrase of an encrypted database.
    return open_db(args, create=False, write=write)


def _finding_number(text: str | None) -> int | None:
    if text is None:
        return None
    cleaned = text.strip().upper().removeprefix("F-").removeprefix("F")
    if not cleaned.isdigit():
        raise BadInput(f"{text!r} is not a finding number (like F-02)")
    return int(cleaned)


def cmd_add(args: argparse.Namespace) -> int:
    from auditapp.core.evidence import Target
    from auditapp.core.evidence_import import import_files

    target = Target(finding=_finding_number(args.finding), question=args.question)
    with _open(args) as database:
        user = signin.sign_in(database, args)
        result = import_files(
            database,
            args.reference,
            args.files,
            actor=user.username,
            caption=args.caption,
            confidential=args.confidential,
            target=target,
        )
    for item in result.imported:
        print(f"{item.label}  {item.sha256}  {item.size:>10}  {item.file_name}")
        if item.active_content:
            sys.stderr.write(
                f"warning: {item.label} {item.file_name} contains active content "
                f"({item.active_content}); kept as evidence and flagged\n"
            )
    for _name, reason in result.refused:
        sys.stderr.write(f"error: {reason}\n")
    print(f"imported {len(result.imported)}, refused {len(result.refused)}")
    # Some files refused: the good ones are in, but a script must notice the bad ones.
    return BadInput.exit_code if result.refused else 0


def cmd_list(args: argparse.Namespace) -> int:
    from auditapp.core import evidence
    from auditapp.core.audits import get_audit

    with _open(args, write=False) as database, database.read_session() as session:
        audit = get_audit(session, args.reference)
        rows = evidence.list_evidence(session, audit, include_removed=args.removed)
    if args.json:
        payload = [
            {
                "number": r.label,
                "file_name": r.file_name,
                "sha256": r.sha256,
                "size": r.size,
                "media_type": r.media_type,
                "caption": r.caption,
                "links": list(r.links),
                "confidential": r.confidential,
                "removed": r.removed,
                "width": r.width,
                "height": r.height,
                "captured_at": r.captured_at.isoformat() if r.captured_at else None,
                "capture_device": r.capture_device,
                "imported_at": r.imported_at.isoformat(),
                "imported_by": r.imported_by,
                "active_content": r.active_content,
            }
            for r in rows
        ]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("no evidence in this audit")
        return 0
    for r in rows:
        flags = (
            ("C" if r.confidential else "-")
            + ("R" if r.removed else "-")
            + ("!" if r.active_content else "-")
        )
        links = ",".join(r.links) or "-"
        print(
            f"{r.label}  {flags}  {r.sha256}  {r.size:>10}  {r.file_name}  [{links}]  {r.caption}"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from auditapp.core import evidence
    from auditapp.core.audits import get_audit

    if args.output.is_dir():
        raise BadInput(f"{args.output} is a folder; give a file name")
    with _open(args, write=False) as database, database.read_session() as session:
        audit = get_audit(session, args.reference)
        item = evidence.get_evidence(session, audit, evidence.parse_label(args.number))
        data = evidence.original_bytes(session, item)
        sha = item.sha256
    partial = args.output.with_name(args.output.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(args.output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise AuditAppError(f"cannot write {args.output}: {exc.strerror}") from None
    print(f"wrote {args.output} ({len(data)} bytes, sha256 {sha})")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from auditapp.core import evidence, operations
    from auditapp.core.audits import get_audit

    with _open(args) as database:
        user = signin.sign_in(database, args)
        with database.read_session() as session:
            audit_id = get_audit(session, args.reference).id
        number = evidence.parse_label(args.number)
        # The same operation as the gallery's Remove: one way to change an audit.
        removed = operations.run(
            database, audit_id, operations.Remove(number, args.reason), actor=user.username
        )
        print(f"removed {evidence.label(number)} ({removed.value}); original kept")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from auditapp.core import evidence
    from auditapp.core.audits import get_audit

    with _open(args, write=False) as database, database.read_session() as session:
        audit = get_audit(session, args.reference)
        problems = evidence.verify_originals(session, audit)
        count = len(evidence.list_evidence(session, audit, include_removed=True))
    if problems:
        for problem in problems:
            print(f"DAMAGED: {problem}")
        sys.stderr.write(f"error: {len(problems)} original(s) do not match their SHA-256\n")
        return 1
    print(f"all {count} originals match their SHA-256")
    return 0
