"""Hostile files in the data and config folders, as a user meets them from the command line: a
draft nested hundreds of levels deep, an integer of thousands of digits, a named pipe called
`x.json`, dates past what a calendar can hold, an unreadable config folder. Each is one damaged
entry or one line with exit status 2, never a traceback or a hang; the other drafts still list.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers import Answers, answers_to_dict
from test_cli_bad_files import DEEP, assert_one_line_error, scrubbed_env, tree_snapshot

DRAFT_HEAD = b'{"schema_version": 2, "answers": {"contact": {"name": "Alex Morgan"}}, "x": '
HOSTILE_DRAFTS: dict[str, bytes | None] = {
    "deep": DRAFT_HEAD + DEEP + b"}",
    "deep-object": DRAFT_HEAD + b'{"a": ' * 400 + b"1" + b"}" * 400 + b"}",
    "huge-int": DRAFT_HEAD + b"9" * 5000 + b"}",
    "pipe": None,  # a FIFO named pipe.json
}


def run(tmp_path: Path, *args: str, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "outreach_tui", *args]
    if unprivileged and os.geteuid() == 0:
        # root reads any folder: in a user namespace with no mapping, the owner's mode bits
        # apply again (the files stay root's, so 0600 files still read, 000 folders do not)
        command = ["unshare", "-U", *command]
    (tmp_path / "work").mkdir(exist_ok=True)
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=scrubbed_env(tmp_path),
        cwd=tmp_path / "work",
        stdin=subprocess.DEVNULL,
        timeout=30,
    )


@pytest.fixture
def library(data_dir: Path, full_answers: Answers) -> Draft:
    """One good draft and every hostile file beside it in drafts/."""
    good = Draft(answers=full_answers, channel="message", message="Dear Ms. Morgan,\n\nHi.")
    DraftStore(data_dir).save(good)
    for name, content in HOSTILE_DRAFTS.items():
        path = data_dir / "drafts" / f"{name}.json"
        if content is None:
            os.mkfifo(path)
        else:
            path.write_bytes(content)
    return good


def test_drafts_list_shows_each_hostile_file_as_damaged_and_the_rest(
    tmp_path: Path, data_dir: Path, library: Draft
) -> None:
    before = tree_snapshot(data_dir / "drafts")
    result = run(tmp_path, "--data-dir", str(data_dir), "drafts", "list", "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows[library.id]["damaged"] is False
    reasons = {name: rows[name]["error"] for name in HOSTILE_DRAFTS}
    assert all(rows[name]["damaged"] for name in HOSTILE_DRAFTS)
    assert "nested deeper than" in reasons["deep"]
    assert "nested deeper than" in reasons["deep-object"]
    assert "integer of more than" in reasons["huge-int"]
    assert "not a regular file" in reasons["pipe"]
    assert tree_snapshot(data_dir / "drafts") == before


@pytest.mark.parametrize("name", list(HOSTILE_DRAFTS))
@pytest.mark.parametrize(
    "action",
    [
        ("show",),
        ("mark", "{id}", "sent"),
        ("export", "{id}", "--txt", "out.txt"),
    ],
)
def test_every_drafts_command_on_a_hostile_draft_is_one_line(
    tmp_path: Path, data_dir: Path, library: Draft, name: str, action: tuple[str, ...]
) -> None:
    args = [part.format(id=name) for part in action]
    if args == ["show"]:
        args.append(name)
    before = tree_snapshot(data_dir / "drafts")
    assert_one_line_error(run(tmp_path, "--data-dir", str(data_dir), "drafts", *args))
    assert tree_snapshot(data_dir / "drafts") == before


def test_export_ics_skips_nothing_good_beside_hostile_drafts(
    tmp_path: Path, data_dir: Path, library: Draft
) -> None:
    marked = run(tmp_path, "--data-dir", str(data_dir), "drafts", "mark", library.id, "sent")
    assert marked.returncode == 0, marked.stderr
    target = tmp_path / "due.ics"
    result = run(tmp_path, "--data-dir", str(data_dir), "drafts", "export", "--ics", str(target))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "BEGIN:VEVENT" in target.read_text()


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (("--date", "9999-12-31"), "dates must lie between"),
        (("--date", "0001-01-01"), "dates must lie between"),
        (("--follow-up-days", "99999999999"), "--follow-up-days must be between"),
        (("--follow-up-days", "-1"), "--follow-up-days must be between"),
    ],
)
def test_mark_with_a_date_or_delay_out_of_range_is_one_line(
    tmp_path: Path, data_dir: Path, full_answers: Answers, extra: tuple[str, str], needle: str
) -> None:
    draft = Draft(answers=full_answers, channel="message", message="Hi.")
    DraftStore(data_dir).save(draft)
    before = tree_snapshot(data_dir)
    result = run(tmp_path, "--data-dir", str(data_dir), "drafts", "mark", draft.id, "sent", *extra)
    assert_one_line_error(result)
    assert needle in result.stderr
    assert tree_snapshot(data_dir) == before


def test_a_draft_dated_past_the_calendar_is_damaged_not_a_crash(
    tmp_path: Path, data_dir: Path, library: Draft
) -> None:
    """A synced draft whose follow-up is due 9999-12-31 (a day later does not exist)."""
    path = DraftStore(data_dir).path_for(library.id)
    data = json.loads(path.read_text())
    data["tracking"] = {"status": "sent", "sent_on": "9999-12-24", "follow_up_due": "9999-12-31"}
    path.write_text(json.dumps(data))
    listed = run(tmp_path, "--data-dir", str(data_dir), "drafts", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    row = next(r for r in json.loads(listed.stdout) if r["id"] == library.id)
    assert row["damaged"] and "dates must lie between" in row["error"]
    result = run(tmp_path, "--data-dir", str(data_dir), "drafts", "export", "--ics", "x.ics")
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare to drop root")
@pytest.mark.parametrize("locked", ["config", "templates"])
def test_an_unreadable_config_or_templates_folder_says_so_and_uses_the_defaults(
    tmp_path: Path, locked: str, full_answers: Answers
) -> None:
    config = tmp_path / "xdg-config" / "outreach-tui"
    (config / "templates").mkdir(parents=True)
    (config / "settings.toml").write_text('channel = "email"\n')
    folder = config if locked == "config" else config / "templates"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(answers_to_dict(full_answers)))
    folder.chmod(0o000)
    try:
        result = run(
            tmp_path,
            "--data-dir",
            str(tmp_path / "data"),
            "render",
            str(answers),
            unprivileged=True,
        )
    finally:
        folder.chmod(0o700)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Morgan" in result.stdout
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith("outreach-tui: warning: ")
    assert "permission denied" in warnings[0].lower()
    assert str(folder) in warnings[0]
    assert "default" in warnings[0]


def test_the_cli_says_once_that_others_can_read_your_files(
    tmp_path: Path, data_dir: Path, library: Draft
) -> None:
    (data_dir / "drafts").chmod(0o755)
    DraftStore(data_dir).path_for(library.id).chmod(0o644)
    result = run(tmp_path, "--data-dir", str(data_dir), "drafts", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("outreach-tui: warning: 2 item(s) in your data folder can be read")
    assert "chmod -R go-rwx" in lines[0]


def test_the_cli_reports_a_drafts_folder_linked_elsewhere_and_never_writes_there(
    tmp_path: Path, data_dir: Path, full_answers: Answers
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir(mode=0o700)
    data_dir.mkdir(mode=0o700)
    (data_dir / "drafts").symlink_to(outside, target_is_directory=True)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(answers_to_dict(full_answers)))
    listed = run(tmp_path, "--data-dir", str(data_dir), "drafts", "list")
    assert listed.returncode == 0
    assert "is a symbolic link" in listed.stderr and "not writing through it" in listed.stderr
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        b"[sender]\nname = " + DEEP + b"\n",
        b"follow_up_days = " + b"9" * 5000 + b"\n",
    ],
    ids=["deep", "huge-int"],
)
def test_a_hostile_settings_file_is_one_warning_and_the_defaults(
    tmp_path: Path, full_answers: Answers, content: bytes
) -> None:
    config = tmp_path / "xdg-config" / "outreach-tui"
    config.mkdir(parents=True)
    (config / "settings.toml").write_bytes(content)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(answers_to_dict(full_answers)))
    result = run(tmp_path, "--data-dir", str(tmp_path / "data"), "render", str(answers))
    assert result.returncode == 0, result.stderr
    assert "Morgan" in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("outreach-tui: warning: "), result.stderr
    assert (config / "settings.toml").read_bytes() == content


@pytest.mark.parametrize(
    "line",
    [b"[" * 400 + b"]" * 400, b'{"id": ' + b"9" * 5000 + b"}"],
    ids=["deep", "huge-int"],
)
def test_a_hostile_index_line_is_ignored_and_rebuilt(
    tmp_path: Path, data_dir: Path, library: Draft, line: bytes
) -> None:
    listed = run(tmp_path, "--data-dir", str(data_dir), "drafts", "list", "--json")
    assert listed.returncode == 0
    index = data_dir / "index.json"
    header = index.read_bytes().splitlines()[0]
    index.write_bytes(header + b"\n" + line + b"\n")
    result = run(tmp_path, "--data-dir", str(data_dir), "drafts", "list", "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert library.id in {row["id"] for row in json.loads(result.stdout)}
