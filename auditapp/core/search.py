"""Search across every audit: findings, answers' notes, evidence captions and the registers.

The index is an SQLite FTS5 table that triggers keep in step with the rows, inside the same
transaction as each edit (migration 0009 creates it); this module only reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from auditapp.errors import BadInput

# The kind codes the index stores (see SOURCES in migration 0009).
KINDS = {1: "finding", 2: "answer", 3: "evidence", 4: "document", 5: "participant", 6: "team"}
MAX_QUERY = 200
_WORD = re.compile(r"\w+", re.UNICODE)

# The index's rowid is the source row's id * 8 + its kind (migration 0009): the finding's or the
# evidence item's number comes from its row, not from parsing the printed label back.
_QUERY = text(
    "SELECT a.reference, s.kind, s.item, s.title, "
    "snippet(search_index, -1, '[', ']', '…', 12) AS excerpt, "
    "COALESCE(f.number, e.number) AS number "
    "FROM search_index AS s JOIN audit AS a ON a.id = s.audit_id "
    "LEFT JOIN finding AS f ON s.kind = 1 AND f.id = s.rowid / 8 "
    "LEFT JOIN evidence AS e ON s.kind = 3 AND e.id = s.rowid / 8 "
    "WHERE search_index MATCH :match ORDER BY s.rank LIMIT :limit"
)


@dataclass(frozen=True)
class Hit:
    reference: str  # the audit
    kind: str  # finding, answer, evidence, document, participant, team
    item: str  # F-03, the question id, E-007, a document title or a name
    title: str
    excerpt: str  # the matching words in [brackets]
    number: int | None = None  # a finding's or an evidence item's number (kind finding/evidence)


def match_expression(query: str) -> str:
    """Words the user typed, each as a prefix, all required: 'temp log' finds 'temperature logs'.

    Only word characters reach FTS5, so no input can be a syntax error or an FTS operator.
    """
    if len(query) > MAX_QUERY:
        raise BadInput(f"the search text is too long ({len(query)} characters; limit {MAX_QUERY})")
    words = _WORD.findall(query)
    if not words:
        raise BadInput("give at least one word to search for")
    return " ".join(f'"{w}"*' for w in words)


def search(session: Session, query: str, *, limit: int = 200) -> list[Hit]:
    rows = session.execute(_QUERY, {"match": match_expression(query), "limit": limit})
    return [
        Hit(reference=ref, kind=KINDS.get(int(kind), "other"), item=item or "", title=title or "",
            excerpt=excerpt or "", number=number)
        for ref, kind, item, title, excerpt, number in rows
    ]
