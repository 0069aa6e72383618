"""The footer: the keys that work here, kept current, clickable, never cut in half."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from test_wizard import indicator

from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.drafts import DraftsScreen
from outreach_tui.ui.widgets.footer import QuietFooter


def footer_line(app: OutreachApp) -> str:
    return str(app.screen.query_one(QuietFooter).render())


async def click_key(pilot: object, description: str) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    x = footer_line(app).index(description)
    await pilot.click(QuietFooter, offset=(x, 0))  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_the_footer_follows_the_focused_widget(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        line = footer_line(app)
        assert "^d Drafts" in line and "^q Quit" in line and line.rstrip().endswith("^p palette")
        assert "esc Back" not in line  # nothing to go back to from the welcome step
        await pilot.press("enter")  # a new draft: the first field has focus
        await pilot.pause()
        assert "esc Back" in footer_line(app)


async def test_save_is_offered_once_there_is_something_to_save(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert "Save" not in footer_line(app)  # the welcome step of a new draft
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not list(data_dir.glob("drafts/*.json")), "an empty draft was saved"
        await pilot.press("enter")
        await pilot.pause()
        assert "^s Save" in footer_line(app)
        await pilot.press(*"Jordan Lee", "ctrl+s")
        await pilot.pause()
        assert len(list(data_dir.glob("drafts/*.json"))) == 1


async def test_answers_loaded_from_a_file_can_be_saved_from_the_welcome_step(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(full_answers, source="alex.toml")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert "^s Save" in footer_line(app)


async def test_clicking_a_key_in_the_footer_presses_it(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.press(*"Jordan Lee", "tab", *"Dayton, Ohio")
        await click_key(pilot, "Next")
        assert "Step 2 of 7 · Contact" in indicator(app)
        await click_key(pilot, "Drafts")
        assert isinstance(app.screen, DraftsScreen)


async def test_a_narrow_footer_keeps_the_palette_and_leaves_out_whole_keys(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(140, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        wide = footer_line(app)
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        narrow = footer_line(app)
    assert len(narrow) == 60 and narrow.endswith("▏ ^p palette ")
    wide_keys = wide.split("▏")[0].rstrip()
    narrow_keys = narrow.split("▏")[0].rstrip()
    # Keys are left out whole ("Back" is not cut to "Ba"), in the same order, and Quit and Help
    # are never among them.
    wide_pieces = [piece.strip() for piece in wide_keys.split("  ")]
    narrow_pieces = [piece.strip() for piece in narrow_keys.split("  ")]
    assert len(narrow_pieces) < len(wide_pieces)
    assert narrow_pieces == [piece for piece in wide_pieces if piece in narrow_pieces]
    assert narrow_pieces[-2:] == ["^q Quit", "f1 Help"]


async def test_the_footer_keeps_its_order_between_steps_and_fields(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    seen: list[tuple[str, ...]] = []
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("enter")
        for _step in range(7):
            for _field in range(2):
                await pilot.pause()
                seen.append(app.screen.query_one(QuietFooter).keys_shown)
                await pilot.press("tab")
            await pilot.press("ctrl+n")
    order = ["^n", "esc", "^s", "^d"]
    for keys in seen:
        assert [key for key in keys if key in order] == order, keys
        assert keys.index("^q") > keys.index("^d") and keys[-1] == "^p", keys
