"""Repeat findings: the same deficiency found again at the same CRO.

While a finding is raised, findings of earlier audits of the same auditee that look alike are
offered: the full-text index (search.py, migration 0009) is asked for any of the new finding's
words in the earlier titles and observations, and findings citing the same requirement
references count too (the index does not hold references; they are compared as parsed values,
which is stricter than words). Linking one marks the new finding as a repeat and records which
earlier finding it repeats, as people cite it ("AUD-2025-003 F-02").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from auditapp.core.audits import ensure_editable
from auditapp.core.findings import finding_references, get_finding, number_label
from auditapp.core.models import Audit, Finding, TrailEntry
from auditapp.core.repeat_link import earlier_label
from auditapp.errors import BadInput

_WORD = re.compile(r"\w{4,}", re.UNICODE)
# Words too common in findings to say anything about likeness.
_STOP_TEXT = """
    with that this from have were been which their there they them than when what where while
    also into only over such other some more most must should would could does done being
    during under after before within without about between sponsor study trial
    mit dass eine einer eines einem einen nicht wurde wurden werden sind oder auch durch
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
MAX_WORDS = 24

# The index is contentless (migration 0011): its row id is the source row's id * 8 + its kind,
# and kind 1 is a finding; the finding's audit comes from the finding's own row.
_QUERY = text(
    "SELECT s.rowid / 8 AS finding_id, bm25(search_index) AS score "
    "FROM search_index AS s JOIN finding AS f ON f.id = s.rowid / 8 "
    "JOIN audit AS a ON a.id = f.audit_id "
    "WHERE search_index MATCH :match AND s.rowid % 8 = 1 AND a.auditee_id = :auditee "
    "AND a.id != :audit ORDER BY score LIMIT 50"
)


@dataclass(frozen=True)
class Similar:
    reference: str  # the earlier audit
    number: int
    title: str
    classification: str
    audit_date: str  # ISO date the earlier audit started, "" when unknown
    shared_references: tuple[str, ...]
    score: float  # higher is closer

    @property
    def label(self) -> str:
        return f"{self.reference} {number_label(self.number)}"


def _words(*texts: str) -> list[str]:
    out: list[str] = []
    for value in texts:
        for word in _WORD.findall(value.lower()):
            if word not in STOP_WORDS and word not in out:
                out.append(word)
    return out[:MAX_WORDS]


def _start(audit: Audit) -> dt.date | None:
    return audit.actual_start or audit.planned_start


def similar_findings(
    session: Session,
    audit: Audit,
    *,
    title: str,
    observation: str = "",
    references: list[str] | tuple[str, ...] = (),
    limit: int = 8,
) -> list[Similar]:
    """Findings of earlier audits of the same auditee that look like the one being raised."""
    if audit.auditee_id is None:
        return []
    scores: dict[int, float] = {}
    words = _words(title, observation)
    if words:
        match = " OR ".join(f'"{word}"*' for word in words)
        for finding_id, score in session.execute(
            _QUERY, {"match": match, "auditee": audit.auditee_id, "audit": audit.id}
        ):
            scores[int(finding_id)] = -float(score)  # bm25: lower is better
    wanted = {" ".join(r.split()) for r in references}
    # Plain columns, not entities: the finding editor asks this each time a finding is shown,
    # and loading every earlier finding of the CRO as an object was most of its cost.
    candidates = session.execute(
        select(
            Finding.id,
            Finding.number,
            Finding.title,
            Finding.classification,
            Finding.references_json,
            Audit.reference,
            Audit.actual_start,
            Audit.planned_start,
        )
        .join(Audit, Audit.id == Finding.audit_id)
        .where(Audit.auditee_id == audit.auditee_id, Audit.id != audit.id)
    )
    this_start = _start(audit)
    out = []
    for (
        finding_id,
        number,
        found_title,
        classification,
        references_json,
        reference,
        actual_start,
        planned_start,
    ) in candidates:
        shared = tuple(sorted(wanted & set(json.loads(references_json or "[]")))) if wanted else ()
        if finding_id not in scores and not shared:
            continue
        start = actual_start or planned_start
        if this_start is not None and start is not None and start > this_start:
            continue  # a later audit cannot be the one repeated
        out.append(
            Similar(
                reference=reference,
                number=number,
                title=found_title,
                classification=classification,
                audit_date=start.isoformat() if start else "",
                shared_references=shared,
                score=scores.get(finding_id, 0.0) + 2.0 * len(shared),
            )
        )
    out.sort(key=lambda s: (-s.score, s.audit_date, s.reference, s.number))
    return out[:limit]


def offers_version(session: Session) -> int:
    """A number that moves whenever an offer may have changed: every committed change of any
    audit (a finding, an audit's dates or auditee) writes a trail entry, and the trail only
    grows, so the newest entry's id moves with it. The finding editor keeps its offers under
    it and searches again only when it moved."""
    return int(session.scalar(select(func.max(TrailEntry.id))) or 0)


def similar_to(session: Session, audit: Audit, number: int, *, limit: int = 8) -> list[Similar]:
    finding = get_finding(session, audit, number)
    return similar_findings(
        session,
        audit,
        title=finding.title,
        observation=finding.observation,
        references=finding_references(finding),
        limit=limit,
    )


def link_repeat(session: Session, audit: Audit, number: int, earlier: str) -> Finding:
    """Mark the finding as a repeat of ``earlier`` ("AUD-2025-003 F-02"), an earlier finding of
    the same auditee."""
    ensure_editable(audit)
    finding = get_finding(session, audit, number)
    label = earlier_label(session, audit.id, earlier)
    if label is None:
        raise BadInput("name the earlier finding this one repeats (REFERENCE F-NN)")
    finding.repeat_of, finding.repeat_finding = label, True
    session.flush()
    return finding


def unlink_repeat(session: Session, audit: Audit, number: int) -> Finding:
    ensure_editable(audit)
    finding = get_finding(session, audit, number)
    finding.repeat_finding = False
    finding.repeat_of = None
    session.flush()
    return finding
