"""Certifying a rendered one-off document (audit certificate, closure letter) and storing it.

Both follow the report's ceremony: the rendered PDF's signature boxes become PAdES placements,
the stamp repeats the signer's manifestation, and the signed file is stored beside the report
version with its Signature row and a "sign" trail event, in one locked override.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable

from sqlalchemy.orm import Session

from auditapp.core import locking, trail
from auditapp.core.models import Audit, ReportVersion, Signature, User
from auditapp.core.signing_keys import Identity
from auditapp.reports import pades, pdf
from auditapp.reports import wording as w
from auditapp.reports.document import Document
from auditapp.reports.signature_stamp import stamp_lines
from auditapp.reports.signoff import SignResult
from auditapp.reports.wording_signoff import MEANING_TEXT


def sign_and_store(
    session: Session,
    audit: Audit,
    user: User,
    identity: Identity,
    document: Document,
    *,
    meaning: str,
    file_format: str,
    language: str,
    stamp_document: str,
    at: dt.datetime,
    offset: str,
    trail_head: str,
    before_recording: Callable[[], None] | None = None,
) -> SignResult:
    """Sign ``document`` for ``user`` and store it; ``before_recording`` changes the audit in
    the same locked step (the closure letter closes the audit)."""
    unsigned, layout = pdf.render_pdf_layout(document)
    placements = {
        box_meaning: pades.Placement(
            int(page), (int(x1) + 2, int(y1) + 2, int(x2) - 2, int(y2) - 2)
        )
        for box_meaning, (page, x1, y1, x2, y2) in layout.signature_boxes.items()
    }
    signed_sha256 = hashlib.sha256(unsigned).hexdigest()
    lines = stamp_lines(
        name=user.full_name,
        role=user.role,
        meaning=meaning,
        at=at,
        offset=offset,
        language=language,
        document=stamp_document,
        digest_label=w.t("stamp_signed_sha", language),
        digest=signed_sha256,
        fingerprint=identity.fingerprint,
    )
    signed = pades.sign_pdf(
        unsigned,
        private_key=identity.private_key,
        certificate_pem=identity.certificate_pem,
        meaning=meaning,
        stamp_lines=lines,
        reason=MEANING_TEXT["en"][meaning],
        signer_name=user.full_name,
        placements=placements,
        signing_time=at,
    )
    digest = hashlib.sha256(signed).hexdigest()
    with locking.override(session, "sign"):
        row = ReportVersion(
            audit_id=audit.id,
            version=audit.report_version,
            format=file_format,
            language=language,
            file_bytes=signed,
            sha256=digest,
            trail_head=trail_head,
            created_by=user.username,
        )
        session.add(row)
        session.flush()
        session.add(
            Signature(
                report_version_id=row.id,
                user_id=user.id,
                printed_name=user.full_name,
                role=user.role,
                meaning=meaning,
                signed_at=at,
                utc_offset=offset,
                signed_sha256=signed_sha256,
                certificate_sha256=identity.fingerprint,
            )
        )
        if before_recording is not None:
            before_recording()
        session.flush()
        trail.record_event(
            session.connection(),
            user=user.username,
            action="sign",
            entity="report_version",
            entity_id=str(row.id),
            detail=json.dumps(
                {
                    "audit": audit.reference,
                    "version": audit.report_version,
                    "meaning": meaning,
                    "printed_name": user.full_name,
                    "signed_at": at.isoformat(),
                    "utc_offset": offset,
                    "signed_sha256": signed_sha256,
                    "file_sha256": digest,
                    "certificate_sha256": identity.fingerprint,
                },
                sort_keys=True,
            ),
        )
    return SignResult(
        reference=audit.reference,
        version=audit.report_version,
        meaning=meaning,
        printed_name=user.full_name,
        role=user.role,
        signed_at=at,
        utc_offset=offset,
        signed_sha256=signed_sha256,
        certificate_sha256=identity.fingerprint,
        pdf_bytes=signed,
        locked=audit.locked,
        final=True,
    )
