"""One audit from the signed report to its signed closure letter, as the auditor walks it:
the auditee's form comes back (a preview first), one plan is rejected and revised, a deadline is
extended, effectiveness is checked, and the closure letter is signed and verified."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from auditapp.core import audits, capa, capa_state
from auditapp.core.capa_state import CapaState
from auditapp.reports import capa_form, signoff
from tests.conftest import require_tool, run_as, run_cli

PASSWORD = "demo-password-1"
LATER = (dt.date.today() + dt.timedelta(days=60)).isoformat()


def _fill(
    source: bytes,
    path: Path,
    *,
    revise: dict[str, str] | None = None,
    evidence: str = "",
    edit=None,
) -> Path:
    import io

    book = load_workbook(io.BytesIO(source))
    sheet = book.worksheets[0]
    for row in range(2, sheet.max_row + 1):
        number = sheet.cell(row, 1).value
        if revise is not None and number not in revise:
            continue
        sheet.cell(row, 6).value = (revise or {}).get(number) or f"Root cause of {number}"
        sheet.cell(row, 7).value = "Immediate fix"
        sheet.cell(row, 8).value = f"Corrective action for {number}"
        sheet.cell(row, 9).value = "Preventive action"
        sheet.cell(row, 10).value = "Head of QA"
        sheet.cell(row, 11).value = dt.datetime.fromisoformat(LATER)  # as Excel stores a date
        if evidence:
            sheet.cell(row, 12).value = evidence
    if edit:
        edit(sheet)
    book.save(path)
    return path


def _evidence_column(sheet) -> None:
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, 12).value = "SOP v3 training records"


def _states(db_path: Path, ref: str) -> dict[str, str]:
    done = run_cli("capa", "list", ref, "--json", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    import json

    return {r["finding"]: r["state"] for r in json.loads(done.stdout)["findings"]}


@pytest.mark.slow
def test_report_to_closure(demo_template: Path, tmp_path: Path) -> None:
    from auditapp.core.db import open_database

    pdfsig, pdftotext = require_tool("pdfsig"), require_tool("pdftotext")
    path = tmp_path / "walk.sqlite"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    with db.session() as s:
        ref = audits.summaries(s)[0].reference
    signoff.sign_report(db, ref, username="demo.lead", password=PASSWORD, meaning="author")
    signoff.sign_report(db, ref, username="demo.qa", password=PASSWORD, meaning="approver")
    with db.session() as s:
        audit = audits.get_audit(s, ref)
        assert audit.locked
        labels = [item.label for item in capa_state.follow_up(s, audit)]
        form = capa_form.export_capa_form(s, ref, "xlsx", "en")
    db.close()
    first, second = labels[0], labels[1]
    d = str(path)

    # The closure letter is refused while findings are open.
    early = run_cli("closure-letter", ref, "-o", str(tmp_path / "early.pdf"), "--db", d)
    assert early.returncode == 1 and early.stderr.startswith("error:")
    assert first in early.stderr and not (tmp_path / "early.pdf").exists()

    # Bad forms are refused whole, one line, nothing recorded.
    def unknown(sheet):
        sheet.cell(2, 1).value = "F-99"

    def retitled(sheet):
        sheet.cell(2, 3).value = "A softer title"

    for name, edit in (("unknown", unknown), ("retitled", retitled)):
        bad = _fill(form, tmp_path / f"{name}.xlsx", edit=edit)
        done = run_as("demo.lead", "capa", "import", ref, str(bad), "--db", d, password=PASSWORD)
        assert done.returncode == 2, done.stdout
        assert done.stderr.startswith("error:") and done.stderr.count("\n") == 1
        assert ("F-99" in done.stderr) if name == "unknown" else ("changed" in done.stderr)
    not_xlsx = tmp_path / "not.xlsx"
    not_xlsx.write_bytes(b"PK\x03\x04 not really a workbook")
    done = run_cli("capa", "import", ref, str(not_xlsx), "--dry-run", "--db", d)
    assert done.returncode == 2 and done.stderr.startswith("error:")
    assert set(_states(path, ref).values()) == {"awaiting_response"}

    # The filled form: a preview changes nothing, the import records a plan per finding.
    filled = _fill(form, tmp_path / "filled.xlsx")
    preview = run_cli("capa", "import", ref, str(filled), "--dry-run", "--db", d)
    assert preview.returncode == 0, preview.stderr
    assert f"{first}: new CAPA plan (root cause: Root cause of {first}" in preview.stdout
    assert "nothing changed" in preview.stdout
    assert set(_states(path, ref).values()) == {"awaiting_response"}
    done = run_as("demo.lead", "capa", "import", ref, str(filled), "--db", d, password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert set(_states(path, ref).values()) == {"response_received"}

    # One rejection; the revised plan comes back on a new form and is accepted.
    done = run_as(
        "demo.lead",
        "capa",
        "assess",
        ref,
        first,
        "--decision",
        "rejected",
        "--reason",
        "The root cause stops at human error",
        "--db",
        d,
        password=PASSWORD,
    )
    assert done.returncode == 0 and "rejected" in done.stdout, done.stderr
    db = open_database(path)
    with db.session() as s:
        again = capa_form.export_capa_form(s, ref, "xlsx", "en")
    db.close()
    revised = _fill(
        again, tmp_path / "revised.xlsx", revise={first: "No training on the new SOP version"}
    )
    done = run_as("demo.lead", "capa", "import", ref, str(revised), "--db", d, password=PASSWORD)
    assert done.returncode == 0 and f"{first}: new CAPA plan" in done.stdout, done.stderr
    assert f"{second}: unchanged" in done.stdout

    db = open_database(path)
    with db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        for item in capa_state.follow_up(s, audit):
            capa.assess(s, audit, item.finding.number, decision="accepted")
        # An extension of the first finding's implementation, with reason and approver.
        status = capa.extend(
            s,
            audit,
            int(first[2:]),
            new_date=dt.date.fromisoformat(LATER) + dt.timedelta(days=30),
            reason="Validation of the new system slipped",
            approver="Sponsor QA head",
        )
        assert status.implementation_due == dt.date.fromisoformat(LATER) + dt.timedelta(days=30)
        responses = capa_state.follow_up(s, audit)[0].status.responses
    db.close()
    assert responses == 2

    # Completion evidence comes back on the form; the first finding gets an effectiveness check.
    db = open_database(path)
    with db.session() as s:
        third = capa_form.export_capa_form(s, ref, "xlsx", "en")
    db.close()
    returned = _fill(third, tmp_path / "done.xlsx", revise={}, edit=_evidence_column)
    done = run_as("demo.lead", "capa", "import", ref, str(returned), "--db", d, password=PASSWORD)
    assert done.returncode == 0 and "completion evidence" in done.stdout, done.stderr
    assert set(_states(path, ref).values()) == {"implemented"}
    for option, value in (("--planned", LATER), ("--result", "effective")):
        done = run_as(
            "demo.lead", "capa", "verify", ref, first, option, value, "--db", d, password=PASSWORD
        )
        assert done.returncode == 0, done.stderr
    db = open_database(path)
    with db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        for item in capa_state.follow_up(s, audit):
            capa.close(s, audit, item.finding.number)
    db.close()
    assert set(_states(path, ref).values()) == {CapaState.CLOSED.value}

    # The closure letter: signed, valid for pdfsig and for `auditapp verify`, readable.
    letter = tmp_path / "closure.pdf"
    done = run_as(
        "demo.lead",
        "closure-letter",
        ref,
        "--sign",
        "-o",
        str(letter),
        "--db",
        d,
        password=PASSWORD,
    )
    assert done.returncode == 0, done.stderr
    sig = subprocess.run([pdfsig, str(letter)], capture_output=True, text=True)
    assert "Signature is Valid." in sig.stdout, sig.stdout
    verified = run_cli("verify", str(letter), "--db", d)
    assert verified.returncode == 0 and "closure" in verified.stdout, verified.stdout
    text = subprocess.run(
        [pdftotext, "-layout", str(letter), "-"], capture_output=True, text=True
    ).stdout
    assert "Audit closure letter" in text and ref in text
    assert first in text and "effective" in text
    listing = run_cli("list", "--json", "--db", d)
    assert '"closed"' in listing.stdout
    # Follow-up after the final signature and the closure ceremony keep the trail verifiable.
    trail = run_cli("trail", "verify", "--db", d)
    assert trail.returncode == 0, trail.stdout + trail.stderr
    docx = tmp_path / "closure-de.docx"
    done = run_cli("closure-letter", ref, "--lang", "de", "-o", str(docx), "--db", d)
    assert done.returncode == 0, done.stderr
    import docx as python_docx

    body = "\n".join(p.text for p in python_docx.Document(str(docx)).paragraphs)
    assert "Abschlussschreiben" in body
