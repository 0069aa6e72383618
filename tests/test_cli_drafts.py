"""`outreach-tui drafts ...` as a user runs it: a real subprocess against a temporary folder.
Bad input of every kind gives exit status 2 and one line on stderr, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers import Answers


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("outreach-tui") and ": error: " in lines[0]
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture
def saved(data_dir: Path, full_answers: Answers) -> Draft:
    draft = Draft(
        answers=full_answers,
        channel="message",
        subject="A question \x1b[31m",
        message="Dear Ms. Morgan,\n\nHello.\n\nJordan Lee",
    )
    DraftStore(data_dir).save(draft)
    return draft


def test_list_table_and_json(data_dir: Path, saved: Draft) -> None:
    result = run("--data-dir", str(data_dir), "drafts", "list")
    assert result.returncode == 0, result.stderr
    assert saved.id in result.stdout
    assert "Alex Morgan (Westerly Public Library)" in result.stdout
    result = run("drafts", "list", "--json", "--data-dir", str(data_dir))
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [saved.id]
    assert rows[0]["status"] == "draft" and rows[0]["damaged"] is False
    assert rows[0]["organisation"] == "Westerly Public Library"
    assert (data_dir / "index.json").exists()


def test_list_honours_environment_variable(data_dir: Path, saved: Draft) -> None:
    result = run("drafts", "list", "--json", env={"OUTREACH_TUI_DATA_DIR": str(data_dir)})
    assert [r["id"] for r in json.loads(result.stdout)] == [saved.id]


def test_list_filter_and_damaged(data_dir: Path, saved: Draft) -> None:
    (data_dir / "drafts" / "broken.json").write_bytes(b"\x00\xff")
    result = run("--data-dir", str(data_dir), "drafts", "list")
    assert result.returncode == 0
    assert "broken" in result.stdout and "damaged" in result.stdout
    result = run("--data-dir", str(data_dir), "drafts", "list", "--filter", "WESTERLY")
    assert saved.id in result.stdout and "broken" not in result.stdout
    result = run("--data-dir", str(data_dir), "drafts", "list", "--filter", "nowhere")
    assert "No drafts match" in result.stdout
    assert (data_dir / "drafts" / "broken.json").read_bytes() == b"\x00\xff"


def test_show_prints_message_without_escape_sequences(data_dir: Path, saved: Draft) -> None:
    result = run("--data-dir", str(data_dir), "drafts", "show", saved.id)
    assert result.returncode == 0, result.stderr
    assert "Dear Ms. Morgan," in result.stdout
    assert "\x1b" not in result.stdout and "\\x1b[31m" in result.stdout


def test_mark_sent_then_export_ics_and_txt(data_dir: Path, saved: Draft, tmp_path: Path) -> None:
    sent_on = date.today() - timedelta(days=10)
    result = run("--data-dir", str(data_dir), "drafts", "mark", saved.id, "Sent", "--date",
                 sent_on.isoformat())  # fmt: skip
    assert result.returncode == 0, result.stderr
    due = sent_on + timedelta(days=7)
    assert f"follow-up due {due.isoformat()}" in result.stdout
    listing = run("--data-dir", str(data_dir), "drafts", "list")
    assert "1 follow-up overdue" in listing.stdout

    ics = tmp_path / "out" / "due.ics"
    ics.parent.mkdir()
    txt = tmp_path / "out" / "message.txt"
    result = run("--data-dir", str(data_dir), "drafts", "export", saved.id, "--ics", str(ics),
                 "--txt", str(txt))  # fmt: skip
    assert result.returncode == 0, result.stderr
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    (event,) = cal.walk("VEVENT")
    assert event.decoded("DTSTART") == due
    assert txt.read_text().startswith("Subject: A question")
    assert (ics.stat().st_mode & 0o777) == 0o600

    everything = tmp_path / "out" / "all.ics"
    result = run("--data-dir", str(data_dir), "drafts", "export", "--ics", str(everything))
    assert result.returncode == 0, result.stderr
    assert len(list(icalendar.Calendar.from_ical(everything.read_bytes()).walk("VEVENT"))) == 1


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("drafts", "show", "nobody-000000"), ("no such draft",)),
        (("drafts", "show", "../x"), ("not a draft id",)),
        (("drafts", "show", "broken"), ("invalid JSON",)),
        (("drafts", "show", "future"), ("newer version",)),
        (("drafts", "mark", "broken", "sent"), ("invalid JSON",)),
        (("drafts", "mark", "future", "sent"), ("newer version",)),
        (("drafts", "mark", "{id}", "ghosted"), ("unknown status",)),
        (("drafts", "mark", "{id}", "sent", "--date", "10/03/2025"), ("YYYY-MM-DD",)),
        (("drafts", "export", "{id}"), ("--ics",)),
        (("drafts", "export", "{id}", "--txt", "{tmp}/no/such/folder/x.txt"), ("cannot write",)),
        (("drafts", "export", "{id}", "--txt", "{tmp}"), ("cannot write",)),
        (("drafts", "export", "{id}", "--txt", "{data}/drafts/{id}.json"), ("drafts folder",)),
        (("drafts", "export", "--txt", "{tmp}/m.txt"), ("needs the ID",)),
        (("drafts", "export", "{id}", "--ics", "{tmp}/x.ics"), ("nothing is scheduled",)),
        (("drafts", "list", "--sort", "name"), ("invalid choice",)),
        (("drafts",), ("required",)),
    ],
)
def test_bad_input_one_line_exit_2(
    data_dir: Path, saved: Draft, tmp_path: Path, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    drafts = data_dir / "drafts"
    (drafts / "broken.json").write_text("{")
    (drafts / "future.json").write_text('{"schema_version": 9, "answers": {}}')
    before = {p.name: p.read_bytes() for p in drafts.iterdir()}
    values = {"id": saved.id, "tmp": str(tmp_path), "data": str(data_dir)}
    result = run("--data-dir", str(data_dir), *(a.format(**values) for a in args))
    assert_one_line_error(result, *needles)
    assert {p.name: p.read_bytes() for p in drafts.iterdir()} == before


def test_data_dir_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert_one_line_error(run("--data-dir", str(not_a_folder), "drafts", "list"), "not a folder")


def test_unreadable_drafts_folder(data_dir: Path, saved: Draft) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any folder")
    drafts = data_dir / "drafts"
    drafts.chmod(0o000)
    try:
        assert_one_line_error(run("--data-dir", str(data_dir), "drafts", "list"), "cannot list")
    finally:
        drafts.chmod(0o700)


def test_a_file_name_that_is_not_utf8_is_a_damaged_row_not_a_crash(
    data_dir: Path, saved: Draft
) -> None:
    drafts = os.fsencode(data_dir / "drafts")
    with open(os.path.join(drafts, b"\xff\xfe.json"), "wb") as handle:
        handle.write(b"{}")
    for _ in range(2):  # the second listing reads the index the first one wrote
        result = run("--data-dir", str(data_dir), "drafts", "list")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert saved.id in result.stdout
        assert "<U+DCFF><U+DCFE>" in result.stdout and "damaged" in result.stdout


@pytest.mark.parametrize(
    ("honorific", "name", "shown"),
    [
        ("Dr.", "Dr. Anna van der Berg, PhD (she/her)", "contact:      Dr. Anna van der Berg,"),
        ("Dr.", "Anna van der Berg", "contact:      Dr. Anna van der Berg,"),
        ("", "Lin Wei 🌱", "contact:      Lin Wei,"),
    ],
)
def test_show_names_the_contact_with_one_title(
    data_dir: Path, full_answers: Answers, honorific: str, name: str, shown: str
) -> None:
    full_answers.contact.honorific = honorific
    full_answers.contact.name = name
    draft = Draft(answers=full_answers, channel="message", message="Hello.")
    DraftStore(data_dir).save(draft)
    result = run("--data-dir", str(data_dir), "drafts", "show", draft.id)
    assert result.returncode == 0, result.stderr
    assert shown in result.stdout, result.stdout
    assert "Dr. Dr." not in result.stdout
