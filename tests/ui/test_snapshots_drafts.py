"""Snapshot tests of the Drafts screen at 100x32 and 80x24, over drafts with fixed ids and dates.

HOME is the temporary folder (the folder line reads ~/data/drafts) and TZ is UTC (the "Changed"
column shows local dates). Update with
`pytest tests/ui/test_snapshots_drafts.py --snapshot-update` and look at the report first.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from drafts_samples import TODAY, make_samples
from textual.pilot import Pilot
from textual.widgets import Input

from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.ui.app import OutreachApp, create_app
from waiting import until

RunBefore = Callable[[Pilot[int]], Awaitable[None]]
SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's fixture: (app, terminal_size=, run_before=, ...) -> matched."""

FIXED_MTIME = 1_778_745_600  # 2026-05-14 08:00 UTC: the damaged file's "Changed" date


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield tmp_path
    monkeypatch.undo()
    time.tzset()


def build_app(home: Path) -> OutreachApp:
    data = home / "data"
    make_samples(data)
    damaged = next((data / "drafts").glob("notes-backup.json"))
    os.utime(damaged, (FIXED_MTIME, FIXED_MTIME))
    return create_app(data, store=DraftStore(data), renderer=Renderer(), today=lambda: TODAY)


def on_drafts(*keys: str) -> RunBefore:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("ctrl+d", *keys)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def test_drafts_screen_snapshot(snap_compare: SnapCompare, home: Path) -> None:
    assert snap_compare(build_app(home), terminal_size=(100, 32), run_before=on_drafts("down"))


def test_drafts_screen_sorted_by_due_snapshot(snap_compare: SnapCompare, home: Path) -> None:
    assert snap_compare(build_app(home), terminal_size=(100, 32), run_before=on_drafts("s"))


def test_drafts_screen_narrow_snapshot(snap_compare: SnapCompare, home: Path) -> None:
    assert snap_compare(build_app(home), terminal_size=(80, 24), run_before=on_drafts())


def on_results() -> RunBefore:
    async def run_before(pilot: Pilot[int]) -> None:
        from outreach_tui.ui.screens.results import ResultsScreen

        await on_drafts("g")(pilot)
        await until(  # it counts in a worker thread
            pilot,
            lambda: (
                isinstance(pilot.app.screen, ResultsScreen) and pilot.app.screen.results is not None
            ),
            "the results counted",
        )
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def test_results_screen_snapshot(snap_compare: SnapCompare, home: Path) -> None:
    assert snap_compare(build_app(home), terminal_size=(80, 24), run_before=on_results())
