"""Every command when what is around it fails: a pipe whose reader went away (`| head`), a full
disk, a stream the shell closed (`>&-`, `<&-`, `2>&-`), an output encoding that cannot hold the
text, a folder name the system refuses, ctrl+c. Real processes, real pipes and devices: the
answer is one line on stderr and exit status 2 (a quiet 1 for the closed pipe, 130 for ctrl+c),
never a traceback and never Python's "Exception ignored" at exit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from test_cli import ANSWERS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX streams and devices")

# Each command a user can pipe somewhere; "{...}" are filled in by `Setup.argv`.
COMMANDS: dict[str, list[str]] = {
    "render": ["render", "{answers}"],
    "check": ["check", "{answers}"],
    "check --json": ["check", "{answers}", "--json"],
    "drafts list": ["drafts", "list"],
    "drafts list --json": ["drafts", "list", "--json"],
    "drafts show": ["drafts", "show", "{id}"],
    "drafts mark": ["drafts", "mark", "{id}", "sent"],
    "drafts export": ["drafts", "export", "{id}", "--txt", "{tmp}/message.txt"],
    "drafts add": ["drafts", "add", "{answers}"],
    "stats": ["stats"],
    "stats --json": ["stats", "--json"],
    "templates list": ["templates", "list"],
    "templates copy": ["templates", "copy", "message", "--force"],
    "import-linkedin --remove": ["import-linkedin", "--remove"],
    "--version": ["--version"],
    "--help": ["--help"],
    "drafts --help": ["drafts", "--help"],
}


class Setup:
    """A data folder with one saved draft, an answers file and a config folder, all in tmp."""

    def __init__(self, tmp_path: Path, answers: Answers) -> None:
        self.tmp = tmp_path
        self.answers_file = tmp_path / "answers.json"
        self.answers_file.write_text(json.dumps(ANSWERS), encoding="utf-8")
        draft = Draft(answers=answers, channel="message", subject="Hello", message="Dear Alex")
        DraftStore(tmp_path / "data").save(draft)
        self.draft_id = draft.id
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OUTREACH_TUI", "PYTHON"))}
        env.update(
            OUTREACH_TUI_DATA_DIR=str(tmp_path / "data"),
            OUTREACH_TUI_CONFIG_DIR=str(tmp_path / "config"),
            PYTHONUTF8="1",
        )
        self.env = env

    def argv(self, command: str) -> list[str]:
        fill = {"answers": str(self.answers_file), "id": self.draft_id, "tmp": str(self.tmp)}
        args = [arg.format(**fill) for arg in COMMANDS[command]]
        return [sys.executable, "-m", "outreach_tui", *args]

    def with_buffering(self, buffered: bool) -> dict[str, str]:
        """Buffered (a pipe's default): the error comes at the last flush; unbuffered: at the
        first write, in the middle of the command."""
        return self.env if buffered else {**self.env, "PYTHONUNBUFFERED": "1"}


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    answers = answers_from_dict({**ANSWERS, "contact": {**ANSWERS["contact"], "name": "Zoë Lee"}})
    return Setup(tmp_path, answers)


def assert_one_error_line(stderr: str, *needles: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("outreach-tui: error: "), stderr
    for needle in needles:
        assert needle in lines[0], stderr


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_reader_gone_before_the_output(setup: Setup, command: str, buffered: bool) -> None:
    # `outreach-tui drafts list | head -0`: the reader is gone before anything is written.
    with subprocess.Popen(
        setup.argv(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=setup.with_buffering(buffered),
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 1, err
    assert err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_output_on_a_full_disk(setup: Setup, command: str, buffered: bool) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            setup.argv(command),
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=setup.with_buffering(buffered),
            timeout=60,
        )
    assert proc.returncode == 2, proc.stderr
    assert_one_error_line(proc.stderr, "cannot write the output", "no space left on device")


def run_in_shell(setup: Setup, redirect: str, argv: list[str]) -> subprocess.CompletedProcess[str]:
    """`argv` started by sh with `redirect` (such as `>&-`), as a user's shell would."""
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "sh", *argv],
        capture_output=True,
        text=True,
        env=setup.env,
        timeout=60,
    )


@pytest.mark.parametrize(
    "command", [c for c in COMMANDS if not c.endswith("--help") and c != "--version"]
)
def test_stdout_closed(setup: Setup, command: str) -> None:
    proc = run_in_shell(setup, ">&- </dev/null", setup.argv(command))
    assert proc.returncode == 2, proc.stderr
    assert_one_error_line(proc.stderr, "standard output is closed")


def test_stderr_closed_still_gives_the_exit_status(setup: Setup) -> None:
    # Nothing can be said, but the status still tells: 2 for a missing file, not a crash's 1.
    argv = [sys.executable, "-m", "outreach_tui", "render", str(setup.tmp / "missing.json")]
    proc = run_in_shell(setup, "2>&-", argv)
    assert proc.returncode == 2
    assert proc.stdout == ""
    bad_option = [sys.executable, "-m", "outreach_tui", "--no-such-option"]
    assert run_in_shell(setup, "2>&-", bad_option).returncode == 2


@pytest.mark.parametrize("plain", [True, False], ids=["plain", "full-screen"])
def test_stdin_closed_for_the_wizard(setup: Setup, plain: bool) -> None:
    argv = [sys.executable, "-m", "outreach_tui", *(["--plain"] if plain else [])]
    proc = run_in_shell(setup, "<&-", argv)
    assert proc.returncode == 2, proc.stderr
    assert_one_error_line(proc.stderr, "standard input is closed")


def test_plain_mode_with_stdout_closed(setup: Setup) -> None:
    argv = [sys.executable, "-m", "outreach_tui", "--plain"]
    proc = run_in_shell(setup, ">&- </dev/null", argv)
    assert proc.returncode == 2, proc.stderr
    assert_one_error_line(proc.stderr, "standard output is closed")


@pytest.mark.parametrize("command", ["check", "drafts show", "drafts list", "templates list"])
def test_output_encoding_that_cannot_hold_the_text(
    setup: Setup, command: str, tmp_path: Path
) -> None:
    # The contact is "Zoë Lee" and the score gauge is drawn with blocks; the templates folder's
    # name is not ASCII either.
    env = {**setup.env, "PYTHONIOENCODING": "ascii", "OUTREACH_TUI_CONFIG_DIR": str(tmp_path / "é")}
    env.pop("PYTHONUTF8")
    proc = subprocess.run(
        setup.argv(command), capture_output=True, text=True, encoding="utf-8", env=env, timeout=60
    )
    assert proc.returncode == 2, proc.stderr
    assert_one_error_line(proc.stderr, "encoding (ascii)", "PYTHONIOENCODING=utf-8")


@pytest.mark.parametrize(
    "args",
    [["drafts", "list", "--data-dir"], ["--plain", "--data-dir"]],
    ids=["drafts list", "plain wizard"],
)
def test_data_folder_name_the_system_refuses(setup: Setup, args: list[str]) -> None:
    too_long = str(setup.tmp / ("a" * 300))  # one name over the usual 255-byte limit
    proc = subprocess.run(
        [sys.executable, "-m", "outreach_tui", *args, too_long],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=setup.env,
        timeout=60,
    )
    assert proc.returncode == 2, proc.stderr
    assert_one_error_line(proc.stderr, "aaaa", "name too long")


def test_ctrl_c_in_plain_mode(setup: Setup) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "outreach_tui", "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=setup.env,
    ) as proc:  # on the way out its stdin closes: a question then reads end of input
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        seen = b""
        while b"Ctrl-D stops." not in seen:  # it is asking: the interrupt lands in a question
            chunk = os.read(proc.stdout.fileno(), 4096)
            assert chunk, seen
            seen += chunk
        proc.send_signal(signal.SIGINT)
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 130, err
    assert "Traceback" not in err
    assert "KeyboardInterrupt" not in err


@pytest.mark.parametrize("option", ["--txt", "--ics"])
def test_export_never_replaces_a_named_pipe_or_a_folder(setup: Setup, option: str) -> None:
    # Writing replaces the target: a FIFO (or, as root, a device such as /dev/null) must not
    # become a regular file, and a folder is no file name.
    assert run_command(setup, "drafts", "mark", setup.draft_id, "sent").returncode == 0
    pipe = setup.tmp / "pipe"
    os.mkfifo(pipe)
    folder = setup.tmp / "folder"
    folder.mkdir()
    for target, needle in ((pipe, "not a regular file"), (folder, "is a folder")):
        proc = run_command(setup, "drafts", "export", setup.draft_id, option, str(target))
        assert proc.returncode == 2, proc.stderr
        assert_one_error_line(proc.stderr, str(target), needle)
    assert pipe.is_fifo()
    assert folder.is_dir() and not any(folder.iterdir())


def run_command(setup: Setup, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=setup.env,
        timeout=60,
    )
