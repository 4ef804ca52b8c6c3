"""The audit trail as an inspector reads it: one line per user action, field labels and values as
the auditor saw them, exported as CSV (UTF-8, for a spreadsheet) or PDF (ReportLab).

The stored trail keeps the raw entries (one per field, codes such as `document_date`, `true`);
this module only presents them. Grouping (trail_actions.py): entries of one user on one row within a second, with
the same action and reason, are one user action (adding a register entry writes six entries).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING

from auditapp.core.models import Language
from auditapp.reports import wording
from auditapp.reports.trail_actions import Change, TrailAction, group_actions

if TYPE_CHECKING:
    from auditapp.core.db import Database

# --- export -------------------------------------------------------------------------------------

CSV_HEADER = {
    "en": (
        "Action no.",
        "Time (UTC)",
        "User",
        "Action",
        "What",
        "Field",
        "Old value",
        "New value",
        "Reason",
    ),
    "de": (
        "Aktion Nr.",
        "Zeit (UTC)",
        "Benutzer",
        "Aktion",
        "Was",
        "Feld",
        "Alter Wert",
        "Neuer Wert",
        "Grund",
    ),
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
            writer.writerow(
                [
                    _cell(str(v))
                    for v in (
                        number,
                        when,
                        a.user,
                        a.action,
                        a.subject,
                        change.field,
                        change.old,
                        change.new,
                        a.reason,
                    )
                ]
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_pdf(
    actions: list[TrailAction], *, reference: str, title: str, head: str, language: str
) -> bytes:
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
    heading = ParagraphStyle("h", fontName=f"{MAIN}-Bold", fontSize=13, leading=16, spaceAfter=4)
    small = ParagraphStyle("s", fontName=MAIN, fontSize=8, leading=10, spaceAfter=8)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        escaped = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(escaped.replace("\n", "<br/>"), style)

    columns = (
        ("No.", "Nr."),
        ("Time (UTC)", "Zeit (UTC)"),
        ("User", "Benutzer"),
        ("Action", "Aktion"),
        ("What", "Was"),
        ("Changes", "Änderungen"),
        ("Reason", "Grund"),
    )
    data = [[p(c[1] if de else c[0], head_style) for c in columns]]
    for number, a in enumerate(reversed(actions), start=1):
        # A row must fit a page: long values (a checklist snapshot) are cut here; the CSV and
        # the trail itself keep them whole.
        changes = "\n".join(
            _cut(
                f"{c.field}: {c.old} → {c.new}"
                if c.old and c.new
                else f"{c.field}: {c.new or c.old}"
                if c.field
                else (c.new or c.old),
                400,
            )
            for c in a.changes
        )
        changes = _cut(changes, 2500)
        data.append(
            [
                p(str(number)),
                p(a.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")),
                p(a.user),
                p(a.action),
                p(a.subject),
                p(changes),
                p(a.reason),
            ]
        )
    widths = [12 * mm, 30 * mm, 24 * mm, 18 * mm, 40 * mm, 110 * mm, 33 * mm]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.grey),
                (
                    "ROWBACKGROUNDS",
                    (0, 1),
                    (-1, -1),
                    [colors.white, colors.Color(0.96, 0.96, 0.97)],
                ),
            ]
        )
    )
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    footer = (
        f"{reference} · {'Audit-Trail' if de else 'Audit trail'} · "
        f"{'Stand (SHA-256)' if de else 'Head (SHA-256)'} {head} · {generated}"
    )

    def decorate(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(MAIN, 7)  # type: ignore[attr-defined]
        canvas.drawString(12 * mm, 7 * mm, footer)  # type: ignore[attr-defined]
        page = doc.page  # type: ignore[attr-defined]
        canvas.drawRightString(
            landscape(A4)[0] - 12 * mm,
            7 * mm,  # type: ignore[attr-defined]
            f"{'Seite' if de else 'Page'} {page}",
        )
        canvas.restoreState()  # type: ignore[attr-defined]

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=f"{reference} audit trail",
        author="AuditApp",
    )
    story = [
        p(f"{'Audit-Trail' if de else 'Audit trail'} · {reference}", heading),
        p(title, small),
        p(
            (
                "Jede Zeile ist eine Aktion einer Person; die Felder zeigen die Bezeichnungen "
                "und Werte, wie sie in AuditApp angezeigt wurden. Die vollständigen, "
                "verketteten Einträge prüft »auditapp trail verify«."
            )
            if de
            else (
                "Each line is one action by one person; fields show the labels and values as "
                "AuditApp displayed them. The complete hash-chained entries are checked by "
                "'auditapp trail verify'."
            ),
            small,
        ),
        table,
    ]
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
