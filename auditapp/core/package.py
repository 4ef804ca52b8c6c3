"""Audit packages (.auditpkg), format 2: one audit, signed by who exported it, to move it between
laptops. The layout and its signature are described in docs/security.md.

A package is a zip file:

- ``manifest.json``: format and version, the audit's reference, who exported it and when, the
  SHA-256 and size of every other member;
- ``manifest.sig``: the exporting user's certificate and their signature over manifest.json;
- ``audit.json``: the audit in the package's own schema (package_schema.py);
- ``trail.json``: the audit's trail entries with their original hashes;
- ``evidence/<sha256>`` and ``reports/<sha256>``: evidence originals and issued report files.

Optionally the whole zip is encrypted with a transfer password (package_crypto.py); it must be
when the exporting database is encrypted, unless the user says otherwise.

Import verifies the signature first, then every member's hash as it streams it (one evidence
original at a time, never the whole package), then rebuilds the audit through the core functions
the GUI uses (package_import.py), in one transaction: a refused package changes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp import __version__
from auditapp.core import input_limits, package_crypto, package_import, package_schema, trail
from auditapp.core.audits import REFERENCE_PATTERN, get_audit
from auditapp.core.models import Audit, ReportVersion
from auditapp.core.package_records import ReportCheck
from auditapp.core.package_schema import (
    FORMAT,
    FORMAT_VERSION,
    SUPPORTED_VERSIONS,
    Reader,
    SchemaError,
)
from auditapp.errors import AuditAppError, BadInput, Refused

MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_JSON_BYTES = 200 * 1024 * 1024
MAX_MEMBER_BYTES = max(input_limits.LIMITS["evidence"], 300 * 1024 * 1024)
MAX_TOTAL_BYTES = input_limits.LIMITS["package"]


class PackageError(Refused):
    """A package is damaged, tampered or not a package: nothing was imported."""


@dataclass(frozen=True)
class Exporter:
    """Who signs the package: the signed-in user and their unwrapped signing identity."""

    username: str
    full_name: str
    identity: Any  # signing.Identity


@dataclass
class ImportReport:
    reference: str
    signer_username: str
    signer_name: str
    signer_fingerprint: str
    signer_known: bool
    exported_at: str
    findings: int = 0
    evidence: int = 0
    reports: int = 0
    trail_rows: int = 0
    warnings: list[str] = field(default_factory=list)


# --- export ----------------------------------------------------------------------------------------


def export_audit(
    session: Session,
    reference: str,
    target: Path,
    *,
    exporter: Exporter,
    transfer_password: str | None = None,
) -> str:
    """Write the package; returns a one-line summary. The target appears only when complete."""
    audit = get_audit(session, reference)
    if transfer_password is not None:
        package_crypto.check_transfer_password(transfer_password)
    document = package_schema.audit_document(session, audit)
    trail_rows = package_schema.trail_document(session, audit)
    head = trail.head_hash(session.connection())
    partial = target.with_name(target.name + ".partial")
    files: dict[str, dict[str, Any]] = {}
    size = 0
    try:
        with open(partial, "wb") as raw:
            sink: Any = (
                package_crypto.EncryptingWriter(raw, transfer_password)
                if transfer_password
                else raw
            )
            with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:

                def put(name: str, data: bytes, *, stored: bool = False) -> None:
                    nonlocal size
                    files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                    size += len(data)
                    # Photos and PDFs are compressed already: storing them costs nothing.
                    archive.writestr(
                        name,
                        data,
                        compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED,
                    )

                put("audit.json", json.dumps(document, ensure_ascii=False, indent=1).encode())
                put("trail.json", json.dumps(trail_rows, ensure_ascii=False).encode())
                for digest, item in package_schema.evidence_originals(session, audit):
                    if f"evidence/{digest}" not in files:
                        put(
                            f"evidence/{digest}",
                            package_schema.original_of(session, item),
                            stored=True,
                        )
                        session.expire(item)
                for report in session.scalars(
                    select(ReportVersion).where(ReportVersion.audit_id == audit.id)
                ):
                    if f"reports/{report.sha256}" not in files:
                        put(f"reports/{report.sha256}", report.file_bytes, stored=True)
                    session.expire(report)
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "app_version": __version__,
                    "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "exported_by": {"username": exporter.username, "full_name": exporter.full_name},
                    "reference": audit.reference,
                    "title": audit.title,
                    "trail_head": head,
                    "files": files,
                }
                manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                archive.writestr("manifest.json", manifest_bytes)
                archive.writestr(
                    "manifest.sig",
                    package_crypto.signature_document(
                        exporter.identity, exporter.username, exporter.full_name, manifest_bytes
                    ),
                )
            if transfer_password:
                sink.close()
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BadInput(f"cannot write {target}: {exc.strerror}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    encrypted = ", encrypted" if transfer_password else ""
    return (
        f"{audit.reference}: {len(document['findings'])} findings, "
        f"{len(document['evidence'])} evidence items, {len(document['report_versions'])} "
        f"report versions, {len(trail_rows)} trail entries ({size / 1e6:.1f} MB{encrypted})"
    )


# --- import ----------------------------------------------------------------------------------------


def is_encrypted(path: Path) -> bool:
    with input_limits.open_regular(path, kind="package") as handle:
        return package_crypto.is_encrypted(handle.read(len(package_crypto.MAGIC)))


@contextlib.contextmanager
def _plain_zip(path: Path, transfer_password: str | None) -> Iterator[Path]:
    """The package as a plain zip on disk: itself, or decrypted into a private temporary file."""
    if not is_encrypted(path):
        yield path
        return
    if transfer_password is None:
        raise Refused(f"{input_limits.display_name(path)} is encrypted: give its transfer password")
    fd, name = tempfile.mkstemp(prefix="auditpkg-", suffix=".zip")  # mode 0600
    try:
        written = 0
        with os.fdopen(fd, "wb") as out, input_limits.open_regular(path, kind="package") as source:
            for piece in package_crypto.decrypt_frames(source, transfer_password):
                written += len(piece)
                if written > MAX_TOTAL_BYTES:
                    raise PackageError("the encrypted package expands beyond the package limit")
                out.write(piece)
        yield Path(name)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)


class _Package:
    """An opened, signature-checked package whose members are read against the manifest."""

    def __init__(self, archive: input_limits.BoundedZip, label: str) -> None:
        self.archive, self.label = archive, label
        names = archive.names()
        if len(names) != len(set(names)):
            raise PackageError(f"{label}: a member name appears twice (tampered package)")
        if "manifest.json" not in names:
            raise PackageError(f"{label}: not an audit package (manifest.json missing)")
        self.manifest_bytes = archive.read("manifest.json", limit=MAX_MANIFEST_BYTES)
        self.manifest = input_limits.load_json(
            self.manifest_bytes, source=f"{label}: manifest.json"
        )
        m = Reader(self.manifest, "manifest")
        kind = m.text("format", limit=40)
        if kind == "auditapp-package/1":
            # Format 1 was unsigned and imported rows unchecked: it is not trusted any more.
            raise PackageError(
                f"{label}: a format 1 package (unsigned, from an older AuditApp); "
                "ask the sender to export it again with this version"
            )
        if kind != FORMAT or self.manifest.get("format_version") not in SUPPORTED_VERSIONS:
            raise PackageError(
                f"{label}: unknown package format {kind!r} "
                f"version {self.manifest.get('format_version')!r}"
            )
        for required in ("manifest.sig", "audit.json", "trail.json"):
            if required not in names:
                raise PackageError(
                    f"{label}: not an audit package of format {FORMAT_VERSION} ({required} missing)"
                )
        sig = input_limits.load_json(
            archive.read("manifest.sig", limit=1024 * 1024), source=f"{label}: manifest.sig"
        )
        if not isinstance(sig, dict):
            raise PackageError(f"{label}: manifest.sig is not a signature")
        self.signer = package_crypto.verify_signature(sig, self.manifest_bytes)
        files = self.manifest.get("files")
        if not isinstance(files, dict):
            raise PackageError(f"{label}: manifest lists no files")
        self.files: dict[str, tuple[str, int]] = {}
        for name, entry in files.items():
            e = Reader(entry, f"manifest.files[{name[:60]!r}]")
            self.files[name] = (e.digest("sha256"), e.integer("size", high=MAX_TOTAL_BYTES))
        if set(names) != set(self.files) | {"manifest.json", "manifest.sig"}:
            raise PackageError(
                f"{label}: members differ from the signed manifest (tampered package)"
            )
        for name, (_digest, size) in self.files.items():
            if archive.size_of(name) != size:
                raise PackageError(f"{label}: {name[:80]} differs in size from the manifest")
        self.unread = {n for n in self.files if n.startswith(("evidence/", "reports/"))}
        self.reference = m.text("reference", limit=40)
        if not REFERENCE_PATTERN.match(self.reference):
            raise PackageError(f"{label}: bad audit reference {self.reference!r}")

    def read(self, name: str) -> bytes:
        """One member, streamed and hashed; refused when it differs from the signed manifest."""
        if name not in self.files:
            raise PackageError(f"{self.label}: {name[:80]} is not in the signed manifest")
        digest, size = self.files[name]
        limit = MAX_JSON_BYTES if name.endswith(".json") else MAX_MEMBER_BYTES
        if size > limit:
            raise PackageError(f"{self.label}: {name[:80]} is too large")
        self.unread.discard(name)
        hasher, parts = hashlib.sha256(), []
        for piece in self.archive.chunks(name):
            hasher.update(piece)
            parts.append(piece)
        if hasher.hexdigest() != digest:
            raise PackageError(
                f"{self.label}: {name[:80]} does not match its SHA-256 (tampered or damaged)"
            )
        return b"".join(parts)


@contextlib.contextmanager
def open_package(path: Path, transfer_password: str | None = None) -> Iterator[_Package]:
    label = input_limits.display_name(path)
    with _plain_zip(path, transfer_password) as plain:
        try:
            archive = input_limits.BoundedZip(
                plain, kind="package", max_member=MAX_MEMBER_BYTES, max_total=MAX_TOTAL_BYTES
            )
        except input_limits.InputRefused as exc:
            raise PackageError(
                f"{label}: not an audit package ({str(exc).split(': ', 1)[-1]})"
            ) from None
        with archive:
            try:
                yield _Package(archive, label)
            except SchemaError as exc:
                raise PackageError(f"{label}: {exc}") from None


def import_package(
    session: Session,
    path: Path,
    *,
    actor: str,
    transfer_password: str | None = None,
    accept_signer: str | None = None,
    check_report: ReportCheck | None = None,
) -> ImportReport:
    """Add the packaged audit; refuses a reference that exists and any damaged package.

    The signer must be known to this database (a user's certificate, or one recorded in a
    signature), or named by ``accept_signer`` (a prefix of at least 16 hex digits of the
    certificate's SHA-256, compared with the exporter out of band).
    """
    from auditapp.core.signing import known_certificates

    with open_package(path, transfer_password) as package:
        username, full_name, fingerprint = package.signer
        known = fingerprint in known_certificates(session)
        accepted = (
            bool(accept_signer)
            and len(accept_signer or "") >= 16
            and fingerprint.startswith((accept_signer or "").lower())
        )
        if not known and not accepted:
            raise Refused(
                f"{package.label} is signed by {full_name} ({username}), whose certificate this "
                f"database does not know (SHA-256 {fingerprint}); check that fingerprint with the "
                f"sender, then import with --accept-signer {fingerprint[:16]}"
            )
        if session.scalar(select(Audit).where(Audit.reference == package.reference)) is not None:
            raise Refused(
                f"audit {package.reference} exists already in this database; nothing imported"
            )
        document = input_limits.load_json(
            package.read("audit.json"), source=f"{package.label}: audit.json"
        )
        try:
            doc = Reader(document, "audit.json")
            inside = doc.child("audit").text("reference", limit=40)  # type: ignore[union-attr]
            if inside.strip().upper() != package.reference:
                raise SchemaError(
                    f"the manifest names {package.reference} but the content is {inside[:40]!r}"
                )
            rebuilt = package_import.rebuild(
                session,
                doc,
                package.read,
                actor=actor,
                signer=f"{full_name} ({username}) {fingerprint[:16]}",
                check_report=check_report,
            )
            if package.unread:
                raise SchemaError(
                    f"{len(package.unread)} member(s) that the audit does not use, "
                    f"e.g. {sorted(package.unread)[0][:80]}"
                )
        except SchemaError as exc:
            raise PackageError(f"{package.label}: {exc}") from None
        except PackageError:
            raise
        except AuditAppError as exc:  # the core's own refusal (grade, status, text...) of a value
            raise PackageError(f"{package.label}: refused content: {exc}") from None
        return ImportReport(
            reference=rebuilt.reference,
            signer_username=username,
            signer_name=full_name,
            signer_fingerprint=fingerprint,
            signer_known=known,
            exported_at=str(package.manifest.get("exported_at", ""))[:40],
            findings=rebuilt.findings,
            evidence=rebuilt.evidence,
            reports=rebuilt.reports,
            trail_rows=rebuilt.trail_rows,
            warnings=rebuilt.warnings,
        )
