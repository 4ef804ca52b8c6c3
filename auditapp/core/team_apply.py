"""Apply a team package here: open a hand out as a working copy, or merge a package into the audit.

Rules (docs/team.md): the package is verified (signature, every member's SHA-256) before
anything is touched; a package for another audit is refused; a locked or final audit takes no
change; a package applied once changes nothing the second time; a co-auditor's hand backs are
merged in the order written (team_rules.py checks these); everything happens in the caller's one
transaction, so a refusal or an unresolved conflict leaves the database as it was.

Attribution in the trail: each value taken from the package is written under the name of the
person who changed it in their copy (their trail's who/when travels in the package), with the
reason "merged from package ..."; each conflict decision is written under the name of the user
merging here.
"""

from __future__ import annotations

import contextlib
import functools
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import package, team_merge, team_records, team_rules, trail
from auditapp.core.models import Audit, TeamCopy, TeamPackage
from auditapp.core.team_merge import Conflict, Plan
from auditapp.core.team_open import Opened, open_team_package
from auditapp.core.team_records import Change
from auditapp.core.team_write import Writer
from auditapp.errors import AuditAppError, Refused

# A resolution: "mine", "theirs", or ("edit", value).
Resolution = str | tuple[str, str | None]


class UnresolvedConflicts(Refused):
    """Both sides changed the same fields: nothing was merged until each is resolved."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__(
            f"{len(conflicts)} conflict(s) to resolve first (e.g. "
            f"{conflicts[0].label}); nothing merged"
        )
        self.conflicts = conflicts


@dataclass
class MergeReport:
    reference: str
    kind: str
    package_id: str
    signer: str  # "Full Name (username)"
    fingerprint: str
    opened_copy: bool = False
    created: dict[str, int] = field(default_factory=dict)
    updated: int = 0
    deleted: int = 0
    same_evidence: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    assignment: dict[str, Any] = field(default_factory=dict)

    def lines(self) -> list[str]:
        if self.opened_copy:
            areas = ", ".join(self.assignment.get("areas") or []) or "none named"
            todo = ", ".join(f"F-{n:02d}" for n in self.assignment.get("findings") or []) or "none"
            return [
                f"opened {self.reference} as your working copy (handed out by {self.signer})",
                f"your assignment: checklist areas {areas}; findings to write {todo}",
            ]
        made = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in self.created.items() if n)
        out = [
            f"merged {self.kind} {self.package_id[:8]} from {self.signer} into {self.reference}",
            f"new records: {made or 'none'}; changed values: {self.updated}; "
            f"deleted: {self.deleted}; evidence already here: {self.same_evidence}",
        ]
        out += [f"decision: {d}" for d in self.decisions]
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "kind": self.kind,
            "package_id": self.package_id,
            "signer": self.signer,
            "opened_copy": self.opened_copy,
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "same_evidence": self.same_evidence,
            "decisions": self.decisions,
            "conflicts": [c.as_json() for c in self.conflicts],
        }


@contextlib.contextmanager
def _inner_reader(opened: Opened) -> Iterator[Callable[[str], bytes]]:
    """Evidence of a hand out is read from its whole-audit package; of a hand back, from itself."""
    if "audit.auditpkg" not in opened.manifest["files"]:
        yield opened.read
        return
    with tempfile.TemporaryDirectory(prefix="auditapp-team-") as tmp:
        inner = Path(tmp) / "audit.auditpkg"
        inner.write_bytes(opened.read("audit.auditpkg"))
        with package.open_package(inner) as pkg:
            yield pkg.read


def merge_package(
    session: Session,
    path: Path,
    *,
    actor: str,
    resolutions: dict[str, Resolution] | None = None,
    accept_signer: str | None = None,
    preview: bool = False,
    transfer_password: str | None = None,
) -> MergeReport:
    """Open or merge a team package. ``preview`` plans only (the caller rolls back)."""
    resolutions = resolutions or {}
    with open_team_package(path, transfer_password) as opened:
        team_rules.check_signer(session, opened, accept_signer)
        theirs = team_merge.check_records(opened.team["current"], "team.json current")
        base = team_merge.check_records(opened.team["base"], "team.json base")
        username, full_name, fingerprint = opened.signer
        report = MergeReport(
            opened.manifest["reference"],
            opened.kind,
            opened.package_id,
            f"{full_name} ({username})",
            fingerprint,
            assignment=dict(opened.team["assignment"]),
        )
        audit = team_rules.find_audit(session, opened)
        if audit is None:
            if opened.kind != "handout":
                raise Refused(
                    f"audit {opened.manifest['reference']} is not in this database; "
                    "a hand back is merged into the lead's copy"
                )
            report.opened_copy = True
            if not preview:
                _open_copy(session, opened, theirs, actor=actor)
            return report
        copy = team_rules.check_rules(session, opened, audit)
        if opened.kind == "handout":
            base = json.loads(copy.base_json)  # what this copy last received from the lead
        mine = team_records.snapshot(session, audit)
        work = team_merge.plan(
            base,
            mine,
            theirs,
            team_records.provenance(session, audit),
            team_merge.theirs_changes(opened.team["changes"]),
        )
        report.conflicts = work.conflicts
        unresolved = [c for c in work.conflicts if c.id not in resolutions]
        if preview:
            return report
        if unresolved:
            raise UnresolvedConflicts(unresolved)
        try:
            with _inner_reader(opened) as read:
                writer = Writer(session, audit, read)
                _apply(session, opened, writer, work, theirs, resolutions, report, actor=actor)
        except Refused:
            raise
        except AuditAppError as exc:  # the core's own refusal of a value (grade, text, date...)
            raise Refused(f"{opened.label}: refused content: {exc}; nothing merged") from None
        except (ValueError, TypeError, KeyError) as exc:  # a value of the wrong form
            raise Refused(
                f"{opened.label}: malformed content ({type(exc).__name__}: "
                f"{str(exc)[:200]}); nothing merged"
            ) from None
        if opened.kind == "handout":
            # The same photo added here and by someone else: this copy takes the lead's id for
            # it, or the next hand back would read the lead's record as deleted here.
            writer.adopt_aliases(work.alias)
            writer.adopt_numbers(theirs)
            copy.base_json = json.dumps(theirs, ensure_ascii=False)
            copy.assignment_json = json.dumps(opened.team["assignment"])
        session.add(
            TeamPackage(
                audit_id=audit.id,
                package_id=opened.package_id,
                direction="applied",
                kind=opened.kind,
                replica_id=opened.manifest["replica_id"],
                person=username,
                signer_sha256=fingerprint,
                summary="; ".join(report.lines()),
                earlier_json=json.dumps(opened.manifest["earlier"]),
            )
        )
        session.flush()
        return report


def _apply(
    session: Session,
    opened: Opened,
    writer: Writer,
    work: Plan,
    theirs: team_records.Records,
    resolutions: dict[str, Resolution],
    report: MergeReport,
    *,
    actor: str,
) -> None:
    changes = team_merge.theirs_changes(opened.team["changes"])
    signer = opened.signer[0]
    origin = f"merged from {opened.kind} package {opened.package_id[:8]} of {signer}"
    writer.alias.update(work.alias)
    report.same_evidence = len(work.alias)

    def as_author(who: Change | None, do: Callable[[], object]) -> None:
        session.info["actor"] = who.user if who else signer
        session.info["reason"] = f"{origin}; changed {who.at}" if who else origin
        try:
            do()
            session.flush()
        finally:
            session.info["actor"], session.info["reason"] = actor, ""

    for kind, key in work.create:
        values = theirs[kind][key]
        who = team_merge._newest(changes, kind, key)
        as_author(who, functools.partial(writer.create, kind, key, values))
        report.created[kind] = report.created.get(kind, 0) + 1
    updates: dict[tuple[str, str], dict[str, str | None]] = {}
    for kind, key, name in work.update:
        updates.setdefault((kind, key), {})[name] = theirs[kind][key][name]
    for (kind, key), values in updates.items():
        for name in team_merge.FOLLOWERS.get(kind, ()):
            values[name] = theirs[kind][key].get(name)
        who = max(
            (changes[(kind, key, n)] for n in values if (kind, key, n) in changes),
            key=lambda c: c.at,
            default=None,
        )
        as_author(who, functools.partial(writer.update, kind, key, values))
        report.updated += len(values)
    for kind, key in reversed(work.delete):
        who = team_merge._newest(changes, kind, key)
        as_author(who, functools.partial(writer.delete, kind, key, origin))
        report.deleted += 1
    for conflict in work.conflicts:
        _decide(
            session,
            writer,
            conflict,
            resolutions[conflict.id],
            theirs,
            report,
            actor=actor,
            origin=origin,
        )


def _decide(
    session: Session,
    writer: Writer,
    c: Conflict,
    choice: Resolution,
    theirs: team_records.Records,
    report: MergeReport,
    *,
    actor: str,
    origin: str,
) -> None:
    who = c.theirs_by.user if c.theirs_by else "?"
    if choice == "mine":
        text = f"{c.label}: kept the value here over {who}'s"
    elif choice == "theirs":
        text = f"{c.label}: took {who}'s value"
        if c.field == team_merge.RECORD:
            if c.theirs == "(deleted)":
                writer.delete(c.kind, c.key, origin)
            else:
                writer.create(c.kind, c.key, theirs[c.kind][c.key])
        else:
            values = {c.field: c.theirs}
            for name in team_merge.FOLLOWERS.get(c.kind, ()):
                values[name] = theirs[c.kind][c.key].get(name)
            session.info["reason"] = f"merge decision ({origin}): {text}"
            writer.update(c.kind, c.key, values)
    elif isinstance(choice, tuple) and choice[0] == "edit" and c.field != team_merge.RECORD:
        text = f"{c.label}: edited while merging (neither value as it was)"
        session.info["reason"] = f"merge decision ({origin}): {text}"
        writer.update(c.kind, c.key, {c.field: choice[1]})
    else:
        raise Refused(f"{c.id}: resolve with mine or theirs")
    session.flush()
    # Recorded against the audit, so the audit's trail view shows each decision.
    trail.record_event(
        session.connection(),
        user=actor,
        action="merge",
        entity="audit",
        entity_id=str(writer.audit.id),
        reason=f"merge decision ({origin})",
        detail=text,
    )
    session.info["reason"] = ""
    report.decisions.append(text)


def _open_copy(
    session: Session, opened: Opened, theirs: team_records.Records, *, actor: str
) -> None:
    """The first hand out here: the audit from its whole-audit package, then the lead's ids."""
    with tempfile.TemporaryDirectory(prefix="auditapp-team-") as tmp:
        inner = Path(tmp) / "audit.auditpkg"
        inner.write_bytes(opened.read("audit.auditpkg"))
        imported = package.import_package(
            session, inner, actor=actor, accept_signer=opened.signer[2]
        )
    if imported.signer_fingerprint != opened.signer[2]:
        raise Refused(f"{opened.label}: the audit inside is signed by someone else")
    audit = session.scalar(select(Audit).where(Audit.reference == imported.reference))
    assert audit is not None
    audit.uid = opened.manifest["audit_uid"]
    Writer(session, audit, opened.read).adopt_uids(theirs)
    session.add(
        TeamCopy(
            audit_id=audit.id,
            role="co_auditor",
            lead=opened.signer[0],
            assignment_json=json.dumps(opened.team["assignment"]),
            base_json=json.dumps(theirs, ensure_ascii=False),
        )
    )
    session.add(
        TeamPackage(
            audit_id=audit.id,
            package_id=opened.package_id,
            direction="applied",
            kind="handout",
            replica_id=opened.manifest["replica_id"],
            person=opened.signer[0],
            signer_sha256=opened.signer[2],
            summary="opened as a working copy",
        )
    )
    session.flush()


def signer_of(
    session: Session, path: Path, transfer_password: str | None = None
) -> tuple[str, str, str, bool]:
    """(username, full name, certificate SHA-256, trusted here) of a team package's signer."""
    with open_team_package(path, transfer_password) as opened:
        try:
            team_rules.check_signer(session, opened, None)
            trusted = True
        except Refused:
            trusted = False
        return (*opened.signer, trusted)
