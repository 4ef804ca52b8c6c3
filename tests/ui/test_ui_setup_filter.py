"""Set-up says which questions the audit type leaves out, instead of surprising in the walk."""

from __future__ import annotations

import pytest
from audit_factory import import_mini, make_user
from ui_helpers import OFFSCREEN_NOISE, new_window, run_modal

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


def test_area_counts_follow_the_audit_type_and_name_left_out_questions(qtbot, db, tmp_path):
    from auditapp.ui import i18n

    i18n.install("en")  # as the app does: English plural forms
    make_user(db)
    import_mini(db)
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    seen: dict[str, object] = {}

    def fill(dialog):
        dialog.checklist.setCurrentIndex(dialog.checklist.findData("mini-test"))
        dialog.audit_type.setCurrentIndex(dialog.audit_type.findData("study_specific"))
        org = dialog.areas.item(0)
        seen["study"] = (org.text(), org.toolTip())
        dialog.areas.item(1).setCheckState(dialog.areas.item(1).checkState().Unchecked)
        dialog.audit_type.setCurrentIndex(dialog.audit_type.findData("pre_inspection"))
        seen["pre"] = dialog.areas.item(0).text()
        seen["kept tick"] = dialog.areas.item(1).checkState()

    run_modal(window.new_audit, fill)
    text, tip = seen["study"]
    assert "(1 question; 1 not asked in this audit type)" in text
    assert "ORG-01" in tip and "Study-specific" in tip
    assert seen["pre"].endswith("(2 questions)")  # pre-inspection audits ask everything
    assert seen["kept tick"].name == "Unchecked"
