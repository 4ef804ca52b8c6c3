"""Every edit of the open audit: committed at once through the core, undoable through new edits.

The views call AuditEditor; it opens one short session per edit with the signed-in user as actor
(so the trail names them), keeps the workspace's plain state in step, and pushes an undo step.
Undo and redo are themselves new committed edits, recorded in the trail like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from auditapp.core import audits, findings, registers, setup, trail_query, workspace
from auditapp.core.db import Database
from auditapp.core.models import Audit
from auditapp.core.workspace import AnswerState, FindingState, WorkspaceData
from auditapp.errors import AuditAppError

T = TypeVar("T")


class _Step(QUndoCommand):
    """One undoable edit; the first redo is skipped because the edit was already committed."""

    def __init__(self, text: str, editor: AuditEditor, do: Callable[[str], None],
                 undo: Callable[[str], None]) -> None:
        super().__init__(text)
        self._editor = editor
        self._do = do
        self._undo = undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._editor._guarded(lambda: self._do("redo"))

    def undo(self) -> None:
        self._editor._guarded(lambda: self._undo("undo"))


class AuditEditor(QObject):
    answer_changed = Signal(str)
    findings_changed = Signal()
    documents_changed = Signal()
    participants_changed = Signal()
    audit_changed = Signal()
    edit_refused = Signal(str)
    edit_committed = Signal()

    def __init__(self, db: Database, actor: str, data: WorkspaceData, stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.actor = actor
        self.state = data
        self.stack = stack
        # Undoing a deletion re-creates a register row under a new id; later steps still name
        # the old id, so ids are followed through this map.
        self._alias: dict[tuple[str, int], int] = {}

    # --- plumbing ------------------------------------------------------------------------------

    @property
    def db(self) -> Database:
        return self._db

    def read(self, work: Callable[[Session, Audit], T]) -> T:
        """Run a read of the open audit in a short session of its own."""
        with self._db.session(actor=self.actor) as session:
            audit = session.get(Audit, self.state.audit_id)
            if audit is None:
                raise AuditAppError(self.tr("this audit no longer exists"))
            return work(session, audit)

    def commit(self, work: Callable[[Session, Audit], T], reason: str = "") -> T:
        """One edit in its own committed session; companion editors (evidence) use it too."""
        with self._db.session(actor=self.actor, reason=reason) as session:
            audit = session.get(Audit, self.state.audit_id)
            if audit is None:
                raise AuditAppError(self.tr("this audit no longer exists"))
            result = work(session, audit)
        self.edit_committed.emit()
        return result

    def _guarded(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except AuditAppError as exc:
            self.edit_refused.emit(str(exc))
            return False
        return True

    def attempt(self, text: str, do: Callable[[str], Any], undo: Callable[[str], Any]) -> bool:
        """Do the edit now; only an edit that was committed becomes an undo step.

        do and undo take the trail reason ("" for the edit itself, "undo"/"redo" later).
        """
        if not self._guarded(lambda: do("")):
            return False
        self.stack.push(_Step(text, self, do, undo))
        return True

    def _id(self, kind: str, row_id: int) -> int:
        while (kind, row_id) in self._alias:
            row_id = self._alias[(kind, row_id)]
        return row_id

    @property
    def read_only(self) -> bool:
        # A signed audit, or a window that does not own the database (another one writes).
        return self.state.locked or self._db.read_only

    # --- answers -------------------------------------------------------------------------------

    def answer(self, question_id: str) -> AnswerState | None:
        return self.state.answers.get(question_id)

    def set_answer(self, question_id: str, result: str | None, notes: str | None = None) -> bool:
        old = self.answer(question_id)
        old_result = old.result if old else None
        old_notes = old.notes if old else ""
        new_notes = old_notes if notes is None else notes
        if old_result == result and old_notes == new_notes:
            return True

        def write(res: str | None, text: str) -> Callable[[str], None]:
            def run(reason: str) -> None:
                response = self.commit(
                    lambda s, a: audits.set_response(s, a, question_id, result=res, notes=text,
                                                     actor=self.actor), reason)
                self.state.answers[question_id] = workspace.answer_state(response)
                if self.state.status == "planned":
                    self.state.status = "in_progress"
                    self.audit_changed.emit()
                self.answer_changed.emit(question_id)
            return run

        label = self.tr("Notes on %1") if old_result == result else self.tr("Answer %1")
        return self.attempt(label.replace("%1", question_id), write(result, new_notes),
                             write(old_result, old_notes))

    def answer_many(self, question_ids: list[str], result: str, label: str) -> bool:
        """Several answers in one transaction and one undo step (a section answered at once);
        each question keeps its notes."""
        before = {q: ((a.result, a.notes) if (a := self.answer(q)) else (None, ""))
                  for q in question_ids}
        after = {q: (result, notes) for q, (_r, notes) in before.items()}

        def write(values: dict[str, tuple[str | None, str]]) -> Callable[[str], None]:
            def run(reason: str) -> None:
                responses = self.commit(lambda s, a: [
                    audits.set_response(s, a, q, result=values[q][0], notes=values[q][1],
                                        actor=self.actor) for q in question_ids], reason)
                for q, response in zip(question_ids, responses, strict=True):
                    self.state.answers[q] = workspace.answer_state(response)
                if self.state.status == "planned":
                    self.state.status = "in_progress"
                    self.audit_changed.emit()
                for q in question_ids:
                    self.answer_changed.emit(q)
            return run

        return self.attempt(label, write(after), write(before))

    # --- findings ------------------------------------------------------------------------------

    def finding(self, number: int) -> FindingState | None:
        return self.state.findings.get(number)

    def _store_finding(self, state: FindingState | None, number: int) -> None:
        if state is None:
            self.state.findings.pop(number, None)
        else:
            self.state.findings[state.number] = state
        self.findings_changed.emit()

    def default_due_days(self, classification: str) -> int | None:
        """Days after the report's issue a new grade's CAPA response is due (a setting)."""
        if not classification:
            return None
        with self._db.session(actor=self.actor) as session:
            try:
                return findings.default_due_days(session, classification)
            except AuditAppError:
                return None

    def add_finding(self, fields: dict[str, object]) -> int | None:
        created: list[FindingState] = []

        def do(reason: str) -> None:
            if created:  # redo: bring back the same finding under the same number
                finding = self.commit(
                    lambda s, a: workspace.restore_finding(s, a, created[0]), reason)
            else:
                finding = self.commit(lambda s, a: findings.add_finding(s, a, **fields))
                created.append(workspace.finding_state(finding))
            self._store_finding(workspace.finding_state(finding), finding.number)

        def undo(reason: str) -> None:
            number = created[0].number
            current = self.finding(number)
            if current is not None:
                created[0] = current  # redo restores the finding as it was when undone
            self.commit(lambda s, a: findings.delete_finding(
                s, a, number, reason=self.tr("undo of raising the finding")), reason)
            self._store_finding(None, number)

        ok = self.attempt(self.tr("Raise finding"), do, undo)
        return created[0].number if ok and created else None

    def update_finding(self, number: int, changes: dict[str, object]) -> bool:
        old = self.finding(number)
        if old is None:
            return False
        before = {k: v for k, v in old.fields().items() if k in changes}
        if all(before[k] == (list(v) if isinstance(v, tuple) else v) for k, v in changes.items()):
            return True

        def write(values: dict[str, object]) -> Callable[[str], None]:
            def run(reason: str) -> None:
                finding = self.commit(
                    lambda s, a: findings.update_finding(s, a, number, **values), reason)
                self._store_finding(workspace.finding_state(finding), number)
            return run

        text = self.tr("Edit %1").replace("%1", findings.number_label(number))
        return self.attempt(text, write(dict(changes)), write(before))

    def move_finding(self, number: int, offset: int) -> bool:
        """Move a finding up or down the list; its number stays, only the order changes."""
        before = [f.number for f in sorted(self.state.findings.values(),
                                           key=lambda f: (f.position, f.number))]
        if number not in before:
            return False
        after = findings.moved(before, number, offset)
        if after == before:
            return True

        def write(numbers: list[int]) -> Callable[[str], None]:
            def run(reason: str) -> None:
                def apply(s: Session, a: Audit) -> list[FindingState]:
                    findings.reorder(s, a, numbers)
                    return [workspace.finding_state(f) for f in a.findings]
                for state in self.commit(apply, reason):
                    self.state.findings[state.number] = state
                self.findings_changed.emit()
            return run

        text = self.tr("Move %1").replace("%1", findings.number_label(number))
        return self.attempt(text, write(after), write(before))

    def delete_finding(self, number: int, reason_text: str) -> bool:
        old = self.finding(number)
        if old is None:
            return False

        def do(reason: str) -> None:
            self.commit(lambda s, a: findings.delete_finding(s, a, number, reason=reason_text),
                         reason)
            self._store_finding(None, number)

        def undo(reason: str) -> None:
            finding = self.commit(lambda s, a: workspace.restore_finding(s, a, old), reason)
            self._store_finding(workspace.finding_state(finding), number)

        text = self.tr("Delete %1").replace("%1", old.label)
        return self.attempt(text, do, undo)

    # --- registers -----------------------------------------------------------------------------

    def _reload_registers(self) -> None:
        def read(session: Session, audit: Audit) -> tuple[list[workspace.DocumentRow],
                                                          list[workspace.ParticipantRow]]:
            return ([workspace.document_row(d) for d in audit.documents],
                    [workspace.participant_row(p) for p in audit.participants])

        with self._db.session(actor=self.actor) as session:
            audit = session.get(Audit, self.state.audit_id)
            assert audit is not None
            self.state.documents, self.state.participants = read(session, audit)
        self.documents_changed.emit()
        self.participants_changed.emit()

    def add_row(self, kind: str, fields: dict[str, object]) -> bool:
        adders = {"document": registers.add_document, "participant": registers.add_participant}
        deleters = {"document": registers.delete_document,
                    "participant": registers.delete_participant}
        created: list[int] = []

        def do(reason: str) -> None:
            row = self.commit(lambda s, a: adders[kind](s, a, **fields), reason)
            if created:
                self._alias[(kind, created[-1])] = row.id
            created.append(row.id)
            self._reload_registers()

        def undo(reason: str) -> None:
            self.commit(lambda s, a: deleters[kind](s, a, self._id(kind, created[0])), reason)
            self._reload_registers()

        return self.attempt(self.tr("Add to register"), do, undo)

    def update_row(self, kind: str, row_id: int, changes: dict[str, object]) -> bool:
        rows = self.state.documents if kind == "document" else self.state.participants
        current = next((r for r in rows if r.id == self._id(kind, row_id)), None)
        if current is None:
            return False
        before = {k: getattr(current, k) for k in changes}
        if before == changes:
            return True
        updaters = {"document": registers.update_document,
                    "participant": registers.update_participant}

        def write(values: dict[str, object]) -> Callable[[str], None]:
            def run(reason: str) -> None:
                self.commit(lambda s, a: updaters[kind](s, a, self._id(kind, row_id), **values),
                             reason)
                self._reload_registers()
            return run

        return self.attempt(self.tr("Edit register"), write(dict(changes)), write(before))

    def delete_row(self, kind: str, row_id: int) -> bool:
        rows = self.state.documents if kind == "document" else self.state.participants
        current = next((r for r in rows if r.id == self._id(kind, row_id)), None)
        if current is None:
            return False
        fields = {k: v for k, v in vars(current).items() if k != "id"}
        deleters = {"document": registers.delete_document,
                    "participant": registers.delete_participant}
        adders = {"document": registers.add_document, "participant": registers.add_participant}

        def do(reason: str) -> None:
            self.commit(lambda s, a: deleters[kind](s, a, self._id(kind, row_id)), reason)
            self._reload_registers()

        def undo(reason: str) -> None:
            row = self.commit(lambda s, a: adders[kind](s, a, **fields), reason)
            self._alias[(kind, self._id(kind, row_id))] = row.id
            self._reload_registers()

        return self.attempt(self.tr("Remove from register"), do, undo)

    def trail(self) -> list[trail_query.TrailRow]:
        with self._db.session(actor=self.actor) as session:
            return trail_query.audit_trail(session, self.state.audit_id)

    # --- the audit itself ----------------------------------------------------------------------

    def details(self) -> setup.AuditDetails:
        with self._db.session(actor=self.actor) as session:
            audit = session.get(Audit, self.state.audit_id)
            assert audit is not None
            return setup.read_details(audit)

    def update_details(self, new: setup.AuditDetails) -> bool:
        old = self.details()

        def write(values: setup.AuditDetails) -> Callable[[str], None]:
            def run(reason: str) -> None:
                def work(s: Session, a: Audit) -> WorkspaceData:
                    setup.update_details(s, a, values)
                    s.flush()
                    return workspace.load(s, a.reference)
                fresh = self.commit(work, reason)
                self.state.reference, self.state.title = fresh.reference, fresh.title
                self.state.auditee, self.state.checklist = fresh.auditee, fresh.checklist
                self.state.language = fresh.language
                self._reload_registers()
                self.audit_changed.emit()
            return run

        return self.attempt(self.tr("Edit audit details"), write(new), write(old))

    def set_status(self, status: str) -> bool:
        old = self.state.status
        if old == status:
            return True

        def write(value: str) -> Callable[[str], None]:
            def run(reason: str) -> None:
                self.commit(lambda s, a: setup.set_status(s, a, value), reason)
                self.state.status = value
                self.audit_changed.emit()
            return run

        return self.attempt(self.tr("Change status"), write(status), write(old))
