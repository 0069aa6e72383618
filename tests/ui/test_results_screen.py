"""The Results screen through Pilot: opened from Drafts (g) and from the palette, its empty
state, and the bars over a small library of drafts (real files in tmp_path)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from drafts_samples import TODAY, make_samples
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.library import Library
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.results.chart import EMPTY_STATE
from outreach_tui.ui.app import OutreachApp, create_app
from outreach_tui.ui.screens.drafts import DraftsScreen
from outreach_tui.ui.screens.linkedin_import import LinkedInImportScreen
from outreach_tui.ui.screens.results import ResultsScreen
from outreach_tui.ui.screens.wizard import WizardScreen
from waiting import pick, until

SIZE = (100, 32)
FIXTURES = Path(__file__).parent.parent / "fixtures" / "linkedin"


def shown(screen: ResultsScreen, widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


async def counted(pilot: Pilot[int]) -> ResultsScreen:
    """The Results screen in front, once it has counted."""
    app = pilot.app
    for _ in range(200):
        screen = app.screen
        if isinstance(screen, ResultsScreen) and screen.results is not None:
            return screen
        await app.workers.wait_for_complete()
        await pilot.pause()
    raise AssertionError(f"no counted Results screen; in front: {app.screen!r}")


async def test_empty_state_from_the_drafts_screen(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, DraftsScreen)
        await pilot.press("g")
        screen = await counted(pilot)
        assert screen.results is not None and screen.results.sent == 0
        assert " ".join(shown(screen, "results-headline").split()) == EMPTY_STATE
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DraftsScreen)


async def test_populated_from_the_palette(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_samples(data)
    app = create_app(data, store=DraftStore(data), renderer=Renderer(), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pick(pilot, "Your results")
        screen = await counted(pilot)
        headline = shown(screen, "results-headline")
        assert "sent 5 · replied 2 · no reply 3 · interviews held 1 · thanked 0" in headline
        assert "replies: 40% (2 of 5)" in headline and "1 not sent yet" in headline
        assert "could not be read" in headline  # the damaged sample file, left out
        chart = shown(screen, "results-chart")
        for heading in ("By hook", "By channel", "By coach score", "By follow-up"):
            assert heading in chart
        assert "email" in chart and "1 of 2" in chart  # a small group: counts, no percentage
        by_channel = chart.split("By channel")[1].split("By coach score")[0]
        assert "%" not in by_channel  # every channel has fewer than five messages


async def test_preview_coach_shows_your_own_results(
    make_app: Callable[..., OutreachApp], data_dir: Path, full_answers: Answers
) -> None:
    library = Library(DraftStore(data_dir))
    for number in range(5):
        answers = full_answers.copy()
        answers.contact.name = f"Person {number}"
        draft = Draft(answers=answers, channel="message", message="Hello, may we talk?")
        library.save(draft)
        library.mark(draft.id, "sent", date(2025, 1, 6))
    library.mark(draft.id, "replied", date(2025, 1, 8))
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        await wizard.open_preview()
        own = app.screen.query_one("#coach-own", Static)
        for _ in range(200):
            if own.display:
                break
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert str(own.render()) == "Your own results: with none, 1 of 5 replied."


async def test_ctrl_l_import_updates_drafts_and_says_so(
    make_app: Callable[..., OutreachApp],
    data_dir: Path,
    tmp_path: Path,
    full_answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        export = tmp_path / "export"
        export.mkdir()
        for name in ("Connections.csv", "messages.csv"):
            shutil.copy(FIXTURES / name, export / name)
        store = DraftStore(data_dir, clock=lambda: datetime(2025, 1, 10, 12, tzinfo=UTC))
        draft = Draft(answers=full_answers, channel="message", message="Hello, may we talk?")
        store.save(draft)
        app = make_app(answers=full_answers)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter", "ctrl+n", "ctrl+n")  # the Research step
            indicator = app.screen.query_one("#step-indicator", Static)
            await until(pilot, lambda: "Research" in str(indicator.render()), "the Research step")
            await app.workers.wait_for_complete()
            await pilot.press("ctrl+l")
            await until(pilot, lambda: isinstance(app.screen, LinkedInImportScreen), "the import")
            assert isinstance(app.screen, LinkedInImportScreen)
            app.screen.query_one("#li-path", Input).value = str(export)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            summary = [n.message for n in app._notifications][-1]
            assert (
                "1 draft updated from your messages: Alex Morgan sent on 20 Jan 2025 "
                "and replied on 5 Feb 2025"
            ) in summary
        tracking = DraftStore(data_dir).load(draft.id).tracking
        assert (tracking.status, tracking.replied_on) == ("replied", date(2025, 2, 5))
    finally:
        monkeypatch.undo()
        time.tzset()


async def test_saving_an_open_draft_keeps_a_status_set_meanwhile(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_samples(data)
    app = create_app(data, store=DraftStore(data), renderer=Renderer(), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("slash", *"priya", "enter", "enter")  # open Priya Shah's draft
        await until(
            pilot,
            lambda: isinstance(app.screen, WizardScreen) and app.screen.draft is not None,
            "Priya Shah's draft open",
        )
        wizard = app.screen
        assert isinstance(wizard, WizardScreen) and wizard.draft is not None
        # meanwhile an import (or another window) records the reply
        Library(DraftStore(data)).mark("priya-shah-d4e5f6", "replied", date(2026, 5, 13))
        assert wizard.action_save()
    saved = DraftStore(data).load("priya-shah-d4e5f6").tracking
    assert (saved.status, saved.replied_on) == ("replied", date(2026, 5, 13))


async def test_bars_fit_a_40_column_terminal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_samples(data)
    app = create_app(data, store=DraftStore(data), renderer=Renderer(), today=lambda: TODAY)
    async with app.run_test(size=(40, 12)) as pilot:
        await app.workers.wait_for_complete()
        app.open_results()
        screen = await counted(pilot)
        chart = screen.query_one("#results-chart", Static)
        lines = shown(screen, "results-chart").splitlines()
        assert any("connection-…" in text for text in lines)  # a long label is cut, not wrapped
        assert max(len(text) for text in lines) <= chart.content_region.width
