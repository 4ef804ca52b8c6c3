"""Signing identities: each user's key pair and certificate (21 CFR 11.70, 11.200).

Each user owns an RSA-3072 key pair and an X.509 certificate. The private key is stored only
wrapped: AES-256-GCM under a key derived from the user's password with argon2id (64 MiB, t=3),
so a copy of the database alone does not yield a usable key, and a changed password re-wraps it.
PKCS#8 PEM encryption is not used because cryptography gives it only 2048 PBKDF2 iterations.

Trust model (docs/signing.md): a certificate made here is self-signed by its user's own key; it
is its own trust anchor. There is deliberately no per-database CA: its private key would have to
sit unprotected in the database (no password guards it), and then anyone holding a copy of the
file could mint a "trusted" certificate in any name. A sponsor who wants to rely on a signer
imports that signer's certificate (``auditapp user cert``); an organisation with a PKI imports
its PKCS#12 instead (:func:`import_pkcs12`), and its certificate chain is kept with the user.

Only cryptography and the User/Signature rows: the accounts (users.py) build on this module,
the sign-off rules (signoff_rules.py) on both.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from dataclasses import astuple, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import kdf_cost
from auditapp.core.models import Signature, User
from auditapp.errors import BadInput, Refused

KEY_BITS = 3072
CERT_YEARS = 10
WRAP_VERSION = 1
# argon2id parameters for the key-wrapping key (RFC 9106 second recommendation, 64 MiB);
# minimal only under the test suite's switch (auditapp.core.kdf_cost).
KDF_TIME_COST, KDF_MEMORY_KIB, KDF_PARALLELISM = astuple(kdf_cost.cost(kdf_cost.KEY_WRAP))
_AAD = b"auditapp signing key v1"


def _kdf(password: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=t,
        memory_cost=m,
        parallelism=p,
        hash_len=32,
        type=Type.ID,
    )


def wrap_private_key(private_key: object, password: str) -> bytes:
    """PKCS#8 DER of the key, sealed with AES-256-GCM under an argon2id-derived key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    der = private_key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _kdf(password, salt, KDF_TIME_COST, KDF_MEMORY_KIB, KDF_PARALLELISM)
    sealed = AESGCM(key).encrypt(nonce, der, _AAD)
    envelope = {
        "v": WRAP_VERSION,
        "kdf": "argon2id",
        "t": KDF_TIME_COST,
        "m": KDF_MEMORY_KIB,
        "p": KDF_PARALLELISM,
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "aead": "aes-256-gcm",
        "sealed": base64.b64encode(sealed).decode(),
    }
    return json.dumps(envelope, sort_keys=True).encode()


def unwrap_private_key(wrapped: bytes, password: str) -> object:
    """The private key, or Refused when the password does not open it (never None)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        envelope = json.loads(wrapped)
        if envelope.get("v") != WRAP_VERSION or envelope.get("kdf") != "argon2id":
            raise ValueError("unknown key envelope")
        key = _kdf(
            password,
            base64.b64decode(envelope["salt"]),
            int(envelope["t"]),
            int(envelope["m"]),
            int(envelope["p"]),
        )
        der = AESGCM(key).decrypt(
            base64.b64decode(envelope["nonce"]), base64.b64decode(envelope["sealed"]), _AAD
        )
    except InvalidTag:
        raise Refused("the password does not open this user's signing key") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise Refused(f"the stored signing key is damaged ({exc})") from None
    return serialization.load_der_private_key(der, password=None)


def _name_for(user: User) -> object:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    attrs = [
        x509.NameAttribute(NameOID.COMMON_NAME, user.full_name[:64]),
        x509.NameAttribute(NameOID.USER_ID, user.username),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "AuditApp signer (self-certified)"),
    ]
    if user.email:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, user.email[:128]))
    return x509.Name(attrs)


def make_certificate(user: User, private_key: object) -> str:
    """A self-signed certificate for document signing (PEM)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization

    public = private_key.public_key()  # type: ignore[attr-defined]
    name = _name_for(user)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)  # type: ignore[arg-type]
        .issuer_name(name)  # type: ignore[arg-type]
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * CERT_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(private_key, hashes.SHA256())  # type: ignore[arg-type]
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def new_key_pair(user: User) -> object:
    """A fresh RSA key pair for ``user`` (the test suite hands out cached ones: tests/conftest.py)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)


def provision_identity(user: User, password: str) -> None:
    """Give a user a new key pair and certificate, the key wrapped under their password."""
    key = new_key_pair(user)
    user.certificate_pem = make_certificate(user, key)
    user.wrapped_private_key = wrap_private_key(key, password)


def rewrap_identity(user: User, old_password: str, new_password: str) -> None:
    """On a password change: the same key and certificate, sealed under the new password."""
    if user.wrapped_private_key is None:
        provision_identity(user, new_password)
        return
    key = unwrap_private_key(user.wrapped_private_key, old_password)
    user.wrapped_private_key = wrap_private_key(key, new_password)


def ensure_identity(user: User, password: str) -> None:
    """Accounts made before signing existed get their identity at their first signature."""
    if user.certificate_pem is None or user.wrapped_private_key is None:
        provision_identity(user, password)


@dataclass(frozen=True)
class Identity:
    """What a signer needs, unwrapped for one ceremony; never stored."""

    private_key: object
    certificate_pem: str  # leaf first, then any chain
    fingerprint: str


def open_identity(user: User, password: str) -> Identity:
    if user.certificate_pem is None or user.wrapped_private_key is None:
        raise Refused(f"user {user.username!r} has no signing key")
    key = unwrap_private_key(user.wrapped_private_key, password)
    leaf = certificates(user.certificate_pem)[0]
    from cryptography.hazmat.primitives import serialization

    mine = key.public_key().public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    theirs = leaf.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    if mine != theirs:
        raise Refused(f"the signing key of {user.username!r} does not match its certificate")
    return Identity(key, user.certificate_pem, fingerprint(leaf))


def certificates(pem: str) -> list[Any]:
    from cryptography import x509

    try:
        certs = x509.load_pem_x509_certificates(pem.encode())
    except ValueError as exc:
        raise BadInput(f"not a PEM certificate ({exc})") from None
    return list(certs)


def fingerprint(cert: object) -> str:
    """SHA-256 over the certificate's DER encoding (the usual "SHA-256 fingerprint")."""
    from cryptography.hazmat.primitives import serialization

    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()  # type: ignore[attr-defined]


def certificate_fingerprint_of_pem(pem: str) -> str:
    return fingerprint(certificates(pem)[0])


def import_pkcs12(user: User, password: str, data: bytes, p12_password: str | None) -> str:
    """Replace a user's identity by an organisation's PKCS#12; returns the new fingerprint.

    The caller has re-authenticated the user with ``password``: the imported key is wrapped
    under it like a generated one, so the PKCS#12 password is needed only once.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            data, p12_password.encode() if p12_password else None
        )
    except ValueError:
        raise BadInput(
            "cannot open the PKCS#12 file: wrong password or not a PKCS#12 file"
        ) from None
    if key is None or cert is None:
        raise BadInput("the PKCS#12 file must hold a private key and its certificate")
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(
        serialization.Encoding.DER, spki
    ) != cert.public_key().public_bytes(serialization.Encoding.DER, spki):
        raise BadInput("the PKCS#12 key does not match its certificate")
    now = dt.datetime.now(dt.UTC)
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise BadInput("the PKCS#12 certificate is not valid now")
    chain = [cert, *extra]
    user.certificate_pem = "".join(
        c.public_bytes(serialization.Encoding.PEM).decode() for c in chain
    )
    user.wrapped_private_key = wrap_private_key(key, password)
    return fingerprint(cert)


def known_certificates(session: Session) -> dict[str, tuple[str, str]]:
    """Fingerprint -> (username, full name) of every signer certificate this database knows.

    Besides the users' current certificates this includes every certificate ever recorded in a
    signature, so a replaced certificate still verifies as known for old reports.
    """
    known: dict[str, tuple[str, str]] = {}
    users = {u.id: u for u in session.scalars(select(User))}
    for u in users.values():
        if u.certificate_pem:
            try:
                known[certificate_fingerprint_of_pem(u.certificate_pem)] = (u.username, u.full_name)
            except BadInput:
                continue
    for sig in session.scalars(select(Signature)):
        signer = users.get(sig.user_id)
        if signer is not None:
            known.setdefault(sig.certificate_sha256, (signer.username, sig.printed_name))
    return known
