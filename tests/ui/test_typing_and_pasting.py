"""What fingers and clipboards do, through Pilot: text with line breaks pasted into one-line
fields, a path dragged into the LinkedIn import dialog, Enter followed at once by more keys;
and a LinkedIn export as people have them, seen in the app. Pastes are Textual Paste events
sent the way a terminal sends them; bursts of keys are sent back to back, without waiting."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from drafts_samples import TODAY, make_samples
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.ui.app import OutreachApp, create_app
from outreach_tui.ui.screens.drafts import DraftsScreen
from outreach_tui.ui.screens.linkedin_import import LinkedInImportScreen
from outreach_tui.ui.screens.modals import TextPromptModal
from outreach_tui.ui.widgets.linkedin_panel import SuggestionList
from waiting import until

SIZE = (100, 32)
ME = "https://www.linkedin.com/in/jordan-reyes-example"
CONNECTIONS = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
MESSAGES = "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT"


def paste(app: OutreachApp, text: str) -> None:
    """Text arriving as a terminal's bracketed paste."""
    assert app._driver is not None
    app._driver.send_message(events.Paste(text))


def burst(app: OutreachApp, keys: str) -> None:
    """Keys arriving together, as fast typing or a paste without bracketing delivers them: each
    is queued before the app handles the first ("\\r" is Enter)."""
    assert app._driver is not None
    for char in keys:
        key = "enter" if char == "\r" else "space" if char == " " else char
        app._driver.send_message(events.Key(key, char))


def value(app: OutreachApp, key: str) -> str:
    return app.screen.query_one(f"#q-{key.replace('.', '-')}", Input).value


def contact_answers(name: str = "Alex Morgan") -> Answers:
    return answers_from_dict(
        {
            "sender": {"name": "Jordan Reyes"},
            "contact": {"name": name, "organization": "Westerly Public Library"},
            "goal": {"learn": "what a typical week in reference services looks like"},
        }
    )


# --- pasting into one-line fields ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("\nRowan Tillery\n", "Rowan Tillery"),
        ("Rowan\r\nTillery", "Rowan Tillery"),
        ("  Rowan \n\n\tTillery  \r\n", "Rowan Tillery"),  # invented: blank lines, tabs
        ("Rowan\u2028Tillery\rLee", "Rowan Tillery Lee"),  # invented: other line breaks
    ],
)
async def test_pasted_lines_are_joined_in_a_one_line_field(
    make_app: Callable[..., OutreachApp], pasted: str, expected: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the first step: "Your name" has the focus
        await until(pilot, lambda: isinstance(app.focused, Input))
        assert app.focused is not None and app.focused.id == "q-sender-name"
        paste(app, pasted)
        await until(pilot, lambda: value(app, "sender.name") != "")
        assert value(app, "sender.name") == expected
        assert app.screen.answers.sender.name == expected  # type: ignore[attr-defined]


async def test_a_paste_goes_where_the_cursor_is(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app(contact_answers())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n")  # the Contact step
        await until(pilot, lambda: isinstance(app.focused, Input))
        app.screen.query_one("#q-contact-title", Input).focus()
        await pilot.press(*"Head of ")
        paste(app, "\nDigital\nCollections\n")
        await until(pilot, lambda: "Collections" in value(app, "contact.title"))
        await pilot.press(*" Care")
        assert value(app, "contact.title") == "Head of Digital Collections Care"
        paste(app, "\n\n")  # nothing but line breaks: nothing changes
        await pilot.press("x")
        assert value(app, "contact.title") == "Head of Digital Collections Carex"


async def test_a_paste_too_long_for_the_field_keeps_what_fits_and_says_so(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # "Your name" has the focus (at most 100 characters)
        await until(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press(*"Jordan ")
        paste(app, "Lee" + " Lee" * 60)  # 243 characters
        await until(pilot, lambda: len(value(app, "sender.name")) > 7)
        assert value(app, "sender.name") == ("Jordan Lee" + " Lee" * 60)[:100]
        shown = [f"{n.title}: {n.message}" for n in app._notifications]
        assert any("cut to fit" in s and "100 characters" in s for s in shown), shown


async def test_pasting_into_the_drafts_filter_and_the_rename_dialog(data_dir: Path) -> None:
    make_samples(data_dir)
    app = create_app(data_dir, store=DraftStore(data_dir), renderer=Renderer(), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, DraftsScreen))
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        await pilot.press("slash")
        paste(app, "\npriya\n")
        await until(pilot, lambda: len(screen.rows) == 1)
        assert screen.filter_input.value == "priya"
        await pilot.press("enter", "r")
        await until(pilot, lambda: isinstance(app.screen, TextPromptModal))
        await pilot.press("ctrl+u")
        paste(app, "Priya at the\r\narchives\n")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DraftsScreen))
        assert screen.current is not None
        assert screen.current.title == "Priya at the archives"
    saved = json.loads((data_dir / "drafts" / "priya-shah-d4e5f6.json").read_text())
    assert saved["title"] == "Priya at the archives"


# --- Enter followed at once by more keys ----------------------------------------------------------


async def test_keys_after_enter_go_to_the_field_enter_moved_to(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app(contact_answers())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n")  # Contact
        await until(pilot, lambda: isinstance(app.focused, Input))
        app.screen.query_one("#q-contact-organization", Input).value = ""
        app.screen.query_one("#q-contact-title", Input).focus()
        await pilot.pause()
        burst(app, "Head of Digital Collections\rRijksmuseum Research Library")
        await until(pilot, lambda: value(app, "contact.organization").endswith("Library"))
        assert value(app, "contact.title") == "Head of Digital Collections"
        assert value(app, "contact.organization") == "Rijksmuseum Research Library"


async def test_a_run_of_fields_typed_in_one_burst(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # "Your name" has the focus
        await until(pilot, lambda: isinstance(app.focused, Input))
        burst(app, "Jordan Lee\rDayton, Ohio")
        await until(pilot, lambda: value(app, "sender.location") == "Dayton, Ohio")
        assert value(app, "sender.name") == "Jordan Lee"


async def test_enter_on_a_field_that_is_not_accepted_keeps_the_keys_there(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # "Your name" is required and empty
        await until(pilot, lambda: isinstance(app.focused, Input))
        burst(app, "\rJordan")
        await until(pilot, lambda: value(app, "sender.name") == "Jordan")
        assert value(app, "sender.location") == ""
        assert app.focused is not None and app.focused.id == "q-sender-name"


# --- the LinkedIn import dialog and what it imports ----------------------------------------------


def write_export(folder: Path, name: str = "Export (1).zip") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    connections = [
        CONNECTIONS,
        "InÃ©s,PeÃ±alver,https://x/ines,,Westerly Public Library,Archivist,15-Mar-23",
        "🌟 Dana,Kim ✨,https://x/dana,,Westerly Public Library,Librarian,28/02/2021",
        "Alex,Morgan,https://x/alex,,Westerly Public Library,Head of Reference,sometime",
    ]
    messages = [
        MESSAGES,
        f"c1,Jordan Reyes,{ME},InÃ©s PeÃ±alver,https://x/ines,03-Feb-25 15:00,Hola",
        f"c2,Jordan Reyes,{ME},Alex Morgan,https://x/alex,2019-11-06T02:08:20.000Z,Hi",
        f"c3,Jordan Reyes,{ME},Dana Kim,https://x/dana,not a date,Hi",
    ]
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("Connections.csv", "\r\n".join(connections).encode("utf-16-le"))
        archive.writestr("messages.csv", "\r\n".join(messages))
        archive.writestr("Profile.csv", "First Name,Last Name\r\nJordan,Reyes\r\n")
    return target


def shell_escaped(path: Path) -> str:
    return "".join(f"\\{c}" if c in " ()" else c for c in str(path))


@pytest.mark.parametrize(
    "dropped",
    [
        lambda p: f"'{p}'",  # quoted, as most terminals drop a file
        lambda p: shell_escaped(p),  # backslash-escaped, as others do
        lambda p: f'"{p}" ',  # invented: double quotes and a trailing space
        lambda p: "file://" + str(p).replace(" ", "%20"),  # invented: a file:// address
    ],
)
async def test_a_path_dragged_into_the_import_dialog_is_imported(
    make_app: Callable[..., OutreachApp],
    tmp_path: Path,
    dropped: Callable[[Path], str],
) -> None:
    export = write_export(tmp_path / "Downloads")
    app = make_app(contact_answers())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+n")  # the Research step
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, LinkedInImportScreen))
        app.screen.query_one("#li-path", Input).value = ""
        paste(app, dropped(export))
        await pilot.press("enter")
        await until(pilot, lambda: app.linkedin is not None)
        summary = [n.message for n in app._notifications][-1]
        assert summary.startswith("3 connections imported, 3 with a company")
        assert "messages: you have written to 2 people" in summary
        assert (
            'Connections.csv: 1 date connected could not be read (e.g. line 4: "sometime")'
            in summary
        )
        assert (
            'messages.csv: 1 message left out: date could not be read (e.g. line 4: "not a date")'
            in summary
        )


async def test_garbled_and_decorated_names_are_shown_plain(
    make_app: Callable[..., OutreachApp], tmp_path: Path, data_dir: Path
) -> None:
    from outreach_tui.core.linkedin.store import import_export

    import_export(write_export(tmp_path), data_dir)
    app = make_app(contact_answers("Inés Peñalver"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+n")
        await app.workers.wait_for_complete()
        await until(pilot, lambda: app.linkedin is not None)
        await pilot.pause()
        notice = str(app.screen.query_one("#li-notice", Static).render())
        assert "You wrote to Inés Peñalver on 3 Feb 2025" in notice
        options = app.screen.query_one(SuggestionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(s.startswith("+ Dana Kim (Librarian") for s in shown), shown
        assert not any("🌟" in s or "✨" in s for s in shown)
        field = app.screen.query_one("#li-add", Input)
        field.focus()
        await pilot.press(*"dana")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        shared = app.screen.query_one("#q-research-shared-connections", TextArea).text
        assert shared == "Dana Kim"
        body = str(app.screen.query_one("#preview-body", Static).render())
        assert "Dana Kim" in body and "🌟" not in body and "✨" not in body


# --- the calendar from the Drafts screen, after a follow-up moved -------------------------------


async def test_a_calendar_exported_again_after_the_follow_up_moved(
    data_dir: Path, tmp_path: Path
) -> None:
    import icalendar

    make_samples(data_dir)
    app = create_app(data_dir, store=DraftStore(data_dir), renderer=Renderer(), today=lambda: TODAY)
    uid = "follow-up-chris-novak-9c0d1e@outreach-tui"

    async def mark_sent_and_export(pilot: Pilot[int], day: str, name: str) -> icalendar.Event:
        await pilot.press("m")
        await until(pilot, lambda: not isinstance(app.screen, DraftsScreen))
        await pilot.press("tab", "ctrl+u", *day, "enter")  # "Sent", on that day
        await until(pilot, lambda: isinstance(app.screen, DraftsScreen))
        await pilot.press("e")
        await until(pilot, lambda: app.screen.query("#ics").first() is not None)
        await pilot.click("#ics")
        await until(pilot, lambda: isinstance(app.screen, TextPromptModal))
        await pilot.press("ctrl+u")
        paste(app, str(tmp_path / name))
        await pilot.press("enter")
        await until(pilot, lambda: (tmp_path / name).exists())
        calendar = icalendar.Calendar.from_ical((tmp_path / name).read_bytes())
        event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == uid)
        assert isinstance(event, icalendar.Event)
        return event

    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, DraftsScreen))
        screen = app.screen
        assert isinstance(screen, DraftsScreen) and screen.current_id == "chris-novak-9c0d1e"
        first = await mark_sent_and_export(pilot, "2026-05-10", "first.ics")
        moved = await mark_sent_and_export(pilot, "2026-05-13", "moved.ics")
    assert first.decoded("DTSTART").isoformat() == "2026-05-17"
    assert moved.decoded("DTSTART").isoformat() == "2026-05-20"
    assert int(moved.decoded("SEQUENCE")) == int(first.decoded("SEQUENCE")) + 1
    assert moved.decoded("LAST-MODIFIED") >= first.decoded("LAST-MODIFIED")
