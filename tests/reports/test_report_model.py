"""The report model and its edge cases: hostile text, unknown blocks, bad input, evidence."""

from __future__ import annotations

import dataclasses
import io

import pytest
from PIL import Image

from auditapp.core import audits, findings
from auditapp.core.models import Evidence, EvidenceBlob, EvidenceLink
from auditapp.errors import AuditAppError, BadInput, NotFound
from auditapp.reports import build, export
from auditapp.reports.document import Document, Meta, Paragraph, UnknownBlock


@pytest.fixture
def reference(demo_db) -> str:
    with demo_db.session() as s:
        return audits.summaries(s)[0].reference


def _text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages).split()
    )


@dataclasses.dataclass(frozen=True)
class Strange:
    text: str


def test_unknown_block_raises_in_both_writers():
    from auditapp.reports.docx import render_docx
    from auditapp.reports.pdf import render_pdf

    meta = Meta(
        title="t",
        reference="AUD-2026-001",
        version_label="1",
        language="en",
        organisation="o",
        author="a",
        confidentiality="c",
        footer_text="",
        page_label="Page {page} of {pages}",
    )
    document = Document(meta, (Paragraph.of("fine"), Strange("x")))  # type: ignore[arg-type]
    with pytest.raises(UnknownBlock):
        render_pdf(document)
    with pytest.raises(UnknownBlock):
        render_docx(document)


def test_hostile_text_renders_escaped(demo_db, reference):
    hostile = "<b>not bold</b> & <font name='x'> ]]> [1] \\ 😀 שלום مرحبا ẞ"
    long_text = (hostile + " " + "lorem ipsum " * 40 + "\n\n") * 120
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, reference)
        findings.update_finding(
            s,
            audit,
            1,
            title=f"Title {hostile}",
            observation=(long_text + "Z" * 5000)[:100_000],
            recommendation=long_text[:100_000],
        )
    data = export.export_report(demo_db, reference, fmt="pdf", language="en")
    text = _text(data)
    assert "<b>not bold</b> & <font name='x'> ]]> [1]" in text
    docx_data = export.export_report(demo_db, reference, fmt="docx", language="de")
    assert len(docx_data) > 10_000


def test_bad_input_is_one_clear_error(demo_db, reference, tmp_path):
    with pytest.raises(NotFound):
        export.export_report(demo_db, "AUD-2099-999", fmt="pdf")
    with pytest.raises(BadInput):
        export.export_report(demo_db, reference, fmt="odt")
    with pytest.raises(BadInput):
        export.export_report(demo_db, reference, fmt="pdf", language="fr")
    with pytest.raises(BadInput):
        export.export_report(demo_db, reference, fmt="pdf", sections=["findings", "gossip"])
    with pytest.raises(AuditAppError):
        export.write_report(demo_db, reference, tmp_path / "missing" / "r.pdf")
    assert not (tmp_path / "missing").exists()


def test_cli_report_and_errors(demo_db, reference, tmp_path):
    from conftest import run_cli

    out = tmp_path / "r.docx"
    done = run_cli(
        "--db",
        str(demo_db.path),
        "report",
        reference,
        "--format",
        "docx",
        "--lang",
        "de",
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000
    bad = run_cli(
        "--db", str(demo_db.path), "report", "AUD-2099-001", "-o", str(tmp_path / "x.pdf")
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("error:") and "Traceback" not in bad.stderr
    assert not (tmp_path / "x.pdf").exists()


def _photo(colour: str, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=80)
    return out.getvalue()


def _add_evidence(db, reference: str, *, number: int, confidential: bool) -> str:
    import hashlib

    original = _photo("red", (64, 48)) + bytes([number])
    digest = hashlib.sha256(original).hexdigest()
    with db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, reference)
        s.add(EvidenceBlob(sha256=digest, size=len(original), data=original))
        s.flush()
        item = Evidence(
            audit_id=audit.id,
            number=number,
            sha256=digest,
            file_name=f"p{number}.jpg",
            media_type="image/jpeg",
            size=len(original),
            caption=f"Caption {number}",
            confidential=confidential,
            display_image=_photo("navy", (1600, 1200)),
            thumbnail=_photo("navy", (256, 192)),
        )
        s.add(item)
        s.flush()
        finding = findings.get_finding(s, audit, 1)
        s.add(EvidenceLink(evidence_id=item.id, finding_id=finding.id))
    return digest


def test_evidence_shown_and_confidential_withheld(demo_db, reference):
    open_hash = _add_evidence(demo_db, reference, number=1, confidential=False)
    secret_hash = _add_evidence(demo_db, reference, number=2, confidential=True)
    with demo_db.session() as s:
        document = build.build_report(s, audits.get_audit(s, reference), language="en")
    figures = [f for b in document.blocks if hasattr(b, "figures") for f in b.figures]
    assert [f.caption[0] for f in figures] == ["E-001  Caption 1"]
    text = _text(export.export_report(demo_db, reference, fmt="pdf", language="en"))
    assert open_hash[:32] in text.replace(" ", "") and secret_hash[:32] not in text.replace(" ", "")
    assert "1 confidential evidence item is not included" in text
    full = _text(export.export_report(demo_db, reference, fmt="pdf", include_confidential=True))
    assert secret_hash[:32] in full.replace(" ", "")


def test_signatures_fill_the_signature_page(demo_db, reference):
    import datetime as dt

    signed = build.SignatureInfo(
        "author", "Dr. Anna Becker", "lead_auditor", dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
    )
    with demo_db.session() as s:
        document = build.build_report(
            s, audits.get_audit(s, reference), language="de", signatures=[signed]
        )
    from auditapp.reports.pdf import render_pdf_layout

    data, layout = render_pdf_layout(document)
    assert set(layout.signature_boxes) == {"author", "reviewer", "approver"}
    text = _text(data)
    assert (
        "Dr. Anna Becker" in text
        and "20.11.2026" in text
        and "Ich habe diesen Bericht verfasst" in text
    )


def test_sections_can_be_left_out(demo_db, reference):
    with demo_db.session() as s:
        document = build.build_report(
            s, audits.get_audit(s, reference), language="en", sections=["summary", "findings"]
        )
    titles = [h.text for h in document.headings() if h.level == 1]
    assert titles == ["1  Executive summary", "2  Findings"]
    assert not any("Checklist responses" in t for t in titles)
    from auditapp.reports.docx import render_docx
    from auditapp.reports.pdf import render_pdf

    assert "F-10" in _text(render_pdf(document)) and len(render_docx(document)) > 10_000


def test_progress_reaches_100(demo_db, reference):
    seen: list[int] = []
    export.export_report(demo_db, reference, fmt="pdf", progress=lambda p, stage: seen.append(p))
    assert seen[0] < 40 < seen[-2] <= 95 and seen[-1] == 100 and seen == sorted(seen)
    assert [s[0] for s in build.available_sections("de")][:2] == ["document_control", "contents"]


def test_bare_audit_renders(db):
    from auditapp.core import checklists
    from auditapp.core.models import AuditType

    with db.session(actor="tester") as s:
        audit = audits.create_audit(
            s,
            title="Bare audit",
            audit_type=AuditType.FOR_CAUSE,
            checklist=checklists.get(s, "cro-gcp-audit"),
            area_ids=["ORG"],
        )
        reference = audit.reference
    for fmt in ("pdf", "docx"):
        for language in ("en", "de"):
            assert len(export.export_report(db, reference, fmt=fmt, language=language)) > 5_000
            assert len(export.export_certificate(db, reference, fmt=fmt, language=language)) > 3_000
    text = _text(export.export_report(db, reference, fmt="pdf", language="de"))
    assert "Es wurden keine Feststellungen getroffen." in text
