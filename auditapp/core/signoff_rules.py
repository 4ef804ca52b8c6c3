"""The rules of the signature ceremony (21 CFR 11.10(f)/(g), 11.50, 11.70): who may sign
which meaning of which report version, recording a signature, locking and reopening.

Qt-free and report-free: the PDF work is in auditapp.reports.pades, the ceremony that ties
both together in auditapp.reports.signoff, and the meanings' wording in auditapp.reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import audits, findings, locking, settings, trail, users
from auditapp.core.models import (
    Audit,
    AuditStatus,
    ReportVersion,
    Role,
    Signature,
    SignatureMeaning,
    TrailEntry,
    User,
)
from auditapp.errors import BadInput, Refused

MEANING_ORDER = (SignatureMeaning.AUTHOR, SignatureMeaning.REVIEWER, SignatureMeaning.APPROVER)
COUNTERSIGNER_ROLES = frozenset({Role.REVIEWER.value, Role.LEAD_AUDITOR.value, Role.ADMIN.value})


def parse_meaning(value: str | SignatureMeaning) -> SignatureMeaning:
    try:
        return SignatureMeaning(str(value).strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in SignatureMeaning)
        raise BadInput(f"unknown signature meaning {value!r}; choose one of: {choices}") from None


def is_author_eligible(audit: Audit, user: User) -> bool:
    if audit.lead_auditor_id == user.id:
        return True
    return any(m.user_id == user.id for m in audit.team)


def current_signatures(session: Session, audit: Audit) -> list[Signature]:
    version = current_report_version(session, audit, fmt="pdf")
    if version is None:
        return []
    return list(
        session.scalars(
            select(Signature)
            .where(Signature.report_version_id == version.id)
            .order_by(Signature.id)
        )
    )


def current_report_version(
    session: Session, audit: Audit, *, fmt: str = "pdf"
) -> ReportVersion | None:
    return session.scalar(
        select(ReportVersion).where(
            ReportVersion.audit_id == audit.id,
            ReportVersion.version == audit.report_version,
            ReportVersion.format == fmt,
        )
    )


def check_may_sign(session: Session, audit: Audit, user: User, meaning: SignatureMeaning) -> None:
    """The authority and sequencing checks of 11.10(f)/(g); raises Refused with the reason."""
    signed = current_signatures(session, audit)
    by_meaning = {s.meaning: s for s in signed}
    if meaning in by_meaning:
        raise Refused(
            f"report version {audit.report_version} of {audit.reference} already has a "
            f"{meaning.value} signature ({by_meaning[meaning].printed_name})"
        )
    if SignatureMeaning.APPROVER.value in by_meaning:
        raise Refused(f"{audit.reference} is approved and locked; the lead auditor must reopen it")
    if meaning is SignatureMeaning.AUTHOR:
        if audit.locked:
            raise Refused(f"{audit.reference} is locked; the lead auditor must reopen it")
        if not is_author_eligible(audit, user):
            raise Refused(
                f"{user.username} is neither the lead auditor nor on the team of "
                f"{audit.reference}, so cannot sign as author"
            )
        return
    if SignatureMeaning.AUTHOR.value not in by_meaning:
        raise Refused(f"the author must sign {audit.reference} before the {meaning.value} can")
    if user.role not in COUNTERSIGNER_ROLES:
        raise Refused(
            f"{user.username} has role {user.role}; a {meaning.value} must be a reviewer, "
            "lead auditor or administrator"
        )
    # Four eyes (a setting, on by default): nobody signs one report version twice, so the
    # reviewer and the approver are other people than the author and than each other.
    mine = [s for s in signed if s.user_id == user.id]
    if mine and settings.separate_signers(session):
        raise Refused(
            f"{user.username} already signed report version {audit.report_version} of "
            f"{audit.reference} as {mine[0].meaning} and cannot also sign as {meaning.value}: "
            "one person, one meaning per version"
        )


def local_time_parts(now: dt.datetime | None = None) -> tuple[dt.datetime, str]:
    """The UTC time of signing and the signer's local offset as +HH:MM."""
    # Whole seconds: the CMS signing time, the stamp and the printed page all show seconds.
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    local = now.astimezone()
    offset = local.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return now.astimezone(dt.UTC), f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _offset_delta(utc_offset: str) -> dt.timedelta:
    sign = -1 if utc_offset.startswith("-") else 1
    hours, minutes = utc_offset[1:].split(":")
    return dt.timedelta(hours=int(hours), minutes=int(minutes)) * sign


def local_clock(at: dt.datetime, utc_offset: str) -> str:
    """The signer's wall-clock time (HH:MM:SS) at ``at``, given their offset "+01:00"."""
    return (at.astimezone(dt.UTC) + _offset_delta(utc_offset)).strftime("%H:%M:%S")


def format_signing_time(at: dt.datetime, utc_offset: str) -> str:
    """ "2026-11-20 14:03:12 UTC (15:03:12 local, UTC+01:00)"."""
    local = local_clock(at, utc_offset)
    return f"{at.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC ({local} local, UTC{utc_offset})"


# --- recording a signature, locking, reopening ---------------------------------------------


@dataclass(frozen=True)
class SignatureRecord:
    """What the ceremony hands to :func:`record_signature` after the bytes are signed."""

    meaning: SignatureMeaning
    signed_at: dt.datetime
    utc_offset: str
    signed_sha256: str  # SHA-256 of the document the signer was shown and signed
    certificate_sha256: str
    file_bytes: bytes  # the document with this signature applied
    trail_head: str  # trail head printed in the document
    language: str


def last_reopen_reason(session: Session, audit: Audit) -> str:
    row = session.scalar(
        select(TrailEntry.reason)
        .where(
            TrailEntry.entity == "audit",
            TrailEntry.entity_id == str(audit.id),
            TrailEntry.action == "reopen",
        )
        .order_by(TrailEntry.id.desc())
        .limit(1)
    )
    return row or ""


def record_signature(
    session: Session, audit: Audit, user: User, record: SignatureRecord
) -> Signature:
    """Store the signed bytes, the Signature and the trail event in the caller's transaction.

    The author's signature creates the report version and locks the audit, so the record the
    reviewer and approver countersign cannot drift from the database; the approver's makes it
    final. A countersigned PDF must extend the stored bytes (an incremental update), so what
    was signed before stays byte for byte inside what is stored now.
    """
    check_may_sign(session, audit, user, record.meaning)
    digest = hashlib.sha256(record.file_bytes).hexdigest()
    with locking.override(session, "sign"):
        version = current_report_version(session, audit, fmt="pdf")
        if record.meaning is SignatureMeaning.AUTHOR:
            if version is not None:
                raise Refused(f"report version {audit.report_version} of {audit.reference} exists")
            version = ReportVersion(
                audit_id=audit.id,
                version=audit.report_version,
                format="pdf",
                language=record.language,
                file_bytes=record.file_bytes,
                sha256=digest,
                trail_head=record.trail_head,
                created_by=user.username,
                reopen_reason=last_reopen_reason(session, audit),
            )
            session.add(version)
            audit.locked = True
            audit.status = AuditStatus.IN_REVIEW
            # The author's signature issues the report: due dates given as days after issue
            # now become dates (in the signer's local calendar).
            issued = (record.signed_at.astimezone(dt.UTC) + _offset_delta(record.utc_offset)).date()
            audit.issued_on = issued
            findings.fix_due_dates(audit, issued)
        else:
            if version is None:
                raise Refused(f"{audit.reference} has no signed report to countersign")
            stored = version.file_bytes
            if hashlib.sha256(stored).hexdigest() != record.signed_sha256:
                raise Refused("the stored report changed while it was being signed; start again")
            if not record.file_bytes.startswith(stored):
                raise Refused(
                    "a countersignature must be an incremental update of the stored report"
                )
            version.file_bytes = record.file_bytes
            version.sha256 = digest
            if record.meaning is SignatureMeaning.APPROVER:
                audit.status = AuditStatus.FINAL
        session.flush()
        signature = Signature(
            report_version_id=version.id,
            user_id=user.id,
            printed_name=user.full_name,
            role=user.role,
            meaning=record.meaning.value,
            signed_at=record.signed_at,
            utc_offset=record.utc_offset,
            signed_sha256=record.signed_sha256,
            certificate_sha256=record.certificate_sha256,
        )
        session.add(signature)
        session.flush()
        trail.record_event(
            session.connection(),
            user=user.username,
            action="sign",
            entity="report_version",
            entity_id=str(version.id),
            detail=json.dumps(
                {
                    "audit": audit.reference,
                    "version": version.version,
                    "meaning": record.meaning.value,
                    "printed_name": user.full_name,
                    "signed_at": record.signed_at.isoformat(),
                    "utc_offset": record.utc_offset,
                    "signed_sha256": record.signed_sha256,
                    "file_sha256": digest,
                    "certificate_sha256": record.certificate_sha256,
                },
                sort_keys=True,
            ),
        )
    return signature


def reopen_audit(db: object, reference: str, *, username: str, password: str, reason: str) -> int:
    """Unlock a signed audit for changes: lead auditor only, with a reason; returns the new
    report version number. The signed versions stay as they are."""
    reason = " ".join(reason.split())
    if not reason:
        raise BadInput("reopening a signed audit needs a reason (it is kept in the audit trail)")
    with db.session() as session:  # type: ignore[attr-defined]
        audits.get_audit(session, reference)  # an unknown reference costs no sign-in attempt
    user = users.authenticate(db, username, password)  # type: ignore[arg-type]
    with db.session(actor=user.username, reason=reason) as session:  # type: ignore[attr-defined]
        audit = audits.get_audit(session, reference)
        if audit.lead_auditor_id != user.id:
            raise Refused(f"only the lead auditor of {audit.reference} can reopen it")
        if not audit.locked and not current_signatures(session, audit):
            raise Refused(f"{audit.reference} is not signed; there is nothing to reopen")
        old = audit.report_version
        with locking.override(session, "reopen"):
            audit.locked = False
            audit.report_version = old + 1
            audit.status = AuditStatus.REPORTING
            session.flush()
            trail.record_event(
                session.connection(),
                user=user.username,
                action="reopen",
                entity="audit",
                entity_id=str(audit.id),
                reason=reason,
                detail=json.dumps(
                    {"audit": audit.reference, "from_version": old, "to_version": old + 1}
                ),
            )
        return audit.report_version


def report_versions(session: Session, audit: Audit) -> list[ReportVersion]:
    return list(
        session.scalars(
            select(ReportVersion)
            .where(ReportVersion.audit_id == audit.id)
            .order_by(ReportVersion.version, ReportVersion.format)
        )
    )


def team_user_ids(audit: Audit) -> set[int]:
    ids = {m.user_id for m in audit.team if m.user_id is not None}
    if audit.lead_auditor_id is not None:
        ids.add(audit.lead_auditor_id)
    return ids
