"""Report wording for the auditor's judgement, escalation, signatures and the certificate.

Kept apart from wording.py so that table stays readable; wording.t() looks both up.
"""

from __future__ import annotations

WORDING_SIGNOFF: dict[str, tuple[str, str]] = {
    # outcomes (judgement.outcomes_for)
    "rating_approved": ("Approved", "Zugelassen"),
    "rating_approved_with_conditions": ("Approved with conditions", "Unter Auflagen zugelassen"),
    "rating_not_approved": ("Not approved", "Nicht zugelassen"),
    "rating_acceptable_with_improvements": (
        "Acceptable with improvements required",
        "Akzeptabel, Verbesserungen erforderlich",
    ),
    # CAPA due dates
    "due_from_issue": (
        "Response due dates count from the report's issue date ({date}).",
        "Die Fristen für die Antwort zählen ab dem Ausgabedatum des Berichts ({date}).",
    ),
    # critical-finding escalation (EU CTR Art. 52)
    "f_escalation": ("Escalation to the sponsor", "Eskalation an den Sponsor"),
    "escalation_told": (
        "The sponsor was informed on {date}: {whom}.",
        "Der Sponsor wurde am {date} informiert: {whom}.",
    ),
    "escalation_missing": ("Not recorded.", "Nicht dokumentiert."),
    "breach_possible_breach": (
        "Possible serious breach (EU CTR Art. 52): the sponsor was asked to assess it and, "
        "if confirmed, to notify it within 7 days.",
        "Möglicher schwerwiegender Verstoß (Art. 52 Verordnung (EU) Nr. 536/2014): Der Sponsor "
        "wurde gebeten, ihn zu bewerten und, falls bestätigt, binnen 7 Tagen zu melden.",
    ),
    "breach_not_a_breach": (
        "In the audit team's assessment not a serious breach (EU CTR Art. 52).",
        "Nach Einschätzung des Auditteams kein schwerwiegender Verstoß "
        "(Art. 52 Verordnung (EU) Nr. 536/2014).",
    ),
    "breach_not_applicable": (
        "Serious-breach notification (EU CTR Art. 52) does not apply to this finding.",
        "Die Meldung schwerwiegender Verstöße (Art. 52 Verordnung (EU) Nr. 536/2014) ist für "
        "diese Feststellung nicht anwendbar.",
    ),
    # signatures
    "sig_in_stamp": ("in the signature stamp →", "im Signaturstempel →"),
    "signatures_countersign": (
        "Reviewer and approver sign after the author. The report's pages cannot change after "
        "the author's signature, so their printed name, role, meaning and time of signing "
        "appear in their signature stamp beside their slot.",
        "Prüfung und Freigabe unterschreiben nach dem Verfasser. Die Seiten des Berichts "
        "können sich nach der Unterschrift des Verfassers nicht mehr ändern; Name, Funktion, "
        "Bedeutung und Zeitpunkt ihrer Unterschrift stehen daher in ihrem Signaturstempel "
        "neben dem jeweiligen Feld.",
    ),
    "stamp_signed_by": (
        "Signed electronically by {name}",
        "Elektronisch unterschrieben von {name}",
    ),
    "stamp_document": (
        "{reference}, report version {version}",
        "{reference}, Berichtsversion {version}",
    ),
    "stamp_certificate": ("Audit certificate {reference}", "Auditzertifikat {reference}"),
    "stamp_trail": ("Audit trail head (SHA-256):", "Stand des Audit-Trails (SHA-256):"),
    "stamp_signed_sha": ("Signed document (SHA-256):", "Unterschriebenes Dokument (SHA-256):"),
    "local_time": ("local time", "Ortszeit"),
    # certificate
    "cert_statement": (
        "This certificate confirms that the audit described below took place (ICH E6(R2) "
        '1.7; ICH E6(R3) glossary, "audit certificate"). Its findings were reported to the '
        "sponsor in the audit report named below; this certificate does not disclose them.",
        "Dieses Zertifikat bestätigt, dass das nachstehend beschriebene Audit stattgefunden hat "
        "(ICH E6(R2) 1.7; ICH E6(R3) Glossar, „Auditzertifikat“). Die Feststellungen wurden dem "
        "Sponsor mit dem unten genannten Auditbericht mitgeteilt; dieses Zertifikat nennt sie "
        "nicht.",
    ),
    "cert_report_issued": (
        "{reference}, report version {version}, issued {date}",
        "{reference}, Berichtsversion {version}, ausgegeben am {date}",
    ),
    "cert_unsigned": (
        "Unsigned copy: the audit certificate is valid only when signed by the lead auditor "
        "for an approved report version.",
        "Unsignierte Kopie: Das Auditzertifikat gilt nur, wenn die Auditleitung es für eine "
        "freigegebene Berichtsversion unterschrieben hat.",
    ),
    "cert_footer": (
        "Audit certificate: contains no findings",
        "Auditzertifikat: enthält keine Feststellungen",
    ),
}


# The one statement of each meaning: shown in the ceremony, printed in the signature slot and
# drawn in the signature stamp (11.50(a)(3)), in the document's language.
MEANING_TEXT = {
    "en": {
        "author": "I wrote this report and am responsible for its content.",
        "reviewer": "I reviewed this report for quality assurance.",
        "approver": "I approve this report for issue.",
        "certificate": "I confirm that the audit described in this certificate took place.",
        "closure": "I confirm that the follow-up is complete and close the audit.",
    },
    "de": {
        "author": "Ich habe diesen Bericht verfasst und bin für seinen Inhalt verantwortlich.",
        "reviewer": "Ich habe diesen Bericht für die Qualitätssicherung geprüft.",
        "approver": "Ich gebe diesen Bericht zur Ausgabe frei.",
        "certificate": "Ich bestätige, dass das in diesem Zertifikat beschriebene Audit "
        "stattgefunden hat.",
        "closure": "Ich bestätige, dass die Nachverfolgung abgeschlossen ist, und schließe das "
        "Audit.",
    },
}
# The meaning's name, as a signer and a reader say it.
MEANING_LABEL = {
    "en": {
        "author": "Author",
        "reviewer": "Review",
        "approver": "Approval",
        "certificate": "Audit certificate",
        "closure": "Audit closure",
    },
    "de": {
        "author": "Verfasser",
        "reviewer": "Prüfung",
        "approver": "Freigabe",
        "certificate": "Auditzertifikat",
        "closure": "Auditabschluss",
    },
}
