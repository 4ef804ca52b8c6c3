"""Audit -> report document: decides every section and every word (gcp-reference.md 4.4).

The renderers only lay out what this returns. The document is complete in memory (images
included) before the database session closes, so rendering needs no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import findings as core_findings
from auditapp.core.models import Audit, AuditStatus, ReportVersion, User
from auditapp.errors import BadInput
from auditapp.reports import appendices, build_findings
from auditapp.reports import build_chapters as chapters
from auditapp.reports import wording as w
from auditapp.reports.branding import Branding, check_paper, load_branding
from auditapp.reports.build_signatures import MEANINGS as MEANINGS
from auditapp.reports.build_signatures import SignatureInfo as SignatureInfo
from auditapp.reports.build_signatures import fingerprint_text as fingerprint_text
from auditapp.reports.build_signatures import signature_blocks as signature_blocks
from auditapp.reports.build_signatures import signature_time as signature_time
from auditapp.reports.build_summary import action_plan_section, summary_section
from auditapp.reports.document import (
    Block,
    BulletList,
    Callout,
    Cell,
    Cover,
    Document,
    Heading,
    KeyValueTable,
    Meta,
    PageBreak,
    Paragraph,
    Run,
    Table,
    TableOfContents,
)

# Optional parts, in report order; the cover is always there.
SECTIONS = (
    "document_control",
    "contents",
    "summary",
    "scope",
    "team",
    "methodology",
    "findings",
    "positive",
    "action_plan",
    "signatures",
    "grading",
    "checklist",
    "evidence",
)
SECTION_TITLES = {
    "document_control": "document_control",
    "contents": "toc",
    "summary": "summary",
    "scope": "scope_chapter",
    "team": "team_chapter",
    "methodology": "method_chapter",
    "findings": "findings_chapter",
    "positive": "positive_chapter",
    "action_plan": "action_chapter",
    "signatures": "signatures_chapter",
    "grading": "appendix_grading",
    "checklist": "appendix_checklist",
    "evidence": "appendix_evidence",
}
APPENDICES = ("grading", "checklist", "evidence")


def available_sections(language: str) -> list[tuple[str, str]]:
    """(id, title) pairs for an export dialog's check boxes."""
    w.check_language(language)
    return [(s, w.t(SECTION_TITLES[s], language)) for s in SECTIONS]


def check_sections(sections: Iterable[str] | None) -> tuple[str, ...]:
    if sections is None:
        return SECTIONS
    wanted = tuple(sections)
    unknown = sorted(set(wanted) - set(SECTIONS))
    if unknown:
        raise BadInput(
            f"unknown report section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}"
        )
    return tuple(s for s in SECTIONS if s in wanted)


def report_meta(
    audit: Audit,
    branding: Branding,
    *,
    language: str,
    paper: str,
    kicker_key: str,
    signing: bool = False,
    pdfa: bool | None = None,
) -> Meta:
    """pdfa None: PDF/A-2b when the report is rendered for a signature (the archived record)."""
    lead = audit.lead_auditor.full_name if audit.lead_auditor else ""
    return Meta(
        title=f"{w.t(kicker_key, language)} {audit.reference}",
        reference=audit.reference,
        version_label=(
            f"{w.t('report_version', language)} {version_label(audit, language, signing=signing)}"
        ),
        language=language,
        organisation=branding.organisation,
        organisation_address=branding.address,
        author=lead,
        confidentiality=w.t("confidential_short", language),
        footer_text=branding.footer_text,
        page_label=w.t("page_label", language),
        paper=paper,
        primary_colour=branding.primary_colour,
        logo=branding.logo,
        subject=audit.title,
        keywords=(audit.reference, "GCP", "ICH E6"),
        pdfa=signing if pdfa is None else pdfa,
    )


FINAL_STATES = (AuditStatus.FINAL.value, AuditStatus.CLOSED.value)


def is_uncontrolled_copy(audit: Audit, *, signing: bool = False) -> bool:
    """A final report rendered again outside the signing ceremony: the signed PDF is the record."""
    return not signing and audit.status in FINAL_STATES


def version_label(audit: Audit, language: str, *, signing: bool = False) -> str:
    # A report rendered for a signature is an issued version, never marked as a draft.
    if is_uncontrolled_copy(audit, signing=signing):
        return f"{audit.report_version}.0 ({w.t('uncontrolled_copy', language)})"
    draft = not signing and audit.status not in FINAL_STATES
    suffix = f" ({w.t('draft_issue', language)})" if draft else ""
    return f"{audit.report_version}.0{suffix}"


def build_report(
    session: Session,
    audit: Audit,
    *,
    language: str | None = None,
    signatures: Sequence[SignatureInfo] = (),
    sections: Iterable[str] | None = None,
    include_confidential: bool = False,
    paper: str | None = None,
    today: dt.date | None = None,
    trail_head: str = "",
    stamps: bool = True,
    photos: str = "full",
    editable_copy: bool = False,
    pdfa: bool | None = None,
) -> Document:
    """The whole report; signatures fill the signature page, trail_head is printed in it.

    editable_copy marks the Word document that accompanies a signed PDF as its editable copy.
    """
    lang = w.check_language(language or audit.language or "en")
    chosen = check_sections(sections)
    branding = load_branding(session)
    paper = check_paper(paper or branding.paper)
    today = today or dt.date.today()
    # A report already issued keeps its issue date; a draft or the one being signed is dated today.
    if audit.locked and audit.issued_on is not None:
        today = audit.issued_on
    scheme = core_findings.scheme(session)
    if photos not in build_findings.PHOTO_MODES:
        raise BadInput(
            f"photos must be one of {', '.join(build_findings.PHOTO_MODES)}, not {photos!r}"
        )
    material = build_findings.collect(
        session, audit, language=lang, include_confidential=include_confidential, photos=photos
    )
    material.report_date = today

    signing = bool(signatures)
    blocks: list[Block] = [_cover(audit, lang, today, signing=signing)]
    blocks += _copy_notice(audit, lang, today, signing=signing, editable_copy=editable_copy)
    blocks.append(PageBreak())
    chapter = 0
    appendix = 0
    for section in chosen:
        if section == "contents":
            # Word updates the contents' page numbers on opening (docx.py sets updateFields).
            blocks += [TableOfContents(w.t("toc", lang)), PageBreak()]
            continue
        title = w.t(SECTION_TITLES[section], lang)
        if section == "document_control":
            heading = Heading(title, 1, anchor=section)
        elif section in APPENDICES:
            letter = "ABCDEFGH"[appendix]
            appendix += 1
            heading = Heading(f"{w.t('appendix', lang)} {letter}  {title}", 1, anchor=section)
            if appendix == 1:
                blocks.append(PageBreak())
        else:
            chapter += 1
            heading = Heading(f"{chapter}  {title}", 1, anchor=section)
        blocks.append(heading)
        if section == "document_control":
            blocks += _document_control(session, audit, lang, today, signing=signing)
            if trail_head:
                blocks.append(KeyValueTable(((w.t("trail_head", lang), trail_head),)))
            blocks.append(PageBreak())
        elif section == "summary":
            blocks += summary_section(audit, lang, scheme, material)
        elif section == "scope":
            blocks += chapters.scope(audit, lang)
        elif section == "team":
            blocks += chapters.team(audit, lang)
        elif section == "methodology":
            blocks += chapters.methodology(audit, lang)
        elif section == "findings":
            blocks += build_findings.findings_chapter(material, scheme, lang, chapter=chapter)
        elif section == "positive":
            blocks += chapters.positive(audit, lang)
        elif section == "action_plan":
            blocks += action_plan_section(material, lang, today)
        elif section == "signatures":
            blocks.insert(len(blocks) - 1, PageBreak())
            blocks += signature_blocks(audit, lang, signatures, stamps=stamps)
        elif section == "grading":
            blocks += appendices.grading(scheme, lang)
        elif section == "checklist":
            blocks += appendices.checklist(session, audit, lang)
        elif section == "evidence":
            blocks += appendices.evidence_index(material, lang)
    meta = report_meta(
        audit,
        branding,
        language=lang,
        paper=paper,
        kicker_key="report_kicker",
        signing=signing,
        pdfa=pdfa,
    )
    return Document(meta, tuple(blocks))


def _copy_notice(
    audit: Audit, lang: str, today: dt.date, *, signing: bool, editable_copy: bool
) -> list[Block]:
    version = f"{audit.report_version}.0"
    if editable_copy:
        return [
            Callout(w.t("editable_copy", lang), w.t("editable_copy_text", lang, version=version))
        ]
    if is_uncontrolled_copy(audit, signing=signing):
        return [
            Callout(
                w.t("uncontrolled_copy", lang),
                w.t("uncontrolled_text", lang, date=w.date(today, lang), version=version),
            )
        ]
    return []


def _cover(audit: Audit, lang: str, today: dt.date, *, signing: bool = False) -> Cover:
    sponsor, auditee = audit.sponsor, audit.auditee
    rows = [
        (w.t("report_number", lang), audit.reference),
        (w.t("report_version", lang), version_label(audit, lang, signing=signing)),
        (w.t("audit_type", lang), w.label_or(f"type_{audit.audit_type}", lang, audit.audit_type)),
        (w.t("sponsor", lang), sponsor.legal_name if sponsor else w.t("not_stated", lang)),
        (w.t("auditee", lang), auditee.legal_name if auditee else w.t("not_stated", lang)),
    ]
    if auditee and auditee.address:
        rows.append((w.t("auditee_address", lang), auditee.address))
    if audit.locations:
        rows.append((w.t("locations", lang), audit.locations))
    if audit.studies:
        rows.append((w.t("studies", lang), chapters.studies_text(audit)))
    rows += [
        (
            w.t("audit_dates", lang),
            w.date_range(
                audit.actual_start or audit.planned_start,
                audit.actual_end or audit.planned_end,
                lang,
            )
            or w.t("not_stated", lang),
        ),
        (w.t("report_date", lang), w.date(today, lang)),
    ]
    if audit.lead_auditor:
        rows.append((w.t("lead_auditor", lang), audit.lead_auditor.full_name))
    return Cover(
        kicker=w.t("report_kicker", lang),
        title=audit.title,
        rows=tuple(rows),
        statement_title=w.t("statement_title", lang),
        statement=w.t("confidentiality", lang),
    )


def _document_control(
    session: Session, audit: Audit, lang: str, today: dt.date, *, signing: bool = False
) -> list[Block]:
    issued = session.scalars(
        select(ReportVersion)
        .where(ReportVersion.audit_id == audit.id)
        .order_by(ReportVersion.version)
    ).all()
    names = {u: n for u, n in session.execute(select(User.username, User.full_name))}
    seen: dict[int, ReportVersion] = {}
    for row in issued:
        seen.setdefault(row.version, row)
    lead = audit.lead_auditor.full_name if audit.lead_auditor else ""
    rows: list[tuple[Cell, ...]] = []
    for version, row in seen.items():
        change = w.t("first_issue", lang) if version == 1 else w.t("reissue", lang)
        if row.reopen_reason:
            change = f"{change}: {row.reopen_reason}"
        rows.append(
            (
                Cell(f"{version}.0"),
                Cell(w.date(row.created_at.date(), lang)),
                Cell(change),
                Cell(names.get(row.created_by, row.created_by) or lead),
            )
        )
    if audit.report_version not in seen:
        # The version being written: a draft says so in the change column, never beside
        # "Report issued".
        draft = not signing and audit.status not in FINAL_STATES
        if draft:
            change = w.t("draft_issue", lang)
        else:
            change = w.t("first_issue" if audit.report_version == 1 else "reissue", lang)
        rows.append(
            (Cell(f"{audit.report_version}.0"), Cell(w.date(today, lang)), Cell(change), Cell(lead))
        )
    header = (
        w.t("col_version", lang),
        w.t("col_date", lang),
        w.t("col_change", lang),
        w.t("col_by", lang),
    )
    distribution = [
        d.strip() for d in audit.distribution.replace("\n", ";").split(";") if d.strip()
    ]
    blocks: list[Block] = [
        Heading(w.t("version_history", lang), 2, in_toc=False),
        Table(header, tuple(rows), (1.4, 1.4, 4.0, 2.4)),
        Heading(w.t("distribution", lang), 2, in_toc=False),
    ]
    if distribution:
        blocks.append(BulletList(tuple((Run(d),) for d in distribution)))
    else:
        blocks.append(Paragraph.of(w.t("not_stated", lang)))
    blocks.append(Paragraph.of(w.t("retention", lang), "small"))
    return blocks
