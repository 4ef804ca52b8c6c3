"""The audit certificate: a short document on its own that declares an audit took place.

ICH E6(R2) 5.19.3(e) / R3 3.11.2.2(e) only require the sponsor to provide one when asked; what
it is comes from R2 1.7 / the R3 glossary ("audit certificate"): a declaration by the auditor
that an audit took place. Content after the JSQA guideline (gcp-reference.md 4.2): trial
identification, audit subject and dates, the report and its issue date, auditors, auditee and
address, certificate date. It never shows findings, so it can be filed in the TMF and attached
to the clinical study report. It is signed (certificate_signing.py) only for an approved report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from auditapp.core.models import Audit
from auditapp.reports import wording as w
from auditapp.reports.branding import check_paper, load_branding
from auditapp.reports.build import SignatureInfo, report_meta, version_label
from auditapp.reports.build_chapters import studies_text
from auditapp.reports.document import (
    Block,
    Document,
    Heading,
    KeyValueTable,
    Paragraph,
    SignatureBlock,
    SignatureSlot,
)


def build_certificate(
    session: Session,
    audit: Audit,
    *,
    language: str | None = None,
    paper: str | None = None,
    today: dt.date | None = None,
    signature: SignatureInfo | None = None,
    report_issued: dt.date | None = None,
) -> Document:
    lang = w.check_language(language or audit.language or "en")
    branding = load_branding(session)
    paper = check_paper(paper or branding.paper)
    today = today or dt.date.today()
    sponsor, auditee = audit.sponsor, audit.auditee
    auditee_text = auditee.legal_name if auditee else w.t("not_stated", lang)
    if auditee and auditee.address:
        auditee_text += f"\n{auditee.address}"
    auditors = "\n".join(
        f"{m.name}, {w.label_or(f'role_{m.role}', lang, m.role)}" for m in audit.team
    ) or (audit.lead_auditor.full_name if audit.lead_auditor else w.t("not_stated", lang))
    rows: list[tuple[str, str]] = [
        (w.t("cert_trial", lang), studies_text(audit) or w.t("cert_no_study", lang)),
        (w.t("sponsor", lang), sponsor.legal_name if sponsor else w.t("not_stated", lang)),
        (w.t("audit_type", lang), w.label_or(f"type_{audit.audit_type}", lang, audit.audit_type)),
        (w.t("cert_subject", lang), audit.title),
        (
            w.t("audit_dates", lang),
            w.date_range(
                audit.actual_start or audit.planned_start,
                audit.actual_end or audit.planned_end,
                lang,
            )
            or w.t("not_stated", lang),
        ),
        (w.t("cert_auditee", lang), auditee_text),
    ]
    if audit.locations:
        rows.append((w.t("locations", lang), audit.locations))
    rows += [
        (w.t("cert_auditors", lang), auditors),
        (
            w.t("cert_report", lang),
            w.t(
                "cert_report_issued",
                lang,
                reference=audit.reference,
                version=audit.report_version,
                date=w.date(report_issued, lang),
            )
            if report_issued
            else f"{audit.reference}, {w.t('report_version', lang)} {version_label(audit, lang)}",
        ),
        (w.t("cert_issue_date", lang), w.date(today, lang)),
    ]
    from auditapp.reports.build import signature_time
    from auditapp.reports.wording_signoff import MEANING_TEXT

    slot = SignatureSlot(
        "certificate",
        w.t("cert_signature", lang),
        (
            (w.t("sig_name", lang), signature.printed_name if signature else ""),
            (
                w.t("sig_role", lang),
                w.label_or(f"userrole_{signature.role}", lang, signature.role) if signature else "",
            ),
            (w.t("sig_meaning", lang), MEANING_TEXT[lang]["certificate"]),
            (w.t("sig_time", lang), signature_time(signature, lang) if signature else ""),
        ),
    )
    blocks: list[Block] = [
        Heading(w.t("certificate_kicker", lang), 1, in_toc=False),
        Paragraph.of(w.t("cert_statement", lang)),
        KeyValueTable(tuple(rows)),
        SignatureBlock((slot,)),
    ]
    if signature is None:
        blocks.append(Paragraph.of(w.t("cert_unsigned", lang), "small"))
    meta = report_meta(
        audit,
        branding,
        language=lang,
        paper=paper,
        kicker_key="certificate_kicker",
        signing=signature is not None,
    )
    # The certificate discloses no findings: its footer says what it is, not "Confidential".
    meta = replace(meta, confidentiality=w.t("cert_footer", lang))
    return Document(meta, tuple(blocks))


def certificate_signatures(signatures: Sequence[SignatureInfo]) -> SignatureInfo | None:
    return next((s for s in signatures if s.meaning in ("certificate", "author")), None)
