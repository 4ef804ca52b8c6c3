"""Read a PDF back page by page (pdftotext) and find headings left alone at a page's foot."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

FURNITURE = re.compile(r"(Page|Seite) \d+ (of|von) \d+|^(Confidential|Vertraulich)\b")


def page_count(pdf: Path) -> int:
    from conftest import require_tool

    info = subprocess.run(
        [require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def last_body_lines(pdf: Path) -> list[str]:
    """The last line of text above the footer on every page but the last."""
    from conftest import require_tool

    tool = require_tool("pdftotext")
    out = []
    for page in range(1, page_count(pdf)):
        text = subprocess.run(
            [tool, "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        body = [line for line in lines if not FURNITURE.search(line)]
        out.append(body[-1] if body else "")
    return out


def orphans(pdf: Path, headings: Iterable[str]) -> list[tuple[int, str]]:
    wanted = {" ".join(h.split()) for h in headings if h.strip()}
    return [
        (page, line) for page, line in enumerate(last_body_lines(pdf), start=1) if line in wanted
    ]
