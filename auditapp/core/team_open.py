"""Opening a team package: its signature and every member checked before anything is read.

What a team package must be (team_package.py writes them; docs/team.md): a zip whose
``manifest.json`` is signed by ``manifest.sig`` and lists the SHA-256 and size of every other
member. A package that fails any check is refused whole, before the database is touched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditapp.core import input_limits, package, package_crypto, package_schema
from auditapp.errors import Refused

FORMAT = "auditapp-team-package"
FORMAT_VERSION = 1
KINDS = ("handout", "handback")


class TeamPackageError(Refused):
    """A team package is damaged, tampered or not one: nothing was changed."""


@dataclass
class Opened:
    """A team package whose signature and every member's hash were checked."""

    manifest: dict[str, Any]
    signer: tuple[str, str, str]  # username, full name, certificate SHA-256
    team: dict[str, Any]
    label: str
    path: Path
    archive: input_limits.BoundedZip

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])

    @property
    def package_id(self) -> str:
        return str(self.manifest["package_id"])

    def read(self, name: str) -> bytes:
        return _checked(self, name)


def _checked(opened: Opened, name: str) -> bytes:
    entry = opened.manifest["files"].get(name)
    if entry is None:
        raise TeamPackageError(f"{opened.label}: {name[:80]} is not in the signed manifest")
    hasher, parts = hashlib.sha256(), []
    for piece in opened.archive.chunks(name):
        hasher.update(piece)
        parts.append(piece)
    if hasher.hexdigest() != entry.get("sha256"):
        raise TeamPackageError(
            f"{opened.label}: {name[:80]} does not match its SHA-256 (tampered or damaged)"
        )
    return b"".join(parts)


@contextmanager
def open_team_package(path: Path, transfer_password: str | None = None) -> Iterator[Opened]:
    """Check the signature and then every member against the signed manifest, before anything.

    An encrypted package is decrypted first into a private temporary file (package._plain_zip)."""
    with package._plain_zip(path, transfer_password) as plain, _opened(path, plain) as opened:
        yield opened


@contextmanager
def _opened(path: Path, plain: Path) -> Iterator[Opened]:
    label = input_limits.display_name(path)
    try:
        archive = input_limits.BoundedZip(
            plain,
            kind="package",
            max_member=package.MAX_MEMBER_BYTES,
            max_total=package.MAX_TOTAL_BYTES,
        )
    except input_limits.InputRefused as exc:
        raise TeamPackageError(
            f"{label}: not a team package ({str(exc).split(': ', 1)[-1]})"
        ) from None
    with archive:
        names = archive.names()
        if len(names) != len(set(names)) or not {"manifest.json", "manifest.sig"} <= set(names):
            raise TeamPackageError(f"{label}: not a team package (no signed manifest)")
        manifest_bytes = archive.read("manifest.json", limit=package.MAX_MANIFEST_BYTES)
        manifest = input_limits.load_json(manifest_bytes, source=f"{label}: manifest.json")
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            if isinstance(manifest, dict) and manifest.get("format") == package_schema.FORMAT:
                raise TeamPackageError(f"{label} is a whole-audit package: use import, not merge")
            raise TeamPackageError(f"{label}: not a team package")
        if manifest.get("format_version") != FORMAT_VERSION or manifest.get("kind") not in KINDS:
            raise TeamPackageError(f"{label}: unknown team package version or kind")
        for key in ("package_id", "audit_uid", "reference", "replica_id"):
            if not isinstance(manifest.get(key), str) or len(manifest[key]) > 40:
                raise TeamPackageError(f"{label}: manifest.{key} missing or malformed")
        earlier = manifest.get("earlier")
        if (
            not isinstance(earlier, list)
            or len(earlier) > 10_000
            or not all(isinstance(e, str) and len(e) <= 40 for e in earlier)
        ):
            raise TeamPackageError(f"{label}: manifest.earlier missing or malformed")
        sig = input_limits.load_json(
            archive.read("manifest.sig", limit=1024 * 1024), source=f"{label}: manifest.sig"
        )
        if not isinstance(sig, dict):
            raise TeamPackageError(f"{label}: manifest.sig is not a signature")
        signer = package_crypto.verify_signature(sig, manifest_bytes)
        files = manifest.get("files")
        if not isinstance(files, dict) or set(names) != set(files) | {
            "manifest.json",
            "manifest.sig",
        }:
            raise TeamPackageError(f"{label}: members differ from the signed manifest (tampered)")
        opened = Opened(manifest, signer, {}, label, path, archive)
        for name in files:  # every member's hash, before anything is touched
            if archive.size_of(name) != files[name].get("size"):
                raise TeamPackageError(f"{label}: {name[:80]} differs in size from the manifest")
            if name != "team.json":
                hasher = hashlib.sha256()
                for piece in archive.chunks(name):
                    hasher.update(piece)
                if hasher.hexdigest() != files[name].get("sha256"):
                    raise TeamPackageError(f"{label}: {name[:80]} does not match its SHA-256")
        team = input_limits.load_json(_checked(opened, "team.json"), source=f"{label}: team.json")
        if not isinstance(team, dict) or not all(
            isinstance(team.get(k), dict) for k in ("assignment", "base", "current", "changes")
        ):
            raise TeamPackageError(f"{label}: team.json is malformed")
        assignment = team["assignment"]
        areas, numbers = assignment.get("areas", []), assignment.get("findings", [])
        if not (
            isinstance(areas, list)
            and len(areas) <= 200
            and all(isinstance(a, str) and len(a) <= 40 for a in areas)
            and isinstance(numbers, list)
            and len(numbers) <= 2000
            and all(
                isinstance(n, int) and not isinstance(n, bool) and 0 < n < 100_000 for n in numbers
            )
            and isinstance(assignment.get("note", ""), str)
        ):
            raise TeamPackageError(f"{label}: team.json assignment is malformed")
        opened.team = team
        yield opened
