"""Register rows: documents reviewed, auditee participants, audit team members."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from auditapp.core import registers as core_registers
from auditapp.core.models import Audit
from auditapp.errors import BadInput

_ADD: dict[str, Callable[..., Any]] = {
    "document": core_registers.add_document,
    "participant": core_registers.add_participant,
    "team": core_registers.add_team_member,
}
_UPDATE: dict[str, Callable[..., Any]] = {
    "document": core_registers.update_document,
    "participant": core_registers.update_participant,
    "team": core_registers.update_team_member,
}
_DELETE: dict[str, Callable[..., Any]] = {
    "document": core_registers.delete_document,
    "participant": core_registers.delete_participant,
    "team": core_registers.delete_team_member,
}
KINDS = tuple(_ADD)


def _check(kind: str) -> None:
    if kind not in _ADD:
        raise BadInput(f"unknown register {kind!r}; choose one of: {', '.join(KINDS)}")


@dataclass(frozen=True)
class AddRow:
    kind: str
    fields: dict[str, object] = field(default_factory=dict)

    def apply(self, session: Session, audit: Audit) -> int:
        """Returns the new row's id (kept by undo and redo)."""
        _check(self.kind)
        return int(_ADD[self.kind](session, audit, **dict(self.fields)).id)


@dataclass(frozen=True)
class UpdateRow:
    kind: str
    row_id: int
    changes: dict[str, object] = field(default_factory=dict)

    def apply(self, session: Session, audit: Audit) -> None:
        _check(self.kind)
        _UPDATE[self.kind](session, audit, self.row_id, **dict(self.changes))


@dataclass(frozen=True)
class DeleteRow:
    kind: str
    row_id: int

    def apply(self, session: Session, audit: Audit) -> None:
        _check(self.kind)
        _DELETE[self.kind](session, audit, self.row_id)
