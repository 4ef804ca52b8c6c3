"""Audit packages (.auditpkg): one audit with its evidence, to move it between laptops.

A package is a zip file: ``manifest.json`` (format, source, SHA-256 of every other member),
``audit.json`` (the audit's rows, table by table) and ``blobs/<sha256>`` (evidence originals,
display images and thumbnails). Import checks the zip's shape and sizes, every hash, and every
value's type before it writes anything, then adds the whole audit in one transaction, so a
tampered or truncated package changes nothing. Accounts are not carried: user links become
empty and names stay as text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, Integer, LargeBinary, select
from sqlalchemy.orm import Session

from auditapp import __version__
from auditapp.core import evidence as evidence_mod
from auditapp.core import snapshots
from auditapp.core.audits import REFERENCE_PATTERN, get_audit
from auditapp.core.models import (
    Audit,
    AuditeeParticipant,
    AuditStudy,
    Base,
    ChecklistSnapshot,
    DocumentReviewed,
    Evidence,
    EvidenceBlob,
    EvidenceLink,
    Finding,
    Organisation,
    Response,
    Study,
    TeamMember,
    UTCDateTime,
)
from auditapp.errors import BadInput, Refused

FORMAT = "auditapp-package/1"
MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_JSON_BYTES = 200 * 1024**2

# Export order is import order: parents before children.
TABLES: tuple[type[Base], ...] = (
    Organisation, Study, Audit, AuditStudy, TeamMember, AuditeeParticipant, DocumentReviewed,
    ChecklistSnapshot, Response, Finding, Evidence, EvidenceLink,
)
# Foreign keys to rewrite on import: column -> table it points to. Users are not carried.
_REFS = {
    "sponsor_id": "organisation", "auditee_id": "organisation", "study_id": "study",
    "audit_id": "audit", "evidence_id": "evidence", "finding_id": "finding",
}
_DROPPED = {"lead_auditor_id", "user_id"}


class PackageError(Refused):
    """A package is damaged, tampered or not a package: nothing was imported."""


def _value_out(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"blob": hashlib.sha256(value).hexdigest()}
    return value


def _rows(session: Session, audit: Audit) -> dict[str, list[Any]]:
    orgs = [o for o in (audit.sponsor, audit.auditee) if o is not None]
    studies = [link.study for link in audit.studies]
    evidence = list(session.scalars(select(Evidence).where(Evidence.audit_id == audit.id)))
    selected: dict[type[Base], list[Any]] = {
        Organisation: list({o.id: o for o in orgs}.values()),
        Study: studies,
        Audit: [audit],
        AuditStudy: list(audit.studies),
        TeamMember: list(audit.team),
        AuditeeParticipant: list(audit.participants),
        DocumentReviewed: list(audit.documents),
        ChecklistSnapshot: [audit.snapshot] if audit.snapshot else [],
        Response: list(audit.responses),
        Finding: list(audit.findings),
        Evidence: evidence,
        EvidenceLink: list(session.scalars(select(EvidenceLink).where(
            EvidenceLink.evidence_id.in_([e.id for e in evidence])))),
    }
    return {model.__tablename__: items for model, items in selected.items()}


def export_audit(session: Session, reference: str, target: Path) -> Path:
    audit = get_audit(session, reference)
    tables: dict[str, list[dict[str, Any]]] = {}
    blobs: dict[str, bytes] = {}
    for name, items in _rows(session, audit).items():
        model = next(m for m in TABLES if m.__tablename__ == name)
        out = []
        for item in items:
            row = {}
            for column in model.__table__.columns:
                value = getattr(item, column.key)
                if isinstance(value, bytes):
                    blobs[hashlib.sha256(value).hexdigest()] = value
                row[column.key] = _value_out(value)
            if isinstance(item, ChecklistSnapshot):
                # The text is stored once per database; a package carries it with the audit.
                row["content_json"] = item.content_json
            out.append(row)
        tables[name] = out
    for item in tables["evidence"]:
        blobs[item["sha256"]] = evidence_mod.original_bytes(
            session, session.get(Evidence, item["id"])
        )
    audit_json = json.dumps({"tables": tables}, ensure_ascii=False, indent=1).encode("utf-8")
    members = {"audit.json": audit_json} | {f"blobs/{k}": v for k, v in blobs.items()}
    manifest = {
        "format": FORMAT,
        "app_version": __version__,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(),
        "reference": audit.reference,
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    }
    partial = target.with_name(target.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=1))
            for name, data in members.items():
                # Photos are already compressed: storing them saves time for nothing lost.
                kind = zipfile.ZIP_STORED if name.startswith("blobs/") else zipfile.ZIP_DEFLATED
                archive.writestr(name, data, compress_type=kind)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BadInput(f"cannot write {target}: {exc.strerror}") from None
    return target


def _read_checked(path: Path) -> tuple[dict[str, Any], dict[str, Any], dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise PackageError(f"{path} is not an audit package ({exc})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise PackageError(f"{path}: package too large or too many members")
        names = {i.filename for i in infos}
        if "manifest.json" not in names or "audit.json" not in names:
            raise PackageError(f"{path}: not an audit package (manifest.json or audit.json missing)")
        try:
            manifest = json.loads(archive.read("manifest.json"))
            files = manifest["files"]
            if manifest.get("format") != FORMAT:
                raise PackageError(f"{path}: unknown package format {manifest.get('format')!r}")
            expected = set(files) | {"manifest.json"}
            if names != expected:
                raise PackageError(f"{path}: members differ from the manifest (tampered package)")
            data: dict[str, bytes] = {}
            for name, digest in files.items():
                if archive.getinfo(name).file_size > MAX_JSON_BYTES and name == "audit.json":
                    raise PackageError(f"{path}: audit.json too large")
                content = archive.read(name)
                if hashlib.sha256(content).hexdigest() != digest:
                    raise PackageError(f"{path}: {name} does not match its SHA-256 (tampered or damaged)")
                data[name] = content
            tables = json.loads(data.pop("audit.json"))["tables"]
        except PackageError:
            raise
        except (KeyError, TypeError, ValueError, zipfile.BadZipFile, EOFError) as exc:
            raise PackageError(f"{path}: damaged package ({type(exc).__name__}: {exc})") from None
    blobs = {name.removeprefix("blobs/"): content for name, content in data.items()}
    for digest, content in blobs.items():
        if hashlib.sha256(content).hexdigest() != digest:
            raise PackageError(f"{path}: blob {digest[:12]} does not match its name")
    return manifest, tables, blobs


def _value_in(column: Any, value: Any, blobs: dict[str, bytes]) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, LargeBinary):
        return blobs[value["blob"]]
    if isinstance(kind, UTCDateTime):
        parsed = dt.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(f"{column.key}: time without zone")
        return parsed
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise ValueError(f"{column.key}: not a boolean")
        return value
    if isinstance(kind, Integer):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{column.key}: not an integer")
        return value
    if not isinstance(value, str):
        raise ValueError(f"{column.key}: not text")
    return value


def import_package(session: Session, path: Path) -> str:
    """Add the packaged audit; refuses a reference that exists and any damaged package."""
    manifest, tables, blobs = _read_checked(path)
    reference = str(manifest.get("reference", ""))
    if not REFERENCE_PATTERN.match(reference):
        raise PackageError(f"{path}: bad audit reference {reference!r}")
    if session.scalar(select(Audit).where(Audit.reference == reference)) is not None:
        raise Refused(f"audit {reference} exists already in this database; nothing imported")
    new_ids: dict[str, dict[int, int]] = {}
    try:
        for model in TABLES:
            name = model.__tablename__
            ids = new_ids.setdefault(name, {})
            for row in tables.get(name, []):
                values = {}
                for column in model.__table__.columns:
                    if column.key == "id" or column.key in _DROPPED:
                        continue
                    value = _value_in(column, row.get(column.key), blobs)
                    if column.key in _REFS and value is not None:
                        value = new_ids[_REFS[column.key]][value]
                    values[column.key] = value
                if model is Audit:
                    values["locked"] = False
                if model is ChecklistSnapshot:
                    snapshots.store_json(session, row["content_json"], expected_sha256=values["sha256"])
                if model is Evidence and session.get(EvidenceBlob, values["sha256"]) is None:
                    original = blobs[values["sha256"]]
                    session.add(EvidenceBlob(sha256=values["sha256"], size=len(original), data=original))
                    session.flush()
                item = model(**values)
                session.add(item)
                session.flush()
                ids[int(row["id"])] = item.id
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError(f"{path}: inconsistent package content ({type(exc).__name__}: {exc})") from None
    return reference


def package_summary(path: Path) -> str:
    manifest, tables, blobs = _read_checked(path)
    size = sum(len(b) for b in blobs.values())
    return (f"{manifest['reference']}: {len(tables.get('finding', []))} findings, "
            f"{len(tables.get('evidence', []))} evidence items ({size / 1e6:.1f} MB)")
