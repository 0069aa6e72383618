"""Dates as the screens show them (core/platform/dates.py): English month names, the year only
when it is not this year's."""

from __future__ import annotations

from datetime import date

from outreach_tui.core.linkedin.dates import parse_date
from outreach_tui.core.platform.dates import day_text


def test_a_date_reads_day_month_year() -> None:
    assert day_text(date(2025, 2, 3)) == "3 Feb 2025"
    assert day_text(date(2025, 12, 31)) == "31 Dec 2025"


def test_the_year_is_left_out_only_in_the_year_of_today() -> None:
    assert day_text(date(2025, 5, 14), today=date(2025, 1, 1)) == "14 May"
    assert day_text(date(2026, 5, 14), today=date(2025, 12, 31)) == "14 May 2026"
    assert day_text(date(2024, 5, 14), today=date(2025, 1, 1)) == "14 May 2024"


def test_what_is_shown_reads_back_as_the_same_day() -> None:
    # the LinkedIn export writes "3 Feb 2025" too: the same month names both ways
    for month in range(1, 13):
        day = date(2025, month, 9)
        assert parse_date(day_text(day)) == day
