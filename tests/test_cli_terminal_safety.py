"""Terminal safety of the CLI's output: user text holding ANSI escape sequences (clear screen,
OSC 52 clipboard writes), C0/C1 controls and bidi overrides never reaches a terminal as live codes.

On a terminal (a real pseudo-terminal as the process's stdout) and into a pipe alike (a pipe
often ends on the terminal: `render x | head`), `render`, `check` and the drafts listings show
them as visible codes (`\\x1b`, `<U+202E>`). JSON output escapes them as JSON (the same data
once parsed), and the saved draft keeps the text exactly.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers_load import answers_from_dict

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

CLEAR = "\x1b[2J\x1b[H"
OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # would put "evil" on the clipboard
CSI8 = "\x9b31m"  # 8-bit CSI
RLO = "\u202e"
NASTY = f"Alex{CLEAR}Morgan{OSC52}{CSI8}{RLO}gpj.exe\x00\x08\x7f"
LIVE = ("\x1b", "\x07", "\x9b", "\u202e", "\x00", "\x08", "\x7f")

ANSWERS: dict[str, Any] = {
    "sender": {"name": "Jordan Lee", "location": "Dayton, Ohio"},
    "contact": {
        "name": NASTY,
        "honorific": "none",
        "title": f"Archivist{OSC52}",
        "organization": f"Westerly{CLEAR} Library",
    },
    "research": {"groups": [f"New England Archivists{RLO}"]},
    "goal": {"learn": f"how the archive plans its work{CSI8}", "ask_minutes": "20"},
}
MESSAGE = f"Dear {NASTY},\n\nA question {OSC52} about [Name] and {CLEAR}.\n\tJordan"


def scrubbed_env(tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "LANG": "C.UTF-8",
        "PYTHONUTF8": "1",
        "TERM": "xterm-256color",
    }


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    answers_path = tmp_path / "answers.json"
    answers_path.write_text(json.dumps(ANSWERS), encoding="utf-8")
    data = tmp_path / "data"
    draft = Draft(answers_from_dict(ANSWERS), "message", MESSAGE, subject=f"Hi{CLEAR}{RLO}")
    draft_path = DraftStore(data).save(draft)
    return {"answers": answers_path, "draft": draft_path, "data": data}


def _argv(command: str, files: dict[str, Path]) -> list[str]:
    data = ["--data-dir", str(files["data"])]
    draft_id = files["draft"].stem
    return {
        "render-answers": ["render", str(files["answers"])],
        "render-draft": ["render", str(files["draft"])],
        "check-answers": ["check", str(files["answers"])],
        "check-draft": ["check", str(files["draft"])],
        "check-json": ["check", "--json", str(files["draft"])],
        "drafts-show": [*data, "drafts", "show", draft_id],
        "drafts-list": [*data, "drafts", "list"],
        "drafts-list-json": [*data, "drafts", "list", "--json"],
    }[command]


def run_on_terminal(argv: list[str], tmp_path: Path) -> tuple[int, str, str]:
    """Run the CLI with a pseudo-terminal as stdout (raw mode: no newline translation).
    Returns (status, what reached the terminal, stderr)."""
    import pty
    import tty

    master, slave = pty.openpty()
    tty.setraw(slave)
    err_path = tmp_path / "stderr.txt"
    with err_path.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "outreach_tui", *argv],
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=err,
            env=scrubbed_env(tmp_path),
            cwd=tmp_path,
        )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: every writer has closed the terminal
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            elif proc.poll() is not None and not select.select([master], [], [], 0.1)[0]:
                break
        else:
            raise AssertionError("the command did not finish")
        status = proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return status, b"".join(chunks).decode("utf-8"), err_path.read_text(encoding="utf-8")


def run_piped(argv: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        env=scrubbed_env(tmp_path),
        cwd=tmp_path,
        timeout=30,
    )


def assert_nothing_live(text: str) -> None:
    for code in LIVE:
        assert code not in text, f"{code!r} reached the output: {text!r}"
    assert "\r" not in text


COMMANDS = (
    "render-answers",
    "render-draft",
    "check-answers",
    "check-draft",
    "check-json",
    "drafts-show",
    "drafts-list",
    "drafts-list-json",
)


@pytest.mark.parametrize("command", COMMANDS)
def test_on_a_terminal_no_escape_sequence_runs(
    command: str, files: dict[str, Path], tmp_path: Path
) -> None:
    status, shown, err = run_on_terminal(_argv(command, files), tmp_path)
    assert status == 0, err
    assert err == ""
    assert shown.strip()
    assert_nothing_live(shown)
    if command.endswith("json"):
        json.loads(shown)  # still valid JSON
    elif command in ("render-answers", "check-draft"):
        # A name written into a message or a reason has its controls taken out (core/names);
        # the other answers keep theirs, shown visibly.
        assert "New England Archivists<U+202E>" in shown
    elif command != "check-answers":  # its reasons happen to quote no hostile text
        assert "Alex\\x1b[2J\\x1b[HMorgan" in shown


def test_on_a_terminal_the_visible_forms_are_readable(
    files: dict[str, Path], tmp_path: Path
) -> None:
    _, shown, _ = run_on_terminal(_argv("render-draft", files), tmp_path)
    assert "Subject: Hi\\x1b[2J\\x1b[H<U+202E>" in shown
    assert "Dear Alex\\x1b[2J\\x1b[HMorgan\\x1b]52;c;ZXZpbA==\\x07\\x9b31m<U+202E>gpj.exe" in shown
    assert "\\x00\\x08\\x7f," in shown
    assert "\n\tJordan" in shown  # newlines and tabs are layout, kept


@pytest.mark.parametrize("command", ["render-draft", "check-draft", "render-answers"])
def test_into_a_pipe_no_escape_sequence_runs_either(
    command: str, files: dict[str, Path], tmp_path: Path
) -> None:
    # `render x | cat` and `check x | head` end on the terminal too.
    result = run_piped(_argv(command, files), tmp_path)
    assert result.returncode == 0, result.stderr
    assert_nothing_live(result.stdout)
    if command == "render-draft":
        assert "Subject: Hi\\x1b[2J\\x1b[H<U+202E>" in result.stdout
        assert "\n\tJordan" in result.stdout  # newlines and tabs are layout, kept
    elif command == "check-draft":
        assert "You are both in New England Archivists<U+202E>: say so" in result.stdout
    else:
        assert "Westerly\\x1b[2J\\x1b[H Library" in result.stdout


def test_the_saved_draft_keeps_the_text_exactly(files: dict[str, Path]) -> None:
    """What is shown visibly is the user's own text, unchanged where it is kept."""
    data = json.loads(files["draft"].read_text(encoding="utf-8"))
    assert data["message"] == MESSAGE


@pytest.mark.parametrize(
    "command", ["drafts-show", "drafts-list", "check-json", "drafts-list-json"]
)
def test_listings_and_json_are_safe_even_into_a_pipe(
    command: str, files: dict[str, Path], tmp_path: Path
) -> None:
    result = run_piped(_argv(command, files), tmp_path)
    assert result.returncode == 0, result.stderr
    assert_nothing_live(result.stdout)
    if command.endswith("json"):
        json.loads(result.stdout)


def test_json_keeps_the_data_exactly(files: dict[str, Path], tmp_path: Path) -> None:
    """The JSON escapes are JSON's own: parsed, the text is the user's, unchanged."""
    result = run_piped(_argv("drafts-list-json", files), tmp_path)
    rows = json.loads(result.stdout)
    assert rows[0]["title"].startswith(NASTY)
