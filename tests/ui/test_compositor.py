"""What reaches the terminal is what a full redraw shows, however little each key repaints.

The wizard's screen draws partial updates row by row (ui/textual_ext/rows.py). These tests keep a
model of the terminal, apply to it every update the app sends (full frames and partial ones,
as a terminal would), and after keys, steps and resizes compare it cell by cell (text and
style) with a full drawing of the screen at that moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import ConsoleRenderable, RichCast
from rich.style import Style
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.pilot import Pilot
from textual.screen import Screen
from textual.strip import Strip

from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.textual_ext.rows import RowCompositor

Cell = tuple[str, Style | None]


class TerminalModel:
    """The cells on screen, updated as a terminal would be by each update the app sends."""

    def __init__(self, app: OutreachApp, *, watch: bool = True) -> None:
        """With `watch`, every update the app sends from now on is applied."""
        self.app = app
        self.partial = 0
        self.cells: list[list[Cell]] = []
        if not watch:
            return
        original = app._display

        def display(screen: Screen[Any], update: ConsoleRenderable | RichCast | str | None) -> None:
            original(screen, update)
            self.apply(update)

        app._display = display  # type: ignore[method-assign, assignment]  # an instance patch

    def _write(self, x: int, y: int, strip: Strip) -> None:
        width, height = self.app.size
        if len(self.cells) != height or len(self.cells[0]) != width:  # a resized terminal
            self.cells = [[(" ", None)] * width for _ in range(height)]
        row = self.cells[y]
        for segment in strip:
            for char in segment.text:
                if x < width:
                    row[x] = (char, segment.style)
                x += 1

    def apply(self, update: object) -> None:
        if isinstance(update, LayoutUpdate):
            x, y0 = update.region.x, update.region.y
            for y, line in enumerate(update.strips, y0):
                self._write(x, y, Strip.join(list(line)))
        elif isinstance(update, ChopsUpdate):
            self.partial += 1
            # As Textual writes a partial update (ChopsUpdate.render_segments).
            for y, x1, x2 in update.spans:
                chop = update.chops[y]
                for end, (x, strip) in zip(update.chop_ends[y], chop.items(), strict=False):
                    if strip is None or x > x2 or end <= x1:
                        continue
                    if not (x2 > x >= x1 and end <= x2):
                        strip = strip.crop(0, min(end, x2) - x)
                    self._write(x, y, strip)

    def text(self) -> list[str]:
        return ["".join(char for char, _ in row).rstrip() for row in self.cells]


def full_drawing(app: OutreachApp) -> list[list[Cell]]:
    """The whole screen drawn afresh, as the cells a terminal would show."""
    model = TerminalModel(app, watch=False)
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        model._write(0, y, strip)
    return model.cells


async def settle(pilot: Pilot[int]) -> None:
    """Wait until every change has been painted (nothing left to draw)."""
    app = pilot.app
    for _ in range(40):
        await pilot.pause()
        screen = app.screen
        if not screen._compositor._dirty_regions and not screen._dirty_widgets:
            await pilot.pause()
            return
    raise AssertionError("the screen never finished painting")


def differences(model: TerminalModel, app: OutreachApp) -> list[str]:
    expected = full_drawing(app)
    problems = []
    for y, (shown, drawn) in enumerate(zip(model.cells, expected, strict=True)):
        if shown != drawn:
            text_shown = "".join(c for c, _ in shown).rstrip()
            text_drawn = "".join(c for c, _ in drawn).rstrip()
            column = next(x for x, (a, b) in enumerate(zip(shown, drawn, strict=True)) if a != b)
            problems.append(f"row {y} col {column}: {text_shown!r} but drawn {text_drawn!r}")
    return problems


def no_blinking(app: OutreachApp) -> None:
    """A blinking cursor changes the screen on its own: off, so the model can keep up."""
    for widget in app.screen.walk_children():
        if hasattr(widget, "cursor_blink"):
            widget.cursor_blink = False


async def test_typing_and_stepping_leave_the_screen_as_a_full_redraw_would(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        model = TerminalModel(app)
        await pilot.press("enter")  # start a new draft: "Your name" has the focus
        await settle(pilot)
        no_blinking(app)
        checks: list[tuple[str, Callable[[], object]]] = [
            ("type a name", lambda: pilot.press(*"Jordan Lee")),
            ("delete letters", lambda: pilot.press("backspace", "backspace", "backspace")),
            ("type again", lambda: pilot.press(*"Lee Smith-Okafor")),
            ("next field", lambda: pilot.press("tab", *"Dayton, Ohio")),
            ("next step", lambda: pilot.press("ctrl+n")),
            ("type on the next step", lambda: pilot.press(*"Alex Morgan")),
            ("back", lambda: pilot.press("escape")),
            ("narrow terminal", lambda: pilot.resize_terminal(80, 24)),
            ("type when narrow", lambda: pilot.press(*" Jr")),
            ("wide again", lambda: pilot.resize_terminal(100, 30)),
            ("type when wide", lambda: pilot.press("backspace", "backspace", "backspace")),
        ]
        for what, action in checks:
            await action()  # type: ignore[misc]
            await settle(pilot)
            no_blinking(app)
            assert differences(model, app) == [], what
        assert "Jordan Lee Smith-Okafor" in "\n".join(model.text())
        assert model.partial > 20, "the keys were drawn as partial updates"


async def test_the_wizard_draws_row_by_row_with_this_textual(
    make_app: Callable[..., OutreachApp],
) -> None:
    """A Textual without the compositor API this relies on gets Textual's own (correct, slower):
    this says when an upgrade of Textual turns the faster drawing off."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen._compositor, RowCompositor)
