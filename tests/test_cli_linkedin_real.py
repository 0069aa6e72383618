"""`outreach-tui import-linkedin` as a real process on exports as people really have them: dates
re-saved by a spreadsheet, other encodings, garbled and decorated names, commas in names; and
`drafts export --ics` after a follow-up moved. Invented people only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar  # test-only: the product writes .ics by hand
import pytest

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers import Answers

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
MESSAGES = "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,FOLDER"
ME = "https://www.linkedin.com/in/jordan-reyes-example"


def run(*args: str | Path, tz: str = "UTC") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TZ": tz}
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def write_export(
    folder: Path,
    connections: list[str],
    messages: list[str] | None = None,
    encoding: str = "utf-8",
    name: str = "Export.zip",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("Connections.csv", "\r\n".join([HEADER, *connections]).encode(encoding))
        if messages is not None:
            archive.writestr("messages.csv", "\r\n".join([MESSAGES, *messages]).encode(encoding))
    return target


def stored(data: Path) -> dict[str, object]:
    result: dict[str, object] = json.loads(
        (data / "linkedin" / "connections.json").read_text("utf-8")
    )
    return result


def connections_of(data: Path) -> dict[str, dict[str, str]]:
    people = stored(data)["connections"]
    assert isinstance(people, list)
    return {f"{p['first_name']} {p['last_name']}": p for p in people}


def messages_of(data: Path) -> dict[str, dict[str, object]]:
    histories = stored(data)["messages"]
    assert isinstance(histories, list)
    return {h["name"]: h for h in histories}


def test_dates_re_saved_by_excel_are_all_read(tmp_path: Path) -> None:
    export = write_export(
        tmp_path,
        [
            "Ana,Lopes,https://x/ana,,Acme,Clerk,15-Mar-23",
            "Bo,Chen,https://x/bo,,Acme,Clerk,28/02/2021",
            "Cy,Diaz,https://x/cy,,Acme,Clerk,03/04/2021",  # day first, as the file says
        ],
        [
            f"c1,Jordan Reyes,{ME},Ana Lopes,https://x/ana,03-Feb-25 15:00,Hi,INBOX",
            f"c2,Jordan Reyes,{ME},Bo Chen,https://x/bo,2019-11-06T02:08:20,Hi,INBOX",
            f"c3,Jordan Reyes,{ME},Cy Diaz,https://x/cy,2019-11-06T02:08:20.123Z,Hi,INBOX",
        ],
    )
    data = tmp_path / "data"
    result = run("--data-dir", data, "import-linkedin", export, "--me", "Jordan Reyes")
    assert result.returncode == 0, result.stderr
    assert "messages: you have written to 3 people" in result.stdout
    assert "could not be read" not in result.stdout
    people = connections_of(data)
    assert people["Ana Lopes"]["connected_on"] == "2023-03-15"
    assert people["Bo Chen"]["connected_on"] == "2021-02-28"
    assert people["Cy Diaz"]["connected_on"] == "2021-04-03"
    assert messages_of(data)["Ana Lopes"]["last_sent"] == "2025-02-03"


def test_utc_times_become_the_users_own_date(tmp_path: Path) -> None:
    export = write_export(
        tmp_path,
        ["Ana,Lopes,https://x/ana,,Acme,Clerk,15 Mar 2024"],
        [f"c1,Jordan Reyes,{ME},Ana Lopes,https://x/ana,2019-11-06T02:08:20Z,Hi,INBOX"],
    )
    for tz, expected in (("America/Los_Angeles", "2019-11-05"), ("Asia/Tokyo", "2019-11-06")):
        data = tmp_path / tz.replace("/", "-")
        result = run("--data-dir", data, "import-linkedin", export, "--me", "Jordan Reyes", tz=tz)
        assert result.returncode == 0, result.stderr
        assert messages_of(data)["Ana Lopes"]["last_sent"] == expected
        assert connections_of(data)["Ana Lopes"]["connected_on"] == "2024-03-15"


def test_rows_that_cannot_be_read_are_counted_with_an_example(tmp_path: Path) -> None:
    export = write_export(
        tmp_path,
        [
            "Ana,Lopes,https://x/ana,,Acme,Clerk,sometime in 2021",
            "Bo,Chen,https://x/bo,,Acme,Clerk,2 Feb 2022",
        ],
        [
            f"c1,Jordan Reyes,{ME},Ana Lopes,https://x/ana,last tuesday,Hi,INBOX",
            f"c2,Jordan Reyes,{ME},Bo Chen,https://x/bo,??,Hi,INBOX",
            f"c3,Jordan Reyes,{ME},Bo Chen,https://x/bo,2025-01-02 10:00:00 UTC,Hi,INBOX",
        ],
    )
    data = tmp_path / "data"
    result = run("--data-dir", data, "import-linkedin", export, "--me", "Jordan Reyes")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "2 connections imported, 2 with a company"
    connections_note = '1 date connected could not be read (e.g. line 2: "sometime in 2021")'
    assert f"{export}:Connections.csv: {connections_note}" in lines
    messages_note = '2 messages left out: date could not be read (e.g. line 2: "last tuesday")'
    assert f"{export}:messages.csv: {messages_note}" in lines
    assert "messages: you have written to 1 person" in lines
    assert connections_of(data)["Ana Lopes"]["connected_on"] is None  # kept, without the date


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "cp1252", "mac_roman", "latin-1"])
def test_files_saved_in_other_encodings(tmp_path: Path, encoding: str) -> None:
    export = write_export(
        tmp_path,
        [
            *(f"Sam{i},Ortiz,,,Acme,Clerk,1 Jan 2020" for i in range(20)),
            "Inés,Peñalver,https://x/ines,,Biblioteca Nacional,Archivera,15 Mar 2024",
            "François,Müller,,,Société Générale,Analyste,3 Jan 2021",
        ],
        [f"c1,Jordan Reyes,{ME},Inés Peñalver,https://x/ines,2025-01-02 10:00:00 UTC,Hola,INBOX"],
        encoding=encoding,
    )
    data = tmp_path / "data"
    result = run("--data-dir", data, "import-linkedin", export, "--me", "Jordan Reyes")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("22 connections imported, 22 with a company")
    people = connections_of(data)
    assert "Inés Peñalver" in people and "François Müller" in people
    assert people["François Müller"]["company"] == "Société Générale"
    assert "\x00" not in json.dumps(stored(data))
    assert messages_of(data)["Inés Peñalver"]["last_sent"] == "2025-01-02"


@pytest.mark.parametrize(
    "row",
    [
        b"Ana,\x81\x8d\x8f\x90\x9d\xff\xfe,,,Acme,Clerk,",
        "Inés,Peñalver,,,Acme,Clerk,\r\n".encode() + "Zoë,Müller,,,Acme,Clerk,".encode("cp1252"),
    ],
)
def test_a_file_in_an_encoding_that_cannot_be_told_is_refused(tmp_path: Path, row: bytes) -> None:
    target = tmp_path / "Connections.csv"
    target.write_bytes(HEADER.encode() + b"\r\n" + row + b"\r\n")
    data = tmp_path / "data"
    result = run("--data-dir", data, "import-linkedin", target)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"outreach-tui: error: {target}: cannot tell which text encoding it is in; save it "
        'again as "CSV UTF-8" in your spreadsheet program, or import the ZIP'
    ]
    assert not (data / "linkedin").exists()


def test_garbled_and_decorated_names_are_put_right(tmp_path: Path) -> None:
    export = write_export(
        tmp_path,
        [
            "InÃ©s,PeÃ±alver,https://x/ines,,Biblioteca Nacional,Archivera,15 Mar 2024",
            "🌟 Dana,Kim ✨,https://x/dana,,Acme,Clerk,15 Mar 2024",
            "Lee,Wong 👩🏽‍💻,https://x/lee,,Acme,Clerk,15 Mar 2024",
        ],
        [f"c1,Jordan Reyes,{ME},InÃ©s PeÃ±alver,https://x/ines,2025-02-03 09:00:00 UTC,x,INBOX"],
    )
    data = tmp_path / "data"
    result = run("--data-dir", data, "import-linkedin", export, "--me", "Jordan Reyes")
    assert result.returncode == 0, result.stderr
    assert set(connections_of(data)) == {"Inés Peñalver", "Dana Kim", "Lee Wong"}
    assert set(messages_of(data)) == {"Inés Peñalver"}


def test_a_comma_inside_a_name_is_one_person(tmp_path: Path) -> None:
    export = write_export(
        tmp_path,
        [
            'Priyanka,"Desai, PhD",x/priyanka,,Acme,Clerk,15 Mar 2024',
            "Sam,Ortiz,https://x/sam,,Acme,Clerk,15 Mar 2024",
        ],
        [
            f'c1,Jordan Reyes,{ME},"Priyanka Desai, PhD",x/priyanka,2025-01-02 10:00 UTC,x,INBOX',
            f"c2,Jordan Reyes,{ME},Sam Ortiz,https://x/sam,2025-01-03 10:00:00 UTC,x,INBOX",
            f'c3,Jordan Reyes,{ME},"Lee Wong, Jr.",,2025-01-04 10:00:00 UTC,x,INBOX',
        ],
    )
    data = tmp_path / "data"
    result = run("--data-dir", data, "import-linkedin", export, "--me", "Jordan Reyes")
    assert result.returncode == 0, result.stderr
    assert "messages: you have written to 3 people" in result.stdout.splitlines()
    assert set(messages_of(data)) == {"Priyanka Desai, PhD", "Sam Ortiz", "Lee Wong, Jr."}


# --- the calendar after a follow-up moved --------------------------------------------------------


def _event(path: Path) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert isinstance(event, icalendar.Event)
    return event


def test_a_moved_follow_up_gets_a_higher_sequence(
    tmp_path: Path, data_dir: Path, full_answers: Answers
) -> None:
    draft = Draft(answers=full_answers, channel="message", subject="A question", message="Hello")
    DraftStore(data_dir).save(draft)
    data, draft_id = data_dir, draft.id

    def mark_and_export(day: str, name: str) -> icalendar.Event:
        marked = run("--data-dir", data, "drafts", "mark", draft_id, "sent", "--date", day)
        assert marked.returncode == 0, marked.stderr
        target = tmp_path / name
        exported = run("--data-dir", data, "drafts", "export", draft_id, "--ics", target)
        assert exported.returncode == 0, exported.stderr
        return _event(target)

    first = mark_and_export("2025-03-01", "first.ics")
    again = mark_and_export("2025-03-01", "again.ics")  # marked again: a new version all the same
    moved = mark_and_export("2025-03-04", "moved.ics")  # the follow-up moves
    earlier = mark_and_export("2025-02-20", "earlier.ics")  # moved back: still a newer version
    assert first["UID"] == moved["UID"] == earlier["UID"]
    assert first.decoded("DTSTART") == date(2025, 3, 8)
    assert moved.decoded("DTSTART") == date(2025, 3, 11)
    assert earlier.decoded("DTSTART") == date(2025, 2, 27)
    sequences = [int(e.decoded("SEQUENCE")) for e in (first, again, moved, earlier)]
    assert sequences == [0, 1, 2, 3]
    stamps = [e.decoded("LAST-MODIFIED") for e in (first, again, moved, earlier)]
    assert stamps == sorted(stamps) and all(s.tzinfo is not None for s in stamps)
    assert all(e.decoded("DTSTAMP") == e.decoded("LAST-MODIFIED") for e in (first, moved))
    assert stamps[-1] <= datetime.now(UTC)
