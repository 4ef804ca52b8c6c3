"""Cost parameters of the password-based key derivations (argon2id), in one place.

Production always uses the costs below. The test suite alone sets ``AUDITAPP_TEST_FAST_KDF=1``
(tests/conftest.py, before anything is imported) so that each account, sign-in and package costs
milliseconds instead of ~0.2 s per derivation. This is safe to honour because every hash and key
envelope stores the parameters it was made with: a secret made cheaply in a test still verifies,
and a secret made in production is always checked with its own (production) parameters. The app
never sets the variable, and the installed app (a frozen PyInstaller bundle) ignores it. It is
read once, when the modules that derive keys are imported, and
is not logged: at import time nothing is set up to log to, and a line on stderr would break the
command line's one-error-line contract.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

FAST_KDF_ENV = "AUDITAPP_TEST_FAST_KDF"


@dataclass(frozen=True)
class Argon2Cost:
    time_cost: int
    memory_kib: int
    parallelism: int


# Password hashes: argon2-cffi's RFC 9106 low-memory profile (64 MiB, t=3, p=4).
PASSWORD_HASH = Argon2Cost(time_cost=3, memory_kib=64 * 1024, parallelism=4)
# The key that wraps a signing key (RFC 9106 second recommendation, 64 MiB).
KEY_WRAP = Argon2Cost(time_cost=3, memory_kib=64 * 1024, parallelism=4)
# The transfer password of an encrypted package.
PACKAGE = Argon2Cost(time_cost=3, memory_kib=64 * 1024, parallelism=2)
# The smallest argon2 allows (memory >= 8 KiB per lane): for the test suite only.
TEST_MINIMUM = Argon2Cost(time_cost=1, memory_kib=8, parallelism=1)


def fast_for_tests() -> bool:
    if getattr(sys, "frozen", False):  # the shipped bundle: never
        return False
    return os.environ.get(FAST_KDF_ENV, "") == "1"


def cost(production: Argon2Cost) -> Argon2Cost:
    """``production``, unless the test suite asked for the minimum."""
    return TEST_MINIMUM if fast_for_tests() else production
