"""What a PDF could run when opened (script, launch, embedded files): a scan of its names."""

from __future__ import annotations

import re
import zlib

# PDF names that make a reader do something on its own: run script, open a file or address,
# submit a form, play embedded media. Names may be written with #xx escapes (/J#61vaScript).
_ACTIVE_NAMES = {
    b"JavaScript": "JavaScript",
    b"JS": "JavaScript",
    b"OpenAction": "OpenAction",
    b"AA": "automatic actions",
    b"Launch": "Launch",
    b"SubmitForm": "SubmitForm",
    b"ImportData": "ImportData",
    b"RichMedia": "RichMedia",
    b"EmbeddedFile": "embedded files",
    b"GoToR": "remote links",
    b"GoToE": "remote links",
}
_NAME = re.compile(rb"/([A-Za-z0-9#]{2,40})")
_STREAM = re.compile(rb"stream\r?\n")
MAX_INFLATED_SCAN = 64 * 1024 * 1024
_INPUT_PIECE = 256 * 1024


def _names_in(chunk: bytes) -> set[str]:
    found = set()
    for match in _NAME.finditer(chunk):
        raw = match.group(1)
        if b"#" in raw:
            raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        if raw in _ACTIVE_NAMES:
            found.add(_ACTIVE_NAMES[raw])
    return found


def _inflate(view: memoryview, start: int, budget: int) -> bytes:
    """A stream's inflated bytes, at most ``budget``. The input goes in pieces: zlib copies
    whatever input it has not consumed, so one call on the rest of a 200 MB file would copy
    it (a failed header check included)."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    size, position, end = 0, start, min(len(view), start + budget)
    while position < end and size < budget and not inflater.eof:
        piece = inflater.decompress(
            view[position : min(end, position + _INPUT_PIECE)], budget - size
        )
        position += _INPUT_PIECE
        parts.append(piece)
        size += len(piece)
    return b"".join(parts)


def pdf_active_content(data: bytes) -> str:
    """What a PDF can run when opened, as a short list ("" when nothing); object streams are
    inflated (within a budget) because their dictionaries are hidden from a byte scan."""
    found = _names_in(data)
    budget = MAX_INFLATED_SCAN
    view = memoryview(data)
    for match in _STREAM.finditer(data):
        if budget <= 0:
            found.add("content too large to scan")
            break
        try:
            inflated = _inflate(view, match.end(), budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        found |= _names_in(inflated)
    return ", ".join(sorted(found))
