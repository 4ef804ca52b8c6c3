"""Signing identities and the rules of the signature ceremony (21 CFR 11.50/11.70/11.200).

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

This module is Qt-free and report-free: the PDF work is in auditapp.reports.pades and the
ceremony that ties both together in auditapp.reports.signoff.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from dataclasses import astuple, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import kdf_cost
from auditapp.core.models import (
    Audit,
    ReportVersion,
    Role,
    Signature,
    SignatureMeaning,
    User,
)
from auditapp.errors import BadInput, Refused

KEY_BITS = 3072
CERT_YEARS = 10
WRAP_VERSION = 1
# argon2id parameters for the key-wrapping key (RFC 9106 second recommendation, 64 MiB);
# minimal only under the test suite's switch (auditapp.core.kdf_cost).
KDF_TIME_COST, KDF_MEMORY_KIB, KDF_PARALLELISM = astuple(kdf_cost.cost(kdf_cost.KEY_WRAP))
_AAD = b"auditapp signing key v1"

MEANING_ORDER = (SignatureMeaning.AUTHOR, SignatureMeaning.REVIEWER, SignatureMeaning.APPROVER)
COUNTERSIGNER_ROLES = frozenset({Role.REVIEWER.value, Role.LEAD_AUDITOR.value, Role.ADMIN.value})

# The one statement of each meaning: shown in the ceremony, printed in the signature slot and
# drawn in the signature stamp (11.50(a)(3)), in the document's language.
MEANING_TEXT = {
    "en": {
        "author": "I wrote this report and am responsible for its content.",
        "reviewer": "I reviewed this report for quality assurance.",
        "approver": "I approve this report for issue.",
        "certificate": "I confirm that the audit described in this certificate took place.",
    },
    "de": {
        "author": "Ich habe diesen Bericht verfasst und bin für seinen Inhalt verantwortlich.",
        "reviewer": "Ich habe diesen Bericht für die Qualitätssicherung geprüft.",
        "approver": "Ich gebe diesen Bericht zur Ausgabe frei.",
        "certificate": "Ich bestätige, dass das in diesem Zertifikat beschriebene Audit "
        "stattgefunden hat.",
    },
}
# The meaning's name, as a signer and a reader say it.
MEANING_LABEL = {
    "en": {"author": "Author", "reviewer": "Review", "approver": "Approval",
           "certificate": "Audit certificate"},
    "de": {"author": "Verfasser", "reviewer": "Prüfung", "approver": "Freigabe",
           "certificate": "Auditzertifikat"},
}


def parse_meaning(value: str | SignatureMeaning) -> SignatureMeaning:
    try:
        return SignatureMeaning(str(value).strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in SignatureMeaning)
        raise BadInput(f"unknown signature meaning {value!r}; choose one of: {choices}") from None


# --- keys ------------------------------------------------------------------------------------


def _kdf(password: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode("utf-8"), salt, time_cost=t, memory_cost=m, parallelism=p, hash_len=32,
        type=Type.ID,
    )


def wrap_private_key(private_key: object, password: str) -> bytes:
    """PKCS#8 DER of the key, sealed with AES-256-GCM under an argon2id-derived key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    der = private_key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _kdf(password, salt, KDF_TIME_COST, KDF_MEMORY_KIB, KDF_PARALLELISM)
    sealed = AESGCM(key).encrypt(nonce, der, _AAD)
    envelope = {
        "v": WRAP_VERSION, "kdf": "argon2id", "t": KDF_TIME_COST, "m": KDF_MEMORY_KIB,
        "p": KDF_PARALLELISM, "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(), "aead": "aes-256-gcm",
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
        key = _kdf(password, base64.b64decode(envelope["salt"]), int(envelope["t"]),
                   int(envelope["m"]), int(envelope["p"]))
        der = AESGCM(key).decrypt(base64.b64decode(envelope["nonce"]),
                                  base64.b64decode(envelope["sealed"]), _AAD)
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
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False,
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
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    theirs = leaf.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    if mine != theirs:
        raise Refused(f"the signing key of {user.username!r} does not match its certificate")
    return Identity(key, user.certificate_pem, fingerprint(leaf))


def certificates(pem: str) -> list:
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
            data, p12_password.encode() if p12_password else None)
    except ValueError:
        raise BadInput("cannot open the PKCS#12 file: wrong password or not a PKCS#12 file") from None
    if key is None or cert is None:
        raise BadInput("the PKCS#12 file must hold a private key and its certificate")
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(serialization.Encoding.DER, spki) != cert.public_key().public_bytes(
        serialization.Encoding.DER, spki
    ):
        raise BadInput("the PKCS#12 key does not match its certificate")
    now = dt.datetime.now(dt.UTC)
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise BadInput("the PKCS#12 certificate is not valid now")
    chain = [cert, *extra]
    user.certificate_pem = "".join(
        c.public_bytes(serialization.Encoding.PEM).decode() for c in chain)
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
        u = users.get(sig.user_id)
        if u is not None:
            known.setdefault(sig.certificate_sha256, (u.username, sig.printed_name))
    return known


# --- who may sign what ----------------------------------------------------------------------


def is_author_eligible(audit: Audit, user: User) -> bool:
    if audit.lead_auditor_id == user.id:
        return True
    return any(m.user_id == user.id for m in audit.team)


def current_signatures(session: Session, audit: Audit) -> list[Signature]:
    version = current_report_version(session, audit, fmt="pdf")
    if version is None:
        return []
    return list(
        session.scalars(
            select(Signature).where(Signature.report_version_id == version.id).order_by(Signature.id)
        )
    )


def current_report_version(session: Session, audit: Audit, *, fmt: str = "pdf") -> ReportVersion | None:
    return session.scalar(
        select(ReportVersion).where(
            ReportVersion.audit_id == audit.id,
            ReportVersion.version == audit.report_version,
            ReportVersion.format == fmt,
        )
    )


def check_may_sign(session: Session, audit: Audit, user: User, meaning: SignatureMeaning) -> None:
    """The authority and sequencing checks of 11.10(f)/(g); raises Refused with the reason."""
    signed = current_signatures(session, audit)
    by_meaning = {s.meaning: s for s in signed}
    if meaning.value in by_meaning:
        raise Refused(
            f"report version {audit.report_version} of {audit.reference} already has a "
            f"{meaning.value} signature ({by_meaning[meaning.value].printed_name})"
        )
    if SignatureMeaning.APPROVER.value in by_meaning:
        raise Refused(f"{audit.reference} is approved and locked; the lead auditor must reopen it")
    if meaning is SignatureMeaning.AUTHOR:
        if audit.locked:
            raise Refused(f"{audit.reference} is locked; the lead auditor must reopen it")
        if not is_author_eligible(audit, user):
            raise Refused(
                f"{user.username} is neither the lead auditor nor on the team of "
                f"{audit.reference}, so cannot sign as author"
            )
        return
    if SignatureMeaning.AUTHOR.value not in by_meaning:
        raise Refused(f"the author must sign {audit.reference} before the {meaning.value} can")
    if user.role not in COUNTERSIGNER_ROLES:
        raise Refused(
            f"{user.username} has role {user.role}; a {meaning.value} must be a reviewer, "
            "lead auditor or administrator"
        )
    from auditapp.core import settings

    # Four eyes (a setting, on by default): nobody signs one report version twice, so the
    # reviewer and the approver are other people than the author and than each other.
    mine = [s for s in signed if s.user_id == user.id]
    if mine and settings.separate_signers(session):
        raise Refused(
            f"{user.username} already signed report version {audit.report_version} of "
            f"{audit.reference} as {mine[0].meaning} and cannot also sign as {meaning.value}: "
            "one person, one meaning per version"
        )


def local_time_parts(now: dt.datetime | None = None) -> tuple[dt.datetime, str]:
    """The UTC time of signing and the signer's local offset as +HH:MM."""
    # Whole seconds: the CMS signing time, the stamp and the printed page all show seconds.
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    local = now.astimezone()
    offset = local.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return now.astimezone(dt.UTC), f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _offset_delta(utc_offset: str) -> dt.timedelta:
    sign = -1 if utc_offset.startswith("-") else 1
    hours, minutes = utc_offset[1:].split(":")
    return dt.timedelta(hours=int(hours), minutes=int(minutes)) * sign


def local_clock(at: dt.datetime, utc_offset: str) -> str:
    """The signer's wall-clock time (HH:MM:SS) at ``at``, given their offset "+01:00"."""
    return (at.astimezone(dt.UTC) + _offset_delta(utc_offset)).strftime("%H:%M:%S")


def format_signing_time(at: dt.datetime, utc_offset: str) -> str:
    """"2026-11-20 14:03:12 UTC (15:03:12 local, UTC+01:00)"."""
    local = local_clock(at, utc_offset)
    return f"{at.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC ({local} local, UTC{utc_offset})"


# --- recording a signature, locking, reopening ---------------------------------------------


@dataclass(frozen=True)
class SignatureRecord:
    """What the ceremony hands to :func:`record_signature` after the bytes are signed."""

    meaning: SignatureMeaning
    signed_at: dt.datetime
    utc_offset: str
    signed_sha256: str  # SHA-256 of the document the signer was shown and signed
    certificate_sha256: str
    file_bytes: bytes  # the document with this signature applied
    trail_head: str  # trail head printed in the document
    language: str


def last_reopen_reason(session: Session, audit: Audit) -> str:
    from auditapp.core.models import TrailEntry

    row = session.scalar(
        select(TrailEntry.reason)
        .where(TrailEntry.entity == "audit", TrailEntry.entity_id == str(audit.id),
               TrailEntry.action == "reopen")
        .order_by(TrailEntry.id.desc())
        .limit(1)
    )
    return row or ""


def record_signature(session: Session, audit: Audit, user: User, record: SignatureRecord) -> Signature:
    """Store the signed bytes, the Signature and the trail event in the caller's transaction.

    The author's signature creates the report version and locks the audit, so the record the
    reviewer and approver countersign cannot drift from the database; the approver's makes it
    final. A countersigned PDF must extend the stored bytes (an incremental update), so what
    was signed before stays byte for byte inside what is stored now.
    """
    from auditapp.core import locking, trail
    from auditapp.core.models import AuditStatus

    check_may_sign(session, audit, user, record.meaning)
    digest = hashlib.sha256(record.file_bytes).hexdigest()
    with locking.override(session, "sign"):
        version = current_report_version(session, audit, fmt="pdf")
        if record.meaning is SignatureMeaning.AUTHOR:
            if version is not None:
                raise Refused(f"report version {audit.report_version} of {audit.reference} exists")
            version = ReportVersion(
                audit_id=audit.id, version=audit.report_version, format="pdf",
                language=record.language, file_bytes=record.file_bytes, sha256=digest,
                trail_head=record.trail_head, created_by=user.username,
                reopen_reason=last_reopen_reason(session, audit),
            )
            session.add(version)
            audit.locked = True
            audit.status = AuditStatus.IN_REVIEW.value
            # The author's signature issues the report: due dates given as days after issue
            # now become dates (in the signer's local calendar).
            from auditapp.core import findings

            issued = (record.signed_at.astimezone(dt.UTC)
                      + _offset_delta(record.utc_offset)).date()
            audit.issued_on = issued
            findings.fix_due_dates(audit, issued)
        else:
            if version is None:
                raise Refused(f"{audit.reference} has no signed report to countersign")
            stored = version.file_bytes
            if hashlib.sha256(stored).hexdigest() != record.signed_sha256:
                raise Refused("the stored report changed while it was being signed; start again")
            if not record.file_bytes.startswith(stored):
                raise Refused("a countersignature must be an incremental update of the stored report")
            version.file_bytes = record.file_bytes
            version.sha256 = digest
            if record.meaning is SignatureMeaning.APPROVER:
                audit.status = AuditStatus.FINAL.value
        session.flush()
        signature = Signature(
            report_version_id=version.id, user_id=user.id, printed_name=user.full_name,
            role=user.role, meaning=record.meaning.value, signed_at=record.signed_at,
            utc_offset=record.utc_offset, signed_sha256=record.signed_sha256,
            certificate_sha256=record.certificate_sha256,
        )
        session.add(signature)
        session.flush()
        trail.record_event(
            session.connection(), user=user.username, action="sign", entity="report_version",
            entity_id=str(version.id),
            detail=json.dumps({
                "audit": audit.reference, "version": version.version,
                "meaning": record.meaning.value, "printed_name": user.full_name,
                "signed_at": record.signed_at.isoformat(), "utc_offset": record.utc_offset,
                "signed_sha256": record.signed_sha256, "file_sha256": digest,
                "certificate_sha256": record.certificate_sha256,
            }, sort_keys=True),
        )
    return signature


def reopen_audit(db: object, reference: str, *, username: str, password: str, reason: str) -> int:
    """Unlock a signed audit for changes: lead auditor only, with a reason; returns the new
    report version number. The signed versions stay as they are."""
    from auditapp.core import audits, locking, trail, users
    from auditapp.core.models import AuditStatus

    reason = " ".join(reason.split())
    if not reason:
        raise BadInput("reopening a signed audit needs a reason (it is kept in the audit trail)")
    with db.session() as session:  # type: ignore[attr-defined]
        audits.get_audit(session, reference)  # an unknown reference costs no sign-in attempt
    user = users.authenticate(db, username, password)  # type: ignore[arg-type]
    with db.session(actor=user.username, reason=reason) as session:  # type: ignore[attr-defined]
        audit = audits.get_audit(session, reference)
        if audit.lead_auditor_id != user.id:
            raise Refused(f"only the lead auditor of {audit.reference} can reopen it")
        if not audit.locked and not current_signatures(session, audit):
            raise Refused(f"{audit.reference} is not signed; there is nothing to reopen")
        old = audit.report_version
        with locking.override(session, "reopen"):
            audit.locked = False
            audit.report_version = old + 1
            audit.status = AuditStatus.REPORTING.value
            session.flush()
            trail.record_event(
                session.connection(), user=user.username, action="reopen", entity="audit",
                entity_id=str(audit.id), reason=reason,
                detail=json.dumps({"audit": audit.reference, "from_version": old,
                                   "to_version": old + 1}),
            )
        return audit.report_version


def report_versions(session: Session, audit: Audit) -> list[ReportVersion]:
    return list(
        session.scalars(
            select(ReportVersion).where(ReportVersion.audit_id == audit.id)
            .order_by(ReportVersion.version, ReportVersion.format)
        )
    )


def team_user_ids(audit: Audit) -> set[int]:
    ids = {m.user_id for m in audit.team if m.user_id is not None}
    if audit.lead_auditor_id is not None:
        ids.add(audit.lead_auditor_id)
    return ids

