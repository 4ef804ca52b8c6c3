"""The sign-off item models as plain adapters, without a window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from auditapp.core.preissue import IssueProblem
from auditapp.reports.pades import SignatureCheck
from auditapp.ui.preissue_panel import PreissueModel
from auditapp.ui.sign_dialog import next_meaning
from auditapp.ui.verify_dialog import SignatureChecksModel

pytestmark = [pytest.mark.gui]

PROBLEMS = [
    IssueProblem("finding", "F-02", "major finding needs a recommendation", finding_number=2),
    IssueProblem("field", "scope", "the audit scope is empty"),
    IssueProblem("question", "QMS-04", "not answered"),
    IssueProblem("question", "QMS-05", "not answered"),
]


def test_problems_are_grouped_by_kind_in_report_order(qapp):
    model = PreissueModel()
    model.set_problems(PROBLEMS)
    assert [model.item(r, 0).text() for r in range(model.rowCount())] == [
        "Report fields (1)",
        "Checklist questions (2)",
        "Findings (1)",
    ]
    questions = model.item(1, 0)
    assert questions.child(1, 0).text() == "QMS-05"
    assert questions.child(1, 1).text() == "not answered"
    assert model.problem(questions.child(0, 1).index()) == PROBLEMS[2]
    assert model.problem(model.index(0, 0)) is None  # a group row is no problem
    assert sorted(model.problems(), key=str) == sorted(PROBLEMS, key=str)
    model.set_problems([])
    assert model.rowCount() == 0


def test_signature_checks_show_intact_and_known(qapp):
    model = SignatureChecksModel()
    at = dt.datetime(2026, 3, 5, 14, 30, tzinfo=dt.UTC)
    model.set_checks(
        [
            SignatureCheck(
                "Dr. Anna Becker",
                "author",
                at,
                True,
                "",
                "ab" * 32,
                "demo.lead (Dr. Anna Becker)",
                True,
                "trusted: AuditApp signer demo.lead",
            ),
            SignatureCheck(
                "Mallory",
                "approver",
                None,
                False,
                "digest mismatch",
                "cd" * 32,
                None,
                False,
                "NOT TRUSTED: unknown certificate for Mallory",
            ),
        ]
    )
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert model.index(0, model.INTACT).data() == "intact"
    assert model.index(0, model.TRUST).data() == "trusted"
    assert model.index(0, model.FINGERPRINT).data().replace(" ", "") == ("ab" * 32).upper()
    assert model.index(0, model.TIME).data().startswith("2026-03-05")
    assert model.index(1, model.INTACT).data() == "NOT intact"
    assert model.index(1, model.TRUST).data() == "NOT trusted"
    assert "unknown certificate for Mallory" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, model.TIME).data() == "—"
    assert "digest mismatch" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, model.INTACT).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_the_ceremony_proposes_the_next_meaning():
    assert next_meaning([]) == "author"
    assert next_meaning(["author"]) == "approver"
    assert next_meaning(["author", "approver"]) == "reviewer"
