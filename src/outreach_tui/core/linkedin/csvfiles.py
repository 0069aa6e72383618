"""Reading the CSV files of LinkedIn's "Get a copy of your data" export, and the data model.

Tolerant of the format's quirks: free-text "Notes:" lines before the header, a UTF-8 BOM (or a
file re-saved as UTF-16 or Windows-1252), rows of only commas, blank companies and e-mails
(members may hide them), quoted commas and newlines inside fields, ";" or tab separators, and
column names that changed between export versions (case, spacing, "Email Address"/"E-mail").
A file that is not an export raises LinkedInError with one line saying what was expected.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, tzinfo
from itertools import islice

from outreach_tui.core.linkedin.dates import DateColumn, parse_date
from outreach_tui.core.linkedin.text import LinkedInError, decode, plain_name, repair
from outreach_tui.core.names.clean import is_credential, is_generational, strip_post_nominals
from outreach_tui.core.platform.textfold import fold

__all__ = [
    "Connection",
    "ExportContents",
    "LinkedInError",
    "MessageHistory",
    "clean",
    "decode",
    "name_key",
    "parse_connections",
    "parse_date",
    "parse_profile_name",
    "read_rows",
    "url_key",
]

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
_URL_PREFIX = re.compile(r"^(?:https?://)?(?:[a-z]+\.)?linkedin\.com/", re.IGNORECASE)


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
    """What messages.csv says about one person: when the user last wrote, and last heard back;
    and every day the user wrote to them (`sent_days`) and heard from them (`received_days`),
    oldest first (empty in imports made before these were kept)."""

    name: str
    url: str = ""
    last_sent: date | None = None
    sent_count: int = 0
    last_received: date | None = None
    sent_days: tuple[date, ...] = ()
    received_days: tuple[date, ...] = ()


@dataclass(frozen=True)
class ExportContents:
    """What was read from an export, before it is stored."""

    source: str
    connections: tuple[Connection, ...]
    skipped_rows: int
    messages: tuple[MessageHistory, ...] | None
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    """What was read only in part, one line each: "Connections.csv: 2 dates could not be
    read (…)"."""


def unreadable_note(where: str, count: int, what: str, example: tuple[int, str]) -> str:
    """ "Connections.csv: 2 dates could not be read, left out (e.g. line 7: "soon")" with the
    example shown safely (control characters as visible codes, at most 40 characters)."""
    from outreach_tui.core.platform.safe_text import visible

    line, text = example
    shown = visible(text.strip())
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return f'{where}: {count:,} {what} (e.g. line {line}: "{shown}")'


# --- small helpers ------------------------------------------------------------------------------


def clean(text: str) -> str:
    """One line, single spaces: quoted newlines in a position become spaces; letters garbled
    by a wrong decoding repaired ("InÃ©s" -> "Inés")."""
    return " ".join(repair(text).split())


def clean_name(text: str) -> str:
    """A name as `clean`, without emoji and symbols ("🌟 Dana Kim" -> "Dana Kim")."""
    return plain_name(clean(text))


def is_post_nominal(piece: str) -> bool:
    """True for what follows a name after a comma: "PhD", "MBA", "Ph.D.", "Jr.", "III", "CPA"
    (the lists are core/names')."""
    piece = piece.strip()
    return is_credential(piece) or is_generational(piece)


def without_post_nominals(name: str) -> str:
    """ "Priyanka Desai, PhD" -> "Priyanka Desai", "Lee Wong, Jr." -> "Lee Wong": what
    follows a comma, when it is post-nominals; any other name comes back as it was."""
    if "," not in name:
        return name
    head, _, tail = name.partition(",")
    if not head.strip() or not all(map(is_post_nominal, tail.split(","))):
        return name
    return strip_post_nominals(name).name or head.strip()


def name_key(name: str) -> str:
    """A person's name for comparing: case, accents, spacing and post-nominals aside."""
    return " ".join(fold(without_post_nominals(name)).split())


def url_key(url: str) -> str:
    """A profile address for comparing: scheme, host, case and trailing slash aside."""
    return _URL_PREFIX.sub("", url.strip()).rstrip("/").lower()


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


LINE = "_line"
"""In each row from `read_rows`: the file's line number where the row ends (as text)."""


def _records(reader: Iterator[list[str]], found: dict[str, int]) -> Iterator[dict[str, str]]:
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        record = {field: row[i] if i < len(row) else "" for field, i in found.items()}
        record[LINE] = str(getattr(reader, "line_num", 0))
        yield record


# --- the three files ----------------------------------------------------------------------------


MAX_CONNECTION_ROWS = 100_000
"""The most rows read from Connections.csv; LinkedIn allows 30,000 connections."""


def parse_connections(
    text: str, where: str, *, tz: tzinfo | None = None, notes: list[str] | None = None
) -> tuple[list[Connection], int]:
    """Connections from the text of Connections.csv, and how many rows had no name.

    Raises LinkedInError for a file that is not one, is damaged, or has more than
    MAX_CONNECTION_ROWS rows.

    "Connected On" is read in every form (see linkedin_dates), in time zone `tz` (None: this
    computer's); a connection whose date cannot be read is kept without it, and one line
    saying how many, with an example, is appended to `notes`.
    """
    rows = read_rows(
        text, _CONNECTION_COLUMNS, ("first", "last"), ("company", "position", "connected_on")
    )
    if rows is None:
        raise LinkedInError(f"{where}: not a LinkedIn connections export; {EXPECTED_CONNECTIONS}")
    try:
        records = list(islice(rows, MAX_CONNECTION_ROWS + 1))
    except csv.Error as exc:
        raise LinkedInError(f"{where}: damaged CSV ({exc})") from None
    if len(records) > MAX_CONNECTION_ROWS:
        raise LinkedInError(
            f"{where}: more than {MAX_CONNECTION_ROWS:,} rows; a LinkedIn export holds"
            " at most 30,000 connections"
        )
    dates = DateColumn((r.get("connected_on", "") for r in records), tz)
    connections: list[Connection] = []
    skipped = 0
    bad_dates: list[tuple[int, str]] = []
    for row in records:
        first, last = clean_name(row["first"]), clean_name(row["last"])
        if not first and not last:
            skipped += 1
            continue
        written = row.get("connected_on", "")
        connected_on = dates.read(written)
        if connected_on is None and written.strip():
            bad_dates.append((int(row[LINE]), written))
        connections.append(
            Connection(
                first_name=first,
                last_name=last,
                url=row.get("url", "").strip(),
                email=row.get("email", "").strip(),
                company=clean(row.get("company", "")),
                position=clean(row.get("position", "")),
                connected_on=connected_on,
            )
        )
    if bad_dates and notes is not None:
        what = "date" if len(bad_dates) == 1 else "dates"
        notes.append(
            unreadable_note(
                where, len(bad_dates), f"{what} connected could not be read", bad_dates[0]
            )
        )
    return connections, skipped


def parse_profile_name(text: str) -> str:
    """The user's own name from Profile.csv, or "" when it cannot be read."""
    rows = read_rows(text, _PROFILE_COLUMNS, ("first", "last"))
    try:
        for row in rows or ():
            return clean_name(f"{row['first']} {row['last']}")
    except csv.Error:
        pass
    return ""
