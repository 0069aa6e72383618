"""A paragraph's drawn lines, moved down to where the paragraph sits in a longer text.

Textual marks each piece of drawn text with its place in the whole text (the "offset" a mouse
selection is made from): (column, line), in the style's meta. Drawing a paragraph after `y`
empty lines gave the same marks, but cost a line's drawing for every line above it, on every
key typed near the end of a message; `at_line` rewrites the marks instead. It reads Rich's
private `Style._meta` (cheap: no unpickling for a style without meta) and relies on Textual's
private "offset" convention.

Behind the package's gate: on another Textual `MOVES_MARKS` is False, and a view draws its
whole text in one go, as Textual does.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from outreach_tui.ui.textual_ext import TESTED

MOVES_MARKS = TESTED and hasattr(Style(), "_meta")
"""True: `at_line` may be used; False: draw the whole text instead."""


def at_line(strips: list[Strip], y: int) -> list[Strip]:
    """A paragraph's lines, drawn on their own, as the paragraph on line `y` of a text."""
    if not y:
        return strips
    moved: list[Strip] = []
    for strip in strips:
        segments: list[Segment] = []
        for text, style, control in strip:
            if style is not None and style._meta:
                meta = style.meta
                offset = meta.get("offset")
                if offset is not None:
                    style = style + Style.from_meta({**meta, "offset": (offset[0], offset[1] + y)})
            segments.append(Segment(text, style, control))
        moved.append(Strip(segments, strip.cell_length))
    return moved
