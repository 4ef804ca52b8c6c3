"""`auditapp capa ...` and `auditapp closure-letter`: CAPA follow-up after the report.

Reading verbs (list, export) need no sign-in; every verb that records a step names the person
(``--user NAME --password-stdin``) so the audit trail attributes it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from auditapp.cli import open_db, signin
from auditapp.core.models import Language, codes
from auditapp.errors import BadInput


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _finding(text: str) -> int:
    value = text.strip().upper().removeprefix("F-")
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a finding number (F-01 or 1)")
    return int(value)


def _evidence(text: str) -> int:
    value = text.strip().upper().removeprefix("E-")
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not an evidence number (E-001 or 1)")
    return int(value)


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("capa", help="CAPA follow-up of an audit's findings (after the report)")
    verbs = top.add_subparsers(dest="capa_command", required=True, metavar="VERB")

    p = verbs.add_parser(
        "list", help="each finding with its CAPA status, deadlines and overdue flags"
    )
    p.add_argument("reference")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser(
        "export", help="write the CAPA response form (XLSX) to send to the auditee"
    )
    p.add_argument("reference")
    p.add_argument("--lang", dest="report_lang", choices=codes(Language))
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(handler=cmd_export)

    p = verbs.add_parser("import", help="take the auditee's filled CAPA response form (XLSX)")
    p.add_argument("reference")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    signin.add_arguments(p, required=False)
    p.set_defaults(handler=cmd_import)

    def step(name: str, help_text: str) -> argparse.ArgumentParser:
        p = verbs.add_parser(name, help=help_text)
        p.add_argument("reference")
        p.add_argument("finding", type=_finding, help="finding number (F-01 or 1)")
        signin.add_arguments(p)
        return p

    p = step("respond", "record the auditee's CAPA plan (or a revised plan)")
    p.add_argument("--root-cause", required=True)
    p.add_argument("--correction", default="")
    p.add_argument("--corrective", default="", help="corrective action")
    p.add_argument("--preventive", default="", help="preventive action")
    p.add_argument("--owner", default="")
    p.add_argument("--target", type=_date, help="target date YYYY-MM-DD")
    p.set_defaults(handler=cmd_step, step="respond")
    p = step("assess", "accept the CAPA plan, ask for more information, or reject it")
    p.add_argument(
        "--decision", required=True, choices=["accepted", "more_information", "rejected"]
    )
    p.add_argument("--reason", default="")
    p.set_defaults(handler=cmd_step, step="assess")
    p = step("extend", "move the running deadline (response, implementation or effectiveness)")
    p.add_argument("--to", dest="new_date", type=_date, required=True, help="new date YYYY-MM-DD")
    p.add_argument("--reason", required=True)
    p.add_argument("--approver", required=True, help="who approved the extension")
    p.set_defaults(handler=cmd_step, step="extend")
    p = step("evidence", "record completion evidence (evidence items and/or a text reference)")
    p.add_argument(
        "--item",
        dest="items",
        type=_evidence,
        action="append",
        default=[],
        help="evidence item of the audit (E-001); repeatable",
    )
    p.add_argument("--text", default="", help="a reference to evidence held elsewhere")
    p.set_defaults(handler=cmd_step, step="evidence")
    p = step("verify", "plan the effectiveness check (--planned) or record its result (--result)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--planned", type=_date, help="date of the effectiveness check")
    group.add_argument("--result", choices=["effective", "not_effective"])
    p.add_argument("--reason", default="")
    p.set_defaults(handler=cmd_step, step="verify")
    p = step("close", "close the finding's follow-up")
    p.add_argument("--reason", default="")
    p.set_defaults(handler=cmd_step, step="close")

    p = verbs.add_parser(
        "similar",
        help="findings of earlier audits of the same CRO that look "
        "like this one (candidates for a repeat finding)",
    )
    p.add_argument("reference")
    p.add_argument("finding", type=_finding)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_similar)
    p = step("repeat", "mark the finding as a repeat of an earlier finding of the same CRO")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "--of",
        dest="earlier",
        metavar="'REF F-NN'",
        help="the earlier finding, e.g. 'AUD-2025-003 F-02'",
    )
    group.add_argument("--clear", action="store_true", help="not a repeat after all")
    p.set_defaults(handler=cmd_repeat)

    p = sub.add_parser(
        "closure-letter",
        help="write (or sign) the audit's closure letter; refused while any finding is open",
    )
    p.add_argument("reference")
    p.add_argument("--format", choices=["pdf", "docx"], help="default: from the file name")
    p.add_argument("--lang", dest="report_lang", choices=codes(Language))
    p.add_argument(
        "--sign",
        action="store_true",
        help="sign it (lead auditor or team member; PDF only) and close the audit",
    )
    p.add_argument("-o", "--output", type=Path, required=True)
    signin.add_arguments(p, required=False)
    p.set_defaults(handler=cmd_closure_letter)


def _status_dict(item: object) -> dict[str, object]:
    from auditapp.core import findings

    f, s = item.finding, item.status  # type: ignore[attr-defined]
    return {
        "finding": findings.number_label(f.number),
        "title": f.title,
        "classification": f.classification,
        "state": s.state.value,
        "finding_status": s.finding_status.value,
        "response_due": s.response_due.isoformat() if s.response_due else None,
        "implementation_due": s.implementation_due.isoformat() if s.implementation_due else None,
        "effectiveness_due": s.effectiveness_due.isoformat() if s.effectiveness_due else None,
        "overdue": list(s.overdue),
        "responses": s.responses,
        "repeat_of": f.repeat_of if f.repeat_finding else None,
        "closed_on": s.closed_on.isoformat() if s.closed_on else None,
    }


def cmd_list(args: argparse.Namespace) -> int:
    from auditapp.core import audits, capa_state

    with open_db(args, create=False, write=False) as database, database.session() as session:
        audit = audits.get_audit(session, args.reference)
        rows = [_status_dict(item) for item in capa_state.follow_up(session, audit)]
        reference = audit.reference
    if args.json:
        print(json.dumps({"reference": reference, "findings": rows}, indent=2, ensure_ascii=False))
        return 0
    for r in rows:
        due = r["implementation_due"] or r["response_due"] or "-"
        flag = f"  OVERDUE ({', '.join(r['overdue'])})" if r["overdue"] else ""
        print(
            f"{r['finding']}  {r['classification']:<14} {r['state']:<18} due {due}{flag}  "
            f"{r['title']}"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from auditapp.reports import capa_form

    if args.output.suffix.lower() != ".xlsx":
        raise BadInput(f"{args.output.name} does not end in .xlsx (the form comes back as XLSX)")
    with open_db(args, create=False, write=False) as database:
        target = capa_form.write_capa_form(
            database, args.reference, args.output, fmt="xlsx", language=args.report_lang
        )
    print(f"wrote {target}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from auditapp.core import audits, capa_import, input_limits

    rows = capa_import.read_form(args.file)
    source = input_limits.display_name(args.file)
    with open_db(args, create=False, write=not args.dry_run) as database:
        with database.session() as session:
            audit = audits.get_audit(session, args.reference)
            plan = capa_import.preview(session, audit, rows, source=source)
        for line in plan.lines():
            print(line)
        if args.dry_run:
            print(f"dry run: {len(plan.changes)} change(s) would be recorded; nothing changed")
            return 0
        if not plan.changes:
            print("nothing to record")
            return 0
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session:  # type: ignore[attr-defined]
            audit = audits.get_audit(session, args.reference)
            # Read again under the sign-in: what is recorded is what this preview shows.
            again = capa_import.preview(session, audit, rows, source=source)
            if again.lines() != plan.lines():
                raise BadInput("the follow-up changed while importing; run the import again")
            capa_import.apply(session, audit, again)
    print(f"recorded {len(plan.changes)} change(s) from {source}")
    return 0


def cmd_step(args: argparse.Namespace) -> int:
    from auditapp.core import audits, capa, findings

    with open_db(args, create=False) as database:
        with database.session() as session:
            findings.get_finding(session, audits.get_audit(session, args.reference), args.finding)
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session:  # type: ignore[attr-defined]
            audit = audits.get_audit(session, args.reference)
            n = args.finding
            if args.step == "respond":
                status = capa.respond(
                    session,
                    audit,
                    n,
                    root_cause=args.root_cause,
                    correction=args.correction,
                    corrective_action=args.corrective,
                    preventive_action=args.preventive,
                    owner=args.owner,
                    target_date=args.target,
                )
            elif args.step == "assess":
                status = capa.assess(session, audit, n, decision=args.decision, reason=args.reason)
            elif args.step == "extend":
                status = capa.extend(
                    session,
                    audit,
                    n,
                    new_date=args.new_date,
                    reason=args.reason,
                    approver=args.approver,
                )
            elif args.step == "evidence":
                status = capa.add_evidence(session, audit, n, evidence=args.items, text=args.text)
            elif args.step == "verify" and args.planned:
                status = capa.plan_effectiveness(session, audit, n, planned=args.planned)
            elif args.step == "verify":
                status = capa.verify_effectiveness(
                    session, audit, n, result=args.result, reason=args.reason
                )
            else:
                status = capa.close(session, audit, n, reason=args.reason)
    print(
        f"{findings.number_label(args.finding)}: {status.state.value}"
        + (f" (overdue: {', '.join(status.overdue)})" if status.overdue else "")
    )
    return 0


def cmd_similar(args: argparse.Namespace) -> int:
    from auditapp.core import audits, repeat

    with open_db(args, create=False, write=False) as database, database.session() as session:
        offered = repeat.similar_to(
            session, audits.get_audit(session, args.reference), args.finding
        )
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "finding": o.label,
                        "title": o.title,
                        "classification": o.classification,
                        "audit_date": o.audit_date,
                        "shared_references": list(o.shared_references),
                    }
                    for o in offered
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if not offered:
        print("no similar findings in earlier audits of this auditee")
    for o in offered:
        print(f"{o.label}  {o.classification:<14} {o.audit_date or '-':<10}  {o.title}")
    return 0


def cmd_repeat(args: argparse.Namespace) -> int:
    from auditapp.core import audits, findings, repeat

    with open_db(args, create=False) as database:
        with database.session() as session:
            findings.get_finding(session, audits.get_audit(session, args.reference), args.finding)
        user = signin.sign_in(database, args)
        with database.session(actor=user.username) as session:  # type: ignore[attr-defined]
            audit = audits.get_audit(session, args.reference)
            if args.clear:
                repeat.unlink_repeat(session, audit, args.finding)
                print(f"{findings.number_label(args.finding)}: not a repeat finding")
            else:
                done = repeat.link_repeat(session, audit, args.finding, args.earlier)
                print(f"{findings.number_label(args.finding)}: repeats {done.repeat_of}")
    return 0


def cmd_closure_letter(args: argparse.Namespace) -> int:
    from auditapp.cli import read_secret
    from auditapp.reports import closure_letter, export

    fmt = args.format or args.output.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "docx"):
        raise BadInput(f"cannot tell the format from {args.output.name!r}; use --format pdf|docx")
    if args.output.suffix and args.output.suffix.lower().lstrip(".") != fmt:
        raise BadInput(f"{args.output.name} does not end in .{fmt}")
    export.check_target(args.output)
    if args.sign:
        if fmt != "pdf":
            raise BadInput("the closure letter is signed as PDF only")
        if not args.user:
            raise BadInput(
                "signing needs --user NAME (password from --password-stdin or the prompt)"
            )
        with open_db(args, create=False) as database:
            result = closure_letter.sign_closure_letter(
                database,
                args.reference,
                username=args.user,
                password=read_secret(args, f"Password for {args.user}: "),
                language=args.report_lang,
            )
        target = export.write(args.output, result.pdf_bytes)
        print(f"signed the closure letter of {result.reference}; the audit is closed")
        print(f"wrote {target}")
        return 0
    with open_db(args, create=False, write=False) as database:
        data = closure_letter.export_closure_letter(
            database, args.reference, fmt=fmt, language=args.report_lang
        )
    print(f"wrote {export.write(args.output, data)}")
    return 0
