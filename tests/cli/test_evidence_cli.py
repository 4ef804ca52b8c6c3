from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from auditapp.core import audits, findings
from tests import evidence_files as ef
from tests.audit_factory import mini_checklist
from tests.conftest import make_user, run_as, run_cli

DATA = Path(__file__).parents[1] / "data"
REF = "AUD-2026-001"


@pytest.fixture
def dbfile(db) -> str:
    make_user(db, "anna", role="auditor")
    checklist = mini_checklist()
    with db.session(actor="anna") as s:
        audit = audits.create_audit(
            s,
            title="CLI evidence",
            audit_type="vendor_qualification",
            checklist=checklist,
            reference=REF,
        )
        findings.add_finding(
            s, audit, title="Archive unlocked", classification="minor", observation="Door open."
        )
    return str(db.path)


def test_add_list_export_round_trip_is_byte_identical(dbfile, tmp_path):
    photo = ef.write(tmp_path, "archive room.jpg", ef.jpeg_bytes(orientation=6))
    scan = ef.write(tmp_path, "log.pdf", ef.pdf_bytes())

    added = run_as(
        "anna",
        "--db",
        dbfile,
        "evidence",
        "add",
        REF,
        str(photo),
        str(scan),
        "--caption",
        "Archivraum 2",
        "--finding",
        "F-01",
    )
    assert added.returncode == 0, added.stderr
    assert added.stderr == ""
    assert "imported 2, refused 0" in added.stdout

    listed = run_cli("--db", dbfile, "evidence", "list", REF, "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [
        (r["number"], r["file_name"], r["size"], r["sha256"], r["caption"], r["links"])
        for r in rows
    ] == [
        (
            "E-001",
            "archive room.jpg",
            photo.stat().st_size,
            hashlib.sha256(photo.read_bytes()).hexdigest(),
            "Archivraum 2",
            ["F-01"],
        ),
        (
            "E-002",
            "log.pdf",
            scan.stat().st_size,
            hashlib.sha256(scan.read_bytes()).hexdigest(),
            "Archivraum 2",
            ["F-01"],
        ),
    ]
    assert (
        rows[0]["media_type"] == "image/jpeg"
        and rows[0]["captured_at"] == "2026-11-16T09:15:30+00:00"
    )

    out = tmp_path / "exported.jpg"
    exported = run_cli("--db", dbfile, "evidence", "export", REF, "E-001", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes() == photo.read_bytes()

    plain = run_cli("--db", dbfile, "evidence", "list", REF)
    assert "E-002" in plain.stdout and "log.pdf" in plain.stdout and "[F-01]" in plain.stdout

    verified = run_cli("--db", dbfile, "evidence", "verify", REF)
    assert verified.returncode == 0 and "all 2 originals match" in verified.stdout


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("notes.jpg", b"just text\n" * 50, "not a supported type"),
        ("empty.png", b"", "empty file"),
        ("bomb.png", ef.png_header_only(10_000, 10_000), "decompression bomb"),
    ],
)
def test_bad_file_in_a_batch_is_one_error_line_and_the_good_ones_are_imported(
    dbfile, tmp_path, name, data, reason
):
    good = ef.write(tmp_path, "good.jpg", ef.jpeg_bytes())
    bad = ef.write(tmp_path, name, data)

    result = run_as("anna", "--db", dbfile, "evidence", "add", REF, str(good), str(bad))

    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {name}: ") and reason in line
    assert "imported 1, refused 1" in result.stdout
    rows = json.loads(run_cli("--db", dbfile, "evidence", "list", REF, "--json").stdout)
    assert [r["file_name"] for r in rows] == ["good.jpg"]


def test_usage_errors_are_one_line(dbfile, tmp_path):
    photo = ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())
    unknown = run_as("anna", "--db", dbfile, "evidence", "add", "AUD-2026-099", str(photo))
    assert (
        unknown.returncode == 2
        and unknown.stderr.strip() == "error: no audit with reference 'AUD-2026-099'"
    )
    no_finding = run_as(
        "anna", "--db", dbfile, "evidence", "add", REF, str(photo), "--finding", "F-07"
    )
    assert no_finding.returncode == 2 and "has no finding F-07" in no_finding.stderr
    assert json.loads(run_cli("--db", dbfile, "evidence", "list", REF, "--json").stdout) == []
    no_reason = run_as("anna", "--db", dbfile, "evidence", "remove", REF, "E-001", "--reason", " ")
    assert no_reason.returncode == 2 and no_reason.stderr.startswith("error: ")


def test_remove_keeps_the_original_and_hides_the_item(dbfile, tmp_path):
    photo = ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())
    assert run_as("anna", "--db", dbfile, "evidence", "add", REF, str(photo)).returncode == 0
    removed = run_as(
        "anna", "--db", dbfile, "evidence", "remove", REF, "E-001", "--reason", "wrong audit"
    )
    assert removed.returncode == 0, removed.stderr
    assert json.loads(run_cli("--db", dbfile, "evidence", "list", REF, "--json").stdout) == []
    rows = json.loads(
        run_cli("--db", dbfile, "evidence", "list", REF, "--json", "--removed").stdout
    )
    assert rows[0]["removed"] is True
    out = tmp_path / "back.jpg"
    assert (
        run_cli("--db", dbfile, "evidence", "export", REF, "E-001", "-o", str(out)).returncode == 0
    )
    assert out.read_bytes() == photo.read_bytes()
    assert run_cli("--db", dbfile, "trail", "verify").returncode == 0
