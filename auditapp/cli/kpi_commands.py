"""`auditapp kpi`, `auditapp escalation`: a CRO's KPI figures and the escalation log of breaches."""

from __future__ import annotations

import argparse

from auditapp.cli import open_db, signin
from auditapp.cli.oversight_commands import days_text, print_json
from auditapp.errors import BadInput


def register(sub: argparse._SubParsersAction) -> None:
    kpi = sub.add_parser("kpi", help="oversight KPIs: record periodic figures, list them")
    kpi_sub = kpi.add_subparsers(dest="kpi_command", metavar="ACTION", required=True)
    p = kpi_sub.add_parser("add", help="record a KPI figure; a breach opens an escalation")
    p.add_argument("cro", metavar="CRO")
    p.add_argument("--kpi", required=True, help="KPI id (see 'auditapp kpi definitions')")
    p.add_argument("--period", required=True, help="month 2026-03 or quarter 2026-Q1")
    p.add_argument("--value", required=True)
    p.add_argument("--study", help="protocol number (default: the CRO as a whole)")
    p.add_argument("--note", default="")
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_kpi_add)
    p = kpi_sub.add_parser("list", help="recorded figures of a CRO with their rating")
    p.add_argument("cro", metavar="CRO")
    p.add_argument("--kpi")
    p.add_argument("--study")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_kpi_list)
    p = kpi_sub.add_parser(
        "definitions",
        help="the KPI definitions and the escalation path; "
        "--validate FILE checks a changed definitions file",
    )
    p.add_argument("--validate", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_kpi_definitions)

    esc = sub.add_parser("escalation", help="the escalation log of KPI breaches")
    esc_sub = esc.add_subparsers(dest="escalation_command", metavar="ACTION", required=True)
    p = esc_sub.add_parser("list", help="entries of the escalation log")
    p.add_argument("--cro")
    p.add_argument("--status", choices=["open", "closed"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_escalation_list)
    p = esc_sub.add_parser("add", help="escalate an issue by hand (not from a KPI)")
    p.add_argument("cro", metavar="CRO")
    p.add_argument("--issue", required=True)
    p.add_argument("--level", type=int, default=1)
    p.add_argument("--owner", help="default: the level's name on the escalation path")
    p.add_argument("--due", metavar="DATE", help="default: the level's response days from today")
    p.add_argument("--study", help="protocol number")
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_escalation_add)
    p = esc_sub.add_parser("update", help="raise, re-assign, add an action to or close an entry")
    p.add_argument("number", metavar="ESC-NNN")
    p.add_argument("--level", type=int)
    p.add_argument("--owner")
    p.add_argument("--action", help="what was done (appended with today's date)")
    p.add_argument("--due", metavar="DATE")
    p.add_argument("--close", metavar="TEXT", help="close it, saying how it was resolved")
    p.add_argument("--closed-on", metavar="DATE")
    p.add_argument("--reopen", action="store_true")
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_escalation_update)


def cmd_kpi_add(args: argparse.Namespace) -> int:
    from auditapp.core import cro_register, kpi_records

    with open_db(args) as database:
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session:  # type: ignore[attr-defined]
            done = kpi_records.record(
                session,
                cro_register.find_cro(session, args.cro),
                kpi_id=args.kpi,
                period=args.period,
                value=args.value,
                study=args.study,
                note=args.note,
            )
    p = done.point
    print(f"{p.kpi_id} {p.period}{f' {p.study}' if p.study else ''}: {p.value:g} ({p.rating})")
    if done.escalation is not None:
        label = kpi_records.escalation_label(done.escalation)
        print(
            f"{label} raised one level"
            if done.raised
            else f"breach: {label} opened in the escalation log"
        )
    return 0


def cmd_kpi_list(args: argparse.Namespace) -> int:
    from auditapp.core import cro_register, kpi_records, kpis

    with open_db(args, write=False) as database, database.session() as session:
        points = kpi_records.series(
            session, cro_register.find_cro(session, args.cro), args.kpi, args.study
        )
    if args.json:
        print_json(
            [
                {
                    "kpi": p.kpi_id,
                    "study": p.study or None,
                    "period": p.period,
                    "period_end": p.period_end.isoformat(),
                    "value": p.value,
                    "rating": p.rating,
                    "recorded_by": p.recorded_by,
                    "recorded_at": p.recorded_at.isoformat(),
                }
                for p in points
            ]
        )
        return 0
    definitions = kpis.shipped()
    for p in points:
        unit = definitions.get(p.kpi_id).unit if p.rating != "unknown" else ""
        print(
            f"{p.period:<8} {p.kpi_id:<30} {p.study or '—':<12} {p.value:>8g} {unit:<6} "
            f"{p.rating:<8} {p.recorded_by}"
        )
    if not points:
        print("no figures recorded")
    return 0


def cmd_kpi_definitions(args: argparse.Namespace) -> int:
    from auditapp.core import kpis

    definitions = kpis.load_file(args.validate) if args.validate else kpis.shipped()
    if args.json:
        print_json(
            {
                "version": definitions.version,
                "escalation_path": [
                    {"level": lv.level, "name": lv.name, "respond_days": lv.respond_days}
                    for lv in definitions.levels
                ],
                "kpis": [
                    {
                        "id": k.id,
                        "name": k.name,
                        "unit": k.unit,
                        "direction": k.direction,
                        "warning": k.warning,
                        "breach": k.breach,
                        "escalate_to": k.escalate_to,
                    }
                    for k in definitions.kpis
                ],
            }
        )
        return 0
    if args.validate:
        print(
            f"{args.validate}: valid, {len(definitions.kpis)} KPIs, "
            f"{len(definitions.levels)} escalation levels"
        )
        return 0
    for k in definitions.kpis:
        arrow = "≥" if k.direction == "higher_is_better" else "≤"
        print(
            f"{k.id:<30} {k.label():<34} {k.unit:<6} warning {arrow}{k.warning:g}  "
            f"breach beyond {k.breach:g}  level {k.escalate_to}"
        )
    for lv in definitions.levels:
        print(f"level {lv.level}: {lv.label()} ({lv.respond_days} days)")
    return 0


def cmd_escalation_list(args: argparse.Namespace) -> int:
    from auditapp.core import cro_register, kpi_records
    from auditapp.core.models import Organisation, Study

    with open_db(args, write=False) as database, database.session() as session:
        org = cro_register.find_cro(session, args.cro) if args.cro else None
        rows = []
        for e in kpi_records.escalations(session, org=org, status=args.status):
            study = session.get(Study, e.study_id) if e.study_id else None
            rows.append(
                {
                    "number": kpi_records.escalation_label(e.number),
                    "cro": session.get(Organisation, e.organisation_id).legal_name,  # type: ignore[union-attr]
                    "study": study.protocol_number if study else None,
                    "kpi": e.kpi_id or None,
                    "issue": e.issue,
                    "level": e.level,
                    "owner": e.owner,
                    "actions": e.actions,
                    "opened_on": e.opened_on.isoformat(),
                    "due_on": days_text(e.due_on),
                    "status": e.status,
                    "closed_on": e.closed_on.isoformat() if e.closed_on else None,
                    "closure": e.closure,
                }
            )
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(
            f"{r['number']} {r['status']:<6} level {r['level']} due {r['due_on']} "
            f"{r['cro']}: {r['issue']}"
        )
    if not rows:
        print("no escalations")
    return 0


def cmd_escalation_add(args: argparse.Namespace) -> int:
    from auditapp.core import cro_register, kpi_records

    with open_db(args) as database:
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session:  # type: ignore[attr-defined]
            entry = kpi_records.open_escalation(
                session,
                cro_register.find_cro(session, args.cro),
                issue=args.issue,
                level=args.level,
                owner=args.owner,
                due_on=args.due,
                study=args.study,
            )
            print(
                f"{kpi_records.escalation_label(entry.number)} opened at level {entry.level}, "
                f"owner {entry.owner}, due {entry.due_on}"
            )
    return 0


def cmd_escalation_update(args: argparse.Namespace) -> int:
    from auditapp.core import kpi_records

    number = kpi_records.parse_escalation(args.number)
    if not any(
        (args.level is not None, args.owner, args.action, args.due, args.close, args.reopen)
    ):
        raise BadInput(
            "nothing to change: give --level, --owner, --action, --due, --close or --reopen"
        )
    with open_db(args) as database:
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session:  # type: ignore[attr-defined]
            entry = kpi_records.update_escalation(
                session,
                number,
                level=args.level,
                owner=args.owner,
                action=args.action,
                due_on=args.due,
                close=args.close,
                closed_on=args.closed_on,
                reopen=args.reopen,
            )
            print(
                f"{kpi_records.escalation_label(entry.number)}: {entry.status}, level "
                f"{entry.level}, owner {entry.owner}"
            )
    return 0
