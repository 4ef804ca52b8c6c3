"""Every user-visible change of an open audit, as a core operation with its own undo.

An operation validates and applies one change through the domain functions, the trail records
it in the same transaction, and ``run``/``apply`` hand back an :class:`Applied`: the plain
result, the :class:`OpChanges` (which records changed, for the views to reload) and the inverse
operation (a :class:`Revert` of exactly those rows, under the same ids). The GUI's undo stack
only runs these (ui/audit_editor.py); the CLI and tests can run them the same way.
"""

from auditapp.core.operations.answers import Answer, SetAnswers, set_answer
from auditapp.core.operations.base import Applied, Operation, Revert, apply, run
from auditapp.core.operations.changes import OpChanges, RowChange
from auditapp.core.operations.details import SetStatus, UpdateDetails
from auditapp.core.operations.evidence import (
    Link,
    Remove,
    Restore,
    SetCaption,
    SetConfidential,
    Unlink,
)
from auditapp.core.operations.findings import (
    AddFinding,
    DeleteFinding,
    ReorderFindings,
    UpdateFinding,
)
from auditapp.core.operations.registers import AddRow, DeleteRow, UpdateRow

__all__ = [
    "AddFinding",
    "AddRow",
    "Answer",
    "Applied",
    "DeleteFinding",
    "DeleteRow",
    "Link",
    "OpChanges",
    "Operation",
    "Remove",
    "ReorderFindings",
    "Restore",
    "Revert",
    "RowChange",
    "SetAnswers",
    "SetCaption",
    "SetConfidential",
    "SetStatus",
    "Unlink",
    "UpdateDetails",
    "UpdateFinding",
    "UpdateRow",
    "apply",
    "run",
    "set_answer",
]
