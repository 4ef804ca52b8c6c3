"""The findings chapter and the evidence it shows, read once from the database."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from auditapp.core import audits as core_audits
from auditapp.core import findings as core_findings
from auditapp.core import references
from auditapp.core.models import Audit, Classification, Evidence, EvidenceLink, Finding
from auditapp.errors import NotFound
from auditapp.reports import wording as w
from auditapp.reports.document import Block, Figure, FindingBlock, Heading, Paragraph

# In the grid the 256 px thumbnail prints at about 120 dpi in a third of the page width; a
# smaller one (older imports) would blur, so the display image is used then.
MIN_PRINT_PX = 200


@dataclass(frozen=True)
class EvidenceItem:
    row: Evidence
    label: str  # E-001
    finding_labels: tuple[str, ...]
    image: bytes | None
    image_size: tuple[int, int]


@dataclass(frozen=True)
class FindingItem:
    row: Finding
    label: str
    grade: core_findings.Grade
    area_title: str
    evidence: tuple[EvidenceItem, ...]


@dataclass
class Material:
    findings: list[FindingItem] = field(default_factory=list)
    evidence: list[EvidenceItem] = field(default_factory=list)
    withheld: int = 0
    report_date: dt.date = field(default_factory=dt.date.today)  # CAPA days count from it
    full_photos: bool = True

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.row.classification] = out.get(f.row.classification, 0) + 1
        return out


def _image_size(data: bytes) -> tuple[int, int]:
    from PIL import Image

    # Opening reads the header only; the pixels are never decoded here.
    with Image.open(io.BytesIO(data)) as image:
        return image.size


PHOTO_MODES = ("full", "grid")


def _printable(row: Evidence, full: bool = False) -> tuple[bytes | None, tuple[int, int]]:
    # Full width needs the display image (1600 px, about 230 dpi across A4); a grid cell
    # the thumbnail.
    order = (row.display_image, row.thumbnail) if full else (row.thumbnail, row.display_image)
    candidates = [b for b in order if b]
    chosen: tuple[bytes | None, tuple[int, int]] = (None, (0, 0))
    for data in candidates:
        try:
            size = _image_size(data)
        except Exception:  # a derived image that cannot be read is shown as missing, not fatal
            continue
        chosen = (data, size)
        if full or max(size) >= MIN_PRINT_PX:
            break
    return chosen


def collect(
    session: Session,
    audit: Audit,
    *,
    language: str,
    include_confidential: bool,
    photos: str = "full",
) -> Material:
    """photos "full" prints each photo across the text width, "grid" three to a row."""
    scheme = core_findings.scheme(session)
    order = {g.classification.value: i for i, g in enumerate(scheme)}
    try:
        checklist = core_audits.audit_checklist(audit)
        area_titles = {
            a.id: a.title.get(language) or a.title.get("en", a.id) for a in checklist.areas
        }
    except NotFound:
        area_titles = {}
    rows = session.scalars(select(Finding).where(Finding.audit_id == audit.id)).all()
    labels = {f.id: core_findings.number_label(f.number) for f in rows}

    links: dict[int, list[int]] = {}
    for evidence_id, finding_id in session.execute(
        select(EvidenceLink.evidence_id, EvidenceLink.finding_id)
        .join(Evidence, Evidence.id == EvidenceLink.evidence_id)
        .where(Evidence.audit_id == audit.id, EvidenceLink.finding_id.is_not(None))
    ):
        links.setdefault(evidence_id, []).append(finding_id)

    material = Material(full_photos=photos == "full")
    evidence_rows = session.scalars(
        select(Evidence)
        .where(Evidence.audit_id == audit.id, Evidence.removed.is_(False))
        .options(undefer(Evidence.thumbnail), undefer(Evidence.display_image))
        .order_by(Evidence.number)
    ).all()
    by_finding: dict[int, list[EvidenceItem]] = {}
    for row in evidence_rows:
        if row.confidential and not include_confidential:
            material.withheld += 1
            continue
        linked = sorted(links.get(row.id, []), key=lambda fid: labels.get(fid, ""))
        image, size = (
            _printable(row, material.full_photos)
            if row.media_type.startswith("image/")
            else (None, (0, 0))
        )
        item = EvidenceItem(
            row, f"E-{row.number:03d}", tuple(labels[f] for f in linked if f in labels), image, size
        )
        material.evidence.append(item)
        for fid in linked:
            by_finding.setdefault(fid, []).append(item)

    for f in sorted(rows, key=lambda f: (order.get(f.classification, 99), f.position, f.number)):
        material.findings.append(
            FindingItem(
                row=f,
                label=labels[f.id],
                grade=core_findings.grade(session, f.classification),
                area_title=area_titles.get(f.area, f.area),
                evidence=tuple(by_finding.get(f.id, [])),
            )
        )
    return material


def figure_for(item: EvidenceItem, lang: str, full: bool = False) -> Figure | None:
    if item.image is None:
        return None
    row = item.row
    first = f"{item.label}  {row.caption.strip() or row.file_name}"
    second = f"{w.t('hash_short', lang)} {row.sha256[:12]}…"
    if row.captured_at is not None:
        second += f" · {w.t('captured', lang)} {w.datetime(row.captured_at, lang)}"
    return Figure(
        item.image, item.image_size[0], item.image_size[1], (first, second), full_width=full
    )


def escalation_text(f: Finding, lang: str) -> str:
    """What the sponsor was told of a critical finding during the audit, and when."""
    parts = []
    if f.sponsor_informed_on is not None:
        parts.append(
            w.t(
                "escalation_told",
                lang,
                date=w.date(f.sponsor_informed_on, lang),
                whom=(f.sponsor_informed_to or "").strip() or w.t("not_stated", lang),
            )
        )
    if f.breach_assessment:
        parts.append(w.t(f"breach_{f.breach_assessment}", lang))
    if (f.breach_note or "").strip():
        parts.append(f.breach_note.strip())
    return " ".join(parts) or w.t("escalation_missing", lang)


def finding_block(
    item: FindingItem, lang: str, report_date: dt.date | None = None, full_photos: bool = False
) -> FindingBlock:
    f = item.row
    refs = [references.label(r, lang) for r in core_findings.finding_references(f)]
    facts = [
        (w.t("f_classification", lang), item.grade.label[lang]),
        (w.t("f_references", lang), "; ".join(refs) if refs else w.t("none", lang)),
    ]
    if item.area_title:
        facts.append((w.t("f_area", lang), item.area_title))
    due = core_findings.due_date(f, report_date or dt.date.today())
    facts.append((w.t("f_due", lang), w.date(due, lang) or w.t("no_due_date", lang)))
    if f.owner.strip():
        facts.append((w.t("f_owner", lang), f.owner))
    if f.repeat_finding:
        facts.append(
            (
                w.t("f_repeat", lang),
                w.t("f_repeat_of", lang, earlier=f.repeat_of) if f.repeat_of else w.t("yes", lang),
            )
        )
    sections = [(w.t("f_observation", lang), f.observation.strip() or w.t("not_stated", lang))]
    for key, value in (
        ("f_impact", f.impact),
        ("f_risk", f.risk),
        ("f_recommendation", f.recommendation),
        ("f_response", f.auditee_response),
    ):
        if value.strip():
            sections.append((w.t(key, lang), value.strip()))
    if f.classification == Classification.CRITICAL:
        sections.append((w.t("f_escalation", lang), escalation_text(f, lang)))
    figures = tuple(
        fig for fig in (figure_for(e, lang, full_photos) for e in item.evidence) if fig is not None
    )
    return FindingBlock(
        number=item.label,
        title=f.title,
        grade_label=item.grade.label[lang],
        grade_colour=item.grade.colour,
        facts=tuple(facts),
        sections=tuple(sections),
        figures=figures,
        figures_label=w.t("f_evidence", lang),
        anchor=f"finding-{f.number}",
    )


def findings_chapter(
    material: Material, scheme: Sequence[core_findings.Grade], lang: str, *, chapter: int
) -> list[Block]:
    if not material.findings:
        return [Paragraph.of(w.t("no_findings", lang))]
    blocks: list[Block] = [Paragraph.of(w.t("findings_intro", lang))]
    grades = [g.classification.value for g in scheme]
    grades += sorted({f.row.classification for f in material.findings} - set(grades))
    sub = 0
    for classification in grades:
        items = [f for f in material.findings if f.row.classification == classification]
        if not items:
            continue
        sub += 1
        label = items[0].grade.label[lang]
        blocks.append(
            Heading(f"{chapter}.{sub}  {label} ({len(items)})", 2, anchor=f"grade-{classification}")
        )
        blocks += [
            finding_block(item, lang, material.report_date, material.full_photos) for item in items
        ]
    return blocks
