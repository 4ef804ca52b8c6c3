"""The auditing organisation's branding (name, address, logo), from settings.

The report shows the organisation that audits (the sponsor's QA department or the audit firm),
never the tool: "prepared with AuditApp" appears only in the document properties. The logo is
checked when it is set and stored in the database as a small PNG, so a report renders the same
after the original file has moved.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from auditapp.core.settings_store import get_setting, put_setting
from auditapp.errors import BadInput
from auditapp.reports import style

ORGANISATION = "report.organisation_name"
ADDRESS = "report.organisation_address"
LOGO_PNG = "report.logo_png"  # base64 of the checked, downsized PNG
LOGO_PATH = "report.logo_path"  # older databases: a path read at render time
PRIMARY_COLOUR = "report.primary_colour"
FOOTER_TEXT = "report.footer_text"
PAPER = "report.paper"
SETTING_KEYS = (ORGANISATION, ADDRESS, LOGO_PNG, LOGO_PATH, PRIMARY_COLOUR, FOOTER_TEXT, PAPER)

# The names the command line and the documentation use (auditapp settings set NAME VALUE).
PUBLIC_NAMES = {
    "organisation.name": ORGANISATION,
    "organisation.address": ADDRESS,
    "organisation.logo": LOGO_PNG,
    "report.colour": PRIMARY_COLOUR,
    "report.footer": FOOTER_TEXT,
    "report.paper": PAPER,
}

PAPERS = ("a4", "letter")
MAX_LOGO_BYTES = 10 * 1024 * 1024
LOGO_MAX_PX = 600
LOGO_MIN_PX = 32
MAX_NAME = 120
MAX_ADDRESS = 400
MAX_FOOTER = 120
PRODUCER = "AuditApp"


@dataclass(frozen=True)
class Branding:
    organisation: str  # "" when not set: the report then shows no organisation line
    address: str
    logo: bytes | None  # PNG, small; None when not set
    primary_colour: str
    footer_text: str
    paper: str


def check_paper(paper: str) -> str:
    paper = paper.lower()
    if paper not in PAPERS:
        raise BadInput(f"paper size must be one of {', '.join(PAPERS)}, not {paper!r}")
    return paper


def load_logo(path: Path) -> bytes:
    """The logo as a small PNG; any image Pillow reads is accepted, anything else is refused."""
    from PIL import Image, UnidentifiedImageError

    try:
        if path.stat().st_size > MAX_LOGO_BYTES:
            raise BadInput(f"logo {path} is larger than 10 MB")
        with Image.open(path) as image:
            image.load()
            if min(image.size) < LOGO_MIN_PX:
                raise BadInput(
                    f"logo {path} is too small ({image.size[0]}×{image.size[1]} px); "
                    f"use at least {LOGO_MIN_PX} px on each side"
                )
            image.thumbnail((LOGO_MAX_PX, LOGO_MAX_PX))
            out = io.BytesIO()
            image.convert("RGBA").save(out, format="PNG")
            return out.getvalue()
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError) as exc:
        raise BadInput(f"the report logo {path} cannot be read as an image ({exc})") from None


def _text(value: str, limit: int, what: str) -> str:
    value = value.replace("\\n", "\n").replace("\r\n", "\n").strip()
    if len(value) > limit:
        raise BadInput(f"the {what} is longer than {limit} characters")
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise BadInput(f"the {what} contains control characters")
    return value


def set_branding(session: Session, name: str, value: str) -> str:
    """Store one branding setting by its public name; returns the value as stored (shown)."""
    key = PUBLIC_NAMES.get(name)
    if key is None:
        raise BadInput(f"unknown setting {name!r}; known: {', '.join(PUBLIC_NAMES)}")
    shown = value
    if key == ORGANISATION:
        shown = stored = _text(value, MAX_NAME, "organisation name")
    elif key == ADDRESS:
        shown = stored = _text(value, MAX_ADDRESS, "organisation address")
    elif key == FOOTER_TEXT:
        shown = stored = _text(value, MAX_FOOTER, "footer text")
    elif key == PAPER:
        shown = stored = check_paper(value.strip())
    elif key == PRIMARY_COLOUR:
        stored = value.strip().upper()
        if not style.HEX_COLOUR.match(stored):
            raise BadInput(f"report colour {value!r} must look like #1F4E79")
        shown = stored
    else:  # the logo: checked and stored as PNG bytes
        if not value.strip():
            stored = ""
            shown = ""
        else:
            png = load_logo(Path(value).expanduser())
            stored = base64.b64encode(png).decode("ascii")
            shown = f"{Path(value).name} ({len(png):,} bytes as PNG)"
        put_setting(session, LOGO_PATH, "")
    put_setting(session, key, stored)
    return shown


def unset_branding(session: Session, name: str) -> None:
    if name not in PUBLIC_NAMES:
        raise BadInput(f"unknown setting {name!r}; known: {', '.join(PUBLIC_NAMES)}")
    put_setting(session, PUBLIC_NAMES[name], "")
    if name == "organisation.logo":
        put_setting(session, LOGO_PATH, "")


def _logo(session: Session) -> bytes | None:
    stored = str(get_setting(session, LOGO_PNG, "") or "")
    if stored:
        try:
            return base64.b64decode(stored, validate=True)
        except ValueError:
            raise BadInput("the stored report logo is damaged; set it again") from None
    legacy = str(get_setting(session, LOGO_PATH, "") or "")
    return load_logo(Path(legacy).expanduser()) if legacy else None


def load_branding(session: Session) -> Branding:
    colour = str(get_setting(session, PRIMARY_COLOUR, "") or style.load().colour("primary"))
    if not style.HEX_COLOUR.match(colour):
        raise BadInput(f"report colour {colour!r} must look like #1F4E79")
    return Branding(
        organisation=str(get_setting(session, ORGANISATION, "") or ""),
        address=str(get_setting(session, ADDRESS, "") or ""),
        logo=_logo(session),
        primary_colour=colour.upper(),
        footer_text=str(get_setting(session, FOOTER_TEXT, "") or ""),
        paper=check_paper(str(get_setting(session, PAPER, "a4") or "a4")),
    )


def shown_settings(session: Session) -> dict[str, str]:
    """Public name -> value as a person reads it (the logo as its size)."""
    branding = load_branding(session)
    return {
        "organisation.name": branding.organisation,
        "organisation.address": branding.address,
        "organisation.logo": f"PNG, {len(branding.logo):,} bytes" if branding.logo else "",
        "report.colour": branding.primary_colour,
        "report.footer": branding.footer_text,
        "report.paper": branding.paper,
    }
