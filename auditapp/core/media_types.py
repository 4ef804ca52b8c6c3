"""The media types evidence can have: a module without Pillow, for code that only names them."""

from __future__ import annotations

JPEG, PNG, TIFF, HEIC, HEIF, PDF = (
    "image/jpeg",
    "image/png",
    "image/tiff",
    "image/heic",
    "image/heif",
    "application/pdf",
)
