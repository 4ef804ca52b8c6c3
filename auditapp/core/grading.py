"""Grading schemes for findings: EMA (critical, major, minor, comments) and MHRA (critical, major,
other), each with its own definitions, and the escalation rules shown while grading."""

from __future__ import annotations

from dataclasses import dataclass

from auditapp.core.vocabulary import Classification  # not models: the audit list needs no ORM


@dataclass(frozen=True)
class Grade:
    classification: Classification
    label: dict[str, str]
    definition: dict[str, str]
    colour: str
    default_capa_days: int | None
    requires_impact: bool


# Definitions paraphrase the EMA inspection grading (shared/domain/gcp-reference.md 3.1): each grade's
# definition carries EMA's own remarks on patterns of findings, as EMA's definitions do.
EMA_SCHEME: tuple[Grade, ...] = (
    Grade(
        Classification.CRITICAL,
        {"en": "Critical", "de": "Kritisch"},
        {
            "en": "Conditions, practices or processes that adversely affect the rights, safety "
            "or well-being of trial participants or the quality and integrity of data. "
            "Totally unacceptable; may lead to rejection of data or regulatory action. A pattern "
            "of major findings, poor data quality or missing source documents can be critical; "
            "manipulation or intentional misrepresentation of data (fraud) is critical.",
            "de": "Bedingungen, Vorgehensweisen oder Prozesse, die Rechte, Sicherheit oder "
            "Wohlergehen der Studienteilnehmenden oder die Qualität und Integrität der Daten "
            "beeinträchtigen. Nicht akzeptabel; kann zur Zurückweisung von Daten oder zu "
            "behördlichen Maßnahmen führen. Ein Muster wesentlicher Feststellungen, schlechte "
            "Datenqualität oder fehlende Quelldokumente können kritisch sein; Manipulation oder "
            "absichtlich falsche Darstellung von Daten (Betrug) ist kritisch.",
        },
        "#B3261E",
        15,
        True,
    ),
    Grade(
        Classification.MAJOR,
        {"en": "Major", "de": "Wesentlich"},
        {
            "en": "Conditions, practices or processes that might adversely affect the rights, "
            "safety or well-being of trial participants or the quality and integrity of data; "
            "serious deficiencies and direct violations of GCP principles. Data may be rejected "
            "or regulatory action taken. A pattern of deviations or numerous minor findings can "
            "be major.",
            "de": "Bedingungen, Vorgehensweisen oder Prozesse, die Rechte, Sicherheit oder "
            "Wohlergehen der Studienteilnehmenden oder die Qualität und Integrität der Daten "
            "beeinträchtigen könnten; erhebliche Mängel und direkte Verstöße gegen GCP-Grundsätze. "
            "Daten können zurückgewiesen oder behördliche Maßnahmen ergriffen werden. Ein Muster "
            "von Abweichungen oder zahlreiche geringfügige Feststellungen können wesentlich sein.",
        },
        "#E8710A",
        30,
        True,
    ),
    Grade(
        Classification.MINOR,
        {"en": "Minor", "de": "Geringfügig"},
        {
            "en": "Conditions, practices or processes that would not be expected to adversely "
            "affect participants or data; they indicate a need for improvement. Many minor "
            "findings can indicate poor quality and together amount to a major finding.",
            "de": "Bedingungen, Vorgehensweisen oder Prozesse, von denen keine Beeinträchtigung "
            "der Studienteilnehmenden oder der Daten zu erwarten ist; sie zeigen "
            "Verbesserungsbedarf an. Viele geringfügige Feststellungen können auf mangelnde "
            "Qualität hinweisen und zusammen eine wesentliche Feststellung ergeben.",
        },
        "#C9A100",
        60,
        False,
    ),
    Grade(
        Classification.RECOMMENDATION,
        {"en": "Comments", "de": "Kommentare"},
        {
            "en": "Observations that are not deviations requiring action but may lead to "
            "suggestions on how to improve quality or reduce the potential for future deviations.",
            "de": "Beobachtungen ohne handlungsbedürftige Abweichung, die zu Vorschlägen führen "
            "können, wie die Qualität verbessert oder künftigen Abweichungen vorgebeugt werden kann.",
        },
        "#1A73E8",
        None,
        False,
    ),
)

# MHRA's own grade definitions (GCP Inspectorate; shared/domain/gcp-reference.md 3.2), paraphrased.
MHRA_SCHEME: tuple[Grade, ...] = (
    Grade(
        Classification.CRITICAL,
        {"en": "Critical", "de": "Kritisch"},
        {
            "en": "A significant and unjustified departure from the legislation where "
            "participants' safety, well-being, rights or confidentiality were, or could well have "
            "been, put at risk, or the trial data are unreliable; or several major non-compliances "
            "across areas of responsibility showing a systematic quality assurance failure. "
            "Providing false or unauthorised information, or refusing to provide requested "
            "information, can also be critical.",
            "de": "Eine erhebliche und ungerechtfertigte Abweichung von den Rechtsvorschriften, "
            "durch die Sicherheit, Wohlergehen, Rechte oder Vertraulichkeit der Teilnehmenden "
            "gefährdet waren oder ernsthaft hätten gefährdet sein können oder die Studiendaten "
            "unzuverlässig sind; oder mehrere wesentliche Nichteinhaltungen in verschiedenen "
            "Verantwortungsbereichen, die ein systematisches Versagen der Qualitätssicherung "
            "zeigen. Auch falsche oder nicht autorisierte Angaben oder die Verweigerung "
            "angeforderter Informationen können kritisch sein.",
        },
        "#B3261E",
        15,
        True,
    ),
    Grade(
        Classification.MAJOR,
        {"en": "Major", "de": "Wesentlich"},
        {
            "en": "A non-critical finding showing a significant and unjustified departure from "
            "the legislation that has not become critical but could if not addressed; or several "
            "departures within one area of responsibility showing a systematic quality assurance "
            "failure.",
            "de": "Eine nicht kritische Feststellung mit erheblicher und ungerechtfertigter "
            "Abweichung von den Rechtsvorschriften, die noch nicht kritisch ist, es ohne "
            "Abhilfe aber werden könnte; oder mehrere Abweichungen in einem "
            "Verantwortungsbereich, die ein systematisches Versagen der Qualitätssicherung zeigen.",
        },
        "#E8710A",
        30,
        True,
    ),
    Grade(
        Classification.OTHER,
        {"en": "Other", "de": "Sonstige"},
        {
            "en": "A departure from legislation, GCP guidelines or procedures that is neither "
            "critical nor major.",
            "de": "Eine Abweichung von Rechtsvorschriften, GCP-Leitlinien oder Verfahren, die "
            "weder kritisch noch wesentlich ist.",
        },
        "#C9A100",
        60,
        False,
    ),
)

# Upgrade rules the auditor sees while grading (taken from each scheme's own definitions).
ESCALATION_RULES: dict[str, tuple[dict[str, str], ...]] = {
    "ema": (
        {
            "en": "A pattern of major findings can be critical.",
            "de": "Ein Muster wesentlicher Feststellungen kann kritisch sein.",
        },
        {
            "en": "Many minor findings can add up to a major finding.",
            "de": "Viele geringfügige Feststellungen können zusammen wesentlich sein.",
        },
        {
            "en": "Fraud, data manipulation and missing source documents are critical.",
            "de": "Betrug, Datenmanipulation und fehlende Quelldokumente sind kritisch.",
        },
        {
            "en": "A repeat finding (the same deficiency as at an earlier audit of this CRO) shows "
            "that its CAPA did not work: a repeated major finding may be escalated to critical.",
            "de": "Eine Wiederholungsfeststellung (derselbe Mangel wie bei einem früheren Audit "
            "dieser CRO) zeigt eine unwirksame CAPA: Eine wiederholte wesentliche Feststellung "
            "kann als kritisch eingestuft werden.",
        },
    ),
    "mhra": (
        {
            "en": "Several major findings across areas of responsibility (systematic QA failure) "
            "are critical.",
            "de": "Mehrere wesentliche Feststellungen in verschiedenen Verantwortungsbereichen "
            "(systematisches QS-Versagen) sind kritisch.",
        },
        {
            "en": "Several departures within one area of responsibility (systematic QA failure) "
            "are major.",
            "de": "Mehrere Abweichungen in einem Verantwortungsbereich (systematisches "
            "QS-Versagen) sind wesentlich.",
        },
        {
            "en": "False information or refusal to provide requested information can be critical.",
            "de": "Falsche Angaben oder verweigerte Informationen können kritisch sein.",
        },
        {
            "en": "A repeat finding (the same deficiency as at an earlier audit of this CRO) shows "
            "that its CAPA did not work: a repeated major finding may be escalated to critical.",
            "de": "Eine Wiederholungsfeststellung (derselbe Mangel wie bei einem früheren Audit "
            "dieser CRO) zeigt eine unwirksame CAPA: Eine wiederholte wesentliche Feststellung "
            "kann als kritisch eingestuft werden.",
        },
    ),
}


def scheme_name(grades: tuple[Grade, ...]) -> str:
    """Which scheme a tuple of grades is (MHRA has the grade 'other')."""
    return "mhra" if any(g.classification is Classification.OTHER for g in grades) else "ema"


def escalation_rules(grades: tuple[Grade, ...], lang: str) -> list[str]:
    return [rule[lang] for rule in ESCALATION_RULES[scheme_name(grades)]]


SCHEMES = {"ema": EMA_SCHEME, "mhra": MHRA_SCHEME}
