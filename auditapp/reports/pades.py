"""PAdES signatures on PDF reports (pyHanko) and detached CMS signatures for DOCX.

Signing: the author's signature is a *certification* signature (DocMDP, "form filling and
signing allowed"): the document declares that after the author nothing may change but the
pre-defined signature fields being signed. Viewers such as Acrobat then flag any other change
even where they do no deeper analysis. The catch (DESIGN.md 7): every later signature field
must exist before the author signs, so the author's ceremony adds all three fields at once.
Reviewer and approver sign their fields as incremental updates; the bytes signed before stay
untouched, so earlier signatures stay valid.

Verification does not trust the byte-range check alone (pdfsig does, and says "valid" for a file
with a page changed behind the last signature): pyHanko's difference analysis judges every
revision added after each signature, and anything beyond signing a field is reported invalid.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from auditapp.core import input_limits
from auditapp.errors import BadInput

log = logging.getLogger(__name__)

MEANINGS = ("author", "reviewer", "approver")
FIELD_PREFIX = "AuditApp-"
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"

# Default places for the three signature fields on the signature page (the last page):
# side by side in a band above the footer, in PDF points (A4 is 595 x 842).
DEFAULT_BOXES: dict[str, tuple[int, int, int, int]] = {
    "author": (42, 70, 207, 190),
    "reviewer": (215, 70, 380, 190),
    "approver": (388, 70, 553, 190),
}


def field_name(meaning: str) -> str:
    return f"{FIELD_PREFIX}{meaning}"


def meaning_of_field(name: str | None) -> str:
    if name and name.startswith(FIELD_PREFIX):
        return name[len(FIELD_PREFIX):]
    return ""


@dataclass(frozen=True)
class Placement:
    page: int  # 0-based page index; -1 means the last page
    box: tuple[int, int, int, int]  # x1, y1, x2, y2 in points


def _stamp_font_path() -> Path | None:
    """A TrueType font with 1000 units per em: 2048-unit fonts come out letter-spaced."""
    from auditapp import paths

    candidates = [
        paths.resources_dir() / "fonts" / "NotoSans-Regular.ttf",
        Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
        paths.resources_dir() / "fonts" / "NotoSans-Bold.ttf",
    ]
    return next((p for p in candidates if p.is_file()), None)


def _stamp_style(lines: Iterable[str]) -> object:
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    text = "\n".join(lines).replace("%", "%%")  # stamp_text is %-interpolated by pyHanko
    font_path = _stamp_font_path()
    if font_path is not None:
        from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

        box_style = TextBoxStyle(font=GlyphAccumulatorFactory(str(font_path)), font_size=8,
                                 leading=10)
    else:  # pragma: no cover - the font is bundled
        box_style = TextBoxStyle(font_size=8, leading=10)
    from pyhanko.pdf_utils.content import RawContent
    from pyhanko.pdf_utils.layout import (
        AxisAlignment,
        BoxConstraints,
        InnerScaling,
        SimpleBoxLayoutRule,
    )

    # An opaque white ground: the stamp sits on the report's signature slot and must be legible.
    white = RawContent(b"1 1 1 rg 0 0 1 1 re f", box=BoxConstraints(1, 1))
    return TextStampStyle(
        stamp_text=text, text_box_style=box_style, border_width=1,
        border_color=(0.12, 0.31, 0.47), background=white, background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MIN,
            inner_content_scaling=InnerScaling.STRETCH_FILL),
    )


def _signer(private_key: object, certificate_pem: str) -> object:
    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    certs = x509.load_pem_x509_certificates(certificate_pem.encode())
    as_asn1 = [ax509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in certs]
    key_der = private_key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    # Built directly rather than with SimpleSigner.load, which returns None on a bad password.
    return signers.SimpleSigner(
        signing_cert=as_asn1[0], signing_key=akeys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(as_asn1[1:]),
    )


def _page_count(data: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(io.BytesIO(data)).root["/Pages"]["/Count"])


def sign_pdf(
    data: bytes,
    *,
    private_key: object,
    certificate_pem: str,
    meaning: str,
    stamp_lines: Iterable[str],
    reason: str,
    signer_name: str,
    placements: Mapping[str, Placement] | None = None,
) -> bytes:
    """Sign ``data`` in the field for ``meaning``; the author certifies and adds all fields."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    if meaning not in MEANINGS:
        raise BadInput(f"unknown signature meaning {meaning!r}")
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    existing = {name for name, _v, _r in fields.enumerate_sig_fields(writer)}
    certify = meaning == "author"
    if certify:
        if existing & {field_name(m) for m in MEANINGS}:
            raise BadInput("this PDF already has AuditApp signature fields; it was signed before")
        last = _page_count(data) - 1
        for m in MEANINGS:
            place = (placements or {}).get(m) or Placement(-1, DEFAULT_BOXES[m])
            page = last if place.page < 0 else place.page
            fields.append_signature_field(
                writer, fields.SigFieldSpec(field_name(m), on_page=page, box=place.box))
    elif field_name(meaning) not in existing:
        raise BadInput(f"this PDF has no {meaning} signature field (was it signed by the author?)")
    meta = signers.PdfSignatureMetadata(
        field_name=field_name(meaning),
        md_algorithm="sha256",
        reason=reason,
        name=signer_name,
        certify=certify,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
        subfilter=fields.SigSeedSubFilter.PADES,
        signer_key_usage={"digital_signature"},
    )
    pdf_signer = signers.PdfSigner(meta, _signer(private_key, certificate_pem),
                                   stamp_style=_stamp_style(stamp_lines))
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


# --- detached CMS (DOCX) ---------------------------------------------------------------------


def sign_detached(data: bytes, *, private_key: object, certificate_pem: str) -> bytes:
    """A DER CMS SignedData over ``data`` exactly as it is (binary: no line-ending changes)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

    certs = x509.load_pem_x509_certificates(certificate_pem.encode())
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(
        certs[0], private_key, hashes.SHA256())  # type: ignore[arg-type]
    for extra in certs[1:]:
        builder = builder.add_certificate(extra)
    return builder.sign(Encoding.DER, [pkcs7.PKCS7Options.Binary,
                                       pkcs7.PKCS7Options.DetachedSignature])


# --- verification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureCheck:
    signer: str  # certificate common name
    meaning: str
    signed_at: dt.datetime | None
    intact: bool
    detail: str  # why not intact, or a note
    certificate_sha256: str
    known_as: str | None  # "username (Full Name)" when this database knows the certificate


@dataclass(frozen=True)
class VerificationReport:
    path: str
    kind: str  # "pdf" or "docx"
    signatures: tuple[SignatureCheck, ...]
    problems: tuple[str, ...] = field(default_factory=tuple)  # file-level problems
    unsigned_fields: tuple[str, ...] = ()
    file_sha256: str = ""

    @property
    def valid(self) -> bool:
        return bool(self.signatures) and not self.problems and all(
            s.intact for s in self.signatures)

    def lines(self) -> list[str]:
        """Plain text for the CLI and the GUI."""
        out = [f"{self.path}: {'VALID' if self.valid else 'INVALID'} ({self.kind}, "
               f"{len(self.signatures)} signature(s), SHA-256 {self.file_sha256})"]
        for s in self.signatures:
            when = s.signed_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC") \
                if s.signed_at else "time unknown"
            state = "intact" if s.intact else "NOT INTACT"
            known = (f"certificate known to this database: {s.known_as}" if s.known_as
                     else "certificate NOT known to this database")
            out.append(f"  {s.meaning or 'signature'}: {s.signer}, {when}, {state}; {known}")
            out.append(f"    certificate SHA-256 {s.certificate_sha256}")
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


def _known_label(known: Mapping[str, tuple[str, str]] | None, digest: str) -> str | None:
    if not known or digest not in known:
        return None
    username, full_name = known[digest]
    return f"{username} ({full_name})"


def verify_pdf(
    data: bytes, *, path: str = "", known: Mapping[str, tuple[str, str]] | None = None
) -> VerificationReport:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    digest = hashlib.sha256(data).hexdigest()
    if not data.startswith(PDF_MAGIC):
        raise BadInput(f"{path or 'the file'} is not a PDF")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
        unsigned = [name for name, value, _ref in fields.enumerate_sig_fields(reader)
                    if value is None]
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError) as exc:
        return VerificationReport(path, "pdf", (), (f"the PDF cannot be read ({exc})",),
                                  file_sha256=digest)
    if not embedded:
        return VerificationReport(path, "pdf", (), ("the PDF carries no signature",),
                                  file_sha256=digest)
    checks = []
    problems: list[str] = []
    for sig in embedded:
        meaning = meaning_of_field(sig.field_name)
        try:
            cert = sig.signer_cert
            cert_digest = _cert_sha256(cert)
        except Exception as exc:  # a flipped byte in the CMS blob: pyHanko's own error kinds
            log.info("signer certificate unreadable", exc_info=True)
            checks.append(SignatureCheck("(unknown signer)", meaning, None, False,
                                         f"the signature value is damaged ({type(exc).__name__})",
                                         "", None))
            continue
        try:
            # The signer's own certificate as the anchor: this checks integrity and the
            # certificate's form; whether the signer is trusted is the "known" question below.
            context = ValidationContext(trust_roots=[cert], allow_fetching=False)
            status = validate_pdf_signature(sig, context)
        except Exception as exc:  # pyHanko raises many kinds on broken input
            log.info("signature validation failed", exc_info=True)
            checks.append(SignatureCheck(_common_name(cert), meaning, None, False,
                                         f"cannot be validated ({type(exc).__name__}: {exc})",
                                         cert_digest, _known_label(known, cert_digest)))
            continue
        reasons = []
        if not status.intact:
            reasons.append("the signed bytes were changed")
        elif not status.valid:
            reasons.append("the cryptographic signature does not match")
        level = status.modification_level
        if level is None or level > ModificationLevel.FORM_FILLING:
            reasons.append("the document was changed after this signature "
                           f"(modification level {getattr(level, 'name', level)})")
        if not status.docmdp_ok:
            reasons.append("a change after this signature breaks the author's certification")
        if status.coverage is None or status.coverage.name not in ("ENTIRE_FILE", "ENTIRE_REVISION"):
            reasons.append("the signature does not cover its whole revision")
        signed_at = status.signer_reported_dt
        checks.append(SignatureCheck(
            _common_name(cert), meaning, signed_at, not reasons, "; ".join(reasons), cert_digest,
            _known_label(known, cert_digest)))
    return VerificationReport(path, "pdf", tuple(checks), tuple(problems),
                              tuple(meaning_of_field(n) or n for n in unsigned), digest)


def verify_detached(
    data: bytes, p7s: bytes, *, path: str = "", known: Mapping[str, tuple[str, str]] | None = None
) -> VerificationReport:
    import asyncio

    from asn1crypto import cms
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
    from pyhanko_certvalidator import ValidationContext

    digest = hashlib.sha256(data).hexdigest()
    try:
        info = cms.ContentInfo.load(p7s)
        if info["content_type"].native != "signed_data":
            raise ValueError("not a CMS SignedData")
        signed = info["content"]
        signer_infos = list(signed["signer_infos"])
        certs = [c.chosen for c in signed["certificates"]]
    except Exception as exc:
        return VerificationReport(path, "docx", (),
                                  (f"the .p7s file is not a CMS signature ({exc})",),
                                  file_sha256=digest)
    if len(signer_infos) != 1 or not certs:
        return VerificationReport(path, "docx", (),
                                  ("the .p7s must hold exactly one signer and its certificate",),
                                  file_sha256=digest)
    sid = signer_infos[0]["sid"]
    cert = certs[0]
    if sid.name == "issuer_and_serial_number":
        issuer, serial = sid.chosen["issuer"], sid.chosen["serial_number"].native
        cert = next((c for c in certs if c.issuer == issuer and c.serial_number == serial),
                    cert)
    cert_digest = _cert_sha256(cert)
    try:
        context = ValidationContext(trust_roots=[cert], allow_fetching=False)
        status = asyncio.run(async_validate_detached_cms(data, signed, context))
        intact, valid = status.intact, status.valid
        signed_at = getattr(status, "signer_reported_dt", None)
        detail = "" if intact and valid else (
            "the document bytes differ from what was signed" if not intact
            else "the cryptographic signature does not match")
    except Exception as exc:
        log.info("CMS validation failed", exc_info=True)
        intact, signed_at, detail, valid = False, None, f"cannot be validated ({exc})", False
    check = SignatureCheck(_common_name(cert), _docx_meaning(data), signed_at, intact and valid,
                           detail, cert_digest, _known_label(known, cert_digest))
    return VerificationReport(path, "docx", (check,), (), (), digest)


def _docx_meaning(data: bytes) -> str:
    """The meaning recorded in the DOCX's custom properties by the ceremony, if any."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = z.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return ""
    for meaning in MEANINGS:
        if f"auditapp-signed-as:{meaning}" in text:
            return meaning
    return ""


def verify_file(
    path: Path | str, *, known: Mapping[str, tuple[str, str]] | None = None
) -> VerificationReport:
    """A signed PDF, or a DOCX with its detached signature FILE.docx.p7s beside it."""
    path = Path(path)
    data = input_limits.read_bounded(path, kind="signed file")
    if data.startswith(PDF_MAGIC):
        return verify_pdf(data, path=str(path), known=known)
    if data.startswith(ZIP_MAGIC) or path.suffix.lower() == ".docx":
        sidecar = path.with_name(path.name + ".p7s")
        if not sidecar.is_file():
            raise BadInput(f"no detached signature {sidecar.name} beside {path.name}")
        return verify_detached(data, input_limits.read_bounded(sidecar, kind="signature"), path=str(path), known=known)
    if path.suffix.lower() == ".p7s":
        raise BadInput("give the signed document (FILE.docx), not its .p7s")
    raise BadInput(f"{path} is neither a PDF nor a DOCX")
