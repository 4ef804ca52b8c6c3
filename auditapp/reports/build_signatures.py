"""The report's signature page: one slot per meaning, filled from the signatures applied."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from auditapp.core.models import Audit, SignatureMeaning, codes
from auditapp.errors import BadInput
from auditapp.reports import wording as w
from auditapp.reports.document import Block, Paragraph, SignatureBlock, SignatureSlot

MEANINGS = codes(SignatureMeaning)


@dataclass(frozen=True)
class SignatureInfo:
    """A signature applied (or about to be applied) to this report, as the signing code knows it."""

    meaning: str  # author, reviewer, approver
    printed_name: str
    role: str
    signed_at: dt.datetime  # aware
    utc_offset: str = ""  # the signer's "+01:00"; empty: this machine's offset at that time
    certificate_sha256: str = ""  # the signer's certificate fingerprint, printed for comparison


def fingerprint_text(digest: str) -> str:
    """ "AB12 CD34 ...": groups of four that wrap on a narrow line and read aloud well."""
    digest = digest.upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def signature_time(sig: SignatureInfo, lang: str) -> str:
    """The time of a signature exactly as its stamp shows it (from the signature itself)."""
    from auditapp.core.signing import local_time_parts

    offset = sig.utc_offset or local_time_parts(sig.signed_at)[1]
    return w.signing_time(sig.signed_at, offset, lang)


def signature_blocks(
    audit: Audit, lang: str, signatures: Sequence[SignatureInfo], *, stamps: bool = True
) -> list[Block]:
    """The signature page. ``stamps``: a signed PDF, whose later signers appear in their stamps
    (a DOCX copy has no stamps; its empty slots stay blank lines)."""
    from auditapp.reports.wording_signoff import MEANING_TEXT

    by_meaning = {s.meaning: s for s in signatures}
    unknown = sorted(set(by_meaning) - set(MEANINGS))
    if unknown:
        raise BadInput(f"unknown signature meaning(s) {', '.join(unknown)}")
    # Rendered for a signature, a slot signed later is filled in by its stamp, not the page.
    later = w.t("sig_in_stamp", lang) if signatures and stamps else ""
    slots = []
    for meaning in MEANINGS:
        sig = by_meaning.get(meaning)
        rows: tuple[tuple[str, str], ...] = (
            (w.t("sig_name", lang), sig.printed_name if sig else later),
            (
                w.t("sig_role", lang),
                w.label_or(f"userrole_{sig.role}", lang, sig.role) if sig else later,
            ),
            (w.t("sig_meaning", lang), MEANING_TEXT[lang][meaning]),
            (w.t("sig_time", lang), signature_time(sig, lang) if sig else later),
        )
        if sig is not None and sig.certificate_sha256:
            # A recipient without AuditApp compares this with the fingerprint the signer gave
            # through another channel (docs/signing.md).
            rows += ((w.t("sig_fingerprint", lang), fingerprint_text(sig.certificate_sha256)),)
        slots.append(SignatureSlot(meaning, w.t(f"sig_{meaning}", lang), rows))
    intro = w.t("signatures_intro", lang)
    if signatures and stamps:
        intro += " " + w.t("signatures_countersign", lang)
    return [Paragraph.of(intro, "small"), SignatureBlock(tuple(slots))]
