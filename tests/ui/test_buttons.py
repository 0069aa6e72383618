"""The welcome step's buttons (PlainButton) look and act as Textual's Button does.

PlainButton leaves out Button's own stylesheet and is styled by a copy of its look (in
ui/textual_ext/button.py); these tests draw a Button and a PlainButton side by side, in each
state a user can see, and compare them cell by cell. If a Textual upgrade changes how a Button
looks, they say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.widgets import Button

import outreach_tui.ui.app as app_module
from outreach_tui.ui.widgets.buttons import PlainButton

Look = list[list[tuple[str, object, object, object, object]]]


class SideBySide(App[None]):
    CSS_PATH = Path(app_module.__file__).parent / "app.tcss"  # the app's own stylesheet

    def compose(self) -> ComposeResult:
        for variant in ("primary", "default"):
            with Horizontal(classes="row"):
                yield Button("Start a new draft", id=f"textual-{variant}", variant=variant)
                yield PlainButton("Start a new draft", id=f"plain-{variant}", variant=variant)


def look(button: Button) -> Look:
    """Each cell's character, colours and emphasis (not Textual's click metadata)."""
    width, height = button.outer_size
    rows: Look = []
    for strip in button.render_lines(Region(0, 0, width, height)):
        row: list[tuple[str, object, object, object, object]] = []
        for segment in strip:
            style = segment.style
            key = (
                (style.color, style.bgcolor, style.bold, style.reverse)
                if style is not None
                else (None, None, None, None)
            )
            row.extend((char, *key) for char in segment.text)
        rows.append(row)
    return rows


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "ansi-dark"])
@pytest.mark.parametrize("variant", ["primary", "default"])
async def test_a_plain_button_looks_like_a_button(theme: str, variant: str) -> None:
    app = SideBySide()
    async with app.run_test(size=(80, 12)) as pilot:
        app.theme = theme
        textual = app.query_one(f"#textual-{variant}", Button)
        plain = app.query_one(f"#plain-{variant}", PlainButton)
        app.set_focus(None)
        await pilot.pause()
        assert look(plain) == look(textual), "unfocused"
        assert "Start a new draft" in "".join(c[0] for c in look(plain)[1])
        textual.focus()
        await pilot.pause()
        focused_textual = look(textual)
        plain.focus()
        await pilot.pause()
        assert look(plain) == focused_textual, "focused"
        app.set_focus(None)
        await pilot.hover(f"#textual-{variant}")
        hovered_textual = look(textual)
        await pilot.hover(f"#plain-{variant}")
        assert look(plain) == hovered_textual, "mouse over"
