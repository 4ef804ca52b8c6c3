"""A generated corpus of hostile input through the core and the command line: clear refusals,
faithful storage of what is legitimate, and nothing changed by what is refused."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from auditapp.core import audits, findings, trail
from auditapp.core.demo import DEMO_PASSWORD
from auditapp.errors import BadInput
from tests import hostile_files, hostile_packages, package_factory
from tests.conftest import run_cli
from tests.hostile_harness import (
    REFERENCE,
    Outcome,
    assert_refused_cleanly,
    dump_digest,
    run_child,
    run_main,
)

LEGITIMATE_TEXTS = [
    "x" * 100_000,
    "نتيجة التدقيق: سجل درجة الحرارة مفقود",  # right-to-left
    "עברית עם English mixed ‏RLM‏ marks",
    "Temperature log 🌡️ missing ✅❌ 👩🏽‍🔬",
    "Robert'); DROP TABLE finding;--",
    "<b>not markup</b> & ]]> %s {0} \\N",
    "Zeilen\nmit\tTabs\nund Umlauten äöüß",
    "\u200b zero width \ufeff BOM \u202e override",
]
REFUSED_TEXTS = ["x" * 100_001, "bell \x07 inside", "nul \x00 inside", "escape \x1b[31m red"]


def _snapshot(db) -> list[str]:
    with sqlite3.connect(db.path) as conn:
        return list(conn.iterdump())


@pytest.mark.parametrize("text", LEGITIMATE_TEXTS, ids=range(len(LEGITIMATE_TEXTS)))
def test_legitimate_strange_text_is_stored_exactly(demo_db, text):
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.summaries(s)[0].reference
        finding = findings.add_finding(
            s,
            audits.get_audit(s, audit),
            title="Odd text",
            classification="minor",
            observation=text,
        )
        number = finding.number
    with demo_db.session() as s:
        stored = findings.get_finding(s, audits.get_audit(s, audit), number).observation
    assert stored == text
    with demo_db.engine.connect() as connection:
        assert trail.verify(connection) == []


@pytest.mark.parametrize("text", REFUSED_TEXTS, ids=range(len(REFUSED_TEXTS)))
def test_refused_text_changes_nothing(demo_db, text):
    before = _snapshot(demo_db)
    with pytest.raises(BadInput), demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        findings.update_finding(s, audit, 1, observation=text)
    assert _snapshot(demo_db) == before


@pytest.mark.parametrize("due", [dt.date(1899, 12, 31), dt.date(2101, 1, 1), "2026-13-45"])
def test_dates_out_of_range_are_refused(demo_db, due):
    before = _snapshot(demo_db)
    with pytest.raises(BadInput), demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        findings.update_finding(s, audit, 1, capa_due_date=due)
    assert _snapshot(demo_db) == before


def test_titles_refuse_line_breaks_and_empty_values(demo_db):
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        for title in ["two\nlines", "   ", "t" * 501]:
            with pytest.raises(BadInput):
                findings.update_finding(s, audit, 2, title=title)


@pytest.mark.parametrize(
    "args",
    [
        ["user", "add", "bad\x01name", "--full-name", "X", "--role", "auditor", "--password-stdin"],
        [
            "user",
            "add",
            "okname",
            "--full-name",
            "Bell\x07",
            "--role",
            "auditor",
            "--password-stdin",
        ],
        [
            "user",
            "add",
            "okname",
            "--full-name",
            "X",
            "--role",
            "'; DROP TABLE user;--",
            "--password-stdin",
        ],
        ["checklist", "validate", "/dev/null/nope.yaml"],
        ["restore", "/nonexistent/backup.sqlite"],
    ],
)
def test_cli_refuses_hostile_arguments_in_one_line(tmp_path, args):
    result = run_cli("--db", str(tmp_path / "a.sqlite"), *args, stdin="a-good-password-1\n")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


# --- the hostile corpus ----------------------------------------------------------------------------
# Every case goes through the real command line (auditapp.cli.main) in this process, which is
# fast; the cases where the process boundary is the point (hangs, memory) run as children too.
# Each asserts: exit code, one `error:` line and nothing else on stderr, no traceback, the
# database dump unchanged, under 10 s and under 500 MB.


@pytest.fixture(scope="module")
def package_source(tmp_path_factory):
    return package_factory.build_source(tmp_path_factory.mktemp("hostile-source"))


@pytest.fixture(scope="module")
def target_db(demo_template, tmp_path_factory):
    """One demo database for the whole corpus: a refused input changes nothing, so it stays.

    Its importing account gets a cheap argon2 hash (and the hasher the same cheap parameters,
    so no rehash is due): the sign-in still runs for every case, at a fraction of the cost.
    """
    import argon2

    from auditapp.core import users
    from auditapp.core.db import open_database

    path = tmp_path_factory.mktemp("hostile-target") / "target.sqlite"
    shutil.copyfile(demo_template, path)
    cheap = argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    db = open_database(path)
    try:
        with db.session(actor="test") as s:
            for name in ("demo.qa", "demo.lead"):
                users.find_user(s, name).password_hash = cheap.hash(DEMO_PASSWORD)
    finally:
        db.close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users, "_hasher", cheap)
        yield path


def run_signed_in(*argv: str) -> Outcome:
    """A writing verb as the lead auditor signs in to it (the refusal is then the content's)."""
    return run_main(*argv, "--user", "demo.lead", "--password-stdin", stdin=DEMO_PASSWORD + "\n")


def _import(target: Path, package: Path, source, *, stdin_extra: str = "") -> Outcome:
    return run_main(
        "import",
        str(package),
        "--user",
        "demo.qa",
        "--password-stdin",
        "--accept-signer",
        source.fingerprint[:16],
        "--db",
        str(target),
        stdin=DEMO_PASSWORD + "\n" + stdin_extra,
    )


def test_the_genuine_package_imports(package_source, demo_template, tmp_path):
    """The corpus below is refused for what it changes, not because imports fail anyway."""
    target = tmp_path / "t.sqlite"
    shutil.copyfile(demo_template, target)
    path = tmp_path / "good.auditpkg"
    path.write_bytes(package_source.package)
    result = _import(target, path, package_source)
    assert result.code == 0, result.err
    again = tmp_path / "again.auditpkg"
    again.write_bytes(package_factory.forge(package_source))  # re-signed unchanged: still fine
    target2 = tmp_path / "t2.sqlite"
    shutil.copyfile(demo_template, target2)
    assert _import(target2, again, package_source).code == 0


@pytest.mark.parametrize("case", hostile_packages.CASES, ids=[c[0] for c in hostile_packages.CASES])
def test_hostile_package_is_refused(case, package_source, target_db, tmp_path):
    _name, code, make = case
    path = make(package_source, tmp_path)
    before = dump_digest(target_db)
    # The second line is the transfer password the encrypted cases are made with.
    result = _import(target_db, path, package_source, stdin_extra="transfer-secret-2026\n")
    assert_refused_cleanly(result, code, before, dump_digest(target_db))


def test_encrypted_package_with_wrong_transfer_password(package_source, target_db, tmp_path):
    path = tmp_path / "e.auditpkg"
    path.write_bytes(hostile_packages.ENCRYPTED(package_source, tmp_path))
    before = dump_digest(target_db)
    result = _import(target_db, path, package_source, stdin_extra="not-the-secret-123\n")
    assert_refused_cleanly(result, 1, before, dump_digest(target_db))
    assert "wrong transfer password" in result.err


@pytest.mark.parametrize("case", hostile_files.EVIDENCE, ids=[c[0] for c in hostile_files.EVIDENCE])
def test_hostile_evidence_is_refused(case, target_db, tmp_path):
    _name, code, make = case
    path = make(tmp_path)
    before = dump_digest(target_db)
    result = run_signed_in("evidence", "add", REFERENCE, str(path), "--db", str(target_db))
    assert_refused_cleanly(result, code, before, dump_digest(target_db))


@pytest.mark.parametrize(
    "case", hostile_files.CHECKLISTS, ids=[c[0] for c in hostile_files.CHECKLISTS]
)
def test_hostile_checklist_is_refused(case, target_db, tmp_path):
    _name, code, make = case
    path = make(tmp_path)
    before = dump_digest(target_db)
    result = run_signed_in("checklist", "import", str(path), "--db", str(target_db))
    assert_refused_cleanly(result, code, before, dump_digest(target_db))


@pytest.mark.parametrize("case", hostile_files.EXCEL, ids=[c[0] for c in hostile_files.EXCEL])
def test_hostile_workbook_is_refused(case, target_db, tmp_path):
    _name, code, make = case
    path = make(tmp_path)
    before = dump_digest(target_db)
    result = run_signed_in("checklist", "import", str(path), "--db", str(target_db))
    assert_refused_cleanly(result, code, before, dump_digest(target_db))


@pytest.mark.parametrize("case", hostile_files.BACKUPS, ids=[c[0] for c in hostile_files.BACKUPS])
def test_hostile_backup_is_refused(case, target_db, tmp_path):
    _name, code, make = case
    path = make(tmp_path)
    before = dump_digest(target_db)
    result = run_signed_in("restore", str(path), "--db", str(target_db))
    assert_refused_cleanly(result, code, before, dump_digest(target_db))


HOSTILE_CAPTIONS = [
    "bell \x07",
    "nul \x00",
    "escape \x1b[2J",
    "backspace \x08",
    "vertical \x0b tab",
    "form \x0c feed",
    "delete \x7f",
    "c" * 2001,
]


@pytest.mark.parametrize("caption", HOSTILE_CAPTIONS, ids=range(len(HOSTILE_CAPTIONS)))
def test_hostile_caption_is_refused(caption, target_db, tmp_path):
    photo = tmp_path / "ok.png"
    photo.write_bytes(package_factory.png((10, 200, 30)))
    before = dump_digest(target_db)
    result = run_signed_in(
        "evidence", "add", REFERENCE, str(photo), "--caption", caption, "--db", str(target_db)
    )
    assert_refused_cleanly(result, 2, before, dump_digest(target_db))


@pytest.fixture(scope="module")
def signed_pdf(signed_demo):
    """The demo report signed by its author (the run's ``signed_demo``)."""
    assert signed_demo["ref"] == REFERENCE
    return signed_demo["author"].pdf_bytes


def _flipped(pdf: bytes, offset: int) -> bytes:
    data = bytearray(pdf)
    at = data.index(b"/Contents <") + 11 + offset
    data[at] = ord("0") if data[at] != ord("0") else ord("1")
    return bytes(data)


VERIFY_CASES = [
    *[
        (
            f"signature-value-flipped-{o}",
            1,
            lambda pdf, f, o=o: hostile_files.data("s.pdf", _flipped(pdf, o))(f),
        )
        for o in (10, 200, 600, 900, 1200, 1500)
    ],
    ("truncated", 1, lambda pdf, f: hostile_files.data("t.pdf", pdf[: len(pdf) // 2])(f)),
    ("not-a-pdf", 2, lambda pdf, f: hostile_files.data("x.pdf", b"hello")(f)),
    ("docx-without-p7s", 2, lambda pdf, f: hostile_files.data("r.docx", b"PK\x03\x04")(f)),
    ("fifo", 2, lambda pdf, f: hostile_files.fifo("p.pdf")(f)),
    ("dev-zero", 2, lambda pdf, f: Path("/dev/zero")),
]


@pytest.mark.parametrize("case", VERIFY_CASES, ids=[c[0] for c in VERIFY_CASES])
def test_hostile_signed_file_is_refused(case, signed_pdf, target_db, tmp_path):
    _name, code, make = case
    path = make(signed_pdf, tmp_path)
    before = dump_digest(target_db)
    result = run_main("verify", str(path), "--db", str(target_db))
    assert_refused_cleanly(result, code, before, dump_digest(target_db))


def test_the_corpus_has_at_least_150_cases():
    total = (
        len(hostile_packages.CASES)
        + 1
        + len(hostile_files.EVIDENCE)
        + len(hostile_files.CHECKLISTS)
        + len(hostile_files.EXCEL)
        + len(hostile_files.BACKUPS)
        + len(HOSTILE_CAPTIONS)
        + len(VERIFY_CASES)
    )
    assert total >= 150, total


# --- where the process boundary is the point: hangs and memory, measured on a real child -----------


CHILD_CASES = [
    (
        "evidence-fifo",
        2,
        lambda f, s: ("evidence", "add", REFERENCE, str(hostile_files.fifo("p.jpg")(f))),
    ),
    ("evidence-dev-zero", 2, lambda f, s: ("evidence", "add", REFERENCE, "/dev/zero")),
    (
        "checklist-billion-laughs",
        2,
        lambda f, s: (
            "checklist",
            "import",
            str(hostile_files.data("l.yaml", hostile_files.LAUGHS)(f)),
        ),
    ),
    (
        "checklist-fifo",
        2,
        lambda f, s: ("checklist", "import", str(hostile_files.fifo("p.yaml")(f))),
    ),
    (
        "workbook-shared-strings-bomb",
        2,
        lambda f, s: (
            "checklist",
            "import",
            str(dict((c[0], c[2]) for c in hostile_files.EXCEL)["shared-strings-bomb"](f)),
        ),
    ),
    ("package-zip-bomb", 1, lambda f, s: _child_import(f, s, "zip-bomb-member")),
    ("package-huge-int", 2, lambda f, s: _child_import(f, s, "audit-json-huge-int")),
    ("package-deep-json", 2, lambda f, s: _child_import(f, s, "audit-json-deep")),
    ("package-fifo", 2, lambda f, s: _child_import(f, s, "fifo")),
    (
        "restore-fifo",
        2,
        lambda f, s: (
            "restore",
            str(hostile_files.fifo("b.sqlite")(f)),
            "--user",
            "demo.lead",
            "--password-stdin",
        ),
    ),
    (
        "restore-dev-zero",
        2,
        lambda f, s: ("restore", "/dev/zero", "--user", "demo.lead", "--password-stdin"),
    ),
]


def _child_import(folder: Path, source, case: str) -> tuple[str, ...]:
    make = dict((c[0], c[2]) for c in hostile_packages.CASES)[case]
    return (
        "import",
        str(make(source, folder)),
        "--user",
        "demo.qa",
        "--password-stdin",
        "--accept-signer",
        source.fingerprint[:16],
    )


@pytest.fixture(scope="module")
def child_db(demo_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile-child") / "child.sqlite"
    shutil.copyfile(demo_template, path)
    return path


@pytest.mark.parametrize("case", CHILD_CASES, ids=[c[0] for c in CHILD_CASES])
def test_hostile_input_in_a_child_process(case, package_source, child_db, tmp_path):
    _name, code, make = case
    args = make(tmp_path, package_source)
    if "--user" not in args:  # every writing verb signs in; the refusal is the content's
        args = (*args, "--user", "demo.lead", "--password-stdin")
    before = dump_digest(child_db)
    result = run_child(
        *args, "--db", str(child_db), stdin=DEMO_PASSWORD + "\n", peak_file=tmp_path / "peak"
    )
    assert_refused_cleanly(result, code, before, dump_digest(child_db))


def test_backup_and_list_of_a_database_on_a_read_only_mount(demo_template, tmp_path):
    """A read-only mount (a write-protected stick, a restored archive): read commands work."""
    source, mount = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    mount.mkdir()
    shutil.copyfile(demo_template, source / "audit.sqlite")
    bound = subprocess.run(["mount", "--bind", str(source), str(mount)], capture_output=True)
    if bound.returncode != 0:
        _no_mount("cannot bind-mount here (needs root)")
    try:
        if (
            subprocess.run(
                ["mount", "-o", "remount,bind,ro", str(mount)], capture_output=True
            ).returncode
            != 0
        ):
            _no_mount("cannot remount read-only here")
        listed = run_cli("list", "--db", str(mount / "audit.sqlite"))
        assert listed.returncode in (0, 2), listed.stderr
        assert "unexpected problem" not in listed.stderr and "Traceback" not in listed.stderr
        assert listed.returncode == 0 or listed.stderr.count("\n") == 1
        backup = run_cli(
            "backup", "-o", str(tmp_path / "copy.sqlite"), "--db", str(mount / "audit.sqlite")
        )
        assert backup.returncode == 0, backup.stderr
        assert run_cli("list", "--db", str(tmp_path / "copy.sqlite")).returncode == 0
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def _no_mount(why: str) -> None:
    """A developer machine without root skips; CI runs as root, so there it is a failure."""
    from tests.conftest import IN_CI

    if IN_CI:
        pytest.fail(f"{why}: CI must be able to test a read-only mount")
    pytest.skip(why)
