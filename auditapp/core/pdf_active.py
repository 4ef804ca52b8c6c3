"""What a PDF could run when opened (script, launch, embedded files): a scan of its names."""

from __future__ import annotations

import re
import zlib

# PDF names that make a reader do something on its own: run script, open a file or address,
# submit a form, play embedded media. Names may be written with #xx escapes (/J#61vaScript).
_ACTIVE_NAMES = {
    b"JavaScript": "JavaScript", b"JS": "JavaScript", b"OpenAction": "OpenAction",
    b"AA": "automatic actions", b"Launch": "Launch", b"SubmitForm": "SubmitForm",
    b"ImportData": "ImportData", b"RichMedia": "RichMedia", b"EmbeddedFile": "embedded files",
    b"GoToR": "remote links", b"GoToE": "remote links",
}
_NAME = re.compile(rb"/([A-Za-z0-9#]{2,40})")
_STREAM = re.compile(rb"stream\r?\n")
MAX_INFLATED_SCAN = 64 * 1024 * 1024


def _names_in(chunk: bytes) -> set[str]:
    found = set()
    for match in _NAME.finditer(chunk):
        raw = match.group(1)
        if b"#" in raw:
            raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        if raw in _ACTIVE_NAMES:
            found.add(_ACTIVE_NAMES[raw])
    return found


def pdf_active_content(data: bytes) -> str:
    """What a PDF can run when opened, as a short list ("" when nothing); object streams are
    inflated (within a budget) because their dictionaries are hidden from a byte scan."""
    found = _names_in(data)
    budget = MAX_INFLATED_SCAN
    for match in _STREAM.finditer(data):
        if budget <= 0:
            found.add("content too large to scan")
            break
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[match.end():match.end() + budget], budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        found |= _names_in(inflated)
    return ", ".join(sorted(found))
