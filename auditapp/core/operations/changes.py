"""OpChanges: which records an operation (or its undo) changed, so a view reloads just those.

Modelled on Anki's OpChanges: the core says what changed, each view decides what to re-read.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditapp.core.operations.journal import Action, RowStep

REGISTER_TABLES = {
    "document": "document_reviewed",
    "participant": "auditee_participant",
    "team": "team_member",
}
# Rows that belong to the audit's header and set-up (the details dialog).
DETAIL_TABLES = frozenset({"audit", "organisation", "study", "audit_study", "checklist_snapshot"})
EVIDENCE_TABLES = frozenset({"evidence", "evidence_link"})


@dataclass(frozen=True)
class RowChange:
    table: str
    id: str  # the primary key as the trail writes it ("12")
    action: Action
    key: str = ""  # question id of a response, number of a finding or evidence item


@dataclass(frozen=True)
class OpChanges:
    rows: tuple[RowChange, ...] = ()

    @classmethod
    def of(cls, steps: list[RowStep]) -> OpChanges:
        seen: dict[tuple[str, str], RowChange] = {}
        for step in steps:
            row_id = "/".join(str(part) for part in step.pk)
            previous = seen.get((step.table, row_id))
            action = step.action
            if previous is not None and previous.action == "insert" and action == "update":
                action = "insert"  # inserted, then changed in the same operation
            key = step.key or (previous.key if previous else "")
            seen[(step.table, row_id)] = RowChange(step.table, row_id, action, key)
        return cls(tuple(seen.values()))

    def __bool__(self) -> bool:
        return bool(self.rows)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(r.table for r in self.rows)

    def ids(self, table: str) -> frozenset[str]:
        return frozenset(r.id for r in self.rows if r.table == table)

    @property
    def answers(self) -> frozenset[str]:
        """Question ids whose answer changed (or appeared, or went)."""
        return frozenset(r.key for r in self.rows if r.table == "response")

    @property
    def findings(self) -> bool:
        return "finding" in self.tables

    @property
    def registers(self) -> frozenset[str]:
        """The register kinds ("document", "participant", "team") that changed."""
        return frozenset(k for k, t in REGISTER_TABLES.items() if t in self.tables)

    @property
    def details(self) -> bool:
        return bool(self.tables & DETAIL_TABLES)

    @property
    def evidence(self) -> bool:
        return bool(self.tables & EVIDENCE_TABLES)
