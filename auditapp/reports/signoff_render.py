"""The report as a signature sees it: signature lines, the PDF and its stamp places, the DOCX."""

from __future__ import annotations

import datetime as dt
import io

from sqlalchemy.orm import Session

from auditapp.core import signing
from auditapp.core.models import Audit, Language, User, codes
from auditapp.errors import BadInput
from auditapp.reports import pades
from auditapp.reports.document import Document


def signature_infos(session: Session, audit: Audit, extra: list[object]) -> list[object]:
    from auditapp.reports.build import SignatureInfo

    infos: list[object] = [
        SignatureInfo(
            meaning=s.meaning,
            printed_name=s.printed_name,
            role=s.role,
            signed_at=s.signed_at,
            utc_offset=s.utc_offset,
            certificate_sha256=s.certificate_sha256,
        )
        for s in signing.current_signatures(session, audit)
    ]
    return infos + extra


def build_document(
    session: Session,
    audit: Audit,
    language: str,
    infos: list[object],
    trail_head: str,
    *,
    stamps: bool = True,
) -> Document:
    from auditapp.reports import build

    # The report prints the trail head in its document control; the author's stamp repeats it.
    return build.build_report(
        session,
        audit,
        language=language,
        signatures=infos,  # type: ignore[arg-type]
        trail_head=trail_head,
        stamps=stamps,
    )


def render_pdf(
    session: Session, audit: Audit, language: str, infos: list[object], trail_head: str
) -> tuple[bytes, dict[str, pades.Placement]]:
    from auditapp.reports import pdf

    data, layout = pdf.render_pdf_layout(
        build_document(session, audit, language, infos, trail_head)
    )
    # The renderer reports each slot's stamp area, beside the printed manifestation.
    placements = {
        meaning: pades.Placement(int(page), (int(x1) + 2, int(y1) + 2, int(x2) - 2, int(y2) - 2))
        for meaning, (page, x1, y1, x2, y2) in layout.signature_boxes.items()
    }
    return data, placements


def render_docx(
    session: Session,
    audit: Audit,
    language: str,
    infos: list[object],
    trail_head: str,
    meaning: str,
) -> bytes:
    import docx as python_docx

    from auditapp.reports import build
    from auditapp.reports import docx as docx_writer

    # The Word file says it is the editable copy of the signed PDF record.
    data = docx_writer.render_docx(
        build.build_report(
            session,
            audit,
            language=language,
            signatures=infos,  # type: ignore[arg-type]
            trail_head=trail_head,
            stamps=False,
            editable_copy=True,
        )
    )
    # Mark which signature the detached .p7s carries, so verify can name its meaning.
    document = python_docx.Document(io.BytesIO(data))
    document.core_properties.content_status = f"auditapp-signed-as:{meaning}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_language(audit: Audit, language: str | None) -> str:
    lang = (language or audit.language or "en").lower()
    if lang not in codes(Language):
        raise BadInput("report language must be en or de")
    return lang


def pending_author_info(user: User, at: dt.datetime, offset: str = "") -> object:
    from auditapp.reports.build import SignatureInfo

    fingerprint = ""
    if user.certificate_pem:
        fingerprint = signing.certificate_fingerprint_of_pem(user.certificate_pem)
    fingerprint = ""
    if user.certificate_pem:
        fingerprint = signing.certificate_fingerprint_of_pem(user.certificate_pem)
    return SignatureInfo(
        meaning="author",
        printed_name=user.full_name,
        role=user.role,
        signed_at=at,
        utc_offset=offset,
        certificate_sha256=fingerprint,
    )
