"""Text normalised once in the core, renderers linear in input size, Excel cells never formulas,
and evidence PDFs that can run something flagged."""

from __future__ import annotations

import io
import json
import time
import zipfile

import openpyxl
import pytest

from auditapp.core import audits, checklists, findings
from auditapp.core.checklist_excel import read_workbook, write_workbook
from auditapp.core.text_rules import excel_safe, normalise
from auditapp.reports.export import export_report
from tests.audit_factory import mini_checklist
from tests.conftest import require_tool, run_cli

NASTY = "a\ufffeb\uffffc\ud800d\udfffe\ufdd0f\U0010fffeg\x01h"


def test_normalise_drops_noncharacters_surrogates_and_controls_keeps_tab_and_newline():
    assert normalise(NASTY) == "abcdefgh"
    assert normalise("tab\tnew\nline\r\nold mac\r") == "tab\tnew\nline\nold mac\n"
    assert normalise("\ufeff BOM and \u200b stay") == "\ufeff BOM and \u200b stay"


def test_every_write_is_normalised_and_the_docx_renders(demo_db):
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        findings.update_finding(s, audit, 1, observation="before \ufffe\uffff after \ud800")
        audit.scope = "scope \ufffe"  # a path without clean_text: the attribute event still acts
    with demo_db.session() as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        assert findings.get_finding(s, audit, 1).observation == "before  after "
        assert audit.scope == "scope "
        reference = audit.reference
    docx = export_report(demo_db, reference, fmt="docx")
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert "before  after" in z.read("word/document.xml").decode("utf-8")


@pytest.mark.slow
def test_twenty_thousand_lines_render_in_linear_time(demo_db, tmp_path):
    pdftotext = require_tool("pdftotext")
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        lines = "\n".join(f"{i:04x}" for i in range(20_000))  # just under 100,000 characters
        findings.update_finding(s, audit, 1, observation=lines)
        reference = audit.reference
    start = time.perf_counter()
    pdf = export_report(demo_db, reference, fmt="pdf")
    took = time.perf_counter() - start
    assert took < 15, f"{took:.1f} s (quadratic paragraph splitting is back?)"
    (tmp_path / "r.pdf").write_bytes(pdf)
    import subprocess

    text = subprocess.run(
        [pdftotext, str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert all(f"{i:04x}" in text for i in (0, 10_000, 19_999))


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil","x")',
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tTab first",
        "\rCR first",
    ],
)
def test_excel_export_never_writes_a_formula(tmp_path, text):
    checklist = mini_checklist()
    content = json.loads(json.dumps(checklist.content))
    content["areas"][0]["sections"][0]["questions"][0]["text"]["en"] = text + " bell\x07"
    hostile = checklists.from_content(content, source="test")
    path = write_workbook(hostile, tmp_path / "c.xlsx")
    sheet = openpyxl.load_workbook(path)["Questions"]
    cell = sheet.cell(row=2, column=8)
    assert cell.data_type == "s" and cell.value.startswith("'")
    assert "\x07" not in cell.value
    with zipfile.ZipFile(path) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet2.xml")
    back = read_workbook(path)  # the apostrophe goes away again on import
    assert back.questions[0].text["en"] == normalise(text).strip() + " bell"


def test_excel_safe_leaves_plain_text_alone():
    assert excel_safe("Is QA independent?") == "Is QA independent?"
    assert excel_safe("-") == "'-"


def _pdf_with(catalog_extra: bytes) -> bytes:
    """A minimal one-page PDF with extra entries in its catalogue, xref offsets computed."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


@pytest.mark.parametrize(
    ("extra", "flag"),
    [
        (b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", "JavaScript"),
        (b"/OpenAction << /S /Launch /F (calc.exe) >>", "Launch"),
        (b"/Names << /J#61vaScript 4 0 R >>", "JavaScript"),
    ],
)
def test_pdf_evidence_with_active_content_is_kept_flagged_and_warned(
    demo_template, tmp_path, extra, flag
):
    db = tmp_path / "d.sqlite"
    db.write_bytes(demo_template.read_bytes())
    pdf = tmp_path / "sop.pdf"
    pdf.write_bytes(_pdf_with(extra))
    added = run_cli(
        "evidence",
        "add",
        "AUD-2026-001",
        str(pdf),
        "--db",
        str(db),
        "--user",
        "demo.lead",
        "--password-stdin",
        stdin="demo-password-1\n",
    )
    assert added.returncode == 0, added.stderr
    assert added.stderr.startswith("warning: ") and flag in added.stderr
    listed = json.loads(
        run_cli("evidence", "list", "AUD-2026-001", "--json", "--db", str(db)).stdout
    )
    assert flag in listed[-1]["active_content"]


def test_plain_pdf_evidence_is_not_flagged():
    from auditapp.core.pdf_active import pdf_active_content

    assert pdf_active_content(_pdf_with(b"")) == ""


def test_reports_survive_rows_written_before_normalisation(demo_db):
    """A database from before the attribute events may hold U+FFFE: both renderers drop it."""
    from sqlalchemy import text

    with demo_db.engine.begin() as connection:
        connection.execute(
            text("UPDATE finding SET observation = :v WHERE number = 1"),
            {"v": "old \ufffe\uffff row"},
        )
    with demo_db.session() as s:
        reference = audits.summaries(s)[0].reference
    docx = export_report(demo_db, reference, fmt="docx")
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert "old  row" in z.read("word/document.xml").decode("utf-8")
    assert export_report(demo_db, reference, fmt="pdf").startswith(b"%PDF")
