"""Which team packages this database accepts, checked before a merge changes anything.

The signer must be known here (an account's certificate, the signer of an earlier team package,
or accepted by fingerprint); the package must be for this very audit (matched by its uid, not
its reference); the audit must be open; a package is applied once; a hand back is merged only
into the lead's copy, from a person it was handed out to, and never after a newer one of the
same copy (docs/team.md, "Rules").
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core.models import Audit, AuditStatus, TeamCopy, TeamPackage
from auditapp.core.team_open import Opened
from auditapp.core.team_package import team_copy
from auditapp.errors import Refused


def check_signer(session: Session, opened: Opened, accept_signer: str | None) -> None:
    from auditapp.core.signing import known_certificates

    username, full_name, fingerprint = opened.signer
    if fingerprint in known_certificates(session):
        return
    if session.scalar(select(TeamPackage.id).where(TeamPackage.signer_sha256 == fingerprint)):
        return  # accepted with an earlier package of this team
    wanted = (accept_signer or "").lower()
    if len(wanted) >= 16 and fingerprint.startswith(wanted):
        return
    raise Refused(
        f"{opened.label} is signed by {full_name} ({username}), whose certificate this "
        f"database does not know (SHA-256 {fingerprint}); check that fingerprint with "
        f"the sender, then merge with --accept-signer {fingerprint[:16]}"
    )


def find_audit(session: Session, opened: Opened) -> Audit | None:
    manifest = opened.manifest
    audit = session.scalar(select(Audit).where(Audit.uid == manifest["audit_uid"]))
    same_reference = session.scalar(select(Audit).where(Audit.reference == manifest["reference"]))
    if same_reference is not None and same_reference is not audit:
        raise Refused(
            f"{opened.label} belongs to another audit than {same_reference.reference} "
            "here (a different audit under the same reference); nothing merged"
        )
    return audit


def check_rules(session: Session, opened: Opened, audit: Audit) -> TeamCopy:
    manifest = opened.manifest
    if audit.locked or audit.status in (AuditStatus.FINAL.value, AuditStatus.CLOSED.value):
        raise Refused(
            f"audit {audit.reference} is locked or final; a team package cannot "
            "change it (reopen it with a reason first)"
        )
    done = session.scalar(
        select(TeamPackage).where(
            TeamPackage.audit_id == audit.id, TeamPackage.package_id == opened.package_id
        )
    )
    if done is not None:
        raise Refused(
            f"{opened.label} ({opened.kind} {opened.package_id[:8]}) was "
            f"{'written' if done.direction == 'written' else 'merged'} here already on "
            f"{done.at:%Y-%m-%d %H:%M} UTC; nothing changed"
        )
    copy = team_copy(session, audit)
    if copy is None:
        raise Refused(f"audit {audit.reference} is not shared with a team here; nothing merged")
    if opened.kind == "handback":
        if copy.role != "lead":
            raise Refused(f"{opened.label} is a hand back: only the lead's copy merges it")
        handed = session.scalar(
            select(TeamPackage.id).where(
                TeamPackage.audit_id == audit.id,
                TeamPackage.kind == "handout",
                TeamPackage.direction == "written",
                TeamPackage.person == opened.signer[0],
            )
        )
        if handed is None:
            raise Refused(
                f"audit {audit.reference} was never handed out to {opened.signer[0]} "
                "here; nothing merged"
            )
        # Each hand back holds everything since the copy's last hand out, so a lost one does no
        # harm; but an older one merged after a newer one would undo its values.
        for newer in session.scalars(
            select(TeamPackage).where(
                TeamPackage.audit_id == audit.id,
                TeamPackage.kind == "handback",
                TeamPackage.direction == "applied",
                TeamPackage.replica_id == manifest["replica_id"],
            )
        ):
            if opened.package_id in json.loads(newer.earlier_json):
                raise Refused(
                    f"{opened.label} is older than {opened.signer[0]}'s hand back "
                    f"{newer.package_id[:8]}, merged here already; nothing merged"
                )
    elif copy.role != "co_auditor":
        raise Refused(
            f"{opened.label} is a hand out of {audit.reference}, which is the lead's "
            "own copy here; nothing merged"
        )
    return copy
