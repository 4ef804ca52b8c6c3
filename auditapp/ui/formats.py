"""Dates, times and numbers as the interface language writes them (QLocale, set by i18n).

German shows 01.12.2026 and 1.234,5; English shows ISO dates, 2026-12-01. Times carry the local UTC offset, as the audit trail requires.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone


def date_text(value: dt.date | None, empty: str = "") -> str:
    if value is None:
        return empty
    return QLocale().toString(QDate(value.year, value.month, value.day), _pattern())


def _pattern() -> str:
    # English keeps ISO 8601 (2026-12-01): unambiguous between British and American readers,
    # and the form GCP records use. Other languages use the locale's short date with a
    # four-digit year (dd.MM.yy -> dd.MM.yyyy).
    if QLocale().language() in (QLocale.Language.English, QLocale.Language.C):
        return "yyyy-MM-dd"
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def date_pattern() -> str:
    """For QDateEdit.setDisplayFormat: the locale's short date with a four-digit year."""
    return _pattern()


def datetime_text(
    value: dt.datetime | None, *, seconds: bool = False, offset: bool = True, empty: str = ""
) -> str:
    """Local time with the offset: 01.12.2026 10:15 +01:00."""
    if value is None:
        return empty
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone()
    shift = local.utcoffset() or dt.timedelta(0)
    qdt = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
        QTimeZone(int(shift.total_seconds())),
    )
    text = QLocale().toString(qdt, _pattern() + (" HH:mm:ss" if seconds else " HH:mm"))
    if offset:
        minutes = int(shift.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f" {sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def number_text(value: float, decimals: int = 0) -> str:
    return (
        QLocale().toString(float(value), "f", decimals)
        if decimals
        else QLocale().toString(int(value))
    )


def file_size(size: int) -> str:
    """1.5 MB (1,572,864 bytes) / 1,5 MB (1.572.864 Bytes)."""
    exact = QCoreApplication.translate("Formats", "%1 bytes").replace("%1", number_text(size))
    for unit, scale in (("MB", 2**20), ("kB", 2**10)):
        if size >= scale:
            return f"{number_text(size / scale, 1)} {unit} ({exact})"
    return exact
