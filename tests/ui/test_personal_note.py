"""The Research step says, as it is typed, when a research answer is about private life."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static, TextArea

from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.wizard import WizardScreen

SIZE = (100, 32)
NOTE = "personal: keep it out of the message"


def note_of(app: OutreachApp, key: str) -> tuple[bool, str]:
    field = app.screen.query_one(f"#field-{key}")
    return field.has_class("-noted"), str(field.query_one(".field-note", Static).render())


async def test_a_personal_research_answer_gets_a_note_as_it_is_typed(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    full_answers.research.public_activity = []
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.press("ctrl+n", "ctrl+n")
        assert isinstance(app.screen, WizardScreen)
        area = app.screen.query_one("#q-research-public-activity", TextArea)
        area.focus()
        await pilot.pause()
        assert note_of(app, "research-public-activity") == (False, "")

        await pilot.press(*"photos of her kids on Instagram")
        await pilot.pause()
        shown, text = note_of(app, "research-public-activity")
        assert shown
        assert NOTE in text and "children" in text and "social media" in text

        # Cleared and replaced by their work: the note goes away.
        area.clear()
        await pilot.press(*"your post on weeding")
        await pilot.pause()
        assert note_of(app, "research-public-activity") == (False, "")


async def test_a_saved_personal_answer_shows_its_note_when_the_step_opens(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    full_answers.research.web_search = "their house, seen on a property site"
    full_answers.research.groups = ["Family Literacy Network"]
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.press("ctrl+n", "ctrl+n")
        shown, text = note_of(app, "research-web-search")
        assert shown and NOTE in text and "home" in text
        # A professional group with "family" in its name is not personal.
        assert note_of(app, "research-groups") == (False, "")
