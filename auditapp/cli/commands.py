"""The scriptable verbs: each a thin call into the core, printing plain results."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from auditapp.cli import database_path, open_db, passphrase_for, read_secret, signin
from auditapp.errors import AuditAppError, BadInput, Refused


def _open(args: argparse.Namespace, *, create: bool = True, write: bool = True):
    return open_db(args, create=create, encrypt=getattr(args, "encrypt", False), write=write)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create a realistic sample audit; prints its reference last")
    p.add_argument("--photos", type=int, default=0, help="number of generated evidence photos")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the demo accounts' password from stdin (default demo-password-1)",
    )
    p.add_argument(
        "--encrypt",
        action="store_true",
        help="create the database encrypted (passphrase from AUDITAPP_PASSPHRASE or a prompt)",
    )
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("list", help="audits: reference, title, auditee, status, counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser(
        "check",
        help="full integrity check of the database file (each open runs the "
        "quick one); exit 0 sound, 1 damaged",
    )
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser(
        "search",
        help="find words in findings, answers' notes, evidence captions "
        "and registers of every audit",
    )
    p.add_argument("text", help="words to find (each as a prefix; all must occur)")
    p.add_argument("--limit", type=int, default=200, help="at most this many hits (default 200)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    user = sub.add_parser("user", help="manage accounts").add_subparsers(
        dest="user_command", required=True
    )
    p = user.add_parser("add", help="create an account (the first one needs no administrator)")
    p.add_argument("username")
    p.add_argument("--full-name", required=True)
    p.add_argument("--role", required=True, help="lead_auditor, auditor, reviewer or admin")
    p.add_argument("--email")
    p.add_argument(
        "--user",
        "--admin",
        dest="user",
        metavar="NAME",
        help="the administrator who signs in to authorise the new account "
        "(needed once accounts exist)",
    )
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read passwords from stdin: the administrator's first (if --user), "
        "then the new account's",
    )
    p.set_defaults(handler=cmd_user_add)
    p = user.add_parser("list", help="accounts and their state")
    p.set_defaults(handler=cmd_user_list)
    p = user.add_parser("unlock", help="lift a lock after failed sign-ins (administrator)")
    p.add_argument("username")
    signin.add_arguments(p, aliases=("--admin",))
    p.set_defaults(handler=cmd_user_unlock)

    trail = sub.add_parser("trail", help="the audit trail").add_subparsers(
        dest="trail_command", required=True
    )
    p = trail.add_parser("verify", help="exit 0 when intact, 1 when tampered (says where)")
    p.set_defaults(handler=cmd_trail_verify)

    p = sub.add_parser("backup", help="write a consistent copy of the database")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser(
        "restore", help="replace the database with a checked backup (current kept aside)"
    )
    p.add_argument("file", type=Path)
    signin.add_arguments(p)
    p.add_argument(
        "--accept-damaged",
        action="store_true",
        help="restore a backup that fails its checks (needs --reason; recorded in the trail)",
    )
    p.add_argument("--reason", help="why a damaged or tampered backup must be restored anyway")
    p.set_defaults(handler=cmd_restore)


def cmd_demo(args: argparse.Namespace) -> int:
    from auditapp.core import demo

    password = read_secret(args, "Demo password: ") if args.password_stdin else demo.DEMO_PASSWORD
    if args.photos < 0 or args.photos > 1000:
        raise BadInput("--photos must be between 0 and 1000")
    with _open(args) as database:
        reference = demo.create_demo(database, password=password, photos=args.photos)
    print(f"demo audit created in {database.path}; accounts demo.lead and demo.qa")
    print(reference)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from auditapp.core import audits

    with _open(args, write=False) as database, database.read_session() as session:
        rows = audits.summaries(session)
    if args.json:
        payload = [
            {
                "reference": r.reference,
                "title": r.title,
                "auditee": r.auditee,
                "status": r.status,
                "type": r.audit_type,
                "start": r.start.isoformat() if r.start else None,
                "findings": r.findings,
                "answered": r.answered,
                "questions": r.questions,
            }
            for r in rows
        ]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("no audits yet (try: auditapp demo)")
        return 0
    print(f"{'REFERENCE':<14} {'STATUS':<12} {'C/M/m/R':<9} {'ANSWERED':<9} {'AUDITEE':<30} TITLE")
    for r in rows:
        f = r.findings
        counts = f"{f.get('critical', 0)}/{f.get('major', 0)}/{f.get('minor', 0) + f.get('other', 0)}/{f.get('recommendation', 0)}"
        print(
            f"{r.reference:<14} {r.status:<12} {counts:<9} {f'{r.answered}/{r.questions}':<9} "
            f"{r.auditee[:30]:<30} {r.title}"
        )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from auditapp.core.db import integrity_problem

    path = database_path(args)
    if not path.is_file():
        raise BadInput(f"no database at {path}")
    problem = integrity_problem(path, passphrase_for(path))
    if problem:
        raise Refused(f"{path} is damaged: {problem}")
    print(f"{path}: integrity check and foreign key check passed")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from auditapp.core import search

    if args.limit < 1:
        raise BadInput("--limit must be at least 1")
    with _open(args, create=False) as database, database.session() as session:
        hits = search.search(session, args.text, limit=args.limit)
    if args.json:
        print(json.dumps([vars(h) for h in hits], indent=2, ensure_ascii=False))
        return 0
    if not hits:
        print("nothing found")
        return 0
    for h in hits:
        print(f"{h.reference:<14} {h.kind:<11} {h.item[:24]:<24} {h.excerpt}")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from auditapp.core import users
    from auditapp.core.models import Role

    with _open(args) as database:
        with database.session() as session:
            existing = users.count_users(session)
        actor = args.username
        if existing:
            if not args.user:
                raise Refused(
                    "accounts exist already: an administrator must sign in to authorise "
                    "(--user NAME)"
                )
            admin = signin.sign_in(database, args)
            if admin.role != Role.ADMIN:
                raise Refused(f"{admin.username} is not an administrator")
            actor = admin.username
        password = read_secret(args, f"New password for {args.username}: ", confirm=True)
        with database.session(actor=actor) as session:
            if not existing and args.role == Role.ADMIN:
                # The first administrator gets the recovery code for a lock-out, shown once.
                user, code = users.create_first_administrator(
                    session, username=args.username, full_name=args.full_name, password=password
                )
            else:
                user, code = (
                    users.create_user(
                        session,
                        username=args.username,
                        full_name=args.full_name,
                        role=args.role,
                        password=password,
                        email=args.email,
                    ),
                    "",
                )
            print(f"created {user.username} ({user.full_name}, {user.role})")
        if code:
            print(f"recovery code (shown once; keep it offline): {code}")
        elif not existing:
            sys.stderr.write(
                "warning: this database has no administrator; create the first "
                "account with --role admin to be able to add users later\n"
            )
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from auditapp.core.models import User

    with _open(args, write=False) as database, database.read_session() as session:
        for u in session.scalars(select(User).order_by(User.username)):
            state = "locked" if u.locked else ("inactive" if not u.active else "active")
            print(f"{u.username:<20} {u.role:<14} {state:<8} {u.full_name}")
    return 0


def cmd_user_unlock(args: argparse.Namespace) -> int:
    from auditapp.core import users

    with _open(args) as database:
        admin = signin.sign_in(database, args)
        with database.session(
            actor=admin.username, reason="unlock after failed sign-ins"
        ) as session:
            user = users.unlock(session, admin=admin, username=args.username)
            print(f"unlocked {user.username}")
    return 0


def cmd_trail_verify(args: argparse.Namespace) -> int:
    from auditapp.core import trail_pins

    with _open(args, create=False, write=False) as database:
        result = trail_pins.check_database(database)
    problems = result.problems
    if problems:
        for problem in problems[:50]:
            print(f"TAMPERED: {problem}")
        if len(problems) > 50:
            print(f"... and {len(problems) - 50} more")
        sys.stderr.write(f"error: audit trail verification failed: {len(problems)} problem(s)\n")
        return 1
    print(f"audit trail intact: {result.entries} entries, head {result.head}")
    print(
        f"checkpoints: {result.checked} checked with this computer's key"
        + (f", {result.foreign} sealed elsewhere (not checkable here)" if result.foreign else "")
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from auditapp.core import backup

    path = database_path(args)
    target = backup.backup(path, args.output, passphrase_for(path))
    print(f"backup written to {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from auditapp.core import backup, trail
    from auditapp.core.db import DamagedDatabase
    from auditapp.core.restore import BackupRejected

    if args.accept_damaged and not (args.reason or "").strip():
        raise BadInput("--accept-damaged needs --reason TEXT (it is recorded in the audit trail)")
    if args.reason and not args.accept_damaged:
        raise BadInput("--reason goes with --accept-damaged")
    target = database_path(args)
    source_passphrase = passphrase_for(args.file)
    # Who replaces a database signs in to it first. When it is missing or too damaged to open,
    # the sign-in is to the restored copy, and a failed sign-in puts the old file back.
    user = None
    if target.exists() and target.stat().st_size:
        try:
            with open_db(args, create=False) as database:
                user = signin.sign_in(database, args)
        except DamagedDatabase:
            user = None
    existed = target.exists()
    try:
        aside = backup.restore(
            args.file,
            target,
            source_passphrase,
            accept_damaged=args.reason if args.accept_damaged else None,
            actor=user.username if user else "restore (sign-in follows)",
        )
    except BackupRejected as exc:
        raise Refused(
            f"{exc}. If this backup is the only copy left, restore it anyway with "
            "--accept-damaged --reason TEXT (recorded in the audit trail)"
        ) from None
    if user is None:
        try:
            with open_db(args, create=False) as database:
                user = signin.sign_in(database, args)
                with database.session(actor=user.username) as session:
                    trail.record_event(
                        session.connection(),
                        user=user.username,
                        action="restore",
                        entity="database",
                        entity_id=target.name,
                        detail=f"restored from {args.file.name}; signed in to the restored copy",
                    )
        except AuditAppError:
            backup.undo_restore(target, aside if existed else None)
            raise
    if aside:
        print(f"previous database kept at {aside}")
    print(f"restored {args.file} to {target}")
    return 0
