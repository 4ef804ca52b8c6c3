"""Layout values shared by the PDF and DOCX writers, read from resources/report/style.yaml."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from auditapp import paths

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Style:
    raw: dict[str, Any]

    def size(self, name: str) -> float:
        return float(self.raw["sizes"][name])

    def colour(self, name: str) -> str:
        return str(self.raw["colours"][name])

    def margin(self, side: str) -> float:
        return float(self.raw["margins"][side])

    @property
    def leading(self) -> float:
        return float(self.raw["leading"])

    def pdf_font_file(self, face: str) -> Path:
        return fonts_dir() / str(self.raw["fonts"]["pdf"][face])

    def docx_font(self, face: str) -> str:
        return str(self.raw["fonts"]["docx"][face])

    def image(self, name: str) -> float:
        return float(self.raw["images"][name])


def fonts_dir() -> Path:
    return paths.resources_dir() / "fonts"


def report_dir() -> Path:
    return paths.resources_dir() / "report"


@functools.cache
def load() -> Style:
    with (report_dir() / "style.yaml").open(encoding="utf-8") as handle:
        return Style(yaml.safe_load(handle))


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def is_dark(colour: str) -> bool:
    r, g, b = hex_to_rgb(colour)
    return 0.299 * r + 0.587 * g + 0.114 * b < 150


DARK_TEXT = "#1B1B1B"
LIGHT_TEXT = "#FFFFFF"
WCAG_AA = 4.5  # normal-size text (WCAG 2.1, 1.4.3)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in hex_to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def light_text_on(fill: str) -> bool:
    """White text on this fill where white reads better, else dark text: a grade colour such
    as mustard (#C9A100) gives white text only 2.3:1, far below WCAG AA."""
    return contrast_ratio(fill, LIGHT_TEXT) >= contrast_ratio(fill, DARK_TEXT)


def text_on(fill: str) -> str:
    return LIGHT_TEXT if light_text_on(fill) else DARK_TEXT
