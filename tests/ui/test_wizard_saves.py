"""The wizard saves like every other path: through the drafts library, so the drafts index
(what the Drafts screen and `drafts list` read) has the draft as soon as it is saved."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from outreach_tui.core.drafts.index import INDEX_FILE, Row, row_from_json
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.wizard import WizardScreen
from waiting import until

SIZE = (100, 32)


def index_rows(data_dir: Path) -> dict[str, Row]:
    """The rows of the data folder's index.json, as written on disk."""
    lines = (data_dir / INDEX_FILE).read_text(encoding="utf-8").splitlines()[1:]
    rows = [row_from_json(json.loads(line)) for line in lines]
    return {row.id: row for row in rows if row is not None}


async def test_a_save_from_the_wizard_is_in_the_drafts_index_at_once(
    make_app: Callable[..., OutreachApp], data_dir: Path, full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, WizardScreen) and wizard.draft is not None
        draft_id = wizard.draft.id
        assert index_rows(data_dir)[draft_id].contact == "Alex Morgan"

        await pilot.press("ctrl+n")  # the Contact step: its first field is their name
        await pilot.press("end", *" Jr.", "ctrl+s")
        await pilot.pause()
        assert not wizard.dirty
        assert index_rows(data_dir)[draft_id].contact == "Alex Morgan Jr."
        assert app.library.row(draft_id) == index_rows(data_dir)[draft_id]


async def test_the_saved_toast_lists_what_is_still_to_answer_in_plain_punctuation(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    full_answers.goal.learn = ""
    full_answers.contact.organization = ""
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+s")
        await until(
            pilot,
            lambda: any(n.title == "Draft saved" for n in app._notifications),
            "the saved toast",
        )
        shown = [n.message for n in app._notifications if n.title == "Draft saved"]
        assert shown and shown[0].endswith(
            "Still to answer: Their organisation; What do you want to learn?"
        ), shown
