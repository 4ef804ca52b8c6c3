"""Words of the follow-up documents (CAPA form, copy notices, language warning), EN and DE.

Kept apart from wording.py so the tables stay readable; wording.py merges them into WORDING.
"""

from __future__ import annotations

OUTPUT_WORDING: dict[str, tuple[str, str]] = {
    # version history and copies
    "issued_version": ("Issued", "Ausgegeben"),
    "pending_issue": ("For issue", "Zur Ausgabe"),
    "uncontrolled_copy": ("Uncontrolled copy", "Nicht gelenkte Kopie"),
    "uncontrolled_text": (
        "Uncontrolled copy, rendered on {date}. The controlled record is the signed PDF of "
        "version {version}; this copy is not updated when the report is revised.",
        "Nicht gelenkte Kopie, erstellt am {date}. Maßgeblich ist das signierte PDF der "
        "Version {version}; diese Kopie wird bei einer Überarbeitung nicht aktualisiert.",
    ),
    "editable_copy": ("Editable copy", "Bearbeitbare Kopie"),
    "editable_copy_text": (
        "This Word document is an editable copy of the signed PDF record of version {version}. "
        "The electronic signatures are carried by the PDF (and by the detached .p7s file over "
        "this document); in case of doubt the signed PDF prevails.",
        "Dieses Word-Dokument ist eine bearbeitbare Kopie des signierten PDF-Datensatzes der "
        "Version {version}. Die elektronischen Signaturen trägt das PDF (und die abgesetzte "
        ".p7s-Datei zu diesem Dokument); im Zweifel gilt das signierte PDF.",
    ),
    # CAPA response form
    "capa_form_title": ("CAPA Response Form", "CAPA-Antwortformular"),
    "capa_form_intro": (
        "Please enter the root cause, the corrective and preventive actions, the person "
        "responsible, the target date and the evidence of completion for each finding, and "
        "return this form to {organisation} by {due}.",
        "Bitte tragen Sie zu jeder Feststellung die Grundursache, die Korrektur- und "
        "Vorbeugemaßnahmen, die verantwortliche Person, das Zieldatum und den "
        "Umsetzungsnachweis ein und senden Sie dieses Formular bis {due} an {organisation} "
        "zurück.",
    ),
    "capa_form_intro_no_due": (
        "Please enter the root cause, the corrective and preventive actions, the person "
        "responsible, the target date and the evidence of completion for each finding, and "
        "return this form to {organisation}.",
        "Bitte tragen Sie zu jeder Feststellung die Grundursache, die Korrektur- und "
        "Vorbeugemaßnahmen, die verantwortliche Person, das Zieldatum und den "
        "Umsetzungsnachweis ein und senden Sie dieses Formular an {organisation} zurück.",
    ),
    "capa_the_auditor": ("the auditor", "die Auditorin bzw. den Auditor"),
    "capa_col_number": ("No.", "Nr."),
    "capa_col_grade": ("Grade", "Einstufung"),
    "capa_col_title": ("Finding", "Feststellung"),
    "capa_col_requirement": ("Requirement", "Anforderung"),
    "capa_col_due": ("Response due", "Antwort fällig"),
    "capa_col_root_cause": ("Root cause", "Grundursache"),
    "capa_col_correction": ("Correction", "Sofortkorrektur"),
    "capa_col_corrective": ("Corrective action", "Korrekturmaßnahme"),
    "capa_col_preventive": ("Preventive action", "Vorbeugemaßnahme"),
    "capa_col_owner": ("Owner", "Verantwortlich"),
    "capa_col_target": ("Target date", "Zieldatum"),
    "capa_col_evidence": ("Evidence of completion", "Umsetzungsnachweis"),
    "capa_sheet": ("CAPA", "CAPA"),
    "capa_about_sheet": ("About", "Angaben"),
    "capa_signed_by": ("Completed by (name, role, date)", "Ausgefüllt von (Name, Funktion, Datum)"),
    "capa_reviewed_by": (
        "Reviewed by the auditor (name, date)",
        "Geprüft durch Auditor/in (Name, Datum)",
    ),
    # repeat findings (in the report's finding facts)
    "f_repeat_of": ("Yes: repeats {earlier}", "Ja: wiederholt {earlier}"),
    # closure letter
    "closure_kicker": ("Audit closure letter", "Abschlussschreiben zum Audit"),
    "closure_to": ("To", "An"),
    "closure_date": ("Date of letter", "Datum des Schreibens"),
    "closure_statement": (
        "The follow-up of audit {reference} is complete. Each finding reported in report "
        "version {version}, issued on {issued}, has a corrective and preventive action (CAPA) "
        "plan that the auditor accepted; its completion was evidenced and, where an "
        "effectiveness check was planned, the actions were verified as effective. The audit is "
        "closed with this letter.",
        "Die Nachverfolgung des Audits {reference} ist abgeschlossen. Zu jeder Feststellung aus "
        "der Berichtsversion {version}, ausgegeben am {issued}, liegt ein angenommener Plan "
        "der Korrektur- und Vorbeugemaßnahmen (CAPA) vor; die Umsetzung ist "
        "nachgewiesen und, wo eine Wirksamkeitsprüfung geplant war, als wirksam bestätigt. Mit "
        "diesem Schreiben ist das Audit abgeschlossen.",
    ),
    "closure_findings": ("Findings and their follow-up", "Feststellungen und ihre Nachverfolgung"),
    "closure_col_accepted": ("CAPA accepted", "CAPA angenommen"),
    "closure_col_effectiveness": ("Effectiveness", "Wirksamkeit"),
    "closure_col_closed": ("Closed", "Geschlossen"),
    "closure_effective": ("effective", "wirksam"),
    "closure_no_check": ("no check planned", "keine Prüfung geplant"),
    "closure_repeat": ("repeat finding", "Wiederholungsfeststellung"),
    "closure_no_findings": (
        "The audit raised no findings.",
        "Das Audit hat keine Feststellungen ergeben.",
    ),
    "closure_signature": ("Closure", "Abschluss"),
    "closure_unsigned": (
        "Unsigned copy: the closure letter is valid only when signed electronically by the "
        "lead auditor.",
        "Unsignierte Kopie: Das Abschlussschreiben gilt nur mit der elektronischen Unterschrift "
        "der Auditleitung.",
    ),
    "closure_footer": ("Audit closure letter", "Abschlussschreiben zum Audit"),
    "stamp_closure": ("Closure letter {reference}", "Abschlussschreiben {reference}"),
    # language check
    "language_mismatch": (
        "The report is in {report}, but most entered text looks {text} ({fields}).",
        "Der Bericht ist auf {report}, der eingegebene Text wirkt überwiegend {text} ({fields}).",
    ),
    "lang_name_en": ("English", "Englisch"),
    "lang_name_de": ("German", "Deutsch"),
}
