"""`outreach-tui check` as a user runs it: a real subprocess on real temporary files."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.model.answers_load import answers_from_dict
from samples import WARM_ANSWERS

ANSWERS: dict[str, Any] = {**deepcopy(WARM_ANSWERS), "premium": False}
EDITED = (
    "Hey Alex!!\n\nI saw your photos on Facebook. Could you refer me for a job?\n\nThanks, [Name]"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", "check", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("outreach-tui") and "error:" in lines[0]
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "alex.json"
    path.write_text(json.dumps(ANSWERS), encoding="utf-8")
    return path


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    """A saved draft whose text the user edited into something alarming."""
    draft = Draft(
        answers=answers_from_dict(ANSWERS),
        channel="message",
        subject="Hi",
        message=EDITED,
        id="alex-morgan-abc123",
        created="2025-01-01T00:00:00+00:00",
        updated="2025-01-01T00:00:00+00:00",
    )
    path = tmp_path / "alex-morgan-abc123.json"
    path.write_text(json.dumps(draft.to_dict()), encoding="utf-8")
    return path


def test_human_output_for_an_answers_file(answers_file: Path) -> None:
    result = run(str(answers_file))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "/10 · natural" in out
    assert "█" in out
    assert "Priya Shah" in out
    assert "/ 2,000 characters" in out
    for rule in ("short", "connection-early", "one-ask", "no-placeholders", "goal"):
        assert rule in out
    assert " ! " not in out  # the built-in message passes every rule


def test_json_is_the_stable_object(answers_file: Path) -> None:
    result = run(str(answers_file), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"score", "reasons", "rules", "length"} <= set(data)
    assert 1 <= data["score"] <= 3
    assert all({"points", "text"} <= set(r) for r in data["reasons"])
    assert all({"id", "ok", "message"} <= set(r) for r in data["rules"])
    assert data["length"]["limit"] == 2000
    assert data["length"]["chars"] > 0
    assert data["channel"] == "message"


def test_channel_option_renders_for_that_channel(answers_file: Path) -> None:
    data = json.loads(run(str(answers_file), "--channel", "connection-note", "--json").stdout)
    assert data["channel"] == "connection-note"
    assert data["length"]["limit"] == 200
    assert data["subject_length"] is None
    data = json.loads(run(str(answers_file), "--channel", "email", "--json").stdout)
    assert data["subject_length"]["limit"] == 998


def test_toml_answers(tmp_path: Path) -> None:
    path = tmp_path / "alex.toml"
    path.write_text(
        '[sender]\nname = "Jordan Lee"\n[contact]\nname = "Alex Morgan"\n'
        'organization = "Westerly Public Library"\n[goal]\nlearn = "how it works"\n',
        encoding="utf-8",
    )
    result = run(str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert 5 <= data["score"] <= 6  # polite, with a purpose, but cold: uneasy
    assert data["label"] == "uneasy"
    assert "cold" in [r["id"] for r in data["reasons"]]


def test_a_draft_is_checked_as_saved_with_the_users_edits(draft_file: Path) -> None:
    result = run(str(draft_file), "--json")
    assert result.returncode == 0, result.stderr  # 0 whatever the score
    data = json.loads(result.stdout)
    assert data["score"] >= 8
    reasons = {r["id"] for r in data["reasons"]}
    assert {"personal", "exclamation", "casual-greeting"} <= reasons
    failing = {r["id"] for r in data["rules"] if not r["ok"]}
    assert {"no-job-ask", "no-placeholders", "subject-why"} <= failing
    assert data["length"]["chars"] == len(EDITED)


def test_a_draft_with_another_channel_renders_its_answers(draft_file: Path) -> None:
    data = json.loads(run(str(draft_file), "--channel", "email", "--json").stdout)
    assert data["channel"] == "email"
    assert data["score"] <= 3
    assert all(r["ok"] for r in data["rules"])


def test_human_output_shows_user_text_safely(draft_file: Path) -> None:
    result = run(str(draft_file))
    assert result.returncode == 0
    assert "[Name]" in result.stdout  # printed as text
    assert " ! no-placeholders" in result.stdout
    assert "->" in result.stdout  # suggestions


def test_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path / "nope.json")), "nope.json")


def test_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"sender": ', encoding="utf-8")
    assert_one_line_error(run(str(path)), "invalid JSON")


def test_unknown_channel(answers_file: Path) -> None:
    assert_one_line_error(run(str(answers_file), "--channel", "fax"), "unknown channel")


def test_wrong_types(tmp_path: Path) -> None:
    data = copy.deepcopy(ANSWERS)
    data["premium"] = "yes please"
    path = tmp_path / "typed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert_one_line_error(run(str(path)), "premium")


def test_missing_required_answers(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("{}", encoding="utf-8")
    assert_one_line_error(run(str(path)), "missing required answer")


def test_damaged_draft(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    path.write_text(json.dumps({"schema_version": 99, "answers": {}}), encoding="utf-8")
    assert_one_line_error(run(str(path)), "newer version")


def test_no_file_argument() -> None:
    result = run()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
