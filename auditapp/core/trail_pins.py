"""What signatures pin in the audit trail, checked by `auditapp trail verify`.

- Each signed report version records the trail head it was made from (printed in the PDF and in
  the author's stamp). That head must still be in the chain, before the entry that created the
  report version: a trail re-chained from an earlier point loses it.
- After an approver's (final) signature nothing of that audit may change until the lead auditor
  reopens it; a row change in between was made behind the app's lock. Two exceptions, both
  what the lock itself lets through: CAPA follow-up (a new capa_event row and the finding status
  it derives, core/capa.py), and the rows a later one-signature document's ceremony writes (the
  audit certificate, the closure letter: its report version, signature and the audit's status),
  which the trail shows immediately followed by that document's "sign" entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, Table, select

from auditapp.core.models import Base, ReportVersion, Signature, SignatureMeaning, TrailEntry
from auditapp.core.trail import CONVERSION_ACTION, Problem
from auditapp.core.trail_format import expand

_trail: Table = TrailEntry.__table__  # type: ignore[assignment]
ROW_ACTIONS = ("insert", "update", "delete")
DOCUMENT_SIGNATURES = ("certificate", "closure")


def _is_follow_up(entry: dict) -> bool:
    return (entry["entity"] == "capa_event" and entry["action"] == "insert") or (
        entry["entity"] == "finding" and entry["action"] == "update" and entry["field"] == "status"
    )


def _is_document_row(entry: dict) -> bool:
    if entry["entity"] in ("report_version", "signature"):
        return entry["action"] == "insert"
    return entry["entity"] == "audit" and entry["action"] == "update" and entry["field"] == "status"


def _owner_maps(connection: Connection) -> dict[str, dict[str, int]]:
    """entity -> entity_id -> audit id, for every table whose rows belong to one audit."""
    owners: dict[str, dict[str, int]] = {}
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        if "audit_id" in table.c and "id" in table.c:
            owners[table.name] = {
                str(i): a for i, a in connection.execute(select(table.c.id, table.c.audit_id))
            }
    rv = owners.get("report_version", {})
    owners["signature"] = {
        str(i): rv[str(v)]
        for i, v in connection.execute(select(Signature.id, Signature.report_version_id))
        if str(v) in rv
    }
    evidence = owners.get("evidence", {})
    if "evidence_link" in Base.metadata.tables:
        link = Base.metadata.tables["evidence_link"]
        owners["evidence_link"] = {
            str(i): evidence[str(e)]
            for i, e in connection.execute(select(link.c.id, link.c.evidence_id))
            if str(e) in evidence
        }
    owners["audit"] = {
        str(i): i for (i,) in connection.execute(select(Base.metadata.tables["audit"].c.id))
    }
    return owners


def _audit_of(entry: dict, owners: dict[str, dict[str, int]]) -> int | None:
    found = owners.get(entry["entity"], {}).get(entry["entity_id"])
    if found is not None:
        return found
    if entry["action"] == "delete" and entry["old_value"]:
        try:
            snapshot = json.loads(entry["old_value"])
            return int(snapshot["audit_id"]) if snapshot.get("audit_id") else None
        except (ValueError, TypeError, KeyError):
            return None
    if entry["field"] == "audit_id" and entry["new_value"] and entry["new_value"].isdigit():
        return int(entry["new_value"])
    return None


def _entries(connection: Connection) -> Iterator[dict]:
    """Every field of every row, oldest first (trail_format.expand)."""
    for row in connection.execute(select(_trail).order_by(_trail.c.id)).mappings():
        for line in expand(row):
            yield asdict(line)


def _converted_heads(entry: dict) -> dict[str, int]:
    """Heads of the per-field trail that signed reports pinned, mapped by migration 0011 to the
    compact row that holds the entry they named (recorded, hash-chained, in its own row)."""
    try:
        pinned = json.loads(entry["new_value"] or "{}").get("pinned_heads") or {}
        return {str(k): int(v) for k, v in pinned.items()}
    except (ValueError, AttributeError, TypeError):
        return {}


def verify(connection: Connection) -> list[Problem]:
    problems: list[Problem] = []
    position_of: dict[str, int] = {}
    created_at: dict[str, int] = {}
    owners = _owner_maps(connection)
    references = {
        ref: i
        for i, ref in connection.execute(
            select(Base.metadata.tables["audit"].c.id, Base.metadata.tables["audit"].c.reference)
        )
    }
    final: dict[int, int] = {}  # audit id -> trail id of its approver signature
    reported: set[int] = set()
    # Rows of a document ceremony, forgiven when its "sign" entry follows.
    pending: dict[int, dict] = {}

    def report(audit_id: int, entry: dict) -> None:
        if audit_id not in reported:
            reported.add(audit_id)
            problems.append(
                Problem(
                    "trail_entry",
                    str(entry["id"]),
                    None,
                    f"changes audit {audit_id} after its final signature (trail entry "
                    f"{final.get(audit_id, '?')}) without a reopen",
                )
            )

    for entry in _entries(connection):
        position_of.setdefault(entry["hash"], entry["id"])
        if entry["action"] == CONVERSION_ACTION:
            for head, position in _converted_heads(entry).items():
                position_of.setdefault(head, position)
            continue
        if entry["entity"] == "report_version" and entry["action"] == "insert":
            created_at.setdefault(entry["entity_id"], entry["id"])
        action = entry["action"]
        if pending and action != "sign" and not (action in ROW_ACTIONS and _is_document_row(entry)):
            # The ceremony's rows and its sign entry are one transaction: nothing between.
            for audit_id, held in pending.items():
                report(audit_id, held)
            pending.clear()
        if action == "sign":
            try:
                detail = json.loads(entry["new_value"] or "{}")
            except ValueError:
                detail = {}
            audit_id = references.get(str(detail.get("audit", "")).upper())
            if audit_id is not None and detail.get("meaning") == SignatureMeaning.APPROVER:
                final[audit_id] = entry["id"]
            if audit_id is not None and detail.get("meaning") in DOCUMENT_SIGNATURES:
                pending.pop(audit_id, None)
            continue
        if action == "reopen" and entry["entity"] == "audit" and entry["entity_id"].isdigit():
            final.pop(int(entry["entity_id"]), None)
            continue
        if action not in ROW_ACTIONS or not final:
            continue
        audit_id = _audit_of(entry, owners)
        if audit_id is None or audit_id not in final or _is_follow_up(entry):
            continue
        if _is_document_row(entry):
            pending.setdefault(audit_id, entry)
        else:
            report(audit_id, entry)
    for audit_id, entry in pending.items():
        report(audit_id, entry)
    for version_id, head in connection.execute(select(ReportVersion.id, ReportVersion.trail_head)):
        if not head:
            continue
        pinned = position_of.get(head)
        made = created_at.get(str(version_id))
        if pinned is None:
            problems.append(
                Problem(
                    "report_version",
                    str(version_id),
                    "trail_head",
                    "the trail head this signed report pins is no longer in "
                    "the trail (the trail was rewritten)",
                )
            )
        elif made is not None and pinned >= made:
            problems.append(
                Problem(
                    "report_version",
                    str(version_id),
                    "trail_head",
                    "the pinned trail head is not where the signature put it",
                )
            )
    return problems


@dataclass(frozen=True)
class TrailCheck:
    problems: tuple[str, ...]
    entries: int
    head: str
    checked: int  # checkpoints checked with this computer's key
    foreign: int  # checkpoints sealed on another computer


def check_database(database: object) -> TrailCheck:
    """Everything `auditapp trail verify` checks: chain and rows (trail.verify), signature pins
    and the final-signature rule (here), keyed checkpoints and this computer's anchor."""
    from auditapp.core import checkpoint, trail

    anchor = checkpoint.anchor_of(database.path)  # type: ignore[attr-defined]
    with database.engine.connect() as connection:  # type: ignore[attr-defined]
        problems = [str(p) for p in trail.verify(connection)]
        problems += [str(p) for p in verify(connection)]
        sealed = checkpoint.verify(
            connection,
            database.path,  # type: ignore[attr-defined]
            anchor=anchor,
        )
        problems += [str(p) for p in sealed.problems]
        count = connection.exec_driver_sql("SELECT count(*) FROM trail_entry").scalar() or 0
        head = trail.head_hash(connection)
    return TrailCheck(tuple(problems), int(count), head, sealed.checked, sealed.foreign)
