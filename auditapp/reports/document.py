"""The report model: plain frozen dataclasses that say what a document contains, never how it looks.

build.py decides every word; pdf.py and docx.py lay these blocks out. A renderer that meets a block
it does not know raises UnknownBlock instead of skipping it, so the two outputs cannot drift.
All text here is final, already in the document's language; renderers escape it themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class UnknownBlock(TypeError):
    """A renderer was given a block type it cannot lay out (a programming error)."""


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    mono: bool = False


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 chapter, 2 section, 3 sub-section
    anchor: str = ""
    in_toc: bool = True


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: str = "body"  # body, small, note, lead

    @classmethod
    def of(cls, text: str, style: str = "body") -> Paragraph:
        return cls((Run(text),), style)


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Run, ...], ...]


@dataclass(frozen=True)
class Callout:
    """A framed statement (confidentiality, key conclusion) in the branding colour."""

    title: str
    text: str


@dataclass(frozen=True)
class KeyValueTable:
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Cell:
    text: str
    fill: str = ""  # hex colour of the background, "" for none
    bold: bool = False
    mono: bool = False
    light_text: bool = False  # white text on a dark fill


@dataclass(frozen=True)
class Table:
    """A data table; the header row repeats on every page the table spans."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative column widths
    small: bool = False
    width_share: float = 1.0  # of the text width


@dataclass(frozen=True)
class Figure:
    """An image with its caption lines; the bytes are the JPEG or PNG derived at import."""

    image: bytes
    width_px: int
    height_px: int
    caption: tuple[str, ...]
    full_width: bool = False  # across the text width (readable documents), else a grid cell


@dataclass(frozen=True)
class FindingBlock:
    number: str  # F-01
    title: str
    grade_label: str
    grade_colour: str
    facts: tuple[tuple[str, str], ...]  # labelled short values: references, due date...
    sections: tuple[tuple[str, str], ...]  # labelled long texts: observation, risk...
    figures: tuple[Figure, ...] = ()
    figures_label: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class SignatureSlot:
    """One signature manifestation; empty values are printed as lines to fill in."""

    meaning: str  # author, reviewer, approver (stable key for the signing code)
    caption: str
    rows: tuple[tuple[str, str], ...]  # (label, value)


@dataclass(frozen=True)
class SignatureBlock:
    slots: tuple[SignatureSlot, ...]


@dataclass(frozen=True)
class Cover:
    kicker: str  # e.g. "GCP audit report"
    title: str
    rows: tuple[tuple[str, str], ...]
    statement_title: str
    statement: str


@dataclass(frozen=True)
class TableOfContents:
    title: str
    note: str = ""  # shown in the DOCX only, where page numbers need a field update


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (
    Heading
    | Paragraph
    | BulletList
    | Callout
    | KeyValueTable
    | Table
    | Figure
    | FindingBlock
    | SignatureBlock
    | Cover
    | TableOfContents
    | PageBreak
)


@dataclass(frozen=True)
class Meta:
    """What every page shows and the document properties both formats carry."""

    title: str
    reference: str  # report number, e.g. AUD-2026-007-R1
    version_label: str
    language: str
    organisation: str
    author: str
    confidentiality: str  # short line for the footer
    footer_text: str
    page_label: str  # "Page {page} of {pages}"
    paper: str = "a4"
    primary_colour: str = "#1F4E79"
    logo: bytes | None = None
    subject: str = ""
    keywords: tuple[str, ...] = ()
    organisation_address: str = ""
    # PDF only: write PDF/A-2b (embedded ICC output intent, XMP, tagged structure).
    pdfa: bool = False


@dataclass(frozen=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and b.in_toc]
