"""The signature page and stamps read back from the signed PDF (EN and DE), and the signed audit
certificate: only for an approved report, verified by `auditapp verify` and pdfsig."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from auditapp.core import audits, signing
from auditapp.core.db import open_database
from auditapp.errors import Refused
from auditapp.reports import certificate_signing, signed_files, signoff
from auditapp.reports import wording as w
from tests.conftest import require_tool, run_cli

PASSWORD = "demo-password-1"
REF = "AUD-2026-001"

pytestmark = pytest.mark.slow


def _copy(demo_template: Path, folder: Path):
    from auditapp.core.db import open_database

    path = folder / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    return open_database(path)


@pytest.fixture(scope="module")
def signed(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """EN: author, then the certificate refused, then approver and certificate. DE: author,
    reviewer and approver, the certificate through the command line."""
    out: dict[str, object] = {}
    for lang in ("en", "de"):
        folder = tmp_path_factory.mktemp(f"signed-{lang}")
        db = _copy(demo_template, folder)
        signoff.sign_report(
            db, REF, username="demo.lead", password=PASSWORD, meaning="author", language=lang
        )
        if lang == "en":
            with pytest.raises(Refused, match="not approved"):
                certificate_signing.sign_certificate(
                    db, REF, username="demo.lead", password=PASSWORD
                )
        else:
            signoff.sign_report(db, REF, username="demo.qa", password=PASSWORD, meaning="reviewer")
        with db.session(actor="demo") as s:
            from auditapp.core import users

            users.create_user(
                s,
                username="demo.approver",
                full_name="Dr. Petra Lang",
                role="reviewer",
                password=PASSWORD,
            )
        approver = "demo.approver" if lang == "de" else "demo.qa"
        final = signoff.sign_report(
            db, REF, username=approver, password=PASSWORD, meaning="approver"
        )
        report = folder / "report.pdf"
        report.write_bytes(final.pdf_bytes)
        with db.session() as s:
            sigs = [
                (x.meaning, x.signed_at, x.utc_offset)
                for x in signing.current_signatures(s, audits.get_audit(s, REF))
            ]
        certificate = folder / "certificate.pdf"
        if lang == "en":
            result = certificate_signing.sign_certificate(
                db, REF, username="demo.lead", password=PASSWORD
            )
            certificate.write_bytes(result.pdf_bytes)
            db.close()
        else:
            path = str(db.path)
            db.close()
            made = run_cli(
                "sign",
                REF,
                "--db",
                path,
                "--certificate",
                "--user",
                "demo.lead",
                "--password-stdin",
                "--report-lang",
                "de",
                "-o",
                str(certificate),
                stdin=PASSWORD + "\n",
            )
            assert made.returncode == 0, made.stderr
        out[lang] = {
            "db": folder / "demo.sqlite",
            "report": report,
            "sigs": sigs,
            "certificate": certificate,
        }
    return out


def _text(path: Path, *, last_pages: int | None = None) -> str:
    require_tool("pdftotext")
    args = ["pdftotext", str(path), "-"]
    raw = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    pages = raw.split("\f")
    if last_pages:
        pages = [
            p
            for p in pages
            if "Electronic signatures under 21 CFR" in p
            or "Elektronische Unterschriften gemäß" in p
        ]
    return " ".join(" ".join(pages).split())


STAMPS = {
    "en": (
        "Signed electronically by Dr. Anna Becker",
        "Lead auditor · Author",
        "I wrote this report and am responsible for its content.",
    ),
    "de": (
        "Elektronisch unterschrieben von Dr. Anna Becker",
        "Auditleitung · Verfasser",
        "Ich habe diesen Bericht verfasst und bin für seinen Inhalt verantwortlich.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_signature_page_reads_in_plain_words_in_the_report_language(signed, lang) -> None:
    case = signed[lang]
    text = _text(case["report"], last_pages=True)
    name, role_meaning, statement = STAMPS[lang]
    assert name in text and role_meaning in text
    # One statement per meaning: the slot and the stamp say the same words.
    assert text.count(statement) == 2, text
    assert "lead_auditor" not in text and "Role: " not in text
    assert "I am the author of this report" not in text
    if lang == "de":
        assert "Signed electronically" not in text and "local time" not in text
        assert "Freigabe" in text and "Elektronisch unterschrieben von Dr. Petra Lang" in text
        assert "Elektronisch unterschrieben von Thomas Keller" in text
    else:
        assert "Signed electronically by Thomas Keller" in text
        assert "Quality assurance reviewer · Approval" in text
    # Every time printed is the time of the signature itself (its /M and CMS signing time).
    with open_database(case["db"]) as db:  # trusted: signers this database knows
        report = signed_files.verify_file(case["report"], db)
    assert report.valid
    by_meaning = {s.meaning: s.signed_at for s in report.signatures}
    for meaning, stored_at, offset in case["sigs"]:
        assert by_meaning[meaning] == stored_at
        assert w.signing_time(stored_at, offset, lang) in text, (meaning, text)
    # The author's time is printed on the page itself too, not only in the stamp.
    author_at, author_offset = next((a, o) for m, a, o in case["sigs"] if m == "author")
    author_time = w.signing_time(author_at, author_offset, lang)
    # A later signer appears in their stamp only: one more if they signed in the same second.
    same_second = sum(
        1 for m, a, o in case["sigs"] if m != "author" and w.signing_time(a, o, lang) == author_time
    )
    assert text.count(author_time) == 2 + same_second


def test_countersigners_are_named_in_their_stamps_and_the_page_says_so(signed) -> None:
    text = _text(signed["en"]["report"], last_pages=True)
    assert "in the signature stamp →" in text
    assert "appear in their signature stamp beside their slot" in text


def test_stamp_text_is_not_shrunk(signed) -> None:
    require_tool("pdftotext")
    html = subprocess.run(
        ["pdftotext", "-bbox", str(signed["de"]["report"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    import re

    heights = [
        float(m.group(2)) - float(m.group(1))
        for m in re.finditer(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Elektronisch unterschrieben von', html
        )
    ]
    assert len(heights) == 3
    # A line box is about 1.36 em: 10.9 pt for the 8 pt stamp type; a stamp shrunk to about
    # 5 pt (as before) gave 6.8 pt.
    assert min(heights) >= 10.0, heights


def _pdfsig(path: Path) -> str:
    require_tool("pdfsig")
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_signed_certificate_verifies_and_declares_the_audit_took_place(signed, lang) -> None:
    case = signed[lang]
    out = _pdfsig(case["certificate"])
    assert out.count("Signature is Valid.") == 1, out
    result = run_cli("verify", str(case["certificate"]), "--db", str(case["db"]))
    assert result.returncode == 0, result.stderr
    assert "certificate: Dr. Anna Becker" in result.stdout
    assert "trusted: AuditApp signer demo.lead (Dr. Anna Becker)" in result.stdout
    text = _text(case["certificate"])
    if lang == "en":
        assert "confirms that the audit described below took place" in text
        assert "ICH E6(R2) 1.7" in text
        assert "Audit certificate: contains no findings" in text
        assert "I confirm that the audit described in this certificate took place." in text
        assert "Signed electronically by Dr. Anna Becker" in text
    else:
        assert "bestätigt, dass das nachstehend beschriebene Audit stattgefunden hat" in text
        assert "Elektronisch unterschrieben von Dr. Anna Becker" in text
    assert "conducted in accordance" not in text and "durchgeführt wurde" not in text
    assert "Confidential" not in text and "Vertraulich" not in text
    assert text.count("Vendor qualification audit of Northwind Clinical Research") == 1
    assert "F-01" not in text


def test_a_certificate_is_signed_once_per_report_version(signed) -> None:
    from auditapp.core.db import open_database

    db = open_database(signed["en"]["db"])
    try:
        with pytest.raises(Refused, match="already signed"):
            certificate_signing.sign_certificate(db, REF, username="demo.lead", password=PASSWORD)
        assert certificate_signing.signed_certificate(db, REF).startswith(b"%PDF-")
    finally:
        db.close()
