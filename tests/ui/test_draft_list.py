"""The drafts list widget: keys, clicks, and only the rows on screen are ever made."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region

from outreach_tui.ui.screens.drafts_rows import Column
from outreach_tui.ui.widgets.draft_list import DraftList

COLUMNS = [Column("contact", "Contact", 12), Column("organisation", "Organisation", 14)]


class ListApp(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.made: list[int] = []
        self.events: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield DraftList(id="list")

    def on_mount(self) -> None:
        self.query_one(DraftList).show(COLUMNS, self.count, self.cells, cursor=0)
        self.query_one(DraftList).focus()

    def cells(self, index: int) -> list[Text]:
        self.made.append(index)
        return [Text(f"Person {index}"), Text(f"Org {index % 7}")]

    def on_draft_list_highlighted(self, event: DraftList.Highlighted) -> None:
        self.events.append(("highlighted", event.cursor_row))

    def on_draft_list_selected(self, event: DraftList.Selected) -> None:
        self.events.append(("selected", event.cursor_row))


def screen_lines(widget: DraftList) -> list[str]:
    """The lines the screen gets from the list (through Textual's line cache, as it paints)."""
    width, height = widget.outer_size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height))]


async def test_keys_move_the_cursor_and_keep_it_on_screen() -> None:
    app = ListApp(500)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(DraftList)
        await pilot.press("down", "down", "down")
        assert table.cursor_row == 3
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 499
        lines = screen_lines(table)
        assert lines[0].split() == ["Contact", "Organisation"]
        assert "Person 499" in lines[-1]
        await pilot.press("pageup")
        assert table.cursor_row < 499 - 5
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0
        assert "Person 0" in screen_lines(table)[1]
        await pilot.press("up")  # already at the top: stays
        assert table.cursor_row == 0
        assert ("highlighted", 499) in app.events


async def test_enter_and_a_click_on_the_highlighted_row_select_it() -> None:
    app = ListApp(20)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(DraftList)
        await pilot.press("enter")
        await pilot.pause()
        assert ("selected", 0) in app.events
        await pilot.click(DraftList, offset=(2, 3))  # the header, then rows 0, 1, 2
        await pilot.pause()
        assert table.cursor_row == 2
        assert ("selected", 2) not in app.events
        await pilot.click(DraftList, offset=(2, 3))
        await pilot.pause()
        assert ("selected", 2) in app.events


async def test_ten_thousand_rows_make_only_the_rows_on_screen() -> None:
    app = ListApp(10_000)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(DraftList)
        assert len(set(app.made)) <= table.size.height
        app.made.clear()
        table.show(COLUMNS, 3, lambda i: [Text(f"New {i}"), Text("")], cursor=9)
        await pilot.pause()
        assert table.cursor_row == 2  # kept inside the new rows
        assert [line.split()[:2] for line in screen_lines(table)[1:4]] == [
            ["New", "0"],
            ["New", "1"],
            ["New", "2"],
        ]
        assert app.made == []  # the old rows were never made again
