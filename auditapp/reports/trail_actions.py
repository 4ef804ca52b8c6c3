"""The audit trail as user actions: entries grouped per action, field labels and values as shown."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from auditapp.core.models import Language
from auditapp.core.trail_query import TrailRow
from auditapp.reports import wording

GROUP_WINDOW = dt.timedelta(seconds=1)

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "result": ("Answer", "Antwort"),
    "notes": ("Notes", "Notizen"),
    "title": ("Title", "Titel"),
    "classification": ("Classification", "Einstufung"),
    "observation": ("Observation", "Beobachtung"),
    "impact": ("Impact", "Auswirkung"),
    "references_json": ("References", "Referenzen"),
    "question_ids_json": ("Linked questions", "Verknüpfte Fragen"),
    "area": ("Area", "Bereich"),
    "risk": ("Risk", "Risiko"),
    "recommendation": ("Recommendation", "Empfehlung"),
    "capa_due_date": ("CAPA response due", "CAPA-Antwort fällig"),
    "owner": ("Auditee owner", "Verantwortlich (auditierte Stelle)"),
    "status": ("Status", "Status"),
    "repeat_finding": ("Repeat finding", "Wiederholte Feststellung"),
    "auditee_response": ("Auditee response", "Antwort der auditierten Stelle"),
    "position": ("Order in report", "Reihenfolge im Bericht"),
    "number": ("Number", "Nummer"),
    "document_date": ("Document date", "Dokumentdatum"),
    "version": ("Version", "Version"),
    "name": ("Name", "Name"),
    "function": ("Function", "Funktion"),
    "organisation": ("Organisation", "Organisation"),
    "caption": ("Caption", "Bildunterschrift"),
    "file_name": ("File name", "Dateiname"),
    "question_id": ("Question", "Frage"),
    "reference": ("Reference", "Referenz"),
    "planned_start": ("Planned start", "Geplanter Beginn"),
    "planned_end": ("Planned end", "Geplantes Ende"),
    "actual_start": ("Actual start", "Tatsächlicher Beginn"),
    "actual_end": ("Actual end", "Tatsächliches Ende"),
    "locked": ("Locked", "Gesperrt"),
    "report_version": ("Report version", "Berichtsversion"),
    "conclusion": ("Conclusion", "Schlussfolgerung"),
    "scope": ("Scope", "Umfang"),
    "objectives": ("Objectives", "Ziele"),
    "answered_by": ("Answered by", "Beantwortet von"),
    "answered_at": ("Answered at", "Beantwortet am"),
    "sort_order": ("Order", "Reihenfolge"),
    "role": ("Role", "Rolle"),
}
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "compliant": ("Compliant", "Konform"),
    "partially_compliant": ("Partially compliant", "Teilweise konform"),
    "non_compliant": ("Non-compliant", "Nicht konform"),
    "not_applicable": ("Not applicable", "Nicht zutreffend"),
    "not_assessed": ("Not assessed", "Nicht bewertet"),
    "critical": ("Critical", "Kritisch"),
    "major": ("Major", "Wesentlich"),
    "minor": ("Minor", "Geringfügig"),
    "recommendation": ("Recommendation", "Empfehlung"),
    "other": ("Other", "Sonstige"),
    "true": ("yes", "ja"),
    "false": ("no", "nein"),
    "planned": ("Planned", "Geplant"),
    "in_progress": ("In progress", "In Bearbeitung"),
    "reporting": ("Reporting", "Berichterstellung"),
    "in_review": ("In review", "In Prüfung"),
    "final": ("Final", "Final"),
    "closed": ("Closed", "Abgeschlossen"),
    "open": ("Open", "Offen"),
    "response_received": ("Response received", "Antwort erhalten"),
    "vendor_qualification": ("Vendor qualification", "Dienstleisterqualifizierung"),
    "routine_system": ("Routine / system", "Routine-/Systemaudit"),
    "study_specific": ("Study-specific", "Studienspezifisch"),
    "for_cause": ("For cause", "Anlassbezogen"),
    "pre_inspection": ("Pre-inspection", "Inspektionsvorbereitung"),
}
ACTION_LABELS = {
    "insert": ("added", "hinzugefügt"),
    "update": ("changed", "geändert"),
    "delete": ("deleted", "gelöscht"),
}
SUBJECT_LABELS = {
    "audit": ("Audit", "Audit"),
    "response": ("Answer", "Antwort"),
    "finding": ("Finding", "Feststellung"),
    "document_reviewed": ("Document reviewed", "Geprüftes Dokument"),
    "auditee_participant": ("Participant", "Teilnehmende Person"),
    "team_member": ("Team member", "Teammitglied"),
    "evidence": ("Evidence", "Nachweis"),
    "audit_study": ("Study", "Studie"),
    "report_version": ("Report version", "Berichtsversion"),
    "checklist_snapshot": ("Checklist", "Checkliste"),
}
_NAMED_BY = {"response": "question_id"}
# Row plumbing, not what the user changed: ids (also the team-work uid) and bookkeeping times.
_HIDDEN_FIELDS = frozenset({"audit_id", "id", "uid", "created_at", "updated_at", "answered_at"})


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == Language.DE else pair[0]


def field_label(name: str | None, language: str) -> str:
    if not name:
        return ""
    pair = FIELD_LABELS.get(name)
    return (
        _pick(pair, language) if pair else name.replace("_json", "").replace("_", " ").capitalize()
    )


def display_value(name: str | None, value: str | None, language: str, entity: str = "") -> str:
    """A stored value as the auditor saw it: labels for codes, local dates, lists joined."""
    if value is None or value == "":
        return ""
    if value in VALUE_LABELS and name not in ("title", "notes", "observation"):
        return _pick(VALUE_LABELS[value], language)
    if name and name.endswith("_json"):
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return ", ".join(str(i) for i in items)
    if name and (name.endswith("_date") or name.endswith(("_start", "_end"))) and len(value) == 10:
        try:
            return wording.date(dt.date.fromisoformat(value), language)
        except ValueError:
            return value
    if name == "number" and value.isdigit():
        return f"E-{int(value):03d}" if entity == "evidence" else f"F-{int(value):02d}"
    return value


def subject_text(row: TrailRow, language: str) -> str:
    pair = SUBJECT_LABELS.get(row.entity)
    kind = _pick(pair, language) if pair else row.entity.replace("_", " ")
    name = row.subject.split(" ", len(row.entity.split("_")))[-1] if row.subject else ""
    return f"{kind} {name}".strip()


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class TrailAction:
    at: dt.datetime
    user: str
    action: str
    subject: str
    reason: str
    changes: list[Change] = field(default_factory=list)
    entries: int = 0
    code: str = ""  # insert / update / delete, for filters

    def summary(self, *, limit: int = 120) -> str:
        parts = []
        for c in self.changes:
            if c.old and c.new:
                parts.append(f"{c.field}: {c.old} → {c.new}")
            else:
                parts.append(f"{c.field}: {c.new or c.old}" if c.field else (c.new or c.old))
        text = "; ".join(" ".join(p.split()) for p in parts)
        return text if len(text) <= limit else text[: limit - 1] + "…"


def group_actions(rows: list[TrailRow], language: str = "en") -> list[TrailAction]:
    """Newest first, as the rows come; consecutive rows of one user action become one."""
    out: list[TrailAction] = []
    for row in rows:
        subject = subject_text(row, language)
        action = _pick(ACTION_LABELS.get(row.action, (row.action, row.action)), language)
        last = out[-1] if out else None
        if not (
            last
            and last.user == row.user
            and last.subject == subject
            and last.action == action
            and last.reason == row.reason
            and abs(last.at - row.at) <= GROUP_WINDOW
        ):
            last = TrailAction(
                at=row.at,
                user=row.user,
                action=action,
                subject=subject,
                reason=row.reason,
                code=row.action,
            )
            out.append(last)
        last.entries += 1
        if row.field in _HIDDEN_FIELDS or (
            row.field == _NAMED_BY.get(row.entity) and row.action == "insert"
        ):
            continue  # the subject already names it (Answer ORG-01)
        if row.action == "delete" and row.field is None and row.old_value:
            continue  # the deleted row's snapshot: the subject already names it
        last.changes.append(
            Change(
                field_label(row.field, language),
                display_value(row.field, row.old_value, language, row.entity),
                display_value(row.field, row.new_value, language, row.entity),
            )
        )
    # An update that touched only plumbing (a row id, a team-work uid) shows nothing to a reader.
    out = [a for a in out if a.changes or a.code != "update"]
    for action in out:
        action.changes.reverse()  # entries came newest first; fields read in stored order
    return out
