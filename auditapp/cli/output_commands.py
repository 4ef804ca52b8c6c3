"""`auditapp settings`, `auditapp findings export`, `auditapp capa-form`: branding and the
documents that follow a report (the auditee's CAPA form, the findings for the sponsor's QMS)."""

from __future__ import annotations

import argparse
from pathlib import Path

from auditapp.cli import open_db, signin
from auditapp.core.models import Language, codes


def register(sub: argparse._SubParsersAction) -> None:
    from auditapp.reports.branding import PUBLIC_NAMES

    names = ", ".join(PUBLIC_NAMES)
    settings = sub.add_parser("settings", help="report branding: organisation name, address, logo")
    verbs = settings.add_subparsers(dest="settings_command", required=True)
    p = verbs.add_parser("show", help="the report settings, one per line")
    p.set_defaults(handler=cmd_settings_show)
    p = verbs.add_parser("set", help=f"set one report setting ({names})")
    p.add_argument("name", metavar="NAME", help=names)
    p.add_argument(
        "value",
        metavar="VALUE",
        help="the value; for organisation.logo the path of an image file; "
        "\\n in the address starts a new line",
    )
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_settings_set)
    p = verbs.add_parser("unset", help="clear one report setting")
    p.add_argument("name", metavar="NAME", help=names)
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_settings_unset)

    found = sub.add_parser("findings", help="the findings of an audit for another system")
    verbs = found.add_subparsers(dest="findings_command", required=True)
    p = verbs.add_parser("export", help="write the findings as CSV, XLSX or JSON (stable columns)")
    p.add_argument("reference", help="audit reference")
    p.add_argument(
        "--format",
        choices=["csv", "xlsx", "json"],
        help="output format (default: from the file name)",
    )
    p.add_argument(
        "--lang",
        dest="report_lang",
        choices=codes(Language),
        help="language of the grade labels and area names (default: en)",
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    p.set_defaults(handler=cmd_findings_export)

    p = sub.add_parser("capa-form", help="write the auditee's CAPA response form (DOCX or XLSX)")
    p.add_argument("reference", help="audit reference")
    p.add_argument(
        "--format", choices=["docx", "xlsx"], help="output format (default: from the file name)"
    )
    p.add_argument(
        "--lang",
        dest="report_lang",
        choices=codes(Language),
        help="form language (default: the audit's language)",
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    p.set_defaults(handler=cmd_capa_form)


def _format(path: Path, fmt: str | None, known: tuple[str, ...]) -> str:
    from auditapp.errors import BadInput

    suffix = path.suffix.lower().lstrip(".")
    if fmt:
        if suffix and suffix != fmt:
            raise BadInput(f"{path.name} does not end in .{fmt}")
        return fmt
    if suffix not in known:
        raise BadInput(f"cannot tell the format from {path.name!r}; use --format {'|'.join(known)}")
    return suffix


def cmd_settings_show(args: argparse.Namespace) -> int:
    from auditapp.reports.branding import shown_settings

    with open_db(args, create=False, write=False) as database, database.read_session() as session:
        for name, value in shown_settings(session).items():
            print(f"{name}: {value.replace(chr(10), ' / ') if value else '(not set)'}")
    return 0


def cmd_settings_set(args: argparse.Namespace) -> int:
    from auditapp.reports.branding import set_branding

    with open_db(args, create=False) as database:
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session:
            shown = set_branding(session, args.name, args.value)
    print(f"{args.name} set to {shown!r}" if shown else f"{args.name} cleared")
    return 0


def cmd_settings_unset(args: argparse.Namespace) -> int:
    from auditapp.reports.branding import unset_branding

    with open_db(args, create=False) as database:
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session:
            unset_branding(session, args.name)
    print(f"{args.name} cleared")
    return 0


def cmd_findings_export(args: argparse.Namespace) -> int:
    from auditapp.reports import export
    from auditapp.reports.findings_export import FORMATS, export_findings

    fmt = _format(args.output, args.format, FORMATS)
    export.check_target(args.output)
    with open_db(args, create=False, write=False) as database, database.read_session() as session:
        data = export_findings(session, args.reference, fmt, args.report_lang or "en")
    target = export.write(args.output, data)
    print(f"wrote {target} ({len(data):,} bytes)")
    return 0


def cmd_capa_form(args: argparse.Namespace) -> int:
    from auditapp.reports import export
    from auditapp.reports.capa_form import FORMATS, export_capa_form

    fmt = _format(args.output, args.format, FORMATS)
    export.check_target(args.output)
    with open_db(args, create=False, write=False) as database, database.read_session() as session:
        data = export_capa_form(session, args.reference, fmt, args.report_lang)
    target = export.write(args.output, data)
    print(f"wrote {target} ({len(data):,} bytes)")
    return 0
