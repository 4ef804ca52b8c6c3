from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Without a platform plugin or a display, Qt aborts the whole pytest run (exit 134).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# One checkpoint key for the whole run: databases made in one test's data folder (the demo
# template) are copied into others, as on one computer.
_CHECKPOINT_KEY = os.urandom(32)


def _give_checkpoint_key(home: Path) -> None:
    keys = home / "keys"
    keys.mkdir(parents=True, exist_ok=True)
    (keys / "trail-checkpoint.key").write_bytes(_CHECKPOINT_KEY)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Logs and backups go to a temporary user data folder, never the developer's."""
    home = tmp_path_factory.mktemp("home")
    _give_checkpoint_key(home)
    monkeypatch.setenv("AUDITAPP_HOME", str(home))
    monkeypatch.delenv("AUDITAPP_DB", raising=False)
    monkeypatch.delenv("AUDITAPP_PASSPHRASE", raising=False)
    return home


@pytest.fixture
def db(tmp_path: Path):
    from auditapp.core.db import open_database

    database = open_database(tmp_path / "audit.sqlite")
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database made once; tests copy it."""
    from auditapp.core import demo
    from auditapp.core.db import open_database

    os.environ["AUDITAPP_HOME"] = str(tmp_path_factory.mktemp("demo-home"))
    _give_checkpoint_key(Path(os.environ["AUDITAPP_HOME"]))
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
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


def run_cli(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line in a child process, as a user runs it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "auditapp", *args],
        input=stdin, capture_output=True, text=True, env=full_env, timeout=300,
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
_TEST_KEYS: dict[str, object] = {}


@pytest.fixture
def fast_crypto(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test-only: cheap argon2 parameters and one cached RSA key per username.

    Creating a user costs ~0.8 s in production (argon2id + RSA-3072). The parameters are stored
    in each hash and key envelope, so accounts made here stay cheap to sign in to from a child
    process too. Production parameters are untouched outside the test that asks for this.
    """
    from argon2 import PasswordHasher

    from auditapp.core import signing_keys, users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(signing_keys, "KDF_TIME_COST", 1)
    monkeypatch.setattr(signing_keys, "KDF_MEMORY_KIB", 8)
    monkeypatch.setattr(signing_keys, "KDF_PARALLELISM", 1)

    def provision(user, password):
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = _TEST_KEYS.get(user.username)
        if key is None:
            key = _TEST_KEYS[user.username] = rsa.generate_private_key(
                public_exponent=65537, key_size=2048)
        user.certificate_pem = signing_keys.make_certificate(user, key)
        user.wrapped_private_key = signing_keys.wrap_private_key(key, password)

    monkeypatch.setattr(signing_keys, "provision_identity", provision)


def make_user(database, username: str, *, role: str = "lead_auditor", full_name: str | None = None,
              password: str = USER_PASSWORD) -> None:
    """An account in ``database`` (use with the fast_crypto fixture to keep it cheap)."""
    from auditapp.core import users

    with database.session(actor=username) as session:
        users.create_user(session, username=username, full_name=full_name or username.title(),
                          role=role, password=password)


def run_as(user: str, *args: str, password: str = USER_PASSWORD, stdin: str = "",
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A writing verb signed in as ``user`` (--user NAME --password-stdin); ``stdin`` follows
    the password line (e.g. the new account's password for `user add`)."""
    return run_cli(*args, "--user", user, "--password-stdin", stdin=f"{password}\n{stdin}",
                   env=env)
