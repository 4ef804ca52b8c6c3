"""Local accounts: argon2id password hashes, a password policy, lockout after failed attempts.

The policy follows 21 CFR 11.300: unique identification, a minimum password length, no reuse of
the current password, and transaction safeguards (a lock after repeated failures, recorded in the
audit trail) that only an administrator can lift.
"""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditapp.core import kdf_cost, signing_keys
from auditapp.core.db import Database
from auditapp.core.models import Role, User, utcnow
from auditapp.errors import BadInput, NotFound, Refused

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
MAX_FAILED_ATTEMPTS = 5
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")

# argon2id with the library's RFC 9106 low-memory profile (about 0.15 s here); minimal only
# under the test suite's switch (auditapp.core.kdf_cost).
_cost = kdf_cost.cost(kdf_cost.PASSWORD_HASH)
_hasher = PasswordHasher(
    time_cost=_cost.time_cost, memory_cost=_cost.memory_kib, parallelism=_cost.parallelism
)


def check_password_policy(password: str, *, current_hash: str | None = None) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BadInput(f"password too short: at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise BadInput(f"password too long: at most {MAX_PASSWORD_LENGTH} characters")
    if password.strip() != password or not password.isprintable():
        raise BadInput("password must not start or end with spaces or contain control characters")
    if len(set(password)) < 4:
        raise BadInput("password too simple: use at least 4 different characters")
    if current_hash is not None and _matches(current_hash, password):
        raise BadInput("the new password must differ from the current one")


def _matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def parse_role(value: str) -> Role:
    normalised = value.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Role(normalised)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise BadInput(f"unknown role {value!r}; choose one of: {choices}") from None


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def find_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFound(f"no user named {username!r}")
    return user


def create_user(
    session: Session,
    *,
    username: str,
    full_name: str,
    role: Role | str,
    password: str,
    email: str | None = None,
) -> User:
    username = username.strip().lower()
    if not USERNAME_PATTERN.match(username):
        raise BadInput(
            "username must be 2-64 characters: lower-case letters, digits, '.', '_' or '-'"
        )
    full_name = " ".join(full_name.split())
    if not full_name or len(full_name) > 200 or not full_name.isprintable():
        raise BadInput("full name must be 1-200 printable characters")
    role = role if isinstance(role, Role) else parse_role(role)
    check_password_policy(password)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise BadInput(f"a user named {username!r} already exists")
    user = User(
        username=username,
        full_name=full_name,
        role=role.value,
        email=email,
        password_hash=_hasher.hash(password),
        password_changed_at=utcnow(),
    )
    # Every account gets its signing key pair and certificate now, the key wrapped under the
    # password (auditapp.core.signing_keys).
    signing_keys.provision_identity(user, password)
    session.add(user)
    session.flush()
    return user


def authenticate(db: Database, username: str, password: str) -> User:
    """Check a password; failures are counted and committed even though the caller is refused."""
    with db.session(actor=username[:64] or "unknown") as session:
        user = session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None or not user.active:
            # Attempts on unknown or disabled names are recorded too: probing for accounts is
            # itself worth seeing in the trail (11.300(d)).
            from auditapp.core import trail

            shown = "".join(c if c.isprintable() else "?" for c in username.strip())[:64]
            trail.record_event(
                session.connection(),
                user=shown or "unknown",
                action="sign-in-failed",
                entity="user",
                entity_id=shown or "unknown",
                detail="unknown user" if user is None else "inactive account",
            )
            raise_after = Refused("wrong username or password")
        elif user.locked:
            raise_after = Refused(
                f"account {user.username!r} is locked after repeated failed sign-ins; "
                "an administrator must unlock it"
            )
        elif _matches(user.password_hash, password):
            if user.failed_attempts:
                user.failed_attempts = 0
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            return user
        else:
            user.failed_attempts += 1
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked = True
                raise_after = Refused(
                    f"wrong password; account {user.username!r} is now locked "
                    f"after {MAX_FAILED_ATTEMPTS} failed attempts"
                )
            else:
                left = MAX_FAILED_ATTEMPTS - user.failed_attempts
                attempts = "1 attempt" if left == 1 else f"{left} attempts"
                raise_after = Refused(f"wrong username or password ({attempts} left)")
    raise raise_after


def change_password(db: Database, username: str, old_password: str, new_password: str) -> None:
    user = authenticate(db, username, old_password)
    with db.session(actor=user.username) as session:
        stored = session.get(User, user.id)
        assert stored is not None
        check_password_policy(new_password, current_hash=stored.password_hash)
        signing_keys.rewrap_identity(stored, old_password, new_password)
        stored.password_hash = _hasher.hash(new_password)
        stored.password_changed_at = utcnow()


def unlock(session: Session, *, admin: User, username: str) -> User:
    if admin.role != Role.ADMIN.value:
        raise Refused("only an administrator can unlock accounts")
    user = find_user(session, username)
    user.locked = False
    user.failed_attempts = 0
    return user


# --- administration: first administrator, recovery code, roles, resets ----------------------
#
# A password reset by an administrator or by recovery cannot unwrap the old signing key (it is
# sealed under the forgotten password), so the account gets a new key pair and certificate.
# Reports signed before stay verifiable: every signature keeps the certificate it was made with
# (signing.known_certificates).

# Crockford's base32 without I, L, O, U: nothing to misread when typed from a printout.
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_GROUPS = 5  # 5 groups of 5 characters: 125 bits


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_recovery_code() -> str:
    import secrets

    chars = [secrets.choice(_RECOVERY_ALPHABET) for _ in range(5 * _RECOVERY_GROUPS)]
    return "-".join("".join(chars[i : i + 5]) for i in range(0, len(chars), 5))


def issue_recovery_code(user: User) -> str:
    """A new recovery code for an administrator; only its argon2id hash is stored."""
    if user.role != Role.ADMIN.value:
        raise Refused("only administrators have a recovery code")
    code = new_recovery_code()
    user.recovery_hash = _hasher.hash(_normalise_code(code))
    return code


def create_first_administrator(
    session: Session, *, username: str, full_name: str, password: str
) -> tuple[User, str]:
    """The first account of a database is an administrator; returns it and its recovery code,
    which the caller shows once."""
    if count_users(session) != 0:
        raise Refused("this database already has accounts; an administrator adds new ones")
    user = create_user(
        session, username=username, full_name=full_name, role=Role.ADMIN, password=password
    )
    code = issue_recovery_code(user)
    session.flush()
    return user, code


def _require_admin(admin: User) -> None:
    if admin.role != Role.ADMIN.value or not admin.active:
        raise Refused("only an administrator can manage accounts")


def _admins_left(session: Session, *, without: User) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == Role.ADMIN.value, User.active.is_(True), User.id != without.id)
        )
        or 0
    )


def set_role(session: Session, *, admin: User, username: str, role: Role | str) -> User:
    _require_admin(admin)
    user = find_user(session, username)
    role = role if isinstance(role, Role) else parse_role(role)
    if (
        user.role == Role.ADMIN.value
        and role is not Role.ADMIN
        and _admins_left(session, without=user) == 0
    ):
        raise Refused("the last administrator cannot lose the administrator role")
    user.role = role
    if role is not Role.ADMIN:
        user.recovery_hash = None
    return user


def set_active(session: Session, *, admin: User, username: str, active: bool) -> User:
    """Deactivate (never delete: the trail names the user) or reactivate an account."""
    _require_admin(admin)
    user = find_user(session, username)
    if not active and user.role == Role.ADMIN.value and _admins_left(session, without=user) == 0:
        raise Refused("the last administrator cannot be deactivated")
    user.active = active
    return user


def reset_password(session: Session, *, admin: User, username: str, new_password: str) -> User:
    """An administrator sets a new password (to be changed by its owner); lifts any lock."""
    _require_admin(admin)
    user = find_user(session, username)
    _set_new_password(user, new_password)
    return user


def _set_new_password(user: User, new_password: str) -> None:
    check_password_policy(new_password, current_hash=user.password_hash)
    signing_keys.provision_identity(user, new_password)
    user.password_hash = _hasher.hash(new_password)
    user.password_changed_at = utcnow()
    user.locked = False
    user.failed_attempts = 0


def recover_administrator(db: Database, username: str, code: str, new_password: str) -> str:
    """With the recovery code: a new password, the lock lifted, and a new recovery code (the old
    one is spent). Wrong codes count as failed sign-ins but never lock the recovery itself."""
    with db.session(
        actor=username.strip().lower() or "unknown",
        reason="administrator recovery with the recovery code",
    ) as session:
        user = session.scalar(select(User).where(User.username == username.strip().lower()))
        valid = (
            user is not None
            and user.active
            and user.role == Role.ADMIN.value
            and user.recovery_hash is not None
            and _matches(user.recovery_hash, _normalise_code(code))
        )
        if not valid or user is None:
            failure = Refused("wrong username or recovery code")
        else:
            _set_new_password(user, new_password)
            return issue_recovery_code(user)
    raise failure
