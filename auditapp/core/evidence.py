"""Evidence use cases: import, list, link, caption, confidentiality, removal.

Originals are stored byte for byte in ``evidence_blob`` keyed by their SHA-256, so the same
photo attached to two audits is stored once. Derived images are made once at import
(:mod:`auditapp.core.media`). Every change goes through the ORM, so the audit trail sees it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditapp.core.audits import audit_checklist, clean_text, ensure_editable
from auditapp.core.evidence_links import EvidenceInfo as EvidenceInfo
from auditapp.core.evidence_links import Target as Target
from auditapp.core.evidence_links import info_of as info_of
from auditapp.core.evidence_links import label as label
from auditapp.core.evidence_links import link_targets as link_targets
from auditapp.core.findings import get_finding
from auditapp.core.models import Audit, Evidence, EvidenceBlob, EvidenceLink, Finding
from auditapp.errors import AuditAppError, BadInput, NotFound

if TYPE_CHECKING:  # Pillow loads only when a file is imported, not when the window opens
    from auditapp.core import media

MAX_CAPTION = 2000


def parse_label(text: str) -> int:
    cleaned = text.strip().upper().removeprefix("E-").removeprefix("E")
    if not cleaned.isdigit():
        raise BadInput(f"{text!r} is not an evidence number (like E-003)")
    return int(cleaned)


def check_target(session: Session, audit: Audit, target: Target) -> Finding | None:
    finding = get_finding(session, audit, target.finding) if target.finding is not None else None
    if target.question is not None:
        audit_checklist(audit).question(target.question)
    return finding


def add_prepared(
    session: Session,
    audit: Audit,
    prepared: media.PreparedFile,
    *,
    actor: str,
    caption: str = "",
    confidential: bool = False,
    target: Target | None = None,
) -> Evidence:
    """Store one checked file; refuses a second copy of the same bytes in the same audit."""
    ensure_editable(audit)
    caption = clean_text(caption, field="caption", limit=MAX_CAPTION).strip()
    target = target or Target()
    finding = check_target(session, audit, target)
    twin = session.scalar(
        select(Evidence).where(
            Evidence.audit_id == audit.id,
            Evidence.sha256 == prepared.sha256,
            Evidence.removed.is_(False),
        )
    )
    if twin is not None:
        from auditapp.core import media

        raise media.BadFile(
            f"{prepared.file_name}: already in audit {audit.reference} as {label(twin.number)} "
            f"({twin.file_name}, same SHA-256)"
        )
    if session.get(EvidenceBlob, prepared.sha256) is None:
        session.add(EvidenceBlob(sha256=prepared.sha256, size=prepared.size, data=prepared.data))
        # No ORM relationship ties the two, so flush the blob first for the foreign key.
        session.flush()
    audit.last_evidence_number += 1
    item = Evidence(
        audit_id=audit.id,
        number=audit.last_evidence_number,
        sha256=prepared.sha256,
        file_name=prepared.file_name[:300],
        media_type=prepared.media_type,
        size=prepared.size,
        width=prepared.width,
        height=prepared.height,
        captured_at=prepared.captured_at,
        capture_device=prepared.capture_device,
        imported_by=actor,
        caption=caption,
        confidential=confidential,
        display_image=prepared.display_image,
        thumbnail=prepared.thumbnail,
        active_content=prepared.active_content,
    )
    session.add(item)
    session.flush()
    if finding is not None or target.question is not None:
        session.add(
            EvidenceLink(
                evidence_id=item.id,
                finding_id=finding.id if finding else None,
                question_id=target.question,
            )
        )
        session.flush()
    return item


def get_evidence(session: Session, audit: Audit, number: int) -> Evidence:
    item = session.scalar(
        select(Evidence).where(Evidence.audit_id == audit.id, Evidence.number == number)
    )
    if item is None:
        raise NotFound(f"audit {audit.reference} has no evidence {label(number)}")
    return item


def list_evidence(
    session: Session, audit: Audit, *, include_removed: bool = False, finding: int | None = None
) -> list[EvidenceInfo]:
    """The gallery's rows; reads no image bytes (those columns are deferred)."""
    query = select(Evidence).where(Evidence.audit_id == audit.id).order_by(Evidence.number)
    if not include_removed:
        query = query.where(Evidence.removed.is_(False))
    if finding is not None:
        target = get_finding(session, audit, finding)
        query = query.where(
            Evidence.id.in_(
                select(EvidenceLink.evidence_id).where(EvidenceLink.finding_id == target.id)
            )
        )
    items = list(session.scalars(query))
    links = link_targets(session, [e.id for e in items])
    return [info_of(e, links.get(e.id, ())) for e in items]


def original_bytes(session: Session, item: Evidence) -> bytes:
    """The original as imported; checked against its SHA-256 before it is handed out."""
    data = session.scalar(select(EvidenceBlob.data).where(EvidenceBlob.sha256 == item.sha256))
    if data is None:
        raise NotFound(f"the original of {label(item.number)} is missing from the database")
    if hashlib.sha256(data).hexdigest() != item.sha256:
        raise AuditAppError(
            f"the original of {label(item.number)} no longer matches its SHA-256; "
            "the database was damaged or changed outside the app"
        )
    return bytes(data)


def verify_originals(session: Session, audit: Audit) -> list[str]:
    """Problems found when every original of the audit is re-hashed (empty when all match)."""
    problems = []
    rows = session.execute(
        select(Evidence.number, Evidence.sha256, Evidence.size, EvidenceBlob.data)
        .outerjoin(EvidenceBlob, EvidenceBlob.sha256 == Evidence.sha256)
        .where(Evidence.audit_id == audit.id)
        .order_by(Evidence.number)
    )
    for number, sha, size, data in rows:
        if data is None:
            problems.append(f"{label(number)}: original missing")
        elif len(data) != size or hashlib.sha256(data).hexdigest() != sha:
            problems.append(f"{label(number)}: original differs from its SHA-256")
    return problems


def set_caption(session: Session, audit: Audit, number: int, caption: str) -> Evidence:
    ensure_editable(audit)
    item = get_evidence(session, audit, number)
    item.caption = clean_text(caption, field="caption", limit=MAX_CAPTION).strip()
    session.flush()
    return item


def set_confidential(session: Session, audit: Audit, number: int, confidential: bool) -> Evidence:
    """Confidential items stay out of distributed reports unless included explicitly."""
    ensure_editable(audit)
    item = get_evidence(session, audit, number)
    item.confidential = bool(confidential)
    session.flush()
    return item


def link(session: Session, audit: Audit, number: int, target: Target) -> EvidenceLink | None:
    """Attach to a finding or a question; linking twice is a no-op (returns None)."""
    ensure_editable(audit)
    if (target.finding is None) == (target.question is None):
        raise BadInput("link evidence to one finding or one question")
    item = get_evidence(session, audit, number)
    if item.removed:
        raise BadInput(f"{label(number)} was removed; restore it before linking it")
    finding = check_target(session, audit, target)
    query = select(EvidenceLink).where(EvidenceLink.evidence_id == item.id)
    query = (
        query.where(EvidenceLink.finding_id == finding.id)
        if finding is not None
        else query.where(EvidenceLink.question_id == target.question)
    )
    if session.scalar(query) is not None:
        return None
    new = EvidenceLink(
        evidence_id=item.id, finding_id=finding.id if finding else None, question_id=target.question
    )
    session.add(new)
    session.flush()
    return new


def unlink(session: Session, audit: Audit, number: int, target: Target) -> None:
    """Detach from a finding or question; the evidence itself stays in the audit."""
    ensure_editable(audit)
    item = get_evidence(session, audit, number)
    finding = check_target(session, audit, target)
    query = select(EvidenceLink).where(EvidenceLink.evidence_id == item.id)
    query = (
        query.where(EvidenceLink.finding_id == finding.id)
        if finding is not None
        else query.where(EvidenceLink.question_id == target.question)
    )
    found = list(session.scalars(query))
    if not found:
        raise NotFound(f"{label(number)} is not linked there")
    for row in found:
        session.delete(row)
    session.flush()


@contextmanager
def _reason(session: Session, reason: str, what: str) -> Iterator[None]:
    """The trail takes the reason from the session; set it for this change only."""
    reason = clean_text(reason, field="reason", limit=2000).strip()
    if not reason:
        raise BadInput(f"{what} needs a reason (it is kept in the audit trail)")
    before = session.info.get("reason", "")
    session.info["reason"] = reason
    try:
        yield
        session.flush()
    finally:
        session.info["reason"] = before


def remove(session: Session, audit: Audit, number: int, *, reason: str) -> Evidence:
    """Take evidence out of the audit's gallery and reports; the original is kept."""
    ensure_editable(audit)
    item = get_evidence(session, audit, number)
    if item.removed:
        raise BadInput(f"{label(number)} was removed already")
    with _reason(session, reason, "removing evidence"):
        for row in session.scalars(select(EvidenceLink).where(EvidenceLink.evidence_id == item.id)):
            session.delete(row)
        item.removed = True
    return item


def restore(session: Session, audit: Audit, number: int, *, reason: str) -> Evidence:
    ensure_editable(audit)
    item = get_evidence(session, audit, number)
    if not item.removed:
        raise BadInput(f"{label(number)} is not removed")
    twin = session.scalar(
        select(Evidence).where(
            Evidence.audit_id == audit.id,
            Evidence.sha256 == item.sha256,
            Evidence.removed.is_(False),
        )
    )
    if twin is not None:
        raise BadInput(f"the same file is in the audit already as {label(twin.number)}")
    with _reason(session, reason, "restoring evidence"):
        item.removed = False
    return item


def purge(session: Session, audit: Audit, number: int, *, reason: str) -> None:
    """Delete removed evidence for good, e.g. personal data captured by mistake.

    The trail keeps the deleted row's values and the original's SHA-256, not its bytes. The
    original is deleted when no other audit still uses the same file.
    """
    ensure_editable(audit)
    item = get_evidence(session, audit, number)
    if not item.removed:
        raise BadInput(f"remove {label(number)} first; only removed evidence can be deleted")
    sha = item.sha256
    with _reason(session, reason, "deleting evidence"):
        # Links go through the ORM, not ON DELETE CASCADE, so the trail records them too.
        for row in session.scalars(select(EvidenceLink).where(EvidenceLink.evidence_id == item.id)):
            session.delete(row)
        session.delete(item)
        session.flush()
        others = session.scalar(
            select(func.count()).select_from(Evidence).where(Evidence.sha256 == sha)
        )
        blob = session.get(EvidenceBlob, sha) if not others else None
        if blob is not None:
            session.delete(blob)


def drop_finding_links(session: Session, finding: Finding) -> None:
    """Call before deleting a finding, so the links' removal is in the trail too."""
    for row in session.scalars(select(EvidenceLink).where(EvidenceLink.finding_id == finding.id)):
        session.delete(row)
    session.flush()


@dataclass(frozen=True)
class ReportImage:
    """One item as a report shows it: the derived image (upright), never the original."""

    info: EvidenceInfo
    display_jpeg: bytes | None


def for_report(
    session: Session, audit: Audit, *, include_confidential: Iterable[int] = ()
) -> list[ReportImage]:
    """Evidence for a distributed report: confidential items only when named explicitly."""
    allowed = set(include_confidential)
    out = []
    for info in list_evidence(session, audit):
        if info.confidential and info.number not in allowed:
            continue
        image = session.scalar(
            select(Evidence.display_image).where(
                Evidence.audit_id == audit.id, Evidence.number == info.number
            )
        )
        out.append(ReportImage(info=info, display_jpeg=image))
    return out


def thumbnails(
    session: Session, audit: Audit, *, include_removed: bool = False
) -> dict[int, bytes | None]:
    """Evidence number -> thumbnail JPEG, in one query, for the gallery."""
    query = select(Evidence.number, Evidence.thumbnail).where(Evidence.audit_id == audit.id)
    if not include_removed:
        query = query.where(Evidence.removed.is_(False))
    return {number: thumb for number, thumb in session.execute(query)}


def display_image(session: Session, audit: Audit, number: int) -> bytes | None:
    """The upright display JPEG of one item for a viewer (None for a PDF: render the original)."""
    get_evidence(session, audit, number)  # a clear NotFound for a wrong number
    return session.scalar(
        select(Evidence.display_image).where(
            Evidence.audit_id == audit.id, Evidence.number == number
        )
    )
