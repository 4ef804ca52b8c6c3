"""The oversight report's sections for one CRO: audits, CAPAs, risk, KPIs and escalations."""

from __future__ import annotations

from sqlalchemy.orm import Session

from auditapp.core import cro_register, kpi_records, kpis
from auditapp.core.models import Classification, Study
from auditapp.core.oversight_models import EscalationStatus
from auditapp.reports import oversight_charts as charts
from auditapp.reports import wording
from auditapp.reports.document import Block, Cell, Figure, Heading, Paragraph, Table
from auditapp.reports.oversight_wording import date, status, t

AGEING_COLOURS = ("#2E7D32", "#C77C02", "#E65100", "#C62828")
BAND_COLOURS = {"high": "#C62828", "medium": "#C77C02", "low": "#2E7D32"}
RATING_FILL = {"ok": "#E8F5E9", "warning": "#FFF3E0", "breach": "#FFEBEE"}


def figure(png: tuple[bytes, int, int], caption: str = "") -> Figure:
    data, width, height = png
    return Figure(data, width, height, (caption,) if caption else (), full_width=True)


def _grades(counts: dict[str, int]) -> str:
    return (
        f"{counts.get('critical', 0)}/{counts.get('major', 0)}/"
        f"{counts.get('minor', 0) + counts.get('other', 0)}/{counts.get('recommendation', 0)}"
    )


def audits_section(s: cro_register.CroSummary, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t("audits", lang), 2)]
    if not s.audits:
        return [*blocks, Paragraph.of(t("never", lang))]
    blocks.append(
        Table(
            (
                t("reference", lang),
                t("type", lang),
                t("date", lang),
                t("status", lang),
                t("findings_cmmr", lang),
            ),
            tuple(
                (
                    Cell(a.reference, mono=True),
                    Cell(wording.label_or(f"type_{a.audit_type}", lang, a.audit_type)),
                    Cell(date(a.date, lang)),
                    Cell(status(a.status, lang)),
                    Cell(_grades(a.grades)),
                )
                for a in s.audits
            ),
            (1.3, 2.2, 1.1, 1.0, 1.4),
            small=True,
        )
    )
    blocks.append(
        figure(
            charts.stacked_grades(
                t("audits_chart", lang),
                [a.reference for a in s.audits],
                [a.grades for a in s.audits],
                lang,
            )
        )
    )
    areas = list(s.findings_by_area.items())
    if areas:
        blocks.append(Heading(t("areas", lang), 3))
        blocks.append(
            Table(
                (
                    t("area", lang),
                    *(
                        charts.grade_label(g, lang)
                        for g in (
                            Classification.CRITICAL,
                            Classification.MAJOR,
                            Classification.MINOR,
                        )
                    ),
                    charts.grade_label("recommendation", lang),
                    t("total", lang),
                ),
                tuple(
                    (
                        Cell(name),
                        Cell(str(c["critical"])),
                        Cell(str(c["major"])),
                        Cell(str(c["minor"] + c["other"])),
                        Cell(str(c["recommendation"])),
                        Cell(str(sum(c.values())), bold=True),
                    )
                    for name, c in areas
                ),
                (3, 1, 1, 1, 1, 1),
                small=True,
            )
        )
        blocks.append(
            figure(
                charts.stacked_grades(
                    t("areas", lang), [a for a, _ in areas], [c for _, c in areas], lang
                )
            )
        )
    return blocks


def capas_section(s: cro_register.CroSummary, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(t("capa_section", lang), 2)]
    if not s.open_capas:
        return [*blocks, Paragraph.of(t("capa_none", lang))]
    ageing = s.capa_ageing()
    blocks.append(
        figure(
            charts.bars(t("capa_chart", lang), list(ageing), list(ageing.values()), AGEING_COLOURS)
        )
    )
    blocks.append(
        Table(
            (
                t("reference", lang),
                t("finding", lang),
                t("grade", lang),
                t("status", lang),
                t("due", lang),
                t("overdue_days", lang),
                t("repeat", lang),
            ),
            tuple(
                (
                    Cell(c.audit, mono=True),
                    Cell(f"{c.finding} {c.title}"),
                    Cell(charts.grade_label(c.grade, lang)),
                    Cell(status(c.status, lang)),
                    Cell(date(c.due, lang)),
                    Cell(
                        str(c.overdue_days) if c.overdue_days else "—",
                        fill="#FFEBEE" if c.overdue_days else "",
                        bold=bool(c.overdue_days),
                    ),
                    Cell(t("yes", lang) if c.repeat else ""),
                )
                for c in s.open_capas
            ),
            (1.3, 3.2, 1.0, 1.2, 1.1, 0.9, 0.8),
            small=True,
        )
    )
    return blocks


def risk_section(s: cro_register.CroSummary, weights: dict[str, float], lang: str) -> list[Block]:
    explained = t(
        "risk_explained",
        lang,
        months=int(weights["lookback_months"]),
        high=f"{weights['high_score']:g}",
        medium=f"{weights['medium_score']:g}",
        high_m=int(weights["high_interval_months"]),
        medium_m=int(weights["medium_interval_months"]),
        low_m=int(weights["low_interval_months"]),
    )
    rows = tuple(
        (
            Cell(t(f"factor_{c.key}", lang)),
            Cell(f"{c.count:g}"),
            Cell(f"{c.weight:g}"),
            Cell(f"{c.points:g}"),
        )
        for c in s.risk.components
    )
    rows += (
        (
            Cell(t("total", lang), bold=True),
            Cell(""),
            Cell(""),
            Cell(f"{s.risk.score:g}", bold=True, fill=BAND_COLOURS[s.risk.band], light_text=True),
        ),
    )
    blocks: list[Block] = [
        Heading(t("risk_section", lang), 2),
        Paragraph.of(explained),
        Table(
            (t("factor", lang), t("count", lang), t("weight", lang), t("points", lang)),
            rows,
            (3, 1, 1, 1),
            small=True,
            width_share=0.7,
        ),
    ]
    if s.qualification_history:
        blocks += [
            Heading(t("history", lang), 3),
            Table(
                (
                    t("effective", lang),
                    t("qualification", lang),
                    t("reference", lang),
                    t("valid_until", lang),
                    t("conditions", lang),
                    t("decided_by", lang),
                ),
                tuple(
                    (
                        Cell(date(q.effective_on, lang)),
                        Cell(t(f"qual_{q.status}", lang)),
                        Cell(q.audit or "—", mono=True),
                        Cell(date(q.valid_until, lang)),
                        Cell(q.conditions or "—"),
                        Cell(q.decided_by),
                    )
                    for q in s.qualification_history
                ),
                (1.1, 1.5, 1.3, 1.1, 2.5, 1.0),
                small=True,
            ),
        ]
    return blocks


def kpis_section(
    session: Session, org: object, s: cro_register.CroSummary, lang: str
) -> list[Block]:
    blocks: list[Block] = [Heading(t("kpi_section", lang), 2)]
    if not s.kpi_latest:
        return [*blocks, Paragraph.of(t("kpi_none", lang))]
    definitions = kpis.shipped()

    def known(kpi_id: str) -> kpis.Kpi | None:
        return next((k for k in definitions.kpis if k.id == kpi_id), None)

    rows = []
    for p in s.kpi_latest:
        kpi = known(p.kpi_id)
        rows.append(
            (
                Cell(kpi.label(lang) if kpi else p.kpi_id),
                Cell(p.study or "—"),
                Cell(p.period),
                Cell(f"{p.value:g} {kpi.unit if kpi else ''}".strip()),
                Cell(f"{kpi.warning:g} / {kpi.breach:g}" if kpi else "—"),
                Cell(
                    t(f"rating_{p.rating}", lang),
                    fill=RATING_FILL.get(p.rating, ""),
                    bold=p.rating == "breach",
                ),
            )
        )
    blocks.append(
        Table(
            (
                t("kpi", lang),
                t("study", lang),
                t("period", lang),
                t("value", lang),
                t("thresholds", lang),
                t("rating", lang),
            ),
            tuple(rows),
            (2.6, 1.1, 0.9, 1.1, 1.2, 1.0),
            small=True,
        )
    )
    for p in s.kpi_latest:
        kpi = known(p.kpi_id)
        if kpi is None:
            continue
        points = kpi_records.series(session, org, p.kpi_id, p.study or None)  # type: ignore[arg-type]
        if p.study == "":
            points = [q for q in points if q.study == ""]
        study = f" ({p.study})" if p.study else ""
        blocks.append(
            figure(
                charts.kpi_trend(
                    kpi.label(lang) + study,
                    [(q.period_end, q.value, q.rating) for q in points],
                    warning=kpi.warning,
                    breach=kpi.breach,
                    unit=kpi.unit,
                    period_labels=[q.period for q in points],
                    value_label=t("value", lang),
                    warning_label=t("warning", lang),
                    breach_label=t("breach", lang),
                ),
                t("trend_caption", lang, kpi=kpi.label(lang), study=study),
            )
        )
    return blocks


def escalations_section(session: Session, org: object, lang: str) -> list[Block]:
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
        state = (
            t("closed", lang, date=date(e.closed_on, lang))
            if e.status == EscalationStatus.CLOSED
            else t("open", lang)
        )
        rows.append(
            (
                Cell(kpi_records.escalation_label(e.number), mono=True),
                Cell(
                    e.issue
                    + (
                        f" [{study.protocol_number}]"
                        if study and study.protocol_number not in e.issue
                        else ""
                    )
                ),
                Cell(str(e.level)),
                Cell(level_names.get(e.owner, e.owner)),
                Cell(e.actions or "—"),
                Cell(f"{date(e.opened_on, lang)} / {date(e.due_on, lang)}"),
                Cell(
                    state + (f": {e.closure}" if e.closure else ""),
                    fill="" if e.status == EscalationStatus.CLOSED else "#FFEBEE",
                ),
            )
        )
    blocks.append(
        Table(
            (
                t("number", lang),
                t("issue", lang),
                t("level", lang),
                t("owner", lang),
                t("actions", lang),
                f"{t('opened', lang)} / {t('due', lang)}",
                t("status", lang),
            ),
            tuple(rows),
            (1.1, 2.6, 0.6, 1.5, 2.0, 1.3, 1.4),
            small=True,
        )
    )
    return blocks
