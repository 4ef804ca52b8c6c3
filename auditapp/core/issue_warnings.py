"""Warnings before issue: worth a look, never blocking (pre-issue list kind "warning")."""

from __future__ import annotations

from sqlalchemy.orm import Session

from auditapp.core import findings, language_check
from auditapp.core.issue_problem import IssueProblem
from auditapp.core.models import Audit

# The key reports/branding.py stores the auditing organisation's name under.
ORGANISATION_SETTING = "report.organisation_name"


def warnings(session: Session, audit: Audit, language: str | None = None) -> list[IssueProblem]:
    found: list[IssueProblem] = []
    if not str(findings.get_setting(session, ORGANISATION_SETTING, "") or "").strip():
        found.append(
            IssueProblem(
                "warning",
                "organisation",
                "the auditing organisation is not set (Settings, or auditapp settings set "
                "organisation.name): the report's cover and header show no organisation",
            )
        )
    found += language_check.problems(session, audit, language)
    return found
