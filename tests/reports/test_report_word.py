"""Word output: properties, style names, contents updated on open, findings as headings;
version history wording; uncontrolled and editable copies of a signed report."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from conftest import require_tool

from auditapp.core import audits
from auditapp.reports import branding, export, signoff

PASSWORD = "demo-password-1"


@pytest.fixture
def reference(demo_db) -> str:
    with demo_db.session() as s:
        branding.set_branding(s, "organisation.name", "Northbridge Clinical QA GmbH")
        return audits.summaries(s)[0].reference


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return " ".join(" ".join(parts).split())


def test_docx_properties_styles_contents_and_finding_headings(demo_db, reference):
    import docx

    before = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(seconds=1)
    data = export.export_report(demo_db, reference, fmt="docx", language="en")
    document = docx.Document(io.BytesIO(data))
    props = document.core_properties
    with demo_db.session() as s:
        audit = audits.get_audit(s, reference)
        lead = audit.lead_auditor.full_name
        findings = sorted(audit.findings, key=lambda f: f.number)
        titles = {f.title for f in findings}
    assert reference in props.title and props.author == lead and props.last_modified_by == lead
    assert props.created >= before and props.modified >= before
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        app = package.read("docProps/app.xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert "<Company>Northbridge Clinical QA GmbH</Company>" in app
    assert "Microsoft Macintosh Word" not in app
    assert re.search(r'<w:updateFields w:val="(true|1)"/>', settings)
    names = {st.name for st in document.styles}
    assert not [n for n in names if re.fullmatch(r"AuditApp \d+", n)]
    assert {"Table Header", "Table Text", "Table Label", "Finding Heading", "Callout Text"} <= names
    heading_style = document.styles["Finding Heading"]
    assert heading_style.base_style.name == "Heading 3"  # outline level: navigation pane
    shown = [p.text for p in document.paragraphs if p.style.name == "Finding Heading"]
    assert len(shown) == len(findings)
    assert {t.split("  ", 1)[1].strip() for t in shown} == titles
    assert "F9" not in _text(document)


def test_version_history_says_draft_not_report_issued(demo_db, reference):
    import docx

    data = export.export_report(demo_db, reference, fmt="docx", language="en")
    table = next(
        t for t in docx.Document(io.BytesIO(data)).tables if t.rows[0].cells[0].text == "Version"
    )
    row = [c.text for c in table.rows[1].cells]
    assert row[0] == "1.0" and row[2] == "Draft for review"
    assert "Report issued" not in " ".join(c.text for r in table.rows for c in r.cells)


@pytest.mark.slow
def test_signed_report_copies_say_what_they_are(demo_template, tmp_path):
    import docx

    from auditapp.core.db import open_database

    path = tmp_path / "signed.sqlite"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    try:
        with db.session() as s:
            ref = audits.summaries(s)[0].reference
        signoff.sign_report(db, ref, username="demo.lead", password=PASSWORD, meaning="author")
        approved = signoff.sign_report(
            db, ref, username="demo.qa", password=PASSWORD, meaning="approver", docx=True
        )
        editable = _text(docx.Document(io.BytesIO(approved.docx_bytes)))
        assert "editable copy of the signed PDF record of version 1.0" in editable
        copy = export.write_report(db, ref, tmp_path / "copy.pdf", language="en")
        de_copy = export.write_report(db, ref, tmp_path / "copy-de.pdf", language="de")
    finally:
        db.close()
    tool = require_tool("pdftotext")
    text = " ".join(
        subprocess.run(
            [tool, str(copy), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Uncontrolled copy, rendered on" in text and "1.0 (Uncontrolled copy)" in text
    assert "Draft for review" not in text and "Report issued" in text
    de = " ".join(
        subprocess.run(
            [tool, str(de_copy), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Nicht gelenkte Kopie" in de
