"""What a package carries that no form sets: signed report versions, the lock, the carried trail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from auditapp.core import checklists, signing
from auditapp.core.audits import clean_text
from auditapp.core.models import CarriedTrailEntry, ReportVersion, Signature
from auditapp.core.package_schema import Reader, SchemaError
from auditapp.core.trail_format import entry_hash, legacy_entry_hash

# (format, bytes) -> problems found in a signed report; empty when it verifies.
ReportCheck = Callable[[str, bytes], list[str]]
# name of a member -> its bytes, read and checked against the manifest.
MemberReader = Callable[[str], bytes]


@dataclass
class Rebuilt:
    reference: str
    findings: int = 0
    evidence: int = 0
    reports: int = 0
    trail_rows: int = 0
    warnings: list[str] = field(default_factory=list)


def single_line(value: str, *, field: str, limit: int) -> str:
    return " ".join(clean_text(value, field=field, limit=limit, single_line=True).split())


# Documents signed on their own beside the report (stored as report versions in these formats,
# each a PDF with one signature of its own meaning): the audit certificate and the closure
# letter (reports/certificate_signing.py, reports/closure_letter.py).
SIGNED_DOCUMENTS = {"cert": "certificate", "closure": "closure"}


def import_reports(
    session: Session,
    audit: Any,
    doc: Reader,
    read_member: MemberReader,
    check_report: ReportCheck | None,
    result: Rebuilt,
) -> None:
    known = signing.known_certificates(session)
    users = {fp: name for fp, (name, _full) in known.items()}
    from auditapp.core.users import find_user

    highest = 0
    for row in doc.rows("report_versions"):
        fmt = row.text("format", limit=8)
        if fmt not in ("pdf", "docx", *SIGNED_DOCUMENTS):
            raise SchemaError(
                f"{row.where}.format: {fmt!r} is not pdf, docx, {' or '.join(SIGNED_DOCUMENTS)}"
            )
        language = row.text("language", limit=5)
        if language not in checklists.LANGUAGES:
            raise SchemaError(f"{row.where}.language: {language!r} unknown")
        digest = row.digest("sha256")
        data = read_member(f"reports/{digest}")
        signatures = row.rows("signatures")
        if signatures and check_report is not None:
            problems = check_report("pdf" if fmt in SIGNED_DOCUMENTS else fmt, data)
            if problems:
                raise SchemaError(f"{row.where}: signed report does not verify ({problems[0]})")
        version = row.integer("version", low=1, high=1000)
        highest = max(highest, version)
        trail_head = row.text("trail_head", limit=64)
        report = ReportVersion(
            audit_id=audit.id,
            version=version,
            format=fmt,
            language=language,
            file_bytes=data,
            sha256=digest,
            trail_head=trail_head,
            created_at=row.time("created_at"),
            created_by=single_line(row.text("created_by", limit=64), field="created by", limit=64),
            reopen_reason=clean_text(
                row.text("reopen_reason", limit=5000), field="reason", limit=5000
            ),
        )
        session.add(report)
        session.flush()
        for sig in signatures:
            fingerprint = sig.digest("certificate_sha256")
            stated = sig.text("meaning", limit=20)
            if fmt in SIGNED_DOCUMENTS:
                if stated != SIGNED_DOCUMENTS[fmt]:
                    raise SchemaError(
                        f"{row.where}: a {fmt} document is signed as "
                        f"{SIGNED_DOCUMENTS[fmt]}, not {stated!r}"
                    )
                meaning_value = stated
            else:
                meaning_value = signing.parse_meaning(stated).value
            username = users.get(fingerprint)
            if username is None:
                result.warnings.append(
                    f"report v{version} ({fmt}): the signature of {sig.text('printed_name', limit=200)} "
                    "is kept in the signed file only; its signer has no account here"
                )
                continue
            session.add(
                Signature(
                    report_version_id=report.id,
                    user_id=find_user(session, username).id,
                    printed_name=single_line(
                        sig.text("printed_name", limit=200), field="printed name", limit=200
                    ),
                    role=single_line(sig.text("role", limit=40), field="role", limit=40),
                    meaning=meaning_value,
                    signed_at=sig.time("signed_at"),
                    utc_offset=sig.text("utc_offset", limit=8),
                    signed_sha256=sig.digest("signed_sha256"),
                    certificate_sha256=fingerprint,
                )
            )
        session.flush()
        session.expunge(report)
        result.reports += 1
    audit.report_version = max(
        highest, 1, doc.child("audit").integer("report_version", low=1, high=1000)
    )  # type: ignore[union-attr]


def set_lock(audit: Any, a: Reader, final_status: str | None, result: Rebuilt) -> None:
    """Final only with the signed report that made it final; locked for review likewise."""
    if final_status is not None:
        if result.reports == 0:
            raise SchemaError(
                f"audit.status is {final_status!r} but the package carries no issued report"
            )
        audit.status = final_status
        audit.locked = True
    elif a.flag("locked"):
        if result.reports == 0:
            raise SchemaError("audit.locked is true but the package carries no issued report")
        audit.locked = True


def import_trail(
    session: Session,
    audit: Any,
    doc: Reader,
    read_member: MemberReader,
    signer: str,
    result: Rebuilt,
) -> None:
    from auditapp.core.input_limits import load_json

    rows = load_json(read_member("trail.json"), source="trail.json")
    if not isinstance(rows, list) or len(rows) > 1_000_000:
        raise SchemaError("trail.json: expected a list of entries")
    batch: list[dict[str, Any]] = []
    last_seq = 0
    for index, raw in enumerate(rows):
        r = Reader(raw, f"trail[{index}]")
        values = {
            "seq": r.integer("seq", low=1, high=2**62),
            "at": r.text("at", limit=40),
            "user": r.text("user", limit=64),
            "action": r.text("action", limit=20),
            "entity": r.text("entity", limit=40),
            "entity_id": r.text("entity_id", limit=100),
            "reason": r.text("reason", limit=100_000),
            "prev_hash": r.digest("prev_hash"),
            "hash": r.digest("hash"),
        }
        if values["seq"] <= last_seq:
            raise SchemaError(f"trail[{index}]: entries out of order")
        last_seq = values["seq"]
        if isinstance(raw, dict) and "changes" in raw:  # format 3: one compact row per change
            values |= {
                "changes": r.maybe_text("changes", limit=5_000_000),
                "field": None,
                "old_value": None,
                "new_value": None,
            }
            expected = entry_hash(
                bytes.fromhex(values["prev_hash"]),
                values["at"],
                values["user"],
                values["action"],
                values["entity"],
                values["entity_id"],
                values["changes"],
                values["reason"],
            ).hex()
        else:  # format 2: one row per field
            values |= {
                "changes": None,
                "field": r.maybe_text("field", limit=60),
                "old_value": r.maybe_text("old_value"),
                "new_value": r.maybe_text("new_value"),
            }
            expected = legacy_entry_hash(
                values["prev_hash"],
                values["at"],
                values["user"],
                values["action"],
                values["entity"],
                values["entity_id"],
                values["field"],
                values["old_value"],
                values["new_value"],
                values["reason"],
            )
        if expected != values["hash"]:
            raise SchemaError(f"trail[{index}]: entry does not match its hash (tampered trail)")
        batch.append(values | {"audit_id": audit.id, "package_signer": signer[:200]})
        if len(batch) >= 1000:
            session.execute(insert(CarriedTrailEntry), batch)
            batch.clear()
    if batch:
        session.execute(insert(CarriedTrailEntry), batch)
    result.trail_rows = len(rows)
