"""Your results as a chart a person would rather look at than read: one horizontal bar per
group, its length the messages sent (scaled to the largest group of its section), its filled
part the ones answered, and the counts beside it ("3 of 4", "60% (3 of 5)").

Shared by `outreach-tui stats` (plain text) and the Results screen (which colours the parts).

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from outreach_tui.core.results.stats import Group, Results

FILLED = "█"
EMPTY = "░"
LABEL_WIDTH = 22
"""Cells for a group's label (longer labels are cut with "…")."""
EMPTY_STATE = (
    "Nothing sent yet. This fills as your messages go out: mark a draft sent (m on the Drafts "
    "screen, or outreach-tui drafts mark ID sent), or import your LinkedIn export (ctrl+l, or "
    "outreach-tui import-linkedin), which marks the drafts you sent and the replies you had. "
    "Then it shows how many were answered, by hook, channel, coach score and follow-up."
)
LEGEND = f"{FILLED} replied  {EMPTY} no reply (yet)"


@dataclass(frozen=True)
class Bar:
    """One group's bar: `replied` filled cells, then `waiting` empty ones, then `text`."""

    label: str
    replied: int
    waiting: int
    text: str

    def plain(self) -> str:
        """The bar as one line of text: label, bar, counts."""
        label = fit(self.label, LABEL_WIDTH)
        bar = FILLED * self.replied + EMPTY * self.waiting
        return f"{label:<{LABEL_WIDTH}} {bar} {self.text}".rstrip()


def fit(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def bars(groups: Sequence[Group], width: int = 20) -> list[Bar]:
    """A bar per group with something sent, lengths scaled so the largest is `width` cells
    (every group with a message gets at least one cell)."""
    shown = [g for g in groups if g.sent]
    if not shown:
        return []
    most = max(g.sent for g in shown)
    out: list[Bar] = []
    for group in shown:
        cells = max(1, round(group.sent * width / most))
        filled = round(group.replied * cells / group.sent)
        if group.replied and not filled:
            filled = 1
        out.append(Bar(group.label, filled, cells - filled, group.text))
    return out


def days_text(days: float) -> str:
    """ "1 day", "3 days", "2.5 days"."""
    number = f"{days:g}"
    return f"{number} day" if days == 1 else f"{number} days"


def headline(results: Results) -> list[str]:
    """The totals, two lines: what happened, then how often and how fast replies came."""
    counts = (
        f"sent {results.sent} · replied {results.replied} · no reply {results.no_reply} · "
        f"interviews held {results.interviews} · thanked {results.thanked}"
    )
    rate = f"replies: {results.total.text}"
    if results.median_days is not None:
        rate += f" · median {days_text(results.median_days)} to a reply"
    return [counts, rate]


def plain_chart(results: Results, width: int = 20) -> list[str]:
    """The whole chart as lines of plain text (the stats command); the empty state when nothing
    was sent."""
    if not results.sent:
        return [EMPTY_STATE]
    lines = [*headline(results), LEGEND]
    for heading, groups in results.sections():
        lines.append("")
        lines.append(heading)
        lines.extend("  " + bar.plain() for bar in bars(groups, width))
    return lines
