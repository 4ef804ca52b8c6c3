"""A small signed audit package for the tests, and a forger that re-signs changed content.

The forger signs with the exporter's own key, as an insider with a valid account could: the
import must then refuse bad content by validation, not only by signature.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from auditapp.core import audits, evidence, findings, media, package, registers, signing, users
from auditapp.core.db import open_database
from auditapp.core.package_crypto import signature_document
from tests.audit_factory import PASSWORD, make_audit, make_user

REFERENCE = "AUD-2025-042"
EXPORTER = "ext.auditor"
EXPORTER_NAME = "Erika Extern"


@dataclass
class Source:
    package: bytes
    identity: Any
    fingerprint: str

    def members(self) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(self.package)) as z:
            return {name: z.read(name) for name in z.namelist()}


def png(colour: tuple[int, int, int] = (120, 80, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, "PNG")
    return out.getvalue()


def build_source(folder: Path) -> Source:
    """An audit with answers, graded findings, evidence linked to a finding, and a document."""
    db = open_database(folder / "source.sqlite")
    try:
        make_user(db, EXPORTER, EXPORTER_NAME)
        make_audit(db, reference=REFERENCE, actor=EXPORTER)
        with db.session(actor=EXPORTER) as s:
            audit = audits.get_audit(s, REFERENCE)
            audits.set_response(
                s, audit, "ORG-01", result="non_compliant", notes="No chart.", actor=EXPORTER
            )
            findings.add_finding(
                s,
                audit,
                title="No approved organisation chart",
                classification="major",
                impact="Oversight unclear.",
                observation="Asked twice;\nnone shown.",
                question_ids=["ORG-01"],
            )
            findings.add_finding(
                s,
                audit,
                title="Training records late",
                classification="minor",
                capa_due_date=dt.date(2026, 3, 1),
            )
            registers.add_document(s, audit, title="QA manual", identifier="QM-001", version="3")
            prepared = media.prepare_bytes(png(), file_name="chart-wall.png")
            evidence.add_prepared(
                s,
                audit,
                prepared,
                actor=EXPORTER,
                caption="Wall",
                target=evidence.Target(finding=1),
            )
        with db.session(actor=EXPORTER) as s:
            user = users.find_user(s, EXPORTER)
            identity = signing.open_identity(user, PASSWORD)
            target = folder / "source.auditpkg"
            package.export_audit(
                s, REFERENCE, target, exporter=package.Exporter(EXPORTER, EXPORTER_NAME, identity)
            )
        return Source(target.read_bytes(), identity, identity.fingerprint)
    finally:
        db.close()


def forge(
    source: Source,
    *,
    change_doc: Callable[[dict[str, Any]], None] | None = None,
    change_members: Callable[[dict[str, bytes]], None] | None = None,
    change_manifest: Callable[[dict[str, Any]], None] | None = None,
    resign: bool = True,
) -> bytes:
    """A package with changed content, its manifest re-hashed and (by default) re-signed."""
    members = source.members()
    if change_doc is not None:
        doc = json.loads(members["audit.json"])
        change_doc(doc)
        members["audit.json"] = json.dumps(doc).encode()
    if change_members is not None:
        change_members(members)
    manifest = json.loads(members.pop("manifest.json"))
    signature = members.pop("manifest.sig")
    manifest["files"] = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in members.items()
    }
    if change_manifest is not None:
        change_manifest(manifest)
    manifest_bytes = json.dumps(manifest).encode()
    if resign:
        signature = signature_document(source.identity, EXPORTER, EXPORTER_NAME, manifest_bytes)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
        z.writestr("manifest.json", manifest_bytes)
        z.writestr("manifest.sig", signature)
    return out.getvalue()


if __name__ == "__main__":  # python -m tests.package_factory: the fixture of the current format
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        made = build_source(Path(tmp))
    target = (
        Path(__file__).parent
        / "data"
        / "packages"
        / f"format-{package.package_schema.FORMAT_VERSION}.auditpkg"
    )
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(made.package)
    sys.stdout.write(f"wrote {target} ({len(made.package)} bytes), signer {made.fingerprint}\n")
