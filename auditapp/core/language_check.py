"""Does the text the auditor typed match the report's language? A stop-word count.

The heuristic (documented in docs/reports.md): the words of each text field are compared with
two short lists of frequent English and German function words that the other language does not
use ("the", "which", "were" / "und", "nicht", "wurde"). A field of at least MIN_FIELD_HITS such
words leans to the language with clearly more of them (RATIO times as many). When the fields
that lean to the other language hold more stop words than those in the report's language, the
report gets one warning naming them. It never blocks issuing: quoted documents, names and
bilingual teams make any guess fallible, and the auditor decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from auditapp.core.issue_problem import IssueProblem
from auditapp.core.models import Audit

STOP_WORDS = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "are",
            "was",
            "were",
            "not",
            "with",
            "for",
            "that",
            "this",
            "by",
            "on",
            "be",
            "been",
            "has",
            "have",
            "had",
            "which",
            "from",
            "or",
            "at",
            "it",
            "should",
            "all",
            "any",
            "their",
            "there",
            "would",
            "could",
            "during",
            "than",
            "these",
            "those",
            "but",
            "when",
            "who",
            "its",
            "into",
            "been",
            "such",
            "where",
            "our",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "sind",
            "nicht",
            "mit",
            "für",
            "von",
            "zu",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einer",
            "eines",
            "wurde",
            "wurden",
            "werden",
            "auf",
            "bei",
            "im",
            "zur",
            "zum",
            "sich",
            "auch",
            "oder",
            "durch",
            "nach",
            "aus",
            "wird",
            "keine",
            "kein",
            "dass",
            "wie",
            "über",
            "noch",
            "nur",
            "sowie",
            "jedoch",
            "diese",
            "dieser",
            "wurden",
            "hat",
            "haben",
        ]
    ),
}
LANGUAGE_NAMES = {"en": "English", "de": "German"}
MIN_FIELD_HITS = 4
RATIO = 2.0
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Leaning:
    field: str  # "F-01 observation", "conclusion"
    language: str | None  # None: too little text to tell, or mixed
    hits: dict[str, int]


def count(text: str) -> dict[str, int]:
    words = [w.lower() for w in WORD.findall(text)]
    return {lang: sum(1 for w in words if w in stops) for lang, stops in STOP_WORDS.items()}


def leaning(field: str, text: str) -> Leaning:
    hits = count(text)
    (first, a), (_, b) = sorted(hits.items(), key=lambda kv: kv[1], reverse=True)
    if a < MIN_FIELD_HITS or a < RATIO * b:
        return Leaning(field, None, hits)
    return Leaning(field, first, hits)


def _fields(audit: Audit) -> list[tuple[str, str]]:
    from auditapp.core.findings import number_label

    fields = [
        ("title", audit.title),
        ("scope", audit.scope),
        ("objectives", audit.objectives),
        ("conclusion", audit.conclusion),
    ]
    for finding in audit.findings:
        label = number_label(finding.number)
        for name in ("title", "observation", "impact", "risk", "recommendation"):
            fields.append((f"{label} {name}", getattr(finding, name) or ""))
    return [(name, text) for name, text in fields if text and text.strip()]


def mismatched_fields(audit: Audit, language: str) -> list[Leaning]:
    """The fields written in the other language, when they outweigh the matching ones."""
    leanings = [leaning(name, text) for name, text in _fields(audit)]
    other = [le for le in leanings if le.language not in (None, language)]
    same = [le for le in leanings if le.language == language]
    other_weight = sum(le.hits[le.language] for le in other)  # type: ignore[index]
    same_weight = sum(le.hits[language] for le in same)
    return other if other and other_weight > same_weight else []


def message(audit: Audit, language: str | None = None) -> str | None:
    """One sentence for the pre-issue list and the export dialog, or None."""
    language = language or audit.language or "en"
    if language not in STOP_WORDS:
        return None
    other = mismatched_fields(audit, language)
    if not other:
        return None
    text_language = other[0].language or ""
    names = ", ".join(le.field for le in other[:5]) + (
        f" and {len(other) - 5} more" if len(other) > 5 else ""
    )
    return (
        f"the report is in {LANGUAGE_NAMES[language]} but the text of {names} looks "
        f"{LANGUAGE_NAMES.get(text_language, text_language)}"
    )


def problems(session: Session, audit: Audit, language: str | None = None) -> list[IssueProblem]:
    """As pre-issue entries of kind "warning" (they do not block issuing)."""
    text = message(audit, language)
    return [IssueProblem("warning", "language", text)] if text else []
