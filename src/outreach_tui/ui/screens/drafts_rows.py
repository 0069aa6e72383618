"""How one draft reads in the Drafts table: its cells, its due text, and the columns that fit.

Rich Text only (never markup), so a name such as "[bold]Lee" shows exactly as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from rich.text import Text

from outreach_tui.core.drafts.index import Row, parse_row_date
from outreach_tui.core.platform.dates import day_text
from outreach_tui.core.platform.safe_text import for_line

CHANNEL_SHORT = {
    "connection-note": "note",
    "connection-note-short": "short note",
    "email": "e-mail",
}

OVERDUE_STYLE = "bold red"
TODAY_STYLE = "bold yellow"
DAMAGED_STYLE = "red"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int


def columns_for(width: int) -> list[Column]:
    """The columns that fit a screen `width` cells wide.

    Narrower than 96 cells, the Changed column goes (the list's order and the line under it
    still say when), never the channel: a first message and its follow-up to the same person
    differ by it. The names share what is left, the contact's a little more.
    """
    channel = Column("channel", "Channel", 10)
    fixed = [Column("status", "Status", 14)]
    if width >= 96:
        fixed = [channel, *fixed, Column("changed", "Changed", 10)]
    else:
        fixed = [channel, *fixed]
    fixed.append(Column("due", "Due", 17))
    padding = 2 * (len(fixed) + 2)
    free = max(20, width - sum(c.width for c in fixed) - padding - 3)
    contact = max(10, free * (45 if width >= 96 else 55) // 100)
    return [
        Column("contact", "Name", contact),
        Column("organisation", "Organisation", max(10, free - contact)),
        *fixed,
    ]


def due_state(row: Row, today: date) -> str | None:
    """ "overdue", "today", "upcoming", or None when nothing is due."""
    due = parse_row_date(row.due)
    if due is None:
        return None
    if due < today:
        return "overdue"
    return "today" if due == today else "upcoming"


def due_text(row: Row, today: date) -> Text:
    """ "follow-up today", "thank-you 3d late", "follow-up 14 May"; empty when nothing is due."""
    due = parse_row_date(row.due)
    if due is None or row.due_kind is None:
        return _cell("")
    state = due_state(row, today)
    if state == "overdue":
        late = (today - due).days
        text = f"{row.due_kind} {late}d late" if late < 100 else f"{row.due_kind} overdue"
        return _cell(text, style=OVERDUE_STYLE)
    if state == "today":
        return _cell(f"{row.due_kind} today", style=TODAY_STYLE)
    return _cell(f"{row.due_kind} {day_text(due, today)}", style="dim")


def local_day(iso_moment: str) -> str:
    """The local date (YYYY-MM-DD) of an ISO time such as "2026-05-07T10:02:11+00:00"."""
    try:
        moment = datetime.fromisoformat(iso_moment)
    except ValueError:
        return iso_moment[:10]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date().isoformat()


def _cell(value: str, style: str = "") -> Text:
    """A cell's text in its visible form (core/platform/safe_text.py), styled by a span (a Text-wide
    style pads DataTable cells by one)."""
    text = Text()
    text.append(for_line(value), style=style or None)
    return text


def _fit(text: Text, width: int) -> Text:
    text.truncate(width, overflow="ellipsis")
    return text


def name_shown(row: Row) -> str:
    """The first column: the draft's own title once renamed, else the contact's name."""
    name = row.contact or "(no name yet)"
    default = f"{name} ({row.organisation})" if row.organisation else name
    return row.title if row.title and row.title != default else name


def row_cells(row: Row, today: date, columns: list[Column]) -> list[Text]:
    """The cells of one row, each cut to its column with an ellipsis."""
    if row.damaged:
        values = {
            "contact": _cell(f"⚠ {row.id}.json", style=DAMAGED_STYLE),
            "organisation": _cell(row.error or "", style="dim"),
            "channel": _cell(""),
            "status": _cell("damaged", style=DAMAGED_STYLE),
            "changed": _cell(local_day(row.last_change), style="dim"),
            "due": _cell(""),
        }
    else:
        state = due_state(row, today)
        strong = "bold" if state in ("today", "overdue") else ""
        values = {
            "contact": _cell(name_shown(row), style=strong),
            "organisation": _cell(row.organisation, style=strong),
            "channel": _cell(CHANNEL_SHORT.get(row.channel, row.channel)),
            "status": _cell(row.status_label, style=strong),
            "changed": _cell(local_day(row.last_change)),
            "due": due_text(row, today),
        }
    return [_fit(values[c.key], c.width) for c in columns]


def detail_line(row: Row | None, today: date, shown: int, query: str) -> Text:
    """The line under the table: the highlighted draft in full, or why the list is empty."""
    if row is None:
        if query.strip():
            return Text("No draft matches the filter. Press / to change it.")
        if shown == 0:
            return Text("No saved drafts yet. Press Escape to write one.")
        return Text("")
    if row.damaged:
        line = Text(f"⚠ {for_line(row.id)}.json cannot be read: ", style=DAMAGED_STYLE)
        line.append(for_line(row.error or "damaged"), style="")
        line.append(". It is left exactly as it is and cannot be opened.", style="")
        return line
    line = Text(for_line(row.title), style="bold")
    line.append(f"  ({for_line(row.id)})", style="dim")
    state = due_state(row, today)
    if state in ("today", "overdue") and row.due_kind:
        style = OVERDUE_STYLE if state == "overdue" else TODAY_STYLE
        due = parse_row_date(row.due) or today
        late = (today - due).days
        when = (
            "due today"
            if state == "today"
            else (f"was due {day_text(due, today)} ({late} day{'' if late == 1 else 's'} ago)")
        )
        line.append(f"\n{for_line(row.due_kind)} {when}", style=style)
        line.append(": press f to write it (a new draft; the first message is kept).")
    elif state == "upcoming" and row.due_kind:
        due = parse_row_date(row.due) or today
        line.append(f"\n{for_line(row.due_kind)} due {day_text(due, today)}.", style="dim")
    return line
