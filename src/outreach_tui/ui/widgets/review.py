"""The Review step: every answer at a glance; Enter (or a click) on one jumps to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from outreach_tui.core.message.channels import DEFAULT_CHANNEL
from outreach_tui.core.model.answers import Answers, get_value
from outreach_tui.core.model.questions import FORM_STEPS, as_text, display_answer
from outreach_tui.core.platform.safe_text import for_line
from outreach_tui.ui.messages import JumpToQuestion

if TYPE_CHECKING:
    from outreach_tui.core.coach import CoachReport

LABEL_WIDTH = 22
"""The label column, indent included: narrow enough to leave the value room beside the preview
pane; a longer label wraps within it."""

INDENT = 2
"""The label's indent under its step's heading."""


def review_value(value: str, problem: str | None) -> Text:
    """The value column of a Review row, as plain Text (user text, never markup)."""
    line = Text(for_line(value.replace("\n", " ⏎ ")))
    if problem:
        line.append(f"  ⚠ {for_line(problem)}", style="bold red")
    return line


class ReviewRow:
    """One row of the Review list: the label, and the value in a column of its own (a long
    value wraps within that column, never back under the label). `str()` gives the row as
    one line of plain text."""

    def __init__(self, label: str, value: str, problem: str | None) -> None:
        self.label = Text(label, style="bold")
        self.value = review_value(value, problem)

    def __rich__(self) -> Table:
        # The indent is a column of its own, so a wrapped label keeps it on every line.
        row = Table.grid(padding=0)
        row.add_column(width=INDENT)
        row.add_column(width=LABEL_WIDTH - INDENT)
        row.add_column(width=1)
        row.add_column(ratio=1)
        row.add_row("", self.label, "", self.value)
        return row

    def __str__(self) -> str:
        label = " " * INDENT + self.label.plain
        return f"{label.ljust(LABEL_WIDTH)} {self.value.plain}"


def review_line(label: str, value: str, problem: str | None) -> ReviewRow:
    """One row of the Review list (user text shown as text, never markup)."""
    return ReviewRow(label, value, problem)


def score_summary(report: CoachReport) -> Content:
    """The gauge and the main reason, one or two lines above the answers."""
    from outreach_tui.ui.widgets.coach_panel import score_gauge

    parts = [Content.assemble(("How it may land: ", "bold"), score_gauge(report.score))]
    top = report.strongest_reasons(1)
    if top:
        parts.append(Content(for_line(top[0].label())))
    return Content("\n").join(parts)


class ReviewStep(Vertical):
    def __init__(self) -> None:
        super().__init__(id="step-review")

    def compose(self) -> ComposeResult:
        yield Static("", id="review-score")
        yield OptionList(id="review-list", markup=False)

    def show(self, answers: Answers, report: CoachReport, channel: str = DEFAULT_CHANNEL) -> None:
        """Rebuild the list from the answers; the coach's score above it."""
        score = self.query_one("#review-score", Static)
        score.update(score_summary(report))
        options: list[Option] = []
        for step in FORM_STEPS:
            options.append(Option(Text(step.title, style="bold underline"), disabled=True))
            for q in step.questions:
                if not q.asked_for(channel):
                    continue
                value = get_value(answers, q.key)
                problem = q.check(as_text(q, value))
                options.append(
                    Option(review_line(q.label, display_answer(q, answers), problem), id=q.key)
                )
        review = self.query_one(OptionList)
        highlighted = review.highlighted
        review.clear_options()
        review.add_options(options)
        if highlighted is not None and highlighted < len(options):
            review.highlighted = highlighted
        else:
            review.highlighted = 1  # the first answer (row 0 is the first step's heading)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(JumpToQuestion(event.option.id))
