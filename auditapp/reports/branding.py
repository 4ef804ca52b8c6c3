"""The issuing organisation's branding, from settings, with defaults that look finished."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from auditapp.core.findings import get_setting
from auditapp.errors import BadInput
from auditapp.reports import style

ORGANISATION = "report.organisation_name"
LOGO_PATH = "report.logo_path"
PRIMARY_COLOUR = "report.primary_colour"
FOOTER_TEXT = "report.footer_text"
PAPER = "report.paper"
SETTING_KEYS = (ORGANISATION, LOGO_PATH, PRIMARY_COLOUR, FOOTER_TEXT, PAPER)

PAPERS = ("a4", "letter")
MAX_LOGO_BYTES = 10 * 1024 * 1024
LOGO_MAX_PX = 600


@dataclass(frozen=True)
class Branding:
    organisation: str
    logo: bytes  # PNG or JPEG, small
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
            image.thumbnail((LOGO_MAX_PX, LOGO_MAX_PX))
            out = io.BytesIO()
            image.convert("RGBA").save(out, format="PNG")
            return out.getvalue()
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        raise BadInput(f"the report logo {path} cannot be read as an image ({exc})") from None


def load_branding(session: Session) -> Branding:
    colour = str(get_setting(session, PRIMARY_COLOUR, "") or style.load().colour("primary"))
    if not style.HEX_COLOUR.match(colour):
        raise BadInput(f"report colour {colour!r} must look like #1F4E79")
    logo_setting = str(get_setting(session, LOGO_PATH, "") or "")
    logo_path = Path(logo_setting).expanduser() if logo_setting else style.report_dir() / "logo.png"
    return Branding(
        organisation=str(get_setting(session, ORGANISATION, "") or "AuditApp"),
        logo=load_logo(logo_path),
        primary_colour=colour.upper(),
        footer_text=str(get_setting(session, FOOTER_TEXT, "") or ""),
        paper=check_paper(str(get_setting(session, PAPER, "a4") or "a4")),
    )
