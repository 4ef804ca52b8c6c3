"""Team work without a server: a lead and two co-auditors on three databases (docs/team.md)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from auditapp.core import (
    audits,
    evidence,
    findings,
    media,
    registers,
    setup,
    team_apply,
    team_package,
    trail,
)
from auditapp.core.models import Evidence, Finding, Response
from auditapp.core.trail_query import audit_trail
from auditapp.errors import Refused
from tests.package_factory import png
from tests.team_factory import REFERENCE, Site, make_site

PHOTO_A, PHOTO_B, PHOTO_C = png((200, 10, 10)), png((10, 200, 10)), png((10, 10, 200))


@pytest.fixture
def team(
    tmp_path: Path, empty_template: Path, fast_crypto: None
) -> Iterator[tuple[Site, Site, Site]]:
    yield from three_sites(tmp_path, empty_template)


def three_sites(tmp_path: Path, template: Path) -> Iterator[tuple[Site, Site, Site]]:
    """The lead's audit with one finding (F-01), and two co-auditors' empty databases."""
    lead = make_site(tmp_path, "lead", "lena", "Lena Lead", template=template, audit=True)
    bea = make_site(tmp_path, "bea", "bea", "Bea Berger", template=template)
    carl = make_site(tmp_path, "carl", "carl", "Carl Co", template=template)
    with lead.session() as s:
        findings.add_finding(s, lead.audit(s), title="SOP index outdated", classification="minor")
    yield lead, bea, carl
    for site in (lead, bea, carl):
        site.db.close()


def photo(site: Site, data: bytes, name: str, finding: int | None = None) -> None:
    with site.session() as s:
        evidence.add_prepared(
            s,
            site.audit(s),
            media.prepare_bytes(data, file_name=name),
            actor=site.username,
            target=evidence.Target(finding=finding),
        )


def finding_number(site: Site, title: str) -> int:
    with site.session() as s:
        return next(f.number for f in site.audit(s).findings if f.title == title)


def first_round(lead: Site, bea: Site, carl: Site) -> None:
    """Hand out, work offline, hand back, merge: both co-auditors add answers, findings, photos."""
    bea.merge(lead.hand_out("bea", areas=("CSV",)), accept=lead.fingerprint())
    carl.merge(lead.hand_out("carl", areas=("ORG",), findings=(1,)), accept=lead.fingerprint())
    with bea.session() as s:
        a = bea.audit(s)
        audits.set_response(s, a, "CSV-01", result="non_compliant", notes="Trail off.", actor="bea")
        findings.add_finding(
            s, a, title="Audit trail disabled", classification="minor", question_ids=["CSV-01"]
        )
    photo(bea, PHOTO_A, "config.png", finding=finding_number(bea, "Audit trail disabled"))
    photo(bea, PHOTO_C, "shared-whiteboard.png")
    with carl.session() as s:
        a = carl.audit(s)
        audits.set_response(
            s, a, "ORG-02", result="compliant", notes="QA reports to CEO.", actor="carl"
        )
        findings.add_finding(s, a, title="No deputy for QA head", classification="minor")
        registers.add_document(s, a, title="QA organisation chart", identifier="ORG-7")
        findings.update_finding(s, a, 1, observation="Index v3 lists withdrawn SOPs.")
    photo(carl, PHOTO_B, "chart.png", finding=finding_number(carl, "No deputy for QA head"))
    photo(carl, PHOTO_C, "whiteboard.jpg.png")  # the same photo as Bea's: kept once
    with lead.session() as s:
        setup.set_status(s, lead.audit(s), "in_progress")
        lead.audit(s).conclusion = "Draft conclusion by the lead."
    lead.merge(bea.hand_back(), accept=bea.fingerprint())
    report = lead.merge(carl.hand_back(), accept=carl.fingerprint())
    assert report.same_evidence == 1 and report.created["finding"] == 1


def make_conflict(lead: Site, bea: Site, carl: Site) -> Path:
    """Second round: both the lead and Bea change finding F-01's impact; Bea's hand back."""
    bea.merge(lead.hand_out("bea", areas=("CSV",), name="handout2-bea.teampkg"))
    carl.merge(lead.hand_out("carl", areas=("ORG",), name="handout2-carl.teampkg"))
    with lead.session() as s:
        findings.update_finding(s, lead.audit(s), 1, impact="Staff may follow withdrawn SOPs.")
    with bea.session() as s:
        findings.update_finding(s, bea.audit(s), 1, impact="Obsolete procedures in use.")
        bea.audit(s).sampling = "10 of 40 systems sampled."
    with carl.session() as s:
        audits.set_response(
            s,
            carl.audit(s),
            "ORG-02",
            result="compliant",
            notes="QA reports to CEO; confirmed in interview.",
            actor="carl",
        )
    lead.merge(carl.hand_back(name="handback2-carl.teampkg"))
    return bea.hand_back(name="handback2-bea.teampkg")


def check_final(lead: Site) -> None:
    with lead.session() as s:
        a = lead.audit(s)
        answers = list(s.scalars(select(Response).where(Response.audit_id == a.id)))
        assert sorted(r.question_id for r in answers) == ["CSV-01", "ORG-02"]
        assert {r.question_id: r.notes for r in answers}["ORG-02"].endswith(
            "confirmed in interview."
        )
        titles = [
            f.title
            for f in s.scalars(
                select(Finding).where(Finding.audit_id == a.id).order_by(Finding.number)
            )
        ]
        assert titles == ["SOP index outdated", "Audit trail disabled", "No deputy for QA head"]
        items = list(s.scalars(select(Evidence).where(Evidence.audit_id == a.id)))
        assert not any(e.removed for e in items)
        assert sorted(e.sha256 for e in items) == sorted(
            media.prepare_bytes(p, file_name="x.png").sha256 for p in (PHOTO_A, PHOTO_B, PHOTO_C)
        )
        assert a.sampling == "10 of 40 systems sampled."
        assert [d.title for d in a.documents] == ["QA organisation chart"]
        assert trail.verify(s.connection()) == []
        rows = audit_trail(s, a.id)
        users = {r.user for r in rows}
        assert {"lena", "bea", "carl"} <= users
        by_bea = [r for r in rows if r.user == "bea" and r.subject == "finding F-02"]
        assert any(r.field == "title" and r.new_value == "Audit trail disabled" for r in by_bea)
        assert all("merged from handback package" in r.reason for r in by_bea)


def test_two_rounds_with_a_conflict_resolved(team):
    lead, bea, carl = team
    first_round(lead, bea, carl)
    path = make_conflict(lead, bea, carl)
    with pytest.raises(team_apply.UnresolvedConflicts) as caught:
        lead.merge(path)
    (conflict,) = caught.value.conflicts
    assert conflict.label == "finding F-01: impact"
    assert conflict.mine == "Staff may follow withdrawn SOPs."
    assert conflict.theirs == "Obsolete procedures in use."
    assert conflict.theirs_by.user == "bea" and conflict.mine_by.user == "lena"
    with lead.session() as s:  # refused whole: not even the non-conflicting sampling
        assert lead.audit(s).sampling == ""
    report = lead.merge(path, resolutions={conflict.id: "theirs"})
    assert report.decisions == ["finding F-01: impact: took bea's value"]
    check_final(lead)
    with lead.session() as s:
        f1 = findings.get_finding(s, lead.audit(s), 1)
        assert f1.impact == "Obsolete procedures in use."
        decision = [r for r in audit_trail(s, lead.audit(s).id) if r.action == "merge"]
        assert decision[0].user == "lena" and "took bea's value" in decision[0].new_value
    # A third hand out brings every co-auditor's work and the lead's numbers to Bea's copy.
    bea.merge(lead.hand_out("bea", name="handout3-bea.teampkg"))
    with bea.session() as s:
        a = bea.audit(s)
        assert [(f.number, f.title) for f in a.findings] == [
            (1, "SOP index outdated"),
            (2, "Audit trail disabled"),
            (3, "No deputy for QA head"),
        ]
        assert len(list(s.scalars(select(Evidence).where(Evidence.audit_id == a.id)))) == 3
        assert trail.verify(s.connection()) == []


def test_replay_changes_nothing(team):
    lead, bea, _carl = team
    path = lead.hand_out("bea", areas=("CSV",))
    bea.merge(path, accept=lead.fingerprint())
    with pytest.raises(Refused, match="merged here already"):
        bea.merge(path)
    nothing = bea.hand_back(name="nothing.teampkg")  # the copy as it was handed out
    with bea.session() as s:
        audits.set_response(s, bea.audit(s), "CSV-01", result="compliant", actor="bea")
    back = bea.hand_back()
    report = lead.merge(back, accept=bea.fingerprint())
    assert report.created == {"response": 1} and report.updated == 0
    with lead.session() as s:
        count = len(audit_trail(s, lead.audit(s).id))
    with pytest.raises(Refused, match="merged here already"):
        lead.merge(back)
    with pytest.raises(Refused, match="older than bea's hand back"):
        lead.merge(nothing)
    with lead.session() as s:
        assert len(audit_trail(s, lead.audit(s).id)) == count
    with pytest.raises(Refused, match="only the lead's copy is handed out"):
        bea.hand_out("carl")


def test_package_for_another_audit_is_refused(team, tmp_path, empty_template):
    lead, bea, _carl = team
    other = make_site(  # same reference
        tmp_path, "other", "olga", "Olga Other", template=empty_template, audit=True
    )
    path = lead.hand_out("bea")
    with pytest.raises(Refused, match="another audit"):
        other.merge(path, accept=lead.fingerprint())
    bea.merge(path, accept=lead.fingerprint())
    back = bea.hand_back()
    with pytest.raises(Refused, match="another audit"):
        other.merge(back, accept=bea.fingerprint())
    with pytest.raises(Refused, match="written here already"):
        bea.merge(back)  # its own hand back is not merged into the copy it came from
    other.db.close()


def test_locked_audit_takes_no_change(team):
    lead, bea, _carl = team
    bea.merge(lead.hand_out("bea"), accept=lead.fingerprint())
    with bea.session() as s:
        audits.set_response(s, bea.audit(s), "CSV-01", result="compliant", actor="bea")
    back = bea.hand_back()
    with lead.session() as s:
        lead.audit(s).locked = True
    with pytest.raises(Refused, match="locked or final"):
        lead.merge(back, accept=bea.fingerprint())
    with lead.session() as s:
        assert lead.audit(s).responses == []


def test_unknown_signer_and_tampered_package_are_refused_before_anything(team, tmp_path):
    lead, bea, _carl = team
    path = lead.hand_out("bea")
    with pytest.raises(Refused, match="does not know"):
        bea.merge(path)
    members = {}
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    team_doc = json.loads(members["team.json"])
    team_doc["assignment"]["areas"] = ["ORG", "CSV"]
    members["team.json"] = json.dumps(team_doc).encode()
    forged = tmp_path / "forged.teampkg"
    with zipfile.ZipFile(forged, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    with pytest.raises(Refused, match=r"SHA-256|differs in size"):
        bea.merge(forged, accept=lead.fingerprint())
    with bea.session() as s, pytest.raises(Exception, match="no audit"):
        bea.audit(s)


def test_encrypted_hand_back_needs_its_transfer_password(team):
    lead, bea, _carl = team
    bea.merge(lead.hand_out("bea"), accept=lead.fingerprint())
    with bea.session() as s:
        audits.set_response(s, bea.audit(s), "CSV-01", result="compliant", actor="bea")
    back, exporter = bea.folder / "secret.teampkg", bea.exporter()
    with bea.session() as s:
        team_package.hand_back(
            s, REFERENCE, back, exporter=exporter, transfer_password="correct horse battery"
        )
    assert b"CSV-01" not in back.read_bytes()
    with pytest.raises(Refused, match="encrypted"):
        lead.merge(back, accept=bea.fingerprint())
    with pytest.raises(Refused, match="wrong transfer password"):
        lead.merge(back, accept=bea.fingerprint(), transfer_password="wrong horse battery")
    lead.merge(back, accept=bea.fingerprint(), transfer_password="correct horse battery")
    with lead.session() as s:
        assert [r.question_id for r in lead.audit(s).responses] == ["CSV-01"]


def test_deletions_captions_and_the_same_question_answered_twice(team):
    lead, bea, _carl = team
    with lead.session() as s:
        a = lead.audit(s)
        registers.add_document(s, a, title="Old SOP list", identifier="SOP-0")
    photo(lead, PHOTO_A, "lobby.png")
    bea.merge(lead.hand_out("bea"), accept=lead.fingerprint())
    with bea.session() as s:
        a = bea.audit(s)
        registers.delete_document(s, a, a.documents[0].id)
        evidence.set_caption(s, a, 1, "Lobby notice board")
        audits.set_response(
            s, a, "ORG-02", result="non_compliant", notes="QA reports to ops.", actor="bea"
        )
    with lead.session() as s:
        audits.set_response(s, lead.audit(s), "ORG-02", result="compliant", notes="", actor="lena")
    back = bea.hand_back()
    with pytest.raises(team_apply.UnresolvedConflicts) as caught:
        lead.merge(back, accept=bea.fingerprint())
    ids = {c.id: c for c in caught.value.conflicts}
    assert set(ids) == {"response:ORG-02:result", "response:ORG-02:notes"}
    report = lead.merge(
        back,
        accept=bea.fingerprint(),
        resolutions={
            "response:ORG-02:result": "theirs",
            "response:ORG-02:notes": ("edit", "Reports to ops."),
        },
    )
    assert report.deleted == 1 and report.updated == 1
    with lead.session() as s:
        a = lead.audit(s)
        assert a.documents == []
        (answer,) = a.responses
        assert (answer.result, answer.notes) == ("non_compliant", "Reports to ops.")
        assert answer.answered_by == "lena"  # the edited answer is the lead's
        assert evidence.get_evidence(s, a, 1).caption == "Lobby notice board"
        assert trail.verify(s.connection()) == []


def test_hostile_values_in_a_re_signed_hand_back_change_nothing(team, tmp_path):
    """An insider re-signs a hand back with values the GUI would refuse: one refusal, no change."""
    from auditapp.core.package_crypto import signature_document

    lead, bea, _carl = team
    bea.merge(lead.hand_out("bea"), accept=lead.fingerprint())
    with bea.session() as s:
        audits.set_response(s, bea.audit(s), "CSV-01", result="compliant", actor="bea")
    back, identity = bea.hand_back(), bea.exporter().identity
    with zipfile.ZipFile(back) as z:
        members = {n: z.read(n) for n in z.namelist()}
    for field, value in (("classification", "bogus"), ("capa_due_date", "not a date")):
        doc = json.loads(members["team.json"])
        key = next(iter(doc["current"]["finding"]))
        doc["current"]["finding"][key][field] = value
        forged = dict(members, **{"team.json": json.dumps(doc).encode()})
        manifest = json.loads(forged.pop("manifest.json"))
        forged.pop("manifest.sig")
        manifest["files"]["team.json"] = {
            "sha256": hashlib.sha256(forged["team.json"]).hexdigest(),
            "size": len(forged["team.json"]),
        }
        manifest_bytes = json.dumps(manifest).encode()
        path = tmp_path / f"forged-{field}.teampkg"
        with zipfile.ZipFile(path, "w") as z:
            for name, data in forged.items():
                z.writestr(name, data)
            z.writestr("manifest.json", manifest_bytes)
            z.writestr(
                "manifest.sig", signature_document(identity, "bea", "Bea Berger", manifest_bytes)
            )
        with pytest.raises(Refused, match="nothing merged"):
            lead.merge(path, accept=bea.fingerprint())
    with lead.session() as s:
        assert lead.audit(s).responses == []
        assert findings.get_finding(s, lead.audit(s), 1).classification == "minor"
