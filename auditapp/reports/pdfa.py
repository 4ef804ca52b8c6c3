"""PDF/A-2b for archiving in the sponsor's TMF: ReportLab's PDF completed with pikepdf.

What ReportLab already gives: every font embedded as a TrueType subset (symbolic, no
Encoding entry, as ISO 19005-2 6.2.11.6 asks), no encryption, no JavaScript, a file ID.
What is added here: an sRGB output intent with its ICC profile (device RGB colours and the
logo's soft mask then have a defined meaning), XMP metadata in step with the document
information and declaring pdfaid:part 2 / conformance B, the document language, and the print
flag on every annotation. Not done: a structure tree (ReportLab cannot tag), so the level is
2b ("basic", visual appearance), not 2a or 2u.

check() is the structural self-test used by the tests and the docs (veraPDF, the reference
validator, is a Java tool that cannot be installed here).
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field

from auditapp.errors import AuditAppError

SRGB_ID = "sRGB IEC61966-2.1"
PRINT_FLAG = 4
FORBIDDEN_ANNOT_FLAGS = 1 | 2 | 32  # invisible, hidden, no view


@functools.cache
def srgb_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def to_pdfa(
    data: bytes,
    *,
    title: str,
    author: str,
    subject: str,
    language: str,
    keywords: tuple[str, ...] = (),
) -> bytes:
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    with pikepdf.open(io.BytesIO(data)) as pdf:
        icc = pikepdf.Stream(pdf, srgb_profile())
        icc["/N"] = 3
        intent = Dictionary(
            Type=Name.OutputIntent,
            S=Name.GTS_PDFA1,
            OutputConditionIdentifier=SRGB_ID,
            Info=SRGB_ID,
            RegistryName="http://www.color.org",
            DestOutputProfile=icc,
        )
        pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])
        pdf.Root.Lang = pikepdf.String({"de": "de-DE"}.get(language, "en-GB"))
        for key in ("/OpenAction", "/AA", "/Names"):
            if key == "/Names" and "/Names" in pdf.Root and "/JavaScript" in pdf.Root.Names:
                del pdf.Root.Names["/JavaScript"]
            elif key != "/Names" and key in pdf.Root:
                del pdf.Root[key]
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", Array()):
                flags = int(annot.get("/F", 0))
                annot.F = (flags | PRINT_FLAG) & ~FORBIDDEN_ANNOT_FLAGS
        pdf.docinfo["/Title"] = pikepdf.String(title)
        pdf.docinfo["/Author"] = pikepdf.String(author)
        pdf.docinfo["/Subject"] = pikepdf.String(subject)
        pdf.docinfo["/Keywords"] = pikepdf.String(", ".join(keywords))
        if "/Trapped" in pdf.docinfo:  # no XMP equivalent pikepdf writes: keep them in step
            del pdf.docinfo["/Trapped"]
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp.load_from_docinfo(pdf.docinfo)
            xmp["pdfaid:part"] = "2"
            xmp["pdfaid:conformance"] = "B"
            xmp["dc:language"] = [language]
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=True, deterministic_id=False)
        return out.getvalue()


@dataclass
class PdfaReport:
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _fonts(pdf: object) -> list[object]:
    """Every font dictionary reachable from the pages, their XObjects and annotations."""
    import pikepdf

    found: dict[tuple[int, int], object] = {}
    for obj in pdf.objects:  # type: ignore[attr-defined]
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
            found[obj.objgen] = obj
    return list(found.values())


def check(data: bytes) -> PdfaReport:
    """Structural PDF/A-2b checks (not a full validator): output intent with an ICC profile,
    XMP declaring part 2 conformance B, every font embedded, no encryption, no JavaScript,
    printable annotations."""
    import pikepdf

    report = PdfaReport()
    problem = report.problems.append
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return PdfaReport(["the file is encrypted"])
    except pikepdf.PdfError as exc:
        raise AuditAppError(f"not a readable PDF: {exc}") from None
    with pdf:
        if pdf.is_encrypted:
            problem("the file is encrypted")
        intents = pdf.Root.get("/OutputIntents", [])
        pdfa_intents = [i for i in intents if i.get("/S") == pikepdf.Name.GTS_PDFA1]
        if len(pdfa_intents) != 1:
            problem("there must be exactly one GTS_PDFA1 output intent")
        else:
            profile = pdfa_intents[0].get("/DestOutputProfile")
            body = profile.read_bytes() if isinstance(profile, pikepdf.Stream) else b""
            if body[36:40] != b"acsp" or int(profile.get("/N", 0)) != 3:
                problem("the output intent has no RGB ICC profile")
        meta = pdf.open_metadata()
        if meta.get("pdfaid:part") != "2" or meta.get("pdfaid:conformance") != "B":
            problem("the XMP metadata does not declare PDF/A-2b")
        if "/Title" in pdf.docinfo and str(meta.get("dc:title", "")) != str(pdf.docinfo.Title):
            problem("the XMP title differs from the document information")
        for font in _fonts(pdf):
            descendants = font.get("/DescendantFonts")
            for item in descendants or [font]:
                if item.get("/Subtype") == pikepdf.Name.Type3:
                    continue
                descriptor = item.get("/FontDescriptor")
                if descriptor is None or not any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    problem(f"font {item.get('/BaseFont')} is not embedded")
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and (
                "/JS" in obj or obj.get("/S") == pikepdf.Name.JavaScript
            ):
                problem("the file contains JavaScript")
                break
        for number, page in enumerate(pdf.pages, start=1):
            for annot in page.obj.get("/Annots", []):
                flags = int(annot.get("/F", 0))
                if not flags & PRINT_FLAG or flags & FORBIDDEN_ANNOT_FLAGS:
                    problem(f"page {number}: an annotation is not printable")
                    break
    return report
