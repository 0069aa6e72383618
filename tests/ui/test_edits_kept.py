"""The user's own words are never thrown away silently: Shorten to fit tightens their text (or
asks first), a channel switch keeps it, and the thank-you asks what was learned."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from test_wizard import SIZE, choose, focused_id, indicator, preview_text, wizard
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Input, TextArea

from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.screens.wizard import WizardScreen

OWN_NOTE = (
    "Hi Alex,\n\nI am Jordan, a cataloguer in Dayton. I loved your map exhibit and I would like "
    "to hear how your team built it. Could we talk for 15 minutes some time?\n\n"
    "Thank you for your time.\n\nBest regards,\nJordan Lee"
)
"""212 characters: tightened (squeezed, sign-off dropped) it fits 200."""

LONG_OWN_NOTE = (
    "Hi Alex,\n\nI am Jordan, a cataloguer in Dayton. I loved your map exhibit, especially the "
    "hand-drawn survey of the harbour, and I would like to hear how your team chose what to "
    "show and how long the whole project took from the first idea to the opening night. "
    "Could we talk?\n\nBest regards,\nJordan Lee"
)
"""298 characters: no tightening brings it under 200 without cutting the user's words."""


def notes(app: OutreachApp) -> list[str]:
    return [n.message for n in app._notifications]


def message(app: App[Any]) -> str:
    return wizard(app).query_one("#message", TextArea).text


async def to_preview_on(pilot: Pilot[int], channel_label: str) -> None:
    await pilot.press("enter", *["ctrl+n"] * 6)
    assert "Preview & save" in indicator(pilot.app)
    await pilot.press("shift+tab", "shift+tab")
    assert focused_id(pilot.app) == "channel"
    await choose(pilot, channel_label)
    await pilot.pause()


async def focus_channel(pilot: Pilot[int]) -> None:
    for _ in range(8):
        if focused_id(pilot.app) == "channel":
            return
        await pilot.press("shift+tab")
    assert focused_id(pilot.app) == "channel"


async def replace_message(pilot: Pilot[int], text: str) -> None:
    """Select the whole message with the keyboard and paste `text` over it."""
    area = wizard(pilot.app).query_one("#message", TextArea)
    area.focus()
    await pilot.press(*["up"] * 30, "home", *["shift+down"] * 30, "shift+end")
    pilot.app.post_message(events.Paste(text))  # as the terminal sends a paste
    await pilot.pause()
    assert message(pilot.app) == text


async def test_shorten_tightens_the_users_own_note_and_says_how(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await to_preview_on(pilot, "Connection-request note")
        await replace_message(pilot, OWN_NOTE)
        shorten = wizard(app).query_one("#shorten", Button)
        assert shorten.display, "212 characters on a 200-character note"
        await pilot.click("#shorten")
        await pilot.pause()
        text = message(app)
        assert len(text) <= 200
        # the user's words, not the note from the answers
        assert "I loved your map exhibit and I would like to hear how your team built it." in text
        assert "Samir Patel" not in text
        assert "Best regards" not in text
        assert any("Your own text now fits" in n and "sign-off dropped" in n for n in notes(app))
        # the same count as the counter under the preview
        assert any(f"({len(text)} / 200 characters)" in n for n in notes(app))
        edited = wizard(app).edited
        assert edited is not None and edited[1] == text


async def test_shorten_asks_before_replacing_a_note_that_cannot_fit(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await to_preview_on(pilot, "Connection-request note")
        await replace_message(pilot, LONG_OWN_NOTE)
        await pilot.click("#shorten")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal), "replacing the user's text must ask first"
        await pilot.press("escape")  # Cancel: nothing changes
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert message(app) == LONG_OWN_NOTE
        assert "Your text is unchanged." in notes(app)

        await pilot.click("#shorten")
        await pilot.pause()
        await pilot.click("#mine")  # keep mine, tightened
        await pilot.pause()
        kept = message(app)
        assert "especially the hand-drawn survey of the harbour" in kept
        assert "Best regards" not in kept and "I'd like" in kept
        assert any("Your text is kept, tightened" in n for n in notes(app))

        await pilot.click("#shorten")
        await pilot.pause()
        await pilot.click("#answers")  # use the short note from the answers
        await pilot.pause()
        short = message(app)
        assert len(short) <= 200 and "Samir Patel" in short
        assert any("replaced by the short note" in n for n in notes(app))


async def test_untouched_note_is_shortened_from_the_answers(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    full_answers.contact.organization = "Westerly Public Library and Regional Archive Consortium"
    full_answers.sender.name = "Jordan Alexandra Lee-Whitmore"
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await to_preview_on(pilot, "Connection-request note")
        assert wizard(app).edited is None and len(message(app)) > 200
        await pilot.click("#shorten")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceModal)  # nothing of the user's to lose
        assert len(message(app)) <= 200
        assert any("The note now fits; the hook is kept." in n for n in notes(app))


async def test_channel_switch_keeps_edited_subject_and_body(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 6)
        screen = wizard(app)
        subject = screen.query_one("#subject", Input)
        subject.focus()
        await pilot.press("end", *" (from Dayton)")
        area = screen.query_one("#message", TextArea)
        area.focus()
        await pilot.press(*["down"] * 40, "end")
        app.post_message(events.Paste("\nPS: I loved the map exhibit."))
        await pilot.pause()
        edited_subject = subject.value
        assert edited_subject.endswith("(from Dayton)")
        body = message(app)

        await focus_channel(pilot)
        await choose(pilot, "Connection-request note")
        await pilot.pause()
        assert message(app) == body  # kept, and said so with the length
        assert any(
            "Your edited text is kept." in n and "this channel allows 200" in n for n in notes(app)
        )
        area.focus()
        await pilot.press("end", "!")  # an edit on the note, which has no subject
        await pilot.pause()

        await focus_channel(pilot)
        await choose(pilot, "LinkedIn message / InMail")
        await pilot.pause()
        assert subject.value == edited_subject, "the subject was lost on the way"
        assert "PS: I loved the map exhibit." in message(app)


async def test_thank_you_asks_what_was_learned(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 4)
        assert "Goal" in indicator(app)
        learned = wizard(app).query_one("#field-goal-learned")
        assert not learned.display  # a first message has nothing learned yet
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.press("shift+tab", "shift+tab")
        await choose(pilot, "Thank-you note")
        await pilot.pause()
        assert learned.display
        await pilot.press("escape", "escape")
        assert "Goal" in indicator(app)
        wizard(app).query_one("#q-goal-learned", Input).focus()
        await pilot.press(*"how the weeding rota works")
        await pilot.pause()
        shown = preview_text(app)
        assert "I especially valued learning how the weeding rota works" in shown
        assert "Thank you for our conversation" in shown  # the subject, for an e-mail
