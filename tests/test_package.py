"""Audit packages: a faithful round trip; tampered, truncated or hostile packages change nothing."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from tests.conftest import run_as, run_cli


@pytest.fixture
def exported(demo_template, tmp_path):
    source = tmp_path / "source.sqlite"
    source.write_bytes(demo_template.read_bytes())
    photo = tmp_path / "archive-room.png"
    from PIL import Image

    Image.new("RGB", (640, 480), (120, 80, 40)).save(photo)
    reference = json.loads(run_cli("list", "--json", "--db", str(source)).stdout)[0]["reference"]
    added = run_as("demo.lead", "evidence", "add", reference, str(photo), "--caption", "Archive",
                   "--db", str(source), password="demo-password-1")
    assert added.returncode == 0, added.stderr
    package = tmp_path / "audit.auditpkg"
    result = run_cli("export", reference, "-o", str(package), "--db", str(source))
    assert result.returncode == 0, result.stderr
    return reference, package, photo


def _tables(path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("audit", "finding", "response", "evidence", "evidence_blob")}


def test_round_trip_into_another_database(exported, tmp_path):
    reference, package, photo = exported
    target = tmp_path / "laptop2.sqlite"
    result = run_cli("import", str(package), "--db", str(target))
    assert result.returncode == 0, result.stderr
    counts = _tables(target)
    assert counts["audit"] == 1 and counts["finding"] == 10 and counts["evidence"] == 1
    listed = json.loads(run_cli("evidence", "list", reference, "--json", "--db", str(target)).stdout)
    import hashlib

    assert listed[0]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert run_cli("trail", "verify", "--db", str(target)).returncode == 0
    again = run_cli("import", str(package), "--db", str(target))
    assert again.returncode == 1 and "exists already" in again.stderr


def _rewrite(package, out, change):
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                dst.writestr(info.filename, data)
    return out


@pytest.mark.parametrize(
    "change",
    [
        lambda name, data: data.replace(b"Serious adverse events", b"Some adverse events") if name == "audit.json" else data,
        lambda name, data: data[:-10] + b"0123456789" if name.startswith("blobs/") else data,
        lambda name, data: None if name.startswith("blobs/") else data,
        lambda name, data: b"{not json" if name == "manifest.json" else data,
    ],
    ids=["edited-finding", "edited-photo", "missing-photo", "broken-manifest"],
)
def test_tampered_package_is_refused_and_changes_nothing(exported, tmp_path, change):
    _, package, _ = exported
    bad = _rewrite(package, tmp_path / "bad.auditpkg", change)
    target = tmp_path / "t.sqlite"
    run_cli("list", "--db", str(target))  # create an empty database
    before = _tables(target)
    result = run_cli("import", str(bad), "--db", str(target))
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert _tables(target) == before


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04garbage", b"not a zip at all" * 100])
def test_garbage_is_refused(tmp_path, content):
    bad = tmp_path / "x.auditpkg"
    bad.write_bytes(content)
    result = run_cli("import", str(bad), "--db", str(tmp_path / "t.sqlite"))
    assert result.returncode == 1 and result.stderr.startswith("error: ")
