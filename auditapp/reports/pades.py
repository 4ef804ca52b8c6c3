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
import io
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from auditapp.core.models import SignatureMeaning
from auditapp.errors import BadInput

# Verification lives in its own module; its names stay importable from here.
from auditapp.reports.verification import (
    CERTIFICATE,
    CLOSURE,
    FIELD_PREFIX,
    MEANINGS,
    PDF_MAGIC,
    ZIP_MAGIC,
    SignatureCheck,
    VerificationReport,
    meaning_of_field,
    verify_detached,
    verify_file,
    verify_pdf,
)

__all__ = [
    "CERTIFICATE",
    "CLOSURE",
    "FIELD_PREFIX",
    "MEANINGS",
    "PDF_MAGIC",
    "ZIP_MAGIC",
    "SignatureCheck",
    "VerificationReport",
    "meaning_of_field",
    "verify_detached",
    "verify_file",
    "verify_pdf",
]

log = logging.getLogger(__name__)


# Default places for the three signature fields on the signature page (the last page):
# side by side in a band above the footer, in PDF points (A4 is 595 x 842).
DEFAULT_BOXES: dict[str, tuple[int, int, int, int]] = {
    "author": (42, 70, 207, 190),
    "reviewer": (215, 70, 380, 190),
    "approver": (388, 70, 553, 190),
}


def field_name(meaning: str) -> str:
    return f"{FIELD_PREFIX}{meaning}"


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


STAMP_FONT_SIZE = 8
STAMP_LEADING = 9
# Average advance of Noto Sans text in em, a little generous: lines wrapped to this never make
# pyHanko shrink the whole stamp to fit its widest line.
_AVERAGE_ADVANCE = 0.56


def wrap_stamp_lines(lines: Iterable[str], box_width: float) -> list[str]:
    """Break the stamp's lines to the box width so the text keeps its size (8 pt)."""
    import textwrap

    columns = max(20, int((box_width - 10) / (STAMP_FONT_SIZE * _AVERAGE_ADVANCE)))
    out: list[str] = []
    for line in lines:
        out += textwrap.wrap(line, columns, subsequent_indent="  ") or [""]
    return out


def _stamp_style(lines: Iterable[str]) -> object:
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    text = "\n".join(lines).replace("%", "%%")  # stamp_text is %-interpolated by pyHanko
    font_path = _stamp_font_path()
    if font_path is not None:
        from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

        box_style = TextBoxStyle(
            font=GlyphAccumulatorFactory(str(font_path)),
            font_size=STAMP_FONT_SIZE,
            leading=STAMP_LEADING,
        )
    else:  # pragma: no cover - the font is bundled
        box_style = TextBoxStyle(font_size=STAMP_FONT_SIZE, leading=STAMP_LEADING)
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
        stamp_text=text,
        text_box_style=box_style,
        border_width=1,
        border_color=(0.12, 0.31, 0.47),
        background=white,
        background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MIN,
            inner_content_scaling=InnerScaling.STRETCH_FILL,
        ),
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
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # Built directly rather than with SimpleSigner.load, which returns None on a bad password.
    return signers.SimpleSigner(
        signing_cert=as_asn1[0],
        signing_key=akeys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(as_asn1[1:]),
    )


def _timed_signer_class() -> type:
    from pyhanko.sign import signers

    class TimedPdfSigner(signers.PdfSigner):  # type: ignore[misc]
        """Signs with a given signing time, so the CMS signing time, the signature's /M and
        the time printed in the report and the stamp are one and the same."""

        signing_time: dt.datetime | None = None

        def init_signing_session(
            self, pdf_out: object, existing_fields_only: bool = False
        ) -> object:
            session = super().init_signing_session(
                pdf_out, existing_fields_only=existing_fields_only
            )
            if self.signing_time is not None:
                session.system_time = self.signing_time
            return session

    return TimedPdfSigner


def _field_width(writer: object, name: str) -> float | None:
    from pyhanko.sign import fields

    for found, _value, ref in fields.enumerate_sig_fields(writer):  # type: ignore[arg-type]
        if found == name:
            x1, _y1, x2, _y2 = (float(v) for v in ref.get_object()["/Rect"])
            return abs(x2 - x1)
    return None


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
    signing_time: dt.datetime | None = None,
) -> bytes:
    """Sign ``data`` in the field for ``meaning``; the author certifies and adds all fields.

    A certificate (meaning "certificate") is certified by its one signer in its one field.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    single = (CERTIFICATE, CLOSURE)  # documents with one certifying signature of their own
    if meaning not in (*MEANINGS, *single):
        raise BadInput(f"unknown signature meaning {meaning!r}")
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    existing = {name for name, _v, _r in fields.enumerate_sig_fields(writer)}
    certify = meaning in (SignatureMeaning.AUTHOR, *single)
    own_fields = (meaning,) if meaning in single else MEANINGS
    if certify:
        if existing & {field_name(m) for m in (*MEANINGS, *single)}:
            raise BadInput("this PDF already has AuditApp signature fields; it was signed before")
        last = _page_count(data) - 1
        for m in own_fields:
            place = (placements or {}).get(m) or Placement(
                -1, DEFAULT_BOXES.get(m, DEFAULT_BOXES["author"])
            )
            page = last if place.page < 0 else place.page
            fields.append_signature_field(
                writer, fields.SigFieldSpec(field_name(m), on_page=page, box=place.box)
            )
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
    width = _field_width(writer, field_name(meaning)) or 165.0
    pdf_signer = _timed_signer_class()(
        meta,
        _signer(private_key, certificate_pem),
        stamp_style=_stamp_style(wrap_stamp_lines(stamp_lines, width)),
    )
    pdf_signer.signing_time = signing_time
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
    builder = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(certs[0], private_key, hashes.SHA256())
    )  # type: ignore[arg-type]
    for extra in certs[1:]:
        builder = builder.add_certificate(extra)
    return builder.sign(
        Encoding.DER, [pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.DetachedSignature]
    )
