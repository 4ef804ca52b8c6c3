"""What a finding lacks before the core is asked, by field, in sentences in the user's language.

The core refuses the same things (in English, for the command line); saying it here first lets
the editor put each sentence under its field.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import QCoreApplication

from auditapp.core.findings import Grade

# pyside6-lupdate finds only literal QCoreApplication.translate("Context", "text") calls.


def finding_problems(
    values: Mapping[str, object],
    *,
    grades: Mapping[str, Grade],
    language: str,
    known_questions: Collection[str],
) -> dict[str, str]:
    """values: title, classification, impact and question_ids (a list of typed ids)."""
    out: dict[str, str] = {}
    if not str(values["title"]).strip():
        out["title"] = QCoreApplication.translate(
            "FindingForm", "Give the finding a title: one line that states the deficiency."
        )
    grade = grades.get(str(values["classification"]))
    if grade is None:
        out["classification"] = QCoreApplication.translate(
            "FindingForm", "Choose a classification."
        )
    elif grade.requires_impact and not str(values["impact"]).strip():
        out["impact"] = QCoreApplication.translate(
            "FindingForm", "A “%1” finding needs its impact on participants or on the data."
        ).replace("%1", grade.label[language])
    ids = values["question_ids"]
    unknown = [q for q in ids if q not in known_questions]  # type: ignore[attr-defined]
    if unknown:
        out["question_ids"] = QCoreApplication.translate(
            "FindingForm", "This audit's checklist has no question %1."
        ).replace("%1", ", ".join(unknown))
    return out
