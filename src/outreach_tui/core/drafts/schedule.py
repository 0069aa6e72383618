"""What is due: follow-ups and thank-yous, due today, overdue or coming, and the start-up line.

Works on index rows (core/drafts/index.Row), so the start-up summary parses no draft. `today` is
always passed in: tests use fixed dates, the app passes the user's local date.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from outreach_tui.core.drafts.index import Row, parse_row_date
from outreach_tui.core.drafts.tracking import FOLLOW_UP, THANK_YOU

OVERDUE = "overdue"
TODAY = "today"
UPCOMING = "upcoming"


@dataclass(frozen=True)
class DueItem:
    """One thing to do for one draft."""

    draft_id: str
    kind: str
    """FOLLOW_UP ("follow-up") or THANK_YOU ("thank-you")."""
    due: date
    title: str
    contact: str
    organisation: str
    channel: str

    def state(self, today: date) -> str:
        """OVERDUE, TODAY or UPCOMING."""
        if self.due < today:
            return OVERDUE
        return TODAY if self.due == today else UPCOMING

    @property
    def label(self) -> str:
        """ "Follow up with Alex Morgan (Riverside Library)"."""
        verb = "Follow up with" if self.kind == FOLLOW_UP else "Thank"
        return f"{verb} {self.title}"


def due_items(rows: Iterable[Row], today: date, *, upcoming: bool = False) -> list[DueItem]:
    """The open follow-ups and thank-yous due today or earlier (and later ones if `upcoming`),
    most overdue first. Damaged rows have nothing due.
    """
    items: list[DueItem] = []
    for row in rows:
        if row.damaged:
            continue
        for kind, value in ((FOLLOW_UP, row.follow_up_due), (THANK_YOU, row.thank_you_due)):
            due = parse_row_date(value)
            if due is None or (due > today and not upcoming):
                continue
            items.append(
                DueItem(row.id, kind, due, row.title, row.contact, row.organisation, row.channel)
            )
    items.sort(key=lambda i: (i.due, i.kind, i.title.casefold(), i.draft_id))
    return items


def _count(n: int, kind: str) -> str:
    return f"{n} {kind}{'' if n == 1 else 's'}"


def summary_line(items: Iterable[DueItem], today: date) -> str:
    """One line for start-up: "2 follow-ups due today, 1 thank-you overdue"; "" if nothing."""
    counts: dict[tuple[str, str], int] = {}
    for item in items:
        state = item.state(today)
        if state == UPCOMING:
            continue
        counts[(item.kind, state)] = counts.get((item.kind, state), 0) + 1
    parts: list[str] = []
    for kind in (FOLLOW_UP, THANK_YOU):
        for state, words in ((TODAY, "due today"), (OVERDUE, "overdue")):
            n = counts.get((kind, state), 0)
            if n:
                parts.append(f"{_count(n, kind)} {words}")
    return ", ".join(parts)
