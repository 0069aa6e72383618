"""The drafts list: one line per draft, drawn only where it shows.

Textual's DataTable renders every cell through Rich and re-measures its rows whenever it is
refilled, and it paints the new rows a frame after the key that asked for them: a filter key
over 10,000 drafts cost two paints and most of the filter budget (benchmarks/README.md). This
list is given the number of rows and a function that makes the cells of row `i`; it draws (and
caches) only the lines on screen, so 10,000 rows cost what thirty do, and a filter key is one
paint.

Looks like the DataTable it replaces: a bold header, zebra stripes, a cursor bar that is
brighter when the list has focus, cells cut to fixed column widths with a space either side.
Keys: up/down, page up/down, home/end; Enter (or a click on the highlighted row) opens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Self

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from outreach_tui.ui.screens.drafts_rows import Column

CELL_PADDING = 1
"""Spaces either side of a cell's text, as in DataTable."""


class DraftList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("enter", "select", "Open"),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]
    COMPONENT_CLASSES = {
        "draft-list--header",
        "draft-list--cursor",
        "draft-list--even-row",
    }

    cursor_row: reactive[int] = reactive(0, repaint=False)
    """The highlighted row (0 when the list is empty)."""

    class Highlighted(Message):
        """The cursor moved to another row (or the rows changed under it)."""

        def __init__(self, cursor_row: int) -> None:
            super().__init__()
            self.cursor_row = cursor_row

    class Selected(Message):
        """Enter, or a click on the highlighted row: open it."""

        def __init__(self, cursor_row: int) -> None:
            super().__init__()
            self.cursor_row = cursor_row

    def __init__(self, *, id: str) -> None:
        self._lines: dict[int, Strip] = {}
        """Drawn rows by index, for the current width and styles (-1: the header)."""
        super().__init__(id=id)
        self.columns: list[Column] = []
        self.row_count = 0
        self._cells: Callable[[int], Sequence[Text]] = lambda index: ()

    # -- content ---------------------------------------------------------------------------------

    def show(
        self,
        columns: list[Column],
        row_count: int,
        cells: Callable[[int], Sequence[Text]],
        cursor: int = 0,
    ) -> None:
        """Show `row_count` rows whose cells `cells(i)` makes (called only for rows on screen)."""
        self.columns = columns
        self.row_count = row_count
        self._cells = cells
        width = sum(c.width + 2 * CELL_PADDING for c in columns)
        self.virtual_size = Size(width, row_count + 1)  # + the header line
        self.refresh()
        self.set_reactive(DraftList.cursor_row, max(0, min(cursor, row_count - 1)))
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self.cursor_row))

    def cells(self, index: int) -> Sequence[Text]:
        """The cells of row `index` (as shown, cut to their columns)."""
        return self._cells(index)

    # -- drawing -----------------------------------------------------------------------------------

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if not regions:  # all of it (new rows, size, styles, focus): draw again
            self._lines.clear()
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = -1 if y == 0 else int(self.scroll_offset.y) + y - 1
        if index >= self.row_count:
            return Strip.blank(width, self.rich_style)
        line = self._lines.get(index)
        if line is None:
            line = self._lines[index] = self._draw(index, width)
        return line

    def _draw(self, index: int, width: int) -> Strip:
        if index == -1:
            texts: Sequence[Text] = [Text(c.label) for c in self.columns]
            base = self.rich_style + self.get_component_rich_style("draft-list--header")
            over = None
        else:
            texts = self._cells(index)
            base = self.rich_style
            if index % 2:
                base += self.get_component_rich_style("draft-list--even-row")
            over = (
                self.get_component_rich_style("draft-list--cursor")
                if index == self.cursor_row
                else None
            )
        line = Text(no_wrap=True, overflow="crop", end="")
        pad = " " * CELL_PADDING
        for text, column in zip(texts, self.columns, strict=False):
            line.append(pad)
            line.append_text(text)
            line.append(" " * max(0, column.width - text.cell_len) + pad)
        segments = Segment.apply_style(line.render(self.app.console), base, over)
        return Strip(segments).crop_extend(0, width, base)

    def _refresh_row(self, index: int) -> None:
        self._lines.pop(index, None)
        y = index - int(self.scroll_offset.y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        # Rows are kept by index, so those still on screen are not drawn again; the others
        # are dropped (scrolling through 10,000 rows keeps a screenful, not 10,000).
        top = int(new)
        shown = range(top, top + self.size.height)
        self._lines = {i: line for i, line in self._lines.items() if i == -1 or i in shown}

    # -- the cursor --------------------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(new))

    def move_cursor(self, row: int) -> None:
        if self.row_count:
            self.cursor_row = max(0, min(row, self.row_count - 1))

    def _scroll_to_cursor(self) -> None:
        rows_shown = max(1, self.size.height - 1)  # under the header
        top = int(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + rows_shown:
            self.scroll_to(y=self.cursor_row - rows_shown + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor_row - max(1, self.size.height - 2))

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor_row + max(1, self.size.height - 2))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self.row_count - 1)

    def action_select(self) -> None:
        if self.row_count:
            self.post_message(self.Selected(self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:  # the header
            return
        index = int(self.scroll_offset.y) + event.y - 1
        if not 0 <= index < self.row_count:
            return
        if index == self.cursor_row:
            self.action_select()
        else:
            self.move_cursor(index)
