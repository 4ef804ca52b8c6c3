"""The CAPA response form the auditee fills in: DOCX or XLSX, one row per finding.

The auditor's columns (number, grade, title, requirement, response due) are filled in; the
auditee's columns (root cause, corrective action, preventive action, owner, target date,
evidence of completion) are empty (owner prefilled when the auditor recorded one). In the
workbook only the auditee's columns are unlocked and shaded.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from sqlalchemy.orm import Session

from auditapp.core import audits as core_audits
from auditapp.core import capa_import, capa_state
from auditapp.core import findings as core_findings
from auditapp.core.models import Audit
from auditapp.errors import BadInput
from auditapp.reports import style, tabular
from auditapp.reports import wording as w
from auditapp.reports.branding import PRODUCER, load_branding
from auditapp.reports.findings_export import ordered_findings

FORMATS = ("docx", "xlsx")
COLUMN_KEYS = (
    "capa_col_number",
    "capa_col_grade",
    "capa_col_title",
    "capa_col_requirement",
    "capa_col_due",
    "capa_col_root_cause",
    "capa_col_correction",
    "capa_col_corrective",
    "capa_col_preventive",
    "capa_col_owner",
    "capa_col_target",
    "capa_col_evidence",
)
# The importer (core/capa_import.py) reads the filled form back by these positions.
AUDITEE_COLUMNS = capa_import.AUDITEE_COLUMNS
XLSX_WIDTHS = (8, 14, 36, 30, 13, 36, 30, 36, 36, 20, 13, 32)
# Millimetres on landscape A4 (273 mm of text width): each German header word ("Korrektur-
# maßnahme", "Umsetzungsnachweis") and a date fit their column at 7 pt without breaking.
DOCX_WIDTHS = (10, 20, 31, 24, 21, 21, 20, 26, 26, 22, 21, 27)


# Where long German compounds may break in a narrow column (a soft hyphen shows as "-" only
# when the line breaks there); Word and LibreOffice otherwise cut "Grundursach|e".
SOFT_BREAKS = {
    "Grundursache": "Grund\u00adursache",
    "Korrekturmaßnahme": "Korrektur\u00admaßnahme",
    "Vorbeugemaßnahme": "Vorbeuge\u00admaßnahme",
    "Verantwortlich": "Verant\u00adwortlich",
    "Umsetzungsnachweis": "Umsetzungs\u00adnachweis",
    "Schwerwiegend": "Schwer\u00adwiegend",
    "Feststellung": "Fest\u00adstellung",
    "Geringfügig": "Gering\u00adfügig",
    "Zieldatum": "Ziel\u00addatum",
    "Einstufung": "Ein\u00adstufung",
    "Sofortkorrektur": "Sofort\u00adkorrektur",
    "Corrective": "Correc\u00adtive",
    "Recommendation": "Recom\u00admendation",
}


def _breakable(text: str) -> str:
    return " ".join(SOFT_BREAKS.get(word, word) for word in text.split(" "))


@dataclass(frozen=True)
class CapaForm:
    language: str
    title: str
    audit_rows: tuple[tuple[str, str], ...]
    intro: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    organisation: str
    author: str
    primary_colour: str


def check_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise BadInput(f"CAPA form format must be docx or xlsx, not {fmt!r}")
    return fmt


def build_form(session: Session, audit: Audit, language: str | None = None) -> CapaForm:
    lang = w.check_language(language or audit.language or "en")
    branding = load_branding(session)
    findings = ordered_findings(session, audit)
    # A form sent again (after a rejection, or for completion evidence) carries the plan and
    # evidence on record, so the auditee revises rather than retypes.
    on_record = {item.finding.id: item for item in capa_state.follow_up(session, audit)}
    rows = []
    for f in findings:
        grade = core_findings.grade(session, f.classification)
        item = on_record.get(f.id)
        plan = item.status.latest_response if item else None
        evidence = "\n".join(
            e.evidence_text
            for e in (item.events if item else ())
            if e.kind == "evidence" and e.evidence_text
        )
        due = item.status.response_due if item else f.capa_due_date
        rows.append(
            (
                core_findings.number_label(f.number),
                grade.label[lang],
                f.title,
                "; ".join(core_findings.finding_references(f)),
                w.date(due, lang),
                plan.root_cause if plan else "",
                plan.correction if plan else "",
                plan.corrective_action if plan else "",
                plan.preventive_action if plan else "",
                (plan.owner if plan else "") or f.owner.strip(),
                w.date(plan.target_date, lang) if plan else "",
                evidence,
            )
        )
    dues = [f.capa_due_date for f in findings if f.capa_due_date is not None]
    organisation = branding.organisation or w.t("capa_the_auditor", lang)
    intro = (
        w.t("capa_form_intro", lang, organisation=organisation, due=w.date(min(dues), lang))
        if dues
        else w.t("capa_form_intro_no_due", lang, organisation=organisation)
    )
    lead = audit.lead_auditor.full_name if audit.lead_auditor else ""
    audit_rows = (
        (w.t("report_number", lang), audit.reference),
        (w.t("report_version", lang), f"{audit.report_version}.0"),
        (
            w.t("auditee", lang),
            audit.auditee.legal_name if audit.auditee else w.t("not_stated", lang),
        ),
        (
            w.t("sponsor", lang),
            audit.sponsor.legal_name if audit.sponsor else w.t("not_stated", lang),
        ),
        (
            w.t("audit_dates", lang),
            w.date_range(
                audit.actual_start or audit.planned_start,
                audit.actual_end or audit.planned_end,
                lang,
            ),
        ),
        (w.t("lead_auditor", lang), lead or w.t("not_stated", lang)),
    )
    return CapaForm(
        language=lang,
        title=f"{w.t('capa_form_title', lang)} {audit.reference}",
        audit_rows=audit_rows,
        intro=intro,
        header=tuple(w.t(k, lang) for k in COLUMN_KEYS),
        rows=tuple(rows),
        organisation=branding.organisation,
        author=lead,
        primary_colour=branding.primary_colour,
    )


def to_xlsx(form: CapaForm) -> bytes:
    lang = form.language
    about = [
        *form.audit_rows,
        ("", form.intro),
        (w.t("capa_signed_by", lang), ""),
        (w.t("capa_reviewed_by", lang), ""),
    ]
    return tabular.to_xlsx(
        [
            (w.t("capa_sheet", lang), form.header, form.rows, XLSX_WIDTHS),
            (w.t("capa_about_sheet", lang), ("", form.title), about, (34, 90)),
        ],
        title=form.title,
        author=form.author,
        header_fill=form.primary_colour,
        editable_columns=AUDITEE_COLUMNS,
    )


def to_docx(form: CapaForm) -> bytes:
    """Landscape A4: the audit's particulars, the instruction, then the one table."""
    from docx import Document as new_document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt, RGBColor

    from auditapp.reports import docx_xml as x

    s = style.load()
    doc = new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(12))
    normal = doc.styles["Normal"]
    normal.font.name = s.docx_font("body")
    normal.font.size = Pt(8.5)
    brand = RGBColor(*style.hex_to_rgb(form.primary_colour))
    head = doc.add_heading(x.clean(form.title), level=1)
    for run in head.runs:
        run.font.color.rgb = brand
    if form.organisation:
        doc.add_paragraph(x.clean(form.organisation))
    particulars = doc.add_table(rows=0, cols=2)
    particulars.autofit = False
    for column, width in zip(particulars.columns, (Mm(50), Mm(130)), strict=True):
        column.width = width  # the grid LibreOffice and Word lay out by
    for label, value in form.audit_rows:
        cells = particulars.add_row().cells
        cells[0].text, cells[1].text = x.clean(label), x.clean(value)
        cells[0].width, cells[1].width = Mm(50), Mm(130)
        cells[0].paragraphs[0].runs[0].bold = True
    doc.add_paragraph(x.clean(form.intro))
    width = Mm(297 - 24)
    total = sum(DOCX_WIDTHS)
    table = doc.add_table(rows=1, cols=len(form.header))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    widths = [int(width * v / total) for v in DOCX_WIDTHS]
    for column, cw in zip(table.columns, widths, strict=True):
        column.width = cw
    for cell, text, cw in zip(table.rows[0].cells, form.header, widths, strict=True):
        cell.width = cw
        cell.text = _breakable(x.clean(text))
        cell.paragraphs[0].runs[0].bold = True
        cell.paragraphs[0].runs[0].font.size = Pt(7)
        cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(255, 255, 255)
        x.shade(cell, form.primary_colour)
    x.repeat_header(table.rows[0])
    for values in form.rows:
        row = table.add_row()
        x.cant_split(row)
        for index, (cell, text, cw) in enumerate(zip(row.cells, values, widths, strict=True)):
            cell.width = cw
            cell.text = _breakable(x.clean(text)) if index < 2 else x.clean(text)
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(7.5)
            if index in AUDITEE_COLUMNS:
                x.shade(cell, "#FFF8E1")
    doc.add_paragraph()
    for key in ("capa_signed_by", "capa_reviewed_by"):
        doc.add_paragraph(f"{w.t(key, form.language)}: " + "_" * 60)
    props = doc.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.title, props.author = x.clean(form.title), x.clean(form.author or PRODUCER)
    props.last_modified_by = x.clean(form.author or PRODUCER)
    props.created = props.modified = now.replace(tzinfo=None)
    props.language = form.language
    props.comments = f"Prepared with {PRODUCER}"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def export_capa_form(
    session: Session, reference: str, fmt: str, language: str | None = None
) -> bytes:
    fmt = check_format(fmt)
    form = build_form(session, core_audits.get_audit(session, reference), language)
    return to_xlsx(form) if fmt == "xlsx" else to_docx(form)


def write_capa_form(
    db: object, reference: str, path: object, *, fmt: str, language: str | None = None
) -> object:
    """Build and write atomically (reports.export.write); returns the path written."""
    from auditapp.reports import export

    fmt = check_format(fmt)
    with db.session() as session:  # type: ignore[attr-defined]
        data = export_capa_form(session, reference, fmt, language)
    return export.write(path, data)  # type: ignore[arg-type]
