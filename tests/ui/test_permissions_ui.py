"""At start-up the app reports drafts others can read, and fixes them in one key."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Static

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.screens.wizard import WizardScreen
from waiting import until


async def wait_for_dialog(pilot: Pilot[int]) -> None:
    """The check runs in a thread after the first paint: wait until the dialog is up with its
    buttons (a dialog screen is pushed before its buttons are mounted); fail if it never is."""

    def dialog_up() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, ChoiceModal) and bool(screen.query(Button))

    await until(pilot, dialog_up, "the permissions dialog with its buttons")
    await pilot.pause()


async def test_loosened_draft_is_reported_and_fixed_with_one_key(
    make_app: Callable[..., OutreachApp], data_dir: Path, full_answers: Answers
) -> None:
    path = DraftStore(data_dir).save(Draft(answers=full_answers, channel="message", message="."))
    path.chmod(0o644)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_dialog(pilot)
        assert isinstance(app.screen, ChoiceModal)
        assert path.name in str(app.screen.query_one("#dialog-text", Static).render())
        await pilot.press("enter")  # Fix now
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_leave_as_is_changes_nothing(
    make_app: Callable[..., OutreachApp], data_dir: Path, full_answers: Answers
) -> None:
    path = DraftStore(data_dir).save(Draft(answers=full_answers, channel="message", message="."))
    path.chmod(0o644)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for_dialog(pilot)
        await pilot.click("#leave")
        await pilot.pause()
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
