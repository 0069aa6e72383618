"""Tiny terminals and resizes: nothing crashes, and the field being typed in stays on screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from outreach_tui.core.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.screens.wizard import WizardScreen


def focused_is_visible(pilot: Pilot[int]) -> bool:
    focused = pilot.app.focused
    assert focused is not None
    region = focused.region
    return region.area > 0 and pilot.app.screen.region.contains_region(region)


async def test_every_step_at_40x12(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("enter")
        for _ in range(7):
            assert isinstance(app.screen, WizardScreen)
            assert focused_is_visible(pilot), app.focused
            await pilot.press("tab")
            assert focused_is_visible(pilot), app.focused
            await pilot.press("ctrl+n")
        assert "Preview" in str(app.screen.query_one("#step-indicator").render())
        await pilot.press("end", *"!")
        assert focused_is_visible(pilot)


async def test_resize_while_a_dialog_is_open(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"Jordan")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceModal)
        for size in ((40, 12), (120, 40), (30, 8), (80, 24)):
            await pilot.resize_terminal(*size)
            assert isinstance(app.screen, ChoiceModal)
            assert focused_is_visible(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, WizardScreen)
        assert app.focused is not None and app.focused.id == "q-sender-name"
        assert focused_is_visible(pilot)
        assert app.screen.answers.sender.name == "Jordan"
