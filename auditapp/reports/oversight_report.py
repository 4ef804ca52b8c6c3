"""The oversight report: the CRO register's figures and charts for a governance meeting.

One document model as every other report (document.py), so the PDF and the DOCX writers lay
out the same content; the charts are PNGs (oversight_charts.py) both writers embed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from auditapp.core import cro_register, cro_risk, kpi_records, kpis
from auditapp.core.db import Database
from auditapp.core.models import Classification, Study
from auditapp.core.oversight_models import EscalationStatus
from auditapp.reports import oversight_charts as charts
from auditapp.reports import wording
from auditapp.reports.branding import load_branding
from auditapp.reports.document import (
    Block,
    Cell,
    Document,
    Figure,
    Heading,
    KeyValueTable,
    Meta,
    PageBreak,
    Paragraph,
    Table,
)
from auditapp.reports.oversight_wording import date, status, t

AGEING_COLOURS = ("#2E7D32", "#C77C02", "#E65100", "#C62828")
BAND_COLOURS = {"high": "#C62828", "medium": "#C77C02", "low": "#2E7D32"}
RATING_FILL = {"ok": "#E8F5E9", "warning": "#FFF3E0", "breach": "#FFEBEE"}


def _figure(png: tuple[bytes, int, int], caption: str = "") -> Figure:
    data, width, height = png
    return Figure(data, width, height, (caption,) if caption else (), full_width=True)


def _qualification(s: cro_register.CroSummary, lang: str) -> str:
    q = s.qualification
    if q is None:
        return t("none", lang)
    text = t("since", lang, status=t(f"qual_{q.status}", lang), date=date(q.effective_on, lang))
    text += f", {t('set_by', lang, audit=q.audit)}" if q.audit else ""
    if s.qualification_lapsed:
        text += f"; {t('lapsed', lang, date=date(q.valid_until, lang))}"
    return text


def _next_audit(s: cro_register.CroSummary, lang: str) -> str:
    r = s.risk
    day = date(r.proposed_next_audit, lang)
    return t("next_overdue", lang, date=day) if r.audit_overdue else day


def _facts(s: cro_register.CroSummary, lang: str) -> KeyValueTable:
    r = s.risk
    return KeyValueTable((
        (t("qualification", lang), _qualification(s, lang)),
        (t("risk", lang), t("risk_value", lang, score=f"{r.score:g}", band=t(f"band_{r.band}", lang))),
        (t("last_audit", lang), date(r.last_audit, lang) if r.last_audit else t("never", lang)),
        (t("next_audit", lang), _next_audit(s, lang)),
        (t("planned_audit", lang), f"{s.planned_audit.reference}, {date(s.planned_audit.date, lang)}"
         if s.planned_audit else "—"),
        (t("capas", lang), f"{len(s.open_capas)} ({len(s.overdue_capas)})"),
        (t("repeats", lang), str(s.repeat_findings)),
        (t("escalations_open", lang), str(s.open_escalations)),
    ))


def _grades(counts: dict[str, int]) -> str:
    return (f"{counts.get('critical', 0)}/{counts.get('major', 0)}/"
            f"{counts.get('minor', 0) + counts.get('other', 0)}/{counts.get('recommendation', 0)}")


def _audits(s: cro_register.CroSummary, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t("audits", lang), 2)]
    if not s.audits:
        return [*blocks, Paragraph.of(t("never", lang))]
    blocks.append(Table(
        (t("reference", lang), t("type", lang), t("date", lang), t("status", lang),
         t("findings_cmmr", lang)),
        tuple((Cell(a.reference, mono=True),
               Cell(wording.label_or(f"type_{a.audit_type}", lang, a.audit_type)),
               Cell(date(a.date, lang)), Cell(status(a.status, lang)), Cell(_grades(a.grades)))
              for a in s.audits),
        (1.3, 2.2, 1.1, 1.0, 1.4), small=True))
    blocks.append(_figure(charts.stacked_grades(
        t("audits_chart", lang), [a.reference for a in s.audits], [a.grades for a in s.audits],
        lang)))
    areas = list(s.findings_by_area.items())
    if areas:
        blocks.append(Heading(t("areas", lang), 3))
        blocks.append(Table(
            (t("area", lang), *(charts.grade_label(g, lang) for g in (Classification.CRITICAL, Classification.MAJOR, Classification.MINOR)),
             charts.grade_label("recommendation", lang), t("total", lang)),
            tuple((Cell(name), Cell(str(c["critical"])), Cell(str(c["major"])),
                   Cell(str(c["minor"] + c["other"])), Cell(str(c["recommendation"])),
                   Cell(str(sum(c.values())), bold=True)) for name, c in areas),
            (3, 1, 1, 1, 1, 1), small=True))
        blocks.append(_figure(charts.stacked_grades(
            t("areas", lang), [a for a, _ in areas], [c for _, c in areas], lang)))
    return blocks


def _capas(s: cro_register.CroSummary, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t("capa_section", lang), 2)]
    if not s.open_capas:
        return [*blocks, Paragraph.of(t("capa_none", lang))]
    ageing = s.capa_ageing()
    blocks.append(_figure(charts.bars(t("capa_chart", lang), list(ageing),
                                      list(ageing.values()), AGEING_COLOURS)))
    blocks.append(Table(
        (t("reference", lang), t("finding", lang), t("grade", lang), t("status", lang),
         t("due", lang), t("overdue_days", lang), t("repeat", lang)),
        tuple((Cell(c.audit, mono=True), Cell(f"{c.finding} {c.title}"),
               Cell(charts.grade_label(c.grade, lang)), Cell(status(c.status, lang)),
               Cell(date(c.due, lang)),
               Cell(str(c.overdue_days) if c.overdue_days else "—",
                    fill="#FFEBEE" if c.overdue_days else "", bold=bool(c.overdue_days)),
               Cell(t("yes", lang) if c.repeat else ""))
              for c in s.open_capas),
        (1.3, 3.2, 1.0, 1.2, 1.1, 0.9, 0.8), small=True))
    return blocks


def _risk(s: cro_register.CroSummary, weights: dict[str, float], lang: str) -> list[Block]:
    explained = t("risk_explained", lang, months=int(weights["lookback_months"]),
                  high=f"{weights['high_score']:g}", medium=f"{weights['medium_score']:g}",
                  high_m=int(weights["high_interval_months"]),
                  medium_m=int(weights["medium_interval_months"]),
                  low_m=int(weights["low_interval_months"]))
    rows = tuple((Cell(t(f"factor_{c.key}", lang)), Cell(f"{c.count:g}"), Cell(f"{c.weight:g}"),
                  Cell(f"{c.points:g}")) for c in s.risk.components)
    rows += ((Cell(t("total", lang), bold=True), Cell(""), Cell(""),
              Cell(f"{s.risk.score:g}", bold=True, fill=BAND_COLOURS[s.risk.band],
                   light_text=True)),)
    blocks: list[Block] = [
        Heading(t("risk_section", lang), 2), Paragraph.of(explained),
        Table((t("factor", lang), t("count", lang), t("weight", lang), t("points", lang)), rows,
              (3, 1, 1, 1), small=True, width_share=0.7)]
    if s.qualification_history:
        blocks += [Heading(t("history", lang), 3), Table(
            (t("effective", lang), t("qualification", lang), t("reference", lang),
             t("valid_until", lang), t("conditions", lang), t("decided_by", lang)),
            tuple((Cell(date(q.effective_on, lang)), Cell(t(f"qual_{q.status}", lang)),
                   Cell(q.audit or "—", mono=True), Cell(date(q.valid_until, lang)),
                   Cell(q.conditions or "—"), Cell(q.decided_by)) for q in s.qualification_history),
            (1.1, 1.5, 1.3, 1.1, 2.5, 1.0), small=True)]
    return blocks


def _kpis(session: Session, org: object, s: cro_register.CroSummary, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t("kpi_section", lang), 2)]
    if not s.kpi_latest:
        return [*blocks, Paragraph.of(t("kpi_none", lang))]
    definitions = kpis.shipped()

    def known(kpi_id: str) -> kpis.Kpi | None:
        return next((k for k in definitions.kpis if k.id == kpi_id), None)

    rows = []
    for p in s.kpi_latest:
        kpi = known(p.kpi_id)
        rows.append((Cell(kpi.label(lang) if kpi else p.kpi_id), Cell(p.study or "—"),
                     Cell(p.period), Cell(f"{p.value:g} {kpi.unit if kpi else ''}".strip()),
                     Cell(f"{kpi.warning:g} / {kpi.breach:g}" if kpi else "—"),
                     Cell(t(f"rating_{p.rating}", lang), fill=RATING_FILL.get(p.rating, ""),
                          bold=p.rating == "breach")))
    blocks.append(Table((t("kpi", lang), t("study", lang), t("period", lang), t("value", lang),
                         t("thresholds", lang), t("rating", lang)), tuple(rows),
                        (2.6, 1.1, 0.9, 1.1, 1.2, 1.0), small=True))
    for p in s.kpi_latest:
        kpi = known(p.kpi_id)
        if kpi is None:
            continue
        points = kpi_records.series(session, org, p.kpi_id, p.study or None)  # type: ignore[arg-type]
        if p.study == "":
            points = [q for q in points if q.study == ""]
        study = f" ({p.study})" if p.study else ""
        blocks.append(_figure(charts.kpi_trend(
            kpi.label(lang) + study, [(q.period_end, q.value, q.rating) for q in points],
            warning=kpi.warning, breach=kpi.breach, unit=kpi.unit,
            period_labels=[q.period for q in points], value_label=t("value", lang),
            warning_label=t("warning", lang),
            breach_label=t("breach", lang)),
            t("trend_caption", lang, kpi=kpi.label(lang), study=study)))
    return blocks


def _escalations(session: Session, org: object, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t("escalation_section", lang), 2)]
    entries = kpi_records.escalations(session, org=org)  # type: ignore[arg-type]
    if not entries:
        return [*blocks, Paragraph.of(t("escalation_none", lang))]
    definitions = kpis.shipped()
    # An owner still named after a level of the path reads in the report's language.
    level_names = {lv.label("en"): lv.label(lang) for lv in definitions.levels}
    rows = []
    for e in entries:
        study = session.get(Study, e.study_id) if e.study_id else None
        state = (t("closed", lang, date=date(e.closed_on, lang)) if e.status == EscalationStatus.CLOSED
                 else t("open", lang))
        rows.append((Cell(kpi_records.escalation_label(e.number), mono=True),
                     Cell(e.issue + (f" [{study.protocol_number}]" if study and
                                     study.protocol_number not in e.issue else "")),
                     Cell(str(e.level)), Cell(level_names.get(e.owner, e.owner)),
                     Cell(e.actions or "—"),
                     Cell(f"{date(e.opened_on, lang)} / {date(e.due_on, lang)}"),
                     Cell(state + (f": {e.closure}" if e.closure else ""),
                          fill="" if e.status == EscalationStatus.CLOSED else "#FFEBEE")))
    blocks.append(Table((t("number", lang), t("issue", lang), t("level", lang), t("owner", lang),
                         t("actions", lang), f"{t('opened', lang)} / {t('due', lang)}",
                         t("status", lang)), tuple(rows),
                        (1.1, 2.6, 0.6, 1.5, 2.0, 1.3, 1.4), small=True))
    return blocks


def _portfolio(summaries: Sequence[cro_register.CroSummary], lang: str) -> list[Block]:
    return [
        Heading(t("portfolio", lang), 1),
        Table((t("cro", lang), t("qualification", lang), t("risk", lang), t("last_audit", lang),
               t("next_audit", lang), t("capas", lang), t("escalations_open", lang)),
              tuple((Cell(s.name, bold=True),
                     Cell(t(f"qual_{s.qualification.status}", lang) if s.qualification else "—"),
                     Cell(t("risk_value", lang, score=f"{s.risk.score:g}",
                            band=t(f"band_{s.risk.band}", lang)),
                          fill=BAND_COLOURS[s.risk.band], light_text=True),
                     Cell(date(s.risk.last_audit, lang)), Cell(_next_audit(s, lang)),
                     Cell(f"{len(s.open_capas)} ({len(s.overdue_capas)})"),
                     Cell(str(s.open_escalations))) for s in summaries),
              (2.4, 1.4, 1.1, 1.1, 1.4, 1.0, 1.0), small=True),
        _figure(charts.bars(t("portfolio_chart", lang), [s.name for s in summaries],
                            [s.risk.score for s in summaries],
                            [BAND_COLOURS[s.risk.band] for s in summaries])),
    ]


def build_oversight(session: Session, *, cro: str | None = None, language: str = "en",
                    today: dt.date | None = None) -> Document:
    lang = wording.check_language(language)
    today = today or dt.date.today()
    orgs = [cro_register.find_cro(session, cro)] if cro else cro_register.cros(session)
    summaries = [cro_register.summarise(session, org, today=today) for org in orgs]
    weights = cro_risk.weights(session)
    subject = summaries[0].name if cro else t("subject_all", lang)
    blocks: list[Block] = [
        Heading(f"{t('kicker', lang)}: {subject}", 1, in_toc=False),
        Paragraph.of(t("statement", lang, date=date(today, lang))),
    ]
    if not cro:
        order = sorted(zip(summaries, orgs, strict=True), key=lambda p: -p[0].risk.score)
        summaries, orgs = [p[0] for p in order], [p[1] for p in order]
        blocks += _portfolio(summaries, lang)
    for index, (summary, org) in enumerate(zip(summaries, orgs, strict=True)):
        if index or not cro:
            blocks.append(PageBreak())
        blocks += [Heading(summary.name, 1), KeyValueTable(((t("as_of", lang), date(today, lang)),)),
                   _facts(summary, lang)]
        blocks += _audits(summary, lang)
        blocks += _capas(summary, lang)
        blocks += _risk(summary, weights, lang)
        blocks += _kpis(session, org, summary, lang)
        blocks += _escalations(session, org, lang)
    branding = load_branding(session)
    meta = Meta(
        title=f"{t('kicker', lang)}: {subject}", reference=f"{t('as_of', lang)} {today.isoformat()}",
        version_label=date(today, lang), language=lang, organisation=branding.organisation,
        organisation_address=branding.address, author=str(session.info.get("actor", "")),
        confidentiality=t("footer", lang), footer_text=branding.footer_text,
        page_label=wording.t("page_label", lang), paper=branding.paper,
        primary_colour=branding.primary_colour, logo=branding.logo, subject=subject,
        keywords=("CRO oversight", "ICH E6", subject))
    return Document(meta, tuple(blocks))


def export_oversight(db: Database, *, cro: str | None, fmt: str, language: str = "en",
                     today: dt.date | None = None) -> bytes:
    from auditapp.reports.export import render

    with db.session() as session:
        document = build_oversight(session, cro=cro, language=language, today=today)
    return render(document, fmt)
