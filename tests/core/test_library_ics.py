"""The .ics export: RFC 5545 by hand, checked by parsing it back with `icalendar` (test-only)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar  # test-only dependency (the product writes .ics by hand)

from outreach_tui.core.drafts.ics import (
    Revision,
    calendar_text,
    escape_text,
    fold_line,
    revision,
)
from outreach_tui.core.drafts.schedule import DueItem
from outreach_tui.core.drafts.tracking import FOLLOW_UP, THANK_YOU, Tracking, apply

NOW = datetime(2025, 3, 10, 8, 30, 5, tzinfo=UTC)
HOSTILE = 'Zoë; \\the\\, "chief"\narchivist 🦉 \x1b[31m' + "long " * 40


def items() -> list[DueItem]:
    return [
        DueItem("zoe-unal-1a2b3c", "follow-up", date(2025, 3, 8), HOSTILE, "Zoë", "Org", "message"),
        DueItem(
            "ben-4d5e6f", "thank-you", date(2025, 3, 11), "Ben (Lakeside)", "Ben", "L", "message"
        ),
    ]


def test_parsed_back_by_icalendar() -> None:
    text = calendar_text(items(), NOW)
    cal = icalendar.Calendar.from_ical(text)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2
    first, second = events
    assert first["UID"] == "follow-up-zoe-unal-1a2b3c@outreach-tui"
    assert first.decoded("DTSTART") == date(2025, 3, 8)
    assert first.decoded("DTEND") == date(2025, 3, 9)
    assert first["DTSTART"].params.get("VALUE") == "DATE"
    assert first.decoded("DTSTAMP") == NOW
    summary = str(first["SUMMARY"])
    assert summary.startswith('Follow up: Zoë; \\the\\, "chief"\narchivist 🦉 [31mlong long')
    assert "\x1b" not in summary
    assert second["SUMMARY"] == "Thank-you note: Ben (Lakeside)"
    assert "outreach-tui drafts show ben-4d5e6f" in str(second["DESCRIPTION"])
    assert str(cal["VERSION"]) == "2.0"


def test_crlf_and_folding_at_75_octets() -> None:
    text = calendar_text(items(), NOW)
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    for line in lines:
        line.decode("utf-8")  # no UTF-8 character split across a fold


def test_fold_line_multibyte_boundaries() -> None:
    line = "SUMMARY:" + "é" * 100
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_escape_text() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf\tg\x00") == "a\\,b\\;c\\\\d\\ne\\nf g"


# --- versions of an event: SEQUENCE, DTSTAMP, LAST-MODIFIED -------------------------------------


def _tracking(*entries: tuple[str, str, str | None]) -> Tracking:
    t = Tracking()
    for action, on, at in entries:
        moment = datetime.fromisoformat(at) if at else None
        t = apply(t, action, date.fromisoformat(on), at=moment)
    return t


def _parsed(text: str) -> list[icalendar.Event]:
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert all(isinstance(event, icalendar.Event) for event in events)
    return [event for event in events if isinstance(event, icalendar.Event)]


def test_a_first_export_has_sequence_zero_and_the_time_it_was_scheduled() -> None:
    t = _tracking(("sent", "2025-03-01", "2025-03-01T17:05:00+00:00"))
    assert revision(t, FOLLOW_UP) == Revision(0, datetime(2025, 3, 1, 17, 5, tzinfo=UTC))
    assert revision(t, THANK_YOU) == Revision(0, None)
    item = DueItem("d-1", FOLLOW_UP, date(2025, 3, 8), "Alex", "Alex", "Org", "message")
    (event,) = _parsed(calendar_text([item], NOW, {("d-1", FOLLOW_UP): revision(t, FOLLOW_UP)}))
    assert event["SEQUENCE"] == 0
    assert event.decoded("LAST-MODIFIED") == datetime(2025, 3, 1, 17, 5, tzinfo=UTC)
    assert event.decoded("DTSTAMP") == datetime(2025, 3, 1, 17, 5, tzinfo=UTC)


def test_each_new_schedule_is_a_newer_version_even_when_moved_earlier() -> None:
    sent = ("sent", "2025-03-01", "2025-03-01T17:05:00+00:00")
    moved = ("sent", "2025-03-04", "2025-03-04T09:00:00+00:00")
    backdated = ("sent", "2025-02-20", "2025-03-05T08:00:00+02:00")  # recorded later, dated earlier
    versions = [
        revision(_tracking(*entries), FOLLOW_UP)
        for entries in ([sent], [sent, moved], [sent, moved, backdated])
    ]
    assert [v.sequence for v in versions] == [0, 1, 2]
    modified = [v.modified for v in versions if v.modified is not None]
    assert len(modified) == 3 and modified == sorted(modified)
    assert modified[-1] == datetime(2025, 3, 5, 6, 0, tzinfo=UTC)


def test_history_without_times_uses_its_dates() -> None:
    # drafts marked before times were recorded: {"action", "on"} only
    t = Tracking(
        history=[
            {"action": "sent", "on": "2025-03-01"},
            {"action": "sent", "on": "2025-03-04"},
            {"action": "interview-held", "on": "2025-03-20"},
            {"action": "interview-held", "on": "not a date"},
        ]
    )
    assert revision(t, FOLLOW_UP) == Revision(1, datetime(2025, 3, 20, tzinfo=UTC))
    assert revision(t, THANK_YOU) == Revision(1, datetime(2025, 3, 20, tzinfo=UTC))


def test_events_without_a_revision_keep_now_as_their_stamp() -> None:
    events = _parsed(calendar_text(items(), NOW))
    assert [e["SEQUENCE"] for e in events] == [0, 0]
    assert all(e.decoded("LAST-MODIFIED") == NOW for e in events)
