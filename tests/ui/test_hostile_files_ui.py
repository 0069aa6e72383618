"""Hostile files met by the TUI (Pilot): a draft nested hundreds of levels deep, one holding an
integer of thousands of digits, a named pipe called `x.json` in drafts/, a damaged autosave of
the same kinds, an autosave whose channel's template was removed, and dates past the calendar in
the Mark dialog. The app starts, lists the others, and says what is wrong, never a crash."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from outreach_tui.core.drafts.autosave import AUTOSAVE_NAME, Autosave, WorkState
from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp, create_app
from outreach_tui.ui.screens.drafts import DraftsScreen
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.screens.wizard import WizardScreen
from waiting import until as wait_for

SIZE = (110, 34)
DEEP = b"[" * 400 + b"]" * 400
HEAD = b'{"schema_version": 2, "answers": {"contact": {"name": "Alex Morgan"}}, "x": '


def notices(app: OutreachApp) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


async def test_hostile_drafts_are_damaged_rows_and_the_good_one_opens(
    make_app: Callable[..., OutreachApp], data_dir: Path, full_answers: Answers
) -> None:
    good = Draft(answers=full_answers, channel="message", message="Dear Ms. Morgan,\n\nHi.")
    DraftStore(data_dir).save(good)
    drafts = data_dir / "drafts"
    (drafts / "deep.json").write_bytes(HEAD + DEEP + b"}")
    (drafts / "huge-int.json").write_bytes(HEAD + b"9" * 5000 + b"}")
    os.mkfifo(drafts / "pipe.json")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WizardScreen))
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(app.screen, DraftsScreen))
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        await wait_for(pilot, lambda: len(screen.rows) == 4)
        by_id = {row.id: row for row in screen.rows}
        assert by_id[good.id].error is None
        assert "nested deeper than" in (by_id["deep"].error or "")
        assert "integer of more than" in (by_id["huge-int"].error or "")
        assert "not a regular file" in (by_id["pipe"].error or "")
    assert (drafts / "deep.json").read_bytes() == HEAD + DEEP + b"}"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"answers": ' + DEEP + b"}", "nested deeper than"),
        (b'{"step": ' + b"9" * 5000 + b"}", "integer of more than"),
    ],
)
async def test_a_hostile_autosave_is_reported_and_the_app_starts(
    make_app: Callable[..., OutreachApp], data_dir: Path, content: bytes, reason: str
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / AUTOSAVE_NAME
    path.write_bytes(content)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WizardScreen))
        await wait_for(pilot, lambda: "Autosave file damaged" in notices(app))
        assert reason in notices(app)
    assert path.read_bytes() == content


async def test_resume_on_a_removed_channel_falls_back_with_a_notice(
    tmp_path: Path, data_dir: Path, full_answers: Answers
) -> None:
    """The autosave names "coffee-chat", a channel from a template the user since removed."""
    templates = tmp_path / "templates"
    templates.mkdir()
    Autosave(data_dir).save(WorkState(full_answers, step=7, channel="coffee-chat"))
    app = create_app(
        data_dir, store=DraftStore(data_dir), renderer=Renderer(template_dirs=[templates])
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceModal))
        await pilot.press("enter")  # Resume
        await wait_for(pilot, lambda: isinstance(app.screen, WizardScreen) and app.screen.step == 7)
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        assert screen.channel == "message"
        await wait_for(pilot, lambda: "coffee-chat" in notices(app))
        assert "no longer" in notices(app)


async def test_mark_dialog_refuses_a_date_past_the_calendar(
    make_app: Callable[..., OutreachApp], data_dir: Path, full_answers: Answers
) -> None:
    draft = Draft(answers=full_answers, channel="message", message="Dear Ms. Morgan,\n\nHi.")
    DraftStore(data_dir).save(draft)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WizardScreen))
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(app.screen, DraftsScreen))
        await wait_for(pilot, lambda: len(app.screen.rows) == 1)  # type: ignore[attr-defined]
        await pilot.press("m")
        await wait_for(pilot, lambda: bool(app.screen.query("#mark-date")))
        date_input = app.screen.query_one("#mark-date", Input)
        date_input.value = "9999-12-31"
        date_input.focus()
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: (
                "dates must lie between"
                in str(app.screen.query_one("#prompt-error", Static).render())
            ),
        )
    assert DraftStore(data_dir).load(draft.id).tracking.status == "draft"


async def test_start_removes_what_a_killed_app_left_and_reports_a_linked_folder(
    make_app: Callable[..., OutreachApp], data_dir: Path, tmp_path: Path
) -> None:
    import time

    drafts = data_dir / "drafts"
    drafts.mkdir(parents=True)
    stale_tmp = drafts / ".alex-morgan-a1b2c3.json.k2j4h5g6.tmp"
    stale_tmp.write_text('{"whole": "draft"}')
    editing = data_dir / "editing"
    editing.mkdir(mode=0o700)
    stale_edit = editing / "message-999999999-abcd1234.txt"  # no such process
    stale_edit.write_text("Dear Alex")
    old = time.time() - 3600
    os.utime(stale_tmp, (old, old))
    outside = tmp_path / "outside"
    outside.mkdir()
    (data_dir / "trash").symlink_to(outside, target_is_directory=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: not stale_tmp.exists() and not stale_edit.exists())
        await wait_for(pilot, lambda: "symbolic link" in notices(app))


async def test_a_slow_template_of_yours_never_holds_up_typing(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Your template renders in a thread: while it is stuck (held here until released), keys
    still reach the field; once it finishes, the preview shows its text."""
    import threading

    from textual.widgets import Input

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "message.txt.j2").write_text("Mine: {{ sender.name }}\n")
    release = threading.Event()
    real_render = Renderer.render

    def held_render(self: Renderer, *args: object, **kwargs: object) -> object:
        if threading.current_thread() is not threading.main_thread():
            release.wait(timeout=30)
        return real_render(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Renderer, "render", held_render)
    app = create_app(
        data_dir, store=DraftStore(data_dir), renderer=Renderer(template_dirs=[templates])
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WizardScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(app.screen.query("#q-sender-name")))
        await pilot.press(*"Jordan Lee")
        field = app.screen.query_one("#q-sender-name", Input)
        await wait_for(pilot, lambda: field.value == "Jordan Lee")  # typed while held
        body = app.screen.query_one("#preview-body")
        assert "Mine: Jordan Lee" not in str(body.render())
        release.set()
        await wait_for(pilot, lambda: "Mine: Jordan Lee" in str(body.render()))


async def test_warnings_found_before_start_are_shown_in_the_app(data_dir: Path) -> None:
    """The CLI's warnings (an unreadable config folder...) go to stderr, which the TUI's screen
    hides: the app shows them too, as typed (no markup, no escape sequences)."""
    line = "/home/x/.config/outreach-tui: cannot read the config folder [b]\x1b]2;t\x07"
    app = create_app(data_dir, store=DraftStore(data_dir), renderer=Renderer(), notices=(line,))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "cannot read the config folder [b]" in notices(app))
        shown = notices(app)
        # in the TUI's one-cell visible form, like every other toast: not the CLI's "\x1b"
        assert "\x1b" not in shown and "\x07" not in shown and "\\x1b" not in shown
        assert "␛]2;t␇" in shown
