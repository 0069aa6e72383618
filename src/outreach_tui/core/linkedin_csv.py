"""Reading the CSV files of LinkedIn's "Get a copy of your data" export, and the data model.

Tolerant of the format's quirks: free-text "Notes:" lines before the header, a UTF-8 BOM (or a
file re-saved as UTF-16 or Windows-1252), rows of only commas, blank companies and e-mails
(members may hide them), quoted commas and newlines inside fields, ";" or tab separators, and
column names that changed between export versions (case, spacing, "Email Address"/"E-mail").
A file that is not an export raises LinkedInError with one line saying what was expected.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from outreach_tui.core.orgmatch import fold

EXPECTED_CONNECTIONS = (
    "expected LinkedIn's Connections.csv (from Settings & Privacy > Data privacy > Get a copy of "
    "your data) with the columns First Name, Last Name, Company, Position, Connected On"
)

_CONNECTION_COLUMNS: dict[str, tuple[str, ...]] = {
    "first": ("firstname", "givenname", "first"),
    "last": ("lastname", "surname", "familyname", "last"),
    "url": ("url", "profileurl", "linkedinurl", "publicprofileurl", "profile"),
    "email": ("emailaddress", "email", "emailaddresses", "mail"),
    "company": ("company", "companyname", "organization", "organisation", "employer"),
    "position": ("position", "title", "jobtitle"),
    "connected_on": ("connectedon", "connectedat", "connectiondate", "dateconnected", "connected"),
}
_PROFILE_COLUMNS: dict[str, tuple[str, ...]] = {
    "first": _CONNECTION_COLUMNS["first"],
    "last": _CONNECTION_COLUMNS["last"],
}
_HEADER_SEARCH_ROWS = 30
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-/]+([a-z]{3,9})\.?[\s\-/,]+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_URL_PREFIX = re.compile(r"^(?:https?://)?(?:[a-z]+\.)?linkedin\.com/", re.IGNORECASE)


class LinkedInError(Exception):
    """An export (or a stored import) that cannot be used; str() is one line for the user."""


@dataclass(frozen=True, slots=True)
class Connection:
    """One of the user's LinkedIn connections. Blank fields are "" (members may hide them)."""

    first_name: str
    last_name: str
    url: str = ""
    email: str = ""
    company: str = ""
    position: str = ""
    connected_on: date | None = None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class MessageHistory:
    """What messages.csv says about one person: when the user last wrote, and last heard back."""

    name: str
    url: str = ""
    last_sent: date | None = None
    sent_count: int = 0
    last_received: date | None = None


@dataclass(frozen=True)
class ExportContents:
    """What was read from an export, before it is stored."""

    source: str
    connections: tuple[Connection, ...]
    skipped_rows: int
    messages: tuple[MessageHistory, ...] | None
    warnings: tuple[str, ...] = ()


# --- small helpers ------------------------------------------------------------------------------


def clean(text: str) -> str:
    """One line, single spaces: quoted newlines in a position become spaces."""
    return " ".join(text.split())


def name_key(name: str) -> str:
    """A person's name for comparing: case, accents and spacing aside."""
    return " ".join(fold(name).split())


def url_key(url: str) -> str:
    """A profile address for comparing: scheme, host, case and trailing slash aside."""
    return _URL_PREFIX.sub("", url.strip()).rstrip("/").lower()


def parse_date(text: str) -> date | None:
    """A date as exports write it ("15 Mar 2024", "Mar 15, 2024", "2024-03-15 10:00:00 UTC",
    "3/15/24"); None when it cannot be read."""
    text = text.strip().lower()
    try:
        if match := _ISO.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_MONTH_YEAR.match(text):
            day, month, year = match[1], match[2], match[3]
        elif match := _MONTH_DAY_YEAR.match(text):
            month, day, year = match[1], match[2], match[3]
        elif match := _SLASHED.match(text):
            year = match[3] if len(match[3]) == 4 else f"20{match[3]}"
            return date(int(year), int(match[1]), int(match[2]))
        else:
            return None
        number = _MONTHS.get(month[:3])
        return None if number is None else date(int(year), number, int(day))
    except ValueError:
        return None


def decode(raw: bytes) -> str:
    """Text of a CSV file: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _header_key(cell: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(cell))


def read_rows(
    text: str,
    columns: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    any_of: tuple[str, ...] = (),
) -> Iterator[dict[str, str]] | None:
    """Rows as {field: value} after the header row (found past any notes); None without one.

    The header row is the first with every `required` column and, if given, one of `any_of`.
    """
    for delimiter in (",", ";", "\t"):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for _, row in zip(range(_HEADER_SEARCH_ROWS), reader, strict=False):
                keys = [_header_key(cell) for cell in row]
                found: dict[str, int] = {}
                for field, aliases in columns.items():
                    for alias in aliases:
                        if alias in keys:
                            found[field] = keys.index(alias)
                            break
                if all(f in found for f in required) and (
                    not any_of or any(f in found for f in any_of)
                ):
                    return _records(reader, found)
        except csv.Error:
            continue
    return None


def _records(reader: Iterator[list[str]], found: dict[str, int]) -> Iterator[dict[str, str]]:
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        yield {field: row[i] if i < len(row) else "" for field, i in found.items()}


# --- the three files ----------------------------------------------------------------------------


def parse_connections(text: str, where: str) -> tuple[list[Connection], int]:
    """Connections from the text of Connections.csv, and how many rows had no name."""
    rows = read_rows(
        text, _CONNECTION_COLUMNS, ("first", "last"), ("company", "position", "connected_on")
    )
    if rows is None:
        raise LinkedInError(f"{where}: not a LinkedIn connections export; {EXPECTED_CONNECTIONS}")
    connections: list[Connection] = []
    skipped = 0
    try:
        for row in rows:
            first, last = clean(row["first"]), clean(row["last"])
            if not first and not last:
                skipped += 1
                continue
            connections.append(
                Connection(
                    first_name=first,
                    last_name=last,
                    url=row.get("url", "").strip(),
                    email=row.get("email", "").strip(),
                    company=clean(row.get("company", "")),
                    position=clean(row.get("position", "")),
                    connected_on=parse_date(row.get("connected_on", "")),
                )
            )
    except csv.Error as exc:
        raise LinkedInError(f"{where}: damaged CSV after {len(connections)} rows ({exc})") from None
    return connections, skipped


def parse_profile_name(text: str) -> str:
    """The user's own name from Profile.csv, or "" when it cannot be read."""
    rows = read_rows(text, _PROFILE_COLUMNS, ("first", "last"))
    try:
        for row in rows or ():
            return clean(f"{row['first']} {row['last']}")
    except csv.Error:
        pass
    return ""
