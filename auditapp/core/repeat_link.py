"""The link from a finding to the earlier finding it repeats ("AUD-2025-003 F-02"), checked.

Kept apart from repeat.py so that findings.py can check a link without importing the search
for similar findings, which builds on findings.py.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core.audits import get_audit
from auditapp.core.models import Audit, Finding
from auditapp.errors import BadInput, NotFound

LABEL = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._/-]{0,39})\s+F-(\d{1,4})\s*$")


def earlier_label(session: Session, audit_id: int | None, earlier: object) -> str | None:
    """The checked, normalised label of the earlier finding ("" or None: no link)."""
    if earlier is None or str(earlier).strip() == "":
        return None
    text = str(earlier)
    match = LABEL.match(text)
    if match is None:
        raise BadInput(f"give the earlier finding as REFERENCE F-NN, not {text[:60]!r}")
    audit = session.get(Audit, audit_id) if audit_id is not None else None
    other = get_audit(session, match.group(1))
    if audit is None or other.id == audit.id:
        raise BadInput("a finding cannot repeat a finding of the same audit")
    if audit.auditee_id is None or other.auditee_id != audit.auditee_id:
        raise BadInput(
            f"{other.reference} audited another organisation; a repeat finding "
            "repeats one of the same auditee"
        )
    number = int(match.group(2))
    previous = session.scalar(
        select(Finding).where(Finding.audit_id == other.id, Finding.number == number)
    )
    if previous is None:
        raise NotFound(f"audit {other.reference} has no finding F-{number:02d}")
    return f"{other.reference} F-{previous.number:02d}"
