"""Report chapters that only restate the audit's set-up: scope, team, methodology, good practice."""

from __future__ import annotations

from auditapp.core.models import Audit
from auditapp.reports import wording as w
from auditapp.reports.document import (
    Block,
    BulletList,
    Cell,
    Heading,
    KeyValueTable,
    Paragraph,
    Run,
    Table,
)


def studies_text(audit: Audit) -> str:
    lines = []
    for link in audit.studies:
        study = link.study
        lines.append(
            f"{study.protocol_number} – {study.title}" if study.title else study.protocol_number
        )
    return "\n".join(lines)


def text_or(value: str, lang: str) -> str:
    return value.strip() or w.t("not_stated", lang)


def paragraphs(text: str, style: str = "body") -> list[Block]:
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [Paragraph.of(p, style) for p in parts if p]


def scope(audit: Audit, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(w.t("objectives", lang), 2)]
    blocks += paragraphs(text_or(audit.objectives, lang))
    blocks.append(Heading(w.t("scope", lang), 2))
    blocks += paragraphs(text_or(audit.scope, lang))
    if audit.studies:
        blocks.append(KeyValueTable(((w.t("studies", lang), studies_text(audit)),)))
    blocks.append(Heading(w.t("criteria", lang), 2))
    criteria: list[tuple[Run, ...]] = []
    if "R2" in audit.criteria_editions:
        criteria.append((Run(w.t("criteria_r2", lang)),))
    if "R3" in audit.criteria_editions:
        criteria.append((Run(w.t("criteria_r3", lang)),))
    criteria += [(Run(c.strip()),) for c in audit.other_criteria.split(";") if c.strip()]
    if audit.snapshot is not None:
        criteria.append(
            (
                Run(f"{w.t('checklist_used', lang)}: ", bold=True),
                Run(f"{audit.snapshot.checklist_id} v{audit.snapshot.checklist_version}"),
            )
        )
    blocks.append(BulletList(tuple(criteria)))
    return blocks


def yes_no(value: bool, lang: str) -> Cell:
    return Cell(w.t("yes" if value else "no", lang))


def team(audit: Audit, lang: str) -> list[Block]:
    team_rows = tuple(
        (
            Cell(m.name, bold=m.role == "lead"),
            Cell(w.label_or(f"role_{m.role}", lang, m.role)),
            Cell(m.qualification),
        )
        for m in audit.team
    )
    blocks: list[Block] = [Heading(w.t("audit_team", lang), 2)]
    header: tuple[str, ...] = (
        w.t("col_name", lang),
        w.t("col_role", lang),
        w.t("col_qualification", lang),
    )
    blocks.append(
        Table(header, team_rows, (3, 2.2, 4.8))
        if team_rows
        else Paragraph.of(w.t("not_stated", lang))
    )
    blocks.append(Paragraph.of(w.t("independence", lang), "small"))
    blocks.append(Heading(w.t("participants", lang), 2))
    rows = tuple(
        (
            Cell(p.name),
            Cell(p.function),
            yes_no(p.opening_meeting, lang),
            yes_no(p.closing_meeting, lang),
            yes_no(p.interviewed, lang),
        )
        for p in audit.participants
    )
    header = (
        w.t("col_name", lang),
        w.t("col_function", lang),
        w.t("col_opening", lang),
        w.t("col_closing", lang),
        w.t("col_interviewed", lang),
    )
    # Each header word fits its column in EN and DE ("Interviewed" broke mid-word).
    blocks.append(
        Table(header, rows, (2.0, 2.4, 2.2, 2.2, 1.4))
        if rows
        else Paragraph.of(w.t("not_stated", lang))
    )
    return blocks


def methodology(audit: Audit, lang: str) -> list[Block]:
    mode = w.label_or(f"mode_{audit.mode}", lang, audit.mode)
    blocks: list[Block] = [
        KeyValueTable(
            (
                (w.t("audit_mode", lang), mode),
                (w.t("locations", lang), text_or(audit.locations, lang)),
            )
        ),
        Paragraph.of(w.t("method_text", lang)),
        Heading(w.t("sampling", lang), 2),
    ]
    blocks += paragraphs(text_or(audit.sampling, lang))
    blocks.append(Paragraph.of(w.t("sampling_statement", lang), "small"))
    blocks.append(Heading(w.t("documents_reviewed", lang), 2))
    rows = tuple(
        (Cell(d.identifier), Cell(d.title), Cell(d.version), Cell(w.date(d.document_date, lang)))
        for d in audit.documents
    )
    header = (
        w.t("col_identifier", lang),
        w.t("col_title", lang),
        w.t("col_doc_version", lang),
        w.t("col_doc_date", lang),
    )
    blocks.append(
        Table(header, rows, (2, 5, 1.2, 1.8)) if rows else Paragraph.of(w.t("not_stated", lang))
    )
    interviewed = [
        f"{p.name} ({p.function})" if p.function else p.name
        for p in audit.participants
        if p.interviewed
    ]
    if interviewed:
        blocks.append(Heading(w.t("interviews", lang), 2))
        blocks.append(BulletList(tuple((Run(i),) for i in interviewed)))
    return blocks


def positive(audit: Audit, lang: str) -> list[Block]:
    items = [line.strip() for line in audit.positive_observations.split("\n") if line.strip()]
    if not items:
        return [Paragraph.of(w.t("none", lang))]
    return [BulletList(tuple((Run(i),) for i in items))]
