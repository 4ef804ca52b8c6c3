"""Word document settings python-docx has no API for: update fields on open, the file's
properties (core and extended), and paragraph outline levels."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from auditapp.reports.branding import PRODUCER
from auditapp.reports.docx_xml import clean

# Elements that follow w:updateFields in CT_Settings (ECMA-376 part 1, 17.15.1.78): Word
# refuses a settings part whose children are out of order.
_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
}
APP_XML = "/docProps/app.xml"


def update_fields_on_open(document: Any) -> None:
    """Word recomputes fields (the contents' page numbers) when the file is opened."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    for child in settings:
        if child.tag.rsplit("}", 1)[-1] in _AFTER_UPDATE_FIELDS:
            child.addprevious(flag)
            return
    settings.append(flag)


def set_core_properties(
    document: Any,
    *,
    title: str,
    author: str,
    subject: str,
    keywords: str,
    language: str,
    category: str,
    now: dt.datetime | None = None,
) -> None:
    """Title, author, dates now (not the library template's 2013), and who saved it last."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    props = document.core_properties
    props.title = clean(title)
    props.author = clean(author) or PRODUCER
    props.last_modified_by = clean(author) or PRODUCER
    props.subject = clean(subject)
    props.keywords = clean(keywords)
    props.language = language
    props.category = clean(category)
    props.comments = f"Prepared with {PRODUCER}"
    props.revision = 1
    # python-docx writes naive datetimes as UTC ("Z").
    props.created = now.replace(tzinfo=None)
    props.modified = now.replace(tzinfo=None)


def set_app_properties(document: Any, *, company: str, application: str = PRODUCER) -> None:
    """docProps/app.xml: the application and the company (the auditing organisation)."""
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/docPropsVTypes"><Application>{escape(application)}</Application>'
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escape(clean(company))}</Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = xml
            return
    part = Part(
        PackURI(APP_XML),
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        xml,
        package,
    )
    package.relate_to(part, RT.EXTENDED_PROPERTIES)
