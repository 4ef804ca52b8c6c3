"""`auditapp conclusion`: the auditor's judgement (outcome, conclusion, sampling, positive
observations, distribution list) shown or changed from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from auditapp.cli import open_db, read_secret
from auditapp.errors import BadInput

# option name -> Audit field
TEXT_OPTIONS = {
    "conclusion": "conclusion",
    "sampling": "sampling",
    "positive": "positive_observations",
    "distribution": "distribution",
}
MAX_FILE = 1_000_000


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "conclusion",
        help="show or set the overall outcome, conclusion, sampling, positive "
        "observations and distribution list of an audit",
        description="Without options it prints the current values. Texts come from an option "
        "or from a UTF-8 file (--conclusion-file FILE, '-' for standard input). Changes need "
        "your password (the change is signed into the audit trail under your name).",
    )
    p.add_argument("reference")
    p.add_argument(
        "--outcome",
        help="vendor qualification: approved, approved_with_conditions, "
        "not_approved; other audits: acceptable, acceptable_with_improvements, "
        "not_acceptable",
    )
    for option in TEXT_OPTIONS:
        group = p.add_mutually_exclusive_group()
        group.add_argument(f"--{option}", metavar="TEXT")
        group.add_argument(f"--{option}-file", metavar="FILE", type=Path)
    p.add_argument("--user", help="your username (needed to change anything)")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin",
    )
    p.add_argument("--json", action="store_true", help="print the values as JSON")
    p.set_defaults(handler=cmd_conclusion)


def _read_text(path: Path, *, stdin_taken: bool) -> str:
    if str(path) == "-":
        if stdin_taken:
            raise BadInput("standard input is already used for the password; give a file")
        return sys.stdin.read(MAX_FILE + 1)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"no file {path}") from None
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_FILE:
        raise BadInput(f"{path} is larger than {MAX_FILE:,} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput(f"{path} is not UTF-8 text") from None


def _changes(args: argparse.Namespace) -> dict[str, str]:
    changes: dict[str, str] = {}
    if args.outcome is not None:
        changes["overall_rating"] = args.outcome
    for option, field in TEXT_OPTIONS.items():
        text = getattr(args, option)
        path = getattr(args, f"{option}_file")
        if path is not None:
            text = _read_text(path, stdin_taken=args.password_stdin)
        if text is not None:
            changes[field] = text
    return changes


def cmd_conclusion(args: argparse.Namespace) -> int:
    from auditapp.core import audits, judgement, users

    changes = _changes(args)
    with open_db(args, create=False) as database:
        actor = "cli"
        if changes:
            if not args.user:
                raise BadInput("changing the judgement needs --user (and your password)")
            with database.session() as session:
                audits.get_audit(session, args.reference)  # no sign-in attempt for a typo
            actor = users.authenticate(
                database, args.user, read_secret(args, f"Password for {args.user}: ")
            ).username
        with database.session(actor=actor) as session:
            audit = audits.get_audit(session, args.reference)
            if changes:
                judgement.set_judgement(session, audit, **changes)
            values = judgement.read(audit)
            reference, allowed = audit.reference, judgement.outcomes_for(audit.audit_type)
    if args.json:
        print(
            json.dumps(
                {"reference": reference, "outcomes": list(allowed), **values.__dict__},
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if changes:
        print(f"updated {reference}: {', '.join(sorted(changes))}")
    print(
        f"{reference} outcome: {values.overall_rating or '(not stated)'} "
        f"(choices: {', '.join(allowed)})"
    )
    for label, field in (
        ("Conclusion", "conclusion"),
        ("Sampling", "sampling"),
        ("Positive observations", "positive_observations"),
        ("Distribution", "distribution"),
    ):
        text = getattr(values, field)
        print(f"--- {label}")
        print(text if text else "(empty)")
    return 0
