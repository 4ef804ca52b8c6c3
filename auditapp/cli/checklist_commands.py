"""`auditapp checklist list | validate | import | export`: the checklist library."""

from __future__ import annotations

import argparse
from pathlib import Path

from auditapp.cli import open_db, signin
from auditapp.errors import AuditAppError, BadInput


def register(sub: argparse._SubParsersAction) -> None:
    checklist = sub.add_parser("checklist", help="checklist library").add_subparsers(
        dest="checklist_command", required=True
    )
    p = checklist.add_parser("list", help="available checklists and versions")
    p.set_defaults(handler=cmd_checklist_list)
    p = checklist.add_parser("validate", help="check a YAML or Excel checklist file")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_checklist_validate)
    p = checklist.add_parser(
        "import", help="add a checklist version (YAML or Excel) to the library"
    )
    p.add_argument("file", type=Path)
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_checklist_import)
    p = checklist.add_parser("export", help="write a checklist to Excel for review")
    p.add_argument("checklist_id")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(handler=cmd_checklist_export)


def cmd_checklist_list(args: argparse.Namespace) -> int:
    from auditapp.core import checklists

    with open_db(args) as database, database.session() as session:
        items = checklists.library(session)
    for c in items:
        print(
            f"{c.id:<24} v{c.version:<8} {len(c.areas):>2} areas {len(c.questions):>4} questions  "
            f"{c.title['en']} [{c.source if c.source == 'imported' else 'shipped'}]"
        )
    return 0


def cmd_checklist_validate(args: argparse.Namespace) -> int:
    from auditapp.core import checklists

    checklist = checklists.load_file(args.file)
    print(
        f"valid: {checklist.id} v{checklist.version}, {len(checklist.areas)} areas, "
        f"{len(checklist.questions)} questions"
    )
    return 0


def cmd_checklist_import(args: argparse.Namespace) -> int:
    from auditapp.core import checklists

    checklist = checklists.load_file(args.file)
    with open_db(args) as database:
        user = signin.sign_in(database, args)
        with database.session(
            actor=user.username, reason=f"imported from {args.file.name}"
        ) as session:
            checklists.import_checklist(session, checklist)
    print(f"imported {checklist.id} v{checklist.version} ({len(checklist.questions)} questions)")
    return 0


def cmd_checklist_export(args: argparse.Namespace) -> int:
    from auditapp.core import checklists
    from auditapp.core.checklist_excel import write_workbook

    if args.output.suffix.lower() != ".xlsx":
        raise BadInput("the export is an Excel workbook: give a file name ending in .xlsx")
    with open_db(args) as database, database.session() as session:
        checklist = checklists.get(session, args.checklist_id)
    try:
        write_workbook(checklist, args.output)
    except OSError as exc:
        raise AuditAppError(f"cannot write {args.output}: {exc.strerror}") from None
    print(f"wrote {args.output}")
    return 0
