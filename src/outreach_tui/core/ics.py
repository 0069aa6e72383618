"""Due follow-ups and thank-yous as an iCalendar file (RFC 5545) a calendar app can import.

Written by hand (no dependency): CRLF line ends, lines folded at 75 octets without splitting a
UTF-8 character, TEXT escaped (backslash, semicolon, comma, newline), control characters
dropped. One all-day VEVENT per due item; its UID is stable per draft and kind, so importing an
updated file moves the event rather than adding a second one.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from outreach_tui import __version__
from outreach_tui.core.fsutil import atomic_write
from outreach_tui.core.schedule import DueItem
from outreach_tui.core.tracking import FOLLOW_UP

PRODID = f"-//outreach-tui//outreach-tui {__version__}//EN"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FOLD_AT = 75


def escape_text(value: str) -> str:
    """A TEXT property value: \\ ; , escaped, newlines as \\n, control characters dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value.replace("\t", " "))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold one content line: at most 75 octets a line, continuations start with a space."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    limit = _FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size, limit = [], 0, _FOLD_AT - 1
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


def _event(item: DueItem, stamp: str) -> list[str]:
    start = item.due
    end = start + timedelta(days=1)
    if item.kind == FOLLOW_UP:
        summary = f"Follow up: {item.title}"
        what = "Send one polite follow-up (no reply yet)."
    else:
        summary = f"Thank-you note: {item.title}"
        what = "Send a thank-you note for the conversation."
    description = (
        f"{what}\nDraft: {item.draft_id} ({item.channel})\n"
        f"Open it: outreach-tui drafts show {item.draft_id}"
    )
    return [
        "BEGIN:VEVENT",
        f"UID:{item.kind}-{item.draft_id}@outreach-tui",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_text(items: Iterable[DueItem], now: datetime) -> str:
    """The .ics text for the items; `now` (aware, or naive UTC) is the DTSTAMP."""
    moment = now.astimezone(UTC) if now.tzinfo else now
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for item in items:
        lines.extend(_event(item, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def write_calendar(path: Path, items: Iterable[DueItem], now: datetime) -> None:
    """Write the .ics atomically (0600). Raises fsutil.WriteError naming the path and reason."""
    atomic_write(path, calendar_text(items, now))
