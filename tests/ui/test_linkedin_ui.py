"""The Research step with the user's LinkedIn import, driven through Pilot: suggestions for the
contact's organisation, adding one with a key, name completion, the "already wrote" notice,
importing and removing from inside the app."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from outreach_tui.core.linkedin.store import import_export, import_path
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.linkedin_import import LinkedInImportScreen
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.widgets.linkedin_panel import SuggestionList

SIZE = (100, 32)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"


@pytest.fixture
def export_zip(tmp_path: Path) -> Path:
    target = tmp_path / "Basic_LinkedInDataExport_01-01-2025.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(FIXTURES / "Connections.csv", "Connections.csv")
        archive.write(FIXTURES / "messages.csv", "messages.csv")
    return target


@pytest.fixture
def imported(export_zip: Path, data_dir: Path) -> Path:
    import_export(export_zip, data_dir)
    return import_path(data_dir)


def answers(**contact: str) -> Answers:
    return answers_from_dict(
        {
            "sender": {"name": "Jordan Reyes"},
            "contact": {
                "name": "Alex Morgan",
                "organization": "Westerly Public Library",
                **contact,
            },
            "goal": {"learn": "what a typical week in reference services looks like"},
        }
    )


async def to_research(pilot: Pilot[int]) -> None:
    """From start-up to the Research step, once the import has been read."""
    await pilot.press("enter", "ctrl+n", "ctrl+n")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert "Research" in text_of(pilot.app, "#step-indicator")


def text_of(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def shared_text(app: OutreachApp) -> str:
    return app.screen.query_one("#q-research-shared-connections", TextArea).text


def suggestions(app: OutreachApp) -> list[str]:
    options = app.screen.query_one(SuggestionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def preview_text(app: OutreachApp) -> str:
    return text_of(app, "#preview-subject") + "\n" + text_of(app, "#preview-body")


def notifications(app: OutreachApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_suggestions_for_the_contacts_organisation(
    make_app: Callable[..., OutreachApp], imported: Path
) -> None:
    app = make_app(answers())
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        assert app.linkedin is not None and app.linkedin_status == "ready"
        assert text_of(app, "#li-headline") == "You know 2 people at Westerly Public Library:"
        people = suggestions(app)
        assert people[0] == "+ Samir Patel (Archivist, connected 2021)"  # exact match first
        assert people[1].startswith("+ Zoë Brontë-Lindqvist (Teen Services Librarian")
        assert "same name apart from 'The' and 'Inc.'" in people[1]  # why it matched
        assert not any("Alex Morgan" in p for p in people)  # never the contact themselves
        assert "Samir Okafor" not in " ".join(people)  # Westerly Public *Schools*
        assert shared_text(app) == ""  # it suggests; nothing is added unasked


async def test_a_key_adds_a_person_and_the_preview_names_them(
    make_app: Callable[..., OutreachApp], imported: Path
) -> None:
    app = make_app(answers())
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        assert "Samir Patel" not in preview_text(app)
        await pilot.press("ctrl+o")  # from the shared-connections field itself
        await pilot.pause()
        assert shared_text(app) == "Samir Patel"
        assert app.screen.answers.research.shared_connections == ["Samir Patel"]  # type: ignore[attr-defined]
        assert "Samir Patel" in preview_text(app)
        assert suggestions(app)[0].startswith("✓ Samir Patel")

        await pilot.press("tab")  # to the suggestions: Zoë is highlighted next
        assert isinstance(app.focused, SuggestionList)
        await pilot.press("enter")
        await pilot.pause()
        assert shared_text(app) == "Samir Patel\nZoë Brontë-Lindqvist"
        await pilot.press("up", "enter")  # Samir again: no duplicate
        await pilot.pause()
        assert shared_text(app) == "Samir Patel\nZoë Brontë-Lindqvist"
        assert "Samir Patel is already in your shared connections." in notifications(app)


async def test_names_autocomplete_from_the_import(
    make_app: Callable[..., OutreachApp], imported: Path
) -> None:
    app = make_app(answers(organization="Northfield Archives"))
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        field = app.screen.query_one("#li-add", Input)
        field.focus()
        await pilot.press(*"samir p")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "enter adds Samir Patel" in text_of(app, "#li-matches")
        await pilot.press("right")  # accepts the completion drawn after the typed text
        assert field.value == "Samir Patel"
        await pilot.press("enter")
        await pilot.pause()
        assert shared_text(app) == "Samir Patel"
        assert field.value == ""

        await pilot.press(*"alvarez")  # a surname finds the person too, accents aside
        await pilot.pause()
        assert "enter adds Tomás Álvarez" in text_of(app, "#li-matches")
        await pilot.press("enter")
        await pilot.pause()
        assert shared_text(app) == "Samir Patel\nTomás Álvarez"
        assert "Tomás Álvarez" in preview_text(app) or "Samir Patel" in preview_text(app)

        await pilot.press(*"dana")  # not a connection: added as typed
        await pilot.pause()
        assert "as typed" in text_of(app, "#li-matches")
        await pilot.press("enter")
        await pilot.pause()
        assert shared_text(app).splitlines() == ["Samir Patel", "Tomás Álvarez", "dana"]


async def test_already_wrote_notice(make_app: Callable[..., OutreachApp], imported: Path) -> None:
    app = make_app(answers())
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        notice = app.screen.query_one("#li-notice", Static)
        assert notice.display
        text = str(notice.render())
        assert "You wrote to Alex Morgan on 3 Feb 2025" in text
        assert "follow-up" in text
        assert "already connected to Alex Morgan (since 3 Jan 2024)" in text


async def test_no_notice_for_someone_never_written_to(
    make_app: Callable[..., OutreachApp], imported: Path
) -> None:
    app = make_app(answers(name="Priya Raman", organization="Westerly Public Library"))
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        text = str(app.screen.query_one("#li-notice", Static).render())
        assert "You wrote" not in text  # she wrote to the user; the user never wrote to her


async def test_no_import_means_a_one_line_hint(
    make_app: Callable[..., OutreachApp], data_dir: Path
) -> None:
    app = make_app(answers())
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        assert app.linkedin is None and app.linkedin_status == "none"
        assert text_of(app, "#li-headline").startswith("Tip: ctrl+l imports your LinkedIn")
        screen = app.screen
        for hidden in ("#li-notice", "#li-suggestions", "#li-add", "#li-keys", "#li-matches"):
            assert not screen.query_one(hidden).display, hidden
        assert screen.query_one("#linkedin-panel").size.height == 1
        assert notifications(app) == []
        assert not import_path(data_dir).exists()


async def test_import_a_zip_from_the_research_step(
    make_app: Callable[..., OutreachApp], export_zip: Path, data_dir: Path
) -> None:
    app = make_app(answers())
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LinkedInImportScreen)
        app.screen.query_one("#li-path", Input).value = str(export_zip)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Research" in text_of(app, "#step-indicator")
        summary = notifications(app)[-1]
        assert summary.startswith("9 connections imported, 8 with a company")
        assert "you have written to 2 people" in summary
        assert import_path(data_dir).exists()
        assert app.linkedin is not None
        assert text_of(app, "#li-headline") == "You know 2 people at Westerly Public Library:"


async def test_a_bad_path_gives_one_line(
    make_app: Callable[..., OutreachApp], tmp_path: Path
) -> None:
    app = make_app(answers())
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        app.screen.query_one("#li-path", Input).value = str(tmp_path / "nowhere.zip")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "nowhere.zip" in errors[0].message
        assert "\n" not in errors[0].message
        # the dialog is back with the path kept, to correct it
        assert isinstance(app.screen, LinkedInImportScreen)
        assert app.screen.query_one("#li-path", Input).value == str(tmp_path / "nowhere.zip")
        await pilot.press("escape")
        assert app.linkedin is None


async def test_remove_the_import_after_confirming(
    make_app: Callable[..., OutreachApp], imported: Path
) -> None:
    app = make_app(answers())
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # "Keep it" is focused first
        await pilot.pause()
        assert imported.exists() and app.linkedin is not None
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.click("#remove")
        await pilot.pause()
        assert not imported.exists()
        assert app.linkedin is None
        assert text_of(app, "#li-headline").startswith("Tip: ctrl+l")


async def test_a_damaged_import_is_reported_once_and_left_alone(
    make_app: Callable[..., OutreachApp], imported: Path
) -> None:
    imported.write_text('{"kind": "outreach-tui linkedin import", "connections": [', "utf-8")
    before = imported.read_bytes()
    app = make_app(answers())
    async with app.run_test(size=SIZE) as pilot:
        await to_research(pilot)
        await pilot.press("ctrl+n", "escape")  # coming back does not report it again
        await pilot.pause()
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "damaged" in warnings[0].message
        assert app.linkedin_status == "damaged"
        assert "cannot be read" in text_of(app, "#li-headline")
    assert imported.read_bytes() == before


async def test_linkedin_keys_belong_to_the_research_step(
    make_app: Callable[..., OutreachApp], imported: Path
) -> None:
    app = make_app(answers())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n")  # Contact
        await pilot.press("ctrl+l", "ctrl+r")
        await pilot.pause()
        assert not isinstance(app.screen, LinkedInImportScreen | ChoiceModal)


async def test_research_at_80x24_keeps_the_focused_suggestion_visible(
    make_app: Callable[..., OutreachApp], imported: Path
) -> None:
    app = make_app(answers())
    async with app.run_test(size=(80, 24)) as pilot:
        await to_research(pilot)
        await pilot.press("tab")
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, SuggestionList)
        form = app.screen.query_one("#step-research")
        assert form.region.contains_region(focused.region)
