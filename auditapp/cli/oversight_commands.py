"""`auditapp cro`, `auditapp oversight-report`: sponsor oversight of CROs (the KPI and
escalation verbs are in kpi_commands.py).

Reading verbs open the database read-only; writing verbs sign in (--user NAME
--password-stdin) so the audit trail names the person.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

from auditapp.cli import open_db, signin
from auditapp.core.models import Language, codes
from auditapp.errors import BadInput


def days_text(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def register(sub: argparse._SubParsersAction) -> None:
    cro = sub.add_parser(
        "cro",
        help="the CRO register: audits, findings, CAPAs, qualification, "
        "risk score and the proposed next audit",
    )
    cro_sub = cro.add_subparsers(dest="cro_command", metavar="ACTION", required=True)
    p = cro_sub.add_parser("list", help="every CRO with qualification, risk and next audit")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cro_list)
    p = cro_sub.add_parser("show", help="one CRO in full (NAME or a unique part of it)")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cro_show)
    p = cro_sub.add_parser("qualify", help="record a qualification decision for a CRO")
    p.add_argument("name")
    p.add_argument("--status", required=True, choices=["approved", "conditional", "not_approved"])
    p.add_argument("--audit", metavar="REF", default="", help="the audit whose outcome sets it")
    p.add_argument("--effective", metavar="DATE", help="effective date (default today)")
    p.add_argument("--valid-until", metavar="DATE", help="date the qualification lapses")
    p.add_argument("--conditions", default="", help="conditions of a conditional approval")
    signin.add_arguments(p)
    p.set_defaults(handler=cmd_cro_qualify)
    p = cro_sub.add_parser(
        "weights",
        help="show or change the risk-score weights (KEY=VALUE...; see docs/oversight.md)",
    )
    p.add_argument("changes", nargs="*", metavar="KEY=VALUE")
    p.add_argument("--json", action="store_true")
    signin.add_arguments(p, required=False)
    p.set_defaults(handler=cmd_cro_weights)

    p = sub.add_parser(
        "oversight-report",
        help="the oversight report of a CRO (or of all CROs) for a governance meeting, PDF or DOCX",
    )
    p.add_argument("--cro", help="the CRO (default: every CRO)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.docx")
    p.add_argument("--lang", choices=codes(Language), default="en")
    p.set_defaults(handler=cmd_oversight_report)


def print_json(payload: object) -> None:
    print(json.dumps(payload, indent=2, ensure_ascii=False))


def cmd_cro_list(args: argparse.Namespace) -> int:
    from auditapp.core import cro_register

    with open_db(args, write=False) as database, database.session() as session:
        rows = cro_register.register(session)
    if args.json:
        print_json(
            [
                {
                    "name": r.name,
                    "audits": len(r.audits),
                    "last_audit": days_text(r.risk.last_audit) if r.risk.last_audit else None,
                    "qualification": r.qualification.status if r.qualification else None,
                    "open_capas": len(r.open_capas),
                    "overdue_capas": len(r.overdue_capas),
                    "repeat_findings": r.repeat_findings,
                    "open_escalations": r.open_escalations,
                    "risk_score": r.risk.score,
                    "risk_band": r.risk.band,
                    "proposed_next_audit": r.risk.proposed_next_audit.isoformat(),
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("no CROs yet (an audit's auditee becomes one)")
        return 0
    print(
        f"{'CRO':<36} {'QUALIFICATION':<14} {'AUDITS':>6} {'CAPA OPEN/OVERDUE':>17} "
        f"{'RISK':>11} NEXT AUDIT"
    )
    for r in rows:
        qual = r.qualification.status if r.qualification else "—"
        print(
            f"{r.name[:36]:<36} {qual:<14} {len(r.audits):>6} "
            f"{f'{len(r.open_capas)}/{len(r.overdue_capas)}':>17} "
            f"{f'{r.risk.score:g} {r.risk.band}':>11} {r.risk.proposed_next_audit.isoformat()}"
            f"{' (overdue)' if r.risk.audit_overdue else ''}"
        )
    return 0


def cmd_cro_show(args: argparse.Namespace) -> int:
    from auditapp.core import cro_register

    with open_db(args, write=False) as database, database.session() as session:
        summary = cro_register.summarise(session, cro_register.find_cro(session, args.name))
    data = cro_register.summary_json(summary)
    if args.json:
        print_json(data)
        return 0
    q = summary.qualification
    print(summary.name)
    print(
        f"  qualification: {q.status} since {q.effective_on}"
        f"{f' (audit {q.audit})' if q.audit else ''}"
        if q
        else "  qualification: none recorded"
    )
    if summary.qualification_lapsed:
        print(f"  qualification lapsed on {q.valid_until}")  # type: ignore[union-attr]
    r = summary.risk
    print(
        f"  risk: {r.score:g} ({r.band}); last audit {days_text(r.last_audit)}; "
        f"next audit proposed {r.proposed_next_audit}{' (overdue)' if r.audit_overdue else ''}"
    )
    if summary.planned_audit:
        print(f"  planned: {summary.planned_audit.reference} on {summary.planned_audit.date}")
    for part in r.components:
        print(f"    {part.key:<22} {part.count:g} x {part.weight:g} = {part.points:g}")
    print("  audits:")
    for a in summary.audits:
        g = a.grades
        print(
            f"    {a.reference:<14} {a.date} {a.status:<12} critical {g['critical']} major "
            f"{g['major']} minor {g['minor'] + g['other']} recommendation {g['recommendation']}"
        )
    print(
        f"  open CAPAs: {len(summary.open_capas)} ({len(summary.overdue_capas)} overdue); "
        f"repeat findings: {summary.repeat_findings}; open escalations: {summary.open_escalations}"
    )
    for capa in summary.open_capas:
        late = (
            f"overdue {capa.overdue_days} d" if capa.overdue_days else f"due {days_text(capa.due)}"
        )
        print(
            f"    {capa.audit} {capa.finding} {capa.grade:<6} {late:<16} "
            f"{'repeat ' if capa.repeat else ''}{capa.title}"
        )
    return 0


def cmd_cro_qualify(args: argparse.Namespace) -> int:
    from auditapp.core import cro_qualification, cro_register

    with open_db(args) as database:
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session:  # type: ignore[attr-defined]
            q = cro_qualification.qualify(
                session,
                cro_register.find_cro(session, args.name),
                status=args.status,
                audit_reference=args.audit,
                effective_on=args.effective,
                valid_until=args.valid_until,
                conditions=args.conditions,
            )
    print(
        f"{args.name}: {q.status} from {q.effective_on}"
        + (f" (audit {q.audit})" if q.audit else "")
    )
    return 0


def cmd_cro_weights(args: argparse.Namespace) -> int:
    from auditapp.core import cro_risk

    changes: dict[str, object] = {}
    for item in args.changes:
        key, sep, value = item.partition("=")
        if not sep:
            raise BadInput(f"{item!r}: give KEY=VALUE")
        try:
            changes[key.strip()] = float(value)
        except ValueError:
            raise BadInput(f"{item!r}: the value must be a number") from None
    if changes:
        with open_db(args) as database:
            user = signin.sign_in(database, args)
            with database.session(actor=user.username) as session:  # type: ignore[attr-defined]
                weights = cro_risk.set_weights(session, changes)
    else:
        with open_db(args, write=False) as database, database.session() as session:
            weights = cro_risk.weights(session)
    if args.json:
        print_json(weights)
    else:
        for key, value in weights.items():
            mark = "" if value == cro_risk.DEFAULT_WEIGHTS[key] else "  (changed)"
            print(f"{key:<24} {value:g}{mark}")
    return 0


def cmd_oversight_report(args: argparse.Namespace) -> int:
    from auditapp.reports import export
    from auditapp.reports.oversight_report import export_oversight

    target = export.check_target(args.output)
    fmt = export.format_for(target)
    with open_db(args, write=False) as database:
        data = export_oversight(database, cro=args.cro, fmt=fmt, language=args.lang)
    export.write(target, data)
    print(target)
    return 0
