"""Layout read back from the rendered files: no heading alone at a page's foot, readable photos,
header words not broken, grade colours with WCAG AA contrast."""

from __future__ import annotations

import io
import subprocess

import pytest
from conftest import require_tool
from page_lines import orphans
from PIL import Image

from auditapp.core import findings
from auditapp.reports import style
from auditapp.reports.document import Cell as C
from auditapp.reports.document import (
    Document,
    Figure,
    FindingBlock,
    Heading,
    Meta,
    Paragraph,
    Table,
)

LOREM = (
    "The CRO maintains a documented process, but the records reviewed did not show that "
    "it was followed consistently across the studies sampled during the audit. "
)


def _photo() -> tuple[bytes, int, int]:
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), "#8899AA").save(out, format="JPEG", quality=60)
    return out.getvalue(), 1600, 1200


def stress_document() -> tuple[Document, list[str]]:
    """Headings and labels at every height of the page: some land at the foot on any layout
    that does not keep them with what follows."""
    meta = Meta(
        title="Layout test",
        reference="AUD-2026-999",
        version_label="1.0",
        language="en",
        organisation="Org",
        author="a",
        confidentiality="Confidential",
        footer_text="",
        page_label="Page {page} of {pages}",
    )
    image, w, h = _photo()
    blocks: list = []
    headings: list[str] = ["Observation", "Photo evidence", "Risk"]
    for step in range(14):
        blocks.append(Paragraph.of(LOREM * (step % 7 + 1)))
        title = f"5.{step + 1}  Minor ({step + 1})"
        headings.append(title)
        blocks.append(Heading(title, 2))
        blocks.append(
            FindingBlock(
                number=f"F-{step + 1:02d}",
                title="Deviation trending not performed",
                grade_label="Minor",
                grade_colour="#C9A100",
                facts=(
                    ("Classification", "Minor"),
                    (
                        "Requirements",
                        "ICH E6(R2) 5.1.1; ICH E6(R3) 3.10.1; EU GMP Annex 11 "
                        "section 9; 21 CFR 11.10(e); ICH E6(R2) 5.5.3(c); ICH E6(R3) 3.16.1(x)",
                    ),
                    ("Audit area", "Quality management system"),
                    ("CAPA response due", "1 Feb 2027"),
                    ("Responsible", "Head of QA"),
                    ("Repeat finding", "Yes"),
                ),
                sections=(("Observation", LOREM * 3), ("Risk", LOREM)),
                figures=(
                    Figure(image, w, h, ("E-001 photo", "SHA-256 abc"), full_width=step % 2 == 0),
                ),
                figures_label="Photo evidence",
            )
        )
        table_title = f"Table heading {step + 1}"
        headings.append(table_title)
        blocks.append(Paragraph.of(LOREM * (step % 5)))
        blocks.append(Heading(table_title, 2))
        blocks.append(
            Table(
                ("Name", "Function", "Interviewed"),
                tuple((C(f"Person {i}"), C("Head of QA"), C("Yes")) for i in range(30)),
                (2, 2, 1),
            )
        )
    return Document(meta, tuple(blocks)), headings


@pytest.mark.slow
def test_no_heading_is_the_last_line_of_a_pdf_page(tmp_path):
    from auditapp.reports.pdf import render_pdf

    document, headings = stress_document()
    path = tmp_path / "stress.pdf"
    path.write_bytes(render_pdf(document))
    assert orphans(path, headings) == []


@pytest.mark.slow
def test_no_heading_is_the_last_line_of_a_docx_page_in_libreoffice(tmp_path):
    from auditapp.reports.docx import render_docx

    document, headings = stress_document()
    docx_path = tmp_path / "stress.docx"
    docx_path.write_bytes(render_docx(document))
    soffice = require_tool("soffice")
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        capture_output=True,
        timeout=240,
        check=False,
    )
    pdf = tmp_path / "stress.pdf"
    assert pdf.exists() and pdf.stat().st_size > 0
    assert orphans(pdf, headings) == []


def test_full_width_photos_print_at_150_dpi_or_more(tmp_path):
    from auditapp.reports.pdf import render_pdf

    document, _ = stress_document()
    path = tmp_path / "stress.pdf"
    path.write_bytes(render_pdf(Document(document.meta, document.blocks[:3])))
    listing = subprocess.run(
        [require_tool("pdfimages"), "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    dpis = [int(line.split()[12]) for line in listing]
    assert dpis and min(dpis) >= 150, listing


def test_grade_colours_meet_wcag_aa_with_their_text():
    assert style.contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert style.contrast_ratio("#C9A100", "#FFFFFF") < 4.5  # the old white on mustard
    for grade in findings.EMA_SCHEME + findings.MHRA_SCHEME:
        assert style.contrast_ratio(grade.colour, style.text_on(grade.colour)) >= style.WCAG_AA, (
            grade
        )


def test_interviewed_header_is_not_broken(demo_db, tmp_path):
    from auditapp.core import audits
    from auditapp.reports import export

    with demo_db.session() as s:
        reference = audits.summaries(s)[0].reference
    for lang, word in (("en", "Interviewed"), ("de", "Eröffnungsgespräch")):
        path = export.write_report(demo_db, reference, tmp_path / f"r-{lang}.pdf", language=lang)
        text = subprocess.run(
            [require_tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert word in text.split(), f"{word} broken in {lang}"


def test_demo_report_has_no_heading_at_a_page_foot(demo_db, tmp_path):
    from auditapp.core import audits
    from auditapp.reports import export
    from auditapp.reports.build import build_report

    with demo_db.session() as s:
        audit = audits.summaries(s)[0]
        document = build_report(s, audits.get_audit(s, audit.reference), language="en")
    names = [h.text for h in document.headings()]
    names += [b.text for b in document.blocks if isinstance(b, Heading)]
    for block in document.blocks:
        if isinstance(block, FindingBlock):
            names += [label for label, _ in block.sections] + [block.figures_label]
    path = export.write_report(demo_db, audit.reference, tmp_path / "demo.pdf", language="en")
    assert orphans(path, names) == []
