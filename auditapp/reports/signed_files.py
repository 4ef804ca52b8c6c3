"""Signed reports after the ceremony: the stored bytes, whom verification trusts, a file's check."""

from __future__ import annotations

from sqlalchemy import select

from auditapp.core import audits, signing
from auditapp.core.db import Database
from auditapp.core.models import Signature, User
from auditapp.errors import Refused
from auditapp.reports import pades


def signed_report(db: Database, reference: str, *, version: int | None = None) -> tuple[int, bytes]:
    """The stored signed PDF of a report version (the current one by default)."""
    from auditapp.core.models import ReportVersion

    with db.read_session() as session:
        audit = audits.get_audit(session, reference)
        wanted = audit.report_version if version is None else version
        row = session.scalar(
            select(ReportVersion).where(
                ReportVersion.audit_id == audit.id,
                ReportVersion.version == wanted,
                ReportVersion.format == "pdf",
            )
        )
        if row is None:
            raise Refused(f"{audit.reference} has no signed report version {wanted}")
        return wanted, row.file_bytes


def trust_anchors(
    db: Database | None = None, extra: tuple[object, ...] = (), *, use_store: bool = True
) -> object:
    """What a verification trusts: the database's signers (when a database is open), the trust
    store in the user data folder, and any certificate files given for this run."""
    from auditapp.core import trust

    known, pems = None, []
    if db is not None:
        with db.read_session() as session:
            known = signing.known_certificates(session)
            pems = [
                (u.certificate_pem, u.username, u.full_name)
                for u in session.scalars(select(User))
                if u.certificate_pem
            ]
    return trust.anchors(
        known=known,
        known_pems=pems,
        extra=extra,  # type: ignore[arg-type]
        use_store=use_store,
    )


def verify_file(
    path: object, db: Database | None = None, trust_files: tuple[object, ...] = ()
) -> pades.VerificationReport:
    """Verify a signed PDF or DOCX(+.p7s): intact, and signed by a trusted certificate."""
    anchors = trust_anchors(db, trust_files)
    return pades.verify_file(path, anchors=anchors)  # type: ignore[arg-type]


def signatures_of(db: Database, reference: str) -> list[Signature]:
    with db.session() as session:
        audit = audits.get_audit(session, reference)
        return signing.current_signatures(session, audit)
