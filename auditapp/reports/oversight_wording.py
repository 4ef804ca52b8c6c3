"""Every word of the oversight report, English and German (oversight_report.py)."""

from __future__ import annotations

import datetime as dt

from auditapp.core.models import Language
from auditapp.reports import wording as w

WORDING: dict[str, tuple[str, str]] = {
    "kicker": ("CRO oversight report", "Bericht zur CRO-Aufsicht"),
    "subject_all": ("All CROs", "Alle CROs"),
    "statement": (
        "Prepared for the governance meeting: audits and findings, CAPAs, qualification, "
        "risk-based audit planning, oversight KPIs against their thresholds and the "
        "escalation log, as recorded in AuditApp on {date}.",
        "Für die Governance-Sitzung erstellt: Audits und Feststellungen, CAPAs, Qualifizierung, "
        "risikobasierte Auditplanung, Aufsichtskennzahlen gegenüber ihren Schwellenwerten und "
        "das Eskalationsprotokoll, wie am {date} in AuditApp erfasst.",
    ),
    "portfolio": ("Overview of all CROs", "Übersicht aller CROs"),
    "portfolio_chart": ("Risk score per CRO", "Risikowert je CRO"),
    "as_of": ("As of", "Stand"),
    "cro": ("CRO", "CRO"),
    "qualification": ("Qualification", "Qualifizierung"),
    "since": ("{status} since {date}", "{status} seit {date}"),
    "set_by": ("set by audit {audit}", "festgelegt durch Audit {audit}"),
    "none": ("none recorded", "nicht erfasst"),
    "risk": ("Risk score", "Risikowert"),
    "risk_value": ("{score} ({band})", "{score} ({band})"),
    "band_high": ("high", "hoch"),
    "band_medium": ("medium", "mittel"),
    "band_low": ("low", "niedrig"),
    "last_audit": ("Last audit", "Letztes Audit"),
    "next_audit": ("Proposed next audit", "Vorgeschlagenes nächstes Audit"),
    "next_overdue": ("{date} (overdue)", "{date} (überfällig)"),
    "never": ("never audited", "noch nie auditiert"),
    "planned_audit": ("Planned audit", "Geplantes Audit"),
    "lapsed": ("lapsed on {date}", "abgelaufen am {date}"),
    "capas": ("Open CAPAs (overdue)", "Offene CAPAs (überfällig)"),
    "repeats": ("Repeat findings", "Wiederholte Feststellungen"),
    "escalations_open": ("Open escalations", "Offene Eskalationen"),
    "audits": ("Audits and findings", "Audits und Feststellungen"),
    "audits_chart": ("Findings by grade per audit", "Feststellungen nach Einstufung je Audit"),
    "reference": ("Audit", "Audit"),
    "type": ("Type", "Art"),
    "date": ("Date", "Datum"),
    "status": ("Status", "Status"),
    "findings_cmmr": ("Crit./Major/Minor/Comm.", "Krit./Wesentl./Gering./Komm."),
    "areas": ("Findings by area", "Feststellungen nach Bereich"),
    "area": ("Area", "Bereich"),
    "total": ("Total", "Summe"),
    "capa_section": ("CAPAs", "CAPAs"),
    "capa_chart": (
        "Open CAPAs by age (days since the report)",
        "Offene CAPAs nach Alter (Tage seit dem Bericht)",
    ),
    "capa_none": ("No open CAPAs.", "Keine offenen CAPAs."),
    "finding": ("Finding", "Feststellung"),
    "grade": ("Grade", "Einstufung"),
    "due": ("Due", "Fällig"),
    "overdue_days": ("Overdue (days)", "Überfällig (Tage)"),
    "repeat": ("Repeat", "Wiederholung"),
    "yes": ("yes", "ja"),
    "risk_section": ("Risk-based audit planning", "Risikobasierte Auditplanung"),
    "risk_explained": (
        "The risk score adds points for findings of the last {months} months by grade, repeat "
        "findings, overdue CAPAs, open escalations, the time since the last audit and the "
        "qualification status. A score from {high} is high risk (next audit {high_m} months "
        "after the last), from {medium} medium ({medium_m} months), else low ({low_m} months). "
        "The weights are a setting.",
        "Der Risikowert addiert Punkte für Feststellungen der letzten {months} Monate nach "
        "Einstufung, wiederholte Feststellungen, überfällige CAPAs, offene Eskalationen, die Zeit "
        "seit dem letzten Audit und den Qualifizierungsstatus. Ab {high} gilt ein hohes Risiko "
        "(nächstes Audit {high_m} Monate nach dem letzten), ab {medium} ein mittleres "
        "({medium_m} Monate), sonst ein niedriges ({low_m} Monate). Die Gewichte sind eine "
        "Einstellung.",
    ),
    "factor": ("Factor", "Faktor"),
    "count": ("Count", "Anzahl"),
    "weight": ("Weight", "Gewicht"),
    "points": ("Points", "Punkte"),
    "history": ("Qualification history", "Verlauf der Qualifizierung"),
    "effective": ("Effective", "Gültig ab"),
    "valid_until": ("Valid until", "Gültig bis"),
    "conditions": ("Conditions", "Auflagen"),
    "decided_by": ("Decided by", "Entschieden von"),
    "kpi_section": ("Oversight KPIs", "Aufsichtskennzahlen (KPIs)"),
    "kpi_none": ("No KPI figures recorded.", "Keine Kennzahlen erfasst."),
    "kpi": ("KPI", "Kennzahl"),
    "study": ("Study", "Studie"),
    "period": ("Period", "Zeitraum"),
    "value": ("Value", "Wert"),
    "thresholds": ("Warning / breach", "Warnung / Verletzung"),
    "rating": ("Rating", "Bewertung"),
    "rating_ok": ("on target", "im Ziel"),
    "rating_warning": ("warning", "Warnung"),
    "rating_breach": ("breach", "Verletzung"),
    "rating_unknown": ("unknown KPI", "unbekannte Kennzahl"),
    "warning": ("Warning", "Warnung"),
    "breach": ("Breach", "Verletzung"),
    "trend_caption": (
        "{kpi}{study}: figures per period against the warning and breach thresholds.",
        "{kpi}{study}: Werte je Zeitraum gegenüber den Schwellenwerten für Warnung und Verletzung.",
    ),
    "escalation_section": ("Escalation log", "Eskalationsprotokoll"),
    "escalation_none": ("No escalations.", "Keine Eskalationen."),
    "number": ("No.", "Nr."),
    "issue": ("Issue", "Sachverhalt"),
    "level": ("Level", "Stufe"),
    "owner": ("Owner", "Verantwortlich"),
    "actions": ("Actions", "Maßnahmen"),
    "opened": ("Opened", "Eröffnet"),
    "closure": ("Closure", "Abschluss"),
    "open": ("open", "offen"),
    "closed": ("closed on {date}", "abgeschlossen am {date}"),
    "factor_critical": ("Critical findings", "Kritische Feststellungen"),
    "factor_major": ("Major findings", "Wesentliche Feststellungen"),
    "factor_minor": ("Minor findings", "Geringfügige Feststellungen"),
    "factor_other": ("Other findings", "Sonstige Feststellungen"),
    "factor_recommendation": ("Comments", "Kommentare"),
    "factor_repeat": ("Repeat findings", "Wiederholte Feststellungen"),
    "factor_overdue_capa": ("Overdue CAPAs", "Überfällige CAPAs"),
    "factor_open_escalation": ("Open escalations", "Offene Eskalationen"),
    "factor_per_year_since_audit": ("Years since the last audit", "Jahre seit dem letzten Audit"),
    "factor_conditional": ("Conditional approval", "Zulassung unter Auflagen"),
    "factor_not_approved": ("Not approved", "Nicht zugelassen"),
    "factor_never_audited": ("Never audited", "Noch nie auditiert"),
    "qual_approved": ("approved", "zugelassen"),
    "qual_conditional": ("approved with conditions", "unter Auflagen zugelassen"),
    "qual_not_approved": ("not approved", "nicht zugelassen"),
    "footer": ("Confidential: sponsor oversight", "Vertraulich: Aufsicht des Sponsors"),
}


def t(key: str, lang: str, **values: object) -> str:
    text = WORDING[key][0 if lang == Language.EN else 1]
    return text.format(**values) if values else text


def date(value: dt.date | None, lang: str) -> str:
    return w.date(value, lang) if value else "—"


STATUS = {
    "planned": ("planned", "geplant"),
    "in_progress": ("in progress", "in Durchführung"),
    "reporting": ("reporting", "Berichterstellung"),
    "in_review": ("in review", "in Prüfung"),
    "final": ("final", "final"),
    "closed": ("closed", "abgeschlossen"),
    "open": ("open", "offen"),
    "response_received": ("response received", "Antwort erhalten"),
    "capa_accepted": ("CAPA accepted", "CAPA angenommen"),
    # CAPA follow-up states (core/capa.py), as the register's open CAPAs show them
    "awaiting_response": ("plan awaited", "Plan ausstehend"),
    "more_information": ("more information requested", "weitere Informationen angefordert"),
    "rejected": ("plan rejected, revision due", "Plan abgelehnt, Überarbeitung fällig"),
    "accepted": ("accepted, in implementation", "angenommen, in Umsetzung"),
    "implemented": (
        "implemented, effectiveness check due",
        "umgesetzt, Wirksamkeitsprüfung fällig",
    ),
    "not_effective": ("not effective, revision due", "nicht wirksam, Überarbeitung fällig"),
    "effective": ("effective, ready to close", "wirksam, bereit zum Abschluss"),
}


def status(value: str, lang: str) -> str:
    pair = STATUS.get(value)
    return value if pair is None else pair[0 if lang == Language.EN else 1]
