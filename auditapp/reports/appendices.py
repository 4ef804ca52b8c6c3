"""Report appendices: grading definitions, checklist responses, evidence index."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from auditapp.core import audits as core_audits
from auditapp.core import findings as core_findings
from auditapp.core.models import Audit, ResponseResult
from auditapp.errors import NotFound
from auditapp.reports import style
from auditapp.reports import wording as w
from auditapp.reports.build_findings import Material
from auditapp.reports.document import Block, Cell, Heading, Paragraph, Table

RESULT_FILLS = {
    ResponseResult.COMPLIANT.value: "#E6F4EA",
    ResponseResult.PARTIALLY_COMPLIANT.value: "#FEF7E0",
    ResponseResult.NON_COMPLIANT.value: "#FCE8E6",
}


def grading(scheme: Sequence[core_findings.Grade], lang: str) -> list[Block]:
    rows = tuple(
        (
            Cell(g.label[lang], fill=g.colour, bold=True, light_text=style.light_text_on(g.colour)),
            Cell(g.definition[lang]),
            Cell(str(g.default_capa_days) if g.default_capa_days else "–"),
        )
        for g in scheme
    )
    header = (
        w.t("col_classification", lang),
        w.t("col_definition", lang),
        w.t("col_capa_days", lang),
    )
    return [Table(header, rows, (1.8, 6.6, 1.6))]


def checklist(session: Session, audit: Audit, lang: str) -> list[Block]:
    try:
        snapshot = core_audits.audit_checklist(audit)
    except NotFound:
        return [Paragraph.of(w.t("not_stated", lang))]
    responses = core_audits.responses_by_question(session, audit)
    header = (
        w.t("col_id", lang),
        w.t("col_question", lang),
        w.t("col_result", lang),
        w.t("col_notes", lang),
    )
    blocks: list[Block] = []
    for area in snapshot.areas:
        rows = []
        for question in area.questions:
            response = responses.get(question.id)
            result = response.result if response else None
            rows.append(
                (
                    Cell(question.id, mono=True),
                    Cell(question.text.get(lang) or question.text.get("en", "")),
                    Cell(
                        w.t(f"result_{result or 'none'}", lang),
                        fill=RESULT_FILLS.get(result or "", ""),
                    ),
                    Cell(response.notes if response else ""),
                )
            )
        title = area.title.get(lang) or area.title.get("en", area.id)
        blocks.append(Heading(f"{area.id}  {title}", 2, in_toc=False))
        blocks.append(Table(header, tuple(rows), (1.2, 4.3, 1.5, 3.0), small=True))
    return blocks


def evidence_index(material: Material, lang: str) -> list[Block]:
    blocks: list[Block] = [Paragraph.of(w.t("evidence_intro", lang), "small")]
    if material.withheld:
        withheld = (
            w.t("confidential_withheld_one", lang)
            if material.withheld == 1
            else w.t("confidential_withheld", lang, count=material.withheld)
        )
        blocks.append(Paragraph.of(withheld, "note"))
    if not material.evidence:
        blocks.append(Paragraph.of(w.t("no_evidence", lang)))
        return blocks
    rows = tuple(
        (
            Cell(e.label, bold=True),
            Cell(
                f"{e.row.file_name}\n{e.row.caption.strip()}"
                if e.row.caption.strip()
                else e.row.file_name
            ),
            Cell(w.datetime(e.row.captured_at, lang) or "–"),
            Cell(", ".join(e.finding_labels) or "–"),
            Cell(e.row.sha256, mono=True),
        )
        for e in material.evidence
    )
    header = (
        w.t("col_id", lang),
        f"{w.t('col_file', lang)} / {w.t('col_caption', lang)}",
        w.t("col_captured", lang),
        w.t("col_links", lang),
        w.t("col_hash", lang),
    )
    blocks.append(Table(header, rows, (0.9, 2.6, 1.8, 1.3, 3.4), small=True))
    return blocks
