"""Findings keep their numbers when reordered; the report follows the order within a grade."""

from __future__ import annotations

import pytest

from auditapp.core import audits, findings, trail
from auditapp.errors import BadInput
from auditapp.reports import build


def test_reorder_changes_positions_only_and_the_report_follows(demo_db):
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        before = findings.order(s, audit)
        majors = [f.number for f in audit.findings if f.classification == "major"]
        new = findings.moved(before, majors[-1], -len(before))
        findings.reorder(s, audit, new)
        assert findings.order(s, audit) == new
        titles = {f.number: f.title for f in audit.findings}
        document = build.build_report(s, audit, language="en")
    shown = [b.number for b in document.blocks if type(b).__name__ == "FindingBlock"]
    major_labels = [findings.number_label(n) for n in [majors[-1], *majors[:-1]]]
    assert [label for label in shown if label in major_labels] == major_labels
    assert all(f"F-{n:02d}" in shown for n in titles)
    with demo_db.engine.connect() as connection:
        assert trail.verify(connection) == []


def test_reorder_refuses_an_incomplete_order(demo_db):
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        with pytest.raises(BadInput):
            findings.reorder(s, audit, findings.order(s, audit)[:-1])
        with pytest.raises(BadInput):
            findings.reorder(s, audit, [1, 1, *findings.order(s, audit)[2:]])


def test_moved_clamps_at_the_ends():
    assert findings.moved([1, 2, 3], 1, -1) == [1, 2, 3]
    assert findings.moved([1, 2, 3], 1, 5) == [2, 3, 1]
    assert findings.moved([1, 2, 3], 3, -1) == [1, 3, 2]
