"""The report-language warning: a stop-word heuristic, in preissue (CLI, GUI panel) and in the
export dialog; it never blocks issuing."""

from __future__ import annotations

from conftest import run_cli

from auditapp.core import audits, language_check, preissue

EN = (
    "The audit trail was not reviewed and the configuration of the system had been changed "
    "without any documented approval by the sponsor."
)
DE = (
    "Der Audit-Trail wurde nicht geprüft und die Konfiguration des Systems wurde ohne "
    "dokumentierte Freigabe durch den Sponsor geändert."
)


def test_stop_words_tell_english_from_german():
    assert language_check.leaning("x", EN).language == "en"
    assert language_check.leaning("x", DE).language == "de"
    assert language_check.leaning("x", "SOP QA-007 v3.0").language is None  # too little text


def _write_findings(db, reference, text, language):
    with db.session() as s:
        audit = audits.get_audit(s, reference)
        audit.language = language
        for finding in audit.findings:
            finding.observation = text
            finding.recommendation = text


def test_german_report_with_english_findings_warns_but_does_not_block(demo_db):
    with demo_db.session() as s:
        reference = audits.summaries(s)[0].reference
    _write_findings(demo_db, reference, EN, "de")
    with demo_db.session() as s:
        audit = audits.get_audit(s, reference)
        warned = preissue.warnings(s, audit)
        blocking = preissue.check(s, audit)
        assert language_check.message(audit, "en") is None
    language = [w for w in warned if w.target == "language"]
    assert len(language) == 1 and language[0].kind == "warning"
    assert "report is in German" in language[0].message and "English" in language[0].message
    assert "F-01 observation" in language[0].message
    assert not any(w.target == "organisation" for w in warned)  # the demo names it
    with demo_db.session() as s:
        from auditapp.reports.branding import unset_branding

        unset_branding(s, "organisation.name")
        unnamed = preissue.warnings(s, audits.get_audit(s, reference))
        assert any(w.target == "organisation" for w in unnamed)
    assert not any(p.kind == "warning" for p in blocking)
    demo_db.close()
    out = run_cli("preissue", reference, "--db", str(demo_db.path))
    assert "warning  language: the report is in German" in out.stdout
    assert out.returncode == (1 if blocking else 0)  # only blocking problems count


def test_matching_language_gives_no_warning(demo_db):
    with demo_db.session() as s:
        reference = audits.summaries(s)[0].reference
    _write_findings(demo_db, reference, DE, "de")
    with demo_db.session() as s:
        from auditapp.reports.branding import set_branding

        set_branding(s, "organisation.name", "Northbridge Clinical QA")
        assert preissue.warnings(s, audits.get_audit(s, reference)) == []


def test_export_dialog_and_panel_show_the_warning(qtbot, demo_db):
    from auditapp.ui.export_dialog import ExportDialog
    from auditapp.ui.preissue_panel import PreissuePanel
    from auditapp.ui.tasks import TaskRunner

    with demo_db.session() as s:
        reference = audits.summaries(s)[0].reference
    _write_findings(demo_db, reference, EN, "en")
    dialog = ExportDialog(
        demo_db, reference, version=1, language="en", paper="a4", sections=[], tasks=TaskRunner()
    )
    qtbot.addWidget(dialog)
    assert dialog.language_warning.isHidden()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    assert not dialog.language_warning.isHidden()
    assert "looks English" in dialog.language_warning.text()
    with demo_db.session() as s:
        audit = audits.get_audit(s, reference)
        audit.language = "de"
        listed = preissue.warnings(s, audit)
    panel = PreissuePanel(reference, lambda: listed)
    qtbot.addWidget(panel)
    assert panel.model.item(0, 0).text() == "Warnings, not blocking (1)"
    assert panel.summary.text() == "Nothing blocks issuing the report."
