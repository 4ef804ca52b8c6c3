"""Checklist files: shipped content, validation errors with file/line/field, versions, Excel."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from auditapp import paths
from auditapp.core import checklists, references
from auditapp.core.checklist_excel import write_workbook
from auditapp.errors import Refused
from tests.conftest import DATA, run_cli

MINI = DATA / "mini-checklist.yaml"
SHIPPED = sorted(p for p in paths.checklists_dir().glob("*.yaml") if p.name != "references.yaml")


def _shipped(name: str = "cro-gcp-audit.yaml") -> checklists.Checklist:
    """A shipped checklist as the application parsed it (``checklists.shipped``, once per run);
    parsing and validating each file is tested on its own below."""
    return next(c for c in checklists.shipped() if Path(c.source).name == name)


REQUIRED_AREAS = {
    "ORG",
    "TRN",
    "SOP",
    "QMS",
    "VEN",
    "CSV",
    "DM",
    "MON",
    "SAF",
    "TMF",
    "IMP",
    "STA",
    "MW",
    "ARC",
    "BCI",
    "DPR",
    "FAC",
    "GOV",
    "SIT",
    "REG",
    "ICF",
    "SMP",
    "DCT",
}


def _mutate(tmp_path: Path, old: str, new: str) -> Path:
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_shipped_checklist_validates(path):
    checklist = checklists.load_file(path)
    assert checklist.questions


def test_shipped_library_covers_the_areas_with_enough_questions():
    checklist = _shipped()
    assert {a.id for a in checklist.areas} >= REQUIRED_AREAS
    for area in checklist.areas:
        assert 5 <= len(area.questions) <= 16, area.id
    assert len(checklist.questions) >= 220
    for q in checklist.questions:
        for lang in ("en", "de"):
            assert q.text[lang].strip() and q.guidance[lang].strip()
        assert q.text["de"] != q.text["en"]


def test_every_cited_clause_exists_in_the_r2_and_r3_section_lists():
    cited = {ref for p in SHIPPED for q in _shipped(p.name).questions for ref in q.references}
    assert any(r.startswith("ICH E6(R2)") for r in cited)
    assert any(r.startswith("ICH E6(R3)") for r in cited)
    unresolved = []
    for ref in sorted(cited):
        try:
            references.resolve(ref)
        except ValueError as exc:
            unresolved.append(str(exc))
    assert unresolved == []


def test_questions_cite_both_editions_where_both_exist():
    checklist = _shipped()
    both = [
        q
        for q in checklist.questions
        if any(r.startswith("ICH E6(R2)") for r in q.references)
        and any(r.startswith("ICH E6(R3)") for r in q.references)
    ]
    assert len(both) >= 0.7 * len(checklist.questions)


def test_catalogue_matches_the_reference_section_lists():
    """Spot checks against shared/domain/gcp-reference.md: these exist, these do not."""
    for ok in [
        "ICH E6(R2) 5.2.2",
        "ICH E6(R2) 5.19.3(e)",
        "ICH E6(R2) 5.0.4",
        "ICH E6(R3) 3.6.9",
        "ICH E6(R3) 3.11.2.2(e)",
        "ICH E6(R3) Principle 10",
        "ICH E6(R3) Appendix C.2",
        "21 CFR 11.10(e)",
        "EU GMP Annex 11 §9",
        "EU CTR Art. 52",
    ]:
        references.resolve(ok)
    for bad in [
        "ICH E6(R3) 5.2.1",
        "ICH E6(R3) 5.18.3",
        "ICH E6(R2) 9.1",
        "EU GMP Annex 11 §18",
        "ICH E6(R3) Principle 12",
        "21 CFR 11.10(z)",
    ]:
        with pytest.raises(ValueError):
            references.resolve(bad)


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ("id: ORG-02", "id: ORG-01", 19, "areas[0].sections[0].questions[1].id", "duplicate id"),
        (
            '"ICH E6(R2) 5.19.2(a)"',
            '"E6 R2 section 5.19.2"',
            22,
            "areas[0].sections[0].questions[1].references[0]",
            "unknown reference form",
        ),
        (
            '"ICH E6(R3) 3.2"',
            '"ICH E6(R3) 3.99"',
            17,
            "areas[0].sections[0].questions[0].references[1]",
            "no clause 3.99",
        ),
        (
            ', de: "Ist die QS unabhängig?"',
            "",
            20,
            "areas[0].sections[0].questions[1].text",
            "missing translation 'de'",
        ),
        (
            "audit_types: [study_specific, for_cause]",
            "audit_types: study_specific",
            34,
            "areas[1].sections[0].questions[0].audit_types",
            "not of type 'array'",
        ),
        ('version: "1.0"', "version: 1.0", 3, "version", "not of type 'string'"),
        ("  - id: CSV\n", "  - id: CSV\n    colour: red\n", 24, "areas[1]", "unexpected field"),
    ],
)
def test_malformed_files_name_file_line_and_field(tmp_path, old, new, line, field, message):
    path = _mutate(tmp_path, old, new)
    with pytest.raises(checklists.ChecklistError) as info:
        checklists.load_file(path)
    text = str(info.value)
    assert text.startswith(f"{path}:{line}: {field}: "), text
    assert message in text


def test_bad_yaml_names_the_line(tmp_path):
    path = _mutate(
        tmp_path, "title: {en: Structure, de: Aufbau}", "title: {en: Structure, de: [Aufbau}"
    )
    with pytest.raises(
        checklists.ChecklistError, match=rf"^{re.escape(str(path))}:\d+: YAML syntax"
    ):
        checklists.load_file(path)


@pytest.mark.parametrize(
    "content", [b"", b"\xff\xfe\x00bad", b"- just\n- a list\n", b"a: [" * 5000]
)
def test_garbage_files_are_refused_cleanly(tmp_path, content):
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    with pytest.raises(checklists.ChecklistError):
        checklists.load_file(path)


def test_cli_validate_and_import_refuse_bad_files_and_leave_the_database(tmp_path):
    database = tmp_path / "a.sqlite"
    bad = _mutate(tmp_path, "id: ORG-02", "id: ORG-01")
    result = run_cli("--db", str(database), "checklist", "validate", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert run_cli("--db", str(database), "checklist", "import", str(bad)).returncode == 2
    assert "mini-test" not in run_cli("--db", str(database), "checklist", "list").stdout


def test_same_id_imports_only_with_a_higher_version(db, tmp_path):
    mini = checklists.load_file(MINI)
    with db.session() as s:
        checklists.import_checklist(s, mini)
    with pytest.raises(Refused, match="not newer"), db.session() as s:
        checklists.import_checklist(s, mini)
    newer = _mutate(tmp_path, 'version: "1.0"', 'version: "1.10"')
    with db.session() as s:
        checklists.import_checklist(s, checklists.load_file(newer))
        assert checklists.get(s, "mini-test").version == "1.10"


def test_audit_keeps_its_snapshot_when_a_newer_version_arrives(db, tmp_path):
    from auditapp.core import audits

    with db.session() as s:
        checklists.import_checklist(s, checklists.load_file(MINI))
        audit = audits.create_audit(
            s, title="A", audit_type="routine_system", checklist=checklists.get(s, "mini-test")
        )
        reference, original = audit.reference, audit.snapshot.sha256
    changed = (
        MINI.read_text(encoding="utf-8")
        .replace('version: "1.0"', 'version: "2.0"')
        .replace("Is QA independent?", "Is QA organisationally independent?")
    )
    path = tmp_path / "v2.yaml"
    path.write_text(changed, encoding="utf-8")
    with db.session() as s:
        checklists.import_checklist(s, checklists.load_file(path))
    with db.session() as s:
        audit = audits.get_audit(s, reference)
        snap = audits.audit_checklist(audit)
        assert audit.snapshot.sha256 == original == snap.sha256
        assert snap.question("ORG-02").text["en"] == "Is QA independent?"


def test_tailoring_keeps_areas_in_scope_and_questions_for_the_audit_type():
    mini = checklists.load_file(MINI)
    tailored = mini.tailored(audit_type="vendor_qualification", area_ids=["ORG"])
    assert [q.id for q in tailored.questions] == ["ORG-01", "ORG-02"]
    tailored = mini.tailored(audit_type="for_cause", area_ids=None)
    assert [q.id for q in tailored.questions] == ["ORG-02", "CSV-01"]


def test_excel_round_trip_and_excel_errors_name_the_row(tmp_path):
    mini = checklists.load_file(MINI)
    path = write_workbook(mini, tmp_path / "mini.xlsx")
    again = checklists.load_file(path)
    assert again.content == json.loads(json.dumps(mini.content))
    assert again.sha256 == mini.sha256

    import openpyxl

    book = openpyxl.load_workbook(path)
    book["Questions"]["L3"] = "ICH E6 R2 five point two"
    book.save(path)
    with pytest.raises(
        checklists.ChecklistError, match=r"row:3: .*references\[0\]: unknown reference form"
    ):
        checklists.load_file(path)


def test_excel_export_of_shipped_checklist_via_cli(tmp_path):
    out = tmp_path / "review.xlsx"
    result = run_cli(
        "--db", str(tmp_path / "a.sqlite"), "checklist", "export", "cro-gcp-audit", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert checklists.load_file(out).id == "cro-gcp-audit"


def test_schema_file_is_valid_json_schema():
    import jsonschema

    schema = json.loads((paths.checklists_dir() / "checklist.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(yaml.safe_load(MINI.read_text(encoding="utf-8")), schema)
