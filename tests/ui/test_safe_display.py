"""The TUI's display widgets (ui/widgets/safe_display.py): an editable field draws the visible
form of what it holds, its cursor and clicks count that form's cells, and its value stays
exact; toasts and dialogs never read user text as markup."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.widgets import Static

from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.widgets.safe_display import SafeInput, SafeTextArea

HOSTILE = "Lee\x1b]2;t\x07\u202eX"


class Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield SafeInput(HOSTILE, id="one")
        yield SafeTextArea(f"{HOSTILE}\nsecond\x1b[2J", id="many")


def line_text(widget: SafeInput | SafeTextArea, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


async def test_an_input_draws_the_visible_form_and_keeps_its_value() -> None:
    app = Fields()
    async with app.run_test(size=(60, 12)) as pilot:
        field = app.query_one("#one", SafeInput)
        field.focus()
        await pilot.pause()
        drawn = line_text(field, 0)
        assert "Lee␛]2;t␇\ufffdX" in drawn
        assert "\x1b" not in drawn and "\x07" not in drawn
        assert field.value == HOSTILE
        # The cursor is after the last visible cell: one cell per stored character.
        field.cursor_position = len(HOSTILE)
        assert field._cursor_offset == len(HOSTILE) + 1
        field.cursor_position = 4  # after "Lee␛"
        assert field._position_to_cell(4) == 4
        # A click on the 5th cell ("]") puts the cursor before the 5th character.
        assert field._cell_offset_to_index(4) == 4
        await pilot.press("end", "backspace")
        assert field.value == HOSTILE[:-1]


async def test_a_text_area_draws_the_visible_form_and_keeps_its_text() -> None:
    app = Fields()
    async with app.run_test(size=(60, 12)) as pilot:
        area = app.query_one("#many", SafeTextArea)
        await pilot.pause()
        assert "Lee␛]2;t␇\ufffdX" in line_text(area, 0)
        assert "second␛[2J" in line_text(area, 1)
        assert area.text == f"{HOSTILE}\nsecond\x1b[2J"


async def test_toasts_and_dialogs_show_user_text_literally(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        app.notify(f"Moved [b]{HOSTILE}[/b]", title="T\x1b]2;x\x07", markup=True)
        await pilot.pause()
        note = list(app._notifications)[-1]
        assert note.message == "Moved [b]Lee␛]2;t␇\ufffdX[/b]"
        assert note.title == "T␛]2;x␇"
        assert not note.markup
        await app.push_screen(
            ChoiceModal(f"[red]{HOSTILE}", "a\x1b[2J\n[/]", [("ok", "OK", "default")])
        )
        await pilot.pause()
        title = str(app.screen.query_one("#dialog-title", Static).render())
        text = str(app.screen.query_one("#dialog-text", Static).render())
        assert title == "[red]Lee␛]2;t␇\ufffdX"
        assert text == "a␛[2J\n[/]"
