"""A real outreach-tui process, typed into through a pseudo-terminal, then killed with SIGKILL:
the next start offers the work back exactly where it was."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from outreach_tui.core.drafts.autosave import AUTOSAVE_NAME, Autosave
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.screens.wizard import WizardScreen
from ptyterm import Terminal, clean_env, wait_until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def autosaved_with(path: Path, text: str) -> bool:
    try:
        return text in path.read_text()
    except OSError:
        return False


async def test_sigkill_mid_wizard_then_resume(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., OutreachApp]
) -> None:
    env = clean_env()
    args = [sys.executable, "-m", "outreach_tui", "--data-dir", str(data_dir)]
    term = Terminal(args, env)
    try:
        term.wait_for_output(b"Start")
        term.type("\r")  # Start a new draft
        term.wait_for_output(b"Step 1")
        term.type("Jordan Lee")
        term.type("\x0e")  # ctrl+n: Next
        term.wait_for_output(b"Contact")
        term.type("Alex Morgan")
        wait_until(lambda: autosaved_with(data_dir / AUTOSAVE_NAME, "Alex Morgan"))
    finally:
        term.kill()
    assert term.proc.returncode == -signal.SIGKILL

    state = Autosave(data_dir).load()
    assert state is not None
    assert state.step == 2

    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # Resume
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        assert "Step 2 of 7 · Contact" in str(screen.query_one("#step-indicator").render())
        assert screen.answers.sender.name == "Jordan Lee"
        assert screen.answers.contact.name == "Alex Morgan"
