"""Files on disk are owner-only; the plaintext log keeps no audit content of an encrypted database."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests import evidence_files as ef
from tests.conftest import DATA, make_user, run_as

PASSPHRASE = "correct horse battery"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_data_folder_database_keys_and_backups_are_owner_only(tmp_path, monkeypatch) -> None:
    from auditapp import paths
    from auditapp.core import backup, checkpoint
    from auditapp.core.db import open_database

    monkeypatch.setenv("AUDITAPP_HOME", str(tmp_path / "fresh" / "AuditApp"))
    home = paths.data_dir()
    assert _mode(home) == 0o700
    (home / "logs").mkdir(mode=0o755)  # as an older version left it
    os.chmod(home / "logs", 0o755)
    assert _mode(paths.log_file().parent) == 0o700
    db = open_database(tmp_path / "audit.sqlite")
    try:
        with db.session(actor="tester") as s:
            from auditapp.core import settings

            settings.set_backups_kept(s, 5)
        assert _mode(db.path) == 0o600
        made = backup.automatic_backup(db, force=True)
        assert made is not None and _mode(made) == 0o600
        assert _mode(made.parent) == 0o700
        copy = backup.backup(db.path, tmp_path / "copy.sqlite")
        assert _mode(copy) == 0o600
    finally:
        db.close()
    key = home / "keys" / checkpoint.KEY_FILE
    assert _mode(key) == 0o600 and _mode(key.parent) == 0o700
    assert _mode(home / "keys" / checkpoint.ANCHORS_FILE) == 0o600


def test_a_database_error_leaves_no_audit_content_in_the_log(tmp_path, _isolated_home) -> None:
    import sqlcipher3

    from auditapp.core import audits, checklists
    from auditapp.core.db import open_database

    path = tmp_path / "enc.sqlite"
    with open_database(path, passphrase=PASSPHRASE) as db:
        make_user(db, "anna", role="auditor")
        with db.session(actor="anna") as s:
            audits.create_audit(
                s,
                title="Encrypted",
                audit_type="vendor_qualification",
                checklist=checklists.load_file(DATA / "mini-checklist.yaml"),
                reference="AUD-2026-001",
            )
    # Force a database error inside the evidence insert (a trigger only SQLCipher can add).
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON evidence "
        "BEGIN SELECT RAISE(FAIL, 'forced failure'); END"
    )
    conn.commit()
    conn.close()
    photo = ef.write(tmp_path, "Patient-Mueller-consent.jpg", ef.jpeg_bytes())
    result = run_as(
        "anna",
        "--db",
        str(path),
        "evidence",
        "add",
        "AUD-2026-001",
        str(photo),
        "--caption",
        "Consent form of Mr Mueller",
        env={"AUDITAPP_PASSPHRASE": PASSPHRASE},
    )
    assert result.returncode != 0, result.stdout
    log = (_isolated_home / "logs" / "auditapp.log").read_text()
    assert "Error" in log  # the failure is logged (type and code location) ...
    for secret in ("Patient-Mueller", "Mr Mueller", "Consent form"):  # ... its content is not
        assert secret not in log, log
