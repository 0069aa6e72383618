"""Due follow-ups and thank-yous as an iCalendar file (RFC 5545) a calendar app can import.

Written by hand (no dependency): CRLF line ends, lines folded at 75 octets without splitting a
UTF-8 character, TEXT escaped (backslash, semicolon, comma, newline), control characters
dropped. One all-day VEVENT per due item; its UID is stable per draft and kind, so importing an
updated file moves the event rather than adding a second one. Each event's SEQUENCE counts how
often the draft's history scheduled it again (a follow-up moved by marking "sent" anew), and
its DTSTAMP and LAST-MODIFIED are when that last happened, so calendars that follow RFC 5545
take the newer file's date.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from outreach_tui import __version__
from outreach_tui.core.drafts.schedule import DueItem
from outreach_tui.core.drafts.tracking import (
    DRAFT,
    FOLLOW_UP,
    INTERVIEW_HELD,
    SENT,
    THANK_YOU,
    Tracking,
)

PRODID = f"-//outreach-tui//outreach-tui {__version__}//EN"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FOLD_AT = 75


_SCHEDULES = {FOLLOW_UP: SENT, THANK_YOU: INTERVIEW_HELD}


class Revision(NamedTuple):
    """Which version of a draft's event: SEQUENCE, and when it last changed (aware, UTC)."""

    sequence: int
    modified: datetime | None


def _moment(entry: dict[str, object]) -> datetime | None:
    """When a history entry was recorded: its "at", else the start of its "on" date (UTC)."""
    at, on = entry.get("at"), entry.get("on")
    try:
        if isinstance(at, str):
            moment = datetime.fromisoformat(at)
            return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
        if isinstance(on, str):
            return datetime.combine(date.fromisoformat(on), time(), UTC)
    except ValueError:
        return None
    return None


def revision(tracking: Tracking, kind: str) -> Revision:
    """The revision of the `kind` (FOLLOW_UP or THANK_YOU) event of a draft: how many times
    its history scheduled that event after the first (marking "sent", or "interview-held",
    again), and the latest moment an action was recorded from the first of those on."""
    schedules = _SCHEDULES.get(kind, "")
    count = 0
    modified: datetime | None = None
    for entry in tracking.history:
        action = entry.get("action")
        if action == schedules:
            count += 1
        if action in (schedules, DRAFT) or count:
            moment = _moment(entry)
            if moment is not None and (modified is None or moment > modified):
                modified = moment
    return Revision(max(0, count - 1), modified)


def _stamp(moment: datetime) -> str:
    moment = moment.astimezone(UTC) if moment.tzinfo else moment
    return moment.strftime("%Y%m%dT%H%M%SZ")


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


def _event(item: DueItem, stamp: str, revised: Revision | None) -> list[str]:
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
    sequence, modified = revised or (0, None)
    changed = _stamp(modified) if modified is not None else stamp
    return [
        "BEGIN:VEVENT",
        f"UID:{item.kind}-{item.draft_id}@outreach-tui",
        f"DTSTAMP:{changed}",
        f"SEQUENCE:{sequence}",
        f"LAST-MODIFIED:{changed}",
        f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_text(
    items: Iterable[DueItem],
    now: datetime,
    revisions: Mapping[tuple[str, str], Revision] | None = None,
) -> str:
    """The .ics text for the items. `revisions` ({(draft id, kind): Revision}, see
    `revision`) give each event its SEQUENCE and its DTSTAMP / LAST-MODIFIED; an event without
    one has SEQUENCE 0 and `now` (aware, or naive UTC) as both."""
    stamp = _stamp(now)
    revisions = revisions or {}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for item in items:
        lines.extend(_event(item, stamp, revisions.get((item.draft_id, item.kind))))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)
