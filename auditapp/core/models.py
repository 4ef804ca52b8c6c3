"""The domain model: typed SQLAlchemy 2 entities.

Every table except the trail itself and the evidence byte store is tracked by the audit trail
(see trail.py). Columns whose values must not be copied into the trail carry
``info={"trail": "digest"}``: the trail then records a SHA-256 of the value instead.
"""

# Over 400 lines: the whole schema stays in one module on purpose. The entities refer to one
# another by name in relationship() and share one MetaData, which the migration test compares
# with the migrations as a whole; one file is what a reviewer diffs against a migration.

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship

# Imported for its attribute events: every text column is normalised on assignment.
from auditapp.core import text_rules  # noqa: F401

# Also imported for its mapper event: when a travelling record gets its team-work uid.
from auditapp.core.team_uids import new_uid

# Light enumerations live apart so that the CLI and the first screen load without SQLAlchemy.
from auditapp.core.vocabulary import AuditStatus as AuditStatus
from auditapp.core.vocabulary import Classification as Classification
from auditapp.core.vocabulary import Language as Language
from auditapp.core.vocabulary import StrEnum as StrEnum
from auditapp.core.vocabulary import codes as codes

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _uid() -> Mapped[str | None]:
    # Empty until team work needs it (team_uids.py: at the first hand out, through the ORM so that
    # the trail records it, or at creation in a shared audit); no default here.
    return mapped_column(String(36))


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores aware datetimes as UTC and returns them aware, so no naive time leaks out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; AuditApp stores aware UTC times only")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: object
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Role(StrEnum):
    LEAD_AUDITOR = "lead_auditor"
    AUDITOR = "auditor"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class AuditType(StrEnum):
    VENDOR_QUALIFICATION = "vendor_qualification"
    ROUTINE_SYSTEM = "routine_system"
    STUDY_SPECIFIC = "study_specific"
    FOR_CAUSE = "for_cause"
    PRE_INSPECTION = "pre_inspection"


class ResponseResult(StrEnum):
    COMPLIANT = "compliant"
    PARTIALLY_COMPLIANT = "partially_compliant"
    NON_COMPLIANT = "non_compliant"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"


class FindingStatus(StrEnum):
    OPEN = "open"
    RESPONSE_RECEIVED = "response_received"
    CAPA_ACCEPTED = "capa_accepted"
    CLOSED = "closed"


class OrganisationKind(StrEnum):
    SPONSOR = "sponsor"
    CRO = "cro"
    AUDITOR_ORG = "auditor_org"


class SignatureMeaning(StrEnum):
    AUTHOR = "author"
    REVIEWER = "reviewer"
    APPROVER = "approver"


def _enum_values(e: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in e]


def _enum(e: type[enum.Enum], length: int = 32) -> Enum:
    # The lowercase values are stored as VARCHAR(32), no SQL enum and no CHECK constraint:
    # adding a value later needs no table rebuild, and the stored text is what it always was.
    # Reading back gives the enum member; an unknown stored value is an error, not a string.
    return Enum(
        e,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=_enum_values,
        validate_strings=True,
    )


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(_enum(Role))
    email: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200), info={"trail": "digest"})
    password_changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Signing identity (filled by signing.py): certificate in PEM, private key wrapped under a
    # key derived from the password.
    certificate_pem: Mapped[str | None] = mapped_column(Text)
    wrapped_private_key: Mapped[bytes | None] = mapped_column(LargeBinary, info={"trail": "digest"})
    # argon2id hash of the administrator's one-time recovery code (users.issue_recovery_code).
    recovery_hash: Mapped[str | None] = mapped_column(String(200), info={"trail": "digest"})


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[OrganisationKind] = mapped_column(_enum(OrganisationKind))
    legal_name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str] = mapped_column(Text, default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")


class Study(Base):
    __tablename__ = "study"

    id: Mapped[int] = mapped_column(primary_key=True)
    protocol_number: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[str] = mapped_column(String(20), default="")
    indication: Mapped[str] = mapped_column(String(300), default="")
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))


class Audit(Base):
    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    audit_type: Mapped[AuditType] = mapped_column(_enum(AuditType))
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    auditee_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    locations: Mapped[str] = mapped_column(Text, default="")
    mode: Mapped[str] = mapped_column(String(20), default="on_site")  # on_site, remote, hybrid
    objectives: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    criteria_editions: Mapped[str] = mapped_column(String(10), default="R2+R3")  # R2, R3, R2+R3
    other_criteria: Mapped[str] = mapped_column(Text, default="")
    planned_start: Mapped[dt.date | None] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    actual_start: Mapped[dt.date | None] = mapped_column(Date)
    actual_end: Mapped[dt.date | None] = mapped_column(Date)
    lead_auditor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    language: Mapped[Language] = mapped_column(_enum(Language, 5), default=Language.EN)
    status: Mapped[AuditStatus] = mapped_column(_enum(AuditStatus), default=AuditStatus.PLANNED)
    conclusion: Mapped[str] = mapped_column(Text, default="")
    overall_rating: Mapped[str] = mapped_column(String(40), default="")
    sampling: Mapped[str] = mapped_column(Text, default="")
    positive_observations: Mapped[str] = mapped_column(Text, default="")
    distribution: Mapped[str] = mapped_column(Text, default="")
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    report_version: Mapped[int] = mapped_column(Integer, default=1)
    # The date the current report version was issued (the author's signature); CAPA due dates
    # given as "days after issue" count from it.
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    # Finding and evidence numbers are never reused, so F-03 means one thing for ever.
    last_finding_number: Mapped[int] = mapped_column(Integer, default=0)
    last_evidence_number: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The audit's identity across working copies (a co-auditor's copy keeps the lead's uid);
    # empty until the audit is first handed out (team_uids.py).
    uid: Mapped[str | None] = mapped_column(String(36), unique=True)

    sponsor: Mapped[Organisation | None] = relationship(foreign_keys=[sponsor_id])
    auditee: Mapped[Organisation | None] = relationship(foreign_keys=[auditee_id])
    lead_auditor: Mapped[User | None] = relationship()
    studies: Mapped[list[AuditStudy]] = relationship(cascade="all, delete-orphan")
    team: Mapped[list[TeamMember]] = relationship(cascade="all, delete-orphan")
    participants: Mapped[list[AuditeeParticipant]] = relationship(cascade="all, delete-orphan")
    documents: Mapped[list[DocumentReviewed]] = relationship(cascade="all, delete-orphan")
    findings: Mapped[list[Finding]] = relationship(
        cascade="all, delete-orphan", order_by="Finding.position"
    )
    responses: Mapped[list[Response]] = relationship(cascade="all, delete-orphan")
    snapshot: Mapped[ChecklistSnapshot | None] = relationship(cascade="all, delete-orphan")


class AuditStudy(Base):
    __tablename__ = "audit_study"
    __table_args__ = (UniqueConstraint("audit_id", "study_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    study_id: Mapped[int] = mapped_column(ForeignKey("study.id"))
    study: Mapped[Study] = relationship()


class TeamMember(Base):
    __tablename__ = "team_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(
        String(40), default="co_auditor"
    )  # lead, co_auditor, expert...
    qualification: Mapped[str] = mapped_column(Text, default="")
    uid: Mapped[str | None] = _uid()


class AuditeeParticipant(Base):
    __tablename__ = "auditee_participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    function: Mapped[str] = mapped_column(String(200), default="")
    opening_meeting: Mapped[bool] = mapped_column(Boolean, default=False)
    closing_meeting: Mapped[bool] = mapped_column(Boolean, default=False)
    interviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    uid: Mapped[str | None] = _uid()


class DocumentReviewed(Base):
    __tablename__ = "document_reviewed"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text)
    identifier: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[str] = mapped_column(String(40), default="")
    document_date: Mapped[dt.date | None] = mapped_column(Date)
    uid: Mapped[str | None] = _uid()


class ChecklistContent(Base):
    """One checklist text, stored once however many audits use it, keyed by its SHA-256.

    Content-addressed rows never change, so they carry their own proof (the key is the hash of
    the content) instead of a copy in the trail; the trail records the snapshot's hash.
    """

    __tablename__ = "checklist_content"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content_json: Mapped[str] = mapped_column(Text)
    # Counted once when stored, so the audit list need not parse any checklist.
    question_count: Mapped[int] = mapped_column(Integer)


class ChecklistSnapshot(Base):
    """The checklist exactly as it was when the audit began; later templates never change it."""

    __tablename__ = "checklist_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), unique=True)
    checklist_id: Mapped[str] = mapped_column(String(100))
    checklist_version: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(ForeignKey("checklist_content.sha256"))
    areas_in_scope: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of area ids
    taken_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    content: Mapped[ChecklistContent] = relationship()

    @property
    def content_json(self) -> str:
        return self.content.content_json


class ChecklistTemplate(Base):
    """An imported checklist version available for new audits."""

    __tablename__ = "checklist_template"
    __table_args__ = (UniqueConstraint("checklist_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(20))
    content_json: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Response(Base):
    __tablename__ = "response"
    __table_args__ = (UniqueConstraint("audit_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(40))
    result: Mapped[ResponseResult | None] = mapped_column(_enum(ResponseResult))
    notes: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(64), default="")
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Left empty: answers travel matched by their question. Filled in databases of schema 0012
    # made before team_uids.py, where it stays (harmless, and the trail holds those values).
    uid: Mapped[str | None] = _uid()


class Finding(Base):
    __tablename__ = "finding"
    __table_args__ = (UniqueConstraint("audit_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)  # shown as F-01; never reused in an audit
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    classification: Mapped[Classification] = mapped_column(_enum(Classification))
    area: Mapped[str] = mapped_column(String(40), default="")
    observation: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    references_json: Mapped[str] = mapped_column(Text, default="[]")
    question_ids_json: Mapped[str] = mapped_column(Text, default="[]")
    risk: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(Text, default="")
    capa_due_date: Mapped[dt.date | None] = mapped_column(Date)
    # Due "N days after the report is issued" until the report is issued (then the date is set).
    capa_due_days: Mapped[int | None] = mapped_column(Integer)
    # Critical-finding escalation: when and to whom the sponsor was told during the audit, and
    # the auditor's view whether it may be a serious breach (EU CTR Art. 52).
    sponsor_informed_on: Mapped[dt.date | None] = mapped_column(Date)
    # Nullable: rows made before these columns existed hold NULL, which their trail agrees with.
    sponsor_informed_to: Mapped[str | None] = mapped_column(String(200), default="")
    breach_assessment: Mapped[str | None] = mapped_column(String(32), default="")
    breach_note: Mapped[str | None] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    auditee_response: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[FindingStatus] = mapped_column(_enum(FindingStatus), default=FindingStatus.OPEN)
    repeat_finding: Mapped[bool] = mapped_column(Boolean, default=False)
    # The earlier finding this one repeats, as people cite it ("AUD-2025-003 F-02"): a human
    # reference survives export to another database, an internal id would not.
    repeat_of: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    uid: Mapped[str | None] = _uid()


class CapaEventKind(StrEnum):
    RESPONSE = "response"  # the auditee's CAPA plan (root cause, correction, actions, owner, date)
    ASSESSMENT = "assessment"  # the auditor's decision on the latest plan
    EXTENSION = "extension"  # a new deadline, with reason and approver
    EVIDENCE = "evidence"  # completion evidence (evidence items and/or a text reference)
    EFFECTIVENESS_PLAN = "effectiveness_plan"  # when effectiveness will be checked
    EFFECTIVENESS = "effectiveness"  # the result of that check
    CLOSURE = "closure"


class CapaEvent(Base):
    """One step of a finding's CAPA follow-up; rows are appended, never edited (capa.py).

    The follow-up's state is derived from the whole sequence, so a rejected plan and its
    revision both stay visible. Follow-up continues after the report is final; these rows never
    touch the signed report.
    """

    __tablename__ = "capa_event"
    __table_args__ = (Index("ix_capa_event_finding", "finding_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    finding_id: Mapped[int] = mapped_column(ForeignKey("finding.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(_enum(CapaEventKind))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    source: Mapped[str] = mapped_column(String(300), default="")  # "" or the imported file
    root_cause: Mapped[str] = mapped_column(Text, default="")
    correction: Mapped[str] = mapped_column(Text, default="")
    corrective_action: Mapped[str] = mapped_column(Text, default="")
    preventive_action: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    # Response: the target date of the plan; extension and effectiveness plan: the new date.
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    # Assessment: accepted, more_information, rejected; effectiveness: effective, not_effective;
    # extension: response or implementation (the deadline it moves).
    decision: Mapped[str] = mapped_column(String(32), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    approver: Mapped[str] = mapped_column(String(200), default="")
    evidence_numbers_json: Mapped[str] = mapped_column(Text, default="[]")
    evidence_text: Mapped[str] = mapped_column(Text, default="")


class EvidenceBlob(Base):
    """Original evidence bytes, content-addressed; kept apart so listing evidence stays cheap."""

    __tablename__ = "evidence_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, info={"trail": "digest"}))


class Evidence(Base):
    __tablename__ = "evidence"
    __table_args__ = (Index("ix_evidence_audit", "audit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)  # shown as E-001
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_blob.sha256"))
    file_name: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    captured_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    capture_device: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(64), default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    display_image: Mapped[bytes | None] = deferred(
        mapped_column(LargeBinary, info={"trail": "digest"})
    )
    thumbnail: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, info={"trail": "digest"}))
    # What a PDF can run when opened (JavaScript, OpenAction, Launch...): "" when nothing.
    # The bytes are kept as evidence; the gallery and the viewer warn before opening them.
    active_content: Mapped[str] = mapped_column(String(200), default="")
    uid: Mapped[str | None] = _uid()


class EvidenceLink(Base):
    __tablename__ = "evidence_link"
    __table_args__ = (Index("ix_evidence_link_evidence", "evidence_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"))
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("finding.id", ondelete="CASCADE"))
    question_id: Mapped[str | None] = mapped_column(String(40))
    uid: Mapped[str | None] = _uid()


class ReportVersion(Base):
    """An issued report: immutable once written."""

    __tablename__ = "report_version"
    __table_args__ = (UniqueConstraint("audit_id", "version", "format", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(8))
    language: Mapped[Language] = mapped_column(_enum(Language, 5))
    file_bytes: Mapped[bytes] = deferred(mapped_column(LargeBinary, info={"trail": "digest"}))
    sha256: Mapped[str] = mapped_column(String(64))
    trail_head: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    reopen_reason: Mapped[str] = mapped_column(Text, default="")


class Signature(Base):
    __tablename__ = "signature"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_version_id: Mapped[int] = mapped_column(ForeignKey("report_version.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    printed_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40), default="")
    # Plain text, not Mapped[SignatureMeaning]: the audit certificate's signature is stored here
    # too, as "certificate" (reports/certificate_signing.py), which is no report meaning.
    meaning: Mapped[str] = mapped_column(String(32))
    signed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    utc_offset: Mapped[str] = mapped_column(String(8))
    signed_sha256: Mapped[str] = mapped_column(String(64))
    certificate_sha256: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)


class TeamCopy(Base):
    """This database's part in an audit's team work (team.py): the lead's copy or a working copy.

    ``base_json`` holds the values of every travelling record as last received from the lead:
    the common base of the three-way merge. It is large and only the merge reads it, so the trail
    records its digest.
    """

    __tablename__ = "team_copy"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), unique=True)
    replica_id: Mapped[str] = mapped_column(String(36), default=new_uid)
    role: Mapped[str] = mapped_column(String(20), default="lead")  # lead, co_auditor
    lead: Mapped[str] = mapped_column(String(200), default="")
    assignment_json: Mapped[str] = mapped_column(Text, default="{}")
    base_json: Mapped[str] = mapped_column(Text, default="{}", info={"trail": "digest"})


class TeamPackage(Base):
    """A team package written or applied here; applying one twice changes nothing."""

    __tablename__ = "team_package"
    __table_args__ = (UniqueConstraint("audit_id", "package_id", "direction"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    package_id: Mapped[str] = mapped_column(String(36))
    direction: Mapped[str] = mapped_column(String(10))  # written, applied
    kind: Mapped[str] = mapped_column(String(20))  # handout, handback
    replica_id: Mapped[str] = mapped_column(String(36), default="")
    person: Mapped[str] = mapped_column(String(200), default="")  # to or from whom
    signer_sha256: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    summary: Mapped[str] = mapped_column(Text, default="")
    # A hand back names the hand backs its copy wrote before it (JSON list of package ids), so
    # an older one arriving after a newer one is refused instead of undoing its values.
    earlier_json: Mapped[str] = mapped_column(Text, default="[]")


class TrailEntry(Base):
    """One change of the audit trail (a record inserted, updated or deleted, or an event);
    rows are only ever appended (see trail.py, trail_format.py)."""

    __tablename__ = "trail_entry"
    __table_args__ = (Index("ix_trail_entry_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 UTC, exactly as hashed
    user: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(100))
    # Every field the change touched, as one JSON text (trail_format.py explains the forms).
    changes: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    # SHA-256 over the previous row's hash and this row (the previous hash is not stored twice).
    hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class TrailCheckpoint(Base):
    """A keyed seal on the trail head, written with every committed change (checkpoint.py).

    The MAC needs the installation's checkpoint key, which is kept outside the database, so a
    trail re-chained with the sqlite3 shell no longer matches its checkpoints.
    """

    __tablename__ = "trail_checkpoint"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer)  # id of the last trail entry sealed
    head: Mapped[str] = mapped_column(String(64))  # that entry's hash
    at: Mapped[str] = mapped_column(String(40))
    user: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(32))
    prev_mac: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))


class CarriedTrailEntry(Base):
    """A trail entry of an imported audit as it was in the exporting database.

    Kept apart from the local chain (which it cannot join) with its original hashes, so each row
    stays verifiable against entry_hash(); the package signature vouches for the whole set.
    """

    __tablename__ = "carried_trail_entry"
    __table_args__ = (Index("ix_carried_trail_entry_audit", "audit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # the row id in the exporting database
    at: Mapped[str] = mapped_column(String(40))
    user: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(100))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # Packages from schema 0011 on carry compact rows: the changes JSON (field, old_value and
    # new_value stay empty) hashed with trail_format.entry_hash; older ones one row per field.
    changes: Mapped[str | None] = mapped_column(Text)
    package_signer: Mapped[str] = mapped_column(String(200), default="")


# Carried rows are verified by their own hashes; copying them into the local trail would only
# double it.
# checklist_content is content-addressed: trail.verify checks each row against its own key.
UNTRACKED_TABLES = frozenset(
    {"trail_entry", "trail_checkpoint", "carried_trail_entry", "checklist_content"}
)

# The full-text index (an FTS5 virtual table and its shadow tables) is kept by triggers the
# migrations create; it is not mapped, and schema comparisons leave it out.
SEARCH_TABLE = "search_index"


def is_mapped_schema_name(name: str | None, type_: str, parent_names: object) -> bool:
    """For Alembic's include_name: everything except the search index's tables."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLE))
