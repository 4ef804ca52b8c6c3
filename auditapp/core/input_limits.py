"""Limits on everything the app reads from outside: one place, one table (docs/security.md).

Every reader (evidence, checklists in YAML and Excel, packages, backups, signed files) opens its
input here: only regular files (a FIFO or a device would hang or never end), at most a known
number of bytes per kind, YAML without aliases, Excel in read-only mode after its zip members and
shared strings were counted, XML through defusedxml, zip members streamed with caps per member,
in total and on the compression ratio.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import yaml

from auditapp.errors import BadInput

MiB = 1024 * 1024

# Maximum bytes per kind of input. Evidence: a 100 MB phone video is not evidence we take, but a
# 200 MB scanned PDF can be; a checklist is text (the largest shipped one is about 200 KB).
LIMITS: dict[str, int] = {
    "evidence": 200 * MiB,
    "checklist": 5 * MiB,
    "workbook": 20 * MiB,
    "package": 8 * 1024 * MiB,
    "signed file": 300 * MiB,
    "signature": 1 * MiB,
    "backup": 16 * 1024 * MiB,
}
# Zip archives (packages, xlsx): caps on what a member may expand to.
ZIP_MAX_MEMBERS = 20_000
ZIP_MAX_RATIO = 200  # uncompressed / compressed; photos and PDFs compress little, XML ~10-30x
ZIP_RATIO_FLOOR = 1 * MiB  # members smaller than this may have any ratio
# Excel workbooks: after the zip caps, the sheet contents themselves.
XLSX_MAX_MEMBER = 50 * MiB
XLSX_MAX_TOTAL = 100 * MiB
XLSX_MAX_SHARED_STRINGS = 200_000
XLSX_MAX_SHARED_STRINGS_BYTES = 20 * MiB
XLSX_MAX_CELLS = 500_000
XLSX_MAX_ROWS = 20_000
# JSON inside packages.
JSON_MAX_DEPTH = 32
JSON_MAX_INT_DIGITS = 19  # 64-bit; Python's own limit (4300 digits) is far too generous
YAML_MAX_DEPTH = 64


class InputRefused(BadInput):
    """An input broke a limit or is not a regular file; nothing was read past the limit."""


def display_name(path: Path | str) -> str:
    """A file name fit for a one-line message (no newlines or escapes from a hostile name)."""
    name = Path(path).name or str(path)
    return "".join(c if c.isprintable() else "?" for c in name)


def check_regular_file(path: Path, *, kind: str) -> os.stat_result:
    """Refuse FIFOs, devices, sockets, folders and missing files before anything opens them."""
    name = display_name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputRefused(f"{name}: no such file") from None
    except PermissionError:
        raise InputRefused(f"{name}: not allowed to read it") from None
    except OSError as exc:
        raise InputRefused(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputRefused(f"{name}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        what = (
            "a named pipe"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a socket"
            if stat.S_ISSOCK(info.st_mode)
            else "not a regular file"
        )
        raise InputRefused(f"{name}: is {what}, not a regular file; {kind} must be a file")
    limit = LIMITS[kind]
    if info.st_size > limit:
        raise InputRefused(
            f"{name}: too large for {kind} ({_size(info.st_size)}; limit {_size(limit)})"
        )
    return info


def open_regular(path: Path, *, kind: str) -> IO[bytes]:
    """Open for reading, refusing anything but a regular file within the size limit.

    O_NONBLOCK keeps a FIFO swapped in between the check and the open from blocking the open;
    the second fstat check catches that swap.
    """
    check_regular_file(path, kind=kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputRefused(
            f"{display_name(path)}: cannot be read ({exc.strerror or exc})"
        ) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > LIMITS[kind]:
        os.close(fd)
        raise InputRefused(f"{display_name(path)}: changed while being opened; refused")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_bounded(path: Path, *, kind: str) -> bytes:
    """The whole file, never more than the limit of its kind (a growing file is cut off)."""
    limit = LIMITS[kind]
    with open_regular(path, kind=kind) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputRefused(f"{display_name(path)}: too large for {kind} (limit {_size(limit)})")
    return data


def _size(n: int) -> str:
    if n >= 1024 * MiB:
        return f"{n / (1024 * MiB):.1f} GiB"
    if n >= MiB:
        return f"{n / MiB:.0f} MiB"
    return f"{n} bytes"


# --- YAML ------------------------------------------------------------------------------------


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 0


def refuse_yaml_aliases(text: str, *, source: str) -> None:
    """Anchors and aliases are refused outright: checklists never need them, and they are how a
    533-byte file expands to gigabytes (billion laughs). Nesting depth is capped too."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = _line(event)
                raise InputRefused(
                    f"{source}:{line}: YAML anchors and aliases (&, *) are not allowed"
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > YAML_MAX_DEPTH:
                    line = _line(event)
                    raise InputRefused(
                        f"{source}:{line}: YAML nested too deeply (limit {YAML_MAX_DEPTH})"
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the real parser reports the syntax error with its line


# --- JSON ------------------------------------------------------------------------------------


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > JSON_MAX_INT_DIGITS:
        raise ValueError(f"integer with {len(text)} digits (limit {JSON_MAX_INT_DIGITS})")
    return int(text)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _depth(value: Any) -> int:
    # Iterative so that a hostile depth cannot exhaust the stack here either.
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > JSON_MAX_DEPTH:
                return level
            stack.extend(
                (v, level + 1) for v in (item.values() if isinstance(item, dict) else item)
            )
    return deepest


def load_json(data: bytes, *, source: str) -> Any:
    """JSON with bounded integers and depth; NaN and Infinity refused. Raises InputRefused."""
    import json

    if data.count(b"[") + data.count(b"{") and _max_nesting(data) > JSON_MAX_DEPTH:
        raise InputRefused(f"{source}: JSON nested too deeply (limit {JSON_MAX_DEPTH})")
    try:
        text = data.decode("utf-8")  # json.loads would guess UTF-16 or UTF-32 from the bytes
        value = json.loads(text, parse_int=_bounded_int, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise InputRefused(f"{source}: not valid JSON ({str(exc).splitlines()[0][:120]})") from None
    if _depth(value) > JSON_MAX_DEPTH:
        raise InputRefused(f"{source}: JSON nested too deeply (limit {JSON_MAX_DEPTH})")
    return value


def _max_nesting(data: bytes) -> int:
    """Brackets outside strings, counted before the parser recurses into them."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > JSON_MAX_DEPTH:
                    return deepest
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


# --- zip archives ----------------------------------------------------------------------------


class BoundedZip:
    """A zip archive read member by member, each within its caps; nothing read whole unasked."""

    def __init__(self, path: Path, *, kind: str, max_member: int, max_total: int) -> None:
        self.name = display_name(path)
        self.max_member = max_member
        self._handle = open_regular(path, kind=kind)
        try:
            self.archive = zipfile.ZipFile(self._handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            self._handle.close()
            raise InputRefused(f"{self.name}: not a valid zip archive ({exc})") from None
        infos = self.archive.infolist()
        if len(infos) > ZIP_MAX_MEMBERS:
            self.close()
            raise InputRefused(
                f"{self.name}: too many members ({len(infos)}; limit {ZIP_MAX_MEMBERS})"
            )
        total = 0
        for info in infos:
            self.check_declared(info)
            total += info.file_size
        if total > max_total:
            self.close()
            raise InputRefused(f"{self.name}: expands to {_size(total)} (limit {_size(max_total)})")

    def check_declared(self, info: zipfile.ZipInfo) -> None:
        if info.file_size > self.max_member:
            self.close()
            raise InputRefused(
                f"{self.name}: member {info.filename[:80]!r} expands to "
                f"{_size(info.file_size)} (limit {_size(self.max_member)})"
            )
        if info.file_size > ZIP_RATIO_FLOOR and info.file_size > ZIP_MAX_RATIO * max(
            info.compress_size, 1
        ):
            self.close()
            raise InputRefused(
                f"{self.name}: member {info.filename[:80]!r} is compressed more than "
                f"{ZIP_MAX_RATIO}:1 (a zip bomb?)"
            )

    def names(self) -> list[str]:
        return self.archive.namelist()

    def size_of(self, name: str) -> int:
        return self.archive.getinfo(name).file_size

    def chunks(self, name: str, *, chunk: int = MiB) -> Iterator[bytes]:
        """The member's bytes in chunks, counted as they come: a header that lies about the size
        is caught at the declared size, not after the whole member was inflated."""
        info = self.archive.getinfo(name)
        seen = 0
        try:
            with self.archive.open(info) as member:
                while True:
                    piece = member.read(chunk)
                    if not piece:
                        break
                    seen += len(piece)
                    if seen > info.file_size or seen > self.max_member:
                        raise InputRefused(
                            f"{self.name}: member {name[:80]!r} is larger than declared"
                        )
                    yield piece
        # zipfile raises NotImplementedError for a compression method it cannot read (a crafted
        # member): that is a damaged package to refuse, not missing work.
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise InputRefused(f"{self.name}: member {name[:80]!r} is damaged ({exc})") from None

    def read(self, name: str, *, limit: int) -> bytes:
        if self.size_of(name) > limit:
            raise InputRefused(
                f"{self.name}: member {name[:80]!r} too large (limit {_size(limit)})"
            )
        out = io.BytesIO()
        for piece in self.chunks(name):
            out.write(piece)
        return out.getvalue()

    def close(self) -> None:
        self.archive.close()
        self._handle.close()

    def __enter__(self) -> BoundedZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- Excel workbooks -------------------------------------------------------------------------


def check_workbook(path: Path) -> None:
    """Before openpyxl sees an xlsx: zip caps, shared-strings count and size, no DTDs/entities.

    openpyxl holds every shared string in memory; a 1.6 MB file with a shared-strings bomb took
    3.2 GB. Its XML goes through defusedxml here, which refuses entity declarations.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    with BoundedZip(
        path, kind="workbook", max_member=XLSX_MAX_MEMBER, max_total=XLSX_MAX_TOTAL
    ) as archive:
        for name in archive.names():
            if not name.endswith((".xml", ".rels")):
                continue
            data = archive.read(name, limit=XLSX_MAX_MEMBER)
            if name.endswith("sharedStrings.xml") and len(data) > XLSX_MAX_SHARED_STRINGS_BYTES:
                raise InputRefused(
                    f"{archive.name}: shared strings too large "
                    f"({_size(len(data))}; limit {_size(XLSX_MAX_SHARED_STRINGS_BYTES)})"
                )
            counts = {"si": 0, "c": 0, "row": 0}
            try:
                for _event, element in iterparse(
                    io.BytesIO(data), events=("end",), forbid_dtd=True
                ):
                    tag = element.tag.rsplit("}", 1)[-1]
                    if tag in counts:
                        counts[tag] += 1
                        if tag == "row":
                            element.clear()
            except DefusedXmlException as exc:
                raise InputRefused(
                    f"{archive.name}: {name} declares a DTD or entities "
                    f"(refused: {type(exc).__name__})"
                ) from None
            except Exception as exc:  # ParseError and its kin: the file is not XML
                raise InputRefused(
                    f"{archive.name}: {name} is not well-formed XML ({exc})"
                ) from None
            if counts["si"] > XLSX_MAX_SHARED_STRINGS:
                raise InputRefused(
                    f"{archive.name}: too many shared strings ({counts['si']:,}; "
                    f"limit {XLSX_MAX_SHARED_STRINGS:,})"
                )
            if counts["c"] > XLSX_MAX_CELLS or counts["row"] > XLSX_MAX_ROWS:
                raise InputRefused(
                    f"{archive.name}: {name} has too many cells or rows "
                    f"(limit {XLSX_MAX_CELLS:,} cells, {XLSX_MAX_ROWS:,} rows)"
                )
