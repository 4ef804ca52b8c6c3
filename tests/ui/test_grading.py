"""Grading schemes: EMA with Comments and its escalation remarks, MHRA with its own definitions,
and the escalation rules shown in the finding form where the auditor grades."""

from __future__ import annotations

from auditapp.core import findings, settings
from auditapp.core.models import Classification


def _by_code(scheme):
    return {g.classification: g for g in scheme}


def test_ema_has_four_grades_ending_with_comments_and_states_the_escalation_rules():
    ema = _by_code(findings.EMA_SCHEME)
    assert [g.label["en"] for g in findings.EMA_SCHEME] == [
        "Critical",
        "Major",
        "Minor",
        "Comments",
    ]
    assert "fraud" in ema[Classification.CRITICAL].definition["en"]
    assert "pattern of major findings" in ema[Classification.CRITICAL].definition["en"]
    assert "numerous minor findings" in ema[Classification.MAJOR].definition["en"]
    assert "major finding" in ema[Classification.MINOR].definition["en"]
    assert ema[Classification.RECOMMENDATION].default_capa_days is None


def test_mhra_uses_its_own_definitions_not_the_ema_text():
    ema, mhra = _by_code(findings.EMA_SCHEME), _by_code(findings.MHRA_SCHEME)
    assert list(mhra) == [Classification.CRITICAL, Classification.MAJOR, Classification.OTHER]
    for code in (Classification.CRITICAL, Classification.MAJOR):
        assert mhra[code].definition["en"] != ema[code].definition["en"]
        assert "unjustified departure from the legislation" in mhra[code].definition["en"]
    assert "systematic quality assurance failure" in mhra[Classification.MAJOR].definition["en"]


def test_major_is_wesentlich_in_german_never_schwerwiegend():
    for grade in findings.EMA_SCHEME + findings.MHRA_SCHEME:
        assert "schwerwiegend" not in grade.label["de"].lower()
        assert "schwerwiegend" not in grade.definition["de"].lower()
    assert _by_code(findings.EMA_SCHEME)[Classification.MAJOR].label["de"] == "Wesentlich"


def test_grade_lookup_follows_the_scheme_in_use(db):
    with db.session() as s:
        assert "fraud" in findings.grade(s, "critical").definition["en"]
        settings.set_grading_scheme(s, "mhra")
        assert "unjustified departure" in findings.grade(s, "critical").definition["en"]
        assert findings.escalation_rules(findings.scheme(s), "en")[0].startswith("Several major")


def test_finding_form_shows_the_escalation_rules_of_the_scheme(qtbot):
    from auditapp.ui.finding_form import FindingForm

    ema = FindingForm(
        findings.EMA_SCHEME, language="en", area_ids=["ORG"], question_ids=[], inline=False
    )
    qtbot.addWidget(ema)
    text = ema.escalation_rules.text()
    assert "pattern of major findings can be critical" in text
    assert "minor findings can add up to a major" in text
    assert "Fraud, data manipulation and missing source documents are critical" in text
    mhra = FindingForm(
        findings.MHRA_SCHEME, language="de", area_ids=["ORG"], question_ids=[], inline=False
    )
    qtbot.addWidget(mhra)
    assert "systematisches QS-Versagen" in mhra.escalation_rules.text()
    assert "Muster wesentlicher" not in mhra.escalation_rules.text()


def test_settings_dialog_names_the_ema_comments_grade(qtbot):
    from auditapp.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog("ema", {}, submit=lambda scheme, days: None, language="en")
    qtbot.addWidget(dialog)
    assert "comments" in dialog.ema.text() and "recommendation" not in dialog.ema.text()
    assert "other" in dialog.mhra.text()
