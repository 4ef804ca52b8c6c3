"""Enum columns give enum members back and store the same lowercase text as before."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from auditapp.cli import build_parser
from auditapp.core.models import (
    Audit,
    AuditStatus,
    AuditType,
    Language,
    Organisation,
    OrganisationKind,
    SignatureMeaning,
)
from tests.audit_factory import make_audit

ROOT = Path(__file__).resolve().parents[2] / "auditapp"


def test_enum_columns_read_back_as_members_and_store_plain_text(db, tmp_path):
    reference = make_audit(db)
    with db.session(actor="anna") as s:
        audit = s.scalars(select(Audit).where(Audit.reference == reference)).one()
        assert type(audit.status) is AuditStatus and audit.status is AuditStatus.PLANNED
        assert type(audit.audit_type) is AuditType and audit.audit_type is AuditType.ROUTINE_SYSTEM
        assert type(audit.language) is Language
    with sqlite3.connect(db.path) as raw:
        row = raw.execute("SELECT status, audit_type, language FROM audit").fetchone()
    assert row == ("planned", "routine_system", "en")
    assert all(type(v) is str for v in row)


def test_a_stored_value_outside_the_enum_is_refused_before_it_reaches_the_file(db):
    with pytest.raises(StatementError), db.session(actor="anna") as s:
        s.add(Organisation(legal_name="X CRO", kind="not-a-kind"))
        s.flush()
    with db.session(actor="anna") as s:
        s.add(Organisation(legal_name="Y CRO", kind=OrganisationKind.CRO))
    with sqlite3.connect(db.path) as raw:
        assert raw.execute("SELECT legal_name, kind FROM organisation").fetchall() == [
            ("Y CRO", "cro")
        ]


def test_cli_choices_come_from_the_enums():
    parser = build_parser()
    assert parser._option_string_actions["--lang"].choices == ("en", "de")
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert commands["sign"]._option_string_actions["--meaning"].choices == tuple(
        m.value for m in SignatureMeaning
    )
    assert commands["report"]._option_string_actions["--lang"].choices == tuple(
        lang.value for lang in Language
    )


def test_no_status_or_language_literal_lists_left():
    """One definition each: the enums in core/models.py."""
    pattern = re.compile(
        r'(==|!=|\bin \()\s*"(final|closed|critical|major|author|approver|admin|compliant|de|en)"'
        r'|\("en", "de"\)|\["en", "de"\]|"author", "reviewer", "approver"'
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted(ROOT.rglob("*.py"))
        if "migrations" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
