"""Fonts and paragraph markup for the PDF writer.

ReportLab's paragraph text is a small XML dialect: user text must be escaped (&, <, >), and
ReportLab has no glyph fallback, so characters the main font lacks are switched to the bundled
fallback font here, run by run, instead of printing empty boxes.
"""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from auditapp.reports import style
from auditapp.reports.document import Run

MAIN = "ReportSans"
FALLBACK = "ReportFallback"
MONO = "ReportMono"

# XML 1.0 forbids most control characters; the core refuses them at input, but a report must
# never fail on one that slipped in through an old database.
_DROP = {c: None for c in range(32) if c not in (9, 10)}
_DROP[127] = None


@functools.cache
def register_fonts() -> tuple[frozenset[int], frozenset[int]]:
    """Register the bundled fonts once; return the code points each of the two families covers."""
    s = style.load()
    faces = {
        MAIN: "regular", f"{MAIN}-Bold": "bold", f"{MAIN}-Italic": "italic",
        f"{MAIN}-BoldItalic": "bold_italic", FALLBACK: "fallback",
        f"{FALLBACK}-Bold": "fallback_bold", MONO: "mono",
    }
    for name, face in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(s.pdf_font_file(face))))
    for family, bold, italic, bold_italic in (
        (MAIN, f"{MAIN}-Bold", f"{MAIN}-Italic", f"{MAIN}-BoldItalic"),
        (FALLBACK, f"{FALLBACK}-Bold", FALLBACK, f"{FALLBACK}-Bold"),
        (MONO, MONO, MONO, MONO),
    ):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold_italic)
    main = pdfmetrics.getFont(MAIN).face.charToGlyph
    fallback = pdfmetrics.getFont(FALLBACK).face.charToGlyph
    return frozenset(main), frozenset(fallback)


def clean(text: str) -> str:
    return text.translate(_DROP)


def markup(text: str, *, mono: bool = False) -> str:
    """Escaped paragraph markup for plain user text; newlines become line breaks."""
    main_cover, fallback_cover = register_fonts()
    text = clean(text)
    if mono:
        return escape(text).replace("\n", "<br/>")
    out: list[str] = []
    chunk: list[str] = []
    in_fallback = False

    def flush() -> None:
        if not chunk:
            return
        piece = escape("".join(chunk)).replace("\n", "<br/>")
        out.append(f'<font name="{FALLBACK}">{piece}</font>' if in_fallback else piece)
        chunk.clear()

    for char in text:
        code = ord(char)
        wants_fallback = code not in main_cover and code in fallback_cover and char != "\n"
        if wants_fallback != in_fallback:
            flush()
            in_fallback = wants_fallback
        chunk.append(char)
    flush()
    return "".join(out)


def runs_markup(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        piece = markup(run.text, mono=run.mono)
        if run.mono:
            piece = f'<font name="{MONO}">{piece}</font>'
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        parts.append(piece)
    return "".join(parts)
