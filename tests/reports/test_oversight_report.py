"""The oversight report in both formats and languages, read back from the files."""

from __future__ import annotations

import io
import subprocess

import cro_history
import docx
import pytest
from conftest import require_tool
from cro_history import CRO, TODAY

from auditapp.core import cro_qualification, cro_register, kpi_records
from auditapp.reports.oversight_report import build_oversight, export_oversight


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return cro_history.make_template(tmp_path_factory.mktemp("cro"))


@pytest.fixture
def history(template, tmp_path):
    database = cro_history.copy_of(template, tmp_path)
    with database.session(actor="anna") as s:
        org = cro_register.find_cro(s, CRO)
        for period, value in (("2026-Q2", 96), ("2026-Q3", 92.5), ("2026-10", 84)):
            kpi_records.record(
                s,
                org,
                kpi_id="tmf_completeness",
                period=period,
                value=value,
                study="NW-301",
                today=TODAY,
            )
    yield database
    database.close()


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        [require_tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def test_pdf_in_english_states_risk_next_audit_repeat_and_escalation(history, tmp_path):
    text = _pdf_text(export_oversight(history, cro="Northwind", fmt="pdf", today=TODAY), tmp_path)
    for expected in (
        "Risk score 36.2 (high)",
        "Last audit 15 Oct 2026",
        "Proposed next audit 15 Oct 2027",
        "Planned audit — Open CAPAs (overdue) 4 (3)",
        "Repeat findings 1",
        "Open escalations 1",
        "Repeat findings 1 5 5",  # the risk table: count, weight, points
        "Conditional approval 1 5 5",
        "Total 36.2",
        "TMF backlog below 30 days by Q1 2027",  # the conditions of the qualification
        "ESC-001 KPI breach: TMF completeness (NW-301) 84 % in 2026-10 is beyond the breach "
        "threshold 90 %",
        "TMF completeness NW-301 2026-10 84 % 95 / 90 breach",
    ):
        assert expected in text, expected


def test_pdf_in_german(history, tmp_path):
    text = _pdf_text(
        export_oversight(history, cro="Northwind", fmt="pdf", language="de", today=TODAY), tmp_path
    )
    for expected in (
        "Bericht zur CRO-Aufsicht: Northwind Clinical Research GmbH",
        "unter Auflagen zugelassen seit 25.10.2026",
        "Risikowert 36.2 (hoch)",
        "Vorgeschlagenes nächstes Audit 15.10.2027",
        "Wiederholte Feststellungen",
        "Eskalationsprotokoll",
        "Wesentlich",
        "Verletzung",
    ):
        assert expected in text, expected
    assert "Prüfer" not in text


def test_docx_carries_the_same_figures_and_charts(history):
    data = export_oversight(history, cro="Northwind", fmt="docx", today=TODAY)
    document = docx.Document(io.BytesIO(data))
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert {"36.2 (high)", "15 Oct 2027", "ESC-001", "AUD-2026-019"} <= cells
    assert len(document.inline_shapes) >= 4


def test_all_cros_start_with_the_portfolio_highest_risk_first(history):
    from auditapp.core.models import Organisation
    from auditapp.reports.document import Heading, Table

    with history.session() as s:
        s.add(Organisation(kind="cro", legal_name="Quiet CRO Ltd."))
    with history.session(actor="anna") as s:
        cro_qualification.qualify(
            s, cro_register.find_cro(s, "Quiet"), status="approved", effective_on="2026-01-10"
        )
    with history.session() as s:
        document = build_oversight(s, today=TODAY)
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert headings[1] == "Overview of all CROs"
    portfolio = next(b for b in document.blocks if isinstance(b, Table))
    assert [r[0].text for r in portfolio.rows] == [CRO, "Quiet CRO Ltd."]
    assert headings.index(CRO) < headings.index("Quiet CRO Ltd.")


@pytest.mark.slow
def test_docx_opens_in_libreoffice(history, tmp_path):
    path = tmp_path / "oversight.docx"
    path.write_bytes(
        export_oversight(history, cro="Northwind", fmt="docx", language="de", today=TODAY)
    )
    subprocess.run(
        [
            require_tool("soffice"),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    converted = tmp_path / "oversight.pdf"
    assert converted.exists(), "LibreOffice could not open the DOCX"
    text = _pdf_text(converted.read_bytes(), tmp_path)
    assert "Bericht zur CRO-Aufsicht" in text and "ESC-001" in text
