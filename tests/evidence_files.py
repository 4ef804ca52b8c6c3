"""Real evidence files for the tests: photos with EXIF, documents, and broken files."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pillow_heif
from PIL import Image

pillow_heif.register_heif_opener()

RED, GREEN, BLUE, WHITE = (220, 20, 20), (20, 200, 20), (20, 20, 220), (255, 255, 255)


def quadrants(width: int = 300, height: int = 400) -> Image.Image:
    """Upright reference: red top-left, green top-right, blue bottom-left, white bottom-right."""
    image = Image.new("RGB", (width, height), WHITE)
    image.paste(RED, (0, 0, width // 2, height // 2))
    image.paste(GREEN, (width // 2, 0, width, height // 2))
    image.paste(BLUE, (0, height // 2, width // 2, height))
    return image


# How a camera stores an upright scene for each EXIF orientation, written out from the EXIF
# definition (row 0 / column 0 sides), independently of how Pillow undoes it.
STORE_FOR_ORIENTATION = {
    1: lambda im: im,
    2: lambda im: im.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
    3: lambda im: im.rotate(180),
    4: lambda im: im.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
    5: lambda im: im.transpose(Image.Transpose.TRANSPOSE),
    6: lambda im: im.rotate(90, expand=True),  # sensor held sideways: scene rotated left
    7: lambda im: im.transpose(Image.Transpose.TRANSVERSE),
    8: lambda im: im.rotate(-90, expand=True),
}


def exif(
    *,
    orientation: int = 1,
    taken: str | None = "2026:11:16 10:15:30",
    offset: str | None = "+01:00",
    make: str = "Apple",
    model: str = "iPhone 15 Pro",
) -> Image.Exif:
    data = Image.Exif()
    data[0x0112] = orientation
    data[0x010F] = make
    data[0x0110] = model
    sub = data.get_ifd(0x8769)
    if taken is not None:
        sub[0x9003] = taken
    if offset is not None:
        sub[0x9011] = offset
    return data


def jpeg_bytes(image: Image.Image | None = None, *, orientation: int = 1, **kw: object) -> bytes:
    image = image if image is not None else quadrants()
    stored = STORE_FOR_ORIENTATION[orientation](image)
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=90, exif=exif(orientation=orientation, **kw))  # type: ignore[arg-type]
    return out.getvalue()


def image_bytes(fmt: str, image: Image.Image | None = None, **save: object) -> bytes:
    out = io.BytesIO()
    (image if image is not None else quadrants()).save(out, fmt, **save)
    return out.getvalue()


def heic_bytes(*, orientation: int = 1) -> bytes:
    stored = STORE_FOR_ORIENTATION[orientation](quadrants())
    out = io.BytesIO()
    stored.save(out, "HEIF", quality=85, exif=exif(orientation=orientation).tobytes())
    return out.getvalue()


def pdf_bytes(pages: int = 2) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for n in range(pages):
        c.drawString(72, 760, f"Temperature log, page {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims the given size: what a decompression bomb looks like."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
