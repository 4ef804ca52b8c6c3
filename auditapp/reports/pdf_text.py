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

from auditapp.core.text_rules import normalise
from auditapp.reports import style
from auditapp.reports.document import Run

MAIN = "ReportSans"
FALLBACK = "ReportFallback"
MONO = "ReportMono"


def _register_family(
    family: str, faces: dict[str, str], bold: str, italic: str, bold_italic: str
) -> None:
    s = style.load()
    for name, face in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(s.pdf_font_file(face))))
    addMapping(family, 0, 0, family)
    addMapping(family, 1, 0, bold)
    addMapping(family, 0, 1, italic)
    addMapping(family, 1, 1, bold_italic)


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register the main and mono fonts once; return the code points the main font covers."""
    _register_family(
        MAIN,
        {
            MAIN: "regular",
            f"{MAIN}-Bold": "bold",
            f"{MAIN}-Italic": "italic",
            f"{MAIN}-BoldItalic": "bold_italic",
        },
        f"{MAIN}-Bold",
        f"{MAIN}-Italic",
        f"{MAIN}-BoldItalic",
    )
    _register_family(MONO, {MONO: "mono"}, MONO, MONO, MONO)
    return frozenset(pdfmetrics.getFont(MAIN).face.charToGlyph)


@functools.cache
def fallback_cover() -> frozenset[int]:
    """The fallback font, parsed only for a report that has text the main font lacks."""
    _register_family(
        FALLBACK,
        {FALLBACK: "fallback", f"{FALLBACK}-Bold": "fallback_bold"},
        f"{FALLBACK}-Bold",
        FALLBACK,
        f"{FALLBACK}-Bold",
    )
    return frozenset(pdfmetrics.getFont(FALLBACK).face.charToGlyph)


def clean(text: str) -> str:
    # The core normalises every write; this also covers rows written before it did.
    return normalise(text)


def markup(text: str, *, mono: bool = False) -> str:
    """Escaped paragraph markup for plain user text; newlines become line breaks."""
    main_cover = register_fonts()
    text = clean(text)
    if mono or main_cover.issuperset(map(ord, text)):
        return escape(text).replace("\n", "<br/>")
    fallback = fallback_cover()
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
        wants_fallback = code not in main_cover and code in fallback and char != "\n"
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
