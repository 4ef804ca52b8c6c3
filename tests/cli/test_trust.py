"""Signer trust: a same-name certificate with another key never verifies as valid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from auditapp.core import users
from auditapp.reports import pades
from tests.conftest import copy_signed_demo, run_cli

PASSWORD = "demo-password-1"


def _key():
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _certificate(name: str, key, *, issuer=None, issuer_key=None, ca: bool = False) -> str:
    """A certificate in ``name`` (self-signed unless an issuer is given), as a forger makes it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.subject if issuer is not None else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(issuer_key or key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode()


@pytest.fixture(scope="module")
def signed(signed_demo, tmp_path_factory: pytest.TempPathFactory):
    """This module's copy of the run's signed demo (author and approver)."""
    from auditapp.core.db import open_database

    folder = tmp_path_factory.mktemp("trust")
    path = copy_signed_demo(signed_demo, folder)
    ref, author = signed_demo["ref"], signed_demo["author"]
    with open_database(path) as db, db.read_session() as s:
        certs = {u: users.find_user(s, u).certificate_pem for u in ("demo.lead", "demo.qa")}
    pdf = folder / "signed.pdf"
    pdf.write_bytes(signed_demo["approver"].pdf_bytes)
    for username, pem in certs.items():
        (folder / f"{username}.pem").write_text(pem)
    return {"db": path, "pdf": pdf, "author": author, "folder": folder, "ref": ref}


def _forge(data: bytes, name: str, meaning: str) -> bytes:
    key = _key()
    return pades.sign_pdf(
        data,
        private_key=key,
        certificate_pem=_certificate(name, key),
        meaning=meaning,
        stamp_lines=[f"Electronically signed: {name}"],
        reason="forged",
        signer_name=name,
    )


def test_forged_same_name_countersignature_is_not_trusted(signed, tmp_path: Path) -> None:
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(_forge(signed["author"].pdf_bytes, "Thomas Keller", "approver"))
    result = run_cli("verify", str(forged), "--db", str(signed["db"]))
    assert result.returncode == 1, result.stdout
    assert "NOT TRUSTED: unknown certificate for Thomas Keller" in result.stdout
    assert (
        "author: Dr. Anna Becker" in result.stdout
        and "trusted: AuditApp signer demo.lead" in result.stdout
    )
    assert "approver: Thomas Keller" in result.stdout and ", intact;" in result.stdout
    genuine = run_cli("verify", str(signed["pdf"]), "--db", str(signed["db"]))
    assert genuine.returncode == 0, genuine.stdout
    assert "VALID" in genuine.stdout and "certificate SHA-256 " in genuine.stdout


def test_trust_store_without_database_and_forged_whole_report(signed, tmp_path: Path) -> None:
    # A sponsor with no database: nothing is trusted until the signers' certificates are.
    before = run_cli("verify", str(signed["pdf"]))
    assert before.returncode == 1 and "NOT TRUSTED" in before.stdout, before.stdout
    lead, qa = signed["folder"] / "demo.lead.pem", signed["folder"] / "demo.qa.pem"
    one_run = run_cli("verify", str(signed["pdf"]), "--trust", str(lead), "--trust", str(qa))
    assert one_run.returncode == 0, one_run.stdout
    for pem in (lead, qa):
        added = run_cli("trust", "add", str(pem))
        assert added.returncode == 0, added.stderr
    listed = run_cli("trust", "list")
    assert "Dr. Anna Becker" in listed.stdout and "Thomas Keller" in listed.stdout
    assert run_cli("verify", str(signed["pdf"])).returncode == 0

    # The whole report re-rendered and signed by a forger in both signers' names.
    unsigned = tmp_path / "rerendered.pdf"
    assert (
        run_cli("report", signed["ref"], "-o", str(unsigned), "--db", str(signed["db"])).returncode
        == 0
    )
    forged = _forge(
        _forge(unsigned.read_bytes(), "Dr. Anna Becker", "author"), "Thomas Keller", "approver"
    )
    path = tmp_path / "forged.pdf"
    path.write_bytes(forged)
    result = run_cli("verify", str(path))
    assert result.returncode == 1
    assert "NOT TRUSTED: unknown certificate for Dr. Anna Becker" in result.stdout
    assert "NOT TRUSTED: unknown certificate for Thomas Keller" in result.stdout

    fingerprint = listed.stdout.split()[0]
    assert run_cli("trust", "remove", fingerprint[:12]).returncode == 0
    assert fingerprint not in run_cli("trust", "list").stdout


def test_forged_docx_p7s_is_not_trusted(signed, tmp_path: Path) -> None:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Approved by Thomas Keller")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    key = _key()
    target = tmp_path / "report.docx"
    target.write_bytes(data)
    (tmp_path / "report.docx.p7s").write_bytes(
        pades.sign_detached(
            data, private_key=key, certificate_pem=_certificate("Thomas Keller", key)
        )
    )
    result = run_cli("verify", str(target), "--db", str(signed["db"]))
    assert result.returncode == 1
    assert "NOT TRUSTED: unknown certificate for Thomas Keller" in result.stdout


def test_a_certificate_issued_by_a_trusted_ca_is_trusted(signed, tmp_path: Path) -> None:
    from cryptography import x509

    ca_key, leaf_key = _key(), _key()
    ca_pem = _certificate("Example CRO Signing CA", ca_key, ca=True)
    ca = x509.load_pem_x509_certificate(ca_pem.encode())
    leaf_pem = _certificate("Eva Org", leaf_key, issuer=ca, issuer_key=ca_key)
    data = pades.sign_pdf(
        signed["author"].pdf_bytes,
        private_key=leaf_key,
        certificate_pem=leaf_pem + ca_pem,
        meaning="reviewer",
        stamp_lines=["Eva Org"],
        reason="review",
        signer_name="Eva Org",
    )
    path = tmp_path / "ca.pdf"
    path.write_bytes(data)
    (tmp_path / "ca.pem").write_text(ca_pem)
    result = run_cli(
        "verify", str(path), "--db", str(signed["db"]), "--trust", str(tmp_path / "ca.pem")
    )
    assert result.returncode == 0, result.stdout
    assert "trusted: issued by trusted CA Example CRO Signing CA" in result.stdout
    assert run_cli("verify", str(path), "--db", str(signed["db"])).returncode == 1


def test_the_printed_signature_block_shows_each_certificate_fingerprint(signed) -> None:
    import subprocess

    from auditapp.reports.build import SignatureInfo, fingerprint_text, signature_blocks
    from tests.conftest import require_tool

    fingerprint = signed["author"].certificate_sha256
    info = SignatureInfo(
        "author",
        "Dr. Anna Becker",
        "lead_auditor",
        dt.datetime.now(dt.UTC),
        certificate_sha256=fingerprint,
    )
    for lang, label in (("en", "Certificate SHA-256"), ("de", "Zertifikat SHA-256")):
        block = signature_blocks(None, lang, [info])[1]  # type: ignore[arg-type]
        assert (label, fingerprint_text(fingerprint)) in block.slots[0].rows
    text = subprocess.run(
        [require_tool("pdftotext"), str(signed["pdf"]), "-"], capture_output=True, text=True
    ).stdout
    grouped = fingerprint_text(fingerprint)
    assert grouped[:29] in text and "Certificate SHA-256" in text
