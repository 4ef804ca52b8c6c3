"""Generated evidence photos for the demo audit: phone-like JPEGs with EXIF, some portrait.

The pictures are drawn, not shipped: archive shelves, a temperature log, a server rack, an
EDC screen and so on, each captioned and linked to the finding it supports. They go through
the same import path as a real photo (checks, hash, derived images, trail).
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

from auditapp.core import media
from auditapp.core.audits import get_audit
from auditapp.core.db import Database
from auditapp.core.evidence import Target, add_prepared

PHOTO_SIZE = (2016, 1512)  # 3 MP: realistic enough, quick to make for --photos 100
DEVICE = ("Apple", "iPhone 15 Pro")
FIRST_SHOT = dt.datetime(2026, 11, 16, 9, 40, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Scene:
    kind: str
    caption: str
    finding: int | None  # the demo finding (F-nn) the photo is evidence for, if any
    portrait: bool = False
    confidential: bool = False


# Each photo shows what its finding states (numbers follow demo._FINDINGS).
SCENES = (
    Scene("screen", "EDC study build: audit trail settings page, fields with audit trail off", 1),
    Scene(
        "log",
        "SAE inbox log sheet, November 2026, London office: forwarding dates",
        2,
        portrait=True,
    ),
    Scene(
        "document",
        "CAPA log 2025-2026, extract: root cause and effectiveness columns empty",
        3,
        portrait=True,
    ),
    Scene(
        "document",
        "Approved vendor list VL-2026-03, page 2 (central laboratory entry)",
        4,
        portrait=True,
    ),
    Scene(
        "document",
        "CRA training record with personal data (not for distribution)",
        5,
        portrait=True,
        confidential=True,
    ),
    Scene("screen", "eTMF user administration: active accounts of two leavers", 8),
    Scene("shelves", "SOP library, London office: current SOP binders and index", None),
    Scene("shelves", "Pharmacovigilance unit, Kraków: SAE case file cabinets", 2),
)


def _background(
    rng: random.Random, size: tuple[int, int], base: tuple[int, int, int]
) -> Image.Image:
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, base)
    image = Image.blend(image, tint, 0.75)
    # Sensor-like grain so the JPEG has the size and texture of a real photo.
    # Made at half size and enlarged: four times cheaper, and softer like a real sensor's.
    small = (max(1, size[0] // 2), max(1, size[1] // 2))
    grain = Image.effect_noise(small, rng.uniform(12, 20)).convert("RGB").resize(size)
    return Image.blend(image, grain, 0.12)


def _draw(scene: Scene, rng: random.Random) -> Image.Image:
    size = PHOTO_SIZE[::-1] if scene.portrait else PHOTO_SIZE
    w, h = size
    if scene.kind == "shelves":
        image = _background(rng, size, (150, 140, 120))
        d = ImageDraw.Draw(image)
        for shelf in range(4):
            y = int(h * (0.1 + shelf * 0.22))
            d.rectangle((0, y + int(h * 0.17), w, y + int(h * 0.19)), fill=(90, 70, 50))
            x = int(w * 0.03)
            while x < w * 0.95:
                bw = rng.randint(w // 40, w // 22)
                colour = rng.choice([(30, 60, 140), (150, 30, 30), (40, 110, 60), (200, 170, 40)])
                d.rectangle((x, y, x + bw, y + int(h * 0.17)), fill=colour, outline=(20, 20, 20))
                d.rectangle(
                    (x + bw // 4, y + int(h * 0.03), x + 3 * bw // 4, y + int(h * 0.07)),
                    fill=(235, 235, 225),
                )
                x += bw + rng.randint(2, 8)
    elif scene.kind == "rack":
        image = _background(rng, size, (60, 65, 75))
        d = ImageDraw.Draw(image)
        d.rectangle((int(w * 0.3), int(h * 0.05), int(w * 0.7), int(h * 0.97)), fill=(25, 25, 30))
        for unit in range(18):
            y = int(h * (0.07 + unit * 0.05))
            d.rectangle((int(w * 0.32), y, int(w * 0.68), y + int(h * 0.04)), fill=(45, 45, 50))
            for led in range(rng.randint(1, 4)):
                x = int(w * 0.34) + led * 18
                d.ellipse(
                    (x, y + 8, x + 9, y + 17), fill=rng.choice([(40, 220, 60), (240, 160, 20)])
                )
    else:
        paper = (245, 245, 240) if scene.kind != "screen" else (235, 240, 250)
        image = _background(rng, size, (110, 100, 90) if scene.kind != "screen" else (30, 30, 35))
        d = ImageDraw.Draw(image)
        margin = int(min(w, h) * 0.08)
        d.rectangle((margin, margin, w - margin, h - margin), fill=paper)
        line_h = max(14, h // 45)
        for y in range(margin * 2, h - margin * 2, line_h):
            if scene.kind == "log":
                d.line(
                    (margin * 1.5, y + line_h - 2, w - margin * 1.5, y + line_h - 2),
                    fill=(160, 160, 170),
                )
            length = rng.uniform(0.3, 0.95) * (w - 4 * margin)
            d.rectangle(
                (margin * 2, y + 3, margin * 2 + int(length), y + line_h // 2),
                fill=(70, 70, 80) if scene.kind != "screen" else (40, 60, 120),
            )
        d.rectangle(
            (margin * 2, margin + 10, margin * 2 + (w - 4 * margin) // 2, margin * 2 - 10),
            fill=(30, 30, 60),
        )
    return image.filter(ImageFilter.SMOOTH)


def photo_bytes(index: int, scene: Scene, *, taken: dt.datetime) -> bytes:
    """One JPEG as a phone writes it: portrait shots stored sideways with orientation 6."""
    rng = random.Random(index * 7919 + 17)
    upright = _draw(scene, rng)
    stored = upright.rotate(90, expand=True) if scene.portrait else upright
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = DEVICE
    exif[0x0112] = 6 if scene.portrait else 1
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    sub[0x9011] = "+00:00"
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def add_demo_photos(db: Database, reference: str, *, count: int) -> int:
    """Add ``count`` generated photos to the audit; returns how many were added."""
    with db.session() as session:
        numbers = {f.number for f in get_audit(session, reference).findings}
    added = 0
    for index in range(count):
        scene = SCENES[index % len(SCENES)]
        day, slot = divmod(index, 40)
        taken = FIRST_SHOT + dt.timedelta(days=day % 3, minutes=11 * slot + index // 120)
        suffix = f" ({index // len(SCENES) + 1})" if index >= len(SCENES) else ""
        prepared = media.prepare_bytes(
            photo_bytes(index, scene, taken=taken), file_name=f"IMG_{4100 + index:04d}.JPG"
        )
        finding = scene.finding if scene.finding in numbers else None
        with db.session(actor="demo.lead") as session:
            audit = get_audit(session, reference)
            add_prepared(
                session,
                audit,
                prepared,
                actor="demo.lead",
                caption=scene.caption + suffix,
                confidential=scene.confidential,
                target=Target(finding=finding) if finding is not None else None,
            )
        added += 1
    return added
