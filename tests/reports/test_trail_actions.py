"""How the audit trail reads for an inspector: labels, numbers and grouped user actions."""

from __future__ import annotations


def test_an_evidence_number_reads_as_e_and_a_plumbing_only_update_is_not_an_action():
    """The merged team trail showed "Number: F-03" for a photo and empty "changed" lines for
    updates that touched only a row's team-work uid."""
    import datetime as dt

    from auditapp.core.trail_query import TrailRow
    from auditapp.reports.trail_actions import group_actions

    at = dt.datetime(2026, 12, 1, 13, 27, tzinfo=dt.UTC)
    rows = [
        TrailRow(at, "carl", "update", "finding", "7", "finding F-03", "uid", None, "1c9e2f07", ""),
        TrailRow(
            at - dt.timedelta(minutes=5),
            "carl",
            "insert",
            "evidence",
            "4",
            "evidence chart.png",
            "number",
            None,
            "3",
            "",
        ),
    ]
    actions = group_actions(rows, "en")
    assert [a.code for a in actions] == ["insert"]
    assert [(c.field, c.new) for c in actions[0].changes] == [("Number", "E-003")]
