"""Help (F1 / ?), the command palette (ctrl+p) and a theme that is remembered."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Input, Static

from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.settings import Settings
from outreach_tui.ui.app import OutreachApp, create_app
from outreach_tui.ui.screens.help import HelpScreen
from outreach_tui.ui.screens.wizard import WizardScreen
from waiting import palette, pick, until

SIZE = (100, 32)


async def test_f1_and_question_mark_show_every_key(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        for key in ("ctrl+n", "ctrl+s", "ctrl+t", "ctrl+g", "ctrl+p", "ctrl+d"):
            assert key in keys
        await pilot.press("escape")
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("question_mark")  # the Start button has focus: ? is help
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "enter", "question_mark")  # in a field, ? is typed
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.query_one("#q-sender-name", Input).value == "?"


async def test_palette_copies_the_message(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await palette(pilot, "Copy message")
        await until(pilot, lambda: app.clipboard != "", "the message on the clipboard")
        assert isinstance(app.screen, WizardScreen)
        assert "Preview & save" in str(app.screen.query_one("#step-indicator").render())
        assert app.clipboard.startswith("Dear Ms. Morgan,")


async def test_palette_switches_channel(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await palette(pilot, "Channel: Connection-request")
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        await until(pilot, lambda: wizard.channel == "connection-note", "the channel to change")


async def test_palette_new_draft_asks_before_dropping_work(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Jordan")
        await palette(pilot, "New draft")
        await until(pilot, lambda: bool(app.screen.query("#discard")), "the question to discard")
        await pilot.click("#discard")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.answers.sender.name == ""


async def test_theme_chosen_in_the_palette_is_remembered(data_dir: Path, tmp_path: Path) -> None:
    settings_file = tmp_path / "config" / "settings.toml"
    app = create_app(
        data_dir,
        store=DraftStore(data_dir),
        renderer=Renderer(),
        settings=Settings(),
        settings_file=settings_file,
    )
    async with app.run_test(size=SIZE) as pilot:
        await palette(pilot, "theme")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the theme list")
        await pick(pilot, "high-contrast")
        await until(pilot, lambda: app.theme == "outreach-high-contrast", "the theme to change")
    saved = tomllib.loads(settings_file.read_text())
    assert saved["theme"] == "outreach-high-contrast"
    assert oct(os.stat(settings_file).st_mode & 0o777) == oct(0o600)
    again = create_app(
        data_dir,
        store=DraftStore(data_dir),
        renderer=Renderer(),
        settings=Settings(theme="outreach-high-contrast"),
    )
    async with again.run_test(size=SIZE):
        assert again.theme == "outreach-high-contrast"


async def test_palette_opens_export_and_linkedin_import(
    make_app: Callable[..., OutreachApp], full_answers: Answers, data_dir: Path
) -> None:
    from outreach_tui.core.drafts.draft import Draft
    from outreach_tui.ui.screens.drafts import DraftsScreen
    from outreach_tui.ui.screens.linkedin_import import LinkedInImportScreen
    from outreach_tui.ui.screens.modals import ChoiceModal

    DraftStore(data_dir).save(Draft(answers=full_answers, channel="message", message="Hi."))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await palette(pilot, "Import LinkedIn")
        await until(pilot, lambda: isinstance(app.screen, LinkedInImportScreen), "the import")
        await pilot.press("escape")
        await palette(pilot, "Export")
        await until(pilot, lambda: isinstance(app.screen, ChoiceModal), ".txt or .ics?")
        await pilot.press("escape")
        assert isinstance(app.screen, DraftsScreen)


def palette_titles(app: OutreachApp) -> list[str]:
    """The commands the palette offers on the screen in front (what its search looks through)."""
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_the_wizards_own_commands_are_offered_only_while_it_is_in_front(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        on_wizard = palette_titles(app)
        assert "Save draft" in on_wizard and any(t.startswith("Channel: ") for t in on_wizard)
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert not isinstance(app.screen, WizardScreen)
        on_drafts = palette_titles(app)
        assert not any(t.startswith("Channel: ") for t in on_drafts), on_drafts
        assert not {"Save draft", "Copy message", "Copy subject"} & set(on_drafts), on_drafts
        assert {"New draft", "Export", "Keys", "Theme", "Quit"} <= set(on_drafts), on_drafts


async def test_the_palette_has_one_keys_entry_ours(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = palette_titles(app)
        assert titles.count("Keys") == 1, titles
        await palette(pilot, "Keys")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the keys")


def test_the_readme_names_the_theme_command_as_the_palette_does() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert '("Theme")' in readme and "Change theme" not in readme


async def test_ctrl_c_says_how_to_quit_in_plain_words(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+c")
        await until(pilot, lambda: bool(app._notifications), "a toast")
        shown = [f"{n.title}: {n.message}" for n in app._notifications]
        assert shown == ["Do you want to quit?: Press ctrl+q to quit the app."], shown
