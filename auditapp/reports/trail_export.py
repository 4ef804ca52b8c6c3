"""The audit trail as an inspector reads it: one line per user action, field labels and values as
the auditor saw them, exported as CSV (UTF-8, for a spreadsheet) or PDF (ReportLab).

The stored trail keeps the raw entries (one per field, codes such as `document_date`, `true`);
this module only presents them. Grouping: entries of one user on one row within a second, with
the same action and reason, are one user action (adding a register entry writes six entries).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from auditapp.core.models import Language
from auditapp.core.trail_query import TrailRow
from auditapp.reports import wording

if TYPE_CHECKING:
    from auditapp.core.db import Database

GROUP_WINDOW = dt.timedelta(seconds=1)

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "result": ("Answer", "Antwort"), "notes": ("Notes", "Notizen"),
    "title": ("Title", "Titel"), "classification": ("Classification", "Einstufung"),
    "observation": ("Observation", "Beobachtung"), "impact": ("Impact", "Auswirkung"),
    "references_json": ("References", "Referenzen"),
    "question_ids_json": ("Linked questions", "Verknüpfte Fragen"),
    "area": ("Area", "Bereich"), "risk": ("Risk", "Risiko"),
    "recommendation": ("Recommendation", "Empfehlung"),
    "capa_due_date": ("CAPA response due", "CAPA-Antwort fällig"),
    "owner": ("Auditee owner", "Verantwortlich (auditierte Stelle)"),
    "status": ("Status", "Status"), "repeat_finding": ("Repeat finding", "Wiederholte Feststellung"),
    "auditee_response": ("Auditee response", "Antwort der auditierten Stelle"),
    "position": ("Order in report", "Reihenfolge im Bericht"), "number": ("Number", "Nummer"),
    "document_date": ("Document date", "Dokumentdatum"), "version": ("Version", "Version"),
    "name": ("Name", "Name"), "function": ("Function", "Funktion"),
    "organisation": ("Organisation", "Organisation"), "caption": ("Caption", "Bildunterschrift"),
    "file_name": ("File name", "Dateiname"), "question_id": ("Question", "Frage"),
    "reference": ("Reference", "Referenz"), "planned_start": ("Planned start", "Geplanter Beginn"),
    "planned_end": ("Planned end", "Geplantes Ende"), "actual_start": ("Actual start", "Tatsächlicher Beginn"),
    "actual_end": ("Actual end", "Tatsächliches Ende"), "locked": ("Locked", "Gesperrt"),
    "report_version": ("Report version", "Berichtsversion"), "conclusion": ("Conclusion", "Schlussfolgerung"),
    "scope": ("Scope", "Umfang"), "objectives": ("Objectives", "Ziele"),
    "answered_by": ("Answered by", "Beantwortet von"), "answered_at": ("Answered at", "Beantwortet am"),
    "sort_order": ("Order", "Reihenfolge"), "role": ("Role", "Rolle"),
}
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "compliant": ("Compliant", "Konform"),
    "partially_compliant": ("Partially compliant", "Teilweise konform"),
    "non_compliant": ("Non-compliant", "Nicht konform"),
    "not_applicable": ("Not applicable", "Nicht zutreffend"),
    "not_assessed": ("Not assessed", "Nicht bewertet"),
    "critical": ("Critical", "Kritisch"), "major": ("Major", "Wesentlich"),
    "minor": ("Minor", "Geringfügig"), "recommendation": ("Recommendation", "Empfehlung"),
    "other": ("Other", "Sonstige"),
    "true": ("yes", "ja"), "false": ("no", "nein"),
    "planned": ("Planned", "Geplant"), "in_progress": ("In progress", "In Bearbeitung"),
    "reporting": ("Reporting", "Berichterstellung"), "in_review": ("In review", "In Prüfung"),
    "final": ("Final", "Final"), "closed": ("Closed", "Abgeschlossen"),
    "open": ("Open", "Offen"), "response_received": ("Response received", "Antwort erhalten"),
    "vendor_qualification": ("Vendor qualification", "Dienstleisterqualifizierung"),
    "routine_system": ("Routine / system", "Routine-/Systemaudit"),
    "study_specific": ("Study-specific", "Studienspezifisch"),
    "for_cause": ("For cause", "Anlassbezogen"), "pre_inspection": ("Pre-inspection", "Inspektionsvorbereitung"),
}
ACTION_LABELS = {"insert": ("added", "hinzugefügt"), "update": ("changed", "geändert"),
                 "delete": ("deleted", "gelöscht")}
SUBJECT_LABELS = {
    "audit": ("Audit", "Audit"), "response": ("Answer", "Antwort"), "finding": ("Finding", "Feststellung"),
    "document_reviewed": ("Document reviewed", "Geprüftes Dokument"),
    "auditee_participant": ("Participant", "Teilnehmende Person"),
    "team_member": ("Team member", "Teammitglied"), "evidence": ("Evidence", "Nachweis"),
    "audit_study": ("Study", "Studie"), "report_version": ("Report version", "Berichtsversion"),
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
    return _pick(pair, language) if pair else name.replace("_json", "").replace("_", " ").capitalize()


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
        return text if len(text) <= limit else text[:limit - 1] + "…"


def group_actions(rows: list[TrailRow], language: str = "en") -> list[TrailAction]:
    """Newest first, as the rows come; consecutive rows of one user action become one."""
    out: list[TrailAction] = []
    for row in rows:
        subject = subject_text(row, language)
        action = _pick(ACTION_LABELS.get(row.action, (row.action, row.action)), language)
        last = out[-1] if out else None
        if not (last and last.user == row.user and last.subject == subject
                and last.action == action and last.reason == row.reason
                and abs(last.at - row.at) <= GROUP_WINDOW):
            last = TrailAction(at=row.at, user=row.user, action=action, subject=subject,
                               reason=row.reason, code=row.action)
            out.append(last)
        last.entries += 1
        if row.field in _HIDDEN_FIELDS or (row.field == _NAMED_BY.get(row.entity)
                                            and row.action == "insert"):
            continue  # the subject already names it (Answer ORG-01)
        if row.action == "delete" and row.field is None and row.old_value:
            continue  # the deleted row's snapshot: the subject already names it
        last.changes.append(Change(field_label(row.field, language),
                                   display_value(row.field, row.old_value, language, row.entity),
                                   display_value(row.field, row.new_value, language, row.entity)))
    # An update that touched only plumbing (a row id, a team-work uid) shows nothing to a reader.
    out = [a for a in out if a.changes or a.code != "update"]
    for action in out:
        action.changes.reverse()  # entries came newest first; fields read in stored order
    return out


# --- export -------------------------------------------------------------------------------------

CSV_HEADER = {
    "en": ("Action no.", "Time (UTC)", "User", "Action", "What", "Field", "Old value",
           "New value", "Reason"),
    "de": ("Aktion Nr.", "Zeit (UTC)", "Benutzer", "Aktion", "Was", "Feld", "Alter Wert",
           "Neuer Wert", "Grund"),
}


def _cell(text: str) -> str:
    # A cell starting with = + - @ would be a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(actions: list[TrailAction], language: str) -> bytes:
    """One line per changed field, numbered by user action; UTF-8 with BOM for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER[Language.DE if language == Language.DE else Language.EN])
    for number, a in enumerate(reversed(actions), start=1):
        when = a.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
        for change in a.changes or [Change("", "", "")]:
            writer.writerow([_cell(str(v)) for v in (
                number, when, a.user, a.action, a.subject, change.field, change.old,
                change.new, a.reason)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def to_pdf(actions: list[TrailAction], *, reference: str, title: str, head: str,
           language: str) -> bytes:
    """A landscape A4 listing, oldest first, with the trail head hash on every page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from auditapp.reports.pdf_text import MAIN, clean, register_fonts

    register_fonts()
    de = language == Language.DE
    body = ParagraphStyle("body", fontName=MAIN, fontSize=7.5, leading=9.5)
    head_style = ParagraphStyle("head", fontName=f"{MAIN}-Bold", fontSize=7.5, leading=9.5)
    heading = ParagraphStyle("h", fontName=f"{MAIN}-Bold", fontSize=13, leading=16,
                             spaceAfter=4)
    small = ParagraphStyle("s", fontName=MAIN, fontSize=8, leading=10, spaceAfter=8)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        escaped = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(escaped.replace("\n", "<br/>"), style)

    columns = (("No.", "Nr."), ("Time (UTC)", "Zeit (UTC)"), ("User", "Benutzer"),
               ("Action", "Aktion"), ("What", "Was"), ("Changes", "Änderungen"),
               ("Reason", "Grund"))
    data = [[p(c[1] if de else c[0], head_style) for c in columns]]
    for number, a in enumerate(reversed(actions), start=1):
        # A row must fit a page: long values (a checklist snapshot) are cut here; the CSV and
        # the trail itself keep them whole.
        changes = "\n".join(
            _cut(f"{c.field}: {c.old} → {c.new}" if c.old and c.new else
                 f"{c.field}: {c.new or c.old}" if c.field else (c.new or c.old), 400)
            for c in a.changes)
        changes = _cut(changes, 2500)
        data.append([p(str(number)), p(a.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")),
                     p(a.user), p(a.action), p(a.subject), p(changes), p(a.reason)])
    widths = [12 * mm, 30 * mm, 24 * mm, 18 * mm, 40 * mm, 110 * mm, 33 * mm]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.grey),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(0.96, 0.96, 0.97)]),
    ]))
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    footer = (f"{reference} · {'Audit-Trail' if de else 'Audit trail'} · "
              f"{'Stand (SHA-256)' if de else 'Head (SHA-256)'} {head} · {generated}")

    def decorate(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(MAIN, 7)  # type: ignore[attr-defined]
        canvas.drawString(12 * mm, 7 * mm, footer)  # type: ignore[attr-defined]
        page = doc.page  # type: ignore[attr-defined]
        canvas.drawRightString(landscape(A4)[0] - 12 * mm, 7 * mm,  # type: ignore[attr-defined]
                               f"{'Seite' if de else 'Page'} {page}")
        canvas.restoreState()  # type: ignore[attr-defined]

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm,
                            rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=14 * mm,
                            title=f"{reference} audit trail", author="AuditApp")
    story = [p(f"{'Audit-Trail' if de else 'Audit trail'} · {reference}", heading),
             p(title, small),
             p(("Jede Zeile ist eine Aktion einer Person; die Felder zeigen die Bezeichnungen "
                "und Werte, wie sie in AuditApp angezeigt wurden. Die vollständigen, "
                "verketteten Einträge prüft »auditapp trail verify«.") if de else
               ("Each line is one action by one person; fields show the labels and values as "
                "AuditApp displayed them. The complete hash-chained entries are checked by "
                "'auditapp trail verify'."), small),
             table]
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()


def export_trail(db: Database, reference: str, *, fmt: str, language: str = "en") -> bytes:
    from auditapp.core import trail, trail_query
    from auditapp.core.audits import get_audit

    language = wording.check_language(language)
    with db.read_session() as session:
        audit = get_audit(session, reference)
        rows = trail_query.audit_trail(session, audit.id)
        title = audit.title
        head = trail.head_hash(session.connection())
    actions = group_actions(rows, language)
    if fmt == "csv":
        return to_csv(actions, language)
    if fmt == "pdf":
        return to_pdf(actions, reference=reference, title=title, head=head, language=language)
    from auditapp.errors import BadInput

    raise BadInput(f"trail export format must be csv or pdf, not {fmt!r}")
