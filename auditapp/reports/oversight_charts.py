"""The oversight report's charts, painted with Pillow into PNG.

A PNG serves both renderers (the PDF embeds it, the DOCX too) and the GUI dashboard (shown
as a pixmap), so all three show the same figures. ReportLab's own chart widgets would need its renderPM backend (rlPyCairo), which this
install lacks; a few bars and lines are simple enough to paint directly. Each function takes
plain values (no database) and returns (PNG bytes, width px, height px).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from auditapp import paths
from auditapp.core.grading import EMA_SCHEME, MHRA_SCHEME

WIDTH, HEIGHT = 1400, 540  # pixels; shown 16 cm wide (about 220 dpi)
GRADES = ("critical", "major", "minor", "other", "recommendation")
RATING_COLOURS = {"ok": "#2E7D32", "warning": "#C77C02", "breach": "#C62828", "unknown": "#777777"}
INK, GRID, LINE = "#1B1B1B", "#D9D9D9", "#1F4E79"
SERIES_COLOURS = (LINE, "#6A1B9A", "#00838F", "#5D4037", "#AD1457", "#455A64")


def grade_colour(grade: str) -> str:
    for g in (*EMA_SCHEME, *MHRA_SCHEME):
        if g.classification.value == grade:
            return g.colour
    return "#777777"


def grade_label(grade: str, lang: str) -> str:
    for g in (*EMA_SCHEME, *MHRA_SCHEME):
        if g.classification.value == grade:
            return g.label.get(lang, g.label["en"])
    return grade


@functools.cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(paths.resources_dir() / "fonts" / name), size)


def _png(image: Image.Image) -> tuple[bytes, int, int]:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue(), image.width, image.height


def _nice_top(value: float) -> tuple[float, float]:
    """An axis maximum and step (1, 2, 5 x 10^n) with about five gridlines."""
    value = max(value, 1.0)
    raw = value / 5
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    top = step * -(-value // step)
    return top, step


def _canvas(title: str, height: int = HEIGHT) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((10, 8), title, font=_font(30, bold=True), fill=INK)
    return image, draw


def _legend(draw: ImageDraw.ImageDraw, items: Sequence[tuple[str, str]], top: int = 60) -> None:
    x = WIDTH - 300
    for index, (colour, label) in enumerate(items):
        y = top + index * 36
        draw.rectangle((x, y + 4, x + 22, y + 26), fill=colour)
        draw.text((x + 32, y), label[:24], font=_font(22), fill=INK)


def _value_axis(
    draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], low: float, top: float, step: float
) -> None:
    left, upper, right, bottom = box
    value = low
    while value <= top + 1e-9:
        y = bottom - (bottom - upper) * (value - low) / (top - low)
        draw.line((left, y, right, y), fill=GRID, width=2)
        text = f"{value:g}"
        width = draw.textlength(text, font=_font(20))
        draw.text((left - 10 - width, y - 12), text, font=_font(20), fill=INK)
        value += step


def stacked_grades(
    title: str, categories: Sequence[str], counts: Sequence[dict[str, int]], lang: str
) -> tuple[bytes, int, int]:
    """Findings by grade, one stacked bar per category (an audit, or an area)."""
    grades = [g for g in GRADES if any(c.get(g, 0) for c in counts)]
    image, draw = _canvas(title)
    box = (80, 70, WIDTH - 330, HEIGHT - 80)
    top, step = _nice_top(max([sum(c.get(g, 0) for g in GRADES) for c in counts] or [1]))
    _value_axis(draw, box, 0, top, step)
    left, upper, right, bottom = box
    slot = (right - left) / max(1, len(categories))
    bar = min(120, slot * 0.6)
    for index, (name, count) in enumerate(zip(categories, counts, strict=True)):
        x = left + slot * index + (slot - bar) / 2
        y: float = bottom
        for grade in grades:
            n = count.get(grade, 0)
            if not n:
                continue
            h = (bottom - upper) * n / top
            draw.rectangle((x, y - h, x + bar, y), fill=grade_colour(grade))
            label = str(n)
            draw.text(
                (x + bar / 2 - draw.textlength(label, font=_font(20)) / 2, y - h / 2 - 12),
                label,
                font=_font(20),
                fill="white",
            )
            y -= h
        label = name[:22]
        width = draw.textlength(label, font=_font(20))
        draw.text(
            (left + slot * index + slot / 2 - width / 2, bottom + 10),
            label,
            font=_font(20),
            fill=INK,
        )
    draw.line((left, bottom, right, bottom), fill=INK, width=2)
    _legend(draw, [(grade_colour(g), grade_label(g, lang)) for g in grades])
    return _png(image)


def bars(
    title: str, labels: Sequence[str], values: Sequence[float], colours: Sequence[str]
) -> tuple[bytes, int, int]:
    """Plain bars with their own colours (CAPA ageing, risk score per CRO)."""
    image, draw = _canvas(title)
    box = (80, 70, WIDTH - 40, HEIGHT - 80)
    top, step = _nice_top(max([*values, 1]))
    _value_axis(draw, box, 0, top, step)
    left, upper, right, bottom = box
    slot = (right - left) / max(1, len(labels))
    bar = min(140, slot * 0.6)
    for index, (label, value, colour) in enumerate(zip(labels, values, colours, strict=True)):
        x = left + slot * index + (slot - bar) / 2
        h = (bottom - upper) * value / top
        draw.rectangle((x, bottom - h, x + bar, bottom), fill=colour)
        text = f"{value:g}"
        draw.text(
            (x + bar / 2 - draw.textlength(text, font=_font(22)) / 2, bottom - h - 30),
            text,
            font=_font(22),
            fill=INK,
        )
        name = label[:26]
        draw.text(
            (
                left + slot * index + slot / 2 - draw.textlength(name, font=_font(20)) / 2,
                bottom + 10,
            ),
            name,
            font=_font(20),
            fill=INK,
        )
    draw.line((left, bottom, right, bottom), fill=INK, width=2)
    return _png(image)


def kpi_trend(
    title: str,
    points: Sequence[tuple[dt.date, float, str]],
    *,
    warning: float,
    breach: float,
    unit: str,
    period_labels: Sequence[str],
    value_label: str,
    warning_label: str,
    breach_label: str,
) -> tuple[bytes, int, int]:
    """One KPI over time, each point coloured by its rating, against both thresholds."""
    labels = dict(zip((p[0] for p in points), period_labels, strict=True))
    return kpi_trends(
        title,
        {value_label: points},
        warning=warning,
        breach=breach,
        unit=unit,
        period_labels=labels,
        warning_label=warning_label,
        breach_label=breach_label,
    )


def kpi_trends(
    title: str,
    lines: dict[str, Sequence[tuple[dt.date, float, str]]],
    *,
    warning: float,
    breach: float,
    unit: str,
    period_labels: dict[dt.date, str],
    warning_label: str,
    breach_label: str,
) -> tuple[bytes, int, int]:
    """Several series of one KPI (per study or CRO) on one period axis, each point coloured by
    its rating, against both thresholds."""
    image, draw = _canvas(f"{title} ({unit})")
    box = (100, 70, WIDTH - 330, HEIGHT - 80)
    left, upper, right, bottom = box
    values = [p[1] for points in lines.values() for p in points]
    low_raw, high_raw = min([*values, warning, breach]), max([*values, warning, breach])
    pad = max(1.0, (high_raw - low_raw) * 0.2)
    low = max(0.0, low_raw - pad) if low_raw >= 0 else low_raw - pad
    top, step = _nice_top(high_raw + pad - low)
    top += low
    low = step * (low // step)
    _value_axis(draw, box, low, top, step)

    def y_of(value: float) -> float:
        return bottom - (bottom - upper) * (value - low) / (top - low)

    for limit, colour in ((warning, RATING_COLOURS["warning"]), (breach, RATING_COLOURS["breach"])):
        level, dash = y_of(limit), float(left)
        while dash < right:  # dashed threshold line
            draw.line((dash, level, min(dash + 18, right), level), fill=colour, width=4)
            dash += 30
    days = sorted({p[0] for points in lines.values() for p in points})
    slot = (right - left) / max(1, len(days))
    x_of = {day: left + slot * i + slot / 2 for i, day in enumerate(days)}
    for day in days:
        label = period_labels.get(day, day.strftime("%Y-%m"))
        draw.text(
            (x_of[day] - draw.textlength(label, font=_font(20)) / 2, bottom + 10),
            label,
            font=_font(20),
            fill=INK,
        )
    legend: list[tuple[str, str]] = []
    for index, (name, points) in enumerate(lines.items()):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        legend.append((colour, name))
        xy = [(x_of[p[0]], y_of(p[1])) for p in points]
        if len(xy) > 1:
            draw.line(xy, fill=colour, width=5)
        for (x, y), (_day, value, rating) in zip(xy, points, strict=True):
            draw.ellipse((x - 11, y - 11, x + 11, y + 11), fill=RATING_COLOURS.get(rating, INK))
            text = f"{value:g}"
            draw.text(
                (x - draw.textlength(text, font=_font(20)) / 2, y - 42),
                text,
                font=_font(20),
                fill=INK,
            )
    draw.line((left, bottom, right, bottom), fill=INK, width=2)
    _legend(
        draw,
        [
            *legend[:6],
            (RATING_COLOURS["warning"], f"{warning_label} {warning:g}"),
            (RATING_COLOURS["breach"], f"{breach_label} {breach:g}"),
        ],
    )
    return _png(image)
