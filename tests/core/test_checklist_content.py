"""Checklist 1.1 content: citations against the clause catalogue and its topic table, scorable
wording, both E6 editions cited, the corrections from issue 15 and audits pinned to 1.0."""

from __future__ import annotations

import re

import pytest
import yaml

from auditapp import paths
from auditapp.core import checklists, references

CHECKLIST = paths.checklists_dir() / "cro-gcp-audit.yaml"
ARCHIVED_1_0 = paths.checklists_dir() / "archive" / "cro-gcp-audit-1.0.yaml"
NOT_SCORABLE_EN = ("How", "Who", "What", "Which", "Why", "Describe", "Explain", "List")
NOT_SCORABLE_DE = ("Wie", "Wer", "Was", "Welche", "Welcher", "Welches", "Warum", "Beschreiben")


@pytest.fixture(scope="module")
def checklist() -> checklists.Checklist:
    """The shipped checklist as the application parsed it (once per run: ``checklists.shipped``;
    tests/core/test_checklists.py parses and validates the file itself)."""
    return next(c for c in checklists.shipped() if c.source == str(CHECKLIST))


def test_version_is_1_1_with_at_least_220_questions(checklist):
    assert checklist.version == "1.1"
    changelog = checklist.content["changelog"]
    assert [entry["version"] for entry in changelog] == ["1.0", "1.1"]
    assert "docs/checklists.md" in changelog[-1]["changes"]["en"]
    assert len(checklist.questions) >= 220
    assert len({q.id for q in checklist.questions}) == len(checklist.questions)


def test_every_citation_resolves_and_the_question_names_a_topic_of_the_clause(checklist):
    """The topic table in references.yaml: each cited clause's words must appear in the question."""
    problems = []
    for q in checklist.questions:
        haystack = f"{q.text['en']} {q.guidance['en']}"
        for ref in q.references:
            try:
                words = references.topics(ref)
            except ValueError as exc:
                problems.append(f"{q.id}: {exc}")
                continue
            if not words:
                problems.append(f"{q.id}: {ref} has no topic words in the catalogue")
            elif not references.mentions_topic(words, haystack):
                problems.append(f"{q.id}: cites {ref} but mentions none of {words}")
    assert problems == []


def test_topic_matching_is_by_word_beginning_and_short_words_are_whole_words():
    assert references.mentions_topic(("validat",), "Is the system validated?")
    assert not references.mentions_topic(("validat",), "Is the data invalidated?")
    assert references.mentions_topic(("imp",), "Are IMPs released?")
    assert not references.mentions_topic(("imp",), "Is it important?")


def test_questions_are_scorable_yes_no(checklist):
    bad = []
    for q in checklist.questions:
        en, de = q.text["en"].strip(), q.text["de"].strip()
        if en.split()[0] in NOT_SCORABLE_EN or de.split()[0] in NOT_SCORABLE_DE:
            bad.append(q.id)
        if not (en.endswith("?") and de.endswith("?")):
            bad.append(q.id)
    assert bad == []


def test_r2_and_r3_are_both_cited_where_both_have_a_clause(checklist):
    missing = []
    for q in checklist.questions:
        r2 = [r for r in q.references if r.startswith("ICH E6(R2)")]
        r3 = [r for r in q.references if r.startswith("ICH E6(R3)")]
        if r2 and not r3:
            missing.append(f"{q.id}: R2 without R3")
        if r3 and not r2 and not all(references.new_in_r3(r) for r in r3):
            missing.append(f"{q.id}: R3 {r3} without R2")
    assert missing == []
    both = [
        q
        for q in checklist.questions
        if any("E6(R2)" in r for r in q.references) and any("E6(R3)" in r for r in q.references)
    ]
    assert len(both) >= 0.75 * len(checklist.questions)


def test_catalogue_has_r3_3_16_1_a_to_x_and_the_added_regulations():
    letters = "abcdefghijklmnopqrstuvwx"
    for letter in letters:
        ref, title = references.resolve(f"ICH E6(R3) 3.16.1({letter})")
        assert ref.item == letter and ":" in title
    with pytest.raises(ValueError):
        references.resolve("ICH E6(R3) 3.16.1(y)")
    for ok in [
        "21 CFR 312.32(c)",
        "21 CFR 312.50",
        "21 CFR 312.52",
        "UK SI 2004/1031 reg 29A",
        "GDPR Art. 30",
        "GDPR Art. 33",
        "GDPR Art. 35",
        "GDPR Art. 37",
        "GDPR Art. 38",
        "GDPR Art. 39",
        "GDPR Art. 44",
        "GDPR Art. 45",
        "GDPR Art. 46",
        "EU CTR Art. 37",
        "EU CTR Art. 52",
        "EU CTR Art. 57",
        "EU CTR Art. 58",
        "ICH E2A",
        "ICH E2F",
        "ICH E9(R1)",
        "ICH E6(R3) Annex 2",
        "ICH E6(R2) 5.13.4",
    ]:
        references.resolve(ok)
    assert "21 CFR 312.52" in references.all_clauses()
    assert "ICH E9(R1)" in references.all_clauses()


def _citing(checklist, ref):
    return [q for q in checklist.questions if ref in q.references]


def test_misapplied_citations_of_1_0_are_gone(checklist):
    # The audit certificate is not internal-audit CAPA tracking.
    assert [q.id for q in _citing(checklist, "ICH E6(R3) 3.11.2.2(e)")] == ["MW-09"]
    # The investigator's randomisation and unblinding clause is not the CRO's control.
    for ref in ("ICH E6(R2) 4.7", "ICH E6(R3) 2.11"):
        assert _citing(checklist, ref) == []
    # System release per site after approvals is not validation.
    for q in _citing(checklist, "ICH E6(R3) 4.3.5"):
        assert "approval" in q.text["en"]
    # Record access to investigators' source records is not TMF access; Art. 57 is.
    for ref in ("ICH E6(R2) 5.15", "ICH E6(R3) 3.16.4", "EU CTR Art. 58"):
        assert checklist.question("TMF-08").id not in {q.id for q in _citing(checklist, ref)}
    assert "EU CTR Art. 57" in checklist.question("TMF-08").references
    # DPO and DPIA, third-country transfers.
    assert {"GDPR Art. 35", "GDPR Art. 37"} <= set(checklist.question("DPR-03").references)
    assert "GDPR Art. 32" not in checklist.question("DPR-03").references
    assert set(checklist.question("DPR-10").references) == {
        "GDPR Art. 44",
        "GDPR Art. 45",
        "GDPR Art. 46",
    }
    # Exact clauses for staffing, premises and supplier qualification.
    assert _citing(checklist, "ICH E6(R2) 5.2.1") == []
    assert "ICH E6(R3) 4.3.7" not in checklist.question("CSV-06").references


def test_saf_06_sends_susars_to_authorities_and_saf_13_covers_investigators(checklist):
    saf06 = checklist.question("SAF-06")
    assert "EudraVigilance" in saf06.text["en"]
    assert "investigator" not in saf06.text["en"].lower()
    assert "ethics" not in saf06.text["en"].lower()
    assert "line listings" in checklist.question("SAF-13").text["en"]


def test_data_protection_area_is_dpr_not_gdp(checklist):
    ids = {a.id for a in checklist.areas}
    assert "DPR" in ids and "GDP" not in ids
    assert all(not q.id.startswith("GDP-") for q in checklist.questions)


def test_new_topics_are_covered(checklist):
    text = " ".join(f"{q.text['en']} {q.guidance['en']}" for q in checklist.questions).lower()
    for topic in [
        "key performance indicators",
        "recomputed",
        "escalation plan",
        "idmc",
        "closed-session",
        "feasibility",
        "electronic health records",
        "close-out",
        "ctis",
        "substantial modification",
        "fraud",
        "econsent",
        "re-consent",
        "chain of custody",
        "qualified person",
        "recall",
        "ind safety report",
        "transfer of obligations",
        "decentralised",
    ]:
        assert topic in text, topic


def test_shipped_library_offers_1_1_and_the_archived_1_0_still_validates():
    shipped = {c.id: c for c in checklists.shipped()}
    assert shipped["cro-gcp-audit"].version == "1.1"
    old = checklists.load_file(ARCHIVED_1_0)
    assert old.version == "1.0" and "GDP" in {a.id for a in old.areas}


def test_audit_pinned_to_1_0_keeps_its_snapshot_and_old_question_ids(db):
    from auditapp.core import audits

    old = checklists.load_file(ARCHIVED_1_0)
    with db.session() as s:
        audit = audits.create_audit(s, title="Pinned", audit_type="routine_system", checklist=old)
        reference = audit.reference
        audits.set_response(s, audit, "GDP-03", result="compliant", notes="DPO named")
    with db.session() as s:
        assert checklists.get(s, "cro-gcp-audit").version == "1.1"
        audit = audits.get_audit(s, reference)
        snap = audits.audit_checklist(audit)
        pinned = old.tailored(audit_type="routine_system", area_ids=None)
        assert snap.version == "1.0" and audit.snapshot.sha256 == pinned.sha256 == snap.sha256
        assert snap.question("GDP-03").references == (
            "GDPR Art. 32",
            "ICH E6(R2) 2.11",
            "ICH E6(R3) Principle 1.6",
        )
        assert snap.area_of("GDP-03").id == "GDP"


def test_change_log_lists_every_renamed_or_new_question():
    doc = (paths.checklists_dir().parent / "docs" / "checklists.md").read_text(encoding="utf-8")
    old = yaml.safe_load(ARCHIVED_1_0.read_text(encoding="utf-8"))
    new = yaml.safe_load(CHECKLIST.read_text(encoding="utf-8"))

    def ids(doc_: dict) -> set[str]:
        return {q["id"] for a in doc_["areas"] for s in a["sections"] for q in s["questions"]}

    # Named one by one (DPR-03) or in a range (GOV-01 – GOV-07, DPR-01 to DPR-10).
    named = set(re.findall(r"\b[A-Z]{3}-\d\d\b", doc))
    for prefix, first, last in re.findall(r"\b([A-Z]{3})-(\d\d)\s*(?:–|-|to)\s*\1-(\d\d)\b", doc):
        named |= {f"{prefix}-{n:02d}" for n in range(int(first), int(last) + 1)}
    assert sorted(ids(new) - ids(old) - named) == []
    assert "GDP" in doc and "DPR" in doc
