"""Autosave in the wizard: typed work reaches the disk, and the next start offers it back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, Static

from outreach_tui.core.drafts.autosave import AUTOSAVE_NAME, PREVIOUS_NAME, Autosave, WorkState
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.screens.wizard import WizardScreen
from waiting import until as wait_for

SIZE = (100, 32)


async def test_typing_is_autosaved_and_saving_clears_it(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    app = make_app()
    path = data_dir / AUTOSAVE_NAME
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Jordan Lee", "ctrl+n", *"Alex Morgan")
        await wait_for(pilot, lambda: path.exists() and "Alex Morgan" in path.read_text())
        saved = json.loads(path.read_text())
        assert saved["answers"]["sender"]["name"] == "Jordan Lee"
        assert saved["step"] == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not path.exists()
        assert (data_dir / PREVIOUS_NAME).exists()


async def test_next_start_offers_to_resume_exactly_there(
    make_app: Callable[..., OutreachApp], data_dir: Path, full_answers: Answers
) -> None:
    Autosave(data_dir).save(
        WorkState(full_answers, step=4, channel="connection-note", edited=("", "Hello there"))
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        assert "Alex Morgan" in str(app.screen.query_one("#dialog-text", Static).render())
        await pilot.press("enter")  # Resume
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        assert "Step 4 of 7 · Distance" in str(screen.query_one("#step-indicator").render())
        assert screen.query_one("#q-job-distance", Input).value == "250"
        assert screen.channel == "connection-note"
        assert screen.edited == ("", "Hello there")
        assert screen.dirty


async def test_start_fresh_keeps_the_old_work_aside(
    make_app: Callable[..., OutreachApp], data_dir: Path, full_answers: Answers
) -> None:
    Autosave(data_dir).save(WorkState(full_answers, step=2))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#fresh")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.answers.contact.name == ""
    assert not (data_dir / AUTOSAVE_NAME).exists()
    assert "Alex Morgan" in (data_dir / PREVIOUS_NAME).read_text()


async def test_damaged_autosave_is_reported_and_never_overwritten(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / AUTOSAVE_NAME
    path.write_bytes(b'{"autosave_version": 1, "answe')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(str(path) in m and "autosave is off" in m for m in messages), messages
        await pilot.press("enter", *"Jordan")
        await wait_for(pilot, lambda: isinstance(app.screen, WizardScreen) and app.screen.dirty)
        assert isinstance(app.screen, WizardScreen)
        app.screen.write_autosave()  # what the autosave timer does when it fires: no write
        await pilot.pause()
    assert path.read_bytes() == b'{"autosave_version": 1, "answe'
