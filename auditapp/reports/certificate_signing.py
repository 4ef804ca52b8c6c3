"""Signing the audit certificate: the report's ceremony, for an approved report version only.

The lead auditor (or an auditor on the team) re-enters the password (21 CFR 11.200); the
certificate is rendered with the signer's manifestation, certified with a PAdES signature whose
stamp repeats it, and stored beside the report version it certifies (format "cert"), with its
Signature row and a trail event. It verifies with `auditapp verify` and pdfsig like a report.
"""

from __future__ import annotations

from sqlalchemy import select

from auditapp.core import audits, signing, users
from auditapp.core.db import Database
from auditapp.core.models import Audit, Language, ReportVersion, SignatureMeaning, codes
from auditapp.errors import BadInput, Refused
from auditapp.reports import pades
from auditapp.reports.signoff import SignResult

FORMAT = "cert"
MEANING = pades.CERTIFICATE


def approved_version(session: object, audit: Audit) -> ReportVersion:
    """The current report version, which must carry the approver's signature."""
    version = signing.current_report_version(session, audit, fmt="pdf")  # type: ignore[arg-type]
    meanings = {s.meaning for s in signing.current_signatures(session, audit)}  # type: ignore[arg-type]
    if version is None or SignatureMeaning.APPROVER.value not in meanings:
        raise Refused(
            f"report version {audit.report_version} of {audit.reference} is not approved; the "
            "audit certificate can be signed only for an approved report"
        )
    return version


def _stored(session: object, audit: Audit, language: str) -> ReportVersion | None:
    return session.scalar(
        select(ReportVersion).where(  # type: ignore[attr-defined]
            ReportVersion.audit_id == audit.id,
            ReportVersion.version == audit.report_version,
            ReportVersion.format == FORMAT,
            ReportVersion.language == language,
        )
    )


def sign_certificate(
    db: Database, reference: str, *, username: str, password: str, language: str | None = None
) -> SignResult:
    from auditapp.reports import wording as w
    from auditapp.reports.build import SignatureInfo
    from auditapp.reports.certificate import build_certificate
    from auditapp.reports.document_signing import sign_and_store

    with db.session() as session:
        audits.get_audit(session, reference)  # an unknown reference costs no sign-in attempt
    user_ref = users.authenticate(db, username, password)
    with db.session(actor=user_ref.username) as session:
        audit = audits.get_audit(session, reference)
        user = users.find_user(session, user_ref.username)
        lang = (language or audit.language or "en").lower()
        if lang not in codes(Language):
            raise BadInput("certificate language must be en or de")
        report = approved_version(session, audit)
        if not signing.is_author_eligible(audit, user):
            raise Refused(
                f"{user.username} is neither the lead auditor nor on the team of "
                f"{audit.reference}, so cannot sign its audit certificate"
            )
        if _stored(session, audit, lang) is not None:
            raise Refused(
                f"the audit certificate of {audit.reference} report version "
                f"{audit.report_version} ({lang}) is already signed"
            )
        signing.ensure_identity(user, password)
        identity = signing.open_identity(user, password)
        at, offset = signing.local_time_parts()
        info = SignatureInfo(
            meaning=MEANING,
            printed_name=user.full_name,
            role=user.role,
            signed_at=at,
            utc_offset=offset,
            certificate_sha256=identity.fingerprint,
        )
        document = build_certificate(
            session,
            audit,
            language=lang,
            signature=info,
            report_issued=audit.issued_on or report.created_at.date(),
        )
        return sign_and_store(
            session,
            audit,
            user,
            identity,
            document,
            meaning=MEANING,
            file_format=FORMAT,
            language=lang,
            stamp_document=w.t("stamp_certificate", lang, reference=audit.reference),
            at=at,
            offset=offset,
            trail_head=report.trail_head,
        )


def signed_certificate(db: Database, reference: str, *, language: str | None = None) -> bytes:
    """The stored signed certificate of the current report version."""
    with db.session() as session:
        audit = audits.get_audit(session, reference)
        lang = (language or audit.language or "en").lower()
        row = _stored(session, audit, lang)
        if row is None:
            raise Refused(
                f"{audit.reference} report version {audit.report_version} has no "
                f"signed audit certificate ({lang})"
            )
        return row.file_bytes
