"""Behaviour is decided by exception classes and typed values, never by matching message text."""

from __future__ import annotations

import pytest
from audit_factory import make_audit, make_user

from auditapp.core import audits, findings, search
from auditapp.core.db import WrongPassphrase, open_database
from auditapp.errors import Refused

PASSPHRASE = "a long passphrase"


def test_a_wrong_passphrase_has_its_own_class(tmp_path):
    path = tmp_path / "enc.sqlite"
    open_database(path, passphrase=PASSPHRASE).close()
    with pytest.raises(WrongPassphrase) as raised:
        open_database(path, passphrase="not the passphrase")
    assert isinstance(raised.value, Refused) and raised.value.exit_code == 1


@pytest.mark.gui
def test_opener_asks_again_only_for_a_wrong_passphrase(qtbot, tmp_path, monkeypatch):
    """A refusal whose text merely mentions the passphrase is shown, not answered by asking
    for the passphrase again (the old code matched "passphrase" in the message)."""
    from auditapp.ui import database_open
    from auditapp.ui.database_open import DatabaseOpener

    path = tmp_path / "enc.sqlite"
    open_database(path, passphrase=PASSPHRASE).close()

    def refuse(*args, **kwargs):
        raise Refused(f"{path} is being re-encrypted with a new passphrase by another program")

    monkeypatch.setattr(database_open, "open_database", refuse)
    opener = DatabaseOpener(path)
    asked: list[str] = []
    shown: list[str] = []
    opener.ask_passphrase = lambda error: asked.append(error) or PASSPHRASE
    opener.show_error = shown.append
    assert opener.open() is None
    assert len(asked) == 1 and len(shown) == 1 and "re-encrypted" in shown[0]


def test_search_hits_carry_the_number_of_what_they_found(db):
    make_user(db)
    reference = make_audit(db, audit_type="pre_inspection")
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, reference)
        findings.add_finding(s, audit, title="First gap", classification="minor")
        findings.add_finding(
            s,
            audit,
            title="Archive humidity not monitored",
            classification="major",
            observation="No hygrometer",
            impact="Decay",
        )
    with db.session() as s:
        hits = search.search(s, "humidity")
    assert [(h.kind, h.item, h.number) for h in hits] == [("finding", "F-02", 2)]


def test_storage_errors_are_told_apart_by_sqlite_code_not_by_message(tmp_path):
    import sqlite3

    from auditapp.core.db_errors import SQLITE_BUSY, sqlite_code, storage_error

    path = tmp_path / "busy.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()
        holder.close()
    assert sqlite_code(raised.value) == SQLITE_BUSY
    assert "busy" in str(storage_error(raised.value))
    # A message that merely mentions a full disk is not a full disk when its code says otherwise.
    misleading = sqlite3.OperationalError("no such table: disk is full")
    misleading.sqlite_errorcode = 1  # SQLITE_ERROR
    assert storage_error(misleading) is None
