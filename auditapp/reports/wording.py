"""Every word the report itself says, in English and German, and how dates are written.

One table so that a translator (and a test) sees all of it: the German report must not contain
a single English phrase of its own. Text the auditor typed (findings, conclusion) is not here.
"""

from __future__ import annotations

import datetime as dt

from auditapp.core.models import Language, codes
from auditapp.errors import BadInput
from auditapp.reports.output_wording import OUTPUT_WORDING
from auditapp.reports.wording_signoff import WORDING_SIGNOFF

LANGUAGES = codes(Language)

# key: (English, German). German as a German GCP auditor writes it: "CAPA" and "SOP" are
# established terms there too.
WORDING: dict[str, tuple[str, str]] = {
    # cover and page furniture
    "report_kicker": ("GCP Audit Report", "GCP-Auditbericht"),
    "certificate_kicker": ("Audit Certificate", "Auditzertifikat"),
    "page_label": ("Page {page} of {pages}", "Seite {page} von {pages}"),
    "confidential_short": ("Confidential", "Vertraulich"),
    "report_number": ("Report number", "Berichtsnummer"),
    "report_version": ("Version", "Version"),
    "audit_type": ("Type of audit", "Art des Audits"),
    "sponsor": ("Sponsor", "Sponsor"),
    "auditee": ("Auditee", "Auditierte Organisation"),
    "auditee_address": ("Auditee address", "Anschrift der auditierten Organisation"),
    "locations": ("Audited locations", "Auditierte Standorte"),
    "studies": ("Studies", "Studien"),
    "audit_dates": ("Audit dates", "Auditzeitraum"),
    "report_date": ("Report date", "Berichtsdatum"),
    "lead_auditor": ("Lead auditor", "Auditleitung"),
    "statement_title": ("Confidentiality", "Vertraulichkeit"),
    "confidentiality": (
        "This report is confidential and intended only for the sponsor and the auditee named "
        "above. It must not be copied or passed to third parties without the sponsor's written "
        "consent. In line with ICH E6 (R2 5.19.3(d), R3 3.11.2.2(d)), regulatory authorities "
        "should not routinely request audit reports; the audit certificate is issued as a "
        "separate document.",
        "Dieser Bericht ist vertraulich und ausschließlich für den oben genannten Sponsor und "
        "die auditierte Organisation bestimmt. Eine Vervielfältigung oder Weitergabe an Dritte "
        "ist nur mit schriftlicher Zustimmung des Sponsors zulässig. Gemäß ICH E6 (R2 "
        "5.19.3(d), R3 3.11.2.2(d)) sollen Behörden Auditberichte nicht routinemäßig "
        "anfordern; das Auditzertifikat wird als separates Dokument ausgestellt.",
    ),
    "none": ("None", "Keine"),
    "not_stated": ("Not stated", "Nicht angegeben"),
    "yes": ("Yes", "Ja"),
    "no": ("No", "Nein"),
    # document control
    "document_control": ("Document control", "Dokumentenlenkung"),
    "version_history": ("Version history", "Versionshistorie"),
    "col_version": ("Version", "Version"),
    "col_date": ("Date", "Datum"),
    "col_change": ("Description", "Beschreibung"),
    "col_by": ("Prepared by", "Erstellt von"),
    "first_issue": ("Report issued", "Erstausgabe des Berichts"),
    "draft_issue": ("Draft for review", "Entwurf zur Prüfung"),
    "reissue": ("Revised report", "Überarbeiteter Bericht"),
    "distribution": ("Distribution list", "Verteiler"),
    "retention": (
        "The report and its evidence are retained in the audit file of the auditing "
        "organisation for at least the retention period of the trial master file.",
        "Der Bericht und die zugehörigen Nachweise werden in der Auditakte der auditierenden "
        "Organisation mindestens für die Aufbewahrungsfrist der Studienunterlagen (TMF) aufbewahrt.",
    ),
    "toc": ("Contents", "Inhaltsverzeichnis"),
    "toc_note": (
        "Page numbers: update the table of contents (F9) after opening.",
        "Seitenzahlen: Inhaltsverzeichnis nach dem Öffnen aktualisieren (F9).",
    ),
    # executive summary
    "summary": ("Executive summary", "Zusammenfassung"),
    "overall_rating": ("Overall assessment", "Gesamtbewertung"),
    "conclusion": ("Overall conclusion", "Gesamtfazit"),
    "findings_by_grade": ("Findings by classification", "Feststellungen nach Einstufung"),
    "col_classification": ("Classification", "Einstufung"),
    "col_count": ("Number", "Anzahl"),
    "total": ("Total", "Gesamt"),
    "key_risks": ("Key risks", "Wesentliche Risiken"),
    "no_key_risks": (
        "No critical or major findings were made.",
        "Es wurden keine kritischen oder wesentlichen Feststellungen getroffen.",
    ),
    # objectives, scope, criteria
    "scope_chapter": ("Objectives, scope and criteria", "Ziele, Umfang und Kriterien"),
    "objectives": ("Objectives", "Auditziele"),
    "scope": ("Scope", "Auditumfang"),
    "criteria": ("Audit criteria", "Auditkriterien"),
    "criteria_r2": (
        "ICH E6(R2) Guideline for Good Clinical Practice (integrated addendum, 2016)",
        "ICH E6(R2) Leitlinie zur Guten Klinischen Praxis (integriertes Addendum, 2016)",
    ),
    "criteria_r3": (
        "ICH E6(R3) Guideline for Good Clinical Practice (2025)",
        "ICH E6(R3) Leitlinie zur Guten Klinischen Praxis (2025)",
    ),
    "checklist_used": ("Checklist used", "Verwendete Checkliste"),
    # team
    "team_chapter": ("Audit team and auditee participants", "Auditteam und Teilnehmende"),
    "audit_team": ("Audit team", "Auditteam"),
    "col_name": ("Name", "Name"),
    "col_role": ("Role", "Funktion im Audit"),
    "col_qualification": ("Qualification", "Qualifikation"),
    "independence": (
        "The auditors declare that they are independent of the activities audited and have no "
        "conflict of interest with the auditee.",
        "Die Auditoren erklären, dass sie von den auditierten Tätigkeiten unabhängig sind und "
        "kein Interessenkonflikt gegenüber der auditierten Organisation besteht.",
    ),
    "participants": ("Auditee participants", "Teilnehmende der auditierten Organisation"),
    "col_function": ("Function", "Funktion"),
    "col_opening": ("Opening meeting", "Eröffnungsgespräch"),
    "col_closing": ("Closing meeting", "Abschlussgespräch"),
    "col_interviewed": ("Interviewed", "Befragt"),
    "role_lead": ("Lead auditor", "Auditleitung"),
    "role_co_auditor": ("Co-auditor", "Co-Auditor"),
    "role_expert": ("Technical expert", "Fachexperte"),
    "role_trainee": ("Trainee auditor", "Auditor in Ausbildung"),
    "role_observer": ("Observer", "Beobachter"),
    # methodology
    "method_chapter": ("Methodology", "Vorgehensweise"),
    "audit_mode": ("Conduct of the audit", "Durchführung"),
    "mode_on_site": ("On site", "Vor Ort"),
    "mode_remote": ("Remote audit", "Fernaudit"),
    "mode_hybrid": ("Hybrid (on site and remote)", "Hybrid (vor Ort und als Fernaudit)"),
    "method_text": (
        "The audit comprised an opening meeting, interviews with the auditee staff listed above, "
        "review of the documents listed below, walkthroughs of facilities and computerised "
        "systems, and a closing meeting at which the preliminary findings were presented.",
        "Das Audit umfasste ein Eröffnungsgespräch, Interviews mit den oben "
        "genannten Mitarbeitenden, die Prüfung der unten aufgeführten Dokumente, Begehungen "
        "von Räumlichkeiten und computergestützten Systemen sowie ein Abschlussgespräch, in dem "
        "die vorläufigen Feststellungen vorgestellt wurden.",
    ),
    "sampling": ("Sampling", "Stichproben"),
    "sampling_statement": (
        "An audit is a sampling exercise: areas, records and processes not sampled may contain "
        "deficiencies not reported here.",
        "Ein Audit beruht auf Stichproben: In nicht geprüften Bereichen, Aufzeichnungen und "
        "Prozessen können Mängel bestehen, die in diesem Bericht nicht genannt sind.",
    ),
    "documents_reviewed": ("Documents reviewed", "Geprüfte Dokumente"),
    "col_identifier": ("Identifier", "Kennung"),
    "col_title": ("Title", "Titel"),
    "col_doc_version": ("Version", "Version"),
    "col_doc_date": ("Date", "Datum"),
    "interviews": ("Interviews", "Interviews"),
    # findings
    "findings_chapter": ("Findings", "Feststellungen"),
    "findings_intro": (
        "Findings are listed by classification; the grades are defined in the appendix.",
        "Die Feststellungen sind nach Einstufung geordnet; die Einstufungen sind im Anhang "
        "definiert.",
    ),
    "no_findings": ("No findings were made.", "Es wurden keine Feststellungen getroffen."),
    "f_classification": ("Classification", "Einstufung"),
    "f_references": ("Requirements", "Anforderungen"),
    "f_area": ("Audit area", "Auditbereich"),
    "f_due": ("CAPA response due", "CAPA-Antwort fällig am"),
    "f_owner": ("Responsible", "Verantwortlich"),
    "f_repeat": ("Repeat finding", "Wiederholte Feststellung"),
    "f_observation": ("Observation", "Beobachtung"),
    "f_impact": ("Impact", "Auswirkung"),
    "f_risk": ("Risk", "Risiko"),
    "f_recommendation": ("Recommendation", "Empfehlung"),
    "f_response": ("Auditee response", "Stellungnahme der auditierten Organisation"),
    "f_evidence": ("Photo evidence", "Fotonachweise"),
    "no_due_date": ("No response required", "Keine Antwort erforderlich"),
    "captured": ("captured", "aufgenommen"),
    "hash_short": ("SHA-256", "SHA-256"),
    # positive observations, action plan
    "positive_chapter": ("Positive observations", "Positive Beobachtungen"),
    "action_chapter": ("CAPA request and action plan", "CAPA-Anforderung und Maßnahmenplan"),
    "capa_request": (
        "The auditee is requested to submit a CAPA plan for every finding by the due date given. "
        "For each finding the plan states the root cause, the correction, the corrective and "
        "preventive actions, the person responsible, the due date and how effectiveness will be "
        "checked. The CAPA plan is accepted when the actions address the root cause and the "
        "timelines are appropriate to the risk.",
        "Die auditierte Organisation wird gebeten, bis zum angegebenen Termin für jede "
        "Feststellung einen CAPA-Plan vorzulegen. Dieser nennt je Feststellung die Grundursache, "
        "die Sofortkorrektur, die Korrektur- und Vorbeugemaßnahmen, die verantwortliche Person, "
        "den Termin und die Wirksamkeitsprüfung. Der CAPA-Plan wird akzeptiert, wenn die "
        "Maßnahmen die Grundursache beseitigen und die Fristen dem Risiko angemessen sind.",
    ),
    "col_finding": ("Finding", "Feststellung"),
    "col_recommendation": ("Recommendation", "Empfehlung"),
    "col_due": ("Due date", "Fälligkeit"),
    "col_owner": ("Responsible", "Verantwortlich"),
    "see_finding": ("(abridged; see {number})", "(gekürzt; siehe {number})"),
    # signatures
    "signatures_chapter": ("Signatures", "Unterschriften"),
    "signatures_intro": (
        "Electronic signatures under 21 CFR 11.50: each shows the signer's printed name, the "
        "date and time of signing and the meaning of the signature.",
        "Elektronische Unterschriften gemäß 21 CFR 11.50: Jede Unterschrift nennt den Namen in "
        "Druckschrift, Datum und Uhrzeit der Unterzeichnung sowie die Bedeutung der "
        "Unterschrift.",
    ),
    "sig_author": ("Author (lead auditor)", "Verfasser (Auditleitung)"),
    "sig_reviewer": ("Quality assurance review", "Qualitätssicherung (Prüfung)"),
    "sig_approver": ("Approval", "Freigabe"),
    "sig_name": ("Printed name", "Name in Druckschrift"),
    "sig_role": ("Role", "Funktion"),
    "sig_meaning": ("Meaning", "Bedeutung"),
    "sig_time": ("Date and time", "Datum und Uhrzeit"),
    "sig_fingerprint": ("Certificate SHA-256", "Zertifikat SHA-256"),
    # appendices
    "appendix": ("Appendix", "Anhang"),
    "appendix_grading": ("Grading definitions", "Einstufungsdefinitionen"),
    "col_definition": ("Definition", "Definition"),
    "col_capa_days": ("CAPA due (days)", "CAPA-Frist (Tage)"),
    "appendix_checklist": ("Checklist responses", "Antworten zur Checkliste"),
    "col_question": ("Question", "Frage"),
    "col_result": ("Result", "Ergebnis"),
    "col_notes": ("Notes", "Anmerkungen"),
    "col_id": ("No.", "Nr."),
    "appendix_evidence": ("Evidence index", "Nachweisverzeichnis"),
    "evidence_intro": (
        "Every evidence file is identified by its SHA-256 hash, computed when it was imported; "
        "the original file is kept unchanged in the audit file.",
        "Jede Nachweisdatei ist durch ihren SHA-256-Hashwert gekennzeichnet, der beim Import "
        "berechnet wurde; die Originaldatei wird unverändert in der Auditakte aufbewahrt.",
    ),
    "confidential_withheld_one": (
        "1 confidential evidence item is not included in this copy.",
        "1 vertraulicher Nachweis ist in dieser Ausfertigung nicht enthalten.",
    ),
    "confidential_withheld": (
        "{count} confidential evidence items are not included in this copy.",
        "{count} vertrauliche Nachweise sind in dieser Ausfertigung nicht enthalten.",
    ),
    "col_file": ("File", "Datei"),
    "col_caption": ("Caption", "Bildunterschrift"),
    "col_captured": ("Captured", "Aufgenommen"),
    "col_links": ("Findings", "Feststellungen"),
    "col_hash": ("SHA-256", "SHA-256"),
    "no_evidence": ("No evidence files were recorded.", "Es wurden keine Nachweisdateien erfasst."),
    # response results
    "result_compliant": ("Compliant", "Konform"),
    "result_partially_compliant": ("Partially compliant", "Teilweise konform"),
    "result_non_compliant": ("Non-compliant", "Nicht konform"),
    "result_not_applicable": ("Not applicable", "Nicht zutreffend"),
    "result_not_assessed": ("Not assessed", "Nicht bewertet"),
    "result_none": ("Not answered", "Nicht beantwortet"),
    # audit types and ratings
    "type_vendor_qualification": (
        "Vendor qualification audit",
        "Qualifizierungsaudit eines Dienstleisters",
    ),
    "type_routine_system": ("Routine system audit", "Routinemäßiges Systemaudit"),
    "type_study_specific": ("Study-specific audit", "Studienspezifisches Audit"),
    "type_for_cause": ("For-cause audit", "Anlassbezogenes Audit"),
    "type_pre_inspection": ("Pre-inspection audit", "Audit zur Inspektionsvorbereitung"),
    "rating_acceptable": ("Acceptable", "Akzeptabel"),
    "rating_acceptable_with_capa": (
        "Acceptable subject to an accepted CAPA plan",
        "Akzeptabel unter der Voraussetzung eines akzeptierten CAPA-Plans",
    ),
    "rating_not_acceptable": ("Not acceptable", "Nicht akzeptabel"),
    # certificate
    "cert_trial": ("Trial identification", "Studienidentifikation"),
    "cert_audit": ("Audit", "Audit"),
    "cert_subject": ("Subject of the audit", "Gegenstand des Audits"),
    "cert_issue_date": ("Certificate date", "Ausstellungsdatum"),
    "cert_report": ("Audit report", "Auditbericht"),
    "cert_auditors": ("Auditors", "Auditoren"),
    "cert_auditee": ("Auditee", "Auditierte Organisation"),
    "cert_no_study": (
        "Not study-specific (system audit of the organisation)",
        "Nicht studienspezifisch (Systemaudit der Organisation)",
    ),
    "cert_signature": ("Lead auditor", "Auditleitung"),
    "document_reference": ("Document", "Dokument"),
    "trail_head": ("Audit trail head (SHA-256)", "Stand des Audit-Trails (SHA-256)"),
    "userrole_lead_auditor": ("Lead auditor", "Auditleitung"),
    "userrole_auditor": ("Auditor", "Auditor"),
    "userrole_reviewer": ("Quality assurance reviewer", "Prüfende Person der QS"),
    "userrole_admin": ("Administrator", "Administrator"),
}
# The follow-up documents' words live in their own table (output_wording.py); a key in both
# would silently change a word of the report.
if WORDING.keys() & OUTPUT_WORDING.keys():
    raise RuntimeError(
        f"wording keys defined twice: {sorted(WORDING.keys() & OUTPUT_WORDING.keys())}"
    )
WORDING.update(OUTPUT_WORDING)

# The judgement, escalation, signature and certificate wording lives in its own table.
WORDING.update(WORDING_SIGNOFF)

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise BadInput(f"report language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def t(key: str, language: str, **values: object) -> str:
    text = WORDING[key][LANGUAGES.index(language)]
    return text.format(**values) if values else text


def label_or(key: str, language: str, fallback: str) -> str:
    """A label from the table, or the stored value itself when the table has none."""
    return t(key, language) if key in WORDING else fallback


def date(value: dt.date | None, language: str) -> str:
    if value is None:
        return ""
    if language == Language.DE:
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def date_range(start: dt.date | None, end: dt.date | None, language: str) -> str:
    if start is None:
        return date(end, language)
    if end is None or end == start:
        return date(start, language)
    return f"{date(start, language)} – {date(end, language)}"


def datetime(value: dt.datetime | None, language: str) -> str:
    """Local time with its UTC offset, so a reader anywhere knows the instant."""
    if value is None:
        return ""
    local = value.astimezone()
    offset = local.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if language == Language.DE:
        return f"{date(local.date(), language)}, {clock} Uhr ({offset})"
    return f"{date(local.date(), language)} {clock} ({offset})"


def signing_time(value: dt.datetime, utc_offset: str, language: str) -> str:
    """The instant of a signature in UTC, with the signer's local clock and offset."""
    from auditapp.core.signing import local_clock

    utc = value.astimezone(dt.UTC)
    clock = f"{utc:%H:%M:%S}"
    local = f"{local_clock(value, utc_offset)} {t('local_time', language)}, UTC{utc_offset}"
    return f"{date(utc.date(), language)} {clock} UTC ({local})"


def number(value: int, language: str) -> str:
    return f"{value:,}".replace(",", "." if language == Language.DE else ",")
