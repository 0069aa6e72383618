"""The questions as data: required fields, limits, validators, text conversions, key coverage."""

from __future__ import annotations

from typing import Any

import pytest

from outreach_tui.core.model.answers import Answers, get_value, set_value
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.core.model.questions import (
    FORM_STEPS,
    QUESTIONS,
    STEPS,
    Kind,
    Question,
    as_text,
    display_value,
    from_text,
    missing_required,
    step_index,
)

REQUIRED = ["sender.name", "contact.name", "contact.organization", "goal.learn", "goal.ask_minutes"]

COMPLETE: dict[str, Any] = {
    "sender": {"name": "Jordan Lee"},
    "contact": {"name": "Alex Morgan", "organization": "Westerly Public Library"},
    "goal": {"learn": "how new staff are trained"},
}


def test_wizard_steps_in_order() -> None:
    assert [s.key for s in STEPS] == [
        "you",
        "contact",
        "research",
        "distance",
        "goal",
        "review",
        "preview",
    ]
    assert step_index("distance") == 3
    with pytest.raises(KeyError):
        step_index("nope")
    for step in STEPS:
        assert step.title.strip()
        assert step.hint.strip()
        assert "\n" not in step.hint


def test_required_questions() -> None:
    assert [k for k, q in QUESTIONS.items() if q.required] == REQUIRED


@pytest.mark.parametrize("key", REQUIRED)
def test_required_question_rejects_blank(key: str) -> None:
    question = QUESTIONS[key]
    for blank in ("", "   ", "\n"):
        reason = question.check(blank)
        assert reason is not None
        assert question.label in reason


def test_optional_question_accepts_blank() -> None:
    for key, question in QUESTIONS.items():
        if not question.required:
            assert question.check("") is None, key


@pytest.mark.parametrize(
    ("key", "limit"),
    [
        ("sender.name", 100),
        ("sender.location", 100),
        ("contact.name", 100),
        ("contact.title", 120),
        ("contact.organization", 120),
        ("goal.learn", 200),
    ],
)
def test_max_lengths(key: str, limit: int) -> None:
    question = QUESTIONS[key]
    assert question.max_length == limit
    assert question.check("x" * limit) is None
    reason = question.check("x" * (limit + 1))
    assert reason is not None
    assert str(limit) in reason


@pytest.mark.parametrize("text", ["250", "0", "12.5", "1,200", " 40 "])
def test_distance_accepts_numbers(text: str) -> None:
    assert QUESTIONS["job.distance"].check(text) is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("far", "must be a number"),
        ("-5", "zero or more"),
        ("nan", "zero or more"),
        ("inf", "zero or more"),
        ("60000", "at most"),
    ],
)
def test_distance_rejects(text: str, fragment: str) -> None:
    reason = QUESTIONS["job.distance"].check(text)
    assert reason is not None
    assert fragment in reason.lower()
    assert reason[0].isupper() and reason.endswith(".")


@pytest.mark.parametrize("text", ["20", "15-20", "15 - 20", "15–20", "15 to 20 minutes", "30 min"])
def test_minutes_accepts(text: str) -> None:
    assert QUESTIONS["goal.ask_minutes"].check(text) is None


@pytest.mark.parametrize("text", ["soon", "20-15", "0", "5-500", "15-20-25", "-20"])
def test_minutes_rejects(text: str) -> None:
    reason = QUESTIONS["goal.ask_minutes"].check(text)
    assert reason is not None
    assert reason.startswith("Minutes")


def _questions_of(kind: Kind) -> list[Question]:
    return [q for q in QUESTIONS.values() if q.kind is kind]


def test_every_kind_is_used() -> None:
    assert {q.kind for q in QUESTIONS.values()} == set(Kind)


def test_text_kinds_round_trip() -> None:
    for kind in (Kind.TEXT, Kind.LONGTEXT):
        for question in _questions_of(kind):
            assert as_text(question, "Westerly\nLibrary") == "Westerly\nLibrary"
            assert from_text(question, "Westerly Library") == "Westerly Library"
            assert as_text(question, None) == ""


def test_list_kind() -> None:
    question = QUESTIONS["research.shared_connections"]
    assert question.kind is Kind.LIST
    assert as_text(question, ["Sam Patel", "Rita Gomez"]) == "Sam Patel\nRita Gomez"
    assert as_text(question, []) == ""
    assert from_text(question, "  Sam Patel \n\n   \nRita Gomez\n") == ["Sam Patel", "Rita Gomez"]
    assert from_text(question, "") == []
    assert display_value(question, []) == "(none)"
    assert display_value(question, ["A", "B"]) == "A; B"


def test_choice_kind() -> None:
    question = QUESTIONS["contact.honorific"]
    assert question.kind is Kind.CHOICE
    values = [value for _label, value in question.choices]
    assert values == ["Ms.", "Mr.", "Mx.", "Dr.", "first-name", "none"]
    assert as_text(question, "Dr.") == "Dr."
    assert from_text(question, "first-name") == "first-name"
    assert display_value(question, "first-name") == "First name only"
    assert display_value(question, "") == "(not chosen)"


def test_number_kind() -> None:
    question = QUESTIONS["job.distance"]
    assert question.kind is Kind.NUMBER
    assert as_text(question, None) == ""
    assert as_text(question, 250.0) == "250"
    assert as_text(question, 250) == "250"
    assert as_text(question, 12.5) == "12.5"
    assert from_text(question, "250") == 250
    assert from_text(question, "1,200") == 1200
    assert from_text(question, "") is None
    assert from_text(question, "far") is None
    assert display_value(question, None) == "(empty)"


def test_bool_kind() -> None:
    question = QUESTIONS["premium"]
    assert question.kind is Kind.BOOL
    assert as_text(question, True) == "yes"
    assert as_text(question, False) == "no"
    for yes in ("yes", "Y", "true", "1", " yes "):
        assert from_text(question, yes) is True
    for no in ("no", "", "false", "0"):
        assert from_text(question, no) is False


def test_as_text_from_text_round_trip_for_every_question() -> None:
    answers = answers_from_dict(
        {
            **COMPLETE,
            "contact": {**COMPLETE["contact"], "honorific": "Dr.", "title": "Archivist"},
            "research": {"shared_connections": ["Sam"], "groups": ["G1", "G2"]},
            "job": {"distance": 250, "unit": "km"},
            "premium": True,
        }
    )
    for key, question in QUESTIONS.items():
        value = get_value(answers, key)
        assert from_text(question, as_text(question, value)) == value, key


def test_every_question_key_resolves_in_the_answers_model() -> None:
    answers = Answers()
    for key, question in QUESTIONS.items():
        value = get_value(answers, key)  # raises AttributeError for a key the model lacks
        assert isinstance(as_text(question, value), str)
        # and it can be set back through the same key
        set_value(answers, key, value)
        assert get_value(answers, key) == value


def test_every_question_has_label_and_help() -> None:
    for step in FORM_STEPS:
        for question in step.questions:
            assert question.label.strip()
            assert question.help.strip()
            if question.kind is Kind.CHOICE:
                assert question.choices


def test_missing_required_in_wizard_order() -> None:
    missing = [q.key for q in missing_required(Answers())]
    # ask_minutes has a default, so it is not missing
    assert missing == ["sender.name", "contact.name", "contact.organization", "goal.learn"]


def test_missing_required_empty_when_complete() -> None:
    assert missing_required(answers_from_dict(COMPLETE)) == []


def test_missing_required_counts_blank_and_invalid_answers() -> None:
    answers = answers_from_dict(COMPLETE)
    answers.contact.organization = "   "
    answers.goal.ask_minutes = "soon"
    assert [q.key for q in missing_required(answers)] == [
        "contact.organization",
        "goal.ask_minutes",
    ]


def test_missing_required_counts_overlong_answers() -> None:
    answers = answers_from_dict(COMPLETE)
    answers.sender.name = "x" * 101
    assert [q.key for q in missing_required(answers)] == ["sender.name"]


@pytest.mark.parametrize(
    "key", ["research.shared_connections", "research.groups", "research.public_activity"]
)
def test_a_research_line_longer_than_a_name_or_a_title_is_refused(key: str) -> None:
    question = QUESTIONS[key]
    assert question.check("Priya Shah\n" + "a" * 500) is None
    problem = question.check("Priya Shah\n" + "x" * 158_000)
    assert problem is not None and "158,000 characters" in problem and "one" in problem


def test_a_pasted_page_is_too_long_for_the_web_search_note() -> None:
    question = QUESTIONS["research.web_search"]
    assert question.check("Speaks at the state library conference every spring.") is None
    problem = question.check("word " * 1000)
    assert problem is not None and "2,000 characters" in problem
