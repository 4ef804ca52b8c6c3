"""An audit's set-up details as one plain record (studies, team, participants) and their checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from auditapp.core import audits, checklists
from auditapp.core import judgement as core_judgement
from auditapp.core.audits import clean_text
from auditapp.core.models import AuditStatus
from auditapp.core.registers import TEAM_ROLES, parse_date
from auditapp.errors import BadInput

MODES = ("on_site", "remote", "hybrid")
CRITERIA_EDITIONS = ("R2", "R3", "R2+R3")


@dataclass(frozen=True)
class StudyEntry:
    protocol_number: str
    title: str = ""
    phase: str = ""
    id: int | None = None  # Study.id once stored


@dataclass(frozen=True)
class TeamEntry:
    name: str
    role: str = "co_auditor"
    qualification: str = ""
    id: int | None = None


@dataclass(frozen=True)
class PersonEntry:
    name: str
    function: str = ""
    opening_meeting: bool = False
    closing_meeting: bool = False
    interviewed: bool = False
    id: int | None = None


@dataclass(frozen=True)
class AuditDetails:
    reference: str = ""
    title: str = ""
    audit_type: str = "vendor_qualification"
    sponsor_name: str = ""
    sponsor_address: str = ""
    auditee_name: str = ""
    auditee_address: str = ""
    locations: str = ""
    mode: str = "on_site"
    objectives: str = ""
    scope: str = ""
    criteria_editions: str = "R2+R3"
    other_criteria: str = ""
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    lead_auditor: str = ""  # username
    team: tuple[TeamEntry, ...] = ()
    participants: tuple[PersonEntry, ...] = ()
    studies: tuple[StudyEntry, ...] = ()
    checklist_id: str = ""
    area_ids: tuple[str, ...] = ()
    language: str = "en"
    status: str = AuditStatus.PLANNED.value
    # The auditor's judgement (core.judgement), edited on the dialog's "Conclusion" page.
    judgement: core_judgement.Judgement = field(default_factory=core_judgement.Judgement)

    def replace(self, **changes: object) -> AuditDetails:
        return replace(self, **changes)  # type: ignore[arg-type]


_TEXT_FIELDS = {
    # field -> (label, limit, single line)
    "title": ("title", 300, True),
    "locations": ("locations", 5000, False),
    "objectives": ("objectives", 100_000, False),
    "scope": ("scope", 100_000, False),
    "other_criteria": ("other criteria", 100_000, False),
}


def validate(details: AuditDetails) -> AuditDetails:
    """Clean every field or refuse with a message naming it; nothing is stored here."""
    cleaned: dict[str, object] = {}
    for key, (label, limit, single) in _TEXT_FIELDS.items():
        value = clean_text(getattr(details, key), field=label, limit=limit, single_line=single)
        cleaned[key] = " ".join(value.split()) if single else value.strip()
    if not cleaned["title"]:
        raise BadInput("an audit needs a title")
    for key, label in (("sponsor_name", "sponsor"), ("auditee_name", "auditee")):
        text = clean_text(getattr(details, key), field=label, limit=300, single_line=True)
        cleaned[key] = " ".join(text.split())
    for key, label in (
        ("sponsor_address", "sponsor address"),
        ("auditee_address", "auditee address"),
    ):
        cleaned[key] = clean_text(getattr(details, key), field=label, limit=2000).strip()
    audits.parse_audit_type(details.audit_type)
    if details.mode not in MODES:
        raise BadInput(f"audit mode must be one of {', '.join(MODES)}")
    if details.criteria_editions not in CRITERIA_EDITIONS:
        raise BadInput(f"criteria must be one of {', '.join(CRITERIA_EDITIONS)}")
    if details.language not in checklists.LANGUAGES:
        raise BadInput(f"report language must be one of {', '.join(checklists.LANGUAGES)}")
    for key in ("planned_start", "planned_end", "actual_start", "actual_end"):
        cleaned[key] = parse_date(getattr(details, key), field=key.replace("_", " "))
    for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
        if cleaned[start] and cleaned[end] and cleaned[end] < cleaned[start]:  # type: ignore[operator]
            raise BadInput(f"{end.replace('_', ' ')} is before {start.replace('_', ' ')}")
    team = []
    for entry in details.team:
        name = " ".join(
            clean_text(entry.name, field="team member", limit=200, single_line=True).split()
        )
        if not name:
            continue
        if entry.role not in TEAM_ROLES:
            raise BadInput(f"team role must be one of {', '.join(TEAM_ROLES)}")
        qualification = clean_text(entry.qualification, field="qualification", limit=5000)
        team.append(replace(entry, name=name, qualification=qualification.strip()))
    people = []
    for person in details.participants:
        name = " ".join(
            clean_text(person.name, field="participant", limit=200, single_line=True).split()
        )
        if not name:
            continue
        function = clean_text(person.function, field="function", limit=200, single_line=True)
        people.append(replace(person, name=name, function=" ".join(function.split())))
    studies = []
    for study in details.studies:
        number = clean_text(
            study.protocol_number, field="protocol number", limit=100, single_line=True
        ).strip()
        if not number:
            continue
        title = clean_text(study.title, field="study title", limit=2000, single_line=True)
        phase = clean_text(study.phase, field="study phase", limit=20, single_line=True)
        studies.append(
            replace(study, protocol_number=number, title=title.strip(), phase=phase.strip())
        )
    verdict = core_judgement.clean(
        audits.parse_audit_type(details.audit_type).value, details.judgement
    )
    return replace(
        details,
        **cleaned,  # type: ignore[arg-type]
        team=tuple(team),
        participants=tuple(people),
        studies=tuple(studies),
        reference=details.reference.strip().upper(),
        judgement=verdict,
    )
