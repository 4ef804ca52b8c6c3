"""The report's executive summary and its action plan (the CAPAs asked for, by due date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from auditapp.core import findings as core_findings
from auditapp.core.models import Audit, Classification
from auditapp.reports import build_chapters as chapters
from auditapp.reports import build_findings, style
from auditapp.reports import wording as w
from auditapp.reports.document import (
    Block,
    BulletList,
    Callout,
    Cell,
    Heading,
    Paragraph,
    Run,
    Table,
)

ACTION_TEXT_LIMIT = 400


def summary_section(
    audit: Audit,
    lang: str,
    scheme: Sequence[core_findings.Grade],
    material: build_findings.Material,
) -> list[Block]:
    blocks: list[Block] = []
    if audit.overall_rating:
        rating = w.label_or(f"rating_{audit.overall_rating}", lang, audit.overall_rating)
        blocks.append(Callout(w.t("overall_rating", lang), rating))
    blocks.append(Heading(w.t("conclusion", lang), 2))
    blocks += chapters.paragraphs(chapters.text_or(audit.conclusion, lang))
    blocks.append(Heading(w.t("findings_by_grade", lang), 2))
    counts = material.counts()
    rows = [
        (
            Cell(g.label[lang], fill=g.colour, bold=True, light_text=style.light_text_on(g.colour)),
            Cell(str(counts.get(g.classification.value, 0))),
        )
        for g in scheme
    ]
    rows.append((Cell(w.t("total", lang), bold=True), Cell(str(sum(counts.values())), bold=True)))
    header = (w.t("col_classification", lang), w.t("col_count", lang))
    blocks.append(Table(header, tuple(rows), (3, 1), width_share=0.5))
    blocks.append(Heading(w.t("key_risks", lang), 2))
    serious = [
        f
        for f in material.findings
        if f.row.classification in (Classification.CRITICAL, Classification.MAJOR)
    ]
    if serious:
        items = tuple(
            (
                Run(f"{f.label} ", bold=True),
                Run(f"({f.grade.label[lang]}) ", italic=True),
                Run(f.row.title + (f": {f.row.risk.strip()}" if f.row.risk.strip() else "")),
            )
            for f in serious
        )
        blocks.append(BulletList(items))
    else:
        blocks.append(Paragraph.of(w.t("no_key_risks", lang)))
    return blocks


def _abridge(text: str, label: str, lang: str) -> str:
    text = " ".join(text.split())
    if len(text) <= ACTION_TEXT_LIMIT:
        return text
    return (
        f"{text[:ACTION_TEXT_LIMIT].rsplit(' ', 1)[0]} … {w.t('see_finding', lang, number=label)}"
    )


def action_plan_section(
    material: build_findings.Material, lang: str, report_date: dt.date
) -> list[Block]:
    blocks: list[Block] = [Paragraph.of(w.t("capa_request", lang))]
    if any(f.row.capa_due_days is not None for f in material.findings):
        blocks.append(
            Paragraph.of(w.t("due_from_issue", lang, date=w.date(report_date, lang)), "small")
        )
    rows = tuple(
        (
            Cell(f.label, bold=True),
            Cell(f.row.title),
            Cell(
                f.grade.label[lang],
                fill=f.grade.colour,
                light_text=style.light_text_on(f.grade.colour),
            ),
            Cell(_abridge(f.row.recommendation or f.row.title, f.label, lang)),
            Cell(w.date(core_findings.due_date(f.row, report_date), lang) or "–"),
            Cell(f.row.owner),
        )
        for f in material.findings
    )
    header = (
        w.t("capa_col_number", lang),
        w.t("capa_col_title", lang),
        w.t("col_classification", lang),
        w.t("col_recommendation", lang),
        w.t("col_due", lang),
        w.t("col_owner", lang),
    )
    if rows:
        blocks.append(Table(header, rows, (1.0, 3.0, 1.9, 4.2, 1.6, 1.7), small=True))
    else:
        blocks.append(Paragraph.of(w.t("no_findings", lang)))
    return blocks
