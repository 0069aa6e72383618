"""Two Inputs that change what Textual's Input does through its private parts.

- `DrawnFormInput` draws another form of its value (a subclass says which, character for
  character) while `value` stays exactly what was typed; the cursor, selection and clicks count
  the cells of the form drawn. It overrides Input's private `_value`, `_position_to_cell` and
  `_cell_offset_to_index`.
- `FixedSizeInput`: Input's virtual size (the text's width, used only for its own horizontal
  scrolling) changes with every key and, as a layout reactive, asks for a layout of the whole
  screen each time. For an Input whose size the stylesheet fixes, this one only repaints itself
  (the cursor still scrolls into view). It redeclares Widget's `virtual_size` reactive.

Behind the package's gate: on another Textual, each is Textual's Input as it is (the value is
drawn as typed, the app's terminal-safety filter still removing any control character; a key
asks for a layout again).
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual.expand_tabs import expand_tabs_inline
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input

from outreach_tui.ui.textual_ext import TESTED

DRAWS_OWN_FORM = TESTED and all(
    hasattr(Input, name) for name in ("_value", "_position_to_cell", "_cell_offset_to_index")
)
"""True: `DrawnFormInput.drawn_form` is used."""
FIXED_SIZE = TESTED and isinstance(Widget.__dict__.get("virtual_size"), Reactive)
"""True: a `FixedSizeInput`'s new virtual size does not ask for a layout."""


class DrawnFormInput(Input):
    """An Input that draws `drawn_form(value)` (when not None) and keeps `value` exact."""

    def drawn_form(self, value: str) -> str | None:
        """The text to draw for `value`, of the same length (one character for each), or None
        to draw `value` itself. A password field always draws its dots."""
        return None

    if DRAWS_OWN_FORM:

        @property
        def _value(self) -> Text:
            form = None if self.password else self.drawn_form(self.value)
            if form is None:
                return super()._value
            text = Text(form, no_wrap=True, overflow="ignore", end="")
            if self.highlighter is not None:
                text = self.highlighter(text)
            return text

        def _position_to_cell(self, position: int) -> int:
            form = None if self.password else self.drawn_form(self.value)
            if form is None:
                return super()._position_to_cell(position)
            return cell_len(expand_tabs_inline(form[:position], 4))

        def _cell_offset_to_index(self, offset: int) -> int:
            form = None if self.password else self.drawn_form(self.value)
            if form is None:
                return super()._cell_offset_to_index(offset)
            offset += self.scroll_offset.x
            cell_offset = 0
            for index, char in enumerate(form):
                width = get_character_cell_size(char)
                if cell_offset <= offset < cell_offset + width:
                    return index
                cell_offset += width
            return max(0, min(offset, len(form)))


class FixedSizeInput(Input):
    """An Input whose size the stylesheet fixes: a new virtual size repaints it, no layout.

    Mix it in after the app's own Input class: ``class Filter(OneLineInput, FixedSizeInput)``.
    """

    if FIXED_SIZE:
        virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
