"""Whom a signature verification trusts: decided here by key, never by the name on a certificate.

pyHanko says a signature is *intact* for any self-made certificate: a forger who creates a
certificate in the real signer's name passes every byte check. So a signature is only valid when
its certificate is also trusted, by one of:

- an AuditApp signer the opened database knows (the users' certificates and every certificate
  recorded in a signature), matched by certificate fingerprint or by public key;
- the trust store in the user data folder (``auditapp trust add FILE.pem``): a colleague's
  exported certificate (matched by fingerprint or public key) or an organisation CA (the
  signer's certificate must chain to it, checked by pyhanko-certvalidator);
- a certificate given for one run (``auditapp verify --trust FILE.pem``).

This module is Qt-free and knows nothing of PDF; auditapp.reports.verification applies it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from auditapp import paths
from auditapp.errors import BadInput, NotFound

STORE_FOLDER = "trust"


@dataclass(frozen=True)
class TrustedCertificate:
    """One certificate of the trust store, or one given with --trust."""

    fingerprint: str  # SHA-256 over the DER encoding
    subject: str  # common name, or the whole subject when there is none
    is_ca: bool
    not_after: dt.datetime
    source: str  # "trust store" or the --trust file name
    der: bytes = field(repr=False)


@dataclass(frozen=True)
class Anchors:
    """Everything a verification may trust; an empty instance trusts nothing."""

    # fingerprint -> (username, full name) of the signers the opened database knows
    known: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # SHA-256 of the public key (SubjectPublicKeyInfo) -> (username, full name)
    known_keys: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    certificates: tuple[TrustedCertificate, ...] = ()

    def names(self) -> set[str]:
        """Signer names these anchors vouch for, to say "unknown certificate for <name>"."""
        out = {full for _u, full in self.known.values()}
        out |= {full for _u, full in self.known_keys.values()}
        out |= {c.subject for c in self.certificates if not c.is_ca}
        return {n.casefold() for n in out}


@dataclass(frozen=True)
class Verdict:
    trusted: bool
    reason: str  # "trusted: ..." or "NOT TRUSTED: ..."


def store_dir() -> Path:
    path = paths.data_dir() / STORE_FOLDER
    path.mkdir(parents=True, exist_ok=True)
    paths.restrict(path, directory=True)
    return path


def _load(data: bytes, source: str) -> list[TrustedCertificate]:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        if b"-----BEGIN" in data:
            certs = x509.load_pem_x509_certificates(data)
        else:
            certs = [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise BadInput(f"{source} is not a certificate (PEM or DER)") from None
    out = []
    for cert in certs:
        der = cert.public_bytes(serialization.Encoding.DER)
        try:
            ca = bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
        except x509.ExtensionNotFound:
            ca = False
        names = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
        subject = str(names[0].value) if names else cert.subject.rfc4514_string()
        out.append(
            TrustedCertificate(
                hashlib.sha256(der).hexdigest(), subject, ca, cert.not_valid_after_utc, source, der
            )
        )
    return out


def read_certificates(path: Path) -> list[TrustedCertificate]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"no file {path}") from None
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None
    return _load(data, path.name)


def add(path: Path) -> list[TrustedCertificate]:
    """Copy the certificate(s) of ``path`` into the trust store; returns what was added."""
    from cryptography.hazmat.primitives import serialization

    certs = read_certificates(path)
    folder = store_dir()
    for cert in certs:
        from cryptography import x509

        pem = x509.load_der_x509_certificate(cert.der).public_bytes(serialization.Encoding.PEM)
        target = folder / f"{cert.fingerprint}.pem"
        target.write_bytes(pem)
        paths.restrict(target)
    return [
        TrustedCertificate(c.fingerprint, c.subject, c.is_ca, c.not_after, "trust store", c.der)
        for c in certs
    ]


def stored() -> list[TrustedCertificate]:
    out = []
    for file in sorted(store_dir().glob("*.pem")):
        try:
            out += [
                TrustedCertificate(
                    c.fingerprint, c.subject, c.is_ca, c.not_after, "trust store", c.der
                )
                for c in read_certificates(file)
            ]
        except BadInput:
            continue  # a damaged file trusts nothing
    return out


def remove(fingerprint: str) -> TrustedCertificate:
    """Remove by fingerprint (or an unambiguous prefix of at least 8 hex digits)."""
    wanted = fingerprint.strip().lower().replace(":", "")
    if len(wanted) < 8:
        raise BadInput("give at least 8 hex digits of the certificate's SHA-256 fingerprint")
    matches = [c for c in stored() if c.fingerprint.startswith(wanted)]
    if not matches:
        raise NotFound(f"no trusted certificate with fingerprint {fingerprint}")
    if len({c.fingerprint for c in matches}) > 1:
        raise BadInput(f"{fingerprint} matches several certificates; give more digits")
    (store_dir() / f"{matches[0].fingerprint}.pem").unlink(missing_ok=True)
    return matches[0]


def spki_sha256(der_certificate: bytes) -> str:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    cert = x509.load_der_x509_certificate(der_certificate)
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).hexdigest()


def anchors(
    *,
    known: Mapping[str, tuple[str, str]] | None = None,
    known_pems: Iterable[tuple[str, str, str]] = (),
    extra: Iterable[Path] = (),
    use_store: bool = True,
) -> Anchors:
    """Collect what a verification may trust.

    ``known_pems`` are (certificate PEM, username, full name) of the database's signers, used to
    match a re-issued certificate with the same key.
    """
    keys: dict[str, tuple[str, str]] = {}
    for pem, username, full_name in known_pems:
        try:
            for cert in _load(pem.encode(), username)[:1]:
                keys[spki_sha256(cert.der)] = (username, full_name)
        except BadInput:
            continue
    certs = list(stored()) if use_store else []
    for path in extra:
        certs += read_certificates(Path(path))
    return Anchors(dict(known or {}), keys, tuple(certs))


def _chains_to(
    leaf_der: bytes, others: Iterable[bytes], roots: list[TrustedCertificate]
) -> str | None:
    """The subject of the CA that ``leaf_der`` chains to, or None."""
    import asyncio

    from asn1crypto import x509 as ax509
    from pyhanko_certvalidator import CertificateValidator, ValidationContext

    if not roots:
        return None
    context = ValidationContext(
        trust_roots=[ax509.Certificate.load(r.der) for r in roots],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    validator = CertificateValidator(
        ax509.Certificate.load(leaf_der),
        intermediate_certs=[ax509.Certificate.load(d) for d in others],
        validation_context=context,
    )
    try:
        path = asyncio.run(validator.async_validate_usage(set()))
    except Exception:  # any path-building or validation failure: not trusted
        return None
    root = path.first
    names = root.subject.native
    return str(names.get("common_name") or root.subject.human_friendly)


def judge(
    leaf_der: bytes, signer_name: str, anchors: Anchors, chain: Iterable[bytes] = ()
) -> Verdict:
    """Is the certificate ``leaf_der`` (the signer calls itself ``signer_name``) trusted?"""
    digest = hashlib.sha256(leaf_der).hexdigest()
    if digest in anchors.known:
        username, full = anchors.known[digest]
        return Verdict(True, f"trusted: AuditApp signer {username} ({full})")
    key = spki_sha256(leaf_der)
    if key in anchors.known_keys:
        username, full = anchors.known_keys[key]
        return Verdict(True, f"trusted: public key of AuditApp signer {username} ({full})")
    for cert in anchors.certificates:
        if cert.fingerprint == digest or (not cert.is_ca and spki_sha256(cert.der) == key):
            return Verdict(True, f"trusted: certificate in {cert.source} ({cert.subject})")
    ca = _chains_to(leaf_der, chain, [c for c in anchors.certificates if c.is_ca])
    if ca is not None:
        return Verdict(True, f"trusted: issued by trusted CA {ca}")
    if signer_name.casefold() in anchors.names():
        return Verdict(False, f"NOT TRUSTED: unknown certificate for {signer_name}")
    return Verdict(
        False,
        "NOT TRUSTED: certificate not in the trust store "
        "(trust it with 'auditapp trust add FILE.pem' or --trust FILE.pem)",
    )


def fingerprint_pretty(digest: str) -> str:
    """ "AB12 CD34 ...", as printed in the report's signature block."""
    digest = digest.upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))
