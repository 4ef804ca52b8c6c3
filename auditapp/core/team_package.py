"""Team packages: "hand out" an audit to a co-auditor and "hand back" their work (docs/team.md).

A team package is a zip signed like an audit package (package_crypto): ``manifest.json`` lists
the SHA-256 and size of every other member and ``manifest.sig`` signs it. Members:

- ``team.json``: the assignment, the values of every travelling record now (``current``), the
  common base they were worked from (``base``) and, for a hand back, who changed which field when
  in the co-auditor's copy (``changes``, read from their trail through trail_query);
- ``audit.auditpkg`` (hand out only): the whole audit as a format-2 package, from which the
  co-auditor's working copy is made the first time;
- ``evidence/<sha256>`` (hand back only): the originals of evidence added in the working copy,
  each once.

The manifest names the audit by its stable id (``audit_uid``) and the package by its own id, so a
package for another audit is refused and a package applied twice changes nothing. Opening one
and checking it before anything is read: team_open.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp import __version__
from auditapp.core import package, package_crypto, package_schema, team_records
from auditapp.core.audits import get_audit
from auditapp.core.models import Audit, Evidence, TeamCopy, TeamPackage
from auditapp.core.team_open import FORMAT, FORMAT_VERSION
from auditapp.core.team_uids import new_uid
from auditapp.errors import BadInput, Refused


@dataclass(frozen=True)
class Assignment:
    """What the lead gives one co-auditor to do: checklist areas and findings to write."""

    areas: tuple[str, ...] = ()
    findings: tuple[int, ...] = ()
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"areas": list(self.areas), "findings": list(self.findings), "note": self.note}


def team_copy(session: Session, audit: Audit) -> TeamCopy | None:
    return session.scalar(select(TeamCopy).where(TeamCopy.audit_id == audit.id))


def _write(
    target: Path,
    manifest: dict[str, Any],
    members: dict[str, bytes],
    exporter: package.Exporter,
    transfer_password: str | None,
) -> None:
    manifest["files"] = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in members.items()
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    partial = target.with_name(target.name + ".partial")
    try:
        with open(partial, "wb") as raw:
            sink: Any = (
                package_crypto.EncryptingWriter(raw, transfer_password)
                if transfer_password
                else raw
            )
            _zip(sink, manifest_bytes, members, exporter)
            if transfer_password:
                sink.close()
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BadInput(f"cannot write {target}: {exc.strerror}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _zip(
    sink: Any, manifest_bytes: bytes, members: dict[str, bytes], exporter: package.Exporter
) -> None:
    """The members, then the manifest and its signature (encrypted on the way when asked)."""
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            stored = not name.endswith(".json")  # photos and packages are compressed already
            archive.writestr(
                name, data, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            )
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr(
            "manifest.sig",
            package_crypto.signature_document(
                exporter.identity, exporter.username, exporter.full_name, manifest_bytes
            ),
        )


def _manifest(kind: str, audit: Audit, exporter: package.Exporter, **extra: Any) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "kind": kind,
        "package_id": new_uid(),
        "audit_uid": audit.uid,
        "reference": audit.reference,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "exported_by": {"username": exporter.username, "full_name": exporter.full_name},
    } | extra


def hand_out(
    session: Session,
    reference: str,
    target: Path,
    *,
    exporter: package.Exporter,
    to_user: str,
    assignment: Assignment,
    transfer_password: str | None = None,
) -> str:
    """Write a hand-out package for ``to_user``; returns a one-line summary."""
    audit = get_audit(session, reference)
    if audit.locked:
        raise Refused(f"audit {audit.reference} is locked; a locked audit is not handed out")
    to_user = to_user.strip()
    if not to_user:
        raise BadInput("say to whom the audit is handed out (--to USER)")
    checklist_areas = {a.id for a in team_records_areas(audit)}
    unknown = [a for a in assignment.areas if a not in checklist_areas]
    if unknown:
        raise BadInput(f"no checklist area {unknown[0]!r} in audit {audit.reference}")
    numbers = {f.number for f in audit.findings}
    missing = [n for n in assignment.findings if n not in numbers]
    if missing:
        raise BadInput(f"no finding F-{missing[0]:02d} in audit {audit.reference}")
    records = team_records.snapshot(session, audit)
    copy = team_copy(session, audit)
    if copy is not None and copy.role != "lead":
        raise Refused(
            f"audit {audit.reference} is a working copy handed out to you; only the "
            "lead's copy is handed out (hand back your work instead)"
        )
    if copy is None:
        copy = TeamCopy(audit_id=audit.id, role="lead", lead=exporter.full_name)
        session.add(copy)
        session.flush()
    with tempfile.TemporaryDirectory(prefix="auditapp-handout-") as tmp:
        inner = Path(tmp) / "audit.auditpkg"
        package.export_audit(session, audit.reference, inner, exporter=exporter)
        inner_bytes = inner.read_bytes()
    manifest = _manifest(
        "handout", audit, exporter, to=to_user, earlier=[], replica_id=copy.replica_id
    )
    team = {"assignment": assignment.as_json(), "base": records, "current": records, "changes": {}}
    _write(
        target,
        manifest,
        {"team.json": json.dumps(team, ensure_ascii=False).encode(), "audit.auditpkg": inner_bytes},
        exporter,
        transfer_password,
    )
    session.add(
        TeamPackage(
            audit_id=audit.id,
            package_id=manifest["package_id"],
            direction="written",
            kind="handout",
            person=to_user,
            replica_id=copy.replica_id,
            signer_sha256=exporter.identity.fingerprint,
            summary=json.dumps(assignment.as_json()),
        )
    )
    session.flush()
    areas = ", ".join(assignment.areas) or "no areas"
    return (
        f"{audit.reference} handed out to {to_user} ({areas}; "
        f"{len(assignment.findings)} findings to write)"
    )


def team_records_areas(audit: Audit) -> list[Any]:
    from auditapp.core.audits import audit_checklist

    return list(audit_checklist(audit).areas)


def hand_back(
    session: Session,
    reference: str,
    target: Path,
    *,
    exporter: package.Exporter,
    transfer_password: str | None = None,
) -> str:
    """Write the co-auditor's work since the hand out; returns a one-line summary."""
    audit = get_audit(session, reference)
    copy = team_copy(session, audit)
    if copy is None or copy.role != "co_auditor":
        raise Refused(
            f"audit {audit.reference} is not a working copy handed out to you; "
            "only a working copy is handed back"
        )
    base: team_records.Records = json.loads(copy.base_json)
    current = team_records.snapshot(session, audit)
    found = team_records.provenance(session, audit)
    changes: dict[str, dict[str, dict[str, dict[str, str]]]] = {}
    changed = 0
    for kind, rows in current.items():
        for key, values in rows.items():
            before = base.get(kind, {}).get(key)
            for name, value in values.items():
                if before is not None and before.get(name) == value:
                    continue
                who = found.get((kind, key, name))
                if who is not None:
                    changes.setdefault(kind, {}).setdefault(key, {})[name] = {
                        "user": who.user,
                        "at": who.at,
                    }
                changed += 1
    members = {}
    new_evidence = set(current.get("evidence", {})) - set(base.get("evidence", {}))
    for item in session.scalars(select(Evidence).where(Evidence.audit_id == audit.id)):
        if item.uid in new_evidence and f"evidence/{item.sha256}" not in members:
            members[f"evidence/{item.sha256}"] = package_schema.original_of(session, item)
    team = {
        "assignment": json.loads(copy.assignment_json),
        "base": base,
        "current": current,
        "changes": changes,
    }
    earlier = list(
        session.scalars(
            select(TeamPackage.package_id)
            .where(
                TeamPackage.audit_id == audit.id,
                TeamPackage.kind == "handback",
                TeamPackage.direction == "written",
            )
            .order_by(TeamPackage.id)
        )
    )
    manifest = _manifest(
        "handback", audit, exporter, to=copy.lead, earlier=earlier, replica_id=copy.replica_id
    )
    members = {"team.json": json.dumps(team, ensure_ascii=False).encode()} | members
    _write(target, manifest, members, exporter, transfer_password)
    session.add(
        TeamPackage(
            audit_id=audit.id,
            package_id=manifest["package_id"],
            direction="written",
            kind="handback",
            person=copy.lead,
            replica_id=copy.replica_id,
            signer_sha256=exporter.identity.fingerprint,
            summary=f"{changed} changed values, {len(new_evidence)} new evidence",
        )
    )
    session.flush()
    return (
        f"{audit.reference} handed back: {changed} changed values, "
        f"{len(new_evidence)} new evidence items"
    )
