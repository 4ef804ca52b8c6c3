"""Every edit of the open audit: a core operation, committed at once, undoable through its inverse.

The views call AuditEditor; it runs one ``core.operations`` operation per edit in a short
session with the signed-in user as actor (so the trail names them), re-reads what the
operation's change set names, and pushes an undo step. The undo step is a thin wrapper: it runs
the inverse the core handed back (a new committed, trailed edit) and keeps that run's inverse as
its redo. Records keep their ids through undo and redo, so no step ever has to follow an id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import audit_details, audits, findings, operations, setup, trail_query, workspace
from auditapp.core.db import Database
from auditapp.core.models import Audit, Finding, Response
from auditapp.core.operations import Applied, OpChanges, Operation
from auditapp.core.workspace import AnswerState, FindingState, WorkspaceData
from auditapp.errors import AuditAppError

T = TypeVar("T")


class _Step(QUndoCommand):
    """One undoable edit. The edit was committed before the step was pushed, so the first redo
    does nothing; afterwards undo and redo each run the inverse of the run before."""

    def __init__(self, text: str, editor: AuditEditor, inverse: Operation) -> None:
        super().__init__(text)
        self._editor = editor
        self._next = inverse
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run("redo")

    def undo(self) -> None:
        self._run("undo")

    def _run(self, reason: str) -> None:
        applied = self._editor.run(self._next, reason)
        if applied is None:
            # Refused (the records changed behind this window's back): the step leaves the
            # history rather than claim an undo that did not happen.
            self.setObsolete(True)
            return
        self._next = applied.inverse


class AuditEditor(QObject):
    answer_changed = Signal(str)
    findings_changed = Signal()
    documents_changed = Signal()
    participants_changed = Signal()
    audit_changed = Signal()
    checklist_changed = Signal()  # the areas in scope changed: the walk must be rebuilt
    evidence_touched = Signal()
    edit_refused = Signal(str)
    edit_committed = Signal()

    def __init__(
        self,
        db: Database,
        actor: str,
        data: WorkspaceData,
        stack: QUndoStack,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.actor = actor
        self.state = data
        self.stack = stack

    # --- plumbing ------------------------------------------------------------------------------

    @property
    def db(self) -> Database:
        return self._db

    def read(self, work: Callable[[Session, Audit], T]) -> T:
        """Run a read of the open audit in a short read session of its own: no write lock, no
        commit (and so no trail checkpoint to seal), and SQLite refuses a write in it."""
        with self._db.read_session(actor=self.actor) as session:
            audit = session.get(Audit, self.state.audit_id)
            if audit is None:
                raise AuditAppError(self.tr("this audit no longer exists"))
            return work(session, audit)

    def commit(self, work: Callable[[Session, Audit], T], reason: str = "") -> T:
        """A committed change that is not an undo step; edits the user can undo are operations
        (``perform``)."""
        with self._db.session(actor=self.actor, reason=reason) as session:
            audit = session.get(Audit, self.state.audit_id)
            if audit is None:
                raise AuditAppError(self.tr("this audit no longer exists"))
            result = work(session, audit)
        self.edit_committed.emit()
        return result

    def run(self, operation: Operation, reason: str = "") -> Applied | None:
        """Run one operation; refresh what it changed. A refusal is reported, not raised."""
        try:
            applied = operations.run(
                self._db,
                self.state.audit_id,
                operation,
                actor=self.actor,
                reason=reason,
                read_back=self._read_back,
            )
        except AuditAppError as exc:
            self.edit_refused.emit(str(exc))
            return None
        self.reload(applied.changes, applied.read)
        self.edit_committed.emit()
        return applied

    def perform(self, text: str, operation: Operation) -> Applied | None:
        """The edit itself: run it and, if it changed anything, make it an undo step."""
        applied = self.run(operation)
        if applied is not None and applied.changes:
            self.stack.push(_Step(text, self, applied.inverse))
        return applied

    @property
    def read_only(self) -> bool:
        # A signed audit, or a window that does not own the database (another one writes).
        return self.state.locked or self._db.read_only

    # --- what a change set names is read again --------------------------------------------------

    def _read_back(self, session: Session, audit: Audit, changes: OpChanges) -> dict[str, Any]:
        """What the change set names, as the workspace holds it. Run by operations.run in the
        edit's own transaction (read after the change, handed out once committed)."""
        fresh: dict[str, Any] = {"answers": {}}
        for question_id in changes.answers:
            response = session.scalar(
                select(Response).where(
                    Response.audit_id == audit.id, Response.question_id == question_id
                )
            )
            fresh["answers"][question_id] = (
                None if response is None else workspace.answer_state(response)
            )
        if changes.findings:
            rows = session.scalars(
                select(Finding).where(Finding.audit_id == audit.id).order_by(Finding.position)
            )
            fresh["findings"] = {f.number: workspace.finding_state(f) for f in rows}
        if changes.registers:
            fresh["documents"] = [workspace.document_row(d) for d in audit.documents]
            fresh["participants"] = [workspace.participant_row(p) for p in audit.participants]
        if changes.details:
            fresh["details"] = (
                audit.reference,
                audit.title,
                audit.auditee.legal_name if audit.auditee else "",
                audit.status,
                bool(audit.locked),
                audit.language,
                int(audit.report_version or 1),
                audits.audit_checklist(audit),
            )
        return fresh

    def reload(self, changes: OpChanges, fresh: dict[str, Any] | None = None) -> None:
        """Take what the change set names into the workspace's state and tell the views;
        ``fresh`` is what the edit's own transaction read back (else it is read here)."""
        state = self.state
        old_questions = [q.id for q in state.checklist.questions]
        if fresh is None:
            with self._db.read_session(actor=self.actor) as session:
                audit = session.get(Audit, state.audit_id)
                if audit is None:
                    return
                fresh = self._read_back(session, audit, changes)
        for question_id, answer in fresh["answers"].items():
            if answer is None:
                state.answers.pop(question_id, None)
            else:  # in place: the checklist model shows this very dict
                state.answers[question_id] = answer
        if "findings" in fresh:
            state.findings.clear()
            state.findings.update(fresh["findings"])
        if "documents" in fresh:
            state.documents, state.participants = fresh["documents"], fresh["participants"]
        if "details" in fresh:
            (
                state.reference,
                state.title,
                state.auditee,
                state.status,
                state.locked,
                state.language,
                state.report_version,
                state.checklist,
            ) = fresh["details"]
        for question_id in sorted(changes.answers):
            self.answer_changed.emit(question_id)
        if changes.findings:
            self.findings_changed.emit()
        if "document" in changes.registers:
            self.documents_changed.emit()
        if "participant" in changes.registers:
            self.participants_changed.emit()
        if changes.details:
            self.audit_changed.emit()
            if [q.id for q in state.checklist.questions] != old_questions:
                self.checklist_changed.emit()
        if changes.evidence:
            self.evidence_touched.emit()

    # --- answers -------------------------------------------------------------------------------

    def answer(self, question_id: str) -> AnswerState | None:
        return self.state.answers.get(question_id)

    def set_answer(self, question_id: str, result: str | None, notes: str | None = None) -> bool:
        old = self.answer(question_id)
        label = (
            self.tr("Notes on %1")
            if (old.result if old else None) == result
            else self.tr("Answer %1")
        )
        op = operations.set_answer(question_id, result, notes)
        return self.perform(label.replace("%1", question_id), op) is not None

    def answer_many(self, question_ids: list[str], result: str, label: str) -> bool:
        """Several answers in one transaction and one undo step (a section answered at once);
        each question keeps its notes."""
        op = operations.SetAnswers(tuple(operations.Answer(q, result) for q in question_ids))
        return self.perform(label, op) is not None

    # --- findings ------------------------------------------------------------------------------

    def finding(self, number: int) -> FindingState | None:
        return self.state.findings.get(number)

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
        applied = self.perform(self.tr("Raise finding"), operations.AddFinding(dict(fields)))
        return None if applied is None else int(applied.value)

    def update_finding(self, number: int, changes: dict[str, object]) -> bool:
        if self.finding(number) is None:
            return False
        text = self.tr("Edit %1").replace("%1", findings.number_label(number))
        return self.perform(text, operations.UpdateFinding(number, dict(changes))) is not None

    def move_finding(self, number: int, offset: int) -> bool:
        """Move a finding up or down the list; its number stays, only the order changes."""
        before = [
            f.number
            for f in sorted(self.state.findings.values(), key=lambda f: (f.position, f.number))
        ]
        if number not in before:
            return False
        after = findings.moved(before, number, offset)
        text = self.tr("Move %1").replace("%1", findings.number_label(number))
        return self.perform(text, operations.ReorderFindings(tuple(after))) is not None

    def delete_finding(self, number: int, reason_text: str) -> bool:
        old = self.finding(number)
        if old is None:
            return False
        text = self.tr("Delete %1").replace("%1", old.label)
        return self.perform(text, operations.DeleteFinding(number, reason_text)) is not None

    # --- registers -----------------------------------------------------------------------------

    def add_row(self, kind: str, fields: dict[str, object]) -> bool:
        op = operations.AddRow(kind, dict(fields))
        return self.perform(self.tr("Add to register"), op) is not None

    def update_row(self, kind: str, row_id: int, changes: dict[str, object]) -> bool:
        op = operations.UpdateRow(kind, row_id, dict(changes))
        return self.perform(self.tr("Edit register"), op) is not None

    def delete_row(self, kind: str, row_id: int) -> bool:
        op = operations.DeleteRow(kind, row_id)
        return self.perform(self.tr("Remove from register"), op) is not None

    def trail(self) -> list[trail_query.TrailRow]:
        with self._db.session(actor=self.actor) as session:
            return trail_query.audit_trail(session, self.state.audit_id)

    # --- the audit itself ----------------------------------------------------------------------

    def details(self) -> audit_details.AuditDetails:
        return self.read(lambda _session, audit: setup.read_details(audit))

    def update_details(self, new: audit_details.AuditDetails) -> bool:
        op = operations.UpdateDetails(new)
        return self.perform(self.tr("Edit audit details"), op) is not None

    def set_status(self, status: str) -> bool:
        return self.perform(self.tr("Change status"), operations.SetStatus(status)) is not None
