"""handout, handback, merge: team work without a server (docs/team.md).

All three sign in (--user NAME, password from --password-stdin or a prompt); the packages are
signed with the signed-in user's key.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from auditapp.cli import open_db
from auditapp.cli.package_commands import _transfer_password, sign_in
from auditapp.errors import BadInput


def _encryption_flags(p: argparse.ArgumentParser) -> None:
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt the package with a transfer password (second line of stdin); "
        "the default when the database is encrypted",
    )
    mode.add_argument(
        "--plaintext",
        action="store_true",
        help="write an unencrypted package even from an encrypted database",
    )


def _transfer(args: argparse.Namespace, database: object) -> str | None:
    import sys

    from auditapp.core import db as dbmod
    from auditapp.core.package_crypto import check_transfer_password

    encrypted_db = dbmod.is_encrypted(database.path)  # type: ignore[attr-defined]
    if args.encrypt or (encrypted_db and not args.plaintext):
        transfer = _transfer_password(args, confirm=True)
        check_transfer_password(transfer)
        return transfer
    if encrypted_db:
        sys.stderr.write("warning: writing a plaintext package from an encrypted database\n")
    return None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "handout", help="write a team package that hands an audit out to a co-auditor"
    )
    p.add_argument("reference")
    p.add_argument("--to", required=True, metavar="USER", help="the co-auditor's username")
    p.add_argument("--areas", default="", help="checklist areas assigned, e.g. ORG,TMF")
    p.add_argument("--findings", default="", help="findings assigned to write, e.g. F-02,F-05")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument(
        "--user", required=True, help="your username: the package is signed with your key"
    )
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password (and then the transfer password) from standard input",
    )
    _encryption_flags(p)
    p.set_defaults(handler=cmd_handout)

    p = sub.add_parser("handback", help="write your work on a handed-out audit for the lead")
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
    _encryption_flags(p)
    p.set_defaults(handler=cmd_handback)

    p = sub.add_parser(
        "merge", help="open a hand out as a working copy, or merge a team package field by field"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="the result (or the conflicts) as JSON")
    p.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="FIELD_ID=mine|theirs",
        help="resolve one conflict (its id as listed); repeat for each",
    )
    p.add_argument(
        "--accept-signer",
        metavar="FINGERPRINT",
        help="accept a signer this database does not know yet (at least 16 hex digits "
        "of the certificate's SHA-256, checked with the sender)",
    )
    p.add_argument("--user", required=True, help="your username: the merge is recorded under it")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password (and then the transfer password) from standard input",
    )
    p.set_defaults(handler=cmd_merge)


def _exporter(database: object, username: str, password: str) -> object:
    from auditapp.core import package, signing, users

    with database.session(actor=username) as session:  # type: ignore[attr-defined]
        user = users.find_user(session, username)
        signing.ensure_identity(user, password)
        return package.Exporter(username, user.full_name, signing.open_identity(user, password))


def _numbers(text: str) -> tuple[int, ...]:
    from auditapp.core.findings import number_label

    out = []
    for part in filter(None, (p.strip().upper() for p in text.split(","))):
        digits = part.removeprefix("F-")
        if not digits.isdigit() or not 0 < int(digits) < 100_000:
            raise BadInput(f"--findings: {part!r} is not a finding number like {number_label(2)}")
        out.append(int(digits))
    return tuple(out)


def cmd_handout(args: argparse.Namespace) -> int:
    from auditapp.core import team_package

    assignment = team_package.Assignment(
        areas=tuple(filter(None, (a.strip().upper() for a in args.areas.split(",")))),
        findings=_numbers(args.findings),
    )
    with open_db(args, create=False) as database:
        username, password = sign_in(args, database)
        transfer = _transfer(args, database)
        exporter = _exporter(database, username, password)
        with database.session(actor=username, reason=f"handed out to {args.to}") as session:
            summary = team_package.hand_out(
                session,
                args.reference,
                args.output,
                exporter=exporter,
                to_user=args.to,  # type: ignore[arg-type]
                assignment=assignment,
                transfer_password=transfer,
            )
    print(f"wrote {args.output}: {summary}")
    return 0


def cmd_handback(args: argparse.Namespace) -> int:
    from auditapp.core import team_package

    with open_db(args, create=False) as database:
        username, password = sign_in(args, database)
        transfer = _transfer(args, database)
        exporter = _exporter(database, username, password)
        with database.session(actor=username, reason="handed back") as session:
            summary = team_package.hand_back(
                session,
                args.reference,
                args.output,
                exporter=exporter,  # type: ignore[arg-type]
                transfer_password=transfer,
            )
    print(f"wrote {args.output}: {summary}")
    return 0


def _takes(values: list[str]) -> dict[str, str]:
    out = {}
    for value in values:
        key, _, choice = value.partition("=")
        if choice not in ("mine", "theirs") or not key:
            raise BadInput(f"--take {value!r}: expected FIELD_ID=mine or FIELD_ID=theirs")
        out[key] = choice
    return out


def cmd_merge(args: argparse.Namespace) -> int:
    from auditapp.core import package, team_apply

    if not args.file.is_file():
        raise BadInput(f"no file {args.file}")
    takes = _takes(args.take)
    with open_db(args) as database:
        username, _password = sign_in(args, database)
        transfer = (
            _transfer_password(args, confirm=False) if package.is_encrypted(args.file) else None
        )
        try:
            with database.session(actor=username) as session:
                report = team_apply.merge_package(
                    session,
                    args.file,
                    actor=username,
                    resolutions=dict(takes),
                    accept_signer=args.accept_signer,
                    transfer_password=transfer,
                )
                unknown = set(takes) - {c.id for c in report.conflicts}
                if unknown:
                    raise BadInput(f"--take {sorted(unknown)[0]}: no such conflict in this merge")
        except team_apply.UnresolvedConflicts as exc:
            if args.json:
                print(
                    json.dumps(
                        {"merged": False, "conflicts": [c.as_json() for c in exc.conflicts]},
                        indent=1,
                    )
                )
            else:
                for c in exc.conflicts:
                    mine = f"{c.mine_by.user} {c.mine_by.at}" if c.mine_by else "here"
                    theirs = f"{c.theirs_by.user} {c.theirs_by.at}" if c.theirs_by else "package"
                    print(
                        f"conflict {c.id}  {c.label}\n  mine   ({mine}): {c.mine!r}\n"
                        f"  theirs ({theirs}): {c.theirs!r}"
                    )
            raise
    if args.json:
        print(json.dumps({"merged": True} | report.as_json(), indent=1))
    else:
        print("\n".join(report.lines()))
    return 0
