"""What real exports hold once people have had them: dates in every form, files re-saved by a
spreadsheet in another encoding, names garbled or decorated, commas inside names, organisations
in every script. Invented people only."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from outreach_tui.core.linkedin.csvfiles import Connection, name_key, parse_connections
from outreach_tui.core.linkedin.dates import DAY_FIRST, MONTH_FIRST, DateColumn, parse_date
from outreach_tui.core.linkedin.messages import parse_messages, split_recipients
from outreach_tui.core.linkedin.orgmatch import match_org
from outreach_tui.core.linkedin.store import LinkedInData, LinkedInError, import_export, load
from outreach_tui.core.linkedin.text import decode, plain_name, repair

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
MESSAGES = "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT"
ME = "https://www.linkedin.com/in/jordan-reyes-example"
UTC_ZONE = ZoneInfo("UTC")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-11-06T02:08:20", date(2019, 11, 6)),  # ISO with a T
        ("2019-11-06T02:08:20Z", date(2019, 11, 6)),  # ... and a Z
        ("2019-11-06T02:08:20.123Z", date(2019, 11, 6)),  # ... and milliseconds
        ("2019-11-06 02:08:20.5+00:00", date(2019, 11, 6)),
        ("2025-02-03 09:15:00 UTC", date(2025, 2, 3)),  # what LinkedIn writes today
        ("15-Mar-23", date(2023, 3, 15)),  # re-saved in Excel
        ("28/02/2021", date(2021, 2, 28)),
        ("03-Feb-25 15:00", date(2025, 2, 3)),
        ("15 Mar 2024", date(2024, 3, 15)),
        ("Mar 15, 2024", date(2024, 3, 15)),
        ("March 15 2024 9:30 PM", date(2024, 3, 15)),  # invented: month name and a clock
        ("2024-3-5", date(2024, 3, 5)),  # invented: no zero padding
        ("05.03.2024", date(2024, 3, 5)),  # invented: dots, as in Germany: day first
        ("05/03/2024", date(2024, 5, 3)),  # invented: slashes and nothing tells: month first
        ("", None),
        ("yesterday", None),
        ("Mar 2024", None),  # no day: not guessed
        ("31 Feb 2024", None),
        ("12", None),
    ],
)
def test_dates_in_every_form(text: str, expected: date | None) -> None:
    assert parse_date(text, UTC_ZONE) == expected


def test_day_first_or_month_first_is_settled_by_the_whole_file() -> None:
    british = DateColumn(["03/04/2021", "28/02/2021", "01/02/2021"], UTC_ZONE)
    assert british.order == DAY_FIRST
    assert british.read("03/04/2021") == date(2021, 4, 3)  # the 3rd of April, not March 4
    american = DateColumn(["03/04/2021", "02/28/2021"], UTC_ZONE)
    assert american.order == MONTH_FIRST
    assert american.read("03/04/2021") == date(2021, 3, 4)
    # the same row read alone would be month first: the file decides, not the row
    assert parse_date("03/04/2021", UTC_ZONE) == date(2021, 3, 4)
    # a value that contradicts the file's order is unreadable rather than silently swapped
    assert british.read("02/28/2021") is None


def test_utc_moments_become_the_users_own_date() -> None:
    assert parse_date("2019-11-06T02:08:20Z", LOS_ANGELES) == date(2019, 11, 5)
    assert parse_date("2019-11-06T02:08:20", LOS_ANGELES) == date(2019, 11, 5)  # LinkedIn: UTC
    assert parse_date("2025-02-03 23:30:00 UTC", TOKYO) == date(2025, 2, 4)
    assert parse_date("03-Feb-25 23:00", TOKYO) == date(2025, 2, 4)
    assert parse_date("28/02/2021 22:00", TOKYO) == date(2021, 3, 1)
    assert parse_date("15 Mar 2024", LOS_ANGELES) == date(2024, 3, 15)  # a date stays a date


def test_unreadable_connection_dates_are_kept_counted_and_shown() -> None:
    text = "\n".join(
        [
            HEADER,
            "Ana,Lopes,,,Acme,Clerk,sometime in 2021",
            "Bo,Chen,,,Acme,Clerk,15/03/2023",
            "Cy,Diaz,,,Acme,Clerk,soon",
            "Di,Eng,,,Acme,Clerk,",
        ]
    )
    notes: list[str] = []
    connections, skipped = parse_connections(text, "Connections.csv", tz=UTC_ZONE, notes=notes)
    assert [c.name for c in connections] == ["Ana Lopes", "Bo Chen", "Cy Diaz", "Di Eng"]
    assert skipped == 0
    assert connections[1].connected_on == date(2023, 3, 15)
    assert notes == [
        'Connections.csv: 2 dates connected could not be read (e.g. line 2: "sometime in 2021")'
    ]


def test_messages_with_unreadable_dates_are_counted_with_an_example() -> None:
    text = "\n".join(
        [
            MESSAGES,
            f"c1,Jordan Reyes,{ME},Alex Morgan,https://x/alex,2019-11-06T02:08:20.000Z,Hi",
            f"c2,Jordan Reyes,{ME},Sam Ortiz,https://x/sam,last tuesday,Hello",
            f"c3,Jordan Reyes,{ME},Lee Wong,https://x/lee,\x1b[31mred,Hello",
        ]
    )
    notes: list[str] = []
    histories, warning = parse_messages(
        text, "messages.csv", [], "Jordan Reyes", tz=UTC_ZONE, notes=notes
    )
    assert warning == ""
    assert [(h.name, h.last_sent) for h in histories] == [("Alex Morgan", date(2019, 11, 6))]
    assert notes == [
        'messages.csv: 2 messages left out: date could not be read (e.g. line 3: "last tuesday")'
    ]
    notes.clear()
    text = MESSAGES + f"\nc3,Jordan Reyes,{ME},Lee Wong,https://x/lee,\x1b[31mred,Hello\n"
    parse_messages(text, "messages.csv", [], "Jordan Reyes", notes=notes)
    assert "\x1b" not in notes[0] and "\\x1b[31mred" in notes[0]  # shown, never obeyed


# --- encodings and garbled names -----------------------------------------------------------------

PEOPLE = [
    ("Inés", "Peñalver", "Biblioteca Nacional"),
    ("François", "Müller", "Société Générale"),
    ("Søren", "Groß", "Nordisk Bibliotek"),
]


def connections_text(people: list[tuple[str, str, str]], ascii_rows: int = 30) -> str:
    rows = [f"Sam{i},Ortiz,,,Acme Corp,Clerk,1 Jan 2020" for i in range(ascii_rows)]
    rows += [f"{first},{last},,,{company},Archivist,15 Mar 2024" for first, last, company in people]
    return HEADER + "\r\n" + "\r\n".join(rows) + "\r\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom(encoding: str) -> None:
    text = connections_text(PEOPLE)
    decoded = decode(text.encode(encoding), "Connections.csv")
    assert decoded == text and "\x00" not in decoded


@pytest.mark.parametrize(
    ("encoding", "people"),
    [
        ("cp1252", PEOPLE),  # Excel on Windows
        ("latin-1", PEOPLE[:2]),
        ("mac_roman", PEOPLE),  # Excel on a Mac
        ("mac_roman", PEOPLE[:1]),  # one name among many: the hardest case
        ("cp1251", [("Анна", "Иванова", "Сбербанк"), ("Пётр", "Смирнов", "Газпром")]),
        ("shift_jis", [("太郎", "山田", "NTTドコモ")]),
    ],
)
def test_legacy_encodings_spreadsheets_write(
    encoding: str, people: list[tuple[str, str, str]]
) -> None:
    text = connections_text(people)
    assert decode(text.encode(encoding), "Connections.csv") == text


@pytest.mark.parametrize(
    "raw",
    [
        HEADER.encode() + b"\nAna,\x81\x8d\x8f\x90\x9d\xff\xfe,,,Acme,Clerk,1 Jan 2020\n",
        HEADER.encode() + b"\n" + bytes(range(128, 256)) + b"\n",  # invented: every high byte
        # invented: rows saved at different times, in UTF-8 and in Windows-1252
        HEADER.encode()
        + "\nInés,Peñalver,,,Acme,Clerk,\n".encode()
        + "François,Müller,,,Acme,Clerk,\n".encode("cp1252"),
    ],
)
def test_an_encoding_that_cannot_be_told_is_refused_in_one_line(raw: bytes) -> None:
    with pytest.raises(LinkedInError) as caught:
        decode(raw, "Connections.csv")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("Connections.csv: cannot tell which text encoding")
    assert "CSV UTF-8" in message


@pytest.mark.parametrize(
    ("garbled", "repaired"),
    [
        ("InÃ©s PeÃ±alver", "Inés Peñalver"),
        ("FranÃ§ois MÃ¼ller", "François Müller"),  # invented
        ("ZoÃ« BrontÃ«-Lindqvist", "Zoë Brontë-Lindqvist"),  # invented
        ("Inés Peñalver", "Inés Peñalver"),  # right already: untouched
        ("BjÃ¶rk GuÃ°mundsdÃ³ttir", "Björk Guðmundsdóttir"),  # invented
    ],
)
def test_garbled_names_are_repaired(garbled: str, repaired: str) -> None:
    assert repair(garbled) == repaired


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decorated", "plain"),
    [
        ("🌟 Dana Kim ✨", "Dana Kim"),
        ("Sam 🇺🇦 Ortiz", "Sam Ortiz"),  # invented: a flag
        ("Lee Wong 👩🏽‍💻", "Lee Wong"),  # invented: skin tone and joiner
        ("Ana ★ López ♛", "Ana López"),
        ("Jordan Okonkwo (she/her) 🌿 | Archivist", "Jordan Okonkwo"),  # invented
        ("O'Neil-Brontë", "O'Neil-Brontë"),
        ("Анна Иванова", "Анна Иванова"),
        ("山田 太郎", "山田 太郎"),
    ],
)
def test_decorations_are_taken_out_of_names(decorated: str, plain: str) -> None:
    assert plain_name(decorated) == plain


@pytest.mark.parametrize(
    ("to", "urls", "people"),
    [
        ("Priyanka Desai, PhD", "https://x/p", ["Priyanka Desai, PhD"]),
        ("Priyanka Desai, PhD", "", ["Priyanka Desai, PhD"]),
        ("Priyanka Desai, PhD,Sam Ortiz", "x/p;x/s", ["Priyanka Desai, PhD", "Sam Ortiz"]),
        ("Lee Wong, Jr.,Dana Kim, MBA", "", ["Lee Wong, Jr.", "Dana Kim, MBA"]),  # invented
        ("Ana Lopes, Ph.D., CPA", "https://x/a", ["Ana Lopes, Ph.D., CPA"]),  # invented
        ("Sam Ortiz,Alex Morgan", "https://x/s,https://x/a", ["Sam Ortiz", "Alex Morgan"]),
        ("", "", []),
    ],
)  # fmt: skip
def test_recipients_with_commas_in_names(to: str, urls: str, people: list[str]) -> None:
    assert [name for name, _ in split_recipients(to, urls)] == people


def test_a_post_nominal_does_not_make_a_second_person() -> None:
    text = "\n".join(
        [
            MESSAGES,
            f'c1,Jordan Reyes,{ME},"Priyanka Desai, PhD",x/priyanka,2025-01-02 10:00:00 UTC,x',
            f"c2,Jordan Reyes,{ME},Sam Ortiz,https://x/sam,2025-01-03 10:00:00 UTC,x",
            f'c3,Jordan Reyes,{ME},"Lee Wong, Jr.",,2025-01-04 10:00:00 UTC,x',
        ]
    )
    histories, _ = parse_messages(text, "messages.csv", [], "Jordan Reyes", tz=UTC_ZONE)
    assert sorted(h.name for h in histories) == [
        "Lee Wong, Jr.",
        "Priyanka Desai, PhD",
        "Sam Ortiz",
    ]
    data = LinkedInData([], histories)
    assert data.summary.written_to == 3
    assert data.last_message_to("Priyanka Desai") == date(2025, 1, 2)  # found without the PhD
    assert name_key("Priyanka Desai, PhD") == name_key("priyanka desai")
    assert name_key("Desai, Priyanka") != name_key("Priyanka Desai")  # a given name is no suffix


# --- organisations in every script -------------------------------------------------------------


def test_people_at_organisations_in_every_script() -> None:
    data = LinkedInData(
        [
            Connection("Анна", "Иванова", company="Сбербанк"),
            Connection("Taro", "Yamada", company="NTTドコモ"),
            Connection("Hana", "Sato", company="NTTデータ"),
            Connection("Eleni", "Pappa", company="Εθνική Βιβλιοθήκη"),
            Connection("Priya", "Nair", company="मुंबई विश्वविद्यालय"),
        ]
    )
    assert [p.connection.name for p in data.people_at("Сбербанк")] == ["Анна Иванова"]
    assert data.people_at("СБЕРБАНК")[0].score == 0.97
    assert [p.connection.name for p in data.people_at("NTTドコモ")] == ["Taro Yamada"]
    assert [p.connection.name for p in data.people_at("NTTデータ")] == ["Hana Sato"]
    assert [p.connection.name for p in data.people_at("ΕΘΝΙΚΗ ΒΙΒΛΙΟΘΗΚΗ")] == ["Eleni Pappa"]
    assert [p.connection.name for p in data.people_at("मुंबई विश्वविद्यालय")] == ["Priya Nair"]
    assert data.people_at("दिल्ली विश्वविद्यालय") == []


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("NTTドコモ", "NTTデータ"),
        ("ガス", "カス"),  # invented: a dakuten is a different letter, not an accent
        ("Сбербанк", "Газпром"),
        ("北京大学", "清华大学"),  # invented
    ],
)
def test_different_organisations_in_other_scripts_do_not_match(one: str, other: str) -> None:
    assert match_org(one, other) is None


# --- the whole import --------------------------------------------------------------------------


def test_a_re_saved_export_imports_whole(tmp_path: Path, data_dir: Path) -> None:
    connections = "\r\n".join(
        [
            HEADER,
            "InÃ©s,PeÃ±alver,https://x/ines,,Biblioteca Nacional,Archivera,15-Mar-23",
            "🌟 Dana,Kim ✨,https://x/dana,,Сбербанк,Analyst,28/02/2021",
            'Priyanka,"Desai, PhD",https://x/priyanka,,Acme,Clerk,03/04/2021',
        ]
    )
    messages = "\r\n".join(
        [
            MESSAGES,
            f"c1,Jordan Reyes,{ME},InÃ©s PeÃ±alver,https://x/ines,03-Feb-25 15:00,Hola",
            f'c2,Jordan Reyes,{ME},"Priyanka Desai, PhD",https://x/priyanka,2019-11-06T02:08:20Z,Hi',
            f"c3,Dana Kim,https://x/dana,Jordan Reyes,{ME},2024-05-01T08:00:00.000Z,Hey",
        ]
    )
    export = tmp_path / "Export (1).zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("Connections.csv", connections.encode("utf-8"))
        archive.writestr("messages.csv", messages.encode("utf-16-le"))
    summary = import_export(export, data_dir, me="Jordan Reyes", tz=UTC_ZONE)
    assert summary.connections == 3 and summary.written_to == 2 and summary.notes == ()
    data = load(data_dir)
    assert data is not None
    people = {c.name: c for c in data.connections}
    assert set(people) == {"Inés Peñalver", "Dana Kim", "Priyanka Desai, PhD"}
    assert people["Dana Kim"].connected_on == date(2021, 2, 28)
    assert people["Priyanka Desai, PhD"].connected_on == date(2021, 4, 3)  # the file is day first
    assert data.last_message_to("Inés Peñalver") == date(2025, 2, 3)
    assert data.last_message_to("Priyanka Desai") == date(2019, 11, 6)
    assert [p.connection.name for p in data.people_at("Сбербанк")] == ["Dana Kim"]
    stored = json.loads((data_dir / "linkedin" / "connections.json").read_text("utf-8"))
    assert "🌟" not in json.dumps(stored, ensure_ascii=False)
