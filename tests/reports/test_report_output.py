"""The demo audit's report read back from the files: PDF text and fonts, DOCX, LibreOffice."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest

from auditapp.core import audits, findings
from auditapp.reports import export
from auditapp.reports.wording import WORDING


def _pdf_text(path: Path) -> str:
    from conftest import require_tool

    tool = require_tool("pdftotext")
    out = subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return " ".join(" ".join(parts).split())


def _expected(db, reference: str) -> list[tuple[str, str, str, list[str]]]:
    with db.session() as s:
        audit = audits.get_audit(s, reference)
        return [
            (
                findings.number_label(f.number),
                f.title,
                findings.grade(s, f.classification).label["en"],
                findings.finding_references(f),
            )
            for f in audit.findings
        ]


@pytest.fixture
def reference(demo_db) -> str:
    with demo_db.session() as s:
        return audits.summaries(s)[0].reference


def test_pdf_contains_every_finding_and_embeds_every_font(demo_db, reference, tmp_path):
    from conftest import require_tool

    path = export.write_report(demo_db, reference, tmp_path / "r.pdf", language="en")
    text = _pdf_text(path)
    expected = _expected(demo_db, reference)
    assert len(expected) == 10
    for number, title, grade, refs in expected:
        assert number in text and title in text and grade in text
        for ref in refs:
            assert ref in text, ref
    assert re.search(r"Page 1 of (\d+)", text)
    fonts = subprocess.run(
        [require_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"
        assert "Helvetica" not in line


def test_docx_contains_every_finding_and_is_a4(demo_db, reference):
    import docx

    data = export.export_report(demo_db, reference, fmt="docx", language="en")
    text = _docx_text(data)
    for number, title, grade, refs in _expected(demo_db, reference):
        assert number in text and title in text and grade in text
        for ref in refs:
            assert ref in text, ref
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5
    xml = _document_xml(data)
    assert b"TOC \\o" in xml and b"<w:tblHeader" in xml  # contents field, repeated table headers


def _document_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def test_letter_paper(demo_db, reference, tmp_path):
    from pypdf import PdfReader

    data = export.export_report(demo_db, reference, fmt="pdf", language="en", paper="letter")
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_libreoffice_converts_the_docx(demo_db, reference, tmp_path):
    from conftest import require_tool

    soffice = require_tool("soffice")
    pdfinfo = require_tool("pdfinfo")
    docx_path = export.write_report(demo_db, reference, tmp_path / "r.docx", language="en")
    pdf_path = export.write_report(demo_db, reference, tmp_path / "own.pdf", language="en")
    outdir = tmp_path / "lo"
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx_path),
        ],
        capture_output=True,
        timeout=240,
    )  # soffice exits 0 even when it fails: judge by the output file

    def pages(path: Path) -> int:
        info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True).stdout
        match = re.search(r"^Pages:\s+(\d+)", info, re.M)
        return int(match.group(1)) if match else 0

    converted = outdir / "r.pdf"
    assert converted.exists(), "LibreOffice produced no PDF"
    lo_pages, own_pages = pages(converted), pages(pdf_path)
    assert lo_pages > 0
    assert 0.6 * own_pages <= lo_pages <= 1.6 * own_pages, (lo_pages, own_pages)


GERMAN_TEXT = "Feststellung mit deutschem Wortlaut Nummer {n}"


def _germanise(db, reference: str) -> None:
    """Auditor-entered text in German, so only the report's own wording can be English."""
    with db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, reference)
        for field in (
            "title",
            "objectives",
            "scope",
            "conclusion",
            "sampling",
            "locations",
            "positive_observations",
            "distribution",
            "other_criteria",
        ):
            setattr(audit, field, f"Deutscher Text für {field}")
        for i, f in enumerate(audit.findings, start=1):
            for field in (
                "title",
                "observation",
                "impact",
                "risk",
                "recommendation",
                "owner",
                "sponsor_informed_to",
                "breach_note",
            ):
                setattr(f, field, GERMAN_TEXT.format(n=i) + f" ({field})")
        for r in audit.responses:
            r.notes = "Nachweise vor Ort geprüft."
        for d in audit.documents:
            d.title = "Verfahrensanweisung"
        for m in audit.team:
            m.qualification = "Erfahrene Auditorin"
        for p in audit.participants:
            p.function = "Leitung Qualitätssicherung"
        for link in audit.studies:
            link.study.title = "Eine Studie der Phase III"


def _english_phrases() -> list[str]:
    phrases = []
    for en, de in WORDING.values():
        if en == de:
            continue
        for piece in re.split(r"\{[a-z]+\}", en):
            piece = piece.strip(" ():;,.")
            if len(piece) >= 3 and piece not in de:
                phrases.append(piece)
    return phrases


def _english_in(text: str) -> list[str]:
    return [p for p in _english_phrases() if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)]


def test_german_report_has_no_english_wording(demo_db, reference, tmp_path):
    _germanise(demo_db, reference)
    pdf = export.write_report(demo_db, reference, tmp_path / "de.pdf", language="de")
    pdf_text = _pdf_text(pdf)
    docx_text = _docx_text(export.export_report(demo_db, reference, fmt="docx", language="de"))
    assert "Seite 1 von" in pdf_text and "Feststellungen" in pdf_text
    assert re.search(r"\b\d{2}\.\d{2}\.\d{4}\b", pdf_text), "German dates are written 18.11.2026"
    assert _english_in(pdf_text) == []
    assert _english_in(docx_text) == []
    # and the check itself can fail: the English report is full of these phrases
    english = _pdf_text(export.write_report(demo_db, reference, tmp_path / "en.pdf", language="en"))
    assert len(_english_in(english)) > 50


def test_certificate_in_both_formats(demo_db, reference, tmp_path):
    pdf = export.write_certificate(demo_db, reference, tmp_path / "c.pdf", language="de")
    text = _pdf_text(pdf)
    # It declares that the audit took place (R2 1.7, R3 glossary); 5.19.3(e) only asks for one.
    assert "Auditzertifikat" in text and "ICH E6(R2) 1.7" in text and "stattgefunden hat" in text
    assert "5.19.3(e)" not in text and "durchgeführt wurde" not in text
    assert "Unsignierte Kopie" in text  # not signed: it says it is not valid yet
    assert "F-01" not in text  # the certificate never discloses findings
    data = export.export_certificate(demo_db, reference, fmt="docx", language="en")
    assert "Audit Certificate" in _docx_text(data)
