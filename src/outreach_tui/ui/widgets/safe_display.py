"""The TUI's side of core/platform/safe_text.py: widgets and helpers that draw user text.

- `SafeInput` and `SafeTextArea`: every editable field. They draw the text's one-cell visible
  form (`for_cells`: ESC as ``␛``) while their value stays exactly what was loaded or typed;
  the cursor, selection and mouse clicks count the visible form's cells, so they stay on the
  right character. (A `SafeTextArea` line holding control characters is wrapped as Textual
  measures the stored text, where a control takes no cell: such a line may wrap a few cells
  late. What is drawn is always the visible form.)
- `line_text` / `block_text`: a `rich.text.Text` for a label, cell, title, dialog or toast,
  never parsed as markup (a typed ``[b]`` shows as typed).
- `TerminalSafetyFilter`: the last line of defence, a line filter on everything the app draws:
  any control character some place forgot to show visibly is removed before it reaches the
  terminal (it takes no cell, so the layout is unchanged).
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.expand_tabs import expand_tabs_inline
from textual.filter import LineFilter
from textual.widgets import Input, TextArea

from outreach_tui.core.platform.safe_text import (
    for_cells,
    for_line,
    for_terminal,
    for_text,
    has_unsafe,
)

__all__ = [
    "SafeInput",
    "SafeTextArea",
    "TerminalSafetyFilter",
    "block_text",
    "line_text",
]


def line_text(text: str, style: str = "") -> Text:
    """User text for a one-line place (a label, a table cell, a title): `for_line`, no markup."""
    return Text(for_line(text), style=style, end="")


def block_text(text: str, style: str = "") -> Text:
    """Multi-line user text (a pane, a toast's message): `for_text`, no markup."""
    return Text(for_text(text), style=style, end="")


class TerminalSafetyFilter(LineFilter):
    """Removes, from every drawn line, any character a terminal would act on (`for_terminal`).

    One regex search per line in the usual case; Textual caches the filtered line."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(has_unsafe(segment.text) for segment in segments if not segment.control):
            return segments
        return [
            segment
            if segment.control
            else Segment(for_terminal(segment.text), segment.style, segment.control)
            for segment in segments
        ]


class SafeInput(Input):
    """An Input that draws its value's visible form (``␛`` for ESC) and keeps `value` exact."""

    @property
    def _value(self) -> Text:
        value = self.value
        if self.password or not has_unsafe(value):
            return super()._value
        text = Text(for_cells(value, keep_tab=True), no_wrap=True, overflow="ignore", end="")
        if self.highlighter is not None:
            text = self.highlighter(text)
        return text

    def _position_to_cell(self, position: int) -> int:
        value = self.value
        if self.password or not has_unsafe(value):
            return super()._position_to_cell(position)
        return cell_len(expand_tabs_inline(for_cells(value[:position], keep_tab=True), 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        value = self.value
        if self.password or not has_unsafe(value):
            return super()._cell_offset_to_index(offset)
        offset += self.scroll_offset.x
        cell_offset = 0
        for index, char in enumerate(for_cells(value, keep_tab=True)):
            width = get_character_cell_size(char)
            if cell_offset <= offset < cell_offset + width:
                return index
            cell_offset += width
        return max(0, min(offset, len(value)))


class SafeTextArea(TextArea):
    """A TextArea that draws each line's visible form (``␛`` for ESC) and keeps `text` exact."""

    def get_line(self, line_index: int) -> Text:
        line = self.document.get_line(line_index)
        return Text(for_cells(line, keep_tab=True), end="", no_wrap=True)
