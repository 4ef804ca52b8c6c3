"""The audit closure letter: the auditee is told that the follow-up of every finding is complete.

It is written only when every finding's CAPA follow-up is closed (core/capa.py) and the report
was issued; it lists each finding with the day its CAPA plan was accepted, the effectiveness
check and the day it was closed. Signing follows the audit certificate's ceremony
(certificate_signing.py): the lead auditor or a team member re-enters the password, the letter
is certified with a PAdES signature, stored beside the report version (format "closure") with
its Signature row and a trail event, and the audit's status becomes "closed".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import audits, capa_state, signing, trail, users
from auditapp.core import findings as core_findings
from auditapp.core.db import Database
from auditapp.core.models import Audit, AuditStatus, Language, ReportVersion, codes
from auditapp.errors import BadInput, Refused
from auditapp.reports import wording as w
from auditapp.reports.branding import check_paper, load_branding
from auditapp.reports.build import FINAL_STATES, SignatureInfo, report_meta, signature_time
from auditapp.reports.document import (
    Block,
    Cell,
    Document,
    Heading,
    KeyValueTable,
    Paragraph,
    SignatureBlock,
    SignatureSlot,
    Table,
)
from auditapp.reports.signoff import SignResult
from auditapp.reports.wording_signoff import MEANING_TEXT

FORMAT = "closure"
MEANING = "closure"


def check_closable(session: Session, audit: Audit) -> None:
    """Refused unless the report was issued and every finding's follow-up is closed."""
    if audit.status not in FINAL_STATES:
        raise Refused(
            f"the report of {audit.reference} is not issued yet; an audit is closed "
            "only after its report is final"
        )
    still_open = capa_state.open_findings(session, audit)
    if still_open:
        raise Refused(
            f"{audit.reference} still has open findings ({', '.join(still_open)}); "
            "the closure letter needs every finding closed"
        )


def _event_date(item: capa_state.FollowUp, kind: str, decision: str) -> dt.date | None:
    dates = [e.recorded_at.date() for e in item.events if e.kind == kind and e.decision == decision]
    return dates[-1] if dates else None


def build_closure_letter(
    session: Session,
    audit: Audit,
    *,
    language: str | None = None,
    paper: str | None = None,
    today: dt.date | None = None,
    signature: SignatureInfo | None = None,
) -> Document:
    check_closable(session, audit)
    lang = w.check_language(language or audit.language or "en")
    branding = load_branding(session)
    paper = check_paper(paper or branding.paper)
    today = today or dt.date.today()
    auditee = audit.auditee
    to = [auditee.legal_name] if auditee else [w.t("not_stated", lang)]
    if auditee and auditee.contact_name:
        to.insert(0, auditee.contact_name)
    if auditee and auditee.address:
        to.append(auditee.address)
    issued = audit.issued_on
    rows: list[tuple[str, str]] = [
        (w.t("closure_to", lang), "\n".join(to)),
        (w.t("report_number", lang), audit.reference),
        (w.t("cert_subject", lang), audit.title),
        (
            w.t("sponsor", lang),
            audit.sponsor.legal_name if audit.sponsor else w.t("not_stated", lang),
        ),
        (
            w.t("audit_dates", lang),
            w.date_range(
                audit.actual_start or audit.planned_start,
                audit.actual_end or audit.planned_end,
                lang,
            )
            or w.t("not_stated", lang),
        ),
        (w.t("closure_date", lang), w.date(today, lang)),
    ]
    table_rows = []
    for item in capa_state.follow_up(session, audit, today):
        f = item.finding
        title = f.title + (
            f" ({w.t('closure_repeat', lang)}: {f.repeat_of})"
            if f.repeat_finding and f.repeat_of
            else ""
        )
        effective = _event_date(item, "effectiveness", "effective")
        table_rows.append(
            (
                Cell(core_findings.number_label(f.number), bold=True),
                Cell(core_findings.grade(session, f.classification).label[lang]),
                Cell(title),
                Cell(w.date(_event_date(item, "assessment", "accepted"), lang)),
                Cell(
                    f"{w.t('closure_effective', lang)}, {w.date(effective, lang)}"
                    if effective
                    else w.t("closure_no_check", lang)
                ),
                Cell(w.date(item.status.closed_on, lang)),
            )
        )
    slot = SignatureSlot(
        MEANING,
        w.t("closure_signature", lang),
        (
            (w.t("sig_name", lang), signature.printed_name if signature else ""),
            (
                w.t("sig_role", lang),
                w.label_or(f"userrole_{signature.role}", lang, signature.role) if signature else "",
            ),
            (w.t("sig_meaning", lang), MEANING_TEXT[lang][MEANING]),
            (w.t("sig_time", lang), signature_time(signature, lang) if signature else ""),
        ),
    )
    blocks: list[Block] = [
        Heading(w.t("closure_kicker", lang), 1, in_toc=False),
        KeyValueTable(tuple(rows)),
        Paragraph.of(
            w.t(
                "closure_statement",
                lang,
                reference=audit.reference,
                version=f"{audit.report_version}.0",
                issued=w.date(issued, lang) or w.t("not_stated", lang),
            )
        ),
        Heading(w.t("closure_findings", lang), 2, in_toc=False),
    ]
    if table_rows:
        blocks.append(
            Table(
                header=(
                    w.t("capa_col_number", lang),
                    w.t("capa_col_grade", lang),
                    w.t("capa_col_title", lang),
                    w.t("closure_col_accepted", lang),
                    w.t("closure_col_effectiveness", lang),
                    w.t("closure_col_closed", lang),
                ),
                rows=tuple(table_rows),
                widths=(8, 13, 40, 13, 16, 13),
                small=True,
            )
        )
    else:
        blocks.append(Paragraph.of(w.t("closure_no_findings", lang)))
    blocks.append(SignatureBlock((slot,)))
    if signature is None:
        blocks.append(Paragraph.of(w.t("closure_unsigned", lang), "small"))
    meta = report_meta(
        audit,
        branding,
        language=lang,
        paper=paper,
        kicker_key="closure_kicker",
        signing=signature is not None,
    )
    meta = replace(meta, confidentiality=w.t("closure_footer", lang))
    return Document(meta, tuple(blocks))


def export_closure_letter(
    db: Database, reference: str, *, fmt: str, language: str | None = None
) -> bytes:
    """The unsigned letter (PDF or DOCX), for review before signing or for a Word copy."""
    from auditapp.reports.export import check_format, render

    fmt = check_format(fmt)
    with db.session() as session:
        audit = audits.get_audit(session, reference)
        document = build_closure_letter(session, audit, language=language)
    return render(document, fmt)


def _stored(session: Session, audit: Audit, language: str) -> ReportVersion | None:
    return session.scalar(
        select(ReportVersion).where(
            ReportVersion.audit_id == audit.id,
            ReportVersion.version == audit.report_version,
            ReportVersion.format == FORMAT,
            ReportVersion.language == language,
        )
    )


def sign_closure_letter(
    db: Database, reference: str, *, username: str, password: str, language: str | None = None
) -> SignResult:
    from auditapp.reports.document_signing import sign_and_store  # the PDF stack, when signing

    with db.session() as session:
        audit = audits.get_audit(session, reference)  # an unknown reference costs no attempt
        check_closable(session, audit)
    user_ref = users.authenticate(db, username, password)
    with db.session(actor=user_ref.username) as session:
        audit = audits.get_audit(session, reference)
        user = users.find_user(session, user_ref.username)
        lang = (language or audit.language or "en").lower()
        if lang not in codes(Language):
            raise BadInput("closure letter language must be en or de")
        if not signing.is_author_eligible(audit, user):
            raise Refused(
                f"{user.username} is neither the lead auditor nor on the team of "
                f"{audit.reference}, so cannot sign its closure letter"
            )
        if _stored(session, audit, lang) is not None:
            raise Refused(f"the closure letter of {audit.reference} ({lang}) is already signed")
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
        document = build_closure_letter(session, audit, language=lang, signature=info)
        return sign_and_store(
            session,
            audit,
            user,
            identity,
            document,
            meaning=MEANING,
            file_format=FORMAT,
            language=lang,
            stamp_document=w.t("stamp_closure", lang, reference=audit.reference),
            at=at,
            offset=offset,
            trail_head=trail.head_hash(session.connection()),
            before_recording=lambda: setattr(audit, "status", AuditStatus.CLOSED),
        )


def signed_closure_letter(db: Database, reference: str, *, language: str | None = None) -> bytes:
    with db.session() as session:
        audit = audits.get_audit(session, reference)
        lang = (language or audit.language or "en").lower()
        row = _stored(session, audit, lang)
        if row is None:
            raise Refused(f"{audit.reference} has no signed closure letter ({lang})")
        return row.file_bytes
