"""Account verbs of a signed-in user: `user passwd` (own password) and `user recover`
(a locked administrator with the recovery code shown when the account was made)."""

from __future__ import annotations

import argparse

from auditapp.cli import open_db, read_secret
from auditapp.cli.signing_commands import _user_group


def register(sub: argparse._SubParsersAction) -> None:
    user = _user_group(sub)
    p = user.add_parser("passwd", help="change your own password (current, then new twice)")
    p.add_argument("username")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the current and the new password from stdin, one per line",
    )
    p.set_defaults(handler=cmd_user_passwd)
    p = user.add_parser(
        "recover",
        help="administrator locked out: set a new password with the "
        "recovery code; prints the next recovery code",
    )
    p.add_argument("username")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the recovery code and the new password from stdin, one per line",
    )
    p.set_defaults(handler=cmd_user_recover)


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from auditapp.core import users

    with open_db(args, create=False) as database:
        current = read_secret(args, f"Current password for {args.username}: ")
        new = read_secret(args, "New password: ", confirm=True)
        users.change_password(database, args.username, current, new)
    print(f"password changed for {args.username.strip().lower()}")
    return 0


def cmd_user_recover(args: argparse.Namespace) -> int:
    from auditapp.core import users

    with open_db(args, create=False) as database:
        code = read_secret(args, "Recovery code: ")
        new = read_secret(args, "New password: ", confirm=True)
        next_code = users.recover_administrator(database, args.username, code, new)
    print(f"password reset and account unlocked for {args.username.strip().lower()}")
    print("Your new recovery code (the old one no longer works; keep this one safe):")
    print(next_code)
    return 0
