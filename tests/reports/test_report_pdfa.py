"""PDF/A-2b: a structural check (veraPDF cannot be installed here: only PyPI, Debian and npm
are reachable and none carries it), and the PAdES signatures stay valid on the PDF/A file."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import require_tool

from auditapp.core import audits
from auditapp.reports import export, pdfa, signoff

PASSWORD = "demo-password-1"


def test_pdfa_export_passes_the_structural_check_and_plain_pdf_does_not(demo_db, tmp_path):
    with demo_db.session() as s:
        reference = audits.summaries(s)[0].reference
    plain = export.export_report(demo_db, reference, fmt="pdf", language="en")
    archival = export.export_report(demo_db, reference, fmt="pdf", language="de", pdfa=True)
    assert not pdfa.check(plain).ok
    report = pdfa.check(archival)
    assert report.ok, report.problems
    path = tmp_path / "a.pdf"
    path.write_bytes(archival)
    info = subprocess.run(
        [require_tool("pdfinfo"), "-meta", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"<pdfaid:part[^>]*>2</pdfaid:part>", info)
    assert re.search(r"<pdfaid:conformance[^>]*>B</pdfaid:conformance>", info)
    fonts = subprocess.run(
        [require_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)


def test_check_finds_a_missing_font_and_javascript():
    from io import BytesIO

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    pdf.pages[0].Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    pdf.Root.OpenAction = pdf.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)")
    )
    out = BytesIO()
    pdf.save(out)
    problems = " ".join(pdfa.check(out.getvalue()).problems)
    assert "not embedded" in problems and "JavaScript" in problems and "PDF/A-2b" in problems


@pytest.mark.slow
def test_signed_report_is_pdfa_and_its_signatures_stay_valid(demo_template, tmp_path):
    from auditapp.core.db import open_database

    path = tmp_path / "signed.sqlite"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    try:
        with db.session() as s:
            ref = audits.summaries(s)[0].reference
        signoff.sign_report(db, ref, username="demo.lead", password=PASSWORD, meaning="author")
        approved = signoff.sign_report(
            db, ref, username="demo.qa", password=PASSWORD, meaning="approver"
        )
    finally:
        db.close()
    report = pdfa.check(approved.pdf_bytes)
    assert report.ok, report.problems
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(approved.pdf_bytes)
    out = subprocess.run(
        [require_tool("pdfsig"), str(signed)], capture_output=True, text=True
    ).stdout
    assert out.count("Signature is Valid.") == 2, out
