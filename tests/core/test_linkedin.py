"""The LinkedIn export: parsing every quirk, the private store, organisation matching,
autocomplete and message history. Fixtures are invented people only."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from outreach_tui.core.linkedin.csvfiles import Connection, parse_connections, parse_date
from outreach_tui.core.linkedin.files import read_export
from outreach_tui.core.linkedin.messages import parse_messages
from outreach_tui.core.linkedin.orgmatch import OrgIndex, match_org
from outreach_tui.core.linkedin.store import (
    ImportSummary,
    LinkedInData,
    LinkedInError,
    import_export,
    import_path,
    load,
    remove,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "linkedin"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def make_zip(target: Path, members: dict[str, Path | str]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            if isinstance(content, Path):
                archive.write(content, name)
            else:
                archive.writestr(name, content)
    return target


@pytest.fixture
def export_zip(tmp_path: Path) -> Path:
    return make_zip(
        tmp_path / "Basic_LinkedInDataExport_01-01-2025.zip",
        {
            "Connections.csv": FIXTURES / "Connections.csv",
            "messages.csv": FIXTURES / "messages.csv",
            "Invitations.csv": "From,To,Sent At\n",
        },
    )


@pytest.fixture
def imported(export_zip: Path, data_dir: Path) -> LinkedInData:
    import_export(export_zip, data_dir)
    data = load(data_dir)
    assert data is not None
    return data


def by_name(connections: tuple[Connection, ...] | list[Connection]) -> dict[str, Connection]:
    return {c.name: c for c in connections}


# --- parsing the fixture: every quirk -----------------------------------------------------------


def test_fixture_has_the_quirks_it_claims() -> None:
    raw = (FIXTURES / "Connections.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNotes:")
    assert b"\n,,,,,,\n" in raw
    assert b'"Teen Services Librarian\nMakerspace lead"' in raw


def test_parse_fixture_connections() -> None:
    contents = read_export(FIXTURES / "Connections.csv")
    people = by_name(contents.connections)
    assert len(contents.connections) == 9
    assert contents.skipped_rows == 1  # a row with a company but no name
    assert "Notes:" not in people and all(not n.startswith("\ufeff") for n in people)
    samir = people["Samir Patel"]
    assert samir.company == "Westerly Public Library"
    assert samir.email == ""
    assert samir.connected_on == date(2021, 6, 14)
    assert samir.url == "https://www.linkedin.com/in/samir-patel-example"
    assert people["Alex Morgan"].position == "Head of Reference, Adult Services"
    zoe = people["Zoë Brontë-Lindqvist"]
    assert zoe.position == "Teen Services Librarian Makerspace lead"
    assert zoe.company == "The Westerly Public Library, Inc."
    assert zoe.connected_on == date(2024, 3, 15)
    assert people["Marcus Oyelaran"].company == ""
    assert people["Tomás Álvarez"].email == "tomas@example.com"


def test_connections_alone_reads_messages_beside_it() -> None:
    contents = read_export(FIXTURES / "Connections.csv")
    assert contents.messages is not None
    assert {m.name for m in contents.messages} >= {"Alex Morgan", "Samir Patel"}


@pytest.mark.parametrize(
    "header",
    [
        HEADER,
        "first name,last name,url,E-mail Address,company,position,Connected on",
        "FirstName,LastName,Profile URL,E-mail,Company Name,Title,Connected At",
        " First Name , Last Name ,URL,Email,Company,Position,Connected On",
        "First Name,Last Name,Company,Position",  # an older, shorter export
    ],
)
def test_header_variants(header: str) -> None:
    columns = [c.strip() for c in header.split(",")]
    values = {
        0: "Ana",
        1: "Lopes",
    }
    row = []
    for i, column in enumerate(columns):
        low = column.lower()
        if i in values:
            row.append(values[i])
        elif "company" in low:
            row.append("Westerly Library")
        elif "connected" in low:
            row.append("15 Mar 2024")
        else:
            row.append("")
    text = f'Notes:\n"A note, with commas"\n\n{header}\n{",".join(row)}\n'
    connections, skipped = parse_connections(text, "Connections.csv")
    assert skipped == 0
    assert [(c.name, c.company) for c in connections] == [("Ana Lopes", "Westerly Library")]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "newline"),
    [
        ("utf-8-sig", ",", "\r\n"),
        ("utf-16", ",", "\n"),
        ("cp1252", ";", "\r\n"),
        ("utf-8", "\t", "\n"),
    ],
)
def test_encodings_separators_and_line_ends(
    tmp_path: Path, encoding: str, delimiter: str, newline: str
) -> None:
    lines = [
        HEADER.replace(",", delimiter),
        delimiter.join(["Zoé", "Brun", "", "", "Bibliothèque", "", "1 Feb 2020"]),
    ]
    path = tmp_path / "Connections.csv"
    path.write_bytes(newline.join(lines).encode(encoding))
    contents = read_export(path)
    assert [(c.name, c.company) for c in contents.connections] == [("Zoé Brun", "Bibliothèque")]


def test_short_rows_and_extra_cells(tmp_path: Path) -> None:
    text = f"{HEADER}\nAna,Lopes\nBo,Chen,,,Acme,Clerk,3 Jan 2021,unexpected,extra\n"
    connections, _ = parse_connections(text, "x")
    assert by_name(connections)["Ana Lopes"].company == ""
    assert by_name(connections)["Bo Chen"].connected_on == date(2021, 1, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 Mar 2024", date(2024, 3, 15)),
        ("03 Jan 2024", date(2024, 1, 3)),
        ("2 February 2020", date(2020, 2, 2)),
        ("15-Mar-2024", date(2024, 3, 15)),
        ("Mar 15, 2024", date(2024, 3, 15)),
        ("2025-02-03 09:15:00 UTC", date(2025, 2, 3)),
        ("3/15/24", date(2024, 3, 15)),
        ("", None),
        ("yesterday", None),
        ("31 Feb 2024", None),
        ("15 Foo 2024", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


# --- not an export ------------------------------------------------------------------------------


def _error(path: Path) -> str:
    with pytest.raises(LinkedInError) as info:
        read_export(path)
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("answers.toml", b'[contact]\nname = "Alex"\n'),
        ("empty.csv", b""),
        ("people.csv", b"Name,Phone\nAlex,555\n"),
        ("names-only.csv", b"First Name,Last Name\nAlex,Morgan\n"),
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
    ],
)
def test_not_an_export_names_what_was_expected(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    message = _error(path)
    assert str(path) in message
    assert "Connections.csv" in message and "First Name" in message


def test_zip_without_connections(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "export.zip", {"Profile.csv": "First Name,Last Name\nJo,Ng\n"})
    assert "no Connections.csv in this ZIP" in _error(path)


def test_damaged_zip(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert "not a readable ZIP" in _error(path)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    assert "no such file or folder" in _error(tmp_path / "nowhere.zip")
    (tmp_path / "empty").mkdir()
    assert "no Connections.csv in this folder" in _error(tmp_path / "empty")


# --- ZIP and folders ----------------------------------------------------------------------------


def test_zip_and_folder_give_the_same_result(tmp_path: Path, export_zip: Path) -> None:
    nested = make_zip(
        tmp_path / "nested.zip",
        {
            "Export/CONNECTIONS.CSV": FIXTURES / "Connections.csv",
            "Export/Messages.csv": FIXTURES / "messages.csv",
        },
    )
    unpacked = tmp_path / "unpacked" / "Basic_LinkedInDataExport"
    unpacked.mkdir(parents=True)
    for name in ("Connections.csv", "messages.csv"):
        (unpacked / name).write_bytes((FIXTURES / name).read_bytes())
    results = [read_export(p) for p in (export_zip, nested, unpacked, tmp_path / "unpacked")]
    assert all(r.connections == results[0].connections for r in results)
    assert all(r.messages == results[0].messages for r in results)
    assert len(results[0].connections) == 9


# --- messages -----------------------------------------------------------------------------------


def test_messages_history(imported: LinkedInData) -> None:
    assert imported.has_messages
    assert imported.last_message_to("Alex Morgan") == date(2025, 2, 3)
    assert imported.last_message_to("  alex   MORGAN ") == date(2025, 2, 3)
    alex = imported.history_with("Alex Morgan")
    assert alex is not None and alex.sent_count == 2 and alex.last_received == date(2025, 2, 5)
    assert imported.last_message_to("Samir Patel") == date(2024, 6, 10)
    assert imported.last_message_to("Hana Kowalczyk") is None  # only a draft
    assert imported.last_message_to("Priya Raman") is None  # she wrote; the user did not
    priya = imported.history_with("Priya Raman")
    assert priya is not None and priya.last_received == date(2024, 11, 2)
    assert imported.last_message_to("Nobody Known") is None
    assert imported.history_with("Jordan Reyes") is None  # the user is not their own contact


def test_messages_contents_are_not_stored(imported: LinkedInData, data_dir: Path) -> None:
    text = import_path(data_dir).read_text(encoding="utf-8")
    assert "Happy to talk" not in text and "Just following up" not in text


def test_messages_sender_from_profile_or_me() -> None:
    text = "FROM,TO,DATE,CONTENT\nJordan Reyes,Alex Morgan,2025-02-03 09:00:00 UTC,hi\n"
    connections = [Connection("Alex", "Morgan")]
    # One conversation: both people appear once, but only Alex is a connection.
    histories, warning = parse_messages(text, "messages.csv", connections)
    assert warning == "" and [h.name for h in histories] == ["Alex Morgan"]
    # Nobody is a connection: who is the user cannot be told without their name.
    histories, warning = parse_messages(text, "messages.csv", [])
    assert histories == [] and "could not tell which sender is you" in warning
    histories, warning = parse_messages(text, "messages.csv", [], me="jordan reyes")
    assert warning == "" and histories[0].last_sent == date(2025, 2, 3)


def test_profile_csv_names_the_user(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "export.zip",
        {
            "Connections.csv": f"{HEADER}\n",
            "messages.csv": "FROM,TO,DATE\nJordan Reyes,Kim Lee,2025-01-01 10:00:00 UTC\n",
            "Profile.csv": "First Name,Last Name,Headline\nJordan,Reyes,Librarian\n",
        },
    )
    contents = read_export(path)
    assert contents.messages is not None
    assert [(m.name, m.last_sent) for m in contents.messages] == [("Kim Lee", date(2025, 1, 1))]


def test_unreadable_messages_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Connections.csv").write_bytes((FIXTURES / "Connections.csv").read_bytes())
    (folder / "messages.csv").write_text("this,is,not\nmessages,at,all\n", encoding="utf-8")
    contents = read_export(folder)
    assert contents.messages is None
    assert len(contents.connections) == 9
    assert any("messages.csv" in w for w in contents.warnings)


# --- the store ----------------------------------------------------------------------------------


def test_import_summary_and_private_files(export_zip: Path, data_dir: Path) -> None:
    summary = import_export(export_zip, data_dir)
    assert summary.headline == "9 connections imported, 8 with a company"
    assert summary.lines()[1:] == [
        "1 row without a name skipped",
        "messages: you have written to 2 people",
    ]
    path = import_path(data_dir)
    assert summary.path == path == data_dir / "linkedin" / "connections.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["schema_version"] == 1 and len(stored["connections"]) == 9
    assert [name for name in os.listdir(path.parent)] == ["connections.json"]  # no temp files


def test_summary_wording() -> None:
    assert ImportSummary(1284, 871).headline == "1,284 connections imported, 871 with a company"
    assert ImportSummary(1, 0).headline == "1 connection imported, 0 with a company"
    assert ImportSummary(3, 2, written_to=1).lines()[-1] == "messages: you have written to 1 person"


def test_round_trip(imported: LinkedInData, export_zip: Path) -> None:
    assert imported.connections == read_export(export_zip).connections
    assert imported.problems == ()
    assert imported.summary.headline == "9 connections imported, 8 with a company"


def test_reimport_replaces(export_zip: Path, data_dir: Path, tmp_path: Path) -> None:
    import_export(export_zip, data_dir)
    smaller = tmp_path / "Connections.csv"
    smaller.write_text(f"{HEADER}\nKim,Lee,,,Acme,Clerk,1 Jan 2020\n", encoding="utf-8")
    summary = import_export(smaller, data_dir)
    assert summary.headline == "1 connection imported, 1 with a company"
    data = load(data_dir)
    assert data is not None
    assert [c.name for c in data.connections] == ["Kim Lee"]
    assert not data.has_messages and data.summary.written_to is None


def test_failed_import_keeps_the_earlier_one(
    export_zip: Path, data_dir: Path, tmp_path: Path
) -> None:
    import_export(export_zip, data_dir)
    before = import_path(data_dir).read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing,useful\n", encoding="utf-8")
    with pytest.raises(LinkedInError):
        import_export(bad, data_dir)
    assert import_path(data_dir).read_bytes() == before


def test_data_folder_that_is_a_file(export_zip: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(LinkedInError, match="not a folder"):
        import_export(export_zip, blocker)


def test_remove_deletes_only_the_app_copy(export_zip: Path, data_dir: Path) -> None:
    assert remove(data_dir) is None
    import_export(export_zip, data_dir)
    (data_dir / "drafts").mkdir()
    assert remove(data_dir) == import_path(data_dir)
    assert not (data_dir / "linkedin").exists()
    assert (data_dir / "drafts").is_dir()
    assert export_zip.is_file()
    assert load(data_dir) is None
    assert remove(data_dir) is None


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b'{"schema_version": 1, "kind": "outreach-tui linkedin import", "conn', "damaged"),
        (b"\xff\xfe\x00garbage", "damaged"),
        (b"[1, 2, 3]", "not an outreach-tui LinkedIn import"),
        (b'{"schema_version": 99, "kind": "outreach-tui linkedin import"}', "newer"),
        (b'{"schema_version": 1, "kind": "outreach-tui linkedin import"}', "damaged"),
    ],
)
def test_damaged_import_is_reported_and_left_alone(
    data_dir: Path, content: bytes, fragment: str
) -> None:
    path = import_path(data_dir)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(LinkedInError) as info:
        load(data_dir)
    assert fragment in str(info.value) and str(path) in str(info.value)
    assert "\n" not in str(info.value)
    assert path.read_bytes() == content


def test_damaged_records_are_skipped_and_counted(imported: LinkedInData, data_dir: Path) -> None:
    path = import_path(data_dir)
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["connections"][0]["first_name"] = 42
    stored["connections"][1]["connected_on"] = "not a date"
    stored["messages"].append("junk")
    path.write_text(json.dumps(stored), encoding="utf-8")
    before = path.read_bytes()
    data = load(data_dir)
    assert data is not None
    assert len(data.connections) == 7
    assert data.problems and "3 damaged records skipped" in data.problems[0]
    assert path.read_bytes() == before


# --- organisation matching ----------------------------------------------------------------------

MATCHES = [
    ("Westerly Public Library", "Westerly Public Library", "same name"),
    ("Westerly Public Library", "westerly public library", "case"),
    ("Bibliothèque de Westerly", "Bibliotheque de Westerly", "accents"),
    ("Westerly Library", "Westerly Public Library", "same words without 'Public'"),
    ("The Westerly Public Library", "Westerly Public Library", "'The'"),
    ("Acme, Inc.", "Acme", "'Inc.'"),
    ("Acme LLC", "ACME Inc", "'LLC'"),
    ("Acme Co.", "Acme Company", "'Co.'"),
    ("Univ. of Westerly", "University of Westerly", "'Univ.' read as 'University'"),
    ("St. Brigid's College", "Saint Brigids College", "'St.' read as 'Saint'"),
    ("Mt. Hope Library", "Mount Hope Library", "'Mt.' read as 'Mount'"),
    ("Northfield Centre for Archives", "Northfield Center for Archives", "'Centre'"),
    ("Westerly Free Library", "Westerly Library", "without 'Free'"),
    ("Westerly Public Libraries", "Westerly Public Library", "'Libraries' read as 'Library'"),
    ("AT&T", "AT and T", "punctuation"),
    ("U.S. Geological Survey", "US Geological Survey", "punctuation"),
    ("NYPL", "New York Public Library", "may stand for"),
    ("Westerly", "Westerly Public Library", "is part of"),
    ("The Westerly Public Library, Inc.", "Westerly Library", "without 'Public'"),
]

NON_MATCHES = [
    ("Westerly Public Library", "Easterly Public Library"),
    ("Westerly Public Library", "Westerly Public Schools"),
    ("University of Washington", "Washington University"),
    ("Boston College", "Boston University"),
    ("Westerly Library", "Westerly Hospital"),
    ("Public Library", "Westerly Public Library"),
    ("Library", "Westerly Library"),
    ("Westerly County Library", "Westerly City Library"),
    ("", "Westerly Library"),
    ("Inc.", "Acme Inc."),
]


@pytest.mark.parametrize(("one", "other", "reason_part"), MATCHES)
def test_organisations_that_match(one: str, other: str, reason_part: str) -> None:
    for a, b in ((one, other), (other, one)):
        result = match_org(a, b)
        assert result is not None, (a, b)
        assert 0 < result.score <= 1
        assert reason_part in result.reason or reason_part in ("case", "accents", "punctuation")
    if reason_part in ("case", "accents", "punctuation"):
        assert match_org(one, other) == (0.97, "same name apart from case, accents or punctuation")


@pytest.mark.parametrize(("one", "other"), NON_MATCHES)
def test_organisations_that_do_not_match(one: str, other: str) -> None:
    assert match_org(one, other) is None
    assert match_org(other, one) is None


def test_table_is_large_enough() -> None:
    assert len(MATCHES) + len(NON_MATCHES) >= 20


def test_closer_names_rank_higher() -> None:
    exact = match_org("Westerly Public Library", "Westerly Public Library")
    the = match_org("Westerly Public Library", "The Westerly Public Library")
    public = match_org("Westerly Public Library", "Westerly Library")
    part = match_org("Westerly Public Library", "Westerly")
    assert exact and the and public and part
    assert exact.score > the.score > public.score > part.score


def test_org_index_search_is_ranked() -> None:
    index = OrgIndex(
        ["Westerly Library", "Westerly Public Library", "Easterly Public Library", "Acme", ""]
    )
    assert len(index) == 4
    found = index.search("westerly public library")
    assert [name for name, _ in found] == ["Westerly Public Library", "Westerly Library"]
    assert index.search("NYPL") == []
    assert index.search("   ") == []


def test_people_at(imported: LinkedInData) -> None:
    found = imported.people_at("Westerly Public Library")
    assert [(m.connection.name, m.reason) for m in found] == [
        ("Samir Patel", "same name"),
        ("Zoë Brontë-Lindqvist", "same name apart from 'The' and 'Inc.'"),
        ("Alex Morgan", "same words without 'Public'"),
    ]
    connection, score, reason = found[0]
    assert connection.position == "Archivist" and score == 1.0 and reason == "same name"
    assert [m.connection.name for m in imported.people_at("University of Westerly")] == [
        "Hana Kowalczyk"
    ]
    assert (
        imported.people_at("Westerly Public Library", limit=1)[0].connection.name == "Samir Patel"
    )
    assert imported.people_at("Nowhere Institute") == []
    assert imported.people_at("") == []


# --- autocomplete -------------------------------------------------------------------------------


def test_complete_name(imported: LinkedInData) -> None:
    assert imported.complete_name("sam") == ["Samantha Ruiz", "Samir Okafor", "Samir Patel"]
    assert imported.complete_name("SAMIR P") == ["Samir Patel"]
    assert imported.complete_name("samir ") == ["Samir Okafor", "Samir Patel"]
    assert imported.complete_name("zoe") == ["Zoë Brontë-Lindqvist"]
    assert imported.complete_name("pat") == ["Samir Patel"]  # by surname
    assert imported.complete_name("alv") == ["Tomás Álvarez"]
    assert imported.complete_name("sam", limit=2) == ["Samantha Ruiz", "Samir Okafor"]
    assert imported.complete_name("") == []
    assert imported.complete_name("xyz") == []


def test_complete_name_lists_a_shared_name_once() -> None:
    data = LinkedInData(
        [Connection("Kim", "Lee", company="Acme"), Connection("Kim", "Lee", company="Beta")]
    )
    assert data.complete_name("kim") == ["Kim Lee"]
    assert len(data.complete("kim")) == 2
    assert len(data.find("kim lee")) == 2


def test_complete_name_over_many_connections() -> None:
    connections = [Connection(f"Person{i:05d}", f"Family{i % 97:02d}") for i in range(30_000)]
    data = LinkedInData(connections)
    assert data.complete_name("person2999") == [
        f"Person2999{d} Family{(29990 + d) % 97:02d}" for d in range(10)
    ]
    assert len(data.complete_name("family01", limit=5)) == 5


# --- purity ---------------------------------------------------------------------------------------


def test_core_modules_do_not_import_textual_or_rich() -> None:
    code = (
        "import sys\n"
        "import outreach_tui.core.linkedin.store, outreach_tui.core.linkedin.orgmatch\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
