"""The command line, run as a user runs it: a separate process, exit status, stdout and stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

from outreach_tui import __version__
from outreach_tui.cli import build_parser
from samples import SENDER_AND_CONTACT

ANSWERS: dict[str, Any] = {
    **deepcopy(SENDER_AND_CONTACT),
    "research": {
        "shared_connections": ["Sam Patel"],
        "groups": [],
        "public_activity": [],
        "web_search": "",
    },
    "job": {"distance": 250, "unit": "miles"},
    "goal": {"learn": "how the library supports new staff", "ask_minutes": "15-20"},
    "premium": False,
}

ANSWERS_TOML = """\
[sender]
name = "Jordan Lee"

[contact]
name = "Alex Morgan"
honorific = "dr"
organization = "Westerly Public Library"

[research]
groups = ["New Members Round Table"]

[job]
distance = 160
unit = "km"

[goal]
learn = "how the library supports new staff"
ask_minutes = "20"
"""


class Result:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "COLUMNS", "LINES", "FORCE_COLOR")
        and not k.startswith("TEXTUAL")
        and not k.startswith("OUTREACH_TUI")
    }
    clean["OUTREACH_TUI_DATA_DIR"] = str(tmp_path / "data")
    clean["PYTHONUTF8"] = "1"
    return clean


@pytest.fixture
def cli(env: dict[str, str], tmp_path: Path) -> Any:
    def run(*args: str) -> Result:
        proc = subprocess.run(
            [sys.executable, "-m", "outreach_tui", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        return Result(proc)

    return run


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def assert_bad_input(result: Result, *fragments: str) -> str:
    """Exit 2, nothing on stdout, exactly one line on stderr, no traceback."""
    assert result.code == 2, (result.code, result.out, result.err)
    assert "Traceback" not in result.err
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    line = lines[0]
    assert line.startswith("outreach-tui: error: "), line
    for fragment in fragments:
        assert fragment in line, line
    return line


# --- version and help ------------------------------------------------------------------------


def test_version(cli: Any) -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.out == f"outreach-tui {__version__}\n"
    assert result.err == ""


def test_help_mentions_every_flag_and_render(cli: Any) -> None:
    result = cli("--help")
    assert result.code == 0
    assert result.err == ""
    for flag in ("--help", "--version", "--data-dir", "--answers", "render"):
        assert flag in result.out
    parser = build_parser()
    for action in parser._actions:
        for option in action.option_strings:
            assert option in result.out
        assert action.help is None or action.help.strip()
    assert "OUTREACH_TUI_DATA_DIR" in result.out


def test_render_help_mentions_channel_and_channels(cli: Any) -> None:
    result = cli("render", "--help")
    assert result.code == 0
    assert "--channel" in result.out
    assert "message" in result.out
    assert "connection-note" in result.out


# --- render ----------------------------------------------------------------------------------


def test_render_json_message(cli: Any, tmp_path: Path) -> None:
    path = write_json(tmp_path / "alex.json", ANSWERS)
    result = cli("render", str(path))
    assert result.code == 0, result.err
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0].startswith("Subject: ")
    assert "a connection we share: Sam Patel" in lines[0]
    assert lines[1] == ""
    assert lines[2] == "Dear Ms. Morgan,"
    assert "Sam Patel" in result.out
    assert "250 miles" in result.out
    assert lines[-1] == "Jordan Lee"
    assert result.out.endswith("Jordan Lee\n")
    assert "None" not in result.out


def test_render_toml(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "alex.toml"
    path.write_text(ANSWERS_TOML, encoding="utf-8")
    result = cli("render", str(path), "--channel", "message")
    assert result.code == 0, result.err
    assert result.out.startswith("Subject: ")
    assert "Dear Dr. Morgan," in result.out
    assert "New Members Round Table" in result.out
    assert "160 km" in result.out
    assert "a 20-minute call" in result.out


def test_render_connection_note(cli: Any, tmp_path: Path) -> None:
    path = write_json(tmp_path / "alex.json", ANSWERS)
    result = cli("render", str(path), "--channel", "connection-note")
    assert result.code == 0, result.err
    assert "Subject:" not in result.out
    note = result.out.rstrip("\n")
    assert note.startswith("Dear Ms. Morgan,")
    assert "Sam Patel" in note
    assert len(note) <= 200
    assert result.err == ""


LONG_ORG = "Consolidated Regional Library Cooperative of Northern and Central Massachusetts"


@pytest.mark.parametrize("command", ["render", "check"])
def test_connection_note_is_shortened_to_fit_like_the_wizard(
    cli: Any, tmp_path: Path, command: str
) -> None:
    data = deepcopy(ANSWERS)
    data["contact"]["organization"] = LONG_ORG
    data["sender"]["name"] = "Jordan Alexandra Lee-Whitfield"
    path = write_json(tmp_path / "alex.json", data)
    rendered = cli("render", str(path), "--channel", "connection-note")
    assert rendered.code == 0, rendered.err
    note = rendered.out.rstrip("\n")
    assert len(note) <= 200, note
    assert "Sam Patel" in note  # the hook is kept
    assert rendered.err == ""
    if command == "check":
        checked = cli("check", str(path), "--channel", "connection-note", "--json")
        assert checked.code == 0, checked.err
        assert json.loads(checked.out)["length"]["chars"] == len(note)


@pytest.mark.parametrize("premium", [False, True])
def test_connection_note_that_cannot_fit_says_why_in_one_line(
    cli: Any, tmp_path: Path, premium: bool
) -> None:
    group = "Guild of " + "Very " * 50 + "Long Names"
    data = deepcopy(ANSWERS)
    data["research"] = {"groups": [group]}
    data["premium"] = premium
    path = write_json(tmp_path / "alex.json", data)
    for command in ("render", "check"):
        result = cli(command, str(path), "--channel", "connection-note")
        assert result.code == 0, result.err
        assert "Traceback" not in result.err
        lines = result.err.splitlines()
        assert len(lines) == 1, result.err
        limit = "300" if premium else "200"
        assert lines[0].startswith("outreach-tui: warning: the connection note is ")
        assert f"over the {limit}" in lines[0]
        assert "the group hook alone is" in lines[0]
    note = cli("render", str(path), "--channel", "connection-note").out
    assert group in note  # the hook is never cut, the user decides


def test_connection_note_with_a_web_search_hook_keeps_it(cli: Any, tmp_path: Path) -> None:
    data = deepcopy(ANSWERS)
    data["research"] = {"web_search": "your interview in Library Journal"}
    path = write_json(tmp_path / "alex.json", data)
    for channel in ("connection-note", "follow-up"):
        result = cli("render", str(path), "--channel", channel)
        assert result.code == 0, result.err
        assert "your interview in Library Journal" in result.out, channel
        assert ("I read" if channel == "connection-note" else "after reading") in result.out


def test_render_relative_path_and_flags_before_command(cli: Any, tmp_path: Path) -> None:
    write_json(tmp_path / "alex.json", ANSWERS)
    result = cli("--data-dir", str(tmp_path / "elsewhere"), "render", "alex.json")
    assert result.code == 0, result.err
    assert "Dear Ms. Morgan," in result.out
    assert not (tmp_path / "elsewhere").exists(), "render must not write anything"


def test_render_injection_is_literal(cli: Any, tmp_path: Path) -> None:
    data = json.loads(json.dumps(ANSWERS))
    data["contact"]["organization"] = "Westerly {{ 7*7 }} {% raw %} [bold] Library"
    path = write_json(tmp_path / "alex.json", data)
    result = cli("render", str(path))
    assert result.code == 0, result.err
    assert "Westerly {{ 7*7 }} {% raw %} [bold] Library" in result.out
    assert "49" not in result.out


def saved_draft(tmp_path: Path, **changes: Any) -> Path:
    draft: dict[str, Any] = {
        "schema_version": 1,
        "id": "alex-morgan-k3x9",
        "created": "2024-05-01T10:00:00+00:00",
        "updated": "2024-05-01T10:20:00+00:00",
        "channel": "message",
        "answers": ANSWERS,
        "subject": "Questions about Westerly Public Library",
        "message": (
            "Dear Ms. Morgan,\n\nMy own words, edited by hand after the preview.\n\n"
            "Best regards,\nJordan Lee"
        ),
    }
    draft.update(changes)
    folder = tmp_path / "data" / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    return write_json(folder / "alex-morgan-k3x9.json", draft)


def test_render_saved_draft_prints_saved_text_with_edits(cli: Any, tmp_path: Path) -> None:
    path = saved_draft(tmp_path)
    result = cli("render", str(path))
    assert result.code == 0, result.err
    assert result.out == (
        "Subject: Questions about Westerly Public Library\n\n"
        "Dear Ms. Morgan,\n\nMy own words, edited by hand after the preview.\n\n"
        "Best regards,\nJordan Lee\n"
    )
    # the same channel asked for explicitly: still the saved text
    again = cli("render", str(path), "--channel", "message")
    assert again.out == result.out


def test_render_saved_note_draft_has_no_subject(cli: Any, tmp_path: Path) -> None:
    path = saved_draft(
        tmp_path, channel="connection-note", subject=None, message="Hi Alex, edited note."
    )
    result = cli("render", str(path))
    assert result.code == 0, result.err
    assert result.out == "Hi Alex, edited note.\n"


def test_render_saved_draft_for_another_channel_renders_its_answers(
    cli: Any, tmp_path: Path
) -> None:
    path = saved_draft(tmp_path)
    result = cli("render", str(path), "--channel", "connection-note")
    assert result.code == 0, result.err
    assert "edited by hand" not in result.out
    assert result.out.startswith("Dear Ms. Morgan,")
    assert "Sam Patel" in result.out


# --- bad input -------------------------------------------------------------------------------


def test_missing_file(cli: Any, tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    assert_bad_input(cli("render", str(missing)), str(missing), "no such file")


def test_folder_instead_of_file(cli: Any, tmp_path: Path) -> None:
    assert_bad_input(cli("render", str(tmp_path)), "folder")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a mode-000 file"
)
def test_unreadable_file(cli: Any, tmp_path: Path) -> None:
    path = write_json(tmp_path / "secret.json", ANSWERS)
    path.chmod(0)
    try:
        assert_bad_input(cli("render", str(path)), str(path), "permission denied")
    finally:
        path.chmod(0o600)


def test_invalid_json(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "sender": {"name": "x",}\n}\n', encoding="utf-8")
    assert_bad_input(cli("render", str(path)), str(path), "invalid JSON", "line 2", "column")


def test_invalid_toml(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[sender]\nname = "x"\nname = "y"\n', encoding="utf-8")
    assert_bad_input(cli("render", str(path)), str(path), "invalid TOML", "line 3")


def test_non_utf8_file(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"sender": {"name": "Zoë"}}'.encode("latin-1"))
    assert_bad_input(cli("render", str(path)), "UTF-8")


def test_wrong_type(cli: Any, tmp_path: Path) -> None:
    data = json.loads(json.dumps(ANSWERS))
    data["job"]["distance"] = "far"
    path = write_json(tmp_path / "far.json", data)
    assert_bad_input(cli("render", str(path)), str(path), "job.distance", "'far'")


def test_wrong_type_inside_a_draft(cli: Any, tmp_path: Path) -> None:
    answers = json.loads(json.dumps(ANSWERS))
    answers["premium"] = "yes"
    path = saved_draft(tmp_path, answers=answers)
    assert_bad_input(cli("render", str(path)), "premium")


def test_answers_not_an_object(cli: Any, tmp_path: Path) -> None:
    path = write_json(tmp_path / "list.json", [1, 2, 3])
    assert_bad_input(cli("render", str(path)), str(path))


def test_unknown_channel(cli: Any, tmp_path: Path) -> None:
    path = write_json(tmp_path / "alex.json", ANSWERS)
    assert_bad_input(cli("render", str(path), "--channel", "fax"), "'fax'", "message")


def test_unknown_channel_for_a_draft(cli: Any, tmp_path: Path) -> None:
    path = saved_draft(tmp_path)
    assert_bad_input(cli("render", str(path), "--channel", "fax"), "'fax'")


def test_missing_required_answer(cli: Any, tmp_path: Path) -> None:
    data = json.loads(json.dumps(ANSWERS))
    del data["goal"]["learn"]
    data["contact"]["organization"] = "  "
    path = write_json(tmp_path / "partial.json", data)
    line = assert_bad_input(
        cli("render", str(path)), str(path), "missing required answer", "goal.learn"
    )
    assert "contact.organization" in line
    assert "sender.name" not in line


@pytest.mark.parametrize("command", ["render", "check"])
def test_a_goal_over_its_limit_says_so_not_missing(cli: Any, tmp_path: Path, command: str) -> None:
    data = json.loads(json.dumps(ANSWERS))
    data["goal"]["learn"] = "how the reference desk works " * 10
    path = write_json(tmp_path / "long-goal.json", data)
    line = assert_bad_input(cli(command, str(path)), "goal.learn", "limited to 200 characters")
    assert "missing" not in line


def test_empty_answers_object(cli: Any, tmp_path: Path) -> None:
    path = write_json(tmp_path / "empty.json", {})
    assert_bad_input(cli("render", str(path)), "missing required answer", "sender.name")


@pytest.mark.parametrize(
    "args",
    [
        ("--bogus",),
        ("render", "x.json", "--bogus"),
        ("--data-dir",),
    ],
    ids=["top-level", "after-render", "flag-without-value"],
)
def test_unknown_or_incomplete_flag(cli: Any, args: tuple[str, ...]) -> None:
    assert_bad_input(cli(*args))


def test_render_without_file(cli: Any) -> None:
    result = cli("render")
    assert result.code == 2
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("outreach-tui")
    assert "error:" in lines[0]
    assert "FILE" in lines[0]


def test_unreadable_file_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same case as test_unreadable_file, runnable as root: reading raises PermissionError.
    from outreach_tui.cli import main

    path = write_json(tmp_path / "secret.json", ANSWERS)
    real_open = os.open

    def fake_open(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    assert main(["render", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"outreach-tui: error: {path}: permission denied\n"


# --- output that cannot take the text --------------------------------------------------------


def test_closed_pipe_is_not_a_traceback(env: dict[str, str], tmp_path: Path) -> None:
    # `outreach-tui render x.json | head -0`: the reader is gone before anything is written.
    path = write_json(tmp_path / "alex.json", ANSWERS)
    proc = subprocess.Popen(
        [sys.executable, "-m", "outreach_tui", "render", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err
    assert "BrokenPipe" not in err


def test_output_encoding_that_cannot_show_the_text(env: dict[str, str], tmp_path: Path) -> None:
    data = json.loads(json.dumps(ANSWERS))
    data["sender"]["name"] = "Zoë Lee"
    path = write_json(tmp_path / "zoe.json", data)
    env = {**env, "PYTHONIOENCODING": "ascii"}
    env.pop("PYTHONUTF8", None)
    proc = subprocess.run(
        [sys.executable, "-m", "outreach_tui", "render", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    result = Result(proc)
    assert_bad_input(result, "encoding", "ascii")


def test_draft_from_a_newer_version(cli: Any, tmp_path: Path) -> None:
    path = saved_draft(tmp_path, schema_version=999)
    assert_bad_input(cli("render", str(path)), str(path), "newer version")


def test_starting_with_no_arguments_means_what_the_parser_would_say() -> None:
    """`outreach-tui` alone skips building the parser (a faster start); what it runs with must
    be what the parser gives for no arguments, whatever options are added later."""
    from outreach_tui.cli import wizard_defaults

    assert vars(wizard_defaults()) == vars(build_parser().parse_args([]))


def test_no_arguments_does_not_load_argparse() -> None:
    code = (
        "import sys\n"
        "import outreach_tui.cli as cli, outreach_tui.cli.wizard as wizard\n"
        "wizard.cmd_wizard = lambda args: print(sorted(vars(args))) or 0\n"
        "cli.main([])\n"
        "print('argparse' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["['answers', 'command', 'data_dir', 'plain']", "False"]


@pytest.mark.parametrize(
    ("args", "modules"),
    [
        (["--version"], []),
        (["render", "{file}"], ["config", "output", "render"]),
        (["drafts", "list"], ["config", "drafts", "output"]),
        (["templates", "list"], ["config", "output", "templates"]),
    ],
)
def test_a_command_loads_only_its_own_module(
    env: dict[str, str], tmp_path: Path, args: list[str], modules: list[str]
) -> None:
    """Each command group lives in its own module, imported only when that command runs: a new
    command costs nothing to the start of the others (`--version`, the wizard)."""
    path = write_json(tmp_path / "alex.json", ANSWERS)
    argv = [arg.format(file=path) for arg in args]
    code = (
        "import contextlib, io, sys\n"
        "from outreach_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({argv!r})\n"
        "assert status == 0, status\n"
        "print(sorted(m.rpartition('.')[2] for m in sys.modules "
        "if m.startswith('outreach_tui.cli.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == repr(modules)
