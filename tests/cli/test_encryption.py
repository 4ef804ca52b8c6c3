"""Encryption at rest: nothing readable in the file or its WAL; wrong passphrases open nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import _give_checkpoint_key
from sqlalchemy import select

from auditapp.core import demo
from auditapp.core.db import PassphraseRequired, open_database
from auditapp.core.models import EvidenceBlob, Finding
from auditapp.errors import AuditAppError, Refused
from tests.conftest import run_as, run_cli

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def encrypted_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One encrypted demo database made once (in this process: the command line's `demo
    --encrypt` is tested on its own below); tests copy it."""
    home = tmp_path_factory.mktemp("encrypted-home")
    _give_checkpoint_key(home)
    path = tmp_path_factory.mktemp("encrypted") / "enc.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITAPP_HOME", str(home))
        database = open_database(path, passphrase=PASSPHRASE)
        reference = demo.create_demo(database)
        database.close()
    return path, reference


def _copy(encrypted_demo: tuple[Path, str], folder: Path) -> tuple[Path, str]:
    source, reference = encrypted_demo
    shutil.copyfile(source, folder / "enc.sqlite")
    return folder / "enc.sqlite", reference


def _secrets(db) -> tuple[list[bytes], list[bytes]]:
    with db.session() as s:
        texts = [t.encode() for f in s.scalars(select(Finding)) for t in (f.title, f.observation)]
        blobs = [b.data[1000:1064] for b in s.scalars(select(EvidenceBlob))]
    return texts, blobs


def test_encrypted_database_and_wal_hold_no_finding_text_or_photo_bytes(tmp_path):
    path = tmp_path / "enc.sqlite"
    db = open_database(path, passphrase=PASSPHRASE)
    try:
        demo.create_demo(db, photos=3)
        texts, blobs = _secrets(db)
        assert texts and len(blobs) == 3
        # While the database is open the newest pages sit in the WAL: check it too.
        wal = Path(str(path) + "-wal")
        with db.session(actor="demo.lead") as s:
            s.scalars(select(Finding)).first().title = "Freshly edited secret title"
        texts.append(b"Freshly edited secret title")
        stored = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
        assert wal.exists() and wal.stat().st_size > 0
        for secret in texts + blobs + [b"Northwind", b"demo.lead"]:
            assert secret not in stored
    finally:
        db.close()


def test_wrong_or_missing_passphrase_opens_nothing(tmp_path):
    path = tmp_path / "enc.sqlite"
    open_database(path, passphrase=PASSPHRASE).close()
    before = path.read_bytes()
    with pytest.raises(Refused, match="wrong passphrase"):
        open_database(path, passphrase="not the passphrase")
    with pytest.raises(PassphraseRequired):
        open_database(path)
    assert path.read_bytes() == before


def test_plain_database_refuses_a_passphrase(tmp_path):
    path = tmp_path / "plain.sqlite"
    open_database(path).close()
    with pytest.raises(AuditAppError, match="not encrypted"):
        open_database(path, passphrase=PASSPHRASE)


@pytest.mark.slow  # five command-line children; the first makes the demo's three RSA keys
def test_cli_demo_encrypt_and_passphrase_from_environment(tmp_path):
    path = str(tmp_path / "enc.sqlite")
    env = {"AUDITAPP_PASSPHRASE": PASSPHRASE}
    made = run_cli("demo", "--encrypt", "--db", path, env=env)
    assert made.returncode == 0, made.stderr
    assert b"Northwind" not in Path(path).read_bytes()
    listed = run_cli("list", "--db", path, env=env)
    assert listed.returncode == 0 and "AUD-" in listed.stdout
    wrong = run_cli("list", "--db", path, env={"AUDITAPP_PASSPHRASE": "wrong-passphrase"})
    assert wrong.returncode == 1 and wrong.stderr.startswith("error: wrong passphrase")
    missing = run_cli("list", "--db", path)
    assert missing.returncode == 2 and "AUDITAPP_PASSPHRASE" in missing.stderr
    assert run_cli("trail", "verify", "--db", path, env=env).returncode == 0


def test_encrypted_backup_is_encrypted_and_restores(tmp_path, encrypted_demo):
    path, _reference = _copy(encrypted_demo, tmp_path)
    env = {"AUDITAPP_PASSPHRASE": PASSPHRASE}
    copy = tmp_path / "copy.sqlite"
    assert run_cli("backup", "-o", str(copy), "--db", str(path), env=env).returncode == 0
    assert b"Northwind" not in copy.read_bytes()
    assert (
        run_as(
            "demo.lead",
            "restore",
            str(copy),
            "--db",
            str(path),
            env=env,
            password="demo-password-1",
        ).returncode
        == 0
    )
    assert run_cli("trail", "verify", "--db", str(path), env=env).returncode == 0


def test_report_from_an_encrypted_database(tmp_path, encrypted_demo):
    encrypted, reference = _copy(encrypted_demo, tmp_path)
    path = str(encrypted)
    env = {"AUDITAPP_PASSPHRASE": PASSPHRASE}
    out = tmp_path / "r.pdf"
    result = run_cli("report", reference, "--format", "pdf", "-o", str(out), "--db", path, env=env)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
