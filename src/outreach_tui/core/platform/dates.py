"""Dates as the screens show them: "3 Feb 2025", in English whatever the locale.

The month names are fixed rather than taken from the locale (`strftime("%b")`), so a screen and
its snapshot read the same on every machine, and they match what a LinkedIn export writes.
"""

from __future__ import annotations

from datetime import date

MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def day_text(day: date, today: date | None = None) -> str:
    """ "3 Feb 2025"; "3 Feb" when `today` is given and falls in the same year."""
    text = f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]}"
    return text if today is not None and day.year == today.year else f"{text} {day.year}"
