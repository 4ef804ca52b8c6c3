"""User-visible names of the core's values, all through Qt's translation system.

The core speaks in stable codes ("non_compliant"); every place that shows one asks here, so the
German interface means translating this file's strings, not touching widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Spelled out at each call (not wrapped in a helper) so pyside6-lupdate finds every string.
translate = QCoreApplication.translate


def audit_status(code: str) -> str:
    return {
        "planned": translate("Labels", "Planned"),
        "in_progress": translate("Labels", "In progress"),
        "reporting": translate("Labels", "Reporting"),
        "in_review": translate("Labels", "In review"),
        "final": translate("Labels", "Final"),
        "closed": translate("Labels", "Closed"),
    }.get(code, code)


def audit_type(code: str) -> str:
    return {
        "vendor_qualification": translate("Labels", "Vendor qualification"),
        "routine_system": translate("Labels", "Routine / system"),
        "study_specific": translate("Labels", "Study-specific"),
        "for_cause": translate("Labels", "For cause"),
        "pre_inspection": translate("Labels", "Pre-inspection"),
    }.get(code, code)


def result(code: str | None) -> str:
    return {
        "compliant": translate("Labels", "Compliant"),
        "partially_compliant": translate("Labels", "Partially compliant"),
        "non_compliant": translate("Labels", "Non-compliant"),
        "not_applicable": translate("Labels", "Not applicable"),
        "not_assessed": translate("Labels", "Not assessed"),
        None: translate("Labels", "Unanswered"),
    }.get(code, code or "")


def result_short(code: str | None) -> str:
    return {
        "compliant": translate("Labels", "C"),
        "partially_compliant": translate("Labels", "PC"),
        "non_compliant": translate("Labels", "NC"),
        "not_applicable": translate("Labels", "N/A"),
        "not_assessed": translate("Labels", "NE"),  # not evaluated; never "NA?"
    }.get(code or "", "")


def finding_status(code: str) -> str:
    return {
        "open": translate("Labels", "Open"),
        "response_received": translate("Labels", "Response received"),
        "capa_accepted": translate("Labels", "CAPA accepted"),
        "closed": translate("Labels", "Closed"),
    }.get(code, code)


def mode(code: str) -> str:
    return {
        "on_site": translate("Labels", "On site"),
        "remote": translate("Labels", "Remote"),
        "hybrid": translate("Labels", "Hybrid"),
    }.get(code, code)


def team_role(code: str) -> str:
    return {
        "lead": translate("Labels", "Lead auditor"),
        "co_auditor": translate("Labels", "Co-auditor"),
        "expert": translate("Labels", "Technical expert"),
        "trainee": translate("Labels", "Trainee"),
        "observer": translate("Labels", "Observer"),
    }.get(code, code)


def criteria(code: str) -> str:
    return {
        "R2": translate("Labels", "ICH E6(R2)"),
        "R3": translate("Labels", "ICH E6(R3)"),
        "R2+R3": translate("Labels", "ICH E6(R2) and (R3)"),
    }.get(code, code)


def trail_action(code: str) -> str:
    return {
        "insert": translate("Labels", "added"),
        "update": translate("Labels", "changed"),
        "delete": translate("Labels", "deleted"),
    }.get(code, code)


def language(code: str) -> str:
    return {"en": translate("Labels", "English"), "de": translate("Labels", "German")}.get(
        code, code
    )


def outcome(code: str) -> str:
    return {
        "approved": translate("Labels", "Approved"),
        "approved_with_conditions": translate("Labels", "Approved with conditions"),
        "not_approved": translate("Labels", "Not approved"),
        "acceptable": translate("Labels", "Acceptable"),
        "acceptable_with_improvements": translate(
            "Labels", "Acceptable with improvements required"
        ),
        "not_acceptable": translate("Labels", "Not acceptable"),
        "acceptable_with_capa": translate(
            "Labels", "Acceptable subject to an accepted CAPA plan (old value)"
        ),
    }.get(code, code)


def breach(code: str) -> str:
    return {
        "": translate("Labels", "— not assessed yet —"),
        "possible_breach": translate(
            "Labels", "May be a serious breach: sponsor asked to assess (7-day clock)"
        ),
        "not_a_breach": translate("Labels", "Not a serious breach in the auditor's assessment"),
        "not_applicable": translate("Labels", "Not applicable (EU CTR Art. 52 does not apply)"),
    }.get(code, code)
