"""The words drawn in a signature's stamp (21 CFR 11.50): who signed, as what, meaning what,
when, on which document, and the digest the signature vouches for, in the document's language.
"""

from __future__ import annotations

import datetime as dt

from auditapp.core.models import SignatureMeaning, User
from auditapp.reports.build_signatures import fingerprint_text
from auditapp.reports.wording_signoff import MEANING_LABEL, MEANING_TEXT


def stamp_lines(
    *,
    name: str,
    role: str,
    meaning: str,
    at: dt.datetime,
    offset: str,
    language: str,
    document: str,
    digest_label: str,
    digest: str,
    fingerprint: str = "",
) -> list[str]:
    """The signature stamp in the document's language, in plain words: who, as what, meaning
    what, when (the signature's own time), on which document, and the digest it vouches for.
    pades wraps the lines to the stamp's width."""
    from auditapp.reports import wording as w

    role_text = w.label_or(f"userrole_{role}", language, role)
    return [
        w.t("stamp_signed_by", language, name=name),
        f"{role_text} · {MEANING_LABEL[language][meaning]}",
        MEANING_TEXT[language][meaning],
        w.signing_time(at, offset, language),
        document,
        digest_label,
        # Two halves: a 64-digit line would be the widest and shrink the whole stamp.
        digest[:32],
        digest[32:],
        *_fingerprint_lines(fingerprint, language),
    ]


def _fingerprint_lines(fingerprint: str, language: str) -> list[str]:
    """The signer's certificate SHA-256, for a reader to compare with the one given to them."""
    if not fingerprint:
        return []
    from auditapp.reports import wording as w

    grouped = fingerprint_text(fingerprint)
    return [f"{w.t('sig_fingerprint', language)}: {grouped[:39]}", f"  {grouped[40:]}"]


def signer_stamp_lines(
    user: User,
    meaning: SignatureMeaning,
    at: dt.datetime,
    offset: str,
    signed_sha256: str,
    trail_head: str,
    language: str,
    reference: str,
    version: int,
    fingerprint: str = "",
) -> list[str]:
    from auditapp.reports import wording as w

    author = meaning is SignatureMeaning.AUTHOR
    return stamp_lines(
        name=user.full_name,
        role=user.role,
        meaning=meaning.value,
        at=at,
        offset=offset,
        language=language,
        document=w.t("stamp_document", language, reference=reference, version=version),
        digest_label=w.t("stamp_trail" if author else "stamp_signed_sha", language),
        digest=trail_head if author else signed_sha256,
        fingerprint=fingerprint,
    )
