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
