"""GUI classes split into parts for the module-size limit still speak German: a mixin's texts are
looked up in the context of the class it is mixed into, and a part that became its own widget
carries its translations under its own name."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QTabWidget

pytestmark = pytest.mark.gui


@pytest.fixture
def german(qapp):
    from auditapp.ui import i18n

    assert i18n.install("de", qapp) == "de"
    yield qapp
    i18n.install("en", qapp)


def test_the_set_up_pages_mixin_speaks_german(german, qtbot) -> None:
    from auditapp.core.audit_details import AuditDetails
    from auditapp.ui.setup_dialog import SetupDialog

    dialog = SetupDialog(
        AuditDetails(reference="AUD-2026-001"),
        checklists=[],
        auditors=[],
        submit=lambda details: None,
        new=True,
    )
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Ziele" in labels  # "Objectives", built by SetupPages._scope_page
    assert "Objectives" not in labels
    tabs = dialog.findChild(QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())][2] != "Objectives and scope"


def test_the_evidence_intake_mixin_speaks_german(german) -> None:
    from auditapp.ui.evidence_intake_actions import IntakeAndViewer

    # Called on a plain object: the text must not depend on self.tr() of the widget.
    title = IntakeAndViewer.import_title(object(), None)  # type: ignore[arg-type]
    assert title == "Nachweise importieren – werden nur dem Audit zugeordnet"


def test_the_cro_register_tabs_carry_their_own_translations(german, qtbot) -> None:
    from auditapp.ui.cro_register_details import CroDetailTabs
    from auditapp.ui.cro_register_model import CroTableModel

    tabs = CroDetailTabs(CroTableModel(), "de")
    qtbot.addWidget(tabs)
    assert tabs.rating_label("ok") == "im Ziel"
    assert tabs.factor_label("repeat") != "Repeat findings"
