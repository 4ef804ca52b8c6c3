"""Sign-in for the command line: every verb that writes names the person who does it.

21 CFR 11.10(d)/(e) and 11.300: a change must be attributable to an identified user, never to a
generic "cli". A writing verb takes ``--user NAME`` and the password from ``--password-stdin``
(the first line of standard input) or a terminal prompt. The sign-in goes through
users.authenticate, so failures count towards the account lock and land in the audit trail.

Use it in a verb::

    signin.add_arguments(parser)
    ...
    with open_db(args) as database:
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session: ...
"""

from __future__ import annotations

import argparse

from auditapp.cli import read_secret


def add_arguments(
    parser: argparse.ArgumentParser, *, aliases: tuple[str, ...] = (), required: bool = True
) -> None:
    """``--user NAME`` and ``--password-stdin`` (idempotent: a verb may already have either)."""
    have = {option for action in parser._actions for option in action.option_strings}
    if "--user" not in have:
        parser.add_argument(
            "--user",
            *aliases,
            dest="user",
            required=required,
            metavar="NAME",
            help="your username: you sign in, and the audit trail records you",
        )
    if "--password-stdin" not in have:
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="read your password from the first line of standard input "
            "(else you are asked in the terminal)",
        )


def sign_in(db: object, args: argparse.Namespace, *, username: str | None = None) -> object:
    """The signed-in :class:`auditapp.core.models.User`, or Refused (exit 1).

    Reads one password line (stdin or prompt); a wrong password counts towards the lock.
    """
    from auditapp.core import users
    from auditapp.errors import BadInput

    name = username or getattr(args, "user", None)
    if not name:
        raise BadInput(
            "this command changes data: sign in with --user NAME "
            "(password from --password-stdin or the prompt)"
        )
    password = read_secret(args, f"Password for {name}: ")
    return users.authenticate(db, name, password)  # type: ignore[arg-type]
