"""The Drafts screen driven with keys: filter, open, delete and undo, mark, follow up, duplicate,
rename, export, damaged files, and the start-up line about what is due."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from drafts_samples import DAMAGED_BYTES, DAMAGED_NAME, TODAY, make_samples
from textual.pilot import Pilot
from textual.widgets import Input, Static

from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.drafts.tracking import Tracking
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.ui.app import OutreachApp, create_app
from outreach_tui.ui.screens.drafts import DraftsScreen
from outreach_tui.ui.screens.modals import ChoiceModal, MarkStatusModal, TextPromptModal
from outreach_tui.ui.screens.wizard import WizardScreen
from waiting import until

SIZE = (100, 32)


@pytest.fixture
def app(data_dir: Path) -> OutreachApp:
    make_samples(data_dir)
    return create_app(
        data_dir, store=DraftStore(data_dir), renderer=Renderer(), today=lambda: TODAY
    )


def drafts(app: OutreachApp) -> DraftsScreen:
    screen = app.screen
    assert isinstance(screen, DraftsScreen), f"expected the Drafts screen, got {screen!r}"
    return screen


def listed(app: OutreachApp) -> list[str]:
    """The ids of the rows on screen, top to bottom."""
    screen = drafts(app)
    assert screen.table.row_count == len(screen.rows)
    return [row.id for row in screen.rows]


def detail(app: OutreachApp) -> str:
    return str(drafts(app).query_one("#drafts-detail", Static).render())


def screen_rows(app: OutreachApp) -> list[str]:
    """The text of every row on screen, as the user sees it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def notes(app: OutreachApp) -> list[str]:
    return [n.message for n in app._notifications]


async def open_drafts(pilot: Pilot[int]) -> DraftsScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.press("ctrl+d")
    await pilot.pause()
    return drafts(pilot.app)  # type: ignore[arg-type]


async def select(pilot: Pilot[int], text: str) -> None:
    """Filter down to the one draft matching `text`, then go back to the list."""
    await pilot.press("slash", *text, "enter")
    screen = drafts(pilot.app)  # type: ignore[arg-type]
    assert len(screen.rows) == 1, [r.id for r in screen.rows]
    assert screen.table.has_focus


async def test_every_draft_is_listed_and_the_filter_narrows_them(app: OutreachApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(pilot)
        assert len(listed(app)) == 7
        assert "Folder: " in str(screen.query_one("#drafts-folder", Static).render())
        await pilot.press("slash")
        assert screen.filter_input.has_focus
        await pilot.press(*"westerly")
        assert sorted(listed(app)) == ["alex-morgan-a1b2c3", "dana-reyes-6f7a8b"]
        await pilot.press(*" dana")
        assert listed(app) == ["dana-reyes-6f7a8b"]
        await pilot.press(*["backspace"] * 13, *"nobody here")
        assert listed(app) == []
        assert "No draft matches" in detail(app)
        await pilot.press("escape")  # leaves the filter for the list
        assert screen.table.has_focus
        await pilot.press("escape")  # and back to the wizard
        assert isinstance(app.screen, WizardScreen)


async def test_sort_by_due_date_puts_the_most_overdue_first(app: OutreachApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await pilot.press("s")
        assert listed(app)[:4] == [
            "priya-shah-d4e5f6",  # follow-up due 8 May
            "sam-okafor-0a1b2c",  # thank-you due 13 May
            "alex-morgan-a1b2c3",  # follow-up due today
            "mei-lin-3c4d5e",  # follow-up due 19 May
        ]
        assert "sorted by due date" in str(app.screen.query_one("#drafts-title", Static).render())


async def test_open_lands_in_the_wizard_with_the_answers(app: OutreachApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await select(pilot, "priya")
        await pilot.press("enter")
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        assert wizard.draft is not None and wizard.draft.id == "priya-shah-d4e5f6"
        assert wizard.answers.contact.name == "Priya Shah"
        assert wizard.query_one("#q-contact-organization", Input).value == "Harbor City Archives"
        assert wizard.channel == "email"


async def test_open_from_a_wizard_with_unsaved_changes_asks_first(app: OutreachApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Jordan")  # start a new draft and type in it
        await open_drafts(pilot)
        await select(pilot, "priya")
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.click("#discard")
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        assert wizard.answers.contact.name == "Priya Shah"


async def test_delete_asks_then_undo_brings_the_draft_back(
    app: OutreachApp, data_dir: Path
) -> None:
    path = data_dir / "drafts" / "chris-novak-9c0d1e.json"
    before = path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(pilot)
        assert screen.current_id == "chris-novak-9c0d1e"  # the first draft that opens
        await pilot.press("delete")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("escape")  # cancel: nothing happens
        assert "chris-novak-9c0d1e" in listed(app)
        await pilot.press("delete")
        await pilot.press("enter")  # "Move to trash" has the focus
        await pilot.pause()
        assert "chris-novak-9c0d1e" not in listed(app)
        assert not path.exists()
        assert (data_dir / "trash" / "chris-novak-9c0d1e.json").exists()
        await pilot.press("u")
        await pilot.pause()
        assert "chris-novak-9c0d1e" in listed(app)
        assert screen.current_id == "chris-novak-9c0d1e"
    assert path.read_bytes() == before
    assert not (data_dir / "trash" / "chris-novak-9c0d1e.json").exists()


async def test_undo_works_after_leaving_and_coming_back(app: OutreachApp, data_dir: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await pilot.press("delete", "enter", "escape")
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("ctrl+d")
        assert "chris-novak-9c0d1e" not in listed(app)
        await pilot.press("u")
        assert "chris-novak-9c0d1e" in listed(app)
    assert (data_dir / "drafts" / "chris-novak-9c0d1e.json").exists()


async def test_mark_sent_shows_the_follow_up_due_date(app: OutreachApp, data_dir: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(pilot)
        assert screen.current_id == "chris-novak-9c0d1e"
        assert screen.current is not None and screen.current.due is None
        await pilot.press("m")
        modal = app.screen
        assert isinstance(modal, MarkStatusModal)
        assert modal.query_one("#mark-date", Input).value == "2026-05-14"  # today by default
        await pilot.press("enter")  # "Sent" is highlighted first
        await pilot.pause()
        row = drafts(app).current
        assert row is not None and row.id == "chris-novak-9c0d1e"
        assert row.status == "sent" and row.follow_up_due == "2026-05-21"
        cells = [str(cell) for cell in screen.table.cells(screen.table.cursor_row)]
        assert "follow-up 21 May" in cells
        assert "sent" in cells
    saved = json.loads((data_dir / "drafts" / "chris-novak-9c0d1e.json").read_text())
    assert saved["tracking"]["status"] == "sent"
    assert saved["tracking"]["sent_on"] == "2026-05-14"
    assert saved["tracking"]["follow_up_due"] == "2026-05-21"


async def test_mark_with_another_date(app: OutreachApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await select(pilot, "sam okafor")
        await pilot.press("m", "down", "down", "down", "down", "down")  # "Thanked"
        await pilot.press("tab", "ctrl+u", *"2026-05-15x", "enter")
        assert isinstance(app.screen, MarkStatusModal)  # a bad date is refused, with why
        assert "YYYY-MM-DD" in str(app.screen.query_one("#prompt-error", Static).render())
        await pilot.press("backspace", "enter")
        await pilot.pause()
        row = drafts(app).current
        assert row is not None and row.status == "thanked" and row.due is None


async def test_due_item_key_opens_the_wizard_on_the_follow_up(app: OutreachApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await select(pilot, "alex morgan")
        assert "follow-up due today" in detail(app)
        await pilot.press("f")
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        assert wizard.channel == "follow-up"
        assert wizard.draft is None  # a new draft: the first message is never overwritten
        assert wizard.based_on is not None and wizard.based_on.id == "alex-morgan-a1b2c3"
        assert wizard.answers.contact.name == "Alex Morgan"


async def test_thank_you_key_on_an_interview_held(app: OutreachApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await select(pilot, "okafor")
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen) and app.screen.channel == "thank-you"
        # it opens on what was learned, the one thing the thank-you needs from you
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "q-goal-learned"


async def test_damaged_file_is_listed_and_left_alone(app: OutreachApp, data_dir: Path) -> None:
    damaged = data_dir / "drafts" / f"{DAMAGED_NAME}.json"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(pilot)
        await select(pilot, "damaged")
        row = screen.current
        assert row is not None and row.damaged and "invalid JSON" in (row.error or "")
        assert "cannot be read" in detail(app)
        for key in ("enter", "f", "m", "d", "r", "e"):
            await pilot.press(key)
            assert app.screen is screen, key  # nothing opens it or changes it
        assert any("cannot be read" in m for m in notes(app))
    assert damaged.read_bytes() == DAMAGED_BYTES


async def test_duplicate_makes_a_second_draft_and_opens_it(
    app: OutreachApp, data_dir: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await select(pilot, "alex morgan")
        await pilot.press("d")
        assert isinstance(app.screen, TextPromptModal)
        await pilot.press(*"Robin Hale", "enter")
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        assert wizard.answers.contact.name == "Robin Hale"
        assert wizard.answers.contact.organization == "Westerly Public Library"
        assert wizard.draft is not None
        copy_id = wizard.draft.id
    assert copy_id.startswith("robin-hale-")
    copies = list((data_dir / "drafts").glob("robin-hale-*.json"))
    assert len(copies) == 1
    saved = json.loads(copies[0].read_text())
    assert saved["tracking"]["status"] == "draft"
    assert (data_dir / "drafts" / "alex-morgan-a1b2c3.json").exists()


async def test_rename_changes_the_title(app: OutreachApp, data_dir: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(pilot)
        await select(pilot, "priya")
        await pilot.press("r")
        prompt = app.screen
        assert isinstance(prompt, TextPromptModal)
        assert prompt.query_one(Input).value == "Priya Shah (Harbor City Archives)"
        await pilot.press("ctrl+u", *"Priya at the archives [bold]", "enter")
        await pilot.pause()
        assert screen.current is not None
        assert screen.current.title == "Priya at the archives [bold]"
        assert "Priya at the archives [bold]" in detail(app)
        assert any("Priya at the archives" in row for row in screen_rows(app))  # its row too
        saved = json.loads((data_dir / "drafts" / "priya-shah-d4e5f6.json").read_text())
        assert saved["title"] == "Priya at the archives [bold]"
        await pilot.press("r", "ctrl+u", "enter")  # an empty title: the contact's name again
        await pilot.pause()
        assert not any("Priya at the archives" in row for row in screen_rows(app))
        assert any("Priya Shah" in row for row in screen_rows(app))


async def test_start_up_says_what_is_due(app: OutreachApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)  # the first screen was not held up
        assert any(
            m.startswith("1 follow-up due today, 1 follow-up overdue, 1 thank-you overdue")
            for m in notes(app)
        ), notes(app)


async def test_start_up_is_quiet_when_nothing_is_due(data_dir: Path) -> None:
    app = create_app(data_dir, store=DraftStore(data_dir), renderer=Renderer())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert not any("due" in m for m in notes(app))
    assert not data_dir.exists()  # looking created nothing


async def test_export_writes_an_ics_that_parses_back(app: OutreachApp, tmp_path: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    target = tmp_path / "out" / "due.ics"
    target.parent.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.click("#ics")
        prompt = app.screen
        assert isinstance(prompt, TextPromptModal)
        assert prompt.query_one(Input).value == "~/outreach-tui-due.ics"
        await pilot.press("ctrl+u", *str(target), "enter")
        await pilot.pause()
        assert any(str(target.name) in m and m.startswith("Wrote") for m in notes(app))
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = {str(e["UID"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
    assert events == {
        "follow-up-priya-shah-d4e5f6@outreach-tui": TODAY.replace(day=8),
        "thank-you-sam-okafor-0a1b2c@outreach-tui": TODAY.replace(day=13),
        "follow-up-alex-morgan-a1b2c3@outreach-tui": TODAY,
        "follow-up-mei-lin-3c4d5e@outreach-tui": TODAY.replace(day=19),
    }


async def test_export_writes_the_message_as_text(app: OutreachApp, tmp_path: Path) -> None:
    target = tmp_path / "alex.txt"
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await select(pilot, "alex morgan")
        await pilot.press("e", "enter")  # "Message (.txt)" has the focus
        prompt = app.screen
        assert isinstance(prompt, TextPromptModal)
        assert prompt.query_one(Input).value == "~/alex-morgan-a1b2c3.txt"
        await pilot.press("ctrl+u", *str(target), "enter")
        await pilot.pause()
    assert "Dear Ms. Morgan, ..." in target.read_text()


async def test_works_in_an_80x24_terminal(app: OutreachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_drafts(pilot)
        region = screen.region
        for widget in ("#drafts-filter", "#drafts-table", "#drafts-detail"):
            assert region.contains_region(screen.query_one(widget).region), widget
        assert screen.table.region.height >= 8
        assert sum(c.width for c in screen.table.columns) <= 80
        await pilot.press("m", "enter")
        await pilot.pause()
        assert screen.current is not None and screen.current.status == "sent"


async def test_at_80x24_a_message_and_its_follow_up_to_one_person_read_apart(
    app: OutreachApp, data_dir: Path
) -> None:
    store = DraftStore(data_dir)
    first = store.load("alex-morgan-a1b2c3")
    follow_up = copy.deepcopy(first)
    follow_up.id, follow_up.channel = "alex-morgan-f0f0f0", "follow-up"
    follow_up.tracking = Tracking()
    store.save(follow_up)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_drafts(pilot)
        rows = [row for row in screen_rows(app) if row.startswith("  Alex Morgan ")]
        assert len(rows) == 2, screen_rows(app)
        first_row = next(row for row in rows if " message " in row)
        follow_up_row = next(row for row in rows if row is not first_row)
        assert "follow-up today" in first_row  # its due date stays in view
        assert " follow-up " in follow_up_row and " message " not in follow_up_row
        header = next(row for row in screen_rows(app) if "Status" in row)
        assert "Channel" in header and "Due" in header


async def test_the_due_line_does_not_say_press_ctrl_d_once_the_drafts_are_open(
    app: OutreachApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Press ctrl+d" in m for m in notes(app)), notes(app)
        await open_drafts(pilot)
        assert not any("ctrl+d" in m for m in notes(app)), notes(app)
        due = str(drafts(app).query_one("#drafts-due", Static).render())
        assert "1 follow-up due today" in due  # the screen says it itself


async def test_the_export_dialog_says_the_message_to_whom(app: OutreachApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(pilot)
        await select(pilot, "alex morgan")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        text = str(app.screen.query_one("#dialog-text", Static).render())
        assert text.startswith("The message to Alex Morgan"), text


async def test_the_mark_dialog_says_its_own_keys_at_80x24(data_dir: Path) -> None:
    """The Drafts screen's footer stays below the dialog: the dialog names its keys itself."""
    make_samples(data_dir)
    app = create_app(data_dir, store=DraftStore(data_dir), renderer=Renderer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+d")
        await until(
            pilot,
            lambda: isinstance(app.screen, DraftsScreen) and bool(app.screen.query("DraftList")),
            "the drafts list",
        )
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MarkStatusModal), "the mark dialog")
        keys = app.screen.query_one("#mark-keys")
        assert "Esc cancels" in str(keys.render())
        assert keys.region.bottom <= 24 and keys.region.height == 1  # on screen


async def test_the_due_line_under_a_dialog_on_the_drafts_screen_does_not_say_press_ctrl_d(
    data_dir: Path,
) -> None:
    """The start-up count can land while a dialog is open over the Drafts screen."""
    make_samples(data_dir)
    app = create_app(data_dir, store=DraftStore(data_dir), renderer=Renderer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, DraftsScreen), "the Drafts screen")
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MarkStatusModal), "the Mark dialog")
        app._say_due("1 follow-up overdue")

        def due_lines() -> list[str]:
            return [n.message for n in app._notifications if n.title == "Due"]

        await until(pilot, lambda: any("1 follow-up" in m for m in due_lines()), "the due line")
        assert "1 follow-up overdue." in due_lines()
        assert not any("Press" in m for m in due_lines()), due_lines()
