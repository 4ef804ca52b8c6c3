"""The command line: opens the GUI by default; every other verb is scriptable.

Exit codes: 0 done, 1 refused or invalid, 2 bad usage or bad input. Errors are one line on
stderr starting with ``error:``; tracebacks go to the log file, never to the user.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from auditapp import __version__, paths
from auditapp.core.vocabulary import Language, codes
from auditapp.errors import AuditAppError

log = logging.getLogger("auditapp")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def _setup_logging() -> Path | None:
    try:
        logfile = paths.log_file()
        handler = logging.FileHandler(logfile, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    from auditapp.log_privacy import WithholdFilter

    handler.addFilter(WithholdFilter())  # audit content stays out once a database is encrypted
    paths.restrict(logfile)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return logfile


# Each module has register(subparsers); one module per verb group keeps this file small.
COMMAND_MODULES = (
    "commands",
    "checklist_commands",
    "evidence",
    "signing_commands",
    "report_commands",
    "judgement_commands",
    "trust_commands",
    "output_commands",
    "package_commands",
    "account_commands",
    "team_commands",
    "capa_commands",
    "oversight_commands",
    "kpi_commands",
)


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole parser; without ``commands`` only the window's options (a fast start: the
    command modules import the ORM and the report stack, which the first paint must not wait for).
    """
    import importlib

    parser = _Parser(
        prog="auditapp",
        description="AuditApp: offline GCP audits of CROs (ICH E6 R2/R3). "
        "Without a command it opens the application window.",
    )
    parser.add_argument("--version", action="version", version=f"auditapp {__version__}")
    parser.add_argument(
        "--db", type=Path, help="database file (default: user data folder, or $AUDITAPP_DB)"
    )
    parser.add_argument("--lang", choices=codes(Language), help="language of the window")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the main window, wait for the first paint, print the start-up time, exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES if commands else ():
        importlib.import_module(f"auditapp.cli.{name}").register(sub)
    _accept_db_everywhere(parser)
    return parser


def _accept_db_everywhere(parser: argparse.ArgumentParser) -> None:
    """Every verb takes --db too (auditapp list --db X), not only before the verb."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if not any("--db" in a.option_strings for a in child._actions):
                    child.add_argument(
                        "--db",
                        type=Path,
                        default=argparse.SUPPRESS,
                        help="database file (default: user data folder, or $AUDITAPP_DB)",
                    )
                _accept_db_everywhere(child)


def _package_argument(parser: argparse.ArgumentParser, argv: list[str]) -> Path | None:
    """Take a lone FILE.auditpkg (a double-click in the file manager) out of argv."""
    commands: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands.update(action.choices)
    if any(arg in commands for arg in argv):
        return None  # e.g. `auditapp import FILE.auditpkg`
    for index, arg in enumerate(argv):
        if arg.lower().endswith(".auditpkg") and (index == 0 or argv[index - 1] != "--db"):
            del argv[index]
            return Path(arg)
    return None


def _opens_window(argv: list[str]) -> bool:
    """True when argv names no command and asks for no help: only then the short parser does."""
    takes_value = {"--db", "--lang"}
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in takes_value:
            skip = True
        elif arg in ("-h", "--help", "--version") or arg == "--":
            return False
        elif not arg.startswith("-") and not arg.lower().endswith(".auditpkg"):
            return False  # a command (or a typo the full parser reports)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    logfile = _setup_logging()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(commands=not _opens_window(arguments))
    package = _package_argument(parser, arguments)
    args = parser.parse_args(arguments)
    args.package = package
    try:
        if args.command is None:
            from auditapp.cli.gui_launch import launch

            return launch(args)
        return int(args.handler(args) or 0)
    except AuditAppError as exc:
        log.info("refused: %s", exc)
        sys.stderr.write(f"error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 1
    except BrokenPipeError:
        return 0
    except Exception as exc:
        log.exception("unexpected error")
        where = f"; details in {logfile}" if logfile else ""
        sys.stderr.write(f"error: unexpected problem: {type(exc).__name__}: {exc}{where}\n")
        return 1


def gui_main() -> int:
    """Entry point for desktop shortcuts (a gui-script: no console on Windows)."""
    return main(sys.argv[1:])


def database_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else paths.default_database()


def passphrase_for(path: Path, *, new: bool = False) -> str | None:
    """The passphrase of an encrypted database: $AUDITAPP_PASSPHRASE, else a prompt."""
    from auditapp.core.db import is_encrypted

    if not new and not is_encrypted(path):
        return None
    value = os.environ.get("AUDITAPP_PASSPHRASE")
    if value:
        return value
    if not sys.stdin.isatty():
        raise AuditAppError(
            f"{path} is encrypted: set AUDITAPP_PASSPHRASE or run in a terminal to be asked"
            if not new
            else "an encrypted database needs a passphrase: set AUDITAPP_PASSPHRASE"
        )
    import getpass

    value = getpass.getpass(f"Passphrase for {path.name}: ")
    if new and getpass.getpass("Repeat: ") != value:
        raise AuditAppError("the two passphrases differ")
    return value


def open_db(
    args: argparse.Namespace, *, create: bool = True, encrypt: bool = False, write: bool = True
):
    """Open the database the arguments name, asking for its passphrase when it is encrypted.

    A verb that writes takes the database's write lock, waiting a few seconds
    ($AUDITAPP_LOCK_WAIT) for another writer to finish, then refuses; a verb that only reads
    (write=False) never takes it and may not write.
    """
    from auditapp.core import ownership
    from auditapp.core.db import open_database

    path = database_path(args)
    new = encrypt and not (path.exists() and path.stat().st_size)
    passphrase = passphrase_for(path, new=new)
    if passphrase is not None and len(passphrase) < 8:
        raise AuditAppError("the passphrase must have at least 8 characters")
    verb = " ".join(a for a in sys.argv[1:3] if not a.startswith("-")) or "command"
    return open_database(
        path,
        create=create,
        passphrase=passphrase,
        writer=write,
        read_only=not write,
        lock_wait=ownership.DEFAULT_WAIT_S,
        purpose=f"'auditapp {verb}'",
        program="the AuditApp command line",
    )


def read_secret(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    """Passwords come from stdin (--password-stdin) or an interactive prompt, never argv."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise AuditAppError("--password-stdin given but standard input is empty")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise AuditAppError("no terminal to ask for a password; use --password-stdin")
    import getpass

    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != value:
        raise AuditAppError("the two entries differ")
    return value


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").lower() in ("1", "true", "yes")
