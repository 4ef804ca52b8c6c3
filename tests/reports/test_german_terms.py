"""German an auditor writes: one term per concept in the checklist, the report and the sign-off;
"Prüfer" keeps its GCP meaning (investigator); Major is "wesentlich"; "die CRO"."""

from __future__ import annotations

import re

import pytest

from auditapp import paths
from auditapp.core import checklists, findings, references
from auditapp.reports import wording, wording_signoff

# Terms a German GCP auditor does not use for the concept (the preferred term in the comment).
FORBIDDEN_IN_CHECKLIST = {
    r"\bBefund": "Feststellung",
    r"Safety-Datenbank|Safety-Database|Pharmakovigilanzdatenbank": "Sicherheitsdatenbank",
    r"Audit Trail|Prüfpfad": "Audit-Trail",
    r"Datenbankschließung|Datenbank-Lock|Database Lock|Lock-Checkliste": "Datenbanksperre",
    r"Root Cause|Fehlerursache|Hauptursache": "Grundursache / Ursachenanalyse",
    r"\bFindings?\b": "Feststellung",
    # "Prüfer" is the investigator; a document's reviewer is "Prüfende"
    r"Autoren, Prüfern|Prüfer, Freigebend": "Verfassende, Prüfende, Freigebende",
    # the CRO is feminine (die Organisation): no masculine articles or pronouns
    r"\b(des|dem|den) CROs?\b": "der/die CRO",
    r"\b(Kann|Hat|Verfügt|Führt|Prüft|Gewährt|Fordert|Sofern|leitet|stellt|verhindert|kann) der CRO\b": "die CRO",
}
# An English term in a question's text or guidance needs its one German term in the same field.
CONSISTENCY_PAIRS = {
    "database lock": r"Datenbanksperre",
    "safety database": r"Sicherheitsdatenbank",
    "audit trail": r"Audit-Trail",
    "finding": r"[Ff]eststellung",
    "root cause": r"Grundursache|Ursachenanalyse",
    "serious breach": r"schwerwiegende[nr]? Verst[oö]",
}


@pytest.fixture(scope="module")
def checklist() -> checklists.Checklist:
    """The shipped checklist as the application parsed it (once per run)."""
    shipped = paths.checklists_dir() / "cro-gcp-audit.yaml"
    return next(c for c in checklists.shipped() if c.source == str(shipped))


def _fields(checklist):
    for q in checklist.questions:
        for field in ("text", "guidance"):
            yield q.id, field, getattr(q, field)


def test_checklist_german_avoids_the_forbidden_terms(checklist):
    hits = [
        f"{qid} {field}: {pattern} (use {preferred})"
        for qid, field, text in _fields(checklist)
        for pattern, preferred in FORBIDDEN_IN_CHECKLIST.items()
        if re.search(pattern, text["de"])
    ]
    assert hits == []


def test_checklist_uses_one_german_term_per_english_term(checklist):
    misses = [
        f"{qid} {field}: '{en}' without {de}"
        for qid, field, text in _fields(checklist)
        for en, de in CONSISTENCY_PAIRS.items()
        if en in text["en"].lower() and not re.search(de, text["de"])
    ]
    assert misses == []


def test_checklist_guidance_has_one_style_addressing_the_auditor(checklist):
    """German guidance speaks to the auditor ("Fordern Sie ... an"), never in bare infinitives."""
    infinitive_only = [
        q.id for q in checklist.questions if not re.search(r"\bSie\b", q.guidance["de"])
    ]
    assert infinitive_only == []


def test_schwerwiegend_is_kept_for_serious_breaches_and_serious_adverse_events(checklist):
    """German GCP reserves 'schwerwiegend' for SAE/SUE and serious breach; other uses blur it."""
    other = [
        f"{qid}: {m.group(0)}"
        for qid, _, text in _fields(checklist)
        for m in re.finditer(r"schwerwiegende?[nrs]?\s+(\w+)", text["de"])
        if not m.group(1).startswith(("Verst", "unerwünscht", "Ereignis"))
    ]
    assert other == []


def test_checklist_says_die_cro(checklist):
    german = " ".join(text["de"] for _, _, text in _fields(checklist))
    assert german.count("die CRO") > 40


def test_reviewer_role_is_never_called_pruefer():
    """In German GCP 'Prüfer' is the investigator; the QA reviewer is a different role."""
    texts = [
        wording.t("userrole_reviewer", "de"),
        wording.t("sig_reviewer", "de"),
        wording_signoff.MEANING_TEXT["de"]["reviewer"],
        wording_signoff.MEANING_LABEL["de"]["reviewer"],
    ]
    for text in texts:
        assert not re.search(r"\bPrüfer", text), text
    # The role is named once, in plain words, on the signature page and in the stamp.
    assert wording.t("userrole_reviewer", "de") == "Prüfende Person der QS"


def test_report_wording_avoids_the_forbidden_terms():
    """Other helpers edit wording.py too: this keeps the German report terms in line."""
    forbidden = (
        r"\bBefund|\bPrüfer\b|schwerwiegend|Audit Trail|Prüfpfad|Safety-Datenbank|"
        r"\b(des|dem|den) CROs?\b|Principle \d"
    )
    # "schwerwiegend" belongs to serious breaches (EU CTR Art. 52) and SAEs only.
    allowed = r"schwerwiegende[rn]? Verst[oö]ß|schwerwiegende[sn]? unerwünschte"
    hits = [
        f"{key}: {german}"
        for key, (_, german) in wording.WORDING.items()
        if re.search(forbidden, re.sub(allowed, "", german))
    ]
    assert hits == []


def test_major_is_wesentlich_in_grades_and_report_wording():
    for grade in findings.EMA_SCHEME + findings.MHRA_SCHEME:
        if grade.classification.value == "major":
            assert grade.label["de"] == "Wesentlich"
        assert "schwerwiegend" not in (grade.label["de"] + grade.definition["de"]).lower()
    assert "wesentlichen Feststellungen" in wording.t("no_key_risks", "de")
    assert "schwerwiegend" not in wording.t("no_key_risks", "de")


def test_german_reference_labels():
    assert references.label("ICH E6(R3) Principle 6", "de") == "ICH E6(R3) Grundsatz 6"
    assert references.label("ICH E6(R3) Appendix C.2", "de") == "ICH E6(R3) Anhang C.2"
    assert references.label("GDPR Art. 28", "de") == "DSGVO Art. 28"
    assert references.label("EU GMP Annex 11 §9", "de") == "EU-GMP-Leitfaden Anhang 11 §9"
    assert references.label("ICH E6(R3) Principle 6", "en") == "ICH E6(R3) Principle 6"
    assert references.label("ICH E6(R2) 5.2.2", "de") == "ICH E6(R2) 5.2.2"


def test_german_report_prints_grundsatz_for_a_principle(db):
    from auditapp.core import audits
    from auditapp.reports import build_findings

    mini = checklists.load_file(
        paths.checklists_dir().parent / "tests" / "data" / "mini-checklist.yaml"
    )
    with db.session() as s:
        audit = audits.create_audit(
            s, title="A", audit_type="routine_system", checklist=mini, language="de"
        )
        findings.add_finding(
            s,
            audit,
            title="Keine Risikobewertung",
            classification="minor",
            references=["ICH E6(R3) Principle 6", "GDPR Art. 28"],
        )
        item = build_findings.collect(s, audit, language="de", include_confidential=True).findings[
            0
        ]
        facts = dict(build_findings.finding_block(item, "de").facts)
        english = dict(build_findings.finding_block(item, "en").facts)
    refs = facts[wording.t("f_references", "de")]
    assert refs == "ICH E6(R3) Grundsatz 6; DSGVO Art. 28"
    assert english[wording.t("f_references", "en")] == "ICH E6(R3) Principle 6; GDPR Art. 28"
