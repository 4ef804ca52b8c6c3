"""Render resources/icons/auditapp.svg to the PNG, ICO and ICNS files the installers need.

    QT_QPA_PLATFORM=offscreen python3 installer/make_icons.py

The outputs are committed (small, and a build should not depend on an SVG renderer); run this
again after changing the SVG.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(size: int) -> Image.Image:
    renderer = QSvgRenderer(str(ICONS / "auditapp.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> None:
    QGuiApplication([])
    big = render(1024)
    for size in (48, 256):
        render(size).save(ICONS / f"auditapp-{size}.png")
    big.save(
        ICONS / "auditapp.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )
    big.save(ICONS / "auditapp.icns")
    print(f"icons written to {ICONS}")


if __name__ == "__main__":
    main()
