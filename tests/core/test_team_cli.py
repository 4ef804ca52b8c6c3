"""handout / handback / merge on the command line: conflicts listed, refused, then resolved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditapp.core import findings
from auditapp.core.db import open_database
from tests.audit_factory import PASSWORD
from tests.conftest import run_as, run_cli
from tests.team_factory import REFERENCE, Site, make_site


def cli(site: Site, *args: str):
    return run_as(site.username, "--db", str(site.db.path), *args, password=PASSWORD)


def retitle(site: Site, title: str) -> None:
    database = open_database(site.db.path)
    try:
        with database.session(actor=site.username) as s:
            findings.update_finding(s, site.audit(s), 1, title=title)
    finally:
        database.close()


@pytest.mark.slow  # nine child processes
def test_handout_handback_merge_with_a_conflict(
    tmp_path: Path, empty_template: Path, fast_crypto: None
):
    lead = make_site(tmp_path, "lead", "lena", "Lena Lead", template=empty_template, audit=True)
    bea = make_site(tmp_path, "bea", "bea", "Bea Berger", template=empty_template)
    with lead.session() as s:
        findings.add_finding(s, lead.audit(s), title="SOP index outdated", classification="minor")
    lead_fp, bea_fp = lead.fingerprint(), bea.fingerprint()
    lead.db.close()
    bea.db.close()

    out = cli(
        lead,
        "handout",
        REFERENCE,
        "--to",
        "bea",
        "--areas",
        "CSV,NOPE",
        "-o",
        str(tmp_path / "x.teampkg"),
    )
    assert out.returncode == 2 and out.stderr.startswith("error:") and "NOPE" in out.stderr
    handout = tmp_path / "handout.teampkg"
    out = cli(
        lead,
        "handout",
        REFERENCE,
        "--to",
        "bea",
        "--areas",
        "csv",
        "--findings",
        "F-01",
        "-o",
        str(handout),
    )
    assert out.returncode == 0, out.stderr
    out = cli(bea, "merge", str(handout), "--accept-signer", lead_fp[:16])
    assert out.returncode == 0, out.stderr
    assert "working copy" in out.stdout

    retitle(bea, "SOP index lists withdrawn SOPs")
    retitle(lead, "Outdated SOP index")
    back = tmp_path / "handback.teampkg"
    out = cli(bea, "handback", REFERENCE, "-o", str(back))
    assert out.returncode == 0, out.stderr

    out = cli(lead, "merge", str(back), "--accept-signer", bea_fp[:16], "--json")
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("error: 1 conflict")
    listed = json.loads(out.stdout)
    (conflict,) = listed["conflicts"]
    assert conflict["mine"] == "Outdated SOP index"
    assert conflict["theirs"] == "SOP index lists withdrawn SOPs"
    assert conflict["theirs_by"]["user"] == "bea" and conflict["mine_by"]["user"] == "lena"

    out = cli(lead, "merge", str(back), "--accept-signer", bea_fp[:16], "--take", "nonsense")
    assert out.returncode == 2 and out.stderr.startswith("error:")
    out = cli(
        lead,
        "merge",
        str(back),
        "--accept-signer",
        bea_fp[:16],
        "--take",
        f"{conflict['id']}=theirs",
    )
    assert out.returncode == 0, out.stderr
    assert "took bea's value" in out.stdout
    database = open_database(lead.db.path)
    try:
        with database.session() as s:
            assert (
                findings.get_finding(s, lead.audit(s), 1).title == "SOP index lists withdrawn SOPs"
            )
    finally:
        database.close()
    out = cli(lead, "merge", str(back))
    assert out.returncode == 1 and "already" in out.stderr
    out = run_cli("--db", str(lead.db.path), "trail", "verify")
    assert out.returncode == 0, out.stdout + out.stderr


def test_bad_input_is_one_error_line(tmp_path: Path):
    db = str(tmp_path / "x.sqlite")
    out = run_cli(
        "--db",
        db,
        "merge",
        str(tmp_path / "missing.teampkg"),
        "--user",
        "x",
        "--password-stdin",
        stdin="pw\n",
    )
    assert out.returncode == 2 and out.stderr.startswith("error: no file")
    assert out.stderr.count("\n") == 1
    (tmp_path / "a.teampkg").write_bytes(b"PK")
    out = run_cli(
        "--db",
        db,
        "merge",
        str(tmp_path / "a.teampkg"),
        "--take",
        "x=both",
        "--user",
        "x",
        "--password-stdin",
        stdin="pw\n",
    )
    assert out.returncode == 2 and "expected FIELD_ID=mine or FIELD_ID=theirs" in out.stderr
    out = run_cli(
        "--db",
        db,
        "handout",
        "AUD-2026-001",
        "--to",
        "bea",
        "--findings",
        "G-7",
        "-o",
        str(tmp_path / "h.teampkg"),
        "--user",
        "x",
        "--password-stdin",
        stdin="pw\n",
    )
    assert out.returncode == 2 and "G-7" in out.stderr and "Traceback" not in out.stderr
