"""Verifying signed reports: a PDF with PAdES signatures, or a DOCX with its detached .p7s.

A signature is valid only when it is *intact* (the signed bytes unchanged, nothing but
signature fields added after it: pyHanko's difference analysis, not the byte-range check that
pdfsig trusts) AND *trusted* (auditapp.core.trust: a known AuditApp signer, a certificate in
the trust store, or one passed with --trust; never the name on the certificate).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from auditapp.core import input_limits, trust
from auditapp.core.models import SignatureMeaning, codes
from auditapp.errors import BadInput

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
MEANINGS = codes(SignatureMeaning)
# The audit certificate is a document of its own with one certifying signature.
CERTIFICATE = "certificate"
# The closure letter likewise: one certifying signature of the lead auditor.
CLOSURE = "closure"
FIELD_PREFIX = "AuditApp-"


def meaning_of_field(name: str | None) -> str:
    if name and name.startswith(FIELD_PREFIX):
        return name[len(FIELD_PREFIX) :]
    return ""


@dataclass(frozen=True)
class SignatureCheck:
    signer: str  # certificate common name
    meaning: str
    signed_at: dt.datetime | None
    intact: bool
    detail: str  # why not intact, or a note
    certificate_sha256: str
    known_as: str | None  # "username (Full Name)" when the opened database knows the certificate
    trusted: bool = False
    trust: str = ""  # "trusted: ..." or "NOT TRUSTED: ..."

    @property
    def valid(self) -> bool:
        return self.intact and self.trusted


@dataclass(frozen=True)
class VerificationReport:
    path: str
    kind: str  # "pdf" or "docx"
    signatures: tuple[SignatureCheck, ...]
    problems: tuple[str, ...] = field(default_factory=tuple)  # file-level problems
    unsigned_fields: tuple[str, ...] = ()
    file_sha256: str = ""

    @property
    def intact(self) -> bool:
        return (
            bool(self.signatures) and not self.problems and all(s.intact for s in self.signatures)
        )

    @property
    def valid(self) -> bool:
        return self.intact and all(s.trusted for s in self.signatures)

    def verdict(self) -> str:
        if self.valid:
            return "VALID"
        if self.intact:
            return "NOT TRUSTED"
        return "INVALID"

    def lines(self) -> list[str]:
        """Plain text for the CLI and the GUI."""
        out = [
            f"{self.path}: {self.verdict()} ({self.kind}, "
            f"{len(self.signatures)} signature(s), SHA-256 {self.file_sha256})"
        ]
        for s in self.signatures:
            when = (
                s.signed_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
                if s.signed_at
                else "time unknown"
            )
            state = "intact" if s.intact else "MODIFIED"
            out.append(f"  {s.meaning or 'signature'}: {s.signer}, {when}, {state}; {s.trust}")
            out.append(f"    certificate SHA-256 {trust.fingerprint_pretty(s.certificate_sha256)}")
            if s.detail:
                out.append(f"    {s.detail}")
        for name in self.unsigned_fields:
            out.append(f"  {name}: not signed")
        for problem in self.problems:
            out.append(f"  problem: {problem}")
        return out


def _cert_sha256(cert: object) -> str:
    return hashlib.sha256(cert.dump()).hexdigest()  # type: ignore[attr-defined]


def _common_name(cert: object) -> str:
    try:
        return str(cert.subject.native.get("common_name") or cert.subject.human_friendly)  # type: ignore[attr-defined]
    except Exception:  # pragma: no cover - odd subjects
        return "unknown signer"


def _check(
    cert: object,
    chain: list[object],
    anchors: trust.Anchors,
    *,
    meaning: str,
    signed_at: dt.datetime | None,
    intact: bool,
    detail: str,
) -> SignatureCheck:
    digest = _cert_sha256(cert)
    name = _common_name(cert)
    known = anchors.known.get(digest)
    verdict = trust.judge(
        cert.dump(),  # type: ignore[attr-defined]
        name,
        anchors,
        [c.dump() for c in chain],  # type: ignore[attr-defined]
    )
    return SignatureCheck(
        name,
        meaning,
        signed_at,
        intact,
        detail,
        digest,
        f"{known[0]} ({known[1]})" if known else None,
        verdict.trusted,
        verdict.reason,
    )


def verify_pdf(
    data: bytes, *, path: str = "", anchors: trust.Anchors | None = None
) -> VerificationReport:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    anchors = anchors or trust.Anchors()
    digest = hashlib.sha256(data).hexdigest()
    if not data.startswith(PDF_MAGIC):
        raise BadInput(f"{path or 'the file'} is not a PDF")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
        unsigned = [
            name for name, value, _ref in fields.enumerate_sig_fields(reader) if value is None
        ]
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError) as exc:
        return VerificationReport(
            path, "pdf", (), (f"the PDF cannot be read ({exc})",), file_sha256=digest
        )
    if not embedded:
        return VerificationReport(
            path, "pdf", (), ("the PDF carries no signature",), file_sha256=digest
        )
    checks = []
    for sig in embedded:
        meaning = meaning_of_field(sig.field_name)
        try:
            cert = sig.signer_cert
            chain = list(getattr(sig, "other_embedded_certs", []) or [])
        except Exception as exc:  # a flipped byte in the CMS blob: pyHanko's own error kinds
            log.info("signer certificate unreadable", exc_info=True)
            checks.append(
                SignatureCheck(
                    "(unknown signer)",
                    meaning,
                    None,
                    False,
                    f"the signature value is damaged ({type(exc).__name__})",
                    "",
                    None,
                    False,
                    "NOT TRUSTED: no readable certificate",
                )
            )
            continue
        try:
            # The signer's own certificate as the anchor: this checks integrity and form only;
            # whether the signer is trusted is trust.judge's question (_check).
            context = ValidationContext(trust_roots=[cert], allow_fetching=False)
            status = validate_pdf_signature(sig, context)
        except Exception as exc:  # pyHanko raises many kinds on broken input
            log.info("signature validation failed", exc_info=True)
            checks.append(
                _check(
                    cert,
                    chain,
                    anchors,
                    meaning=meaning,
                    signed_at=None,
                    intact=False,
                    detail=f"cannot be validated ({type(exc).__name__}: {exc})",
                )
            )
            continue
        reasons = []
        if not status.intact:
            reasons.append("the signed bytes were changed")
        elif not status.valid:
            reasons.append("the cryptographic signature does not match")
        level = status.modification_level
        if level is None or level > ModificationLevel.FORM_FILLING:
            reasons.append(
                "the document was changed after this signature "
                f"(modification level {getattr(level, 'name', level)})"
            )
        if not status.docmdp_ok:
            reasons.append("a change after this signature breaks the author's certification")
        if status.coverage is None or status.coverage.name not in (
            "ENTIRE_FILE",
            "ENTIRE_REVISION",
        ):
            reasons.append("the signature does not cover its whole revision")
        checks.append(
            _check(
                cert,
                chain,
                anchors,
                meaning=meaning,
                signed_at=status.signer_reported_dt,
                intact=not reasons,
                detail="; ".join(reasons),
            )
        )
    return VerificationReport(
        path, "pdf", tuple(checks), (), tuple(meaning_of_field(n) or n for n in unsigned), digest
    )


def verify_detached(
    data: bytes, p7s: bytes, *, path: str = "", anchors: trust.Anchors | None = None
) -> VerificationReport:
    import asyncio

    from asn1crypto import cms
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
    from pyhanko_certvalidator import ValidationContext

    anchors = anchors or trust.Anchors()
    digest = hashlib.sha256(data).hexdigest()
    try:
        info = cms.ContentInfo.load(p7s)
        if info["content_type"].native != "signed_data":
            raise ValueError("not a CMS SignedData")
        signed = info["content"]
        signer_infos = list(signed["signer_infos"])
        certs = [c.chosen for c in signed["certificates"]]
    except Exception as exc:
        return VerificationReport(
            path, "docx", (), (f"the .p7s file is not a CMS signature ({exc})",), file_sha256=digest
        )
    if len(signer_infos) != 1 or not certs:
        return VerificationReport(
            path,
            "docx",
            (),
            ("the .p7s must hold exactly one signer and its certificate",),
            file_sha256=digest,
        )
    sid = signer_infos[0]["sid"]
    cert = certs[0]
    if sid.name == "issuer_and_serial_number":
        issuer, serial = sid.chosen["issuer"], sid.chosen["serial_number"].native
        cert = next((c for c in certs if c.issuer == issuer and c.serial_number == serial), cert)
    try:
        context = ValidationContext(trust_roots=[cert], allow_fetching=False)
        status = asyncio.run(async_validate_detached_cms(data, signed, context))
        intact, valid = status.intact, status.valid
        signed_at = getattr(status, "signer_reported_dt", None)
        detail = (
            ""
            if intact and valid
            else (
                "the document bytes differ from what was signed"
                if not intact
                else "the cryptographic signature does not match"
            )
        )
    except Exception as exc:
        log.info("CMS validation failed", exc_info=True)
        intact, signed_at, detail, valid = False, None, f"cannot be validated ({exc})", False
    chain = [c for c in certs if c is not cert]
    check = _check(
        cert,
        chain,
        anchors,
        meaning=_docx_meaning(data),
        signed_at=signed_at,
        intact=intact and valid,
        detail=detail,
    )
    return VerificationReport(path, "docx", (check,), (), (), digest)


def _docx_meaning(data: bytes) -> str:
    """The meaning recorded in the DOCX's core properties by the ceremony, if any."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = z.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return ""
    for meaning in (*MEANINGS, CERTIFICATE, CLOSURE):
        if f"auditapp-signed-as:{meaning}" in text:
            return meaning
    return ""


def verify_file(path: Path | str, *, anchors: trust.Anchors | None = None) -> VerificationReport:
    """A signed PDF, or a DOCX with its detached signature FILE.docx.p7s beside it."""
    path = Path(path)
    data = input_limits.read_bounded(path, kind="signed file")
    if data.startswith(PDF_MAGIC):
        return verify_pdf(data, path=str(path), anchors=anchors)
    if data.startswith(ZIP_MAGIC) or path.suffix.lower() == ".docx":
        sidecar = path.with_name(path.name + ".p7s")
        if not sidecar.is_file():
            raise BadInput(f"no detached signature {sidecar.name} beside {path.name}")
        return verify_detached(
            data,
            input_limits.read_bounded(sidecar, kind="signature"),
            path=str(path),
            anchors=anchors,
        )
    if path.suffix.lower() == ".p7s":
        raise BadInput("give the signed document (FILE.docx), not its .p7s")
    raise BadInput(f"{path} is neither a PDF nor a DOCX")
