"""Snapshot tests: each step of the wizard at 100x32, drawn by the real app.

Update them after an intended change with `pytest tests/ui/test_snapshots.py --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers_load import load_answers_file
from outreach_tui.ui.app import OutreachApp, create_app

RunBefore = Callable[[Pilot[int]], Awaitable[None]]
SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's fixture: (app, terminal_size=, run_before=, ...) -> matched."""

EXAMPLE = Path(__file__).parents[2] / "examples" / "alex-morgan.toml"
SIZE = (100, 32)
STEPS = ["welcome", "you", "contact", "research", "distance", "goal", "review", "preview"]


def build_app(data_dir: Path) -> OutreachApp:
    return create_app(
        data_dir,
        answers=load_answers_file(EXAMPLE),
        store=DraftStore(data_dir),
        renderer=Renderer(),
    )


def go_to(step: int) -> RunBefore:
    async def run_before(pilot: Pilot[int]) -> None:
        if step:
            await pilot.press("enter")
        for _ in range(step - 1):
            await pilot.press("ctrl+n")
        for widget in pilot.app.screen.query("Input, TextArea"):
            assert isinstance(widget, Input | TextArea)
            widget.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("step", range(len(STEPS)), ids=STEPS)
def test_step_snapshot(snap_compare: SnapCompare, tmp_path: Path, step: int) -> None:
    assert snap_compare(build_app(tmp_path / "data"), terminal_size=SIZE, run_before=go_to(step))


def test_narrow_terminal_snapshot(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(build_app(tmp_path / "data"), terminal_size=(80, 24), run_before=go_to(3))


def test_preview_at_80x24_snapshot(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """80x24, the most common size: the message, its counter, the score, Save draft, the keys."""
    preview = STEPS.index("preview")
    assert snap_compare(
        build_app(tmp_path / "data"), terminal_size=(80, 24), run_before=go_to(preview)
    )


@pytest.mark.parametrize("step", range(len(STEPS)), ids=STEPS)
def test_step_snapshot_at_80x24(snap_compare: SnapCompare, tmp_path: Path, step: int) -> None:
    """Every step at 80x24, the most common terminal size: the keys (Quit and Help among them)
    and the way on (Next, or Save draft on the last step) stay on screen."""
    assert snap_compare(
        build_app(tmp_path / "data"), terminal_size=(80, 24), run_before=go_to(step)
    )


@pytest.mark.parametrize("step", range(len(STEPS)), ids=STEPS)
def test_step_snapshot_at_the_minimum_size(
    snap_compare: SnapCompare, tmp_path: Path, step: int
) -> None:
    """Every step at 40x12, the smallest size the README promises: Quit and Help stay."""
    assert snap_compare(
        build_app(tmp_path / "data"), terminal_size=(40, 12), run_before=go_to(step)
    )
