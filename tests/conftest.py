from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# Without a platform plugin or a display, Qt aborts the whole pytest run (exit 134).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Test-only: argon2 with minimal costs, here and in every child process the tests start
# (auditapp.core.kdf_cost; each hash and key envelope stores its parameters, so this changes no
# behaviour). Set before anything from auditapp is imported. AUDITAPP_TEST_FAST_KDF=0 runs the
# suite with production costs; test_kdf_cost.py proves production costs without the variable.
os.environ.setdefault("AUDITAPP_TEST_FAST_KDF", "1")

DATA = Path(__file__).parent / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# AUDITAPP_TEST_CLI_CHILDREN=1: every run_cli in a child process, as before the in-process runner
# (to compare the two; docs/testing.md).
CLI_IN_CHILDREN = os.environ.get("AUDITAPP_TEST_CLI_CHILDREN", "") == "1"
# One checkpoint key for the whole run: databases made in one test's data folder (the demo
# template) are copied into others, as on one computer.
_CHECKPOINT_KEY = os.urandom(32)


def _give_checkpoint_key(home: Path) -> None:
    keys = home / "keys"
    keys.mkdir(parents=True, exist_ok=True)
    (keys / "trail-checkpoint.key").write_bytes(_CHECKPOINT_KEY)


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory: pytest.TempPathFactory):
    """Between tests (module and session fixtures), a temporary user data folder too: never the
    developer's, and with the run's checkpoint key."""
    home = tmp_path_factory.mktemp("session-home")
    _give_checkpoint_key(home)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITAPP_HOME", str(home))
        yield home


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Logs and backups go to a temporary user data folder, never the developer's."""
    home = tmp_path_factory.mktemp("home")
    _give_checkpoint_key(home)
    monkeypatch.setenv("AUDITAPP_HOME", str(home))
    monkeypatch.delenv("AUDITAPP_DB", raising=False)
    monkeypatch.delenv("AUDITAPP_PASSPHRASE", raising=False)
    return home


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database at the newest schema, made once: running every migration costs ~0.5 s
    (tests/test_migrations.py runs them for real)."""
    from auditapp.core.db import open_database

    home = tmp_path_factory.mktemp("empty-home")
    _give_checkpoint_key(home)
    path = tmp_path_factory.mktemp("empty") / "audit.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITAPP_HOME", str(home))
        open_database(path).close()
    return path


@pytest.fixture
def db(empty_template: Path, tmp_path: Path):
    """A new, empty database in this test's folder."""
    from auditapp.core.db import open_database

    path = tmp_path / "audit.sqlite"
    shutil.copyfile(empty_template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database made once; tests copy it."""
    from auditapp.core import demo
    from auditapp.core.db import open_database

    home = tmp_path_factory.mktemp("demo-home")
    _give_checkpoint_key(home)
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    # Only while the demo is made: a session fixture must not leave its own home to later tests.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITAPP_HOME", str(home))
        database = open_database(path)
        demo.create_demo(database)
        database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path):
    from auditapp.core.db import open_database

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def signed_demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo audit signed by its author (demo.lead) and approved by demo.qa (locked, final),
    made once: each signature renders and signs the whole report. ``db`` is the template: copy it
    (``copy_signed_demo``) before opening it; ``author_db`` is the same database before the
    approver signed (locked, awaiting the countersignature). ``author`` and ``approver`` are the
    SignResults (``author.pdf_bytes``: the report with the author's signature only)."""
    from auditapp.core import audits
    from auditapp.core.db import open_database
    from auditapp.reports import signoff

    home = tmp_path_factory.mktemp("signed-home")
    _give_checkpoint_key(home)
    folder = tmp_path_factory.mktemp("signed-demo")
    path, author_path = folder / "signed.sqlite", folder / "author-signed.sqlite"
    shutil.copyfile(demo_template, path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITAPP_HOME", str(home))
        with open_database(path) as database:
            with database.read_session() as session:
                reference = audits.summaries(session)[0].reference
            author = signoff.sign_report(
                database, reference, username="demo.lead", password=DEMO_PASSWORD, meaning="author"
            )
        shutil.copyfile(path, author_path)  # closed: the WAL is checkpointed into the file
        with open_database(path) as database:
            approver = signoff.sign_report(
                database, reference, username="demo.qa", password=DEMO_PASSWORD, meaning="approver"
            )
    return {
        "db": path,
        "author_db": author_path,
        "ref": reference,
        "author": author,
        "approver": approver,
    }


def copy_signed_demo(signed_demo: dict[str, Any], folder: Path, *, which: str = "db") -> Path:
    """A copy of the signed demo database (``which="author_db"``: signed by the author only) in
    ``folder``, named as the template."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / Path(signed_demo[which]).name
    shutil.copyfile(signed_demo[which], target)
    return target


def run_cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, process: bool = False
) -> subprocess.CompletedProcess[str]:
    """The command line as a user runs it: ``auditapp.cli.main`` in this process with its own
    argv, streams, environment and exit code (tests/cli_runner.py), or with ``process=True`` the
    real ``python -m auditapp`` in a child process, for what only a process shows (the entry
    point's exit code, signals, locks between processes, memory). A GUI start (``--smoke``)
    always runs in a child: in this process its QApplication set-up, theme and event filters
    would stay behind and change every later GUI test (windows no longer became active)."""
    if not (process or CLI_IN_CHILDREN or "--smoke" in args):
        from tests.cli_runner import run_in_process

        return run_in_process(args, stdin=stdin, env=env)
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "auditapp", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
    )


def require_tool(name: str) -> str:
    """An outside tool: skip on a developer machine without it, fail under CI."""
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"{name} is required under CI but is not installed")
        pytest.skip(f"{name} not installed")
    return path


USER_PASSWORD = "user-password-1"
DEMO_PASSWORD = "demo-password-1"  # every demo account's (auditapp.core.demo)
# RSA key pairs made in this run, per username, handed out again to later tests.
_KEY_POOL: dict[str, list[object]] = {}
# Keys in use: those handed out in the running test, and those of session and module fixtures
# (the demo database), which later tests also use.
_KEYS_IN_TEST: set[int] = set()
_KEYS_OF_FIXTURES: set[int] = set()
_in_test = False
_real_new_key_pair = None


def _pooled_key_pair(user) -> object:
    """A key pair made earlier in this run for this username and not in use.

    Real key generation (RSA-3072) costs 0.3-0.9 s per account. Two accounts in use at one time
    never share a key, whatever their names (two laptops' "anna", an administrator's reset of a
    password giving a new key); only accounts in different tests' databases do.
    """
    in_use = _KEYS_IN_TEST | _KEYS_OF_FIXTURES
    pool = _KEY_POOL.setdefault(user.username, [])
    key = next((k for k in pool if id(k) not in in_use), None)
    if key is None:
        assert _real_new_key_pair is not None
        key = _real_new_key_pair(user)
        pool.append(key)
    (_KEYS_IN_TEST if _in_test else _KEYS_OF_FIXTURES).add(id(key))
    return key


@pytest.fixture(scope="session", autouse=True)
def _cached_signing_keys():
    """For the whole run, accounts take their key pair from the pool above (in this process;
    child processes make their own). Tests of key generation itself use ``real_key_generation``."""
    global _real_new_key_pair
    from auditapp.core import signing_keys as signing

    _real_new_key_pair = signing.new_key_pair
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(signing, "new_key_pair", _pooled_key_pair)
        yield


@pytest.fixture(autouse=True)
def _keys_of_this_test():
    global _in_test
    _in_test = True
    yield
    _in_test = False
    _KEYS_IN_TEST.clear()


@pytest.fixture
def real_key_generation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production key generation for this test (a fresh RSA-3072 pair per account)."""
    from auditapp.core import signing_keys as signing

    assert _real_new_key_pair is not None
    monkeypatch.setattr(signing, "new_key_pair", _real_new_key_pair)


@pytest.fixture
def fast_crypto() -> None:
    """Kept for tests that still name it: cheap argon2 (AUDITAPP_TEST_FAST_KDF above) and cached
    key pairs (``_cached_signing_keys``) are now on for every test."""


def make_user(
    database,
    username: str,
    *,
    role: str = "lead_auditor",
    full_name: str | None = None,
    password: str = USER_PASSWORD,
) -> None:
    """An account in ``database`` (cheap: see ``_cached_signing_keys``)."""
    from auditapp.core import users

    with database.session(actor=username) as session:
        users.create_user(
            session,
            username=username,
            full_name=full_name or username.title(),
            role=role,
            password=password,
        )


def run_as(
    user: str,
    *args: str,
    password: str = USER_PASSWORD,
    stdin: str = "",
    env: dict[str, str] | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """A writing verb signed in as ``user`` (--user NAME --password-stdin); ``stdin`` follows
    the password line (e.g. the new account's password for `user add`)."""
    return run_cli(
        *args,
        "--user",
        user,
        "--password-stdin",
        stdin=f"{password}\n{stdin}",
        env=env,
        process=process,
    )
