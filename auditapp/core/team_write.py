"""Writing merged values through the core functions the GUI uses (every check applies).

Findings and evidence created by a merge get the next numbers of the audit they are merged
into: numbers are given by the lead's copy at merge time, never by a co-auditor's copy, so two
co-auditors' new findings cannot collide. A co-auditor's copy takes the lead's numbers with the
next hand out (adopt_numbers).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import audits, evidence, findings, media, registers
from auditapp.core.audits import clean_text
from auditapp.core.models import (
    Audit,
    AuditeeParticipant,
    DocumentReviewed,
    Evidence,
    EvidenceLink,
    Finding,
    Response,
    TeamMember,
)
from auditapp.core.team_records import KINDS, python_value
from auditapp.core.team_uids import preset_uid
from auditapp.errors import Refused

_REGISTERS: dict[str, tuple[Any, Any, Any]] = {
    "document_reviewed": (
        registers.add_document,
        registers.update_document,
        registers.delete_document,
    ),
    "auditee_participant": (
        registers.add_participant,
        registers.update_participant,
        registers.delete_participant,
    ),
    "team_member": (
        registers.add_team_member,
        registers.update_team_member,
        registers.delete_team_member,
    ),
}


class Writer:
    def __init__(self, session: Session, audit: Audit, read: Callable[[str], bytes]) -> None:
        self.session, self.audit, self.read = session, audit, read
        self.alias: dict[str, str] = {}  # their evidence uid -> the same photo's uid here

    def row(self, kind: str, key: str) -> Any:
        model = KINDS[kind][0]
        if kind == "audit":
            return self.audit
        if kind == "response":
            return self.session.scalar(
                select(Response).where(
                    Response.audit_id == self.audit.id, Response.question_id == key
                )
            )
        if kind == "evidence_link":
            return self.session.scalar(select(EvidenceLink).where(EvidenceLink.uid == key))
        found = self.session.scalar(
            select(model).where(
                model.audit_id == self.audit.id,  # type: ignore[attr-defined]
                model.uid == self.alias.get(key, key),  # type: ignore[attr-defined]
            )
        )
        if found is None:
            raise Refused(f"{kind.replace('_', ' ')} {key[:8]} is not in this audit")
        return found

    def _values(self, kind: str, values: dict[str, str | None]) -> dict[str, Any]:
        out = {}
        for name, text in values.items():
            if name in KINDS[kind][1]:
                out[name] = python_value(kind, name, text)
        return out

    def _finding_fields(self, values: dict[str, Any]) -> dict[str, Any]:
        out = dict(values)
        if "references_json" in out:
            out["references"] = json.loads(out.pop("references_json") or "[]")
        if "question_ids_json" in out:
            out["question_ids"] = json.loads(out.pop("question_ids_json") or "[]")
        for name in ("sponsor_informed_to", "breach_assessment", "breach_note"):
            if name in out and out[name] is None:
                out[name] = ""
        return out

    def create(self, kind: str, key: str, values: dict[str, str | None]) -> None:
        # Inserted with its id (not given one and then changed): the trail shows one insert.
        with preset_uid(key) if kind != "response" else contextlib.nullcontext():
            self._create(kind, key, values)

    def _create(self, kind: str, key: str, values: dict[str, str | None]) -> None:
        v = self._values(kind, values)
        s, audit = self.session, self.audit
        if kind == "response":
            self.answer(key, v)
        elif kind == "finding":
            fields = self._finding_fields(v)
            if fields.get("capa_due_date") is not None:
                fields.pop("capa_due_days", None)
            finding = findings.add_finding(s, audit, **fields)
            finding.uid = key
            created = values.get("created_at")
            if created:
                finding.created_at = python_value("finding", "created_at", created)
        elif kind == "evidence":
            digest = str(values.get("sha256"))
            prepared = media.prepare_bytes(
                self.read(f"evidence/{digest}"),
                file_name=str(values.get("file_name") or "evidence"),
            )
            if prepared.sha256 != digest:
                raise Refused(f"evidence {key[:8]}: the original does not match its SHA-256")
            item = evidence.add_prepared(
                s,
                audit,
                prepared,
                actor=str(values.get("imported_by") or ""),
                caption=v.get("caption") or "",
                confidential=bool(v.get("confidential")),
            )
            item.uid, item.removed = key, bool(v.get("removed"))
        elif kind == "evidence_link":
            item = self.row("evidence", str(values.get("evidence")))
            target = evidence.Target(
                finding=self.row("finding", str(values["finding"])).number
                if values.get("finding")
                else None,
                question=values.get("question_id"),
            )
            link = evidence.link(s, audit, item.number, target)
            if link is not None:
                link.uid = key
        elif kind in _REGISTERS:
            made = _REGISTERS[kind][0](s, audit, **v)
            made.uid = key
        else:
            raise Refused(f"{kind} records are not created by a merge")
        s.flush()

    def answer(self, question: str, v: dict[str, Any]) -> None:
        current = self.row("response", question)
        merged = {
            "result": current.result if current else None,
            "notes": current.notes if current else "",
        } | {k: v[k] for k in ("result", "notes") if k in v}
        response = audits.set_response(
            self.session,
            self.audit,
            question,
            result=merged["result"],
            notes=merged["notes"] or "",
            # An edited answer is the merging user's own.
            actor=str(v.get("answered_by") or self.session.info.get("actor") or ""),
        )
        if v.get("answered_at") is not None:
            response.answered_at = v["answered_at"]

    def update(self, kind: str, key: str, values: dict[str, str | None]) -> None:
        v = self._values(kind, values)
        s, audit = self.session, self.audit
        if kind == "audit":
            for name, value in v.items():
                setattr(
                    audit,
                    name,
                    clean_text(value, field=name.replace("_", " "))
                    if isinstance(value, str)
                    else value,
                )
        elif kind == "response":
            self.answer(key, v)
        elif kind == "finding":
            findings.update_finding(s, audit, self.row(kind, key).number, **self._finding_fields(v))
        elif kind == "evidence":
            item = self.row(kind, key)
            if "caption" in v:
                evidence.set_caption(s, audit, item.number, v["caption"] or "")
            if "confidential" in v:
                evidence.set_confidential(s, audit, item.number, bool(v["confidential"]))
            if "removed" in v:
                item.removed = bool(v["removed"])
        elif kind in _REGISTERS:
            _REGISTERS[kind][1](s, audit, self.row(kind, key).id, **v)
        s.flush()

    def delete(self, kind: str, key: str, reason: str) -> None:
        s, audit = self.session, self.audit
        if kind == "finding":
            findings.delete_finding(s, audit, self.row(kind, key).number, reason=reason)
        elif kind == "evidence":
            self.row(kind, key).removed = True  # evidence is withdrawn, never erased by a merge
        elif kind == "evidence_link":
            link = self.row(kind, key)
            if link is not None:
                s.delete(link)
        elif kind == "response":
            found = self.row(kind, key)
            if found is not None:
                s.delete(found)
        elif kind in _REGISTERS:
            _REGISTERS[kind][2](s, audit, self.row(kind, key).id)
        s.flush()

    # --- a working copy takes the lead's ids and numbers ------------------------------------------

    def adopt_uids(self, theirs: dict[str, dict[str, dict[str, str | None]]]) -> None:
        """Right after a hand out was imported: each record takes the id it has in the lead's copy."""
        s, audit = self.session, self.audit
        model: Any
        for kind, model, by in (("finding", Finding, "number"), ("evidence", Evidence, "number")):
            here = {
                str(r.number): r for r in s.scalars(select(model).where(model.audit_id == audit.id))
            }
            for uid, values in theirs.get(kind, {}).items():
                here[str(values[by])].uid = uid
        for kind, model in (
            ("document_reviewed", DocumentReviewed),
            ("auditee_participant", AuditeeParticipant),
            ("team_member", TeamMember),
        ):
            rows: list[Any] = list(
                s.scalars(select(model).where(model.audit_id == audit.id).order_by(model.id))
            )
            given = list(theirs.get(kind, {}))
            if len(rows) != len(given):
                raise Refused(
                    f"the hand out's {kind.replace('_', ' ')} list does not match its audit"
                )
            for row, uid in zip(rows, given, strict=True):
                row.uid = uid
        s.flush()
        links: dict[tuple[Any, Any, Any], EvidenceLink] = {}
        evidence_uid = {
            e.id: e.uid for e in s.scalars(select(Evidence).where(Evidence.audit_id == audit.id))
        }
        finding_uid = {
            f.id: f.uid for f in s.scalars(select(Finding).where(Finding.audit_id == audit.id))
        }
        for link in s.scalars(
            select(EvidenceLink).where(EvidenceLink.evidence_id.in_(list(evidence_uid)))
        ):
            found = finding_uid.get(link.finding_id) if link.finding_id is not None else None
            links[(evidence_uid[link.evidence_id], found, link.question_id)] = link
        for uid, v in theirs.get("evidence_link", {}).items():
            same = links.get((v.get("evidence"), v.get("finding"), v.get("question_id")))
            if same is not None:
                same.uid = uid
        s.flush()

    def adopt_aliases(self, alias: dict[str, str]) -> None:
        for theirs, mine in alias.items():
            self.row("evidence", mine).uid = theirs
        self.session.flush()

    def adopt_numbers(self, theirs: dict[str, dict[str, dict[str, str | None]]]) -> None:
        """A working copy takes the numbers the lead gave; its own new records go after them."""
        s, audit = self.session, self.audit
        model: Any
        for kind, model, counter in (
            ("finding", Finding, "last_finding_number"),
            ("evidence", Evidence, "last_evidence_number"),
        ):
            rows: list[Any] = list(
                s.scalars(select(model).where(model.audit_id == audit.id).order_by(model.number))
            )
            given = {
                uid: int(str(v["number"]))
                for uid, v in theirs.get(kind, {}).items()
                if v.get("number")
            }
            for row in rows:  # out of the way first: numbers are unique in an audit
                row.number = -row.number
            s.flush()
            top = max([*given.values(), getattr(audit, counter)])
            for row in rows:
                if row.uid in given:
                    row.number = given[row.uid]
                else:
                    top += 1
                    row.number = top
            setattr(audit, counter, top)
            s.flush()
