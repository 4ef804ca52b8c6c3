"""The DOCX writer's page: styles, properties, header and footer, cover, contents (a mixin)."""

from __future__ import annotations

import io
import re
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from auditapp.reports import docx_props
from auditapp.reports import docx_xml as x
from auditapp.reports.document import Callout, Cover, Document, Meta, Paragraph, TableOfContents
from auditapp.reports.docx_findings import rgb

_rgb = rgb


class PageParts:
    """Needs from the writer (docx._Writer): source, meta, s, doc, brand, text_width, para(),
    paragraph(), key_values(), callout()."""

    source: Document
    meta: Meta
    s: Any
    doc: Any
    brand: str
    text_width: Any
    para: Any
    paragraph: Any
    key_values: Any
    callout: Any

    def _styles(self) -> None:
        body_font = self.s.docx_font("body")
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = body_font
        normal.font.size = Pt(self.s.size("body"))
        normal.font.color.rgb = _rgb(self.s.colour("text"))
        normal.paragraph_format.space_after = Pt(4)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
        if fonts is not None:  # east-Asian and complex-script text in the same face
            for attr in ("w:eastAsia", "w:cs", "w:hAnsi", "w:ascii"):
                fonts.set(qn(attr), body_font)
        # Proofing language, so Word checks a German report's spelling as German.
        x.set_language(rpr, {"de": "de-DE", "en": "en-GB"}.get(self.meta.language, "en-GB"))
        for level in (1, 2, 3):
            heading = styles[f"Heading {level}"]
            heading.font.name = body_font
            heading.font.size = Pt(self.s.size(f"h{level}"))
            heading.font.bold = True
            heading.font.italic = False
            heading.font.color.rgb = _rgb(self.brand if level < 3 else self.s.colour("text"))
            heading.paragraph_format.space_before = Pt(12 if level == 1 else 8)
            heading.paragraph_format.space_after = Pt(4)
            heading.paragraph_format.keep_with_next = True

    def _properties(self) -> None:
        docx_props.set_core_properties(
            self.doc,
            title=self.meta.title,
            author=self.meta.author,
            subject=self.meta.subject,
            keywords=", ".join(self.meta.keywords),
            language=self.meta.language,
            category=self.meta.title.replace(self.meta.reference, "").strip(),
        )
        docx_props.set_app_properties(self.doc, company=self.meta.organisation)
        docx_props.update_fields_on_open(self.doc)

    def _page_furniture(self, has_cover: bool) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = has_cover
        tab = int(self.text_width.twips)
        small = Pt(self.s.size("header"))
        header = section.header.paragraphs[0]
        x.right_tab(header, tab)
        if self.meta.logo:
            header.add_run().add_picture(io.BytesIO(self.meta.logo), height=Mm(6))
            header.add_run("  ")
        org = header.add_run(x.clean(self.meta.organisation))
        org.bold, org.font.size, org.font.color.rgb = (
            True,
            Pt(self.s.size("header") + 0.5),
            _rgb(self.brand),
        )
        right = header.add_run(
            f"\t{x.clean(self.meta.version_label)}  ·  {x.clean(self.meta.title)}"
        )
        right.font.size, right.font.color.rgb = small, _rgb(self.s.colour("muted"))
        footers = [section.footer]
        if has_cover:
            footers.append(section.first_page_footer)
        for footer in footers:
            para = footer.paragraphs[0]
            x.right_tab(para, tab)
            text = self.meta.confidentiality + (
                f"  ·  {self.meta.footer_text}" if self.meta.footer_text else ""
            )
            self._small(para.add_run(x.clean(text) + "\t"), small)
            for piece in re.split(r"(\{page\}|\{pages\})", self.meta.page_label):
                if piece == "{page}":
                    x.add_field(para, "PAGE")
                elif piece == "{pages}":
                    x.add_field(para, "NUMPAGES")
                elif piece:
                    self._small(para.add_run(piece), small)
            for run in para.runs:
                run.font.size = small

    def _small(self, run: Any, size: Pt) -> None:
        run.font.size = size
        run.font.color.rgb = _rgb(self.s.colour("muted"))

    # --- front matter ------------------------------------------------------------------------
    def cover(self, block: Cover) -> None:
        first = self.doc.paragraphs[0] if self.doc.paragraphs else self.doc.add_paragraph()
        if self.meta.logo:
            first.add_run().add_picture(io.BytesIO(self.meta.logo), height=Mm(16))
            first.add_run("   ")
        if self.meta.organisation:
            org = first.add_run(x.clean(self.meta.organisation))
            org.bold, org.font.size, org.font.color.rgb = (
                True,
                Pt(self.s.size("h2")),
                _rgb(self.brand),
            )
        if self.meta.organisation_address:
            self.para(
                self.doc,
                self.meta.organisation_address.replace("\n", ", "),
                size=self.s.size("small"),
                colour=self.s.colour("muted"),
                role="Cover Address",
            )
        spacer = self.doc.add_paragraph()
        spacer.paragraph_format.space_before = Pt(70)
        self.para(
            self.doc,
            block.kicker,
            size=self.s.size("cover_kicker"),
            bold=True,
            colour=self.brand,
            role="Cover Kicker",
        )
        self.para(
            self.doc, block.title, size=self.s.size("cover_title"), bold=True, role="Cover Title"
        )
        self.key_values(block.rows, 0.3)
        self.doc.add_paragraph().paragraph_format.space_before = Pt(30)
        self.callout(Callout(block.statement_title, block.statement))

    def contents(self, block: TableOfContents) -> None:
        self.doc.add_paragraph(x.clean(block.title), style="Heading 1")
        headings = self.source.headings()
        first = self.doc.add_paragraph()
        x.begin_complex_field(first, 'TOC \\o "1-2" \\h \\z \\u')
        for index, heading in enumerate(headings):
            para = first if index == 0 else self.doc.add_paragraph()
            run = para.add_run(x.clean(heading.text))
            run.bold = heading.level == 1
            if heading.level > 1:
                para.paragraph_format.left_indent = Mm(8)
            para.paragraph_format.space_after = Pt(1)
        x.end_complex_field(self.doc.paragraphs[-1])
        if block.note:
            self.paragraph(Paragraph.of(block.note, "note"))
        # Page numbers come when Word updates the field on opening (docx_props).
