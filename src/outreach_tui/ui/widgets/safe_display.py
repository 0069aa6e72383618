"""The TUI's side of core/platform/safe_text.py: widgets and helpers that draw user text.

- `SafeInput` and `SafeTextArea`: every editable field. They draw the text's one-cell visible
  form (`for_cells`: ESC as ``␛``) while their value stays exactly what was loaded or typed;
  the cursor, selection and mouse clicks count the visible form's cells, so they stay on the
  right character. (A `SafeTextArea` line holding control characters is wrapped as Textual
  measures the stored text, where a control takes no cell: such a line may wrap a few cells
  late. What is drawn is always the visible form.) A `SafeInput` draws through Input's private
  methods (textual_ext.inputs): on an untested Textual it draws its text as typed, and the
  filter below still removes every control character.
- `line_text` / `block_text`: a `rich.text.Text` for a label, cell, title, dialog or toast,
  never parsed as markup (a typed ``[b]`` shows as typed).
- `TerminalSafetyFilter`: the last line of defence, a line filter on everything the app draws:
  any control character some place forgot to show visibly is removed before it reaches the
  terminal (it takes no cell, so the layout is unchanged).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter
from textual.widgets import TextArea

from outreach_tui.core.platform.safe_text import (
    for_cells,
    for_line,
    for_terminal,
    for_text,
    has_unsafe,
)
from outreach_tui.ui.textual_ext.inputs import DrawnFormInput

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


class SafeInput(DrawnFormInput):
    """An Input that draws its value's visible form (``␛`` for ESC) and keeps `value` exact."""

    def drawn_form(self, value: str) -> str | None:
        return for_cells(value, keep_tab=True) if has_unsafe(value) else None


class SafeTextArea(TextArea):
    """A TextArea that draws each line's visible form (``␛`` for ESC) and keeps `text` exact."""

    def get_line(self, line_index: int) -> Text:
        line = self.document.get_line(line_index)
        return Text(for_cells(line, keep_tab=True), end="", no_wrap=True)
