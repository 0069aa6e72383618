"""A small library of drafts with fixed ids and dates, for the Drafts screen's tests and
snapshots: one follow-up due today, one overdue, one thank-you due, one coming, one replied, one
still a draft, and one damaged file."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.library import Library
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers_load import answers_from_dict

TODAY = date(2026, 5, 14)
DAMAGED_NAME = "notes-backup"
DAMAGED_BYTES = b'{"schema_version": 2, "answers": '

BASE: dict[str, Any] = {
    "sender": {"name": "Jordan Lee", "location": "Dayton, Ohio"},
    "contact": {"name": "", "honorific": "Ms.", "title": "", "organization": ""},
    "research": {"shared_connections": ["Samir Patel"]},
    "job": {"distance": 250, "unit": "miles"},
    "goal": {"learn": "what a typical week in the job looks like", "ask_minutes": "15-20"},
}

# (id, contact, organisation, channel, [(action, date)...], day of the last change)
SAMPLES: list[tuple[str, str, str, str, list[tuple[str, date]], date]] = [
    ("alex-morgan-a1b2c3", "Alex Morgan", "Westerly Public Library", "message",
     [("sent", date(2026, 5, 7))], date(2026, 5, 7)),
    ("priya-shah-d4e5f6", "Priya Shah", "Harbor City Archives", "email",
     [("sent", date(2026, 5, 1))], date(2026, 5, 1)),
    ("sam-okafor-0a1b2c", "Sam Okafor", "Riverside Museum", "connection-note",
     [("sent", date(2026, 4, 20)), ("replied", date(2026, 4, 24)),
      ("interview-held", date(2026, 5, 12))], date(2026, 5, 12)),
    ("mei-lin-3c4d5e", "Mei Lin", "Northgate University Library", "message",
     [("sent", date(2026, 5, 12))], date(2026, 5, 12)),
    ("dana-reyes-6f7a8b", "Dana Reyes", "Westerly Public Library", "email",
     [("sent", date(2026, 4, 2)), ("replied", date(2026, 4, 6))], date(2026, 4, 6)),
    ("chris-novak-9c0d1e", "Chris Novak", "Lakeshore Historical Society", "message",
     [], date(2026, 5, 13)),
]  # fmt: skip


class Clock:
    """A settable clock for the store, so every `updated` is known."""

    def __init__(self) -> None:
        self.now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make_samples(data_dir: Path, *, damaged: bool = True) -> Library:
    """Write the sample drafts (and the damaged file) into `data_dir`; returns a Library."""
    clock = Clock()
    store = DraftStore(data_dir, clock=clock)
    library = Library(store, today=lambda: TODAY)
    for draft_id, name, org, channel, actions, changed in SAMPLES:
        data = copy.deepcopy(BASE)
        data["contact"].update(name=name, organization=org)
        draft = Draft(
            answers=answers_from_dict(data),
            channel=channel,
            message=f"Dear Ms. {name.split()[-1]}, ...",
            id=draft_id,
        )
        clock.now = datetime(changed.year, changed.month, changed.day, 9, 0, tzinfo=UTC)
        store.save(draft)
        for action, on in actions:
            clock.now = datetime(on.year, on.month, on.day, 9, 0, tzinfo=UTC)
            library.mark(draft_id, action, on)
    if damaged:
        damaged_file = store.drafts_dir / f"{DAMAGED_NAME}.json"
        damaged_file.write_bytes(DAMAGED_BYTES)
        damaged_file.chmod(0o600)  # private like the rest, so only the damage is news
    return library
