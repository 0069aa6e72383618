"""A real outreach-tui process, typed into through a pseudo-terminal, then killed with SIGKILL:
the next start offers the work back exactly where it was."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from outreach_tui.core.autosave import AUTOSAVE_NAME, Autosave
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.screens.wizard import WizardScreen

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


class Terminal:
    """The app in a pseudo-terminal of 100x32; everything it prints is collected."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
        self.master = master
        self.output = bytearray()
        self.proc = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for_output(self, text: bytes, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while text not in self.output:
            if time.monotonic() > end or self.proc.poll() is not None:
                raise AssertionError(f"{text!r} never appeared; got {bytes(self.output[-400:])!r}")
            time.sleep(0.05)

    def type(self, keys: str) -> None:
        for key in keys:
            os.write(self.master, key.encode())
            time.sleep(0.02)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        os.close(self.master)


def wait_until(predicate: Callable[[], bool], timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("condition never became true")
        time.sleep(0.1)


def autosaved_with(path: Path, text: str) -> bool:
    try:
        return text in path.read_text()
    except OSError:
        return False


async def test_sigkill_mid_wizard_then_resume(
    tmp_path: Path, data_dir: Path, make_app: Callable[..., OutreachApp]
) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "COLUMNS", "LINES") and not k.startswith("TEXTUAL")
    }
    env["TERM"] = "xterm-256color"
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
