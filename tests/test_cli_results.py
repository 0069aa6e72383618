"""Closing the loop from the shell, as a user runs it (real subprocesses, real files in
tmp_path): `drafts add`, `stats [--json]`, `import-linkedin` updating drafts (or not, with
--no-update-drafts) and `check` with the own-results note. Bad input: exit 2, one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_tui.core.results.chart import EMPTY_STATE
from samples import SENDER_AND_CONTACT

STATS_KEYS = {
    "schema",
    "sent",
    "replied",
    "no_reply",
    "interviews_held",
    "thanked",
    "not_sent",
    "reply_rate",
    "median_days_to_reply",
    "by_hook",
    "by_channel",
    "by_score",
    "by_follow_up",
}


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "OUTREACH_TUI_CONFIG_DIR": str(data.parent / "config")},
    )


def one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and ": error: " in lines[0] and needle in lines[0], result.stderr


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    data = {
        **SENDER_AND_CONTACT,
        "research": {"shared_connections": ["Priya Shah"]},
        "goal": {"learn": "how the library supports new staff", "ask_minutes": "15-20"},
    }
    path = tmp_path / "alex.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def add(answers: Path, data: Path, *options: str) -> str:
    result = run("drafts", "add", str(answers), *options, data=data)
    assert result.returncode == 0, result.stderr
    draft_id = result.stdout.strip()
    assert (data / "drafts" / f"{draft_id}.json").is_file()
    return draft_id


def test_drafts_add_saves_the_rendered_message(answers_file: Path, data_dir: Path) -> None:
    draft_id = add(answers_file, data_dir, "--channel", "email", "--title", "Alex  at Westerly")
    saved = json.loads((data_dir / "drafts" / f"{draft_id}.json").read_text(encoding="utf-8"))
    assert (saved["channel"], saved["title"]) == ("email", "Alex at Westerly")
    assert "Priya Shah" in saved["message"] and saved["subject"]
    assert saved["tracking"]["status"] == "draft"
    shown = run("drafts", "show", draft_id, data=data_dir)
    assert "Priya Shah" in shown.stdout


@pytest.mark.parametrize(
    ("arguments", "needle"),
    [
        (["missing.json"], "missing.json"),
        (["{answers}", "--channel", "carrier-pigeon"], "unknown channel"),
        (["{empty}"], "missing required answer"),
    ],
)
def test_drafts_add_bad_input(
    arguments: list[str], needle: str, answers_file: Path, data_dir: Path
) -> None:
    empty = answers_file.with_name("empty.json")
    empty.write_text("{}", encoding="utf-8")
    paths = {"{answers}": str(answers_file), "{empty}": str(empty)}
    result = run("drafts", "add", *(paths.get(a, a) for a in arguments), data=data_dir)
    one_line_error(result, needle)
    assert not (data_dir / "drafts").exists() or not list((data_dir / "drafts").glob("*.json"))


def test_stats_empty_then_json(answers_file: Path, data_dir: Path) -> None:
    result = run("stats", data=data_dir)
    assert result.returncode == 0 and " ".join(result.stdout.split()) == EMPTY_STATE
    first = add(answers_file, data_dir)
    add(answers_file, data_dir)
    for status, day in (("sent", "2025-02-01"), ("replied", "2025-02-04")):
        assert run("drafts", "mark", first, status, "--date", day, data=data_dir).returncode == 0
    result = run("stats", "--json", data=data_dir)
    stats = json.loads(result.stdout)
    assert set(stats) == STATS_KEYS
    assert (stats["sent"], stats["replied"], stats["not_sent"]) == (1, 1, 1)
    assert (stats["reply_rate"], stats["median_days_to_reply"]) == (1.0, 3.0)
    hook = next(group for group in stats["by_hook"] if group["key"] == "connection")
    assert (hook["key"], hook["sent"], hook["replied"]) == ("connection", 1, 1)
    assert [g["key"] for g in stats["by_score"]] == ["1-3", "4-6", "7-10"]
    text = run("stats", data=data_dir).stdout
    assert "replies: 1 of 1 · median 3 days to a reply" in text
    assert "a shared connection" in text and "1 of 1" in text and "%" not in text


def write_export(folder: Path) -> Path:
    folder.mkdir()
    (folder / "Connections.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Alex,Morgan,,,Westerly Public Library,Head of Reference,01 Jan 2024\n",
        encoding="utf-8",
    )
    (folder / "messages.csv").write_text(
        "CONVERSATION ID,FROM,TO,DATE,CONTENT\n"
        'c1,Jordan Lee,"Alex Morgan, MLIS",2099-01-02 10:00:00 UTC,never read\n'
        "c1,Alex Morgan,Jordan Lee,2099-01-05 10:00:00 UTC,never read either\n",
        encoding="utf-8",
    )
    return folder


def test_import_updates_drafts_unless_told_not_to(
    answers_file: Path, data_dir: Path, tmp_path: Path
) -> None:
    draft_id = add(answers_file, data_dir)
    export = write_export(tmp_path / "export")
    result = run("import-linkedin", str(export), "--no-update-drafts", data=data_dir)
    assert result.returncode == 0, result.stderr
    assert "updated" not in result.stdout
    listed = json.loads(run("drafts", "list", "--json", data=data_dir).stdout)
    assert listed[0]["status"] == "draft"

    result = run("import-linkedin", str(export), data=data_dir)
    assert result.returncode == 0, result.stderr
    assert (
        "1 draft updated from your messages: Alex Morgan sent on 2 Jan 2099 "
        "and replied on 5 Jan 2099"
    ) in result.stdout
    saved = json.loads((data_dir / "drafts" / f"{draft_id}.json").read_text(encoding="utf-8"))
    history = saved["tracking"]["history"]
    assert [(h["action"], h["on"]) for h in history] == [
        ("sent", "2099-01-02"),
        ("replied", "2099-01-05"),
    ]
    assert all(h["source"].startswith("from your LinkedIn export imported on") for h in history)
    again = run("import-linkedin", str(export), data=data_dir)
    assert "updated" not in again.stdout  # nothing new
    shown = run("drafts", "show", draft_id, data=data_dir).stdout
    assert "history:      2099-01-02 sent (from your LinkedIn export imported on" in shown
    undone = run("drafts", "mark", draft_id, "sent", "--date", "2099-01-02", data=data_dir)
    assert undone.returncode == 0  # a change from the export is undone like any other
    assert json.loads(run("drafts", "list", "--json", data=data_dir).stdout)[0]["status"] == "sent"


def test_check_adds_your_own_results_and_keeps_the_score(
    answers_file: Path, data_dir: Path
) -> None:
    before = json.loads(run("check", str(answers_file), "--json", data=data_dir).stdout)
    assert before["own_results"] is None
    for number in range(5):
        draft_id = add(answers_file, data_dir)
        assert run("drafts", "mark", draft_id, "sent", data=data_dir).returncode == 0
        if number < 2:
            assert run("drafts", "mark", draft_id, "replied", data=data_dir).returncode == 0
    after = json.loads(run("check", str(answers_file), "--json", data=data_dir).stdout)
    note = "Your own results: with a shared connection, 2 of 5 replied."
    assert after["own_results"] == note
    assert {k: v for k, v in after.items() if k != "own_results"} == {
        k: v for k, v in before.items() if k != "own_results"
    }
    assert f"note  {note}" in run("check", str(answers_file), data=data_dir).stdout
