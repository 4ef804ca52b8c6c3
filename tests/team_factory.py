"""Three laptops for the team-work tests: a lead and two co-auditors, each with a database."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditapp.core import (
    audit_details,
    audits,
    checklists,
    package,
    setup,
    signing,
    team_apply,
    team_package,
    users,
)
from auditapp.core.db import Database, open_database
from tests.audit_factory import PASSWORD, make_user, mini_checklist

REFERENCE = "AUD-2026-020"


@dataclass
class Site:
    name: str
    username: str
    full_name: str
    db: Database
    folder: Path

    def exporter(self) -> package.Exporter:
        with self.db.session(actor=self.username) as s:
            user = users.find_user(s, self.username)
            signing.ensure_identity(user, PASSWORD)
            return package.Exporter(
                self.username, user.full_name, signing.open_identity(user, PASSWORD)
            )

    def fingerprint(self) -> str:
        return self.exporter().identity.fingerprint

    def hand_out(
        self, to: str, areas: tuple[str, ...] = (), findings: tuple[int, ...] = (), name: str = ""
    ) -> Path:
        target = self.folder / (name or f"handout-{to}.teampkg")
        with self.db.session(actor=self.username) as s:
            team_package.hand_out(
                s,
                REFERENCE,
                target,
                exporter=self.exporter(),
                to_user=to,
                assignment=team_package.Assignment(areas, findings),
            )
        return target

    def hand_back(self, name: str = "") -> Path:
        target = self.folder / (name or f"handback-{self.username}.teampkg")
        with self.db.session(actor=self.username) as s:
            team_package.hand_back(s, REFERENCE, target, exporter=self.exporter())
        return target

    def merge(self, path: Path, accept: str | None = None, **kw: Any) -> team_apply.MergeReport:
        with self.db.session(actor=self.username) as s:
            return team_apply.merge_package(
                s, path, actor=self.username, accept_signer=accept, **kw
            )

    def session(self):
        return self.db.session(actor=self.username)

    def audit(self, s):
        return audits.get_audit(s, REFERENCE)


def mini() -> checklists.Checklist:
    return mini_checklist()


def make_site(
    root: Path, name: str, username: str, full_name: str, *, template: Path, audit: bool = False
) -> Site:
    """A laptop: a new database copied from ``template`` (conftest's ``empty_template``: the
    migrations run once per test run, not three times per test)."""
    folder = root / name
    folder.mkdir()
    shutil.copyfile(template, folder / "audit.sqlite")
    db = open_database(folder / "audit.sqlite")
    make_user(db, username, full_name)
    if audit:  # straight from the mini checklist: the library parses every shipped checklist
        with db.session(actor=username) as s:
            setup.create_from_details(
                s,
                audit_details.AuditDetails(
                    reference=REFERENCE,
                    title="For-cause audit of Example CRO",
                    audit_type="for_cause",
                    auditee_name="Example CRO Ltd.",
                    sponsor_name="Example Pharma",
                    checklist_id=mini().id,
                ),
                mini(),
            )
    return Site(name, username, full_name, db, folder)
