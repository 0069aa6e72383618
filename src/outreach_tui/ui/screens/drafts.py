"""The Drafts screen: every saved draft, filtered as you type, sorted by last change or by due
date, with what to do next on the highlighted one.

Listing and filtering go through core.library.Library (index rows: no file is parsed on a
keystroke); every change (mark, rename, duplicate, trash, restore) is a Library call. The screen
dismisses with an OpenDraft for the app to open in the wizard, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Input, Static

from outreach_tui.core.drafts.draft import DraftError
from outreach_tui.core.drafts.ics import calendar_text
from outreach_tui.core.drafts.index import Row
from outreach_tui.core.drafts.library import SORT_DUE, SORT_UPDATED, Library
from outreach_tui.core.drafts.store import StoreError
from outreach_tui.core.drafts.tracking import INTRODUCED, STATUS_LABELS, TrackingError
from outreach_tui.core.message.channels import INTRODUCTION_CHANNEL
from outreach_tui.core.message.renderer import Rendered, Renderer
from outreach_tui.core.platform.files import WriteError, atomic_write
from outreach_tui.core.platform.paths import short_path
from outreach_tui.ui.screens.drafts_rows import Column, columns_for, detail_line, row_cells
from outreach_tui.ui.screens.modals import (
    INTRODUCTION_CHOICES,
    MARK_CHOICES,
    MarkStatusModal,
    StatusChoice,
    TextPromptModal,
    export_modal,
    trash_modal,
)
from outreach_tui.ui.widgets.draft_list import DraftList
from outreach_tui.ui.widgets.footer import QuietFooter
from outreach_tui.ui.widgets.one_line import OneLineInput
from outreach_tui.ui.widgets.safe_display import block_text, line_text

SORT_LABELS = {SORT_UPDATED: "last change", SORT_DUE: "due date"}
ROW_ACTIONS = ("open", "follow_up", "mark", "duplicate", "rename", "trash", "export")
"""Actions on the highlighted row: hidden while the filter has focus or nothing is listed."""
GOOD_ROW_ACTIONS = ("open", "mark", "duplicate", "rename", "export")
"""Those a damaged file cannot take (it can only go to the trash)."""


class FilterInput(OneLineInput):
    """The filter: one line of a fixed size (app.tcss). Input's virtual size changes with
    every key and, as a layout reactive, asks for a layout of the whole screen each time; this
    one only repaints itself (its cursor scrolls into view without a layout)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


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
            self._say(str(exc), title="Cannot list drafts", severity="error")
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

    def _say(
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
        self._say(f"Sorted by {SORT_LABELS[self.sort]}.", timeout=2)

    def _usable(self) -> Row | None:
        """The highlighted draft if it can be opened; says why not otherwise."""
        row = self.current
        if row is None:
            return None
        if row.damaged:
            self._say(
                f"{row.id}.json cannot be read ({row.error}); it is left as it is.",
                title="Damaged file",
                severity="warning",
            )
            return None
        return row

    def action_open(self) -> None:
        row = self._usable()
        if row is not None:
            self.dismiss(OpenDraft(row.id))

    def action_follow_up(self) -> None:
        row = self._usable()
        if row is None:
            return
        if row.due_kind is None:
            self._say("Nothing is due for this draft: mark it sent first.", title="Nothing due")
            return
        self.dismiss(OpenDraft(row.id, channel=row.due_kind))

    def action_mark(self) -> None:
        row = self._usable()
        if row is None:
            return

        request = row.channel == INTRODUCTION_CHANNEL

        def chosen(choice: StatusChoice | None) -> None:
            if choice is None:
                return
            if request and choice.action == INTRODUCED:
                self._introduced(row.id, choice.on)
                return
            try:
                draft = self.library.mark(row.id, choice.action, choice.on)
            except (DraftError, StoreError, TrackingError) as exc:
                self._say(str(exc), title="Not marked", severity="error")
                return
            self.reload(keep=row.id)
            message = f"{STATUS_LABELS.get(choice.action, choice.action)} on {choice.on}"
            for kind, due in draft.tracking.open_dues():
                message += f"; {kind} due {due.isoformat()}"
            self._say(message, title=draft.display_title)

        choices = INTRODUCTION_CHOICES if request else MARK_CHOICES
        self.app.push_screen(MarkStatusModal(row.title, row.status, self.today(), choices), chosen)

    def _introduced(self, draft_id: str, on: date) -> None:
        """An introduction request was answered: the draft to the contact names the
        introducer from now on (core/introduction/requests.py)."""
        from outreach_tui.core.introduction.requests import mark_introduced

        renderer = getattr(self.app, "renderer", None) or Renderer()
        try:
            outcome = mark_introduced(self.library, draft_id, renderer, on)
        except (DraftError, StoreError, TrackingError) as exc:
            self._say(str(exc), title="Not marked", severity="error")
            return
        self.reload(keep=draft_id)
        self._say(outcome.line, title=outcome.request.display_title)

    def action_duplicate(self) -> None:
        row = self._usable()
        if row is None:
            return
        where = row.organisation or "the same organisation"

        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                copy = self.library.duplicate(row.id, name)
            except (DraftError, StoreError) as exc:
                self._say(str(exc), title="Not duplicated", severity="error")
                return
            self.dismiss(OpenDraft(copy.id))

        prompt = TextPromptModal(
            "Duplicate for someone else",
            f"A new draft to another person at {where}. It keeps your details, the organisation, "
            "your goal and the channel; not the first person's name, research or message.",
            ok_label="Duplicate",
            placeholder="Their full name",
        )
        self.app.push_screen(prompt, named)

    def action_rename(self) -> None:
        row = self._usable()
        if row is None:
            return

        def renamed(title: str | None) -> None:
            if title is None:
                return
            try:
                self.library.rename(row.id, title)
            except (DraftError, StoreError) as exc:
                self._say(str(exc), title="Not renamed", severity="error")
                return
            self.reload(keep=row.id)

        prompt = TextPromptModal(
            "Rename",
            "The title shown for this draft. Leave it empty to show the contact and "
            "organisation again.",
            row.title,
            ok_label="Rename",
            allow_empty=True,
        )
        self.app.push_screen(prompt, renamed)

    def action_trash(self) -> None:
        row = self.current
        if row is None:
            return
        index = self.table.cursor_row

        def decided(choice: str | None) -> None:
            if choice != "trash":
                return
            try:
                self.library.trash(row.id)
            except (DraftError, StoreError) as exc:
                self._say(str(exc), title="Not deleted", severity="error")
                return
            self.trashed.append(row.id)
            neighbours = self.rows[index + 1 : index + 2] or self.rows[max(0, index - 1) : index]
            self.reload(keep=neighbours[0].id if neighbours else None)
            self._say(
                f"Moved {row.title} to the trash. Press u to bring it back.",
                title="Deleted",
            )

        self.app.push_screen(trash_modal(row.title), decided)

    def action_undo(self) -> None:
        if not self.trashed:
            return
        draft_id = self.trashed[-1]
        try:
            row = self.library.restore(draft_id)
        except (DraftError, StoreError) as exc:
            self._say(str(exc), title="Cannot undo", severity="error")
            return
        self.trashed.pop()
        self.reload(keep=draft_id)
        title = row.title if row else draft_id
        self._say(f"{title} is back.", title="Restored")

    def action_export(self) -> None:
        row = self._usable()
        if row is None:
            return
        events = len(self.library.due(self.today(), upcoming=True))

        def kind_chosen(kind: str | None) -> None:
            if kind == "txt":
                default = f"~/{row.id}.txt"
                what = "Write the message (with its subject) to this file:"
            elif kind == "ics":
                if not events:
                    self._say(
                        "No follow-up or thank-you is scheduled: mark a draft sent first.",
                        title="Nothing to export",
                    )
                    return
                default = "~/outreach-tui-due.ics"
                what = f"Write {events} due date{'' if events == 1 else 's'} to this file:"
            else:
                return
            prompt = TextPromptModal(f"Export .{kind}", what, default, ok_label="Export")
            self.app.push_screen(prompt, lambda path: self._export(kind, row.id, path))

        self.app.push_screen(export_modal(row.title, events), kind_chosen)

    def _export(self, kind: str, draft_id: str, typed: str | None) -> None:
        if not typed:
            return
        target = Path(typed).expanduser()
        if not target.is_absolute():
            target = Path.home() / target
        if target.parent.resolve() == self.library.store.drafts_dir.resolve():
            self._say("Not into the drafts folder itself.", title="Not exported", severity="error")
            return
        try:
            if kind == "txt":
                draft = self.library.load(draft_id)
                text = Rendered(draft.channel, draft.subject, draft.message).as_text()
                atomic_write(target, text.rstrip("\n") + "\n")
            else:
                items = self.library.due(self.today(), upcoming=True)
                revisions = self.library.revisions(items)
                atomic_write(target, calendar_text(items, datetime.now(UTC), revisions))
        except (DraftError, WriteError) as exc:
            self._say(str(exc), title="Not exported", severity="error")
            return
        self._say(f"Wrote {short_path(target)}", title="Exported", timeout=8)
