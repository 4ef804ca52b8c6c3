"""Answers: one question or several at once (a section answered Compliant), each with notes.

The status rule (a planned audit is in progress from its first answer) lives in
core.audits.set_response, the one place that decides it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import audits
from auditapp.core.models import Audit, Response


@dataclass(frozen=True)
class Answer:
    question_id: str
    result: str | None
    notes: str | None = None  # None keeps the notes as they are


@dataclass(frozen=True)
class SetAnswers:
    """Several answers in one transaction and one undo step; an answer given again unchanged
    is left alone (its time and author stay)."""

    answers: tuple[Answer, ...]

    def apply(self, session: Session, audit: Audit) -> None:
        actor = str(session.info.get("actor") or "")
        asked = [a.question_id for a in self.answers]
        stored = {
            r.question_id: r
            for r in session.scalars(
                select(Response).where(
                    Response.audit_id == audit.id, Response.question_id.in_(asked)
                )
            )
        }
        for answer in self.answers:
            response = stored.get(answer.question_id)
            result, notes = (response.result, response.notes or "") if response else (None, "")
            if result == answer.result and answer.notes in (None, notes):
                continue  # the same answer again is no edit (and no undo step)
            audits.set_response(
                session,
                audit,
                answer.question_id,
                result=answer.result,
                notes=answer.notes,
                actor=actor,
            )


def set_answer(question_id: str, result: str | None, notes: str | None = None) -> SetAnswers:
    return SetAnswers((Answer(question_id, result, notes),))
