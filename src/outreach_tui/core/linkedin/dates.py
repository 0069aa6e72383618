"""Dates in a LinkedIn export, in every form they come in.

LinkedIn writes "15 Mar 2024" (Connections.csv) and "2025-02-03 09:15:00 UTC" (messages.csv);
other versions write ISO with a "T", a "Z" or milliseconds; a file opened and saved again in a
spreadsheet has "15-Mar-23", "28/02/2021", "3/15/24" or "03-Feb-25 15:00". A `DateColumn` reads
one column of one file: whether "03/04/2021" is 3 April or 4 March is settled once, from every
value in the column (a value such as "28/02/2021" shows the file writes the day first), never
row by row. A moment with a time of day is UTC (LinkedIn's times are) unless it says otherwise,
and is turned into the user's own calendar date.

python-dateutil reads the forms not handled here directly; it is imported on first use.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, tzinfo

from outreach_tui.core.platform.dates import MONTH_ABBREVIATIONS

_MONTHS = {m.lower(): i + 1 for i, m in enumerate(MONTH_ABBREVIATIONS)}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-/]+([a-z]{3,9})\.?[\s\-/,]+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:[t ].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:[ t,]+(.+))?$")
_UTC_SUFFIX = re.compile(r"\s*(?:utc|gmt|z)$")
_HAS_YEAR = re.compile(r"(?:^|\D)(\d{4}|\d{2})(?:\D|$)")

DAY_FIRST = "day first"
MONTH_FIRST = "month first"


def _two_digit_year(year: str) -> int:
    """ "23" -> 2023; LinkedIn began in 2003, so no export date is in the 1900s before 1970."""
    value = int(year)
    if len(year) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def numeric_order(values: Iterable[str]) -> str:
    """DAY_FIRST or MONTH_FIRST for the numeric dates ("28/02/2021") among `values`, from a
    first number above 12 (day first) or a second above 12 (month first); the more common
    evidence wins when both occur. When no value tells (every one could be either): day first
    for dates written with dots ("05.03.2024", as in Germany), else month first, as LinkedIn
    and American spreadsheets write them."""
    day_first = month_first = dotted = numeric = 0
    for value in values:
        match = _NUMERIC.match(value.strip().lower())
        if match is None:
            continue
        numeric += 1
        dotted += "." in value
        first, second = int(match[1]), int(match[2])
        if first > 12 >= second:
            day_first += 1
        elif second > 12 >= first:
            month_first += 1
    if day_first == month_first == 0:
        return DAY_FIRST if numeric and dotted * 2 > numeric else MONTH_FIRST
    return DAY_FIRST if day_first > month_first else MONTH_FIRST


class DateColumn:
    """Reads the dates of one column of one file.

    `values` are every value of the column (they settle day-first vs month-first); `tz` is the
    user's time zone (None: this computer's). `read(text)` gives a date, or None when the text
    is blank or cannot be read.
    """

    def __init__(self, values: Iterable[str] = (), tz: tzinfo | None = None) -> None:
        self.order = numeric_order(values)
        self.tz = tz
        self._cache: dict[str, date | None] = {}

    def read(self, text: str) -> date | None:
        """The calendar date `text` names, in the user's time zone; None if it cannot be read."""
        key = text.strip().lower()
        if not key:
            return None
        try:
            return self._cache[key]
        except KeyError:
            pass
        try:
            value = self._parse(key)
        except (ValueError, OverflowError):
            value = None
        if len(self._cache) < 100_000:
            self._cache[key] = value
        return value

    def _local(self, moment: datetime) -> date:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(self.tz).date()

    def _parse(self, text: str) -> date | None:
        if match := _DAY_MONTH_YEAR.match(text):
            return _named(match[2], match[1], match[3])
        if match := _MONTH_DAY_YEAR.match(text):
            return _named(match[1], match[2], match[3])
        if _ISO.match(text):
            return self._iso(text)
        if match := _NUMERIC.match(text):
            first, second = int(match[1]), int(match[2])
            day, month = (first, second) if self.order == DAY_FIRST else (second, first)
            day_only = date(_two_digit_year(match[3]), month, day)
            if not match[4]:
                return day_only
            return self._with_time(day_only, match[4])
        return self._dateutil(text)

    def _iso(self, text: str) -> date | None:
        bare = _UTC_SUFFIX.sub("", text)
        if len(bare) <= 10:
            return date.fromisoformat(_zero_padded(bare))
        head, _, rest = bare.replace("t", " ", 1).partition(" ")
        moment = datetime.fromisoformat(f"{_zero_padded(head)}T{rest.upper()}")
        if text != bare:
            moment = moment.replace(tzinfo=UTC)
        return self._local(moment)

    def _with_time(self, day: date, clock: str) -> date | None:
        from dateutil import parser

        bare = _UTC_SUFFIX.sub("", clock)
        moment: datetime = parser.parse(bare, default=datetime(day.year, day.month, day.day))
        if moment.date() != day:
            return None  # the "time" held a date of its own
        return self._local(moment)

    def _dateutil(self, text: str) -> date | None:
        """Month names and other forms ("15-mar-23", "03-feb-25 15:00", "mar 15 2024 9:00 pm"),
        with python-dateutil; a value missing its year, month or day is unreadable."""
        from dateutil import parser

        if not _HAS_YEAR.search(text) or not re.search(r"[a-z]{3}", text):
            return None  # dateutil would fill a missing part with today's
        day_first = self.order == DAY_FIRST
        one: datetime = parser.parse(text, default=datetime(2001, 1, 1), dayfirst=day_first)
        two: datetime = parser.parse(text, default=datetime(2002, 2, 2), dayfirst=day_first)
        if one.date() != two.date():
            return None
        if one.hour or one.minute or one.second or one.tzinfo is not None or ":" in text:
            return self._local(one)
        return one.date()


def _zero_padded(iso_date: str) -> str:
    year, month, day = iso_date.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _named(month: str, day: str, year: str) -> date | None:
    number = _MONTHS.get(month[:3])
    return None if number is None else date(int(year), number, int(day))


def parse_date(text: str, tz: tzinfo | None = None) -> date | None:
    """One date on its own ("15 Mar 2024", "2025-02-03T09:15:00Z", "3/15/24": month first when
    it cannot tell, unless written with dots); None when it cannot be read. Prefer a DateColumn
    for a file's dates."""
    return DateColumn((text,), tz).read(text)
