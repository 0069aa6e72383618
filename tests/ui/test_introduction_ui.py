"""Ask for an introduction in the app: offered on the Preview step and in the palette when
someone could introduce the user, choosing the introducer, saving the request as a draft of its
own, and "introduced" on the Drafts screen updating the draft to the contact. Driven with keys."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList, Select, TextArea

from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.linkedin.csvfiles import Connection
from outreach_tui.core.linkedin.lookups import LinkedInData
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp, create_app
from outreach_tui.ui.screens.drafts import DraftsScreen
from outreach_tui.ui.screens.modals import ChoiceModal, MarkStatusModal
from outreach_tui.ui.screens.wizard import WizardScreen
from outreach_tui.ui.widgets.editor import MessageEditor
from waiting import palette, palette_searching, until

SIZE = (100, 32)
WESTERLY = "Westerly Public Library"


def app_for(data_dir: Path, answers: Answers, linkedin: LinkedInData | None) -> OutreachApp:
    return create_app(
        data_dir,
        answers=answers,
        source="answers.toml",
        store=DraftStore(data_dir),
        renderer=Renderer(),
        linkedin=linkedin,
        today=lambda: date(2026, 5, 14),
    )


def import_with_chen() -> LinkedInData:
    return LinkedInData(
        [
            Connection("Chen", "Jing", company=WESTERLY, position="Archivist",
                       connected_on=date(2024, 2, 9)),
            Connection("Dana", "Cole", company="Easterly Public Library"),
        ]
    )  # fmt: skip


async def to_preview(pilot: Pilot[int]) -> WizardScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.press("enter", *["ctrl+n"] * 6)
    await pilot.pause()
    wizard = pilot.app.screen
    assert isinstance(wizard, WizardScreen)
    assert wizard.current is not None and wizard.current.key == "preview"
    return wizard


def channel_names(wizard: WizardScreen) -> list[str]:
    select: Select[str] = wizard.query_one("#channel", Select)
    return [str(value) for _, value in select._options]


def plain(prompt: object) -> str:
    """A palette entry or list label as the user reads it (its text, no styles)."""
    return str(getattr(prompt, "plain", prompt))


def palette_entries(commands: OptionList) -> str:
    """The palette's entries as the user reads them, one a line."""
    return "\n".join(
        plain(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)
    )


def message(wizard: WizardScreen) -> str:
    return wizard.query_one(MessageEditor).text()[1]


async def test_no_one_to_ask_means_no_introduction_offered(
    data_dir: Path, full_answers: Answers
) -> None:
    full_answers.research.shared_connections = []
    app = app_for(data_dir, full_answers, None)
    async with app.run_test(size=SIZE) as pilot:
        wizard = await to_preview(pilot)
        assert "introduction" not in channel_names(wizard)
        assert not wizard.query_one("#introducer-row").display
        await pilot.press("ctrl+p", *"introduction")
        palette_screen = app.screen
        assert isinstance(palette_screen, CommandPalette)
        await until(pilot, lambda: not palette_searching(palette_screen), "the search to end")
        commands = palette_screen.query_one("CommandList", OptionList)
        assert "for an introduction" not in palette_entries(commands)


async def test_choose_an_introducer_and_save_the_request_beside_the_contacts_draft(
    data_dir: Path, full_answers: Answers
) -> None:
    app = app_for(data_dir, full_answers, import_with_chen())
    async with app.run_test(size=SIZE) as pilot:
        wizard = await to_preview(pilot)
        assert "introduction" in channel_names(wizard)
        await palette(pilot, "Ask Samir")  # the strongest: the shared connection typed
        await until(pilot, lambda: wizard.channel == "introduction", "the introduction")
        assert wizard.channel == "introduction"
        assert wizard.query_one("#introducer-row").display
        assert message(wizard).startswith("Hi Samir,")
        picker: Select[str] = wizard.query_one("#introducer", Select)
        assert picker.value == "Samir Patel"
        picker.focus()
        await pilot.press("enter", "down", "enter")  # the next one: Chen Jing, at Westerly
        await pilot.pause()
        assert wizard.answers.introduction.introducer == "Chen Jing"
        assert message(wizard).startswith("Hi Chen,")
        assert "because you work there too" in message(wizard)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert wizard.request is not None and wizard.draft is not None
    files = {p.stem: json.loads(p.read_text()) for p in (data_dir / "drafts").glob("*.json")}
    assert len(files) == 2
    request = next(d for d in files.values() if d["channel"] == "introduction")
    contact = next(d for d in files.values() if d["channel"] == "message")
    assert request["for_draft"] == contact["id"]
    assert request["answers"]["introduction"]["introducer"] == "Chen Jing"
    assert request["message"].startswith("Hi Chen,")
    assert contact["message"].startswith("Dear Ms. Morgan,")
    listed = (data_dir / "index.json").read_text(encoding="utf-8")  # saved through the library
    assert f'"{request["id"]}"' in listed and f'"{contact["id"]}"' in listed


async def test_introduced_on_the_drafts_screen_updates_the_contacts_draft(
    data_dir: Path, full_answers: Answers
) -> None:
    app = app_for(data_dir, full_answers, None)
    async with app.run_test(size=SIZE) as pilot:
        wizard = await to_preview(pilot)
        await palette(pilot, "Ask Samir")
        await until(pilot, lambda: wizard.channel == "introduction", "the introduction")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        await pilot.press("slash", *"via samir", "enter")
        assert len(screen.rows) == 1 and screen.rows[0].channel == "introduction"
        request_id = screen.rows[0].id
        await pilot.press("m")
        modal = app.screen
        assert isinstance(modal, MarkStatusModal)
        choices = modal.query_one("#mark-list", OptionList)
        await until(pilot, lambda: choices.has_focus and choices.highlighted == 0)
        await pilot.press("down", "enter")  # Sent, then Introduced

        def status_of(draft_id: str) -> str:
            return next((r.status for r in screen.rows if r.id == draft_id), "")

        await until(pilot, lambda: status_of(request_id) != "draft")
        assert isinstance(app.screen, DraftsScreen)
        assert status_of(request_id) == "introduced"
        # the draft to the contact now shows the link too
        assert [r.title.endswith("· via Samir Patel") for r in screen.rows] == [True, True]
        assert wizard.draft is not None
        contact_id = wizard.draft.id
    contact = DraftStore(data_dir).load(contact_id)
    assert "Samir Patel kindly put us in touch," in contact.message
    assert contact.answers.introduction.introduced


async def test_the_introducer_is_greeted_as_the_user_types(
    data_dir: Path, full_answers: Answers
) -> None:
    app = app_for(data_dir, full_answers, None)
    async with app.run_test(size=SIZE) as pilot:
        wizard = await to_preview(pilot)
        await palette(pilot, "Ask Samir")
        await until(pilot, lambda: wizard.channel == "introduction", "the introduction")
        field = wizard.query_one("#introducer-greeting")
        assert field.display
        assert "Samir" in str(getattr(field, "placeholder", ""))
        field.focus()
        await pilot.press(*"Dr. Patel")
        await pilot.pause()
        assert wizard.answers.introduction.greeting_name == "Dr. Patel"
        assert message(wizard).startswith("Dear Dr. Patel,")
        assert message(wizard).rstrip().endswith("Jordan Lee")
        await pilot.press(*["backspace"] * 9)
        await pilot.pause()
        assert message(wizard).startswith("Hi Samir,")


async def test_a_typed_introducer_who_may_be_named_family_first_is_greeted_in_full(
    data_dir: Path, full_answers: Answers
) -> None:
    answers = full_answers.copy()
    answers.research.shared_connections = ["Chen Jing"]
    app = app_for(data_dir, answers, None)
    async with app.run_test(size=SIZE) as pilot:
        wizard = await to_preview(pilot)
        await palette(pilot, "Ask Chen")
        await until(pilot, lambda: wizard.channel == "introduction")
        field = wizard.query_one("#introducer-greeting")
        assert str(getattr(field, "placeholder", "")) == "Chen Jing (their full name)"
        assert message(wizard).startswith("Hi Chen Jing,")
        field.focus()
        await pilot.press(*"Jing")
        await until(pilot, lambda: message(wizard).startswith("Hi Jing,"))
        assert wizard.answers.introduction.greeting_name == "Jing"


async def test_the_introducers_name_is_shown_without_its_decorations(
    data_dir: Path, full_answers: Answers
) -> None:
    answers = full_answers.copy()
    answers.research.shared_connections = ["María José García Márquez 🌻"]
    app = app_for(data_dir, answers, None)
    async with app.run_test(size=SIZE) as pilot:
        wizard = await to_preview(pilot)
        await pilot.press("ctrl+p", *"Ask Mar")
        palette_screen = app.screen
        assert isinstance(palette_screen, CommandPalette)
        commands = palette_screen.query_one("CommandList", OptionList)

        await until(pilot, lambda: "for an introduction" in palette_entries(commands))
        shown = palette_entries(commands)
        assert "Ask María José García Márquez for an introduction" in shown
        assert "🌻" not in shown
        await pilot.press("enter")
        await until(pilot, lambda: wizard.channel == "introduction")
        picker: Select[str] = wizard.query_one("#introducer", Select)
        assert picker.value == "María José García Márquez 🌻"
        assert "🌻" not in str(picker.query_one("SelectCurrent").render())
        await pilot.press("ctrl+s")
        await until(pilot, lambda: wizard.request is not None)
        toasts = [str(t.message) for t in app._notifications]
        assert any("Your request to María José García Márquez is" in t for t in toasts)
        assert not any("🌻" in t for t in toasts)


async def test_choosing_someone_else_asks_before_replacing_an_edited_request(
    data_dir: Path, full_answers: Answers
) -> None:
    app = app_for(data_dir, full_answers, import_with_chen())
    async with app.run_test(size=SIZE) as pilot:
        wizard = await to_preview(pilot)
        await palette(pilot, "Ask Samir")
        await until(pilot, lambda: message(wizard).startswith("Hi Samir,"))
        body = wizard.query_one("#message", TextArea)
        body.focus()
        await pilot.press(*"Samir, thank you. ")
        await until(pilot, lambda: wizard.edited is not None)
        picker: Select[str] = wizard.query_one("#introducer", Select)

        async def choose_chen() -> None:
            picker.focus()
            await pilot.press("enter", "down", "enter")
            await until(pilot, lambda: isinstance(app.screen, ChoiceModal))

        await choose_chen()
        await pilot.press("escape")  # keep asking Samir, and the text
        await until(pilot, lambda: app.screen is wizard)
        assert wizard.answers.introduction.introducer == "Samir Patel"
        assert picker.value == "Samir Patel"
        assert message(wizard).startswith("Samir, thank you. Hi Samir,")
        await choose_chen()
        await pilot.press("enter")  # the first button: write it afresh for Chen Jing
        await until(pilot, lambda: message(wizard).startswith("Hi Chen,"))
        assert wizard.answers.introduction.introducer == "Chen Jing"
        assert wizard.edited is None and "Samir" not in message(wizard)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: wizard.request is not None)
        assert wizard.request is not None and wizard.request.message.startswith("Hi Chen,")
        toasts = [str(t.message) for t in app._notifications]
        assert any("Your request to Chen Jing is" in t for t in toasts)


async def test_choosing_someone_else_rewrites_a_request_not_edited(
    data_dir: Path, full_answers: Answers
) -> None:
    app = app_for(data_dir, full_answers, import_with_chen())
    async with app.run_test(size=SIZE) as pilot:
        wizard = await to_preview(pilot)
        await palette(pilot, "Ask Samir")
        picker: Select[str] = wizard.query_one("#introducer", Select)
        picker.focus()
        await pilot.press("enter", "down", "enter")
        await until(pilot, lambda: message(wizard).startswith("Hi Chen,"))
        assert app.screen is wizard and wizard.edited is None
