"""When records get their team-work uid (core/team_uids.py): not before the audit is shared.

Audits that are never handed out carry no uids (the 1,000-audit database stays small); the
first hand out gives every record one, recorded in the trail; in a shared audit a record is
born with its uid, so every package names it by the same id, even after a lost transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from auditapp.core import (
    audit_details,
    audits,
    evidence,
    findings,
    media,
    registers,
    setup,
    team_package,
    trail,
)
from auditapp.core.models import (
    Audit,
    AuditeeParticipant,
    DocumentReviewed,
    Evidence,
    EvidenceLink,
    Finding,
    Response,
    TeamMember,
    TrailEntry,
)
from tests.package_factory import png
from tests.team_factory import REFERENCE, Site, make_site, mini

TRAVELLING = (
    Audit,
    Finding,
    Evidence,
    EvidenceLink,
    DocumentReviewed,
    AuditeeParticipant,
    TeamMember,
)


@pytest.fixture
def pair(tmp_path: Path, fast_crypto: None, empty_template: Path) -> Iterator[tuple[Site, Site]]:
    lead = make_site(tmp_path, "lead", "lena", "Lena Lead", template=empty_template, audit=True)
    bea = make_site(tmp_path, "bea", "bea", "Bea Berger", template=empty_template)
    yield lead, bea
    lead.db.close()
    bea.db.close()


def fill(site: Site, tag: str, colour: tuple[int, int, int]) -> None:
    """One record of every travelling kind (and an answer) in the site's audit."""
    with site.session() as s:
        a = site.audit(s)
        finding = findings.add_finding(s, a, title=f"Finding {tag}", classification="minor")
        registers.add_document(s, a, title=f"SOP {tag}", identifier=f"SOP-{tag}")
        registers.add_participant(s, a, name=f"Person {tag}")
        registers.add_team_member(s, a, name=f"Expert {tag}", role="expert")
        audits.set_response(s, a, "ORG-02", result="compliant", notes=tag, actor=site.username)
        evidence.add_prepared(
            s,
            a,
            media.prepare_bytes(png(colour), file_name=f"{tag}.png"),
            actor=site.username,
            target=evidence.Target(finding=finding.number),
        )


def rows_of(s: Any, audit: Audit) -> dict[tuple[str, int], str | None]:
    """(table, id) -> uid of the audit and every travelling row of it."""
    out: dict[tuple[str, int], str | None] = {("audit", audit.id): audit.uid}
    item_ids = [e.id for e in s.scalars(select(Evidence).where(Evidence.audit_id == audit.id))]
    for model in TRAVELLING[1:]:
        where = (
            model.evidence_id.in_(item_ids) if model is EvidenceLink else model.audit_id == audit.id
        )
        for row in s.scalars(select(model).where(where)):
            out[(model.__tablename__, row.id)] = row.uid
    return out


def uid_entries(s: Any) -> dict[tuple[str, str], tuple[str, str, Any]]:
    """(table, row id) -> (action, user, uid value) of every trail entry that wrote a uid."""
    found = {}
    for entry in s.scalars(select(TrailEntry).order_by(TrailEntry.id)):
        if entry.action in ("insert", "update") and entry.changes and '"uid"' in entry.changes:
            found[(entry.entity, entry.entity_id)] = (
                entry.action,
                entry.user,
                json.loads(entry.changes)["uid"],
            )
    return found


def test_records_have_no_uid_until_the_first_hand_out_which_the_trail_records(pair):
    lead, bea = pair
    fill(lead, "lead", (200, 10, 10))
    with lead.session() as s:
        before = rows_of(s, lead.audit(s))
        assert {table for table, _ in before} == {m.__tablename__ for m in TRAVELLING}
        assert set(before.values()) == {None}
        assert uid_entries(s) == {}  # not one uid in the trail either
    handout = lead.hand_out("bea")
    with lead.session() as s:
        a = lead.audit(s)
        after = rows_of(s, a)
        assert after.keys() == before.keys()
        assert None not in after.values() and len(set(after.values())) == len(after)
        # Answers travel matched by their question: they never get one.
        assert [r.uid for r in s.scalars(select(Response).where(Response.audit_id == a.id))] == [
            None
        ]
        written = uid_entries(s)
        assert written == {
            (table, str(row)): ("update", "lena", [None, uid])
            for (table, row), uid in after.items()
        }
        assert trail.verify(s.connection()) == []
    bea.merge(handout, accept=lead.fingerprint())
    with bea.session() as s:  # the working copy holds the lead's ids
        assert sorted(filter(None, rows_of(s, bea.audit(s)).values())) == sorted(after.values())
        assert trail.verify(s.connection()) == []


def test_records_made_in_a_shared_audit_are_born_with_their_uid(pair):
    lead, bea = pair
    bea.merge(lead.hand_out("bea"), accept=lead.fingerprint())
    with lead.session() as s:  # another audit in the lead's database, never handed out
        setup.create_from_details(
            s,
            audit_details.AuditDetails(
                reference="AUD-2026-021",
                title="Routine audit",
                audit_type="for_cause",
                auditee_name="Other CRO Ltd.",
                sponsor_name="Example Pharma",
                checklist_id=mini().id,
            ),
            mini(),
        )
        other = audits.get_audit(s, "AUD-2026-021")
        findings.add_finding(s, other, title="Not shared", classification="minor")
    with lead.session() as s:
        seen = uid_entries(s)
    for site, colour in ((lead, (10, 200, 10)), (bea, (10, 10, 200))):
        with site.session() as s:
            known = set(rows_of(s, site.audit(s)))
        fill(site, site.username, colour)
        with site.session() as s:
            new = {k: v for k, v in rows_of(s, site.audit(s)).items() if k not in known}
            assert len(new) == 6 and None not in new.values()
            # Each was inserted with its uid: one insert entry, no later update.
            entries = uid_entries(s)
            assert all(
                entries[(t, str(i))] == ("insert", site.username, uid)
                for (t, i), uid in new.items()
            )
            assert trail.verify(s.connection()) == []
    with lead.session() as s:
        other = audits.get_audit(s, "AUD-2026-021")
        assert set(rows_of(s, other).values()) == {None}
        assert {k: v for k, v in uid_entries(s).items() if k in seen} == seen


def test_a_lost_hand_back_and_its_retry_merge_each_new_record_once(pair):
    """A hand back whose transaction was lost after its file was written, merged anyway, then
    written again: the co-auditor's new records keep the uids they were born with."""
    lead, bea = pair
    bea.merge(lead.hand_out("bea"), accept=lead.fingerprint())
    fill(bea, "bea", (10, 10, 200))

    class Lost(Exception):
        pass

    with pytest.raises(Lost), bea.session() as s:
        team_package.hand_back(s, REFERENCE, bea.folder / "lost.teampkg", exporter=bea.exporter())
        raise Lost  # the commit never happened; the file exists
    first = lead.merge(bea.folder / "lost.teampkg", accept=bea.fingerprint())
    assert first.created["finding"] == 1 and first.created["evidence"] == 1
    second = lead.merge(bea.hand_back())
    assert second.created == {} and second.conflicts == []
    with lead.session() as s:
        a = lead.audit(s)
        assert [f.title for f in a.findings] == ["Finding bea"]
        assert [d.title for d in a.documents] == ["SOP bea"]
        assert len(list(s.scalars(select(Evidence).where(Evidence.audit_id == a.id)))) == 1
        assert trail.verify(s.connection()) == []


def test_second_round_with_records_made_after_the_first_hand_out(pair):
    lead, bea = pair
    with lead.session() as s:
        findings.add_finding(s, lead.audit(s), title="Before the hand out", classification="minor")
    bea.merge(lead.hand_out("bea"), accept=lead.fingerprint())
    with lead.session() as s:
        findings.add_finding(s, lead.audit(s), title="Lead's, after", classification="minor")
    with bea.session() as s:
        findings.add_finding(s, bea.audit(s), title="Bea's, after", classification="minor")
    lead.merge(bea.hand_back(), accept=bea.fingerprint())
    # Second round: both new findings reach Bea's copy once, with the lead's numbers.
    bea.merge(lead.hand_out("bea", name="handout2.teampkg"))
    with bea.session() as s:
        a = bea.audit(s)
        assert sorted((f.number, f.title) for f in a.findings) == [
            (1, "Before the hand out"),
            (2, "Lead's, after"),
            (3, "Bea's, after"),
        ]
        findings.update_finding(s, a, 2, observation="Seen by Bea too.")
        findings.update_finding(s, a, 3, observation="Bea's second look.")
    report = lead.merge(bea.hand_back(name="handback2.teampkg"))
    assert report.created == {} and report.conflicts == [] and report.updated == 2
    with lead.session() as s:
        a = lead.audit(s)
        assert sorted((f.number, f.title, f.observation) for f in a.findings) == [
            (1, "Before the hand out", ""),
            (2, "Lead's, after", "Seen by Bea too."),
            (3, "Bea's, after", "Bea's second look."),
        ]
        assert trail.verify(s.connection()) == []
    with lead.session() as s, bea.session() as t:
        assert sorted(f.uid for f in lead.audit(s).findings) == sorted(
            f.uid for f in bea.audit(t).findings
        )
