"""Checklist texts stored once, the one-query audit list, and search kept in step with edits."""

from __future__ import annotations

import contextlib
import json
import sqlite3

import pytest
from audit_factory import import_mini, make_audit
from conftest import run_cli
from sqlalchemy import func, select, text

from auditapp.core import (
    audit_details,
    audits,
    evidence,
    findings,
    operations,
    registers,
    search,
    setup,
    trail,
)
from auditapp.core.models import ChecklistContent, ChecklistSnapshot, TrailEntry
from auditapp.errors import BadInput


def _found(db, words: str) -> list[tuple[str, str, str]]:
    with db.session() as s:
        return [(h.reference, h.kind, h.item) for h in search.search(s, words)]


def test_audits_on_one_checklist_share_one_stored_text(db):
    make_audit(db, reference="AUD-2026-001")
    make_audit(db, reference="AUD-2026-002")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ChecklistSnapshot)) == 2
        stored = s.scalars(select(ChecklistContent)).all()
        assert len(stored) == 1
        snapshots = s.scalars(select(ChecklistSnapshot)).all()
        assert {snap.sha256 for snap in snapshots} == {stored[0].sha256}
        checklist = audits.audit_checklist(audits.get_audit(s, "AUD-2026-002"))
        assert stored[0].question_count == len(checklist.questions) > 0
        # The trail records the snapshots' hash, never the checklist text (only the one import
        # of the template into the library carries it).
        question = checklist.questions[0].text["en"]
        carriers = s.scalars(
            select(TrailEntry.entity).where(
                TrailEntry.changes.contains(json.dumps(question, ensure_ascii=False)[1:-1])
            )
        )
        assert list(carriers) == ["checklist_template"]
        assert (
            s.scalar(
                select(func.count())
                .select_from(TrailEntry)
                .where(
                    TrailEntry.entity == "checklist_snapshot",
                    TrailEntry.action == "insert",
                    func.json_extract(TrailEntry.changes, "$.sha256") == stored[0].sha256,
                )
            )
            == 2
        )
    with db.engine.connect() as connection:
        assert trail.verify(connection) == []


def test_a_changed_checklist_text_is_found_by_trail_verify(db):
    make_audit(db)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE checklist_content SET content_json = replace(content_json, 'a', 'b')"
        )
    with db.engine.connect() as connection:
        problems = trail.verify(connection)
    assert [p.entity for p in problems] == ["checklist_content"]


def test_retailoring_stores_a_second_text_and_keeps_the_first(db):
    import_mini(db)
    reference = make_audit(db)  # routine: the organisation questions only
    make_audit(db, reference="AUD-2026-002")
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, reference)
        details = setup.read_details(audit)
        setup.update_details(
            s, audit, audit_details.AuditDetails(**{**vars(details), "audit_type": "for_cause"})
        )
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ChecklistContent)) == 2
        audit = audits.get_audit(s, reference)
        assert [q.id for q in audits.audit_checklist(audit).questions] == [
            "ORG-02"
        ]  # areas stay ORG
        other = audits.get_audit(s, "AUD-2026-002")
        assert [q.id for q in audits.audit_checklist(other).questions] == ["ORG-01", "ORG-02"]
        summary = audits.summaries(s)[0]
        assert summary.questions == len(audits.audit_checklist(audit).questions)
    with db.engine.connect() as connection:
        assert trail.verify(connection) == []


def test_the_list_counts_answers_findings_and_questions(db):
    reference = make_audit(db)
    make_audit(db, reference="AUD-2026-002")
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, reference)
        questions = audits.audit_checklist(audit).questions
        audits.set_response(s, audit, questions[0].id, result="compliant")
        audits.set_response(s, audit, questions[1].id, result=None, notes="pending")
        for classification in ("major", "major", "minor"):
            findings.add_finding(
                s,
                audit,
                title="Gap",
                classification=classification,
                observation="seen",
                impact="some",
            )
    with db.session() as s:
        rows = {r.reference: r for r in audits.summaries(s)}
    first, second = rows[reference], rows["AUD-2026-002"]
    assert (first.answered, first.questions) == (1, len(questions))
    assert first.findings == {"major": 2, "minor": 1}
    assert first.auditee == "Example CRO Ltd."
    assert (second.answered, second.findings) == (0, {})


def test_search_follows_insert_update_delete_and_undo(db):
    reference = make_audit(db)
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, reference)
        finding = findings.add_finding(
            s,
            audit,
            title="Temperature excursions not assessed",
            classification="major",
            observation="Freezer logs missing",
            impact="IMP product stability unknown",
        )
        number = finding.number
    assert _found(db, "temper") == [(reference, "finding", "F-01")]
    assert _found(db, "freezer LOG") == [(reference, "finding", "F-01")]

    with db.session(actor="anna") as s:
        findings.update_finding(
            s, audits.get_audit(s, reference), number, title="Calibration overdue"
        )
    assert _found(db, "temperature") == []
    assert _found(db, "calibration") == [(reference, "finding", "F-01")]

    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, reference)
        deleted = operations.apply(s, audit, operations.DeleteFinding(number, "entered twice"))
    assert _found(db, "calibration") == []

    with db.session(actor="anna", reason="undo") as s:  # undo brings back the index entry too
        operations.apply(s, audits.get_audit(s, reference), deleted.inverse)
    assert _found(db, "calibration") == [(reference, "finding", "F-01")]

    with db.session() as s:  # a rolled-back edit leaves the index as it was
        findings.update_finding(s, audits.get_audit(s, reference), number, title="Something else")
        s.rollback()
    assert _found(db, "calibration") == [(reference, "finding", "F-01")]


def test_search_covers_notes_captions_and_registers(db, tmp_path):
    from evidence_files import jpeg_bytes

    reference = make_audit(db)
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, reference)
        question = audits.audit_checklist(audit).questions[0].id
        audits.set_response(
            s, audit, question, result="compliant", notes="Pharmacovigilance SOP seen"
        )
        registers.add_document(
            s, audit, title="Monitoring plan", identifier="MP-0042", version="3.0"
        )
    photo = tmp_path / "deviation.jpg"
    photo.write_bytes(jpeg_bytes())
    from auditapp.core import evidence_import

    result = evidence_import.import_files(
        db, reference, [photo], actor="anna", caption="Unlabelled fridge in archive room", workers=0
    )
    assert not result.refused
    assert _found(db, "pharmacovig") == [(reference, "answer", question)]
    assert _found(db, "MP-0042") == [(reference, "document", "Monitoring plan")]
    assert _found(db, "fridge archive") == [(reference, "evidence", "E-001")]
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, reference)
        audits.set_response(s, audit, question, result="compliant", notes="")
        evidence.remove(s, audit, 1, reason="wrong photo")
    assert _found(db, "pharmacovig") == []
    assert _found(db, "fridge") == []


def test_search_words_are_never_fts_syntax(db):
    make_audit(db)
    with db.session() as s:
        for hostile in ('"', "NEAR(", "a OR b", "col:x", "*", "title:abc AND ("):
            with contextlib.suppress(BadInput):  # no sqlite error, whatever it finds
                search.search(s, hostile)
        with pytest.raises(BadInput):
            search.search(s, "  ;; ")


def test_search_command(db):
    reference = make_audit(db)
    with db.session(actor="anna") as s:
        findings.add_finding(
            s,
            audits.get_audit(s, reference),
            title="Überfällige Kalibrierung",
            classification="minor",
            observation="Waage nicht kalibriert",
        )
    db.close()
    result = run_cli("search", "uberfallig", "--json", "--db", str(db.path))
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert [(h["reference"], h["kind"], h["item"]) for h in hits] == [
        (reference, "finding", "F-01")
    ]
    plain = run_cli("search", "kalib", "--db", str(db.path))
    assert plain.returncode == 0 and reference in plain.stdout and "F-01" in plain.stdout
    bad = run_cli("search", "!!", "--db", str(db.path))
    assert bad.returncode == 2
    assert bad.stderr.startswith("error:") and len(bad.stderr.strip().splitlines()) == 1


def test_the_migration_indexes_what_was_there(tmp_path):
    import shutil
    from pathlib import Path

    from auditapp.core.db import open_database

    fixture = Path(__file__).parents[1] / "data" / "schemas" / "0001.sqlite"
    path = tmp_path / "old.sqlite"
    shutil.copyfile(fixture, path)
    with sqlite3.connect(path) as conn:
        title = conn.execute("SELECT title FROM finding ORDER BY id LIMIT 1").fetchone()[0]
        reference = conn.execute("SELECT reference FROM audit LIMIT 1").fetchone()[0]
    database = open_database(path)
    try:
        with database.session() as s:
            hits = search.search(s, title.split()[0])
            assert reference in {h.reference for h in hits}
            triggers = {
                r[0]
                for r in s.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"
                    )
                )
            }
            assert len(triggers) == 18
            assert audits.summaries(s)[0].questions > 0
    finally:
        database.close()


def test_search_works_in_an_encrypted_database(tmp_path):
    from auditapp.core.db import open_database

    database = open_database(tmp_path / "secret.sqlite", passphrase="correct horse battery")
    try:
        reference = make_audit(database)
        with database.session(actor="anna") as s:
            findings.add_finding(
                s,
                audits.get_audit(s, reference),
                title="Unsigned consent forms",
                classification="major",
                observation="Three forms",
                impact="Rights",
            )
        assert _found(database, "consent") == [(reference, "finding", "F-01")]
        with database.session() as s:
            assert s.scalar(select(func.count()).select_from(ChecklistContent)) == 1
    finally:
        database.close()


def test_the_search_index_keeps_words_not_a_second_copy_of_the_texts(db):
    make_audit(db, reference="AUD-2026-300")
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, "AUD-2026-300")
        findings.add_finding(
            s,
            audit,
            title="Freezer excursions",
            classification="minor",
            observation="The freezer log shows three unreviewed excursions "
            "above minus sixty degrees in March.",
        )
    with db.engine.connect() as connection:
        names = {
            n
            for (n,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE 'search_index%'"
            )
        }
    assert "search_index_content" not in names  # contentless: the texts live in their rows only
    with db.session() as s:
        hits = search.search(s, "excurs")
    assert [(h.reference, h.kind, h.item) for h in hits] == [("AUD-2026-300", "finding", "F-01")]
    assert "[excursions]" in hits[0].excerpt and hits[0].title == "Freezer excursions"
