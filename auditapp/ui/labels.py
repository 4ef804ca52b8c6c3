"""User-visible names of the core's values, all through Qt's translation system.

The core speaks in stable codes ("non_compliant"); every place that shows one asks here, so the
German interface later means translating this file's strings, not touching widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def audit_status(code: str) -> str:
    return {
        "planned": _t("Planned"),
        "in_progress": _t("In progress"),
        "reporting": _t("Reporting"),
        "in_review": _t("In review"),
        "final": _t("Final"),
        "closed": _t("Closed"),
    }.get(code, code)


def audit_type(code: str) -> str:
    return {
        "vendor_qualification": _t("Vendor qualification"),
        "routine_system": _t("Routine / system"),
        "study_specific": _t("Study-specific"),
        "for_cause": _t("For cause"),
        "pre_inspection": _t("Pre-inspection"),
    }.get(code, code)


def result(code: str | None) -> str:
    return {
        "compliant": _t("Compliant"),
        "partially_compliant": _t("Partially compliant"),
        "non_compliant": _t("Non-compliant"),
        "not_applicable": _t("Not applicable"),
        "not_assessed": _t("Not assessed"),
        None: _t("Unanswered"),
    }.get(code, code or "")


def result_short(code: str | None) -> str:
    return {
        "compliant": _t("C"),
        "partially_compliant": _t("PC"),
        "non_compliant": _t("NC"),
        "not_applicable": _t("N/A"),
        "not_assessed": _t("NA?"),
    }.get(code or "", "")


def finding_status(code: str) -> str:
    return {
        "open": _t("Open"),
        "response_received": _t("Response received"),
        "capa_accepted": _t("CAPA accepted"),
        "closed": _t("Closed"),
    }.get(code, code)


def mode(code: str) -> str:
    return {"on_site": _t("On site"), "remote": _t("Remote"), "hybrid": _t("Hybrid")}.get(
        code, code
    )


def team_role(code: str) -> str:
    return {
        "lead": _t("Lead auditor"),
        "co_auditor": _t("Co-auditor"),
        "expert": _t("Technical expert"),
        "trainee": _t("Trainee"),
        "observer": _t("Observer"),
    }.get(code, code)


def criteria(code: str) -> str:
    return {
        "R2": _t("ICH E6(R2)"),
        "R3": _t("ICH E6(R3)"),
        "R2+R3": _t("ICH E6(R2) and (R3)"),
    }.get(code, code)


def trail_action(code: str) -> str:
    return {"insert": _t("added"), "update": _t("changed"), "delete": _t("deleted")}.get(
        code, code
    )


def language(code: str) -> str:
    return {"en": _t("English"), "de": _t("German")}.get(code, code)


def outcome(code: str) -> str:
    return {
        "approved": _t("Approved"),
        "approved_with_conditions": _t("Approved with conditions"),
        "not_approved": _t("Not approved"),
        "acceptable": _t("Acceptable"),
        "acceptable_with_improvements": _t("Acceptable with improvements required"),
        "not_acceptable": _t("Not acceptable"),
        "acceptable_with_capa": _t("Acceptable subject to an accepted CAPA plan (old value)"),
    }.get(code, code)


def breach(code: str) -> str:
    return {
        "": _t("— not assessed yet —"),
        "possible_breach": _t("May be a serious breach: sponsor asked to assess (7-day clock)"),
        "not_a_breach": _t("Not a serious breach in the auditor's assessment"),
        "not_applicable": _t("Not applicable (EU CTR Art. 52 does not apply)"),
    }.get(code, code)
