"""A hit of the search across every audit (core/search.py finds them). Apart from search.py,
which needs SQLAlchemy, so that the audit list can show hits without loading the ORM first."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    reference: str  # the audit
    kind: str  # finding, answer, evidence, document, participant, team
    item: str  # F-03, the question id, E-007, a document title or a name
    title: str
    excerpt: str  # the matching words in [brackets]
    number: int | None = None  # a finding's or an evidence item's number (kind finding/evidence)
