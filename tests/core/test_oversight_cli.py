"""`auditapp cro|kpi|escalation` and `auditapp oversight-report` as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess

import cro_history
import pytest
from audit_factory import PASSWORD
from conftest import require_tool, run_cli


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return cro_history.make_template(tmp_path_factory.mktemp("cro"))


@pytest.fixture
def db_path(template, tmp_path):
    cro_history.copy_of(template, tmp_path).close()
    return str(tmp_path / "cro.sqlite")


def signed(*args: str, db: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--db", db, "--user", "anna", "--password-stdin", stdin=f"{password}\n")


def test_kpi_breach_opens_escalation_seen_in_cro_show(db_path):
    for period, value in (("2026-Q2", "96"), ("2026-Q3", "92.5"), ("2026-10", "84")):
        done = signed(
            "kpi",
            "add",
            "Northwind",
            "--kpi",
            "tmf_completeness",
            "--period",
            period,
            "--value",
            value,
            "--study",
            "NW-301",
            db=db_path,
        )
        assert done.returncode == 0, done.stderr
    assert "breach: ESC-001 opened in the escalation log" in done.stdout
    listed = run_cli("escalation", "list", "--status", "open", "--json", "--db", db_path)
    [entry] = json.loads(listed.stdout)
    assert entry["number"] == "ESC-001" and entry["level"] == 1 and entry["study"] == "NW-301"
    assert entry["owner"] == "Study team and CRO project manager"
    shown = json.loads(run_cli("cro", "show", "northwind", "--json", "--db", db_path).stdout)
    assert shown["repeat_findings"] == 1 and shown["open_escalations"] == 1
    assert shown["qualification"]["status"] == "conditional"
    assert shown["qualification"]["audit"] == "AUD-2026-019"
    risk = shown["risk"]
    assert risk["last_audit"] == "2026-10-15"
    assert {"major", "minor", "repeat", "overdue_capa", "open_escalation"} <= {
        c["factor"] for c in risk["components"]
    }
    months = risk["interval_months"]
    assert (
        risk["proposed_next_audit"]
        == dt.date(2026 + (10 + months - 1) // 12, (10 + months - 1) % 12 + 1, 15).isoformat()
    )
    figures = json.loads(run_cli("kpi", "list", "Northwind", "--json", "--db", db_path).stdout)
    assert [(f["period"], f["rating"]) for f in figures] == [
        ("2026-Q2", "ok"),
        ("2026-Q3", "warning"),
        ("2026-10", "breach"),
    ]
    assert figures[0]["recorded_by"] == "anna"


def test_escalation_update_and_close(db_path):
    signed(
        "kpi",
        "add",
        "Northwind",
        "--kpi",
        "sae_reporting_timeliness",
        "--period",
        "2026-Q3",
        "--value",
        "90",
        db=db_path,
    )
    done = signed(
        "escalation",
        "update",
        "ESC-001",
        "--action",
        "Retraining of site staff",
        "--close",
        "Back at 100 % in Q4",
        "--closed-on",
        "2026-12-20",
        db=db_path,
    )
    assert done.returncode == 0, done.stderr
    [entry] = json.loads(run_cli("escalation", "list", "--json", "--db", db_path).stdout)
    assert entry["level"] == 2  # SAE timeliness escalates straight to level 2 (kpis.yaml)
    assert entry["status"] == "closed" and entry["closure"] == "Back at 100 % in Q4"
    assert "Retraining of site staff" in entry["actions"]
    again = signed("escalation", "update", "ESC-1", "--owner", "Somebody", db=db_path)
    assert again.returncode == 2 and again.stderr.startswith("error: ESC-001 is closed")


def test_bad_input_changes_nothing_and_says_one_line(db_path, tmp_path):
    def trail_rows() -> int:
        with sqlite3.connect(db_path) as conn:
            return conn.execute("SELECT count(*) FROM kpi_value").fetchone()[0]

    cases = [
        (
            (
                "kpi",
                "add",
                "Northwind",
                "--kpi",
                "tmf_completeness",
                "--period",
                "Q3",
                "--value",
                "90",
            ),
            2,
            "period 'Q3'",
        ),
        (
            ("kpi", "add", "Northwind", "--kpi", "nope", "--period", "2026-Q3", "--value", "9"),
            2,
            "unknown KPI 'nope'",
        ),
        (
            (
                "kpi",
                "add",
                "Northwind",
                "--kpi",
                "tmf_completeness",
                "--period",
                "2026-Q3",
                "--value",
                "lots",
            ),
            2,
            "not a number",
        ),
        (
            (
                "kpi",
                "add",
                "Nobody Inc",
                "--kpi",
                "tmf_completeness",
                "--period",
                "2026-Q3",
                "--value",
                "90",
            ),
            2,
            "no CRO named",
        ),
        (("cro", "qualify", "Northwind", "--status", "conditional"), 2, "needs its conditions"),
        (
            ("cro", "qualify", "Northwind", "--status", "approved", "--audit", "AUD-1999-001"),
            2,
            "no audit",
        ),
    ]
    for args, code, message in cases:
        done = signed(*args, db=db_path)
        assert done.returncode == code, (args, done.stderr)
        assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    wrong = signed(
        "kpi",
        "add",
        "Northwind",
        "--kpi",
        "tmf_completeness",
        "--period",
        "2026-Q3",
        "--value",
        "90",
        db=db_path,
        password="wrong-password",
    )
    assert wrong.returncode == 1
    assert trail_rows() == 0
    bad = tmp_path / "kpis.yaml"
    bad.write_text(
        "escalation_path: [{level: 1, name: x}]\nkpis:\n  - id: a_b\n    name: x\n"
        "    unit: d\n    direction: up\n",
        encoding="utf-8",
    )
    done = run_cli("kpi", "definitions", "--validate", str(bad))
    assert done.returncode == 2
    assert done.stderr == (
        "error: kpis.yaml:6: kpis[0].direction: must be one of higher_is_better, lower_is_better\n"
    )


def test_qualify_weights_and_list(db_path):
    done = signed(
        "cro",
        "qualify",
        "Northwind",
        "--status",
        "not_approved",
        "--effective",
        "2026-11-30",
        db=db_path,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(run_cli("cro", "list", "--json", "--db", db_path).stdout)
    assert rows[0]["name"] == cro_history.CRO and rows[0]["qualification"] == "not_approved"
    before = rows[0]["risk_score"]
    assert signed("cro", "weights", "not_approved=40", db=db_path).returncode == 0
    after = json.loads(run_cli("cro", "list", "--json", "--db", db_path).stdout)[0]["risk_score"]
    assert after == pytest.approx(before + 25)
    unsigned = run_cli("cro", "weights", "repeat=9", "--db", db_path)
    assert unsigned.returncode == 2 and "sign in with --user" in unsigned.stderr


def test_oversight_report_pdf_read_back(db_path, tmp_path):
    signed(
        "kpi",
        "add",
        "Northwind",
        "--kpi",
        "tmf_completeness",
        "--period",
        "2026-10",
        "--value",
        "84",
        "--study",
        "NW-301",
        db=db_path,
    )
    out = tmp_path / "oversight.pdf"
    done = run_cli("oversight-report", "--cro", "Northwind", "-o", str(out), "--db", db_path)
    assert done.returncode == 0, done.stderr
    text = " ".join(
        subprocess.run(
            [require_tool("pdftotext"), str(out), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for expected in (
        "CRO oversight report: Northwind Clinical Research GmbH",
        "approved with conditions since 25 Oct 2026, set by audit AUD-2026-019",
        "Risk-based audit planning",
        "Repeat findings",
        "AUD-2024-011",
        "F-01 TMF filing backlog again above 90 days",
        "Oversight KPIs",
        "TMF completeness",
        "Escalation log",
        "ESC-001",
        "Qualification history",
    ):
        assert expected in text, expected
    images = subprocess.run(
        [require_tool("pdfimages"), "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) >= 4  # findings per audit, by area, CAPA ageing, the KPI trend


def test_escalation_added_by_hand(db_path):
    done = signed(
        "escalation",
        "add",
        "Northwind",
        "--issue",
        "CRA turnover above 30 %",
        "--level",
        "2",
        "--study",
        "NW-301",
        db=db_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ESC-001 opened at level 2, owner Sponsor clinical operations")
    refused = signed("escalation", "add", "Northwind", "--issue", "x", "--level", "9", db=db_path)
    assert refused.returncode == 2 and "not on the escalation path" in refused.stderr
    [entry] = json.loads(run_cli("escalation", "list", "--json", "--db", db_path).stdout)
    assert entry["kpi"] is None and entry["study"] == "NW-301"
