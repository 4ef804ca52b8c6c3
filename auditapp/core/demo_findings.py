"""The demo audit's findings and the answers that agree with them: data for demo.py."""

from __future__ import annotations

import datetime as dt

from auditapp.core import checklists
from auditapp.core.models import ResponseResult

# Each finding names the checklist questions it concerns by words of their text (question ids
# may change between checklist versions); it cites exactly those questions' clauses, and the
# questions are answered to agree with it.
FINDINGS: list[dict[str, object]] = [
    {
        "area": "CSV",
        "classification": "critical",
        "concerns": [("audit trail", "always on")],
        "title": "EDC audit trail partly disabled for the sponsor's study build and not reviewed",
        "observation": "The validation report for the EDC study build (VR-EDC-0419, v1.0) shows "
        "the field-level audit trail was switched off for 14 derived and 6 entered fields during "
        "user acceptance testing and not re-enabled at go-live. No audit trail review is "
        "defined in SOP DM-012.",
        "impact": "Changes to entered efficacy data cannot be reconstructed, so the reliability "
        "of the primary endpoint data cannot be demonstrated.",
        "risk": "Data integrity of the sponsor's study is not assured; inspection finding likely.",
        "recommendation": "Re-enable the audit trail for all fields, assess the changes made "
        "while it was off, and define a risk-based audit trail review in SOP DM-012.",
        "informed": (
            dt.date(2026, 11, 17),
            "Dr. Miriam Hoffmann (Head of Clinical QA, Alderbrook), by telephone",
        ),
        "breach": (
            "possible_breach",
            "The reliability of ALD-301 efficacy data may be "
            "significantly affected: the sponsor was asked to assess it as a possible "
            "serious breach (EU CTR Art. 52).",
        ),
    },
    {
        "area": "SAF",
        "classification": "critical",
        "concerns": [("safety reporting performance", "SAE forwarding")],
        "title": "Serious adverse events forwarded to sponsors outside the contractual 24-hour "
        "window, without root cause analysis",
        "observation": "In the SAE log for 2026 (n=61), 9 initial SAE reports reached the sponsor "
        "2 to 6 calendar days after the CRO became aware. On-time forwarding is not measured "
        "and no escalation or root cause analysis was documented.",
        "impact": "Late SAE information can delay expedited reporting of SUSARs and put "
        "participants at risk.",
        "risk": "Participant safety and regulatory reporting timelines are compromised.",
        "recommendation": "Perform a root cause analysis, measure on-time forwarding, introduce "
        "daily SAE inbox reconciliation with escalation, and report late cases to the affected "
        "sponsors.",
        "informed": (
            dt.date(2026, 11, 18),
            "Dr. Miriam Hoffmann (Head of Clinical QA, Alderbrook), at the closing meeting",
        ),
        "breach": (
            "not_a_breach",
            "None of the 9 late cases concerns ALD-301; Northwind must "
            "inform the sponsors of the trials concerned.",
        ),
    },
    {
        "area": "QMS",
        "classification": "major",
        "concerns": [("root cause", "effectiveness check")],
        "title": "CAPA process lacks root cause analysis and effectiveness checks",
        "observation": "Of 12 CAPAs sampled from the 2025-2026 CAPA log, 8 record no root cause "
        "analysis and none records an effectiveness check. SOP QA-007 v3 does not require one.",
        "impact": "Recurring deviations are not prevented, which may affect data reliability "
        "across studies.",
        "risk": "Systemic quality issues persist undetected.",
        "recommendation": "Revise SOP QA-007 to require root cause analysis and effectiveness "
        "checks; retrain QA and operations staff.",
    },
    {
        "area": "VEN",
        "classification": "major",
        "concerns": [
            ("qualification records", "before work started"),
            ("quality agreements", "signed agreements"),
        ],
        "title": "Central laboratory subcontractor used without qualification or quality agreement",
        "observation": "The central laboratory used for two ongoing studies has a services "
        "agreement (with audit rights, incident reporting and data processing terms) but no "
        "qualification record, no quality agreement and no audit on file. The vendor list "
        "(VL-2026-03) marks it as 'approved' without reference to an assessment.",
        "impact": "Laboratory results used for eligibility and safety decisions may be unreliable.",
        "risk": "Sponsor oversight of subcontracted activities cannot be demonstrated.",
        "recommendation": "Qualify the laboratory (questionnaire and audit), put a quality "
        "agreement in place and inform the sponsors concerned.",
    },
    {
        "area": "TRN",
        "classification": "major",
        "concerns": [("supervision", "training was complete")],
        "title": "Monitors started site visits before protocol training was completed",
        "observation": "For 3 of 10 CRAs sampled, protocol training records are dated after "
        "their first monitoring visit (up to 5 weeks later); the visits were not supervised.",
        "impact": "Protocol-specific eligibility and safety checks may have been missed during "
        "early visits.",
        "risk": "Monitoring quality in the first months of a study is not assured.",
        "recommendation": "Block visit scheduling in the CTMS until protocol training is "
        "recorded; review the affected visit reports.",
    },
    {
        "area": "ORG",
        "classification": "minor",
        "concerns": [("job descriptions", "signed")],
        "title": "Job descriptions not signed for two project staff",
        "observation": "Job descriptions for one data manager and one CRA in the sample of 10 "
        "were unsigned drafts.",
        "impact": "",
        "risk": "Roles and responsibilities may be unclear.",
        "recommendation": "Have the job descriptions signed and check the remaining staff files.",
    },
    {
        "area": "QMS",
        "classification": "minor",
        "concerns": [("management review", "deviations")],
        "title": "Management review does not cover deviation trends",
        "observation": "Deviations are logged per study, but no cross-study trend analysis was "
        "performed in 2026 and the 2026 management review minutes do not address deviations.",
        "impact": "",
        "risk": "Systematic issues may be detected late.",
        "recommendation": "Trend deviations quarterly and present the results in management "
        "review.",
    },
    {
        "area": "CSV",
        "classification": "minor",
        "concerns": [("user list", "staff who left")],
        "title": "Periodic user access review of the eTMF overdue",
        "observation": "The last eTMF user access review was in March 2025; SOP IT-004 requires "
        "one every 6 months. Two leavers still had active accounts.",
        "impact": "",
        "risk": "Unauthorised access to trial records is possible.",
        "recommendation": "Perform the access review now, remove leavers' accounts and track "
        "review dates.",
    },
    {
        "area": "TRN",
        "classification": "recommendation",
        "concerns": [("current GCP training", "E6(R3)")],
        "title": "Consider assessing the effectiveness of GCP training",
        "observation": "GCP training, including the ICH E6(R3) update, is current for all 10 "
        "staff sampled but documented by attendance only.",
        "impact": "",
        "risk": "",
        "recommendation": "Add short knowledge checks to the ICH E6(R3) update training.",
    },
    {
        "area": "VEN",
        "classification": "recommendation",
        "concerns": [("selection and qualification of subcontractors", "requalification")],
        "title": "Consider scaling requalification to subcontractor performance",
        "observation": "SOP VM-002 sets a fixed three-year requalification interval for every "
        "subcontractor, whatever its criticality or performance.",
        "impact": "",
        "risk": "",
        "recommendation": "Scale the requalification interval to each subcontractor's "
        "criticality and measured performance (KPIs reviewed in governance meetings).",
    },
]
# Questions outside the contracted services: answered not applicable, with the reason.
NOT_APPLICABLE = {
    "clinical study report": "Not applicable: medical writing is not part of the services "
    "audited (out of scope)."
}
RESULT_FOR = {
    "critical": ResponseResult.NON_COMPLIANT,
    "major": ResponseResult.NON_COMPLIANT,
    "minor": ResponseResult.PARTIALLY_COMPLIANT,
    "recommendation": ResponseResult.COMPLIANT,
}


def concerned_question(area: checklists.Area, words: tuple[str, ...]) -> checklists.Question:
    """The question of ``area`` whose text has all ``words`` (checked by the demo's tests)."""
    for question in area.questions:
        text = question.text["en"].lower()
        if all(word.lower() in text for word in words):
            return question
    raise LookupError(f"the checklist has no {area.id} question about {' / '.join(words)}")
