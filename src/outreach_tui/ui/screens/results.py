"""The Results screen: what happened to your messages, drawn as bars with the counts beside
them (r on the Drafts screen, or "Your results" in the palette).

Everything is worked out by core.results (the counts, the groups, the bars); the drafts are read
and coached in a worker thread, so the screen opens at once and says it is counting. Imported
only when the screen is first opened, never before the first paint.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from outreach_tui.core.drafts.draft import DraftError
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.results.chart import EMPTY, EMPTY_STATE, FILLED, LABEL_WIDTH, bars, fit
from outreach_tui.core.results.chart import headline as headline_lines
from outreach_tui.core.results.stats import Results, store_results
from outreach_tui.ui.widgets.footer import QuietFooter
from outreach_tui.ui.widgets.safe_display import block_text, line_text

BAR_WIDTH = 24
"""Cells of the longest bar in a section (fewer on a narrow terminal)."""
COUNTS_WIDTH = 15
"""Cells kept beside a bar for its counts ("100% (12 of 12)")."""


def chart_widths(columns: int) -> tuple[int, int]:
    """(label cells, bar cells) for a chart `columns` wide: full size from 65 columns, the
    label and the bar shrinking below that, so a line never wraps (36 columns: 12 and 5)."""
    label = max(8, min(LABEL_WIDTH, columns // 3))
    bar = max(4, min(BAR_WIDTH, columns - 2 - label - 1 - 1 - COUNTS_WIDTH))
    return label, bar


def chart_text(results: Results, width: int = BAR_WIDTH, label_width: int = LABEL_WIDTH) -> Text:
    """The sections as styled text: a heading, then a bar per group (replied in the accent
    colour, the rest dim) with its counts; labels cut to `label_width` cells."""
    text = Text(end="")
    for index, (heading, groups) in enumerate(results.sections()):
        if index:
            text.append("\n")
        text.append(heading, style="bold")
        text.append("\n")
        shown = bars(groups, width)
        if not shown:
            text.append("  nothing sent yet\n", style="dim")
        for bar in shown:
            text.append("  ")
            text.append_text(line_text(f"{fit(bar.label, label_width):<{label_width}} "))
            text.append(FILLED * bar.replied, style="bold green")
            text.append(EMPTY * bar.waiting, style="dim")
            text.append(f" {bar.text}\n")
    text.rstrip()
    return text


class ResultsScreen(Screen[None]):
    """Counts, reply rate and median days to a reply, and bars by hook, channel, coach score
    and follow-up. Escape goes back; r counts again (after marking drafts elsewhere)."""

    DEFAULT_CSS = """
    ResultsScreen #results-title { text-style: bold; padding: 0 1; }
    ResultsScreen #results-body { padding: 0 1; }
    ResultsScreen #results-headline { margin-bottom: 1; }
    ResultsScreen #results-legend { color: $text-muted; margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("r", "recount", "Count again"),
    ]

    def __init__(self, store: DraftStore) -> None:
        super().__init__()
        self.store = store
        self.results: Results | None = None
        """The last count, once the worker has finished (None while counting)."""
        self.damaged = 0

    def compose(self) -> ComposeResult:
        yield Static(Text("Your results", style="bold"), id="results-title")
        with VerticalScroll(id="results-body"):
            yield Static(Text("Counting your messages…", style="dim"), id="results-headline")
            yield Static("", id="results-legend")
            yield Static("", id="results-chart")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.count()

    def action_recount(self) -> None:
        self.count()

    def action_back(self) -> None:
        self.dismiss(None)

    @work(thread=True, exclusive=True, group="results")
    def count(self) -> None:
        """Read and coach every draft (off the UI thread), then show the result."""
        try:
            found, damaged = store_results(self.store)
        except DraftError as exc:
            self.app.call_from_thread(self._cannot_count, str(exc))
            return
        self.app.call_from_thread(self.show, found, damaged)

    def _cannot_count(self, problem: str) -> None:
        if not self.is_attached:
            return
        self.query_one("#results-headline", Static).update(block_text(problem, "red"))

    def show(self, results: Results, damaged: int = 0) -> None:
        """Draw `results` (the empty state when nothing was sent)."""
        if not self.is_attached:  # closed while counting
            return
        self.results, self.damaged = results, damaged
        headline = self.query_one("#results-headline", Static)
        legend = self.query_one("#results-legend", Static)
        chart = self.query_one("#results-chart", Static)
        if not results.sent:
            headline.update(Text(EMPTY_STATE))
            legend.update("")
            chart.update("")
            return
        lines = headline_lines(results)
        if results.drafts:
            lines.append(f"{results.drafts} not sent yet")
        if damaged:
            files = "draft file" if damaged == 1 else "draft files"
            lines.append(f"{damaged} {files} could not be read (not counted)")
        headline.update(Text("\n".join(lines)))
        legend.update(
            Text.assemble((FILLED, "bold green"), " replied   ", (EMPTY, "dim"), " no reply (yet)")
        )
        label_width, bar_width = chart_widths(chart.content_region.width or self.size.width - 4)
        chart.update(chart_text(results, bar_width, label_width))

    def on_resize(self, event: Resize) -> None:
        if self.results is not None:
            self.show(self.results, self.damaged)
