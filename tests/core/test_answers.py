"""The answers model: dict round trip, defaults, type errors, the 100-mile rule, file loading."""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

from outreach_tui.core.model.answers import (
    DEFAULT_ASK_MINUTES,
    Answers,
    AnswersError,
    Job,
    answers_to_dict,
)
from outreach_tui.core.model.answers_load import (
    answers_from_dict,
    load_answers_file,
    read_data_file,
)
from samples import SENDER_AND_CONTACT

FULL: dict[str, Any] = {
    **deepcopy(SENDER_AND_CONTACT),
    "research": {
        "shared_connections": ["Sam Patel", "Rita Gomez"],
        "groups": ["New Members Round Table"],
        "public_activity": ["your post on weeding"],
        "web_search": "a talk at the state library conference",
    },
    "job": {"distance": 250, "unit": "miles"},
    "goal": {"learn": "how the library supports new staff", "ask_minutes": "15-20"},
    "premium": True,
}


# --- dict round trip -------------------------------------------------------------------------


def test_full_answers_round_trip_unchanged() -> None:
    answers = answers_from_dict(FULL)
    assert answers.contact.name == "Alex Morgan"
    assert answers.research.shared_connections == ["Sam Patel", "Rita Gomez"]
    assert answers.job.distance == 250
    assert answers.premium is True
    assert answers_to_dict(answers) == FULL
    assert answers.to_dict() == FULL
    # and once more through JSON text, as a saved file would go
    again = answers_from_dict(json.loads(json.dumps(answers.to_dict())))
    assert again == answers


def test_fractional_distance_round_trips() -> None:
    data = {**FULL, "job": {"distance": 12.5, "unit": "km"}}
    assert answers_to_dict(answers_from_dict(data))["job"] == {"distance": 12.5, "unit": "km"}


def test_unknown_keys_kept_at_top_level_and_inside_sections() -> None:
    data = {
        **FULL,
        "future_field": {"nested": [1, 2]},
        "sender": {**FULL["sender"], "pronouns": "they/them"},
        "contact": {**FULL["contact"], "linkedin_url": "https://example.org/in/alex"},
        "research": {**FULL["research"], "notes": ["met at a webinar"]},
        "job": {**FULL["job"], "posting": "REF-123"},
        "goal": {**FULL["goal"], "follow_up": True},
    }
    out = answers_from_dict(data).to_dict()
    assert out == data
    assert out["future_field"] == {"nested": [1, 2]}
    assert out["sender"]["pronouns"] == "they/them"
    assert out["contact"]["linkedin_url"] == "https://example.org/in/alex"
    assert out["research"]["notes"] == ["met at a webinar"]
    assert out["job"]["posting"] == "REF-123"
    assert out["goal"]["follow_up"] is True


def test_missing_optional_keys_get_defaults() -> None:
    answers = answers_from_dict({"sender": {"name": "Jordan Lee"}})
    assert answers.sender.name == "Jordan Lee"
    assert answers.sender.location == ""
    assert answers.goal.ask_minutes == DEFAULT_ASK_MINUTES == "15-20"
    assert answers.job.unit == "miles"
    assert answers.job.distance is None
    assert answers.contact.active_on_linkedin == "unknown"
    assert answers.contact.honorific == ""
    assert answers.premium is False
    assert answers.research.shared_connections == []
    assert answers.research.web_search == ""
    assert answers_from_dict({}) == Answers()


def test_null_values_mean_defaults() -> None:
    answers = answers_from_dict(
        {"premium": None, "goal": {"ask_minutes": None}, "research": {"groups": None}}
    )
    assert answers.premium is False
    assert answers.goal.ask_minutes == "15-20"
    assert answers.research.groups == []


def test_blank_list_items_dropped_and_single_string_is_a_list_of_one() -> None:
    answers = answers_from_dict(
        {"research": {"shared_connections": ["Sam", "  ", ""], "groups": "Archivists Forum"}}
    )
    assert answers.research.shared_connections == ["Sam"]
    assert answers.research.groups == ["Archivists Forum"]


def test_active_on_linkedin_accepts_booleans() -> None:
    assert (
        answers_from_dict({"contact": {"active_on_linkedin": True}}).contact.active_on_linkedin
        == "yes"
    )
    assert (
        answers_from_dict({"contact": {"active_on_linkedin": False}}).contact.active_on_linkedin
        == "no"
    )


def test_minutes_normalised() -> None:
    assert (
        answers_from_dict({"goal": {"ask_minutes": "15 to 20 minutes"}}).goal.ask_minutes == "15-20"
    )
    assert answers_from_dict({"goal": {"ask_minutes": 20}}).goal.ask_minutes == "20"


# --- type errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"job": {"distance": "far"}}, "job.distance must be a number, not 'far'"),
        ({"job": {"distance": True}}, "job.distance must be a number, not true/false"),
        ({"job": {"distance": [5]}}, "job.distance must be a number, not a list"),
        ({"job": {"distance": -3}}, "distance must be zero or more"),
        ({"job": {"unit": "feet"}}, "job.unit must be one of"),
        ({"research": {"groups": 5}}, "research.groups must be a list of text, not a number"),
        (
            {"research": {"shared_connections": {"a": 1}}},
            "research.shared_connections must be a list of text, not a table/object",
        ),
        (
            {"research": {"public_activity": ["ok", None]}},
            "research.public_activity[1] must be text, not null",
        ),
        ({"premium": "yes"}, "premium must be true or false, not text"),
        ({"premium": 1}, "premium must be true or false, not a number"),
        ({"contact": {"honorific": "Sir"}}, "contact.honorific must be one of"),
        ({"contact": {"name": ["Alex"]}}, "contact.name must be text, not a list"),
        ({"contact": {"active_on_linkedin": "often"}}, "contact.active_on_linkedin must be"),
        ({"goal": {"ask_minutes": "lots"}}, "goal.ask_minutes must look like 20 or 15-20"),
        ({"sender": ["Jordan"]}, "sender must be a table/object, not a list"),
    ],
)
def test_type_errors_have_clear_messages(data: dict[str, Any], expected: str) -> None:
    with pytest.raises(AnswersError) as info:
        answers_from_dict(data)
    assert expected in str(info.value)
    assert "\n" not in str(info.value)


def test_honorific_error_lists_the_choices_and_the_bad_value() -> None:
    with pytest.raises(AnswersError) as info:
        answers_from_dict({"contact": {"honorific": "Sir"}})
    message = str(info.value)
    for choice in ("'Ms.'", "'Mr.'", "'Mx.'", "'Dr.'", "'first-name'", "'Sir'"):
        assert choice in message


def test_answers_must_be_an_object() -> None:
    with pytest.raises(AnswersError, match="must be a table/object, not a list"):
        answers_from_dict([1, 2])


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ms", "Ms."),
        ("MS.", "Ms."),
        (" mr ", "Mr."),
        ("Mx", "Mx."),
        ("dr.", "Dr."),
        ("Dr.", "Dr."),
        ("first-name", "first-name"),
        ("none", "none"),
        ("", ""),
    ],
)
def test_honorific_normalised(typed: str, stored: str) -> None:
    assert answers_from_dict({"contact": {"honorific": typed}}).contact.honorific == stored


# --- the 100-mile rule -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("distance", "unit", "far"),
    [
        (None, "miles", False),
        (0, "miles", False),
        (99, "miles", False),
        (99.5, "miles", False),
        (100, "miles", True),
        (250, "miles", True),
        (150, "km", False),
        (159, "km", False),
        (160, "km", True),
        (161, "km", True),
    ],
)
def test_hundred_mile_rule(distance: float | None, unit: str, far: bool) -> None:
    assert Job(distance=distance, unit=unit).is_far is far
    data = {"job": {"distance": distance, "unit": unit}}
    assert answers_from_dict(data).job.is_far is far


# --- files -----------------------------------------------------------------------------------


def test_json_answers_file(tmp_path: Path) -> None:
    path = tmp_path / "alex.json"
    path.write_text(json.dumps(FULL), encoding="utf-8")
    assert load_answers_file(path) == answers_from_dict(FULL)


def test_json_with_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(FULL).encode("utf-8"))
    assert load_answers_file(path).contact.name == "Alex Morgan"


TOML_TEXT = """\
premium = true
colour = "teal"

[sender]
name = "Jordan Lee"
location = "Dayton, Ohio"

[contact]
name = "Alex Morgan"
honorific = "dr"
organization = "Westerly Public Library"

[research]
shared_connections = ["Sam Patel"]
groups = []

[job]
distance = 160
unit = "km"

[goal]
learn = "how the library supports new staff"
"""


def test_toml_answers_file(tmp_path: Path) -> None:
    path = tmp_path / "alex.toml"
    path.write_text(TOML_TEXT, encoding="utf-8")
    answers = load_answers_file(path)
    assert answers.sender.location == "Dayton, Ohio"
    assert answers.contact.honorific == "Dr."
    assert answers.research.shared_connections == ["Sam Patel"]
    assert answers.job.distance == 160
    assert answers.job.unit == "km"
    assert answers.job.is_far
    assert answers.goal.ask_minutes == "15-20"
    assert answers.premium is True
    assert answers.extra == {"colour": "teal"}


def test_answers_read_from_a_saved_draft(tmp_path: Path) -> None:
    draft = {
        "schema_version": 1,
        "id": "alex-morgan-1a2b",
        "created": "2024-05-01T10:00:00+00:00",
        "updated": "2024-05-01T10:05:00+00:00",
        "channel": "message",
        "answers": FULL,
        "subject": "A few questions",
        "message": "Dear Ms. Morgan, ...",
    }
    path = tmp_path / "alex-morgan-1a2b.json"
    path.write_text(json.dumps(draft), encoding="utf-8")
    assert load_answers_file(path) == answers_from_dict(FULL)


def test_type_error_in_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"job": {"distance": "far"}}), encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        load_answers_file(path)
    assert str(info.value) == f"{path}: job.distance must be a number, not 'far'"


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "sender": {\n    "name": "x",\n  }\n}\n', encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        load_answers_file(path)
    message = str(info.value)
    assert str(path) in message
    assert "invalid JSON" in message
    assert "line 4, column 3" in message


def test_invalid_toml_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[sender]\nname = "x"\n\n[job]\ndistance = = 3\n', encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        load_answers_file(path)
    message = str(info.value)
    assert str(path) in message
    assert "invalid TOML" in message
    assert "line 5" in message
    assert "column" in message


def test_toml_suffix_any_case(tmp_path: Path) -> None:
    path = tmp_path / "ALEX.TOML"
    path.write_text(TOML_TEXT, encoding="utf-8")
    assert load_answers_file(path).contact.name == "Alex Morgan"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(AnswersError) as info:
        load_answers_file(path)
    assert str(info.value) == f"{path}: no such file"


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "answers.json"
    folder.mkdir()
    with pytest.raises(AnswersError) as info:
        read_data_file(folder)
    assert str(info.value) == f"{folder}: is a folder, not a file"


def test_non_utf8_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"sender": {"name": "Zoë"}}'.encode("latin-1"))
    with pytest.raises(AnswersError) as info:
        load_answers_file(path)
    assert str(path) in str(info.value)
    assert "not UTF-8" in str(info.value)
