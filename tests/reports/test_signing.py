"""Sign-off: the ceremony, PAdES signatures checked by pdfsig and by `auditapp verify`, tampering."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from auditapp.core import audits, signing, users
from auditapp.core.models import ReportVersion, Signature, TrailEntry, User
from auditapp.core.trail_format import expand_all
from auditapp.errors import BadInput, Refused
from auditapp.reports import pades, signoff
from tests.conftest import copy_signed_demo, require_tool, run_as, run_cli

PASSWORD = "demo-password-1"
REF = "AUD-2026-001"


def _reference(db) -> str:
    with db.session() as s:
        return audits.summaries(s)[0].reference


@pytest.fixture(scope="module")
def signed(signed_demo, tmp_path_factory: pytest.TempPathFactory):
    """One demo database signed by the author and countersigned by the approver (this module's
    copy of the run's ``signed_demo``)."""
    folder = tmp_path_factory.mktemp("signed")
    path = copy_signed_demo(signed_demo, folder)
    pdf = folder / "signed.pdf"
    pdf.write_bytes(signed_demo["approver"].pdf_bytes)
    return {
        "db": path,
        "pdf": pdf,
        "author": signed_demo["author"],
        "approver": signed_demo["approver"],
        "ref": signed_demo["ref"],
    }


def _pdfsig(path: Path) -> str:
    require_tool("pdfsig")
    # pdfsig's exit code says nothing useful: read its output.
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_author_and_approver_signatures_are_valid_for_pdfsig_and_verify(signed) -> None:
    out = _pdfsig(signed["pdf"])
    assert out.count("Signature is Valid.") == 2, out
    assert "Signature is Invalid" not in out
    result = run_cli("verify", str(signed["pdf"]), "--db", str(signed["db"]))
    assert result.returncode == 0, result.stderr
    assert "VALID" in result.stdout
    assert "author: Dr. Anna Becker" in result.stdout
    assert "approver: Thomas Keller" in result.stdout
    assert "trusted: AuditApp signer demo.lead" in result.stdout
    # The countersignature extends the author's bytes: what the author signed is untouched.
    assert signed["approver"].pdf_bytes.startswith(signed["author"].pdf_bytes)
    assert (
        signed["approver"].signed_sha256
        == __import__("hashlib").sha256(signed["author"].pdf_bytes).hexdigest()
    )


def test_signatures_are_recorded_with_their_manifestation(signed) -> None:
    from auditapp.core.db import open_database

    db = open_database(signed["db"])
    try:
        with db.session() as s:
            audit = audits.get_audit(s, signed["ref"])
            assert audit.locked and audit.status == "final"
            sigs = signing.current_signatures(s, audit)
            assert [(x.meaning, x.printed_name) for x in sigs] == [
                ("author", "Dr. Anna Becker"),
                ("approver", "Thomas Keller"),
            ]
            for sig in sigs:
                assert sig.signed_at.tzinfo is not None and sig.utc_offset[0] in "+-"
                assert len(sig.signed_sha256) == 64 and len(sig.certificate_sha256) == 64
            version = s.scalar(select(ReportVersion).where(ReportVersion.audit_id == audit.id))
            assert version.file_bytes == signed["approver"].pdf_bytes
            assert len(version.trail_head) == 64
            events = s.scalars(select(TrailEntry).where(TrailEntry.action == "sign")).all()
            assert len(events) == 2
        with db.engine.connect() as connection:
            from auditapp.core import trail

            assert trail.verify(connection) == []
    finally:
        db.close()


def _signed_ranges(data: bytes) -> list[tuple[int, int]]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    ranges = []
    for sig in PdfFileReader(io.BytesIO(data)).embedded_signatures:
        br = [int(x) for x in sig.sig_object["/ByteRange"]]
        ranges += [(br[0], br[0] + br[1]), (br[2], br[2] + br[3])]
    return ranges


def _changed_bytes(data: bytes) -> list[tuple[int, bytes]]:
    """The signed PDF with one byte changed, at positions spread over every signed range."""
    positions = set()
    for start, end in _signed_ranges(data):
        span = end - start
        positions |= {start + 10, start + span // 3, start + span // 2, end - 40}
    changed = []
    for pos in sorted(positions):
        bad = bytearray(data)
        bad[pos] = (bad[pos] + 1) % 256 if bad[pos] != 0x20 else 0x21
        changed.append((pos, bytes(bad)))
    return changed


def test_any_changed_byte_in_a_signed_range_is_invalid(signed) -> None:
    for pos, bad in _changed_bytes(signed["pdf"].read_bytes()):
        report = pades.verify_pdf(bad)
        assert not report.valid, f"change at byte {pos} not detected"


def test_outside_tools_and_the_command_line_see_a_changed_byte_too(signed, tmp_path: Path) -> None:
    for n, (pos, bad) in enumerate(_changed_bytes(signed["pdf"].read_bytes())):
        if n % 3 == 0:  # a sample of positions
            path = tmp_path / f"bad{pos}.pdf"
            path.write_bytes(bad)
            assert _pdfsig(path).count("Signature is Valid.") < 2, pos
            result = run_cli("verify", str(path))
            assert result.returncode == 1, (pos, result.stdout, result.stderr)


def test_an_update_appended_after_the_last_signature_is_invalid(signed, tmp_path: Path) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    data = signed["pdf"].read_bytes()
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 400 Td (Finding withdrawn) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "appended.pdf"
    path.write_bytes(out.getvalue())
    # pdfsig checks only the signed byte ranges and still says valid (DESIGN.md 7) ...
    assert _pdfsig(path).count("Signature is Valid.") == 2
    # ... our verify judges what changed after each signature.
    result = run_cli("verify", str(path))
    assert result.returncode == 1
    assert "changed after this signature" in result.stdout


def test_wrong_password_signs_nothing_and_counts_an_attempt(demo_db) -> None:
    ref = _reference(demo_db)
    with demo_db.engine.connect() as c:
        before = c.execute(select(func.count()).select_from(TrailEntry)).scalar()
    with pytest.raises(Refused, match="wrong username or password"):
        signoff.sign_report(
            demo_db, ref, username="demo.lead", password="not-the-password", meaning="author"
        )
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(ReportVersion)) == 0
        assert s.scalar(select(func.count()).select_from(Signature)) == 0
        assert not audits.get_audit(s, ref).locked
        assert users.find_user(s, "demo.lead").failed_attempts == 1
        new = s.scalars(select(TrailEntry).order_by(TrailEntry.id).offset(before)).all()
        assert {(e.entity, e.field) for e in expand_all(new)} == {("user", "failed_attempts")}


def test_wrong_password_on_the_command_line(demo_db, tmp_path: Path) -> None:
    ref = _reference(demo_db)
    out = tmp_path / "x.pdf"
    result = run_cli(
        "sign",
        ref,
        "--db",
        str(demo_db.path),
        "--user",
        "demo.lead",
        "--meaning",
        "author",
        "--password-stdin",
        "-o",
        str(out),
        stdin="wrong-one-123\n",
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: wrong username or password")
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_who_may_sign_and_in_which_order(demo_db) -> None:
    ref = _reference(demo_db)
    with pytest.raises(Refused, match="author must sign"):
        signoff.sign_report(demo_db, ref, username="demo.qa", password=PASSWORD, meaning="approver")
    with pytest.raises(Refused, match="neither the lead auditor nor on the team"):
        signoff.sign_report(demo_db, ref, username="demo.qa", password=PASSWORD, meaning="author")
    with pytest.raises(BadInput, match="unknown signature meaning"):
        signoff.sign_report(demo_db, ref, username="demo.qa", password=PASSWORD, meaning="owner")
    signoff.sign_report(demo_db, ref, username="demo.lead", password=PASSWORD, meaning="author")
    with pytest.raises(Refused, match="as author and cannot also sign as approver"):
        signoff.sign_report(
            demo_db, ref, username="demo.lead", password=PASSWORD, meaning="approver"
        )
    with pytest.raises(Refused, match="already has a author"):
        signoff.sign_report(demo_db, ref, username="demo.lead", password=PASSWORD, meaning="author")
    # The same person cannot review and then approve one version either.
    signoff.sign_report(demo_db, ref, username="demo.qa", password=PASSWORD, meaning="reviewer")
    with pytest.raises(Refused, match="as reviewer and cannot also sign as approver"):
        signoff.sign_report(demo_db, ref, username="demo.qa", password=PASSWORD, meaning="approver")
    # A one-person organisation may switch the four-eyes rule off; it is on by default.
    from auditapp.core import settings

    with demo_db.session(actor="demo.lead") as s:
        assert settings.separate_signers(s)
        settings.set_separate_signers(s, False)
    signoff.sign_report(demo_db, ref, username="demo.qa", password=PASSWORD, meaning="approver")


def test_preview_shows_the_bytes_the_countersigner_signs(demo_db) -> None:
    ref = _reference(demo_db)
    shown = signoff.preview(demo_db, ref, meaning="author", username="demo.lead")
    assert shown.problems == () and shown.pdf_bytes.startswith(b"%PDF")
    signoff.sign_report(
        demo_db, ref, username="demo.lead", password=PASSWORD, meaning="author", shown=shown
    )
    shown = signoff.preview(demo_db, ref, meaning="reviewer", username="demo.qa")
    result = signoff.sign_report(
        demo_db, ref, username="demo.qa", password=PASSWORD, meaning="reviewer", shown=shown
    )
    assert result.signed_sha256 == shown.sha256
    assert result.pdf_bytes.startswith(shown.pdf_bytes)


def test_keys_are_wrapped_under_the_password_and_rewrapped_on_change(db) -> None:
    with db.session() as s:
        user = users.create_user(
            s,
            username="ann",
            full_name="Ann Example",
            role="lead_auditor",
            password="first-password-1",
        )
        assert user.certificate_pem.startswith("-----BEGIN CERTIFICATE-----")
        assert b"PRIVATE KEY" not in user.wrapped_private_key
        fp = signing.open_identity(user, "first-password-1").fingerprint
        with pytest.raises(Refused, match="does not open"):
            signing.open_identity(user, "wrong-password-1")
    users.change_password(db, "ann", "first-password-1", "second-password-2")
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == "ann"))
        assert signing.open_identity(user, "second-password-2").fingerprint == fp
        with pytest.raises(Refused):
            signing.open_identity(user, "first-password-1")


def test_pkcs12_import_and_certificate_export(db, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    with db.session() as s:
        users.create_user(
            s,
            username="ann",
            full_name="Ann Example",
            role="lead_auditor",
            password="first-password-1",
        )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    probe = User(username="ann", full_name="Ann Example (Org PKI)", role="lead_auditor")
    cert = signing.certificates(signing.make_certificate(probe, key))[0]
    p12 = pkcs12.serialize_key_and_certificates(
        b"ann", key, cert, None, BestAvailableEncryption(b"p12-secret")
    )
    (tmp_path / "ann.p12").write_bytes(p12)
    result = run_cli(
        "user",
        "import-p12",
        "ann",
        str(tmp_path / "ann.p12"),
        "--db",
        str(db.path),
        "--password-stdin",
        stdin="first-password-1\nwrong\n",
    )
    assert result.returncode == 2 and "cannot open the PKCS#12" in result.stderr
    result = run_cli(
        "user",
        "import-p12",
        "ann",
        str(tmp_path / "ann.p12"),
        "--db",
        str(db.path),
        "--password-stdin",
        stdin="first-password-1\np12-secret\n",
    )
    assert result.returncode == 0, result.stderr
    result = run_as(
        "ann",
        "user",
        "cert",
        "ann",
        "-o",
        str(tmp_path / "ann.pem"),
        "--db",
        str(db.path),
        password="first-password-1",
    )
    assert result.returncode == 0, result.stderr
    assert signing.fingerprint(cert) in result.stdout
    assert signing.certificate_fingerprint_of_pem(
        (tmp_path / "ann.pem").read_text()
    ) == signing.fingerprint(cert)


def test_verify_bad_input_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("hello")
    for args, code, text in [
        ((str(tmp_path / "missing.pdf"),), 2, "no such file"),
        ((str(tmp_path / "note.txt"),), 2, "neither a PDF nor a DOCX"),
    ]:
        result = run_cli("verify", *args)
        assert result.returncode == code, result.stderr
        assert result.stderr.startswith("error:") and text in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    (tmp_path / "r.docx").write_bytes(b"PK\x03\x04 not really")
    result = run_cli("verify", str(tmp_path / "r.docx"))
    assert result.returncode == 2 and "no detached signature r.docx.p7s" in result.stderr
    (tmp_path / "unsigned.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")
    result = run_cli("verify", str(tmp_path / "unsigned.pdf"))
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_detached_cms_over_docx_verifies_with_openssl(db, tmp_path: Path) -> None:
    import docx

    openssl = require_tool("openssl")
    with db.session() as s:
        user = users.create_user(
            s,
            username="ann",
            full_name="Ann Example",
            role="lead_auditor",
            password="first-password-1",
        )
        identity = signing.open_identity(user, "first-password-1")
    document = docx.Document()
    document.add_paragraph("Signed by Ann Example, author, 2026-11-20 14:03 UTC\r\nline two")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    target = tmp_path / "report.docx"
    target.write_bytes(data)
    p7s = pades.sign_detached(
        data, private_key=identity.private_key, certificate_pem=identity.certificate_pem
    )
    (tmp_path / "report.docx.p7s").write_bytes(p7s)
    (tmp_path / "cert.pem").write_text(identity.certificate_pem)
    result = subprocess.run(
        [
            openssl,
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            str(tmp_path / "report.docx.p7s"),
            "-content",
            str(target),
            "-purpose",
            "any",
            "-CAfile",
            str(tmp_path / "cert.pem"),
            "-out",
            str(tmp_path / "out.bin"),
        ],
        capture_output=True,
        text=True,
    )
    assert "Verification successful" in result.stderr, result.stderr
    assert run_cli("verify", str(target), "--db", str(db.path)).returncode == 0
    target.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    result = run_cli("verify", str(target), "--db", str(db.path))
    assert result.returncode == 1 and "MODIFIED" in result.stdout


def test_signing_with_docx_output(demo_db, tmp_path: Path) -> None:
    ref = _reference(demo_db)
    out, docx_path = tmp_path / "r.pdf", tmp_path / "r.docx"
    result = run_cli(
        "sign",
        ref,
        "--db",
        str(demo_db.path),
        "--user",
        "demo.lead",
        "--meaning",
        "author",
        "--password-stdin",
        "-o",
        str(out),
        "--docx",
        str(docx_path),
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.docx.p7s").exists()
    check = run_cli("verify", str(docx_path), "--db", str(demo_db.path))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "author" in check.stdout
