"""The coach learns from you: "Your own results: with a shared connection, 4 of 6 replied; ..."

Added beside the coach's report by its callers (the Preview step, `check`): it never changes
the score, which stays a pure function of the message, and it never leaves the machine.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from outreach_tui.core.coach.report import Reason
from outreach_tui.core.results.stats import MIN_FOR_RATE, NONE, Results

NOTE_ID = "own-results"
_WITH = {
    "introduced": "after an introduction",
    "connection": "with a shared connection",
    "group": "with a shared group",
    "writing": "mentioning their writing",
    "web": "with something from a web search",
    NONE: "with none",
}


def own_results_text(results: Results) -> str:
    """ "Your own results: with a shared connection, 4 of 6 replied; with none, 0 of 5." for
    every hook with at least MIN_FOR_RATE sent messages; "" when none has that many."""
    groups = [g for g in results.by_hook if g.sent >= MIN_FOR_RATE]
    if not groups:
        return ""
    parts = [f"{_WITH.get(g.key, g.label)}, {g.counts}" for g in groups]
    parts[0] += " replied"
    return f"Your own results: {'; '.join(parts)}."


def own_results_note(results: Results) -> Reason | None:
    """The note as a coach Reason worth no points (id NOTE_ID), or None when there is none."""
    text = own_results_text(results)
    return Reason(NOTE_ID, 0, text) if text else None
