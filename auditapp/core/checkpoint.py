"""Keyed checkpoints: what makes the hash-chained trail hard to rewrite with the sqlite3 shell.

A hash chain anyone can recompute proves order, not authorship: an attacker who appends one
correctly chained row, or re-chains the whole trail, gets a consistent history. So every
committed transaction that added trail entries also writes a *checkpoint* in the same
transaction: the id and hash of the newest trail entry, sealed with HMAC-SHA256 under the
installation's checkpoint key, and chained to the previous checkpoint's MAC.

The key (32 random bytes) lives outside the database, in the user data folder (``keys/``,
owner-only), never in the database or its backups: someone holding only the database file
cannot compute a valid checkpoint. In addition, this computer remembers the newest checkpoint it
wrote for each database path (``trail-anchors.json``), so deleting the newest trail rows together
with their checkpoints is noticed here too.

What `auditapp trail verify` concludes (see :func:`verify`):
- a trail entry after the newest checkpoint was not written by AuditApp;
- a checkpoint whose position no longer holds its head: the trail was changed or re-chained;
- a checkpoint whose MAC does not match under this computer's key: forged;
- a gap in the chain of checkpoints, or the remembered newest checkpoint missing: rows removed.

The limit (docs/security.md): whoever can read this computer's key file (the same OS account)
and write the database can still forge a consistent trail and checkpoints. A database copied
to another computer keeps its checkpoints, but they can only be checked where the key is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Table, func, insert, select

from auditapp import paths
from auditapp.core.models import TrailCheckpoint, TrailEntry
from auditapp.core.trail_format import hex_of

KEY_FILE = "trail-checkpoint.key"
ANCHORS_FILE = "trail-anchors.json"
_DOMAIN = b"auditapp trail checkpoint v1"

_checkpoints: Table = TrailCheckpoint.__table__  # type: ignore[assignment]
_trail: Table = TrailEntry.__table__  # type: ignore[assignment]
_keys: dict[str, bytes] = {}


def _keys_dir() -> Path:
    folder = paths.data_dir() / "keys"
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
    paths.restrict(folder, directory=True)
    return folder


def installation_key(*, create: bool = True) -> bytes | None:
    """This computer's checkpoint key, made on first use (atomically, owner-only)."""
    path = _keys_dir() / KEY_FILE
    cached = _keys.get(str(path))
    if cached is not None:
        return cached
    if not path.exists():
        if not create:
            return None
        tmp = path.with_name(f"{KEY_FILE}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(32))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # fails if another process made the key first: use theirs
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    key = path.read_bytes()
    if len(key) != 32:
        raise OSError(f"the checkpoint key {path} is damaged")
    _keys[str(path)] = key
    return key


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"auditapp key id" + key).hexdigest()[:16]


def seal(key: bytes, *, position: int, head: str, at: str, user: str, prev_mac: str) -> str:
    message = json.dumps(
        [position, head, at, user, key_id(key), prev_mac], separators=(",", ":")
    ).encode()
    return hmac.new(key, _DOMAIN + message, hashlib.sha256).hexdigest()


def _newest(connection: Connection) -> dict | None:
    row = (
        connection.execute(select(_checkpoints).order_by(_checkpoints.c.id.desc()).limit(1))
        .mappings()
        .first()
    )
    return dict(row) if row else None


def write(connection: Connection, user: str) -> dict | None:
    """Seal the trail head when entries were added since the newest checkpoint."""
    last_trail = connection.execute(
        select(_trail.c.id, _trail.c.hash).order_by(_trail.c.id.desc()).limit(1)
    ).first()
    if last_trail is None:
        return None
    newest = _newest(connection)
    if newest is not None and newest["position"] >= last_trail.id:
        return None
    key = installation_key()
    assert key is not None
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    user = (user or "system")[:64]
    prev = newest["mac"] if newest else ""
    head = hex_of(last_trail.hash)
    row = {
        "position": last_trail.id,
        "head": head,
        "at": at,
        "user": user,
        "key_id": key_id(key),
        "prev_mac": prev,
        "mac": seal(key, position=last_trail.id, head=head, at=at, user=user, prev_mac=prev),
    }
    result = connection.execute(insert(_checkpoints), row)
    row["id"] = result.inserted_primary_key[0] if result.inserted_primary_key else None
    return row


# --- the anchor this computer keeps per database ----------------------------------------------


def _anchors_path() -> Path:
    return _keys_dir() / ANCHORS_FILE


def _read_anchors() -> dict[str, dict]:
    try:
        data = json.loads(_anchors_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_anchors(anchors: dict[str, dict]) -> None:
    target = _anchors_path()
    tmp = target.with_name(f"{ANCHORS_FILE}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(anchors, sort_keys=True), encoding="utf-8")
        paths.restrict(tmp)
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)  # the anchor is a second line of defence; never block a save


def remember(database: Path, row: dict) -> None:
    """After a commit: the newest checkpoint this computer wrote for ``database``."""
    anchors = _read_anchors()
    name = str(Path(database).resolve())
    known = anchors.get(name)
    if known and known.get("position", 0) > row["position"]:
        return  # another process got further; keep the newer anchor
    anchors[name] = {"position": row["position"], "mac": row["mac"], "at": row["at"]}
    _write_anchors(anchors)


def forget(database: Path) -> None:
    """A restore replaces the database with an older state on purpose."""
    anchors = _read_anchors()
    if anchors.pop(str(Path(database).resolve()), None) is not None:
        _write_anchors(anchors)


# --- verification -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Report:
    problems: tuple[Finding, ...]
    checked: int  # checkpoints whose MAC was checked with this computer's key
    foreign: int  # checkpoints sealed on another computer (not checkable here)
    newest_position: int


def anchor_of(database: Path) -> dict | None:
    """This computer's newest checkpoint for ``database``. Read it BEFORE the database: a writer
    remembers a checkpoint only after its commit, so every anchor read first is in the snapshot
    a later read transaction sees (read afterwards, a concurrent commit looked like a removal)."""
    return _read_anchors().get(str(Path(database).resolve()))


def verify(
    connection: Connection, database: Path | None = None, *, anchor: dict | None = None
) -> Report:
    """``anchor``: from anchor_of(), read before ``connection`` began its read transaction."""
    problems: list[Finding] = []
    key = installation_key(create=False)
    mine = key_id(key) if key else None
    heads = {i: hex_of(h) for i, h in connection.execute(select(_trail.c.id, _trail.c.hash))}
    last_trail = max(heads) if heads else 0
    rows = [
        dict(r)
        for r in connection.execute(select(_checkpoints).order_by(_checkpoints.c.id)).mappings()
    ]
    prev_mac, prev_position, checked, foreign = "", 0, 0, 0
    for row in rows:
        where = f"checkpoint {row['id']} (trail entry {row['position']})"
        if row["prev_mac"] != prev_mac:
            problems.append(Finding(where, "the checkpoint before it was removed or replaced"))
        if row["position"] < prev_position:
            problems.append(Finding(where, "checkpoints out of order"))
        if heads.get(row["position"]) != row["head"]:
            problems.append(
                Finding(
                    where,
                    "the trail entry this checkpoint sealed was changed, re-chained or deleted",
                )
            )
        if row["key_id"] != mine and checked:
            problems.append(
                Finding(
                    where,
                    "sealed with another computer's key after this "
                    "computer's checkpoints: moved, or forged",
                )
            )
        if row["key_id"] == mine and key is not None:
            checked += 1
            expected = seal(
                key,
                position=row["position"],
                head=row["head"],
                at=row["at"],
                user=row["user"],
                prev_mac=row["prev_mac"],
            )
            if not hmac.compare_digest(expected, row["mac"]):
                problems.append(
                    Finding(where, "forged: its seal does not match this computer's checkpoint key")
                )
        else:
            foreign += 1
        prev_mac, prev_position = row["mac"], row["position"]
    if last_trail > prev_position:
        count = connection.execute(
            select(func.count()).select_from(_trail).where(_trail.c.id > prev_position)
        ).scalar()
        problems.append(
            Finding(
                f"trail entries after {prev_position}",
                f"{count} entr{'y' if count == 1 else 'ies'} not sealed by any checkpoint: "
                "written outside AuditApp",
            )
        )
    if database is not None and mine is not None:
        if anchor is None:
            anchor = anchor_of(Path(database))
        if anchor and not any(
            r["position"] == anchor["position"] and r["mac"] == anchor["mac"] for r in rows
        ):
            problems.append(
                Finding(
                    f"trail entry {anchor['position']}",
                    f"the newest checkpoint this computer wrote ({anchor['at']}) is missing: trail "
                    "entries and checkpoints were removed",
                )
            )
    return Report(tuple(problems), checked, foreign, prev_position)
