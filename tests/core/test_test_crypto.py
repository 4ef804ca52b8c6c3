"""The suite's cheap cryptography (tests/conftest.py) stays a test-only switch.

Production costs hold whenever AUDITAPP_TEST_FAST_KDF is absent; the suite really runs cheap
(else it is slow again without anyone noticing); cached key pairs are never shared by two
accounts in use at once; and key generation itself is still tested for real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import USER_PASSWORD, make_user

from auditapp.core import kdf_cost, users
from auditapp.core import signing_keys as signing

_PRODUCTION_PROBE = """
import json
from auditapp.core import kdf_cost, package_crypto, signing, users
from cryptography.hazmat.primitives.asymmetric import rsa

key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
envelope = json.loads(signing.wrap_private_key(key, "a-password-1"))
print(json.dumps({
    "fast": kdf_cost.fast_for_tests(),
    "hash": users._hasher.hash("a-password-1"),
    "wrap": [envelope["t"], envelope["m"], envelope["p"]],
    "package": package_crypto._KDF,
    "key_bits": signing.KEY_BITS,
}))
"""


def _production_child() -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != kdf_cost.FAST_KDF_ENV}
    done = subprocess.run(
        [sys.executable, "-c", _PRODUCTION_PROBE],
        env=env,
        text=True,
        capture_output=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def test_without_the_switch_every_kdf_runs_at_production_cost():
    seen = _production_child()
    assert seen["fast"] is False
    # argon2id, RFC 9106 low-memory profile: 64 MiB, 3 passes, 4 lanes
    assert str(seen["hash"]).startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert seen["wrap"] == [3, 65536, 4]
    assert seen["package"] == {"time_cost": 3, "memory_kib": 65536, "parallelism": 2}
    assert seen["key_bits"] == 3072


def test_the_switch_is_only_honoured_as_1(monkeypatch):
    for value in ("", "0", "yes", "true"):
        monkeypatch.setenv(kdf_cost.FAST_KDF_ENV, value)
        assert kdf_cost.cost(kdf_cost.KEY_WRAP) == kdf_cost.KEY_WRAP
    monkeypatch.setenv(kdf_cost.FAST_KDF_ENV, "1")
    assert kdf_cost.cost(kdf_cost.KEY_WRAP) == kdf_cost.TEST_MINIMUM
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the installed bundle ignores it
    assert kdf_cost.cost(kdf_cost.KEY_WRAP) == kdf_cost.KEY_WRAP


def test_the_suite_runs_with_minimal_argon2_costs():
    assert os.environ[kdf_cost.FAST_KDF_ENV] == "1"
    assert users._hasher.hash("a-password-1").startswith("$argon2id$v=19$m=8,t=1,p=1$")
    assert (signing.KDF_TIME_COST, signing.KDF_MEMORY_KIB, signing.KDF_PARALLELISM) == (1, 8, 1)


def test_a_production_hash_still_verifies_where_tests_hash_cheaply():
    production_hash = str(_production_child()["hash"])
    assert users._matches(production_hash, "a-password-1")
    assert not users._matches(production_hash, "b-password-1")


def test_creating_an_account_takes_its_key_pair_from_the_hook(db, monkeypatch):
    """If the hook moves, this fails and the cache in conftest must follow it."""
    asked: list[str] = []
    pooled = signing.new_key_pair

    def spy(user):
        asked.append(user.username)
        return pooled(user)

    monkeypatch.setattr(signing, "new_key_pair", spy)
    make_user(db, "anna")
    assert asked == ["anna"]


def _public_key_of(db, username: str) -> int:
    with db.session() as s:
        user = users.find_user(s, username)
        key = signing.unwrap_private_key(user.wrapped_private_key, USER_PASSWORD)
        cert_key = signing.certificates(user.certificate_pem)[0].public_key()
        assert cert_key.public_numbers() == key.public_key().public_numbers()  # type: ignore[attr-defined]
        return cert_key.public_numbers().n  # type: ignore[union-attr]


def test_two_accounts_in_use_never_share_a_cached_key(tmp_path):
    from auditapp.core.db import open_database

    one, two = open_database(tmp_path / "one.sqlite"), open_database(tmp_path / "two.sqlite")
    try:
        for database in (one, two):  # the same name on two laptops
            make_user(database, "anna")
            make_user(database, "bert")
        keys = [_public_key_of(d, u) for d in (one, two) for u in ("anna", "bert")]
        assert len(set(keys)) == 4
    finally:
        one.close()
        two.close()


def test_a_password_reset_by_an_administrator_gives_a_new_key(db):
    make_user(db, "root", role="admin")
    make_user(db, "anna")
    before = _public_key_of(db, "anna")
    with db.session(actor="root") as s:
        users.reset_password(
            s, admin=users.find_user(s, "root"), username="anna", new_password="reset-password-2"
        )
    with db.session() as s:
        user = users.find_user(s, "anna")
        key = signing.unwrap_private_key(user.wrapped_private_key, "reset-password-2")
        assert key.public_key().public_numbers().n != before  # type: ignore[attr-defined]


def test_real_key_generation_gives_each_account_a_fresh_rsa_3072_key(db, real_key_generation):
    make_user(db, "anna")
    make_user(db, "bert")
    keys = {_public_key_of(db, u) for u in ("anna", "bert")}
    assert len(keys) == 2
    assert all(n.bit_length() == signing.KEY_BITS for n in keys)
