"""Hostile audit packages: content forged and re-signed by an insider, and broken structure.

Each case is (id, expected exit code, maker); a maker takes the genuine Source and a folder and
returns the path of the hostile package.
"""

from __future__ import annotations

import base64
import io
import json
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.package_factory import Source, forge

Maker = Callable[[Source, Path], Path]
REFUSED, BAD = 1, 2


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def content(change: Callable[[dict[str, Any]], None]) -> Maker:
    return lambda src, folder: _write(folder, "forged.auditpkg", forge(src, change_doc=change))


def members(change: Callable[[dict[str, bytes]], None], *, resign: bool = True) -> Maker:
    return lambda src, folder: _write(
        folder, "forged.auditpkg", forge(src, change_members=change, resign=resign)
    )


def manifest(change: Callable[[dict[str, Any]], None]) -> Maker:
    return lambda src, folder: _write(folder, "forged.auditpkg", forge(src, change_manifest=change))


def raw_zip(change: Callable[[dict[str, bytes]], None]) -> Maker:
    """Members changed without touching manifest or signature."""

    def make(src: Source, folder: Path) -> Path:
        items = src.members()
        change(items)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for name, data in items.items():
                z.writestr(name, data)
        return _write(folder, "raw.auditpkg", out.getvalue())

    return make


def raw_bytes(make_bytes: Callable[[bytes], bytes]) -> Maker:
    return lambda src, folder: _write(folder, "bytes.auditpkg", make_bytes(src.package))


def setter(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set doc[a][b]... from 'a.b.0.c'; '-' as value deletes the key."""

    def change(doc: dict[str, Any]) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = doc
        for part in parents:
            node = node[part]
        if value == "-":
            del node[last]
        else:
            node[last] = value

    return change


def _json_member(name: str, data: bytes) -> Callable[[dict[str, bytes]], None]:
    def change(items: dict[str, bytes]) -> None:
        items[name] = data

    return change


def _trail(change: Callable[[list[dict[str, Any]]], None]) -> Callable[[dict[str, bytes]], None]:
    def apply(items: dict[str, bytes]) -> None:
        rows = json.loads(items["trail.json"])
        change(rows)
        items["trail.json"] = json.dumps(rows).encode()

    return apply


def _evidence_bytes(data: bytes) -> Callable[[dict[str, bytes]], None]:
    """Replace the evidence original and point audit.json at it (a consistent forgery)."""

    def change(items: dict[str, bytes]) -> None:
        import hashlib

        old = next(n for n in items if n.startswith("evidence/"))
        del items[old]
        digest = hashlib.sha256(data).hexdigest()
        items[f"evidence/{digest}"] = data
        doc = json.loads(items["audit.json"])
        doc["evidence"][0]["sha256"] = digest
        items["audit.json"] = json.dumps(doc).encode()

    return change


def _two_evidence_same_number(doc: dict[str, Any]) -> None:
    doc["evidence"].append(dict(doc["evidence"][0]))


def _swap_findings(doc: dict[str, Any]) -> None:
    doc["findings"].reverse()


def _swap_trail(rows: list[dict[str, Any]]) -> None:
    rows[2], rows[3] = rows[3], rows[2]


def _report(
    fmt: str = "pdf", language: str = "en", version: int = 1
) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        doc["report_versions"] = [
            {
                "version": version,
                "format": fmt,
                "language": language,
                "sha256": "ab" * 32,
                "trail_head": "",
                "created_at": "2026-01-01T00:00:00+00:00",
                "created_by": "x",
                "reopen_reason": "",
                "signatures": [],
            }
        ]

    return change


def _zip_bomb(items: dict[str, bytes]) -> None:
    items["evidence/bomb"] = bytes(60 * 1024 * 1024)


def _duplicate_member(src: Source, folder: Path) -> Path:
    import warnings

    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as z:
        warnings.simplefilter("ignore")  # "Duplicate name": the very point of this case
        for name, data in src.members().items():
            z.writestr(name, data)
        z.writestr("audit.json", b"{}")
    return _write(folder, "dup.auditpkg", out.getvalue())


def _other_signer(src: Source, folder: Path) -> Path:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from auditapp.core import signing
    from auditapp.core.models import User

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    mallory = User(username="mallory", full_name="Mallory", role="auditor", email="m@example.org")
    pem = signing.make_certificate(mallory, key)
    identity = signing.Identity(key, pem, signing.certificate_fingerprint_of_pem(pem))
    fake = Source(src.package, identity, identity.fingerprint)
    return _write(
        folder,
        "mallory.auditpkg",
        forge(fake, change_doc=setter("findings.0.classification", "minor")),
    )


def _sig(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, bytes]], None]:
    def apply(items: dict[str, bytes]) -> None:
        sig = json.loads(items["manifest.sig"])
        change(sig)
        items["manifest.sig"] = json.dumps(sig).encode()

    return apply


def _flip_signature(sig: dict[str, Any]) -> None:
    value = bytearray(base64.b64decode(sig["signature"]))
    value[len(value) // 2] ^= 0x01
    sig["signature"] = base64.b64encode(bytes(value)).decode()


def _encrypted(src: Source, folder: Path, password: str = "transfer-secret-2026") -> bytes:
    from auditapp.core.package_crypto import EncryptingWriter

    out = io.BytesIO()
    writer = EncryptingWriter(out, password)
    writer.write(src.package)
    writer.close()
    return out.getvalue()


def _encrypted_header(header: dict[str, Any]) -> Maker:
    def make(src: Source, folder: Path) -> Path:
        from auditapp.core.package_crypto import MAGIC

        body = json.dumps(header).encode()
        return _write(
            folder, "enc.auditpkg", MAGIC + struct.pack(">I", len(body)) + body + b"\0" * 64
        )

    return make


def _flip_middle(data: bytes) -> bytes:
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 0x20
    return bytes(changed)


def _fifo(src: Source, folder: Path) -> Path:
    path = folder / "fifo.auditpkg"
    os.mkfifo(path)
    return path


def _folder(src: Source, folder: Path) -> Path:
    path = folder / "folder.auditpkg"
    path.mkdir()
    return path


DEEP = b"[" * 100_000 + b"]" * 100_000
BIG_INT = b'{"audit": ' + b"9" * 5000 + b"}"
LONG = "x" * 1_000_001

CASES: list[tuple[str, int, Maker]] = [
    # -- content forged by an insider, manifest re-hashed and re-signed: validation refuses --
    ("finding-title-bell", REFUSED, content(setter("findings.0.title", "bell \x07"))),
    ("finding-title-1MB", REFUSED, content(setter("findings.0.title", LONG))),
    ("finding-title-newline", REFUSED, content(setter("findings.0.title", "two\nlines"))),
    ("finding-title-blank", REFUSED, content(setter("findings.0.title", "   "))),
    ("finding-title-missing", REFUSED, content(setter("findings.0.title", "-"))),
    (
        "finding-grade-unknown",
        REFUSED,
        content(setter("findings.0.classification", "catastrophic")),
    ),
    ("finding-grade-number", REFUSED, content(setter("findings.0.classification", 3))),
    ("finding-major-without-impact", REFUSED, content(setter("findings.0.impact", ""))),
    ("finding-status-unknown", REFUSED, content(setter("findings.0.status", "done"))),
    ("finding-number-duplicate", REFUSED, content(setter("findings.1.number", 1))),
    ("finding-numbers-out-of-order", REFUSED, content(_swap_findings)),
    ("finding-counter-reset", REFUSED, content(setter("audit.last_finding_number", 1))),
    ("finding-number-zero", REFUSED, content(setter("findings.0.number", 0))),
    ("finding-number-negative", REFUSED, content(setter("findings.0.number", -5))),
    ("finding-number-text", REFUSED, content(setter("findings.0.number", "1"))),
    ("finding-number-float", REFUSED, content(setter("findings.0.number", 1.5))),
    ("finding-number-bool", REFUSED, content(setter("findings.0.number", True))),
    ("finding-due-1899", REFUSED, content(setter("findings.1.capa_due_date", "1899-12-31"))),
    ("finding-due-garbage", REFUSED, content(setter("findings.1.capa_due_date", "2026-13-45"))),
    ("finding-unknown-question", REFUSED, content(setter("findings.0.question_ids", ["NOPE-99"]))),
    (
        "finding-bad-reference",
        REFUSED,
        content(setter("findings.0.references", ["ICH E99 nonsense"])),
    ),
    ("finding-observation-nul", REFUSED, content(setter("findings.0.observation", "nul \x00"))),
    (
        "finding-observation-too-long",
        REFUSED,
        content(setter("findings.0.observation", "x" * 100_001)),
    ),
    ("finding-repeat-not-bool", REFUSED, content(setter("findings.0.repeat_finding", "yes"))),
    (
        "finding-created-naive",
        REFUSED,
        content(setter("findings.0.created_at", "2026-01-01T00:00:00")),
    ),
    ("finding-references-not-list", REFUSED, content(setter("findings.0.references", "ICH"))),
    ("audit-final-without-report", REFUSED, content(setter("audit.status", "final"))),
    ("audit-closed-without-report", REFUSED, content(setter("audit.status", "closed"))),
    ("audit-status-unknown", REFUSED, content(setter("audit.status", "done"))),
    ("audit-locked-without-report", REFUSED, content(setter("audit.locked", True))),
    ("audit-type-unknown", REFUSED, content(setter("audit.audit_type", "hostile"))),
    ("audit-mode-unknown", REFUSED, content(setter("audit.mode", "moon"))),
    ("audit-criteria-unknown", REFUSED, content(setter("audit.criteria_editions", "R9"))),
    ("audit-language-unknown", REFUSED, content(setter("audit.language", "xx"))),
    ("audit-title-empty", REFUSED, content(setter("audit.title", ""))),
    ("audit-title-1MB", REFUSED, content(setter("audit.title", LONG))),
    ("audit-reference-mismatch", REFUSED, content(setter("audit.reference", "AUD-2025-043"))),
    (
        "audit-dates-reversed",
        REFUSED,
        lambda s, f: content(
            lambda d: d["audit"].update(planned_start="2026-05-02", planned_end="2026-05-01")
        )(s, f),
    ),
    ("audit-objectives-escape", REFUSED, content(setter("audit.objectives", "\x1b[31m red"))),
    ("audit-report-version-zero", REFUSED, content(setter("audit.report_version", 0))),
    ("audit-counter-huge", REFUSED, content(setter("audit.last_evidence_number", 10**12))),
    ("audit-created-garbage", REFUSED, content(setter("audit.created_at", "yesterday"))),
    ("audit-not-object", REFUSED, content(setter("audit", []))),
    ("sponsor-contact-bell", REFUSED, content(setter("sponsor.contact_name", "\x07"))),
    ("evidence-number-duplicate", REFUSED, content(_two_evidence_same_number)),
    ("evidence-number-above-counter", REFUSED, content(setter("evidence.0.number", 5))),
    ("evidence-caption-too-long", REFUSED, content(setter("evidence.0.caption", "c" * 2001))),
    ("evidence-link-missing-finding", REFUSED, content(setter("evidence.0.links.findings", [7]))),
    (
        "evidence-link-unknown-question",
        REFUSED,
        content(setter("evidence.0.links.questions", ["ZZZ-1"])),
    ),
    ("evidence-sha-not-a-member", REFUSED, content(setter("evidence.0.sha256", "0" * 64))),
    ("evidence-sha-not-hex", REFUSED, content(setter("evidence.0.sha256", "../../etc/passwd"))),
    ("evidence-not-an-image", REFUSED, members(_evidence_bytes(b"#!/bin/sh\nrm -rf /\n"))),
    ("evidence-truncated-png", REFUSED, members(_evidence_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"))),
    ("evidence-imported-garbage", REFUSED, content(setter("evidence.0.imported_at", "yesterday"))),
    ("response-unknown-question", REFUSED, content(setter("responses.0.question_id", "NOPE-1"))),
    ("response-unknown-result", REFUSED, content(setter("responses.0.result", "maybe"))),
    ("response-notes-control", REFUSED, content(setter("responses.0.notes", "\x01"))),
    ("checklist-content-changed", REFUSED, content(setter("checklist.content.title.en", "Other"))),
    ("checklist-content-invalid", REFUSED, content(setter("checklist.content", {"foo": 1}))),
    ("checklist-content-text", REFUSED, content(setter("checklist.content", "x"))),
    ("checklist-area-unknown", REFUSED, content(setter("checklist.areas_in_scope", ["NOPE"]))),
    ("document-title-too-long", REFUSED, content(setter("documents.0.title", "t" * 501))),
    ("document-date-1800", REFUSED, content(setter("documents.0.document_date", "1800-01-01"))),
    (
        "team-role-unknown",
        REFUSED,
        content(setter("team", [{"name": "X", "role": "king", "qualification": ""}])),
    ),
    (
        "participant-flag-text",
        REFUSED,
        content(
            setter(
                "participants",
                [
                    {
                        "name": "P",
                        "function": "",
                        "opening_meeting": "yes",
                        "closing_meeting": False,
                        "interviewed": False,
                    }
                ],
            )
        ),
    ),
    (
        "study-protocol-too-long",
        REFUSED,
        content(
            setter(
                "studies",
                [{"protocol_number": "p" * 101, "title": "", "phase": "", "indication": ""}],
            )
        ),
    ),
    ("findings-a-million", REFUSED, content(setter("findings", [{}] * 2001))),
    ("report-format-exe", REFUSED, content(_report(fmt="exe"))),
    ("report-language-unknown", REFUSED, content(_report(language="xx"))),
    ("report-member-missing", REFUSED, content(_report())),
    (
        "trail-row-altered",
        REFUSED,
        members(
            _trail(
                lambda rows: rows[3].update(changes=rows[3]["changes"].replace('"', '"forged ', 1))
            )
        ),
    ),
    ("trail-row-missing-hash", REFUSED, members(_trail(lambda rows: rows[0].pop("hash")))),
    ("trail-out-of-order", REFUSED, members(_trail(_swap_trail))),
    ("trail-not-a-list", REFUSED, members(_json_member("trail.json", b"{}"))),
    ("audit-json-array", REFUSED, members(_json_member("audit.json", b"[]"))),
    ("audit-json-huge-int", BAD, members(_json_member("audit.json", BIG_INT))),
    ("audit-json-deep", BAD, members(_json_member("audit.json", DEEP))),
    ("audit-json-nan", BAD, members(_json_member("audit.json", b'{"audit": NaN}'))),
    ("audit-json-not-utf8", BAD, members(_json_member("audit.json", b"\xff\xfe{\0}\0"))),
    ("audit-json-missing", REFUSED, members(lambda items: items.pop("audit.json"))),
    ("trail-json-missing", REFUSED, members(lambda items: items.pop("trail.json"))),
    ("zip-bomb-member", REFUSED, members(_zip_bomb)),
    # -- signature and manifest --
    (
        "downgraded-rehashed-not-resigned",
        REFUSED,
        members(
            lambda items: items.update(
                {
                    "audit.json": items["audit.json"].replace(
                        b'"classification": "major"', b'"classification": "minor"'
                    )
                }
            ),
            resign=False,
        ),
    ),
    (
        "edited-not-rehashed",
        REFUSED,
        raw_zip(
            lambda items: items.update(
                {"audit.json": items["audit.json"].replace(b"QA manual", b"QA manuel")}
            )
        ),
    ),
    (
        "evidence-edited-not-rehashed",
        REFUSED,
        raw_zip(
            lambda items: [
                items.update({n: d[:-4] + b"XXXX"})
                for n, d in list(items.items())
                if n.startswith("evidence/")
            ]
        ),
    ),
    ("signed-by-unknown-key", REFUSED, _other_signer),
    ("signature-missing", REFUSED, raw_zip(lambda items: items.pop("manifest.sig"))),
    ("signature-not-json", BAD, raw_zip(_json_member("manifest.sig", b"not json"))),
    ("signature-flipped", REFUSED, raw_zip(_sig(_flip_signature))),
    ("signature-algorithm-unknown", REFUSED, raw_zip(_sig(lambda s: s.update(algorithm="ROT13")))),
    ("signature-not-base64", REFUSED, raw_zip(_sig(lambda s: s.update(signature="***")))),
    ("signature-certificate-garbage", REFUSED, raw_zip(_sig(lambda s: s.update(certificate="x")))),
    ("extra-member", REFUSED, raw_zip(lambda items: items.update({"payload.exe": b"MZ"}))),
    (
        "member-missing",
        REFUSED,
        raw_zip(lambda items: [items.pop(n) for n in list(items) if n.startswith("evidence/")]),
    ),
    ("duplicate-member", REFUSED, _duplicate_member),
    ("manifest-format-1", REFUSED, manifest(lambda m: m.update(format="auditapp-package/1"))),
    ("manifest-version-99", REFUSED, manifest(lambda m: m.update(format_version=99))),
    ("manifest-files-not-object", REFUSED, manifest(lambda m: m.update(files=[]))),
    ("manifest-size-lies", REFUSED, manifest(lambda m: m["files"]["audit.json"].update(size=1))),
    ("manifest-reference-traversal", REFUSED, manifest(lambda m: m.update(reference="../../x"))),
    ("manifest-reference-other", REFUSED, manifest(lambda m: m.update(reference="AUD-2025-099"))),
    ("manifest-not-json", BAD, raw_zip(_json_member("manifest.json", b"{not json"))),
    ("manifest-huge-int", BAD, raw_zip(_json_member("manifest.json", BIG_INT))),
    ("manifest-deep", BAD, raw_zip(_json_member("manifest.json", DEEP))),
    (
        "version-1-package",
        REFUSED,
        raw_zip(lambda items: [items.pop("manifest.sig"), items.pop("trail.json")]),
    ),
    # -- not a package at all --
    ("empty-file", REFUSED, raw_bytes(lambda _: b"")),
    ("garbage", REFUSED, raw_bytes(lambda _: b"not a zip at all" * 100)),
    ("pk-garbage", REFUSED, raw_bytes(lambda _: b"PK\x03\x04garbage")),
    ("truncated", REFUSED, raw_bytes(lambda data: data[: len(data) // 2])),
    ("fifo", BAD, _fifo),
    ("folder", BAD, _folder),
    # -- encrypted packages --
    ("encrypted-truncated", REFUSED, lambda s, f: _write(f, "e.auditpkg", _encrypted(s, f)[:-40])),
    (
        "encrypted-flipped",
        REFUSED,
        lambda s, f: _write(f, "e.auditpkg", _flip_middle(_encrypted(s, f))),
    ),
    (
        "encrypted-trailing-data",
        REFUSED,
        lambda s, f: _write(f, "e.auditpkg", _encrypted(s, f) + b"x"),
    ),
    (
        "encrypted-huge-memory",
        REFUSED,
        _encrypted_header(
            {
                "kdf": "argon2id",
                "frame": 1048576,
                "time_cost": 3,
                "memory_kib": 64 * 1024 * 1024,
                "parallelism": 2,
                "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
                "nonce_prefix": "AAAAAA==",
            }
        ),
    ),
    ("encrypted-header-garbage", REFUSED, _encrypted_header({"kdf": "rot13"})),
]
# The wrong transfer password is a case of its own: the right package, the wrong secret.
ENCRYPTED = _encrypted
