"""The oversight report: the CRO register's figures and charts for a governance meeting.

One document model as every other report (document.py), so the PDF and the DOCX writers lay
out the same content; the charts are PNGs (oversight_charts.py) both writers embed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from auditapp.core import cro_register, cro_risk
from auditapp.core.db import Database
from auditapp.reports import oversight_charts as charts
from auditapp.reports import wording
from auditapp.reports.branding import load_branding
from auditapp.reports.document import (
    Block,
    Cell,
    Document,
    Heading,
    KeyValueTable,
    Meta,
    PageBreak,
    Paragraph,
    Table,
)
from auditapp.reports.oversight_sections import (
    BAND_COLOURS,
    audits_section,
    capas_section,
    escalations_section,
    figure,
    kpis_section,
    risk_section,
)
from auditapp.reports.oversight_wording import date, t


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
    return KeyValueTable(
        (
            (t("qualification", lang), _qualification(s, lang)),
            (
                t("risk", lang),
                t("risk_value", lang, score=f"{r.score:g}", band=t(f"band_{r.band}", lang)),
            ),
            (t("last_audit", lang), date(r.last_audit, lang) if r.last_audit else t("never", lang)),
            (t("next_audit", lang), _next_audit(s, lang)),
            (
                t("planned_audit", lang),
                f"{s.planned_audit.reference}, {date(s.planned_audit.date, lang)}"
                if s.planned_audit
                else "—",
            ),
            (t("capas", lang), f"{len(s.open_capas)} ({len(s.overdue_capas)})"),
            (t("repeats", lang), str(s.repeat_findings)),
            (t("escalations_open", lang), str(s.open_escalations)),
        )
    )


def _portfolio(summaries: Sequence[cro_register.CroSummary], lang: str) -> list[Block]:
    return [
        Heading(t("portfolio", lang), 1),
        Table(
            (
                t("cro", lang),
                t("qualification", lang),
                t("risk", lang),
                t("last_audit", lang),
                t("next_audit", lang),
                t("capas", lang),
                t("escalations_open", lang),
            ),
            tuple(
                (
                    Cell(s.name, bold=True),
                    Cell(t(f"qual_{s.qualification.status}", lang) if s.qualification else "—"),
                    Cell(
                        t(
                            "risk_value",
                            lang,
                            score=f"{s.risk.score:g}",
                            band=t(f"band_{s.risk.band}", lang),
                        ),
                        fill=BAND_COLOURS[s.risk.band],
                        light_text=True,
                    ),
                    Cell(date(s.risk.last_audit, lang)),
                    Cell(_next_audit(s, lang)),
                    Cell(f"{len(s.open_capas)} ({len(s.overdue_capas)})"),
                    Cell(str(s.open_escalations)),
                )
                for s in summaries
            ),
            (2.4, 1.4, 1.1, 1.1, 1.4, 1.0, 1.0),
            small=True,
        ),
        figure(
            charts.bars(
                t("portfolio_chart", lang),
                [s.name for s in summaries],
                [s.risk.score for s in summaries],
                [BAND_COLOURS[s.risk.band] for s in summaries],
            )
        ),
    ]


def build_oversight(
    session: Session, *, cro: str | None = None, language: str = "en", today: dt.date | None = None
) -> Document:
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
        blocks += [
            Heading(summary.name, 1),
            KeyValueTable(((t("as_of", lang), date(today, lang)),)),
            _facts(summary, lang),
        ]
        blocks += audits_section(summary, lang)
        blocks += capas_section(summary, lang)
        blocks += risk_section(summary, weights, lang)
        blocks += kpis_section(session, org, summary, lang)
        blocks += escalations_section(session, org, lang)
    branding = load_branding(session)
    meta = Meta(
        title=f"{t('kicker', lang)}: {subject}",
        reference=f"{t('as_of', lang)} {today.isoformat()}",
        version_label=date(today, lang),
        language=lang,
        organisation=branding.organisation,
        organisation_address=branding.address,
        author=str(session.info.get("actor", "")),
        confidentiality=t("footer", lang),
        footer_text=branding.footer_text,
        page_label=wording.t("page_label", lang),
        paper=branding.paper,
        primary_colour=branding.primary_colour,
        logo=branding.logo,
        subject=subject,
        keywords=("CRO oversight", "ICH E6", subject),
    )
    return Document(meta, tuple(blocks))


def export_oversight(
    db: Database, *, cro: str | None, fmt: str, language: str = "en", today: dt.date | None = None
) -> bytes:
    from auditapp.reports.export import render

    with db.session() as session:
        document = build_oversight(session, cro=cro, language=language, today=today)
    return render(document, fmt)
