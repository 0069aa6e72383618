"""The coach panel: shows a CoachReport (score gauge, length counter, reasons, rules), and
under the reasons the user's own results (core/results/note.py), never part of the score.

Display only: every number and word comes from `outreach_tui.core.coach`. User text (names,
groups, quoted phrases) is shown through Content objects built from plain strings, so a typed
``[bold]`` stays literal and is never read as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from outreach_tui.core.coach import (
    LEVEL_ERROR,
    LEVEL_OK,
    LEVEL_WARNING,
    MAX_SCORE,
    CoachReport,
    LengthStatus,
    gauge,
    score_label,
)
from outreach_tui.core.platform.safe_text import for_text

if TYPE_CHECKING:
    from outreach_tui.core.drafts.store import DraftStore

TOP_REASONS = 4

_SCORE_STYLES: dict[str, str] = {
    "natural": "$success",
    "uneasy": "$warning",
    "creepy": "$error",
    "alarming": "bold $error",
}
_LEVEL_STYLES: dict[str, str] = {
    LEVEL_OK: "",
    LEVEL_WARNING: "bold $warning",
    LEVEL_ERROR: "bold $error",
}


def score_gauge(score: int, width: int = 10) -> Content:
    """One line for the Review step: ``███░░░░░░░ 3/10 · natural``, the bar coloured by band."""
    label = score_label(score)
    return Content.assemble(
        (gauge(score, width), _SCORE_STYLES.get(label, "")),
        " ",
        (f"{score}/{MAX_SCORE}", "bold"),
        f" · {label}",
    )


def length_line(status: LengthStatus, what: str = "") -> Content:
    """``183 / 200 characters``, styled as a warning or an error by its level."""
    prefix = f"{what}: " if what else ""
    text = f"{prefix}{status.text}"
    if status.level == LEVEL_ERROR:
        text += " · over the limit" if status.hard else " · far too long"
    elif status.level == LEVEL_WARNING:
        text += " · near the limit" if status.chars <= status.limit else " · long"
    return Content.styled(text, _LEVEL_STYLES.get(status.level, ""))


def reasons_content(report: CoachReport, count: int = TOP_REASONS) -> Content:
    """The reasons most worth showing, each with its suggestion on the next line."""
    lines: list[Content] = []
    for reason in report.top_reasons(count):
        points = "note" if reason.points == 0 else f"{reason.points:+d}"
        style = "bold $error" if reason.points > 0 else "$success" if reason.points < 0 else "bold"
        lines.append(Content.assemble((f"{points:>4} ", style), for_text(reason.text)))
        if reason.suggestion:
            lines.append(
                Content.assemble(("     → ", "dim"), (for_text(reason.suggestion), "italic"))
            )
    if not lines:
        lines.append(Content("Nothing adds or removes points."))
    return Content("\n").join(lines)


def rules_content(report: CoachReport) -> Content:
    """One line per rule: ✓ when it passes, ! with the reason when it does not."""
    lines: list[Content] = []
    for rule in report.rules:
        if rule.ok:
            lines.append(Content.assemble(("✓ ", "$success"), (for_text(rule.message), "dim")))
        else:
            lines.append(
                Content.assemble(
                    ("! ", "bold $warning"),
                    for_text(rule.message),
                    (f"  ({rule.source})", "dim"),
                )
            )
    return Content("\n").join(lines)


class CoachPanel(Vertical):
    """Shows a CoachReport. Call `show(report)` whenever the message changes."""

    DEFAULT_CSS = """
    CoachPanel {
        height: auto;
    }
    CoachPanel > Static {
        width: 1fr;
        height: auto;
    }
    CoachPanel > .coach-section {
        margin-top: 1;
    }
    CoachPanel > #coach-notice {
        color: $text-muted;
    }
    CoachPanel > #coach-own {
        margin-top: 1;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = "coach", classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Coach"
        self.report: CoachReport | None = None
        self._own_for: Path | None = None
        """The data folder whose results the own-results note was counted from."""

    def compose(self) -> ComposeResult:
        yield Static("", id="coach-gauge")
        yield Static("", id="coach-length")
        yield Static("", id="coach-notice")
        yield Static("", id="coach-reasons", classes="coach-section")
        own = Static("", id="coach-own")
        own.display = False
        yield own
        yield Static("", id="coach-rules", classes="coach-section")

    def show(self, report: CoachReport, notice: str = "") -> None:
        """Display a report; `notice` is a line about the channel (e.g. the note quota)."""
        self.report = report
        self.query_one("#coach-gauge", Static).update(
            Content.assemble(("Creepiness ", "bold"), score_gauge(report.score))
        )
        length = length_line(report.length)
        if report.subject_length is not None:
            length = Content("\n").join([length, length_line(report.subject_length, "subject")])
        self.query_one("#coach-length", Static).update(length)
        for level in (LEVEL_OK, LEVEL_WARNING, LEVEL_ERROR):
            self.set_class(report.length.level == level, f"-length-{level}")
        notice_widget = self.query_one("#coach-notice", Static)
        notice_widget.update(Content(notice))
        notice_widget.display = bool(notice)
        self.query_one("#coach-reasons", Static).update(reasons_content(report))
        self.query_one("#coach-rules", Static).update(rules_content(report))

    def count_own_results(self, store: DraftStore) -> None:
        """Work out, in a thread and once per data folder, the note on the user's own results
        ("Your own results: with a shared connection, 4 of 6 replied; ..."), then show it."""
        if self._own_for == store.root:
            return
        self._own_for = store.root

        def count() -> None:
            from outreach_tui.core.drafts.draft import DraftError
            from outreach_tui.core.results.note import own_results_text
            from outreach_tui.core.results.stats import store_results

            try:
                found, _ = store_results(store, with_bands=False)
            except (DraftError, OSError):  # the Drafts screen reports it
                return
            self.app.call_from_thread(self.show_own_results, own_results_text(found))

        self.run_worker(count, thread=True, group="own-results", exit_on_error=False)

    def show_own_results(self, text: str) -> None:
        """Show the own-results note under the reasons ("" hides it)."""
        if not self.is_attached:  # its wizard was closed while counting
            return
        own = self.query_one("#coach-own", Static)
        own.update(Content(text))
        own.display = bool(text)
