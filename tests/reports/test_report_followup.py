"""Branding settings from the CLI, the findings export and the auditee's CAPA response form."""

from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest
from conftest import require_tool, run_as, run_cli
from PIL import Image

from auditapp.core import audits, findings
from auditapp.reports import capa_form, export, findings_export, tabular

DEMO_PW = "demo-password-1"


@pytest.fixture
def reference(demo_db) -> str:
    with demo_db.session() as s:
        return audits.summaries(s)[0].reference


def _finding_numbers(db, reference) -> list[str]:
    with db.session() as s:
        audit = audits.get_audit(s, reference)
        return sorted(findings.number_label(f.number) for f in audit.findings)


def _poison_first_finding(db, reference) -> None:
    with db.session() as s:
        first = audits.get_audit(s, reference).findings[0]
        first.title = '=HYPERLINK("http://evil.example","click")'
        first.owner = "@SUM(1+1)"
        first.observation = "-2+3"


def test_formula_escaping_follows_owasp():
    for text in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert tabular.escape_formula(text) == "'" + text
    assert tabular.escape_formula("Audit trail") == "Audit trail"
    assert tabular.escape_formula(3) == 3


def test_cli_settings_brand_the_report(demo_db, reference, tmp_path):
    db_path = str(demo_db.path)
    demo_db.close()
    logo = tmp_path / "logo.png"
    Image.new("RGB", (240, 80), "#6A1B9A").save(logo)
    assert (
        run_as(
            "demo.lead",
            "settings",
            "set",
            "organisation.name",
            "Northbridge Clinical QA",
            "--db",
            db_path,
            password=DEMO_PW,
        ).returncode
        == 0
    )
    assert (
        run_as(
            "demo.lead",
            "settings",
            "set",
            "organisation.address",
            r"Hafenstraße 12\n20457 Hamburg",
            "--db",
            db_path,
            password=DEMO_PW,
        ).returncode
        == 0
    )
    assert (
        run_as(
            "demo.lead",
            "settings",
            "set",
            "organisation.logo",
            str(logo),
            "--db",
            db_path,
            password=DEMO_PW,
        ).returncode
        == 0
    )
    bad = run_as(
        "demo.lead",
        "settings",
        "set",
        "organisation.logo",
        str(tmp_path),
        "--db",
        db_path,
        password=DEMO_PW,
    )
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "Traceback" not in bad.stderr
    unknown = run_as(
        "demo.lead",
        "settings",
        "set",
        "organisation.colour",
        "x",
        "--db",
        db_path,
        password=DEMO_PW,
    )
    assert unknown.returncode == 2 and "unknown setting" in unknown.stderr
    shown = run_cli("settings", "show", "--db", db_path).stdout
    assert "organisation.name: Northbridge Clinical QA" in shown
    assert "organisation.logo: PNG" in shown
    out = tmp_path / "r.pdf"
    assert run_cli("report", reference, "-o", str(out), "--db", db_path).returncode == 0
    text = subprocess.run(
        [require_tool("pdftotext"), "-l", "3", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Northbridge Clinical QA" in text and "20457 Hamburg" in text
    assert "AuditApp" not in text
    images = subprocess.run(
        [require_tool("pdfimages"), "-list", "-f", "1", "-l", "1", str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert len(images.splitlines()) > 2, "the cover shows no logo"


def test_findings_export_csv_xlsx_json_one_row_per_finding(demo_db, reference):
    from openpyxl import load_workbook

    _poison_first_finding(demo_db, reference)
    numbers = _finding_numbers(demo_db, reference)
    with demo_db.session() as s:
        data = {
            fmt: findings_export.export_findings(s, reference, fmt)
            for fmt in ("csv", "xlsx", "json")
        }
    rows = list(csv.DictReader(io.StringIO(data["csv"].decode("utf-8-sig"))))
    assert tuple(rows[0].keys()) == findings_export.COLUMNS
    assert sorted(r["finding_number"] for r in rows) == numbers
    evil = next(r for r in rows if "HYPERLINK" in r["title"])
    assert evil["title"].startswith("'=") and evil["capa_owner"] == "'@SUM(1+1)"
    assert evil["observation"] == "'-2+3"
    sheet = load_workbook(io.BytesIO(data["xlsx"])).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == findings_export.COLUMNS
    assert sorted(v[6] for v in values[1:]) == numbers
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", f"formula in {cell.coordinate}: {cell.value}"
    payload = json.loads(data["json"])
    assert payload["schema_version"] == 1 and payload["columns"] == list(findings_export.COLUMNS)
    assert any(f["title"].startswith("=HYPERLINK") for f in payload["findings"])  # JSON keeps text


def test_findings_export_cli_and_bad_format(demo_db, reference, tmp_path):
    db_path = str(demo_db.path)
    demo_db.close()
    out = tmp_path / "f.json"
    done = run_cli("findings", "export", reference, "-o", str(out), "--db", db_path)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(out.read_text())["findings"]) == 10
    bad = run_cli("findings", "export", reference, "-o", str(tmp_path / "f.txt"), "--db", db_path)
    assert bad.returncode == 2 and bad.stderr.startswith("error:")
    assert not (tmp_path / "f.txt").exists()


def test_capa_form_xlsx_one_row_per_finding_auditee_columns_open(demo_db, reference):
    from openpyxl import load_workbook

    _poison_first_finding(demo_db, reference)
    numbers = _finding_numbers(demo_db, reference)
    with demo_db.session() as s:
        data = capa_form.export_capa_form(s, reference, "xlsx", "de")
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Nr.", "Einstufung", "Feststellung")
    assert "Grundursache" in rows[0] and "Umsetzungsnachweis" in rows[0]
    assert sorted(r[0] for r in rows[1:]) == numbers
    assert any(str(r[2]).startswith("'=HYPERLINK") for r in rows[1:])
    assert sheet.cell(2, 6).protection.locked is False  # root cause: the auditee writes
    assert sheet.cell(2, 3).protection.locked is True


@pytest.mark.slow
def test_capa_form_docx_opens_in_libreoffice_one_row_per_finding(demo_db, reference, tmp_path):
    import docx

    numbers = _finding_numbers(demo_db, reference)
    db_path = str(demo_db.path)
    demo_db.close()
    out = tmp_path / "capa.docx"
    done = run_cli("capa-form", reference, "--lang", "en", "-o", str(out), "--db", db_path)
    assert done.returncode == 0, done.stderr
    table = docx.Document(str(out)).tables[-1]
    assert [c.text for c in table.rows[0].cells][:4] == ["No.", "Grade", "Finding", "Requirement"]
    assert sorted(r.cells[0].text for r in table.rows[1:]) == numbers
    soffice = require_tool("soffice")
    profile = tmp_path / "lo"
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    text = subprocess.run(
        [require_tool("pdftotext"), "-layout", str(tmp_path / "capa.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for number in numbers:
        assert number in text
    assert "Root cause" in text and "Evidence of" in text


def test_report_capa_table_shows_finding_titles(demo_db, reference):
    from auditapp.reports.build import build_report
    from auditapp.reports.document import Table

    with demo_db.session() as s:
        audit = audits.get_audit(s, reference)
        titles = {f.title for f in audit.findings}
        document = build_report(s, audit, language="en")
    capa = next(b for b in document.blocks if isinstance(b, Table) and "Due" in " ".join(b.header))
    assert capa.header[:2] == ("No.", "Finding")  # the second column names the finding
    shown = {row[1].text for row in capa.rows}
    assert shown == titles
    assert export  # the export module stays importable without a display
