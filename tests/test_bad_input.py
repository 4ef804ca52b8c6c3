"""A generated corpus of hostile input through the core and the command line: clear refusals,
faithful storage of what is legitimate, and nothing changed by what is refused."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from auditapp.core import audits, findings, trail
from auditapp.errors import BadInput
from tests.conftest import run_cli

LEGITIMATE_TEXTS = [
    "x" * 100_000,
    "نتيجة التدقيق: سجل درجة الحرارة مفقود",  # right-to-left
    "עברית עם English mixed ‏RLM‏ marks",
    "Temperature log 🌡️ missing ✅❌ 👩🏽‍🔬",
    "Robert'); DROP TABLE finding;--",
    "<b>not markup</b> & ]]> %s {0} \\N",
    "Zeilen\nmit\tTabs\nund Umlauten äöüß",
    "\u200b zero width \ufeff BOM \u202e override",
]
REFUSED_TEXTS = [
    "x" * 100_001,
    "bell \x07 inside",
    "nul \x00 inside",
    "escape \x1b[31m red",
]


def _snapshot(db) -> list[str]:
    with sqlite3.connect(db.path) as conn:
        return list(conn.iterdump())


@pytest.mark.parametrize("text", LEGITIMATE_TEXTS, ids=range(len(LEGITIMATE_TEXTS)))
def test_legitimate_strange_text_is_stored_exactly(demo_db, text):
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.summaries(s)[0].reference
        finding = findings.add_finding(s, audits.get_audit(s, audit), title="Odd text",
                                       classification="minor", observation=text)
        number = finding.number
    with demo_db.session() as s:
        stored = findings.get_finding(s, audits.get_audit(s, audit), number).observation
    assert stored == text
    with demo_db.engine.connect() as connection:
        assert trail.verify(connection) == []


@pytest.mark.parametrize("text", REFUSED_TEXTS, ids=range(len(REFUSED_TEXTS)))
def test_refused_text_changes_nothing(demo_db, text):
    before = _snapshot(demo_db)
    with pytest.raises(BadInput), demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        findings.update_finding(s, audit, 1, observation=text)
    assert _snapshot(demo_db) == before


@pytest.mark.parametrize("due", [dt.date(1899, 12, 31), dt.date(2101, 1, 1), "2026-13-45"])
def test_dates_out_of_range_are_refused(demo_db, due):
    before = _snapshot(demo_db)
    with pytest.raises(BadInput), demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        findings.update_finding(s, audit, 1, capa_due_date=due)
    assert _snapshot(demo_db) == before


def test_titles_refuse_line_breaks_and_empty_values(demo_db):
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        for title in ["two\nlines", "   ", "t" * 501]:
            with pytest.raises(BadInput):
                findings.update_finding(s, audit, 2, title=title)


@pytest.mark.parametrize(
    "args",
    [
        ["user", "add", "bad\x01name", "--full-name", "X", "--role", "auditor", "--password-stdin"],
        ["user", "add", "okname", "--full-name", "Bell\x07", "--role", "auditor", "--password-stdin"],
        ["user", "add", "okname", "--full-name", "X", "--role", "'; DROP TABLE user;--", "--password-stdin"],
        ["checklist", "validate", "/dev/null/nope.yaml"],
        ["restore", "/nonexistent/backup.sqlite"],
    ],
)
def test_cli_refuses_hostile_arguments_in_one_line(tmp_path, args):
    result = run_cli("--db", str(tmp_path / "a.sqlite"), *args, stdin="a-good-password-1\n")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
