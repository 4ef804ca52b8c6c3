"""The signature ceremony: re-authenticate, render, sign, record, lock: one transaction.

The GUI and the CLI call the same two functions: :func:`preview` shows the signer exactly what
will be signed (no password needed), :func:`sign_report` does the signing. Core rules (who may
sign, sequencing, recording, locking) live in auditapp.core.signing; the PDF and CMS work in
auditapp.reports.pades; this module ties them to the report renderer (signoff_render.py).
Reading signed reports back and verifying files: signed_files.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditapp.core import audits, preissue, signing, trail, users
from auditapp.core.db import Database
from auditapp.core.models import SignatureMeaning, TrailEntry, User
from auditapp.errors import BadInput, Refused, ReviewAgain
from auditapp.reports import pades
from auditapp.reports.signature_stamp import signer_stamp_lines
from auditapp.reports.signature_stamp import stamp_lines as stamp_lines
from auditapp.reports.signoff_render import (
    pending_author_info,
    render_docx,
    render_pdf,
    report_language,
    signature_infos,
)
from auditapp.reports.wording_signoff import MEANING_LABEL, MEANING_TEXT

# Trail entities whose change means the audit's content changed (so a preview is stale).
CONTENT_ENTITIES = (
    "audit",
    "finding",
    "response",
    "team_member",
    "audit_study",
    "auditee_participant",
    "document_reviewed",
    "checklist_snapshot",
    "evidence",
    "evidence_link",
    "organisation",
    "study",
)
# What a signature is recorded against: the content, and the signatures and versions so far.
SIGNING_STATE_ENTITIES = (*CONTENT_ENTITIES, "signature", "report_version")


@dataclass(frozen=True)
class Preview:
    """What the signer is shown before entering the password."""

    reference: str
    meaning: str
    version: int
    language: str
    pdf_bytes: bytes  # the document as it will be signed (author: time shown is provisional)
    sha256: str
    problems: tuple[preissue.IssueProblem, ...]  # non-empty: the author cannot sign yet
    statement: str  # the meaning statement the signer confirms
    trail_mark: int = 0  # last trail entry id when the preview was made


@dataclass(frozen=True)
class SignResult:
    reference: str
    version: int
    meaning: str
    printed_name: str
    role: str
    signed_at: dt.datetime
    utc_offset: str
    signed_sha256: str
    certificate_sha256: str
    pdf_bytes: bytes
    docx_bytes: bytes | None = None
    p7s_bytes: bytes | None = None
    locked: bool = True
    final: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    def manifestation(self) -> str:
        role = self.role.replace("_", " ")
        meaning = MEANING_LABEL["en"].get(self.meaning, self.meaning).lower()
        return (
            f"{self.printed_name} ({role}), {meaning}, "
            f"{signing.format_signing_time(self.signed_at, self.utc_offset)}"
        )


def _trail_mark(session: Session) -> int:
    return int(session.scalar(select(func.max(TrailEntry.id))) or 0)


def _changed_since(session: Session, mark: int, entities: tuple[str, ...]) -> bool:
    return (
        session.scalar(
            select(func.count())
            .select_from(TrailEntry)
            .where(TrailEntry.id > mark, TrailEntry.entity.in_(entities))
        )
        > 0
    )


def _content_changed_since(session: Session, mark: int) -> bool:
    return _changed_since(session, mark, CONTENT_ENTITIES)


def _statement(meaning: SignatureMeaning, language: str) -> str:
    return MEANING_TEXT[language][meaning.value]


def preview(
    db: Database, reference: str, *, meaning: str, username: str, language: str | None = None
) -> Preview:
    """Render what ``username`` would sign with ``meaning``; checks authority, asks no password."""
    meaning_enum = signing.parse_meaning(meaning)
    with db.read_session(actor=username) as session:  # a preview changes nothing
        audit = audits.get_audit(session, reference)
        user = users.find_user(session, username)
        signing.check_may_sign(session, audit, user, meaning_enum)
        mark = _trail_mark(session)
        if meaning_enum is SignatureMeaning.AUTHOR:
            lang = report_language(audit, language)
            problems = tuple(preissue.check(session, audit))
            head = trail.head_hash(session.connection())
            at, offset = signing.local_time_parts()
            pending = pending_author_info(user, at, offset)
            data, _ = render_pdf(
                session, audit, lang, signature_infos(session, audit, [pending]), head
            )
        else:
            version = signing.current_report_version(session, audit, fmt="pdf")
            assert version is not None  # check_may_sign saw the author's signature
            lang, problems, data = version.language, (), version.file_bytes
        return Preview(
            audit.reference,
            meaning_enum.value,
            audit.report_version,
            lang,
            data,
            hashlib.sha256(data).hexdigest(),
            problems,
            _statement(meaning_enum, lang),
            mark,
        )


def sign_report(
    db: Database,
    reference: str,
    *,
    username: str,
    password: str,
    meaning: str,
    language: str | None = None,
    shown: Preview | None = None,
    docx: bool = False,
) -> SignResult:
    """The ceremony. A wrong password counts towards the account lock and signs nothing."""
    meaning_enum = signing.parse_meaning(meaning)
    if docx:
        try:
            from auditapp.reports import docx as _docx_writer  # noqa: F401
        except ImportError:
            raise BadInput("DOCX output is not available in this build") from None
    with db.read_session() as session:
        # Unknown references and users fail before the password is tried (no attempt counted).
        audits.get_audit(session, reference)
    user_ref = users.authenticate(db, username, password)
    with db.session(actor=user_ref.username) as session:
        user = session.get(User, user_ref.id)
        assert user is not None
        signing.ensure_identity(user, password)  # writes only for an account without a key yet

    # Render and sign in a read session: the write lock is not held while the PDF is made, so
    # the window and other processes keep saving; the write below re-checks what was rendered.
    with db.read_session(actor=user_ref.username) as session:
        audit = audits.get_audit(session, reference)
        user = session.get(User, user_ref.id)
        assert user is not None
        signing.check_may_sign(session, audit, user, meaning_enum)
        if shown is not None and (
            shown.reference != audit.reference
            or shown.meaning != meaning_enum.value
            or shown.version != audit.report_version
        ):
            raise ReviewAgain("the preview shown was for another report or meaning; review again")
        identity = signing.open_identity(user, password)
        at, offset = signing.local_time_parts()
        rendered_mark, rendered_version = _trail_mark(session), audit.report_version
        if meaning_enum is SignatureMeaning.AUTHOR:
            lang = report_language(audit, language if shown is None else shown.language)
            problems = preissue.check(session, audit)
            if problems:
                listed = "; ".join(str(p) for p in problems[:5])
                more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
                raise Refused(
                    f"{len(problems)} problem(s) block issuing {audit.reference}: {listed}{more}"
                )
            if shown is not None and _content_changed_since(session, shown.trail_mark):
                raise ReviewAgain(
                    f"{audit.reference} changed after the preview was made; review again"
                )
            head = trail.head_hash(session.connection())
            unsigned, placements = render_pdf(
                session,
                audit,
                lang,
                signature_infos(session, audit, [pending_author_info(user, at, offset)]),
                head,
            )
        else:
            version = signing.current_report_version(session, audit, fmt="pdf")
            assert version is not None
            lang, head, placements = version.language, version.trail_head, {}
            unsigned = version.file_bytes
            if shown is not None and shown.sha256 != hashlib.sha256(unsigned).hexdigest():
                raise ReviewAgain("the stored report differs from the one shown; review again")
        signed_sha256 = hashlib.sha256(unsigned).hexdigest()
        signed = pades.sign_pdf(
            unsigned,
            private_key=identity.private_key,
            certificate_pem=identity.certificate_pem,
            meaning=meaning_enum.value,
            stamp_lines=signer_stamp_lines(
                user,
                meaning_enum,
                at,
                offset,
                signed_sha256,
                head,
                lang,
                audit.reference,
                audit.report_version,
                identity.fingerprint,
            ),
            reason=_statement(meaning_enum, "en"),
            signer_name=user.full_name,
            placements=placements,
            signing_time=at,
        )

    with db.session(actor=user_ref.username) as session:
        audit = audits.get_audit(session, reference)
        user = session.get(User, user_ref.id)
        assert user is not None
        if audit.report_version != rendered_version or _changed_since(
            session, rendered_mark, SIGNING_STATE_ENTITIES
        ):
            raise ReviewAgain(
                f"{audit.reference} changed while the report was being signed; "
                "nothing was signed, review again"
            )
        record = signing.SignatureRecord(
            meaning=meaning_enum,
            signed_at=at,
            utc_offset=offset,
            signed_sha256=signed_sha256,
            certificate_sha256=identity.fingerprint,
            file_bytes=signed,
            trail_head=head,
            language=lang,
        )
        signature = signing.record_signature(session, audit, user, record)
        docx_bytes = p7s = None
        if docx:
            # Rendered here, after the signature is recorded: the editable copy shows what
            # signing changed (issue date, due dates) and is recorded with it or not at all.
            from auditapp.reports.build import SignatureInfo

            infos = signature_infos(session, audit, [])
            docx_bytes = render_docx(session, audit, lang, infos, head, meaning_enum.value)
            p7s = pades.sign_detached(
                docx_bytes,
                private_key=identity.private_key,
                certificate_pem=identity.certificate_pem,
            )
            assert all(isinstance(i, SignatureInfo) for i in infos)
            trail.record_event(
                session.connection(),
                user=user.username,
                action="sign-docx",
                entity="report_version",
                entity_id=str(signature.report_version_id),
                detail=json.dumps(
                    {
                        "audit": audit.reference,
                        "meaning": meaning_enum.value,
                        "docx_sha256": hashlib.sha256(docx_bytes).hexdigest(),
                        "p7s_sha256": hashlib.sha256(p7s).hexdigest(),
                    },
                    sort_keys=True,
                ),
            )
        return SignResult(
            reference=audit.reference,
            version=audit.report_version,
            meaning=meaning_enum.value,
            printed_name=user.full_name,
            role=user.role,
            signed_at=at,
            utc_offset=offset,
            signed_sha256=signed_sha256,
            certificate_sha256=identity.fingerprint,
            pdf_bytes=signed,
            docx_bytes=docx_bytes,
            p7s_bytes=p7s,
            locked=audit.locked,
            final=meaning_enum is SignatureMeaning.APPROVER,
        )
