"""Core operations: each returns its change set and an inverse that restores the very rows.

The property test applies a fixed-seed random sequence of operations, undoes them all and
compares a dump of the audit's tables with the start, then redoes them all and compares with
the end state. No Qt here: the undo lives in the core.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from audit_factory import make_audit
from sqlalchemy import select, text

from auditapp.core import audit_details, audits, operations, setup, trail
from auditapp.core.db import open_database
from auditapp.core.evidence import Target
from auditapp.core.models import (
    Audit,
    AuditeeParticipant,
    Evidence,
    EvidenceBlob,
    EvidenceLink,
    Finding,
    TrailEntry,
)
from auditapp.errors import AuditAppError, Refused

# The audit's own tables (the trail and its checkpoints are left out: undo adds to them).
AUDIT_TABLES = (
    "audit",
    "response",
    "finding",
    "document_reviewed",
    "auditee_participant",
    "team_member",
    "evidence",
    "evidence_link",
    "organisation",
    "study",
    "audit_study",
    "checklist_snapshot",
)
# Numbers, once issued, are never issued again: undoing "raise F-03" leaves the counter at 3.
COUNTERS = {"last_finding_number", "last_evidence_number"}


def dump(db) -> dict[str, list[dict[str, Any]]]:
    with db.session() as s:
        return {
            table: [
                dict(row)
                for row in s.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')).mappings()
            ]
            for table in AUDIT_TABLES
        }


def without_counters(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {
        **rows,
        "audit": [{k: v for k, v in r.items() if k not in COUNTERS} for r in rows["audit"]],
    }


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """One small audit made once per module (parsing the checklist library is the slow part);
    each test works on a copy. No account is needed: operations name their actor."""
    path = tmp_path_factory.mktemp("operations") / "template.sqlite"
    database = open_database(path)
    ref = make_audit(database, audit_type="pre_inspection")
    with database.session(actor="anna") as s:
        audit = audits.get_audit(s, ref)
        # Two evidence items made directly (no image pipeline needed to test their edits).
        for n, payload in enumerate((b"first file", b"second file"), start=1):
            sha = hashlib.sha256(payload).hexdigest()
            s.add(EvidenceBlob(sha256=sha, size=len(payload), data=payload))
            s.flush()
            s.add(
                Evidence(
                    audit_id=audit.id,
                    number=n,
                    sha256=sha,
                    file_name=f"e{n}.txt",
                    media_type="text/plain",
                    size=len(payload),
                )
            )
        audit.last_evidence_number = 2
    database.close()
    return path


@pytest.fixture
def db(template, tmp_path):
    path = tmp_path / "audit.sqlite"
    shutil.copyfile(template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def audit_id(db) -> int:
    with db.session() as s:
        return s.scalar(select(Audit.id))


def run(db, audit_id, op, reason=""):
    return operations.run(db, audit_id, op, actor="anna", reason=reason)


def participants(db) -> dict[int, str]:
    with db.session() as s:
        return {p.id: p.name for p in s.scalars(select(AuditeeParticipant))}


def test_register_undo_keeps_ids_through_the_details_dialog(db, audit_id):
    """The case from issue 16: add two people, change one, remove her in the details dialog,
    undo four times: she is gone, with her own id all along, and nothing was refused."""
    history = []
    added = run(db, audit_id, operations.AddRow("participant", {"name": "Sarah Okafor"}))
    history.append(added.inverse)
    history.append(run(db, audit_id, operations.AddRow("participant", {"name": "Ben Lee"})).inverse)
    sarah = added.value
    changed = run(db, audit_id, operations.UpdateRow("participant", sarah, {"function": "QA"}))
    assert changed.changes.registers == {"participant"}
    history.append(changed.inverse)
    with db.session() as s:
        details = setup.read_details(s.get(Audit, audit_id))
    without_her = details.replace(
        participants=tuple(p for p in details.participants if p.id != sarah)
    )
    removed = run(db, audit_id, operations.UpdateDetails(without_her))
    assert ("auditee_participant", str(sarah), "delete") in {
        (r.table, r.id, r.action) for r in removed.changes.rows
    }
    history.append(removed.inverse)

    undone = [run(db, audit_id, inverse, "undo") for inverse in reversed(history)]
    assert participants(db) == {}
    # The dialog's undo brought her back under her own id, so the register's steps found her.
    assert [c.changes.registers for c in undone] == [{"participant"}] * 4
    with db.session() as s:
        trail = s.scalars(
            select(TrailEntry.entity_id).where(
                TrailEntry.entity == "auditee_participant", TrailEntry.action == "insert"
            )
        ).all()
    assert set(trail) == {str(sarah), str(added.value + 1)}

    # Redo in order brings both back, again under the same ids, with her function.
    for step in reversed(undone):
        run(db, audit_id, step.inverse, "redo")
    assert participants(db) == {sarah + 1: "Ben Lee"}  # the dialog removed her again


def test_undo_of_a_row_changed_since_is_refused_and_changes_nothing(db, audit_id):
    added = run(db, audit_id, operations.AddRow("document", {"title": "SOP index"}))
    edit = run(db, audit_id, operations.UpdateRow("document", added.value, {"version": "2"}))
    run(db, audit_id, operations.UpdateRow("document", added.value, {"version": "3"}))
    before = dump(db)
    with pytest.raises(Refused, match="changed since"):
        run(db, audit_id, edit.inverse, "undo")
    assert dump(db) == before


def test_first_answer_starts_the_audit_and_its_undo_plans_it_again(db, audit_id):
    start = dump(db)
    done = run(db, audit_id, operations.set_answer("ORG-01", "compliant", "chart seen"))
    assert done.changes.answers == {"ORG-01"} and done.changes.details
    with db.session() as s:
        assert s.get(Audit, audit_id).status == "in_progress"
    undone = run(db, audit_id, done.inverse, "undo")
    assert dump(db) == start
    assert undone.changes.answers == {"ORG-01"}


def test_the_same_answer_again_changes_nothing_and_names_nothing(db, audit_id):
    first = run(db, audit_id, operations.set_answer("ORG-02", "compliant", "seen"))
    with db.session() as s:
        heads = s.scalar(select(TrailEntry.id).order_by(TrailEntry.id.desc()).limit(1))
    again = run(
        db,
        audit_id,
        operations.SetAnswers(
            (operations.Answer("ORG-02", "compliant"), operations.Answer("CSV-01", None))
        ),
    )
    assert first.changes and not again.changes and again.inverse.steps == ()
    with db.session() as s:
        assert s.scalar(select(TrailEntry.id).order_by(TrailEntry.id.desc()).limit(1)) == heads


def test_details_dialog_edits_of_sponsor_and_studies_undo_row_for_row(db, audit_id):
    start = dump(db)
    with db.session() as s:
        details = setup.read_details(s.get(Audit, audit_id))
    steps = [
        run(db, audit_id, operations.UpdateDetails(details.replace(**changes)))
        for changes in (
            {"sponsor_name": ""},
            {"sponsor_name": "Other Pharma AG", "studies": (audit_details.StudyEntry("EX-301"),)},
        )
    ]
    assert {"organisation", "study", "audit_study"} <= steps[1].changes.tables
    for applied in reversed(steps):
        run(db, audit_id, applied.inverse, "undo")
    assert dump(db) == start


def test_deleted_finding_comes_back_with_its_number_row_id_and_evidence_links(db, audit_id):
    raised = run(
        db, audit_id, operations.AddFinding({"title": "No chart", "classification": "minor"})
    )
    run(db, audit_id, operations.Link(1, Target(finding=raised.value)))
    with db.session() as s:
        finding_id = s.scalar(select(Finding.id))
        link_id = s.scalar(select(EvidenceLink.id))
    deleted = run(db, audit_id, operations.DeleteFinding(raised.value, "raised twice"))
    assert deleted.changes.findings and deleted.changes.evidence
    assert {(r.table, r.action) for r in deleted.changes.rows} == {
        ("finding", "delete"),
        ("evidence_link", "delete"),
    }
    run(db, audit_id, deleted.inverse, "undo")
    with db.session() as s:
        finding = s.scalar(select(Finding))
        assert (finding.id, finding.number, finding.title) == (finding_id, 1, "No chart")
        assert [link.id for link in s.scalars(select(EvidenceLink))] == [link_id]
        # One compact trail row per inserted finding (trail_format.py).
        reasons = s.scalars(
            select(TrailEntry.reason).where(
                TrailEntry.entity == "finding", TrailEntry.action == "insert"
            )
        ).all()
    assert reasons == ["", "undo"]


def test_undoing_a_raised_finding_never_reissues_its_number(db, audit_id):
    raised = run(db, audit_id, operations.AddFinding({"title": "A", "classification": "minor"}))
    run(db, audit_id, raised.inverse, "undo")
    again = run(db, audit_id, operations.AddFinding({"title": "B", "classification": "minor"}))
    assert (raised.value, again.value) == (1, 2)


def test_nothing_changes_on_a_refused_operation_or_a_locked_audit(db, audit_id):
    before = dump(db)
    with pytest.raises(AuditAppError):
        run(db, audit_id, operations.AddRow("document", {"title": ""}))
    with pytest.raises(AuditAppError):
        run(db, audit_id, operations.AddRow("visitors", {"name": "x"}))
    assert dump(db) == before
    added = run(db, audit_id, operations.AddRow("team", {"name": "Tom", "role": "expert"}))
    with pytest.raises(Refused, match="another audit"):
        run(db, audit_id, operations.Revert(audit_id + 1, added.inverse.steps), "undo")
    redo = run(db, audit_id, added.inverse, "undo").inverse
    run(db, audit_id, redo, "redo")
    with pytest.raises(Refused, match="exists again"):  # the same redo twice
        run(db, audit_id, redo, "redo")
    before = dump(db)
    with db.session() as s:
        s.get(Audit, audit_id).locked = True
    with pytest.raises(Refused, match="locked"):
        run(db, audit_id, added.inverse, "undo")
    assert dump(db)["team_member"] == before["team_member"]


# --- the property test --------------------------------------------------------------------------

QUESTIONS = ("ORG-01", "ORG-02", "CSV-01")
RESULTS = ("compliant", "partially_compliant", "non_compliant", "not_applicable", None)
WORDS = ("chart", "QA", "SOP", "Überprüfung", "training", "archive", "CAPA", "deviation")


def _state(db, audit_id) -> dict[str, Any]:
    with db.session() as s:
        audit = s.get(Audit, audit_id)
        return {
            "findings": [f.number for f in audit.findings],
            "rows": {
                kind: [r.id for r in getattr(audit, attr)]
                for kind, attr in (
                    ("document", "documents"),
                    ("participant", "participants"),
                    ("team", "team"),
                )
            },
            "details": setup.read_details(audit),
            "evidence": {
                e.number: e.removed
                for e in s.scalars(select(Evidence).where(Evidence.audit_id == audit_id))
            },
        }


def _random_operation(rng: random.Random, state: dict[str, Any]) -> operations.Operation:
    """One plausible edit of the current state; a group (answers, findings, registers, the
    audit, evidence) is drawn first so each kind of edit comes up often."""
    words = " ".join(rng.sample(WORDS, 2))
    findings, rows, details = state["findings"], state["rows"], state["details"]
    groups: dict[str, list[Any]] = {
        "answers": [
            lambda: operations.set_answer(rng.choice(QUESTIONS), rng.choice(RESULTS), words),
            lambda: operations.SetAnswers(
                tuple(operations.Answer(q, "compliant") for q in QUESTIONS)
            ),
        ],
        "findings": [lambda: operations.AddFinding({"title": words, "classification": "minor"})],
        "registers": [
            lambda: operations.AddRow(rng.choice(("participant", "team")), {"name": words}),
            lambda: operations.AddRow("document", {"title": words, "version": "1"}),
        ],
        "audit": [
            lambda: operations.UpdateDetails(
                details.replace(
                    scope=words,
                    participants=details.participants[1:],
                    team=(*details.team, audit_details.TeamEntry(words, "observer")),
                )
            ),
            lambda: operations.UpdateDetails(
                details.replace(
                    sponsor_name=rng.choice(("", words)),
                    planned_start=None,
                    studies=(
                        details.studies[1:]
                        if rng.random() < 0.5
                        else (
                            *details.studies,
                            audit_details.StudyEntry(f"EX-{rng.randint(100, 999)}"),
                        )
                    ),
                )
            ),
            lambda: operations.SetStatus(rng.choice(("planned", "in_progress", "reporting"))),
        ],
        "evidence": [
            lambda: operations.SetCaption(rng.choice((1, 2)), words),
            lambda: operations.SetConfidential(rng.choice((1, 2)), rng.random() < 0.5),
            lambda: operations.Link(rng.choice((1, 2)), Target(question=rng.choice(QUESTIONS))),
            lambda: operations.Unlink(rng.choice((1, 2)), Target(question=rng.choice(QUESTIONS))),
        ],
    }
    if findings:
        number = rng.choice(findings)
        groups["findings"] += [
            lambda: operations.UpdateFinding(number, {"observation": words}),
            lambda: operations.DeleteFinding(number, "raised twice"),
            lambda: operations.ReorderFindings(tuple(rng.sample(findings, len(findings)))),
            lambda: operations.Link(rng.choice((1, 2)), Target(finding=number)),
        ]
    for kind, ids in rows.items():
        if ids:
            row_id = rng.choice(ids)
            field = "title" if kind == "document" else "name"
            groups["registers"] += [
                lambda k=kind, r=row_id, f=field: operations.UpdateRow(k, r, {f: words}),
                lambda k=kind, r=row_id: operations.DeleteRow(k, r),
            ]
    for number, removed in state["evidence"].items():
        groups["evidence"].append(
            lambda n=number, gone=removed: (
                operations.Restore(n, "found again") if gone else operations.Remove(n, "blurred")
            )
        )
    return rng.choice(groups[rng.choice(sorted(groups))])()


@pytest.mark.parametrize("seed", [16, 1604])
def test_random_operations_undo_to_the_start_and_redo_to_the_end(db, audit_id, seed):
    rng = random.Random(seed)
    start = dump(db)
    done: list[operations.Applied] = []
    kinds: set[str] = set()
    while len(done) < 50:
        op = _random_operation(rng, _state(db, audit_id))
        try:
            done.append(run(db, audit_id, op))
            kinds.add(type(op).__name__)
        except AuditAppError:
            continue  # refused (e.g. linking removed evidence): nothing changed
    end = dump(db)
    assert end != start
    touched = set().union(*(applied.changes.tables for applied in done))
    assert {"response", "finding", "auditee_participant", "study", "audit_study"} <= touched
    assert len(kinds) >= 11, ",".join(sorted(kinds))  # the sequence really mixes the edits

    redo = [run(db, audit_id, applied.inverse, "undo").inverse for applied in reversed(done)]
    assert without_counters(dump(db)) == without_counters(start)
    for step in reversed(redo):
        run(db, audit_id, step, "redo")
    assert dump(db) == end
    with db.engine.connect() as connection:  # every undo and redo is in an intact trail
        assert trail.verify(connection) == []
