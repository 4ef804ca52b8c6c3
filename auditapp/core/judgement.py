"""The auditor's judgement: overall outcome, conclusion, sampling, good practice, distribution.

These are the parts of a report a sponsor's QA reads first and that only the auditor can
write. The outcome list depends on the audit type: a vendor qualification ends in an approval
decision, every other audit in an assessment of acceptability.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from auditapp.core.audits import clean_text, ensure_editable
from auditapp.core.models import Audit, AuditType
from auditapp.errors import BadInput

APPROVAL_OUTCOMES = ("approved", "approved_with_conditions", "not_approved")
ASSESSMENT_OUTCOMES = ("acceptable", "acceptable_with_improvements", "not_acceptable")
# Outcomes that say "no reservation": they contradict an open critical finding.
UNRESERVED_OUTCOMES = frozenset({"approved", "acceptable"})
# Values written by earlier versions; still shown, but no longer offered.
LEGACY_OUTCOMES = frozenset({"acceptable_with_capa"})

FIELDS = ("overall_rating", "conclusion", "sampling", "positive_observations", "distribution")
# What pre-issue checks require before the report can be issued, with the words they use.
REQUIRED = {
    "overall_rating": "the overall outcome is not stated",
    "conclusion": "the overall conclusion is empty",
    "sampling": "the sampling (what was sampled and how) is not described",
    "positive_observations": 'no positive observations are recorded (write "none noted" if '
    "there were none)",
    "distribution": "the distribution list is empty",
}


def outcomes_for(audit_type: str) -> tuple[str, ...]:
    if audit_type == AuditType.VENDOR_QUALIFICATION.value:
        return APPROVAL_OUTCOMES
    return ASSESSMENT_OUTCOMES


def parse_outcome(value: str) -> str:
    return value.strip().lower().replace("-", "_").replace(" ", "_")


def check_outcome(audit_type: str, value: str) -> str:
    outcome = parse_outcome(value)
    allowed = outcomes_for(audit_type)
    if outcome and outcome not in allowed:
        raise BadInput(
            f"outcome {value!r} does not fit a {audit_type.replace('_', ' ')} audit; "
            f"choose one of: {', '.join(allowed)}"
        )
    return outcome


@dataclass(frozen=True)
class Judgement:
    overall_rating: str = ""
    conclusion: str = ""
    sampling: str = ""
    positive_observations: str = ""
    distribution: str = ""


def read(audit: Audit) -> Judgement:
    return Judgement(*(getattr(audit, name) or "" for name in FIELDS))


def clean(audit_type: str, judgement: Judgement) -> Judgement:
    """Check and tidy every field, or refuse naming the field; nothing is stored here."""
    texts = {
        name: clean_text(getattr(judgement, name), field=name.replace("_", " ")).strip()
        for name in FIELDS
        if name != "overall_rating"
    }
    rating = judgement.overall_rating
    # A legacy value is kept as it is unless the auditor chooses another one.
    if rating not in LEGACY_OUTCOMES:
        rating = check_outcome(audit_type, rating)
    return Judgement(overall_rating=rating, **texts)


def apply(audit: Audit, judgement: Judgement) -> None:
    """Write only the fields that changed, so the trail shows exactly what the auditor did."""
    for name in FIELDS:
        value = getattr(judgement, name)
        if (getattr(audit, name) or "") != value:
            setattr(audit, name, value)


def set_judgement(session: Session, audit: Audit, **changes: str | None) -> Judgement:
    """Change some of the fields (None leaves a field as it is); returns the stored values."""
    ensure_editable(audit)
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise BadInput(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    current = read(audit)
    wanted = Judgement(
        **{
            name: (changes[name] if changes.get(name) is not None else getattr(current, name))
            for name in FIELDS
        }
    )
    cleaned = clean(audit.audit_type, wanted)
    apply(audit, cleaned)
    session.flush()
    return cleaned


def missing(audit: Audit) -> list[tuple[str, str]]:
    """(field, message) for each required part of the judgement that is empty or invalid."""
    out = [
        (name, message)
        for name, message in REQUIRED.items()
        if not (getattr(audit, name) or "").strip()
    ]
    rating = audit.overall_rating or ""
    if rating and rating not in outcomes_for(audit.audit_type):
        out.append(
            (
                "overall_rating",
                f"the outcome {rating!r} does not fit a "
                f"{audit.audit_type.replace('_', ' ')} audit; choose one of "
                f"{', '.join(outcomes_for(audit.audit_type))}",
            )
        )
    return out
