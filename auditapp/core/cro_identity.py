"""Which organisation rows are one CRO.

Each audit keeps its own auditee row (setup.py), so that a later change of address never
rewrites an old audit's report. The register therefore treats every CRO row with the same
legal name (ignoring case and spacing) as one CRO, represented by the oldest row: oversight
records (qualification, KPIs, escalations) are attached to that row.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core.models import Organisation, OrganisationKind


def normalised(name: str) -> str:
    return " ".join(name.split()).casefold()


def _all(session: Session) -> list[Organisation]:
    return list(
        session.scalars(
            select(Organisation)
            .where(Organisation.kind == OrganisationKind.CRO.value)
            .order_by(Organisation.id)
        )
    )


def cros(session: Session) -> list[Organisation]:
    """One representative row per CRO, by name."""
    seen: dict[str, Organisation] = {}
    for org in _all(session):
        seen.setdefault(normalised(org.legal_name), org)
    return sorted(seen.values(), key=lambda o: normalised(o.legal_name))


def member_ids(session: Session, org: Organisation) -> list[int]:
    """Every organisation row that is the same CRO as ``org``."""
    key = normalised(org.legal_name)
    return [o.id for o in _all(session) if normalised(o.legal_name) == key] or [org.id]
