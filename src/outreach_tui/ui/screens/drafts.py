"""The Drafts screen: every saved draft, filtered as you type, sorted by last change or by due
date, with what to do next on the highlighted one.

Listing and filtering go through core.drafts.library.Library (index rows: no file is parsed on
a keystroke); every change (mark, rename, duplicate, trash, restore) is a Library call, made in
drafts_changes.py, and the export is drafts_export.py. The screen dismisses with an OpenDraft for
the app to open in the wizard, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input, Static

from outreach_tui.core.drafts.draft import DraftError
from outreach_tui.core.drafts.index import Row
from outreach_tui.core.drafts.library import SORT_DUE, SORT_UPDATED, Library
from outreach_tui.core.platform.paths import short_path
from outreach_tui.ui.screens import drafts_changes, drafts_export
from outreach_tui.ui.screens.drafts_rows import Column, columns_for, detail_line, row_cells
from outreach_tui.ui.textual_ext.inputs import FixedSizeInput
from outreach_tui.ui.widgets.draft_list import DraftList
from outreach_tui.ui.widgets.footer import QuietFooter
from outreach_tui.ui.widgets.one_line import OneLineInput
from outreach_tui.ui.widgets.safe_display import block_text, line_text

SORT_LABELS = {SORT_UPDATED: "last change", SORT_DUE: "due date"}
ROW_ACTIONS = ("open", "follow_up", "mark", "duplicate", "rename", "trash", "export")
"""Actions on the highlighted row: hidden while the filter has focus or nothing is listed."""
GOOD_ROW_ACTIONS = ("open", "mark", "duplicate", "rename", "export")
"""Those a damaged file cannot take (it can only go to the trash)."""


class FilterInput(OneLineInput, FixedSizeInput):
    """The filter: one line of a fixed size (app.tcss), so a key repaints it and asks for no
    layout of the whole screen (textual_ext.inputs.FixedSizeInput)."""


@dataclass(frozen=True)
class OpenDraft:
    """The Drafts screen's result: open this draft in the wizard.

    `channel` ("follow-up", "thank-you") starts a new draft from its answers on that channel.
    """

    draft_id: str
    channel: str | None = None


class DraftsScreen(Screen[OpenDraft | None]):
    """Every draft in the data folder, as a list a person works through."""

    BINDINGS = [
        Binding("f", "follow_up", "Write it"),
        Binding("m", "mark", "Mark"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("d", "duplicate", "Duplicate"),
        Binding("r", "rename", "Rename"),
        Binding("delete,x", "trash", "Delete", key_display="del"),
        Binding("u", "undo", "Undo"),
        Binding("e", "export", "Export"),
        Binding("s", "sort", "Sort"),
        Binding("g", "results", "Results"),
        Binding("escape", "back", "Back"),
        Binding("ctrl+d", "close", "Back", show=False),
    ]

    def __init__(
        self,
        library: Library,
        *,
        today: Callable[[], date] = date.today,
        trashed: list[str] | None = None,
    ) -> None:
        """`trashed` is the app's undo stack (ids moved to the trash while it runs)."""
        super().__init__()
        self.library = library
        self.today = today
        self.trashed: list[str] = trashed if trashed is not None else []
        self.sort = SORT_UPDATED
        self.rows: list[Row] = []
        self._columns: list[Column] = []
        self._bindings_state: tuple[object, ...] | None = None
        """What check_action depends on, as last shown in the footer."""
        self._summary: str | None = None
        self._detail_shown: tuple[object, ...] | None = None
        """What the detail line was made from (the same again is not redrawn)."""

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="drafts-title")
        folder = line_text(f"Folder: {short_path(self.library.store.drafts_dir)}")
        yield Static(folder, id="drafts-folder")
        yield Static("", id="drafts-due")
        yield FilterInput(
            placeholder="/ Filter: name, organisation, text",
            id="drafts-filter",
            compact=True,
        )
        yield DraftList(id="drafts-table")
        yield Static("", id="drafts-detail")
        yield QuietFooter()

    @property
    def table(self) -> DraftList:
        return self.query_one("#drafts-table", DraftList)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#drafts-filter", Input)

    def on_mount(self) -> None:
        try:
            self.library.refresh()
        except DraftError as exc:
            self.say(str(exc), title="Cannot list drafts", severity="error")
        self.reload()
        self.table.focus()

    def on_resize(self, event: Resize) -> None:
        columns = columns_for(event.size.width)
        if columns != self._columns:
            self.reload(keep=self.current_id)

    # -- the list ---------------------------------------------------------------------------

    @property
    def current(self) -> Row | None:
        table = self.table
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @property
    def current_id(self) -> str | None:
        row = self.current
        return row.id if row else None

    def reload(self, keep: str | None = None) -> None:
        """Fill the table from the index (filter and sort applied); keep the cursor on `keep`."""
        self.rows = rows = self.library.rows(self.filter_input.value, self.sort)
        columns = self._columns = columns_for(self.size.width or 100)
        index = next((i for i, r in enumerate(rows) if r.id == keep), None)
        if index is None:  # start on the first draft that opens, not on a damaged file
            index = next((i for i, r in enumerate(rows) if not r.damaged), 0)
        today = self.today()
        self.table.show(columns, len(rows), lambda i: row_cells(rows[i], today, columns), index)
        self._show_header()
        self._show_detail()

    def _show_header(self) -> None:
        total = self.library.count()
        count = f"{total:,} draft{'' if total == 1 else 's'}"
        if len(self.rows) != total:
            count = f"{len(self.rows):,} of {count}"
        title = Text("outreach-tui · Your drafts", style="bold")
        title.append(f" · {count} · sorted by {SORT_LABELS[self.sort]}")
        # One line high (app.tcss): a new title never needs a new layout.
        self.query_one("#drafts-title", Static).update(title, layout=False)
        summary = self.library.summary(self.today())  # cached until the drafts change
        if summary != self._summary:
            self._summary = summary
            due = self.query_one("#drafts-due", Static)
            due.update(block_text(f"Due: {summary}" if summary else ""))
            due.display = bool(summary)

    def _show_detail(self) -> None:
        row = self.current
        today = self.today()
        query = self.filter_input.value
        shown = (row, today, len(self.rows) == 0, bool(query.strip()))
        if shown != self._detail_shown:  # e.g. RowHighlighted after a reload drew it already
            self._detail_shown = shown
            line = detail_line(row, today, len(self.rows), query)
            # Three lines high (app.tcss): a new text never needs a new layout.
            self.query_one("#drafts-detail", Static).update(line, layout=False)
        # The footer is rebuilt on every refresh_bindings: only when what it shows can change.
        state = (
            row is None,
            row is not None and row.damaged,
            row is not None and row.due_kind is None,
            self.filter_input.has_focus,
            bool(self.trashed),
        )
        if state != self._bindings_state:
            self._bindings_state = state
            self.refresh_bindings()

    @on(DraftList.Highlighted)
    def _highlighted(self, event: DraftList.Highlighted) -> None:
        self._show_detail()

    @on(DraftList.Selected)
    def _selected(self, event: DraftList.Selected) -> None:
        event.stop()
        self.action_open()

    @on(Input.Changed, "#drafts-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.reload(keep=self.current_id)

    @on(Input.Submitted, "#drafts-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return bool(self.trashed)
        if action in ROW_ACTIONS:
            row = self.current
            if row is None or self.filter_input.has_focus:
                return False
            if action in GOOD_ROW_ACTIONS and row.damaged:
                return None  # shown greyed: a damaged file only goes to the trash
            if action == "follow_up" and row.due_kind is None:
                return False
        return not (action in ("sort", "filter") and self.filter_input.has_focus)

    def on_descendant_focus(self) -> None:
        self._bindings_state = None
        self.refresh_bindings()

    # -- actions ----------------------------------------------------------------------------

    def say(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float = 5,
    ) -> None:
        """A notification with the user's text shown as typed (never read as markup)."""
        self.notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_filter(self) -> None:
        self.filter_input.focus()

    def action_back(self) -> None:
        if self.filter_input.has_focus:
            self.table.focus()
            return
        self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_results(self) -> None:
        from outreach_tui.ui.screens.results import ResultsScreen

        self.app.push_screen(ResultsScreen(self.library.store))

    def action_sort(self) -> None:
        self.sort = SORT_DUE if self.sort == SORT_UPDATED else SORT_UPDATED
        self.reload(keep=self.current_id)
        self.say(f"Sorted by {SORT_LABELS[self.sort]}.", timeout=2)

    def _usable(self) -> Row | None:
        """The highlighted draft if it can be opened; says why not otherwise."""
        row = self.current
        if row is None:
            return None
        if row.damaged:
            self.say(
                f"{row.id}.json cannot be read ({row.error}); it is left as it is.",
                title="Damaged file",
                severity="warning",
            )
            return None
        return row

    def open_draft(self, draft_id: str) -> None:
        """Close the screen: the app opens this draft in the wizard."""
        self.dismiss(OpenDraft(draft_id))

    def action_open(self) -> None:
        row = self._usable()
        if row is not None:
            self.open_draft(row.id)

    def action_follow_up(self) -> None:
        row = self._usable()
        if row is None:
            return
        if row.due_kind is None:
            self.say("Nothing is due for this draft: mark it sent first.", title="Nothing due")
            return
        self.dismiss(OpenDraft(row.id, channel=row.due_kind))

    def action_mark(self) -> None:
        row = self._usable()
        if row is not None:
            drafts_changes.mark(self, row)

    def action_duplicate(self) -> None:
        row = self._usable()
        if row is not None:
            drafts_changes.duplicate(self, row)

    def action_rename(self) -> None:
        row = self._usable()
        if row is not None:
            drafts_changes.rename(self, row)

    def action_trash(self) -> None:
        row = self.current  # a damaged file too: the trash is what it can take
        if row is not None:
            drafts_changes.trash(self, row, self.table.cursor_row)

    def action_undo(self) -> None:
        drafts_changes.undo(self)

    def action_export(self) -> None:
        row = self._usable()
        if row is not None:
            drafts_export.export(self, row)
