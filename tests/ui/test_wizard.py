"""The wizard driven as a person drives it: keys in, screens and files out."""

from __future__ import annotations

import asyncio
import json
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static, TextArea

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.drafts import DraftsScreen
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.screens.wizard import WizardScreen
from waiting import until

SIZE = (100, 32)


async def type_text(pilot: Pilot[int], text: str) -> None:
    await pilot.press(*text)


def wizard(app: App[Any]) -> WizardScreen:
    screen = app.screen
    assert isinstance(screen, WizardScreen), f"expected the wizard, got {screen!r}"
    return screen


def indicator(app: App[Any]) -> str:
    return str(wizard(app).query_one("#step-indicator", Static).render())


def preview_text(app: App[Any]) -> str:
    screen = wizard(app)
    subject = str(screen.query_one("#preview-subject", Static).render())
    body = str(screen.query_one("#preview-body", Static).render())
    return subject + "\n" + body


def focused_id(app: App[Any]) -> str | None:
    return app.focused.id if app.focused is not None else None


async def choose(pilot: Pilot[int], label: str) -> None:
    """Open the focused Select with Enter and pick `label` with the arrow keys."""
    select = pilot.app.focused
    assert isinstance(select, Select)
    await pilot.press("enter")
    for _ in range(12):
        overlay = pilot.app.focused
        assert isinstance(overlay, OptionList)
        option = overlay.highlighted_option
        if option is not None and str(option.prompt) == label:
            break
        await pilot.press("down")
    await pilot.press("enter")


async def fill_all_steps(pilot: Pilot[int]) -> None:
    """From the welcome step, answer every question with the keyboard, up to Review."""
    app = pilot.app
    await pilot.press("enter")  # Start a new draft
    assert "Step 1 of 7 · You" in indicator(app)
    await type_text(pilot, "Jordan Lee")
    await pilot.press("tab")
    await type_text(pilot, "Dayton, Ohio")
    await pilot.press("ctrl+n")

    assert "Step 2 of 7 · Contact" in indicator(app)
    await type_text(pilot, "Alex Morgan")
    await pilot.press("tab")
    await choose(pilot, "Dr.")
    await pilot.press("tab")  # Name in the greeting: the suggestion ("Morgan") is kept
    await pilot.press("tab")
    await type_text(pilot, "Archivist")
    await pilot.press("tab")
    await type_text(pilot, "Westerly Public Library")
    await pilot.press("ctrl+n")

    assert "Step 3 of 7 · Research" in indicator(app)
    await type_text(pilot, "Samir Patel")
    await pilot.press("enter")
    await type_text(pilot, "Ruth Okafor")
    await pilot.press("tab")
    await type_text(pilot, "New England Archivists")
    await pilot.press("tab")
    await type_text(pilot, "your post on digitising maps")
    await pilot.press("ctrl+n")

    assert "Step 4 of 7 · Distance" in indicator(app)
    await type_text(pilot, "250")
    await pilot.press("ctrl+n")

    assert "Step 5 of 7 · Goal" in indicator(app)
    await type_text(pilot, "how the archive plans its digitisation work")
    await pilot.press("ctrl+n")
    assert "Step 6 of 7 · Review" in indicator(app)


async def test_fill_every_step_then_save_writes_the_draft(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await fill_all_steps(pilot)
        await pilot.press("ctrl+n")
        assert "Step 7 of 7 · Preview & save" in indicator(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not wizard(app).dirty

    files = sorted((data_dir / "drafts").iterdir())
    assert [f.suffix for f in files] == [".json", ".txt"]
    saved = json.loads(files[0].read_text())
    answers = saved["answers"]
    assert answers["sender"] == {"name": "Jordan Lee", "location": "Dayton, Ohio"}
    assert answers["contact"]["name"] == "Alex Morgan"
    assert answers["contact"]["honorific"] == "Dr."
    assert answers["contact"]["organization"] == "Westerly Public Library"
    assert answers["research"]["shared_connections"] == ["Samir Patel", "Ruth Okafor"]
    assert answers["research"]["groups"] == ["New England Archivists"]
    assert answers["job"] == {"distance": 250, "unit": "miles"}
    assert answers["goal"]["ask_minutes"] == "15-20"
    assert saved["schema_version"] >= 1
    assert saved["channel"] == "message"
    assert saved["id"] == files[0].stem
    assert files[0].stem.startswith("alex-morgan-")
    assert "Dear Dr. Morgan," in saved["message"]
    assert "Samir Patel is one of the connections we share" in saved["message"]
    assert "Ruth Okafor" not in saved["message"]  # one hook, never a list
    assert "250 miles" in saved["message"]
    assert saved["subject"]
    assert files[1].read_text().strip() == saved["message"].strip()
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / "drafts").stat().st_mode) == 0o700


async def test_preview_updates_as_the_user_types(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "Jordan Lee")
        await pilot.pause()
        assert "Jordan Lee" in preview_text(app)
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.pause()
        assert "Jordan Lee" not in preview_text(app)
        assert "Jordan" in preview_text(app)


async def test_back_and_next_never_lose_input(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "Jordan Lee")
        await pilot.press("ctrl+n")
        await type_text(pilot, "Alex Morgan")
        await pilot.press("escape")  # Back
        assert "Step 1 of 7" in indicator(app)
        assert app.screen.query_one("#q-sender-name", Input).value == "Jordan Lee"
        await pilot.press("ctrl+n")
        assert app.screen.query_one("#q-contact-name", Input).value == "Alex Morgan"
        await pilot.click("#back")
        await pilot.click("#next")
        assert "Step 2 of 7" in indicator(app)
        assert app.screen.query_one("#q-contact-name", Input).value == "Alex Morgan"


async def test_next_is_blocked_with_the_reason_under_the_field(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.press("ctrl+n")
        assert "Step 1 of 7" in indicator(app)
        field = app.screen.query_one("#field-sender-name")
        assert field.has_class("-invalid")
        assert "Your name is needed." in str(field.query_one(".field-error", Static).render())
        assert focused_id(app) == "q-sender-name"
        await type_text(pilot, "J")
        await pilot.pause()
        assert not field.has_class("-invalid")
        await pilot.press("ctrl+n")
        assert "Step 2 of 7" in indicator(app)


async def test_invalid_number_is_reported_when_leaving_the_field(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        for _ in range(3):
            await pilot.press("ctrl+n")
        assert "Distance" in indicator(app)
        distance = app.screen.query_one("#q-job-distance", Input)
        assert distance.value == "250"
        await pilot.press("end", *["backspace"] * 3, "-", "5")
        await pilot.press("tab")  # leave the field
        field = app.screen.query_one("#field-job-distance")
        assert field.has_class("-invalid")
        assert "zero or more" in str(field.query_one(".field-error", Static).render())
        await pilot.press("ctrl+n")
        assert "Distance" in indicator(app)


async def test_user_text_is_data_never_template_or_markup(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    app = make_app()
    hostile = "{{ 7*7 }} [bold]Lee[/bold] {% raw %}"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, hostile)
        await pilot.pause()
        shown = preview_text(app)
        assert hostile in shown
        assert "49" not in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = json.loads(next((data_dir / "drafts").glob("*.json")).read_text())
    assert saved["answers"]["sender"]["name"] == hostile
    assert hostile in saved["message"]
    assert "49" not in saved["message"]


async def test_edits_to_the_message_are_saved_and_survive_answer_changes(
    make_app: Callable[..., OutreachApp], full_answers: Answers, data_dir: Path
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        for _ in range(6):
            await pilot.press("ctrl+n")
        assert "Preview & save" in indicator(app)
        assert focused_id(app) == "message"
        await pilot.press(*["down"] * 40, "end")
        await type_text(pilot, " PS: I loved the map exhibit.")
        await pilot.pause()
        assert "Edited by you" in str(app.screen.query_one("#edit-note", Static).render())
        await pilot.click("#save")
        await pilot.pause()
    saved = json.loads(next((data_dir / "drafts").glob("*.json")).read_text())
    assert saved["message"].endswith("PS: I loved the map exhibit.")


async def test_channel_switch_renders_the_connection_note(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        for _ in range(6):
            await pilot.press("ctrl+n")
        await pilot.press("shift+tab", "shift+tab")
        assert focused_id(app) == "channel"
        await choose(pilot, "Connection-request note")
        await pilot.pause()
        screen = wizard(app)
        assert screen.channel == "connection-note"
        text = app.screen.query_one("#message", TextArea).text
        assert len(text) <= 200
        assert "Samir Patel" in text
        assert not app.screen.query_one("#subject-row").display
        assert "/ 200 characters" in str(app.screen.query_one("#counter", Static).render())


async def test_review_lists_every_answer_and_jumps_to_it(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        for _ in range(5):
            await pilot.press("ctrl+n")
        assert "Review" in indicator(app)
        review = app.screen.query_one("#review-list", OptionList)
        prompts = [str(review.get_option_at_index(i).prompt) for i in range(review.option_count)]
        joined = "\n".join(prompts)
        for expected in ("Jordan Lee", "Alex Morgan", "Ms.", "Samir Patel", "250", "reference"):
            assert expected in joined
        # Move to "Their organisation" and press Enter: the Contact step opens on that field.
        target = next(i for i, p in enumerate(prompts) if "Their organisation" in p)
        review.highlighted = target
        await pilot.press("enter")
        assert "Contact" in indicator(app)
        assert focused_id(app) == "q-contact-organization"


async def test_quit_with_unsaved_changes_asks_first(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "Jordan")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("escape")  # Cancel: back to the work
        assert isinstance(app.screen, WizardScreen)
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.click("#save")
        await pilot.pause()
    assert app.return_code == 0
    assert len(list((data_dir / "drafts").glob("*.json"))) == 1


async def test_quit_without_saving_writes_nothing(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "Jordan")
        await pilot.press("ctrl+q")
        await pilot.click("#discard")
        await pilot.pause()
    assert not (data_dir / "drafts").exists()


async def test_quit_with_nothing_typed_does_not_ask(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_open_a_saved_draft_restores_answers_and_edits(
    make_app: Callable[..., OutreachApp], full_answers: Answers, data_dir: Path
) -> None:
    store = DraftStore(data_dir)
    draft = Draft(answers=full_answers, channel="message", message="My own words.", subject="Hi")
    store.save(draft)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "enter")  # "Open saved drafts"
        assert isinstance(app.screen, DraftsScreen)
        assert "Alex Morgan" in str(app.screen.table.cells(0)[0])
        await pilot.press("enter")
        await pilot.pause()
        screen = wizard(app)
        assert "Review" in indicator(app)
        assert screen.answers.contact.name == "Alex Morgan"
        assert screen.query_one("#q-contact-organization", Input).value == (
            "Westerly Public Library"
        )
        await pilot.press("ctrl+n")
        assert app.screen.query_one("#message", TextArea).text == "My own words."
        await pilot.press("ctrl+s")
        await pilot.pause()
    # Saving again updates the same draft instead of making a new one.
    assert len(list((data_dir / "drafts").glob("*.json"))) == 1
    assert store.load(draft.id).message == "My own words."


async def test_damaged_draft_is_listed_not_opened_and_left_alone(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    drafts = data_dir / "drafts"
    drafts.mkdir(parents=True)
    broken = drafts / "broken-abc123.json"
    broken.write_bytes(b'{"schema_version": 1, "answers": ')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d")
        assert isinstance(app.screen, DraftsScreen)
        row = app.screen.rows[0]
        assert row.damaged and "damaged" in [str(c) for c in app.screen.table.cells(0)]
        await pilot.press("enter")  # a damaged file does not open
        assert isinstance(app.screen, DraftsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WizardScreen)
    assert broken.read_bytes() == b'{"schema_version": 1, "answers": '


async def test_answers_file_prefills_the_wizard(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers, source="alex.toml")
    async with app.run_test(size=SIZE) as pilot:
        assert "alex.toml" in str(app.screen.query_one("#welcome-source", Static).render())
        await pilot.press("enter")
        assert app.screen.query_one("#q-sender-name", Input).value == "Jordan Lee"
        assert "Dear Ms. Morgan," in preview_text(app)


async def test_failed_save_keeps_the_work_and_says_why(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("not a folder")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "Jordan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        text = str(app.screen.query_one("#dialog-text", Static).render())
        assert str(data_dir) in text and "not a folder" in text
        await pilot.press("escape")
        assert wizard(app).dirty
        assert app.screen.query_one("#q-sender-name", Input).value == "Jordan"
    assert data_dir.read_text() == "not a folder"


async def test_small_terminal_keeps_the_current_field_and_buttons_visible(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+n")
        assert "Research" in indicator(app)
        screen_region = app.screen.region
        for _ in range(5):  # walk through every field of the longest step
            await pilot.press("tab")
            await pilot.pause()
            focused = app.focused
            assert focused is not None
            assert screen_region.contains_region(focused.region), focused
        for button_id in ("#back", "#next"):
            button = app.screen.query_one(button_id)
            assert screen_region.contains_region(button.region)
            assert button.region.height >= 1


async def test_coach_reacts_to_typing_in_the_message(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 5)
        score_line = str(app.screen.query_one("#review-score", Static).render())
        assert "/10" in score_line
        await pilot.press("ctrl+n")
        coach_gauge = app.screen.query_one("#coach-gauge", Static)
        counter = app.screen.query_one("#counter", Static)
        before_gauge = str(coach_gauge.render())
        before_count = str(counter.render())
        assert "1/10" in before_gauge or "2/10" in before_gauge or "3/10" in before_gauge
        await pilot.press(*["down"] * 40, "end")
        await type_text(pilot, " I saw your family photos on Facebook!!!")
        await pilot.pause()
        after_gauge = str(coach_gauge.render())
        assert after_gauge != before_gauge
        assert str(counter.render()) != before_count
        reasons = str(app.screen.query_one("#coach-reasons", Static).render())
        assert "Facebook" in reasons or "personal" in reasons.lower()


async def test_long_note_offers_a_shorter_version_that_fits(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    full_answers.contact.organization = "Westerly Public Library and Regional Archive Consortium"
    full_answers.sender.name = "Jordan Alexandra Lee-Whitmore"
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 6)
        await pilot.press("shift+tab", "shift+tab")
        await choose(pilot, "Connection-request note")
        await pilot.pause()
        text = app.screen.query_one("#message", TextArea).text
        shorten = app.screen.query_one("#shorten")
        assert len(text) > 200, "the long answers must make the plain note too long"
        assert shorten.display
        await pilot.click("#shorten")
        await pilot.pause()
        text = app.screen.query_one("#message", TextArea).text
        assert len(text) <= 200
        assert "Samir Patel" in text
        assert "Dear Ms. Morgan" in text


async def test_escape_sequences_are_shown_harmlessly_and_saved_as_typed(
    make_app: Callable[..., OutreachApp], full_answers: Answers, data_dir: Path
) -> None:
    # In the location: a name written into the message is cleaned of such things (core/names).
    hostile = "Dayton\x1b[2J\x1b]52;c;aGk=\x07\u202eevil"
    full_answers.sender.location = hostile
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        shown = preview_text(app)
        assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
        assert (
            "␛[2J" in shown and "\ufffdevil" in shown
        )  # the visible form (core/platform/safe_text.py)
        await pilot.press(*["ctrl+n"] * 5)
        review = app.screen.query_one("#review-list", OptionList)
        rows = "\n".join(str(review.get_option_at_index(i).prompt) for i in range(3))
        assert "\x1b" not in rows and "␛" in rows
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = json.loads(next((data_dir / "drafts").glob("*.json")).read_text())
    assert saved["answers"]["sender"]["location"] == hostile
    assert hostile in saved["message"]


def steps_mounted(app: OutreachApp) -> int:
    """How many steps the wizard's switcher holds so far (the welcome step first)."""
    screen = app.screen
    if not isinstance(screen, WizardScreen) or not screen.query("#steps"):
        return 0
    return len(screen.query_one("#steps").children)


async def test_quitting_at_once_while_steps_are_still_being_mounted(
    make_app: Callable[..., OutreachApp],
) -> None:
    # Quit at once, then as soon as 1 to 3 of the wizard's steps are mounted: they are mounted
    # one at a time after the first paint, so the check looks in between two of them.
    for mounted in (0, 1, 2, 3):
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 30
            while steps_mounted(app) < mounted:
                assert loop.time() < deadline, f"{mounted} steps were never mounted"
                await asyncio.sleep(0.001)
            await pilot.press("ctrl+q")
        assert app.return_code == 0, f"quitting with {mounted} steps mounted"


async def test_after_a_jump_from_review_a_key_and_a_button_lead_straight_back(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    from outreach_tui.ui.widgets.footer import QuietFooter

    app = make_app(answers=full_answers)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 5)
        assert "Review" in indicator(app)
        back_button = app.screen.query_one("#to-review")
        assert not back_button.display
        assert "^b" not in app.screen.query_one(QuietFooter).keys_shown
        await pilot.press("down", "enter")  # a row: jump to that answer
        await pilot.pause()
        assert "Review" not in indicator(app)
        assert back_button.display and back_button.region.area > 0
        assert "^b" in app.screen.query_one(QuietFooter).keys_shown
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert "Review" in indicator(app)
        # The button does the same.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Review" not in indicator(app)
        await pilot.click("#to-review")
        await pilot.pause()
        assert "Review" in indicator(app)
        # Moving on with Next ends the offer.
        await pilot.press("down", "enter")
        await pilot.pause()
        step = indicator(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert indicator(app) != step
        assert not back_button.display
        assert "^b" not in app.screen.query_one(QuietFooter).keys_shown
        before = indicator(app)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert indicator(app) == before


async def test_a_huge_paste_into_a_research_list_is_named_and_holds_next(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    from textual import events

    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        for _ in range(2):
            await pilot.press("ctrl+n")
        assert "Research" in indicator(app)
        area = app.screen.query_one("#q-research-groups")
        area.focus()
        await pilot.pause()
        app.post_message(events.Paste("x" * 158_000))  # as the terminal delivers it
        await pilot.pause()
        await pilot.press("tab")  # leave the field
        field = app.screen.query_one("#field-research-groups")
        await until(pilot, lambda: field.has_class("-invalid"), "the field marked invalid")
        error = str(field.query_one(".field-error", Static).render())
        assert "158,0" in error and "at most 500 characters each" in error
        await pilot.press("ctrl+n")
        assert "Research" in indicator(app)
