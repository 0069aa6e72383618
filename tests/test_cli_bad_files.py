"""Every file-reading command × every kind of bad file: exit status 2, exactly one line on stderr,
no traceback, and nothing on disk changed (the bad file keeps its bytes, nothing is written).

Commands: `render FILE`, `check FILE`, the wizard's `--answers FILE` (which must fail before the
TUI starts), `drafts show ID` (the bad file sits in the data folder as a draft) and
`import-linkedin PATH`. Each runs as a real process with a scrubbed environment and a temporary
data folder. (A path holding NUL cannot be passed on a command line, so it is not a case.)
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

GARBAGE = bytes(range(256)) * 4 + b"\x00\xff\xfe" * 100
DRAFT_ID = "bad-draft"
NEWER_DRAFT = {
    "schema_version": 999,
    "id": DRAFT_ID,
    "answers": {"contact": {"name": "Alex Morgan"}, "goal": {"learn": "x"}},
    "channel": "message",
    "subject": "Hi",
    "message": "Dear Alex,",
}


def _write(content: bytes, suffix: str = ".json") -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        target = path.with_suffix(suffix)
        target.write_bytes(content)
        return target

    return make


def _missing(path: Path) -> Path:
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    (path / "inside.txt").write_text("keep me", encoding="utf-8")
    return path


def _fifo(path: Path) -> Path:
    """A named pipe called `*.json`: reading it would wait for a writer forever."""
    target = path.with_suffix(".json")
    os.mkfifo(target)
    return target


DEEP = b"[" * 400 + b"]" * 400
"""Nested a few hundred levels: RecursionError in the parser or in whatever walks the result."""
DRAFT_HEAD = b'{"schema_version": 2, "answers": {"contact": {"name": "Alex Morgan"}}, "x": '


def _huge(path: Path) -> Path:
    target = path.with_suffix(".json")
    with target.open("wb") as out:
        for _ in range(5 * 1024 // 4):  # 5 MB
            out.write(GARBAGE[:4096])
    return target


BAD_FILES: dict[str, Callable[[Path], Path]] = {
    "missing": _missing,
    "folder": _folder,
    "empty": _write(b""),
    "binary": _write(GARBAGE),
    "truncated-json": _write(b'{"sender": {"name": "Jordan Lee"}, "contact": {"na'),
    "invalid-toml": _write(b'[contact]\nname = "Alex\nhonorific = \n', ".toml"),
    "json-list": _write(b'[{"contact": {"name": "Alex Morgan"}}]'),
    "newer-draft": _write(json.dumps(NEWER_DRAFT).encode()),
    "huge-garbage": _huge,
    "lone-surrogate": _write(b'{"contact": {"name": "Alex \\udc80"}, "goal": {"learn": "x"}}'),
    "deep-json": _write(DRAFT_HEAD + DEEP + b"}"),
    "deep-toml": _write(b"[contact]\nname = " + DEEP + b"\n", ".toml"),
    "deep-toml-keys": _write(b"a" + b".a" * 400 + b" = 1\n", ".toml"),
    "huge-int-json": _write(DRAFT_HEAD + b"9" * 5000 + b"}"),
    "long-int-json": _write(
        b'{"contact": {"name": "A"}, "job": {"distance": ' + b"9" * 4000 + b"}}"
    ),
    "huge-int-toml": _write(b"[job]\ndistance = " + b"9" * 5000 + b"\n", ".toml"),
    "huge-float-json": _write(b'{"contact": {"name": "A"}, "job": {"distance": 1e999}}'),
    "fifo": _fifo,
}


def tree_snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under `root`: its bytes (None for a folder, b"<fifo>" for a
    named pipe, which is never opened: reading it would wait for a writer)."""
    snapshot: dict[str, bytes | None] = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs:
            snapshot[os.path.join(folder, name)] = None
        for name in names:
            path = os.path.join(folder, name)
            if stat.S_ISFIFO(os.lstat(path).st_mode):
                snapshot[path] = b"<fifo>"
                continue
            with open(path, "rb") as handle:
                snapshot[path] = handle.read()
    return snapshot


COMMANDS = ("render", "check", "wizard", "drafts-show", "import-linkedin")


@pytest.fixture(autouse=True)
def _work_folder(tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()


def scrubbed_env(tmp_path: Path) -> dict[str, str]:
    """Only what Python needs: no OUTREACH_TUI_*, TEXTUAL*, COLUMNS...; platform folders in tmp."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "LANG": "C.UTF-8",
        "PYTHONUTF8": "1",
        "TERM": "dumb",
    }
    if "SYSTEMROOT" in os.environ:  # pragma: no cover - Windows
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    return env


def run_cli(tmp_path: Path, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    work = tmp_path / "work"  # made by the _work_folder fixture, before any snapshot
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=scrubbed_env(tmp_path),
        cwd=work,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout[:500], result.stderr[:2000])
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("outreach-tui: error: "), lines[0]
    assert len(lines[0]) < 1000, "an error line should not dump the file"
    return lines[0]


def args_for(command: str, target: str, data: Path) -> list[str]:
    if command == "wizard":
        return ["--data-dir", str(data), "--answers", target]
    if command == "drafts-show":
        return ["--data-dir", str(data), "drafts", "show", target]
    return ["--data-dir", str(data), command, target]


@pytest.mark.parametrize("kind", list(BAD_FILES))
@pytest.mark.parametrize("command", COMMANDS)
def test_bad_file_gives_one_line_and_exit_2_and_changes_nothing(
    tmp_path: Path, command: str, kind: str
) -> None:
    data = tmp_path / "data"
    if command == "drafts-show":
        (data / "drafts").mkdir(parents=True)
        path = BAD_FILES[kind](data / "drafts" / DRAFT_ID)
        if path.suffix == ".toml":  # a draft is always <id>.json: the TOML text is its content
            path = path.rename(path.with_suffix(".json"))
        target = DRAFT_ID
    else:
        path = BAD_FILES[kind](tmp_path / f"bad-{kind}")
        target = str(path)
    before = tree_snapshot(tmp_path)

    result = run_cli(tmp_path, *args_for(command, target, data))

    line = assert_one_line_error(result)
    if command != "drafts-show":
        assert str(path) in line
    assert tree_snapshot(tmp_path) == before, "a bad file was changed, or something was written"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_name_with_dot_dot_is_read_as_named_or_refused(tmp_path: Path, command: str) -> None:
    """`../name` given on the command line: a file path is the user's explicit choice (read,
    here a damaged one, so exit 2); a draft id with `../` is refused outright."""
    data = tmp_path / "data"
    (data / "drafts").mkdir(parents=True)
    (tmp_path / "outside.json").write_bytes(b'{"contact": ')
    (data / "drafts" / "x.json").write_bytes(b'{"contact": ')
    target = "../drafts/x" if command == "drafts-show" else "../outside.json"
    before = tree_snapshot(tmp_path)

    line = assert_one_line_error(run_cli(tmp_path, *args_for(command, target, data)))

    if command == "drafts-show":
        assert "not a draft id" in line
    else:
        assert "outside.json" in line
    assert tree_snapshot(tmp_path) == before


def test_error_line_is_one_line_even_for_a_file_name_with_newlines_and_escapes(
    tmp_path: Path,
) -> None:
    """The error names the file; a name holding a newline or ESC must not break the one-line
    promise or reach the terminal as an escape sequence."""
    path = tmp_path / "evil\n\x1b[2Jname.json"
    path.write_bytes(b"[")
    result = run_cli(tmp_path, "--data-dir", str(tmp_path / "data"), "render", str(path))
    line = assert_one_line_error(result)
    assert "\x1b" not in line and "\\x1b[2J" in line and "\\x0a" in line


@pytest.mark.parametrize("command", ["render", "check", "wizard"])
def test_a_device_as_the_file_is_refused_at_once(tmp_path: Path, command: str) -> None:
    """/dev/zero never ends: it is refused as not a regular file, not read until memory runs
    out (the timeout guards against a hang)."""
    result = run_cli(tmp_path, *args_for(command, "/dev/zero", tmp_path / "data"), timeout=20)
    assert "not a regular file" in assert_one_line_error(result)


def test_wizard_with_bad_answers_never_starts_the_ui(tmp_path: Path) -> None:
    """Bad --answers fails before Textual is even imported: the process returns (a timeout
    guards against a TUI waiting for keys) and prints nothing on stdout (no screen drawn)."""
    path = tmp_path / "bad.json"
    path.write_bytes(b"{")
    result = run_cli(
        tmp_path, "--data-dir", str(tmp_path / "data"), "--answers", str(path), timeout=20
    )
    assert_one_line_error(result)
    assert not (tmp_path / "data").exists()
