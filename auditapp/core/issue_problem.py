"""One entry of the pre-issue list: a problem that blocks issuing, or a warning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IssueProblem:
    kind: str  # "finding", "question", "field" or "warning"
    target: str  # "F-03", a question id such as "QMS-04", or an Audit field name
    message: str
    finding_number: int | None = None  # for kind == "finding"

    def __str__(self) -> str:
        return f"{self.target}: {self.message}"
