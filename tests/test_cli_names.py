"""`render` and `check` with and without the name in the greeting, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ANSWERS_TOML = """\
[sender]
name = "Jordan Lee (they/them) 🌻"

[contact]
name = "Wang Fang, MLIS 🌱"
honorific = "Ms."
{greeting}organization = "Westerly Public Library"

[research]
shared_connections = ["Priyanka Desai, PhD"]

[goal]
learn = "how the archive plans its work"
"""
CHANNELS = ("message", "connection-note", "email", "follow-up", "thank-you")


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OUTREACH_TUI")}
    env |= {"OUTREACH_TUI_DATA_DIR": str(tmp_path / "data"), "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


def answers_file(tmp_path: Path, greeting: str) -> Path:
    path = tmp_path / "answers.toml"
    path.write_text(ANSWERS_TOML.format(greeting=greeting), encoding="utf-8")
    return path


@pytest.mark.parametrize("channel", CHANNELS)
def test_render_with_the_name_in_the_greeting(tmp_path: Path, channel: str) -> None:
    path = answers_file(tmp_path, 'greeting_name = "Wang"\n')
    result = run(tmp_path, "render", "--channel", channel, str(path))
    assert result.returncode == 0, result.stderr
    body = result.stdout.split("\n\n", 1)[-1] if result.stdout.startswith("Subject") else ""
    assert (body or result.stdout).startswith("Dear Ms. Wang,")
    for decoration in ("🌱", "🌻", "MLIS", "PhD", "they/them"):
        assert decoration not in result.stdout


def test_render_without_it_greets_by_the_parse(tmp_path: Path) -> None:
    path = answers_file(tmp_path, "")
    result = run(tmp_path, "render", str(path))
    assert result.returncode == 0, result.stderr
    assert "\nDear Ms. Fang,\n" in result.stdout
    assert "MLIS" not in result.stdout and "🌱" not in result.stdout


def test_check_flags_an_unsure_greeting_until_it_is_set(tmp_path: Path) -> None:
    unsure = run(tmp_path, "check", "--json", str(answers_file(tmp_path, "")))
    assert unsure.returncode == 0, unsure.stderr
    reasons = {r["id"]: r for r in json.loads(unsure.stdout)["reasons"]}
    assert "greeting" in reasons
    assert "“Wang” may be their family name" in reasons["greeting"]["text"]
    assert "Name in the greeting" in reasons["greeting"]["suggestion"]
    assert reasons["greeting"]["points"] == 0
    sure = run(tmp_path, "check", "--json", str(answers_file(tmp_path, 'greeting_name = "Wang"\n')))
    assert "greeting" not in {r["id"] for r in json.loads(sure.stdout)["reasons"]}


def test_a_saved_draft_carries_the_key_and_an_older_one_loads_unchanged(tmp_path: Path) -> None:
    draft = {
        "schema_version": 2,
        "answers": {
            "sender": {"name": "Jordan Lee"},
            "contact": {
                "name": "Annelies van der Berg",
                "honorific": "Ms.",
                "organization": "Westerly",
            },
            "goal": {"learn": "how the archive plans its work"},
        },
        "channel": "message",
        "message": "Dear Ms. van der Berg,\n\nMy own words.",
    }
    older = tmp_path / "older.json"
    older.write_text(json.dumps(draft), encoding="utf-8")
    result = run(tmp_path, "render", "--channel", "email", str(older))
    assert result.returncode == 0, result.stderr
    assert "\nDear Ms. van der Berg,\n" in result.stdout
    draft["answers"]["contact"]["greeting_name"] = "Mevrouw van der Berg"  # type: ignore[index]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(draft), encoding="utf-8")
    result = run(tmp_path, "render", "--channel", "email", str(newer))
    assert "\nDear Mevrouw van der Berg,\n" in result.stdout


def test_a_greeting_name_that_is_not_text_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = answers_file(tmp_path, "greeting_name = [1, 2]\n")
    result = run(tmp_path, "render", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "contact.greeting_name must be text" in result.stderr
    assert "Traceback" not in result.stderr
