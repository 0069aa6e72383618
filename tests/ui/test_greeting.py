"""The greeting on the Contact step, and the user's "Name in the greeting" in every message:
typed, corrected, and kept through Back/Next, saving, a channel switch, "Shorten to fit", a
follow-up and a thank-you."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from test_wizard import SIZE, choose, focused_id, indicator, preview_text, type_text, wizard
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.library import Library
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp, create_app
from outreach_tui.ui.screens.drafts import DraftsScreen
from outreach_tui.ui.screens.wizard import WizardScreen

GREETING_FIELD = "q-contact-greeting-name"
TODAY = date(2026, 5, 14)


def greeting(app: OutreachApp) -> str:
    return str(wizard(app).query_one("#greeting-line", Static).render())


def doubts(app: OutreachApp) -> str:
    shown = wizard(app).query_one("#greeting-doubts", Static)
    return str(shown.render()) if shown.display else ""


def message(app: OutreachApp) -> str:
    return app.screen.query_one("#message", TextArea).text


def wang(answers: Answers, own: str = "") -> Answers:
    answers.contact.name = "Wang Fang (she/her)"
    answers.contact.honorific = "Ms."
    answers.contact.greeting_name = own
    return answers


async def test_typing_the_name_shows_the_greeting_as_it_will_read(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "Jordan Lee")
        await pilot.press("ctrl+n")
        assert "Contact" in indicator(app)
        await type_text(pilot, "Dr. Willem van der Berg")
        assert greeting(app) == "Greeting: Dear Willem van der Berg,"
        await pilot.press("tab")
        await choose(pilot, "Dr.")
        assert greeting(app) == "Greeting: Dear Dr. van der Berg,"
        assert doubts(app) == ""
        field = app.screen.query_one(f"#{GREETING_FIELD}", Input)
        assert field.value == "" and field.placeholder == "van der Berg"  # the suggestion
        assert "Dear Dr. van der Berg," in preview_text(app)
        # A name the parse is unsure of says so, with what to do.
        await pilot.press("shift+tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "Wang Fang")
        assert greeting(app) == "Greeting: Dear Dr. Fang,"
        assert "“Wang” may be their family name" in doubts(app)
        assert "Name in the greeting" in doubts(app)


async def test_the_users_greeting_survives_back_next_save_and_reopen(
    make_app: Callable[..., OutreachApp], full_answers: Answers, data_dir: Path
) -> None:
    app = make_app(answers=wang(full_answers))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n")
        assert "Contact" in indicator(app)
        assert greeting(app) == "Greeting: Dear Ms. Fang,"
        await pilot.press("tab", "tab")
        assert focused_id(app) == GREETING_FIELD
        await type_text(pilot, "Wang")
        assert greeting(app) == "Greeting: Dear Ms. Wang,"
        assert doubts(app) == ""  # the user has said how to greet them
        await pilot.press("escape")  # Back
        assert "You" in indicator(app)
        await pilot.press("ctrl+n")
        assert app.screen.query_one(f"#{GREETING_FIELD}", Input).value == "Wang"
        assert greeting(app) == "Greeting: Dear Ms. Wang,"
        await pilot.press(*["ctrl+n"] * 5)
        assert "Preview" in indicator(app)
        assert message(app).startswith("Dear Ms. Wang,")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (path,) = (data_dir / "drafts").glob("*.json")
    saved = json.loads(path.read_text())
    assert saved["answers"]["contact"]["greeting_name"] == "Wang"
    assert saved["message"].startswith("Dear Ms. Wang,")

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "enter")  # Open saved drafts
        assert isinstance(again.screen, DraftsScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert "Review" in indicator(again)
        rows = again.screen.query_one("#review-list", OptionList)
        shown = [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]
        assert any("Name in the greeting" in r and "Dear Ms. Wang, (yours)" in r for r in shown)
        assert again.screen.query_one(f"#{GREETING_FIELD}", Input).value == "Wang"
        await pilot.press("ctrl+n")
        assert message(again).startswith("Dear Ms. Wang,")


async def test_the_users_greeting_survives_a_channel_switch_and_shorten_to_fit(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    answers = wang(full_answers, "Wang")
    answers.contact.organization = "Westerly Public Library and Regional Archive Consortium"
    answers.sender.name = "Jordan Alexandra Lee-Whitmore"
    app = make_app(answers=answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 6)
        assert message(app).startswith("Dear Ms. Wang,")
        await pilot.press("shift+tab", "shift+tab")
        await choose(pilot, "E-mail")
        await pilot.pause()
        assert wizard(app).channel == "email"
        assert message(app).startswith("Dear Ms. Wang,")
        await choose(pilot, "Connection-request note")
        await pilot.pause()
        assert message(app).startswith("Dear Ms. Wang,")
        assert len(message(app)) > 200
        await pilot.click("#shorten")
        await pilot.pause()
        assert len(message(app)) <= 200
        assert message(app).startswith("Dear Ms. Wang,")


async def test_a_follow_up_and_a_thank_you_keep_the_users_greeting(
    full_answers: Answers, data_dir: Path
) -> None:
    for status, on, channel, own in (
        ("sent", date(2026, 5, 1), "follow-up", "Wang"),
        ("interview-held", date(2026, 5, 13), "thank-you", "Ms. Wang"),
    ):
        folder = data_dir / channel  # each its own data folder: nothing to resume between
        store = DraftStore(folder)
        draft = Draft(answers=wang(full_answers.copy(), own), channel="message", message="Hi")
        store.save(draft)
        Library(store, today=lambda: TODAY).mark(draft.id, status, on)
        app = create_app(folder, store=store, renderer=Renderer(), today=lambda: TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await _open_due(pilot, draft.id)
            screen = app.screen
            assert isinstance(screen, WizardScreen) and screen.channel == channel
            if channel == "thank-you":  # it opens on what was learned, the preview beside it
                assert app.focused is not None and app.focused.id == "q-goal-learned"
                shown = str(screen.query_one("#preview-body", Static).render())
                assert shown.startswith("Dear Ms. Wang,"), shown
            else:
                assert message(app).startswith("Dear Ms. Wang,"), message(app)


async def _open_due(pilot: Pilot[int], draft_id: str) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.press("ctrl+d")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DraftsScreen)
    for _ in range(len(screen.rows)):
        if screen.current is not None and screen.current.id == draft_id:
            break
        await pilot.press("down")
    assert screen.current is not None and screen.current.id == draft_id
    await pilot.press("f")
    await pilot.pause()


async def test_a_duplicate_keeps_the_greeting_only_for_the_same_person(
    full_answers: Answers, data_dir: Path
) -> None:
    store = DraftStore(data_dir)
    store.save(Draft(answers=wang(full_answers, "Wang"), channel="message", message="Hi"))
    for typed, kept in (("Wang Fang", "Wang"), ("Li Na", "")):
        app = create_app(data_dir, store=store, renderer=Renderer(), today=lambda: TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.press("ctrl+d")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, DraftsScreen)
            while screen.current is not None and "Wang Fang" not in screen.current.title:
                await pilot.press("down")
            await pilot.press("d")
            await pilot.pause()
            await type_text(pilot, typed)
            await pilot.press("enter")
            await pilot.pause()
            copy = wizard(app)
            assert copy.answers.contact.name == typed
            assert copy.query_one(f"#{GREETING_FIELD}", Input).value == kept
            assert copy.answers.contact.greeting_name == kept
