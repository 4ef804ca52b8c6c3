"""Audit packages, format 2: faithful, signed, validated, optionally encrypted."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from auditapp.core import audits, package, package_schema, trail
from auditapp.core.db import open_database
from auditapp.core.demo import DEMO_PASSWORD
from auditapp.core.models import CarriedTrailEntry, ReportVersion
from tests import package_factory
from tests.conftest import DATA, run_cli

FIXTURES = sorted((DATA / "packages").glob("format-*.auditpkg"))
CURRENT = [f for f in FIXTURES if f.stem != "format-1"]


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    return package_factory.build_source(tmp_path_factory.mktemp("pkg-source"))


def _signer_of(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read("manifest.sig"))["certificate_sha256"]


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def _document(db, reference):
    with db.session() as s:
        return package_schema.audit_document(s, audits.get_audit(s, reference))


def test_a_format_1_package_is_refused_with_a_clear_reason(demo_template, tmp_path):
    """Format 1 was unsigned and imported rows unchecked: its fixture must now be refused."""
    target = tmp_path / "t.sqlite"
    shutil.copyfile(demo_template, target)
    before = _dump(target)
    result = run_cli(
        "import",
        str(DATA / "packages" / "format-1.auditpkg"),
        "--user",
        "demo.qa",
        "--password-stdin",
        "--db",
        str(target),
        stdin=DEMO_PASSWORD + "\n",
    )
    assert result.returncode == 1 and "format 1 package" in result.stderr
    assert result.stderr.count("\n") == 1 and _dump(target) == before


@pytest.mark.parametrize("fixture", CURRENT, ids=[f.stem for f in CURRENT])
def test_the_fixture_of_every_format_imports(fixture, demo_template, tmp_path):
    target = tmp_path / "t.sqlite"
    shutil.copyfile(demo_template, target)
    result = run_cli(
        "import",
        str(fixture),
        "--user",
        "demo.qa",
        "--password-stdin",
        "--accept-signer",
        _signer_of(fixture)[:16],
        "--db",
        str(target),
        stdin=DEMO_PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "signed by Erika Extern (ext.auditor)" in result.stdout
    assert "2 findings, 1 evidence items" in result.stdout
    assert run_cli("trail", "verify", "--db", str(target)).returncode == 0


def test_round_trip_is_faithful_and_carries_the_trail(source, tmp_path):
    path = tmp_path / "p.auditpkg"
    path.write_bytes(source.package)
    db = open_database(tmp_path / "t.sqlite")
    try:
        with db.session(actor="importer") as s:
            report = package.import_package(
                s, path, actor="importer", accept_signer=source.fingerprint
            )
        assert (report.signer_username, report.signer_known) == ("ext.auditor", False)
        members = source.members()
        original = json.loads(members["audit.json"])
        copied = _document(db, package_factory.REFERENCE)
        original["lead_auditor"] = copied["lead_auditor"] = None  # accounts do not travel
        assert copied == original
        carried = json.loads(members["trail.json"])
        with db.session() as s:
            rows = s.query(CarriedTrailEntry).order_by(CarriedTrailEntry.seq).all()
            assert [r.hash for r in rows] == [r["hash"] for r in carried]
            # Compact rows (format 3), each checkable on its own against the hash before it.
            assert all(r.changes is not None and r.field is None for r in rows)
            assert all(
                trail.entry_hash(
                    bytes.fromhex(r.prev_hash),
                    r.at,
                    r.user,
                    r.action,
                    r.entity,
                    r.entity_id,
                    r.changes,
                    r.reason,
                ).hex()
                == r.hash
                for r in rows
            )
            assert all(
                a.prev_hash == b.hash
                for a, b in zip(rows[1:], rows, strict=False)
                if a.seq == b.seq + 1
            )
            # The trail view shows the original history after the import's own rows.
            from auditapp.core.trail_query import audit_trail

            shown = audit_trail(s, audits.get_audit(s, package_factory.REFERENCE).id)
            before_import = [r for r in shown if "before import" in r.reason]
            assert before_import and before_import[0].user == "ext.auditor"
            assert any(r.user == "importer" for r in shown[: len(shown) - len(before_import)])
        with db.engine.connect() as connection:
            assert trail.verify(connection) == []
    finally:
        db.close()


def test_unknown_signer_is_refused_and_named(source, demo_template, tmp_path):
    path = tmp_path / "p.auditpkg"
    path.write_bytes(source.package)
    target = tmp_path / "t.sqlite"
    shutil.copyfile(demo_template, target)
    before = _dump(target)
    result = run_cli(
        "import",
        str(path),
        "--user",
        "demo.qa",
        "--password-stdin",
        "--db",
        str(target),
        stdin=DEMO_PASSWORD + "\n",
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Erika Extern (ext.auditor)" in result.stderr
    assert source.fingerprint in result.stderr
    assert _dump(target) == before


@pytest.mark.slow
def test_encrypted_package_round_trip_and_wrong_password(demo_template, tmp_path):
    source = tmp_path / "s.sqlite"
    shutil.copyfile(demo_template, source)
    pkg = tmp_path / "e.auditpkg"
    secret = "transfer-secret-2026"
    made = run_cli(
        "export",
        "AUD-2026-001",
        "-o",
        str(pkg),
        "--user",
        "demo.lead",
        "--password-stdin",
        "--encrypt",
        "--db",
        str(source),
        stdin=f"{DEMO_PASSWORD}\n{secret}\n",
    )
    assert made.returncode == 0, made.stderr
    raw = pkg.read_bytes()
    assert not raw.startswith(b"PK") and b"Northwind" not in raw
    target = tmp_path / "t.sqlite"
    run_cli(
        "user",
        "add",
        "imp",
        "--full-name",
        "Imp Orter",
        "--role",
        "auditor",
        "--password-stdin",
        "--db",
        str(target),
        stdin="imp-password-123\n",
    )
    before = _dump(target)
    args = (
        "import",
        str(pkg),
        "--user",
        "imp",
        "--password-stdin",
        "--accept-signer",
        made.stdout.split("certificate SHA-256 ")[1][:16],
        "--db",
        str(target),
    )
    wrong = run_cli(*args, stdin="imp-password-123\nnot-the-secret-1\n")
    assert wrong.returncode == 1 and "wrong transfer password" in wrong.stderr
    assert _dump(target) == before
    right = run_cli(*args, stdin=f"imp-password-123\n{secret}\n")
    assert right.returncode == 0, right.stderr
    assert "imported audit AUD-2026-001" in right.stdout


@pytest.mark.slow
def test_encrypted_database_exports_encrypted_unless_told(tmp_path):
    env = {"AUDITAPP_PASSPHRASE": "db-passphrase-1"}
    db = tmp_path / "enc.sqlite"
    assert run_cli("demo", "--encrypt", "--db", str(db), env=env).returncode == 0
    pkg = tmp_path / "p.auditpkg"
    base = (
        "export",
        "AUD-2026-001",
        "-o",
        str(pkg),
        "--user",
        "demo.lead",
        "--password-stdin",
        "--db",
        str(db),
    )
    asked = run_cli(*base, stdin=f"{DEMO_PASSWORD}\n", env=env)
    assert asked.returncode == 2 and "standard input is empty" in asked.stderr and not pkg.exists()
    short = run_cli(*base, stdin=f"{DEMO_PASSWORD}\nshort\n", env=env)
    assert short.returncode == 2 and "at least 12 characters" in short.stderr
    plain = run_cli(*base, "--plaintext", stdin=f"{DEMO_PASSWORD}\n", env=env)
    assert plain.returncode == 0 and "warning: writing a plaintext package" in plain.stderr
    assert pkg.read_bytes().startswith(b"PK")


@pytest.mark.slow
def test_signed_report_versions_travel_and_are_verified(demo_template, tmp_path):
    from auditapp.reports import signoff

    source_path = tmp_path / "s.sqlite"
    shutil.copyfile(demo_template, source_path)
    db = open_database(source_path)
    try:
        signed = signoff.sign_report(
            db, "AUD-2026-001", username="demo.lead", password=DEMO_PASSWORD, meaning="author"
        )
        with db.session(actor="demo.lead") as s:
            from auditapp.core import signing, users

            identity = signing.open_identity(users.find_user(s, "demo.lead"), DEMO_PASSWORD)
            pkg = tmp_path / "signed.auditpkg"
            package.export_audit(
                s,
                "AUD-2026-001",
                pkg,
                exporter=package.Exporter("demo.lead", "Dr. Anna Becker", identity),
            )
    finally:
        db.close()
    from auditapp.cli.package_commands import _check_report

    target = open_database(tmp_path / "t.sqlite")
    try:
        with target.session(actor="imp") as s:
            report = package.import_package(
                s, pkg, actor="imp", accept_signer=identity.fingerprint, check_report=_check_report
            )
        assert report.reports == 1 and any("signed file only" in w for w in report.warnings)
        with target.session() as s:
            audit = audits.get_audit(s, "AUD-2026-001")
            version = s.query(ReportVersion).filter_by(audit_id=audit.id).one()
            assert version.file_bytes == signed.pdf_bytes and audit.locked
    finally:
        target.close()

    # The same package with one byte of the signed PDF changed, manifest re-hashed and re-signed.
    src = package_factory.Source(pkg.read_bytes(), identity, identity.fingerprint)

    def flip(members):
        name = next(n for n in members if n.startswith("reports/"))
        data = bytearray(members.pop(name))
        at = data.index(b"/Contents <") + 400
        data[at] = ord("0") if data[at] != ord("0") else ord("1")
        import hashlib

        digest = hashlib.sha256(bytes(data)).hexdigest()
        members[f"reports/{digest}"] = bytes(data)
        doc = json.loads(members["audit.json"])
        doc["report_versions"][0]["sha256"] = digest
        members["audit.json"] = json.dumps(doc).encode()

    bad = tmp_path / "bad.auditpkg"
    bad.write_bytes(package_factory.forge(src, change_members=flip))
    target = open_database(tmp_path / "t2.sqlite")
    try:
        with (
            pytest.raises(package.PackageError, match="signed report does not verify"),
            target.session(actor="imp") as s,
        ):
            package.import_package(
                s, bad, actor="imp", accept_signer=identity.fingerprint, check_report=_check_report
            )
    finally:
        target.close()


def test_export_streams_members_and_names_the_format(source):
    with zipfile.ZipFile(io.BytesIO(source.package)) as z:
        manifest = json.loads(z.read("manifest.json"))
        assert (manifest["format"], manifest["format_version"]) == ("auditapp-package", 3)
        assert (
            z.getinfo(next(n for n in z.namelist() if n.startswith("evidence/"))).compress_type
            == zipfile.ZIP_STORED
        )


def _child_peak(args: list[str], stdin: str, peak_file: Path) -> tuple[int, str, int]:
    """Exit code, stderr and the child's own peak memory (tests/child_peak.py)."""
    import subprocess
    import sys

    # Fixed mmap threshold: glibc otherwise raises it after each freed 12 MB buffer and serves
    # the next from the heap, whose pages stay counted once freed. The peak then tracks what
    # the import holds, not the allocator's reuse (the suite's cheap argon2 no longer hides it
    # under its 64 MiB).
    env = {**os.environ, "MALLOC_MMAP_THRESHOLD_": "131072"}
    child = subprocess.run(
        [sys.executable, "-m", "tests.child_peak", str(peak_file), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    return child.returncode, child.stderr, int(peak_file.read_text())


def _big_pdf(index: int, size: int) -> bytes:
    import os as _os

    body = (
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
    )
    padding = (
        b"4 0 obj\n<< /Length %d >>\nstream\n" % size + _os.urandom(size) + b"\nendstream\nendobj\n"
    )
    offsets, out = [], bytearray()
    for part in body.split(b"endobj\n")[:-1]:
        offsets.append(9 + len(out))
        out += part + b"endobj\n"
    offsets.append(9 + len(out))
    out += padding
    xref = 9 + len(out)
    table = b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return (
        b"%PDF-1.7\n"
        + bytes(out)
        + table
        + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n"
        + str(xref).encode()
        + b"\n%%EOF\n"
        + b"%"
        + str(index).encode()
        + b"\n"
    )


@pytest.mark.slow
def test_a_large_package_is_streamed_not_held_in_memory(source, demo_template, tmp_path):
    """16 evidence items of 12 MB: importing costs about one item of memory, not the package."""
    from auditapp.core import evidence, media, signing, users
    from tests.audit_factory import PASSWORD, make_audit, make_user

    db = open_database(tmp_path / "big.sqlite")
    try:
        make_user(db, "big.lead", "Bea Big")
        make_audit(db, reference="AUD-2025-100", actor="big.lead")
        for index in range(16):
            with db.session(actor="big.lead") as s:
                audit = audits.get_audit(s, "AUD-2025-100")
                prepared = media.prepare_bytes(
                    _big_pdf(index, 12 * 1024 * 1024), file_name=f"scan-{index}.pdf"
                )
                evidence.add_prepared(s, audit, prepared, actor="big.lead")
        with db.session(actor="big.lead") as s:
            identity = signing.open_identity(users.find_user(s, "big.lead"), PASSWORD)
            big = tmp_path / "big.auditpkg"
            package.export_audit(
                s, "AUD-2025-100", big, exporter=package.Exporter("big.lead", "Bea Big", identity)
            )
    finally:
        db.close()
    small = tmp_path / "small.auditpkg"
    small.write_bytes(source.package)
    peaks = {}
    for name, path, signer in (
        ("small", small, source.fingerprint),
        ("big", big, identity.fingerprint),
    ):
        target = tmp_path / f"{name}.sqlite"
        shutil.copyfile(demo_template, target)
        code, err, peak = _child_peak(
            [
                "import",
                str(path),
                "--user",
                "demo.qa",
                "--password-stdin",
                "--accept-signer",
                signer[:16],
                "--db",
                str(target),
            ],
            DEMO_PASSWORD + "\n",
            tmp_path / f"{name}.peak",
        )
        assert code == 0, err
        peaks[name] = peak
    assert big.stat().st_size > 190 * 1024 * 1024
    # Never whole in memory: the import grows by well under the package's size. Measured 118 MB
    # for this 200 MB package: SQLite's copies of the blob being written, the allocator's own
    # buffers. It was 131 MB, at this limit, while the PDF scan copied each stream's remaining
    # input (zlib keeps unconsumed input as a copy, even on a failed header check).
    assert peaks["big"] - peaks["small"] < 0.65 * big.stat().st_size, peaks


@pytest.mark.slow
def test_a_signed_audit_certificate_travels_with_its_audit(demo_template, tmp_path):
    """Before, an audit whose certificate was signed could not be exported and imported at all:
    the import knew only the formats pdf and docx and only the report meanings."""
    from auditapp.cli.package_commands import _check_report
    from auditapp.core import signing, users
    from auditapp.reports import certificate_signing, signoff

    source_path = tmp_path / "s.sqlite"
    shutil.copyfile(demo_template, source_path)
    db = open_database(source_path)
    try:
        for user, meaning in (
            ("demo.lead", "author"),
            ("demo.qa", "reviewer"),
            ("demo.head", "approver"),
        ):
            signoff.sign_report(
                db, "AUD-2026-001", username=user, password=DEMO_PASSWORD, meaning=meaning
            )
        certificate_signing.sign_certificate(
            db, "AUD-2026-001", username="demo.lead", password=DEMO_PASSWORD
        )
        certificate = certificate_signing.signed_certificate(db, "AUD-2026-001")
        with db.session(actor="demo.lead") as s:
            identity = signing.open_identity(users.find_user(s, "demo.lead"), DEMO_PASSWORD)
            pkg = tmp_path / "certified.auditpkg"
            package.export_audit(
                s,
                "AUD-2026-001",
                pkg,
                exporter=package.Exporter("demo.lead", "Dr. Anna Becker", identity),
            )
    finally:
        db.close()
    target = open_database(tmp_path / "t.sqlite")
    try:
        with target.session(actor="imp") as s:
            package.import_package(
                s, pkg, actor="imp", accept_signer=identity.fingerprint, check_report=_check_report
            )
        with target.session() as s:
            audit = audits.get_audit(s, "AUD-2026-001")
            carried = s.query(ReportVersion).filter_by(audit_id=audit.id, format="cert").one()
            assert carried.file_bytes == certificate
            assert audit.status == "final" and audit.locked
    finally:
        target.close()
