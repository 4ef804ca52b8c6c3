"""Checklist snapshots stored once per content: audits that share a checklist share its text."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from auditapp.core.checklists import Checklist, content_hash
from auditapp.core.models import ChecklistContent


def question_count(content: dict[str, Any]) -> int:
    return sum(len(s["questions"]) for a in content.get("areas", []) for s in a.get("sections", []))


def store(session: Session, checklist: Checklist) -> ChecklistContent:
    """The stored row for this content, added when new (the same text is never stored twice)."""
    return store_json(session, json.dumps(checklist.content, ensure_ascii=False, sort_keys=True))


def store_json(
    session: Session, content_json: str, *, expected_sha256: str | None = None
) -> ChecklistContent:
    content = json.loads(content_json)
    digest = content_hash(content)
    if expected_sha256 is not None and expected_sha256 != digest:
        raise ValueError(f"checklist content does not match its SHA-256 {expected_sha256}")
    row = session.get(ChecklistContent, digest)
    if row is None:
        row = ChecklistContent(
            sha256=digest, content_json=content_json, question_count=question_count(content)
        )
        session.add(row)
        session.flush()
    return row
