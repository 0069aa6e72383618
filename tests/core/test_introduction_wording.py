"""The introduction channel as a fresh reader (introducer, contact) reads it: the reason for
asking hangs together and claims no more than the answers say, the contact gets no pronoun the
product cannot know, the introducer is greeted by a name that is surely theirs, and the message
after the introduction moves things on instead of repeating the note. Invented people only."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from outreach_tui.core.coach import coach
from outreach_tui.core.introduction.choice import with_introducer
from outreach_tui.core.introduction.people import introducers
from outreach_tui.core.linkedin.csvfiles import Connection
from outreach_tui.core.linkedin.lookups import LinkedInData
from outreach_tui.core.message.channels import INTRODUCTION_CHANNEL
from outreach_tui.core.message.introduction import split_note
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from samples import SENDER_AND_CONTACT, answers_with

GOAL = "how the reference team plans its outreach"
BASE: dict[str, Any] = {**SENDER_AND_CONTACT, "goal": {"learn": GOAL}}
WESTERLY = "Westerly Public Library"
PRONOUNS = re.compile(r"\b(?:their|theirs|they|them|her|hers|she|his|him|he)\b", re.IGNORECASE)


def make(**sections: dict[str, Any]) -> Answers:
    return answers_with(BASE, **sections)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(template_dirs=[])


def first_paragraph(body: str) -> str:
    return body.split("\n\n")[1]


@pytest.mark.parametrize(
    "introduction",
    [
        {"introducer": "Priya Shah"},
        {"introducer": "Priya Shah", "organization": WESTERLY},
        {"introducer": "Chen Jing", "organization": WESTERLY},
        {"introducer": "Sam Okafor"},
    ],
    ids=["shared", "both", "colleague", "typed-by-hand"],
)
def test_the_reason_for_asking_is_one_sentence_that_hangs_together(
    renderer: Renderer, introduction: dict[str, Any]
) -> None:
    answers = make(research={"shared_connections": ["Priya Shah"]}, introduction=introduction)
    reason = first_paragraph(renderer.render(answers, INTRODUCTION_CHANNEL).body)
    # "also" reads as "like me"; "thought of you, in case" does not hang together
    assert " also " not in reason
    assert "in case you know" not in reason
    assert reason.count(".") == 2 and reason.endswith(".")  # "I hope you're well." + one
    assert len(reason.split()) <= 40, reason
    if introduction.get("organization"):
        assert "work there" in reason  # the contact's organisation, named just before
    if introduction["introducer"] == "Sam Okafor":
        assert "wondered whether you might know each other" in reason


def test_an_import_spelling_the_organisation_otherwise_is_named_as_it_spells_it(
    renderer: Renderer,
) -> None:
    answers = make(introduction={"introducer": "Chen Jing", "organization": "Westerly Library"})
    reason = first_paragraph(renderer.render(answers, INTRODUCTION_CHANNEL).body)
    assert "because you work at Westerly Library too" in reason


@pytest.mark.parametrize("honorific", ["Ms.", "Mr.", "Mx.", "Dr.", "first-name", "none"])
def test_the_contact_gets_no_pronoun_in_the_request_or_the_note(
    renderer: Renderer, honorific: str
) -> None:
    for goal in (GOAL, ""):
        answers = make(
            contact={"honorific": honorific},
            research={"shared_connections": ["Priya Shah"]},
            goal={"learn": goal},
        )
        body = renderer.render(answers, INTRODUCTION_CHANNEL).body
        assert not PRONOUNS.search(body), PRONOUNS.findall(body)


def test_the_note_offers_a_short_written_reply_as_the_cheap_alternative(
    renderer: Renderer,
) -> None:
    answers = make(research={"shared_connections": ["Priya Shah"]})
    parts = split_note(renderer.render(answers, INTRODUCTION_CHANNEL).body)
    assert parts is not None
    assert "few lines by message" not in parts[1]
    assert "call, or a short written reply, so that I can learn" in parts[1]


def test_a_note_without_a_goal_is_flagged_as_too_vague_to_forward(renderer: Renderer) -> None:
    answers = answers_from_dict(
        {
            "sender": {"name": "Jordan Lee"},
            "contact": {"name": "Alex Morgan", "organization": WESTERLY},
            "research": {"shared_connections": ["Samir Patel"]},
        }
    )
    rendered = renderer.render(answers, INTRODUCTION_CHANNEL)
    parts = split_note(rendered.body)
    assert parts is not None
    assert f"at {WESTERLY}" in parts[1]  # the note names the organisation it knows
    report = coach(answers, INTRODUCTION_CHANNEL, rendered.subject, rendered.body)
    goal = {r.id: r for r in report.rules}["goal"]
    assert not goal.ok
    assert "note to forward" in goal.message and "vague" in goal.message
    # the everyday channels keep their own wording
    message = renderer.render(answers, "message")
    other = {r.id: r for r in coach(answers, "message", message.subject, message.body).rules}
    assert "note to forward" not in other["goal"].message


# --- the greeting of the person asked ----------------------------------------------------------


def test_a_typed_name_that_may_start_with_a_family_name_is_greeted_in_full(
    renderer: Renderer,
) -> None:
    answers = make(research={"shared_connections": ["Chen Jing"]})
    body = renderer.render(answers, INTRODUCTION_CHANNEL).body
    assert body.startswith("Hi Chen Jing,\n")
    own = make(introduction={"introducer": "Chen Jing", "greeting_name": "Jing"})
    assert renderer.render(own, INTRODUCTION_CHANNEL).body.startswith("Hi Jing,\n")
    plain = make(research={"shared_connections": ["Samir Patel"]})
    assert renderer.render(plain, INTRODUCTION_CHANNEL).body.startswith("Hi Samir,\n")


@pytest.mark.parametrize(
    ("given", "family", "opening", "greeting_name"),
    [
        ("Jing", "Chen", "Hi Jing,", ""),  # "Jing Chen": the parse agrees, nothing stored
        ("Chen", "Jing", "Hi Chen,", "Chen"),  # "Chen Jing": the import settles the doubt
        ("Samir", "Patel", "Hi Samir,", ""),
    ],
)
def test_an_imported_introducer_is_greeted_by_the_imports_first_name(
    renderer: Renderer, given: str, family: str, opening: str, greeting_name: str
) -> None:
    data = LinkedInData(
        [Connection(given, family, company=WESTERLY, connected_on=date(2024, 2, 9))]
    )
    answers = make()
    found = introducers(answers, data)
    assert len(found) == 1
    chosen = with_introducer(answers, found[0])
    assert chosen.introduction.greeting_name == greeting_name
    assert renderer.render(chosen, INTRODUCTION_CHANNEL).body.startswith(opening + "\n")
    # the user's own greeting name still wins
    typed = with_introducer(answers, found[0], "Dr. C")
    assert renderer.render(typed, INTRODUCTION_CHANNEL).body.startswith("Dear Dr. C,\n")


# --- after the introduction --------------------------------------------------------------------


@pytest.mark.parametrize("channel", ["message", "email"])
def test_after_the_introduction_the_message_moves_on_instead_of_repeating_the_note(
    renderer: Renderer, channel: str
) -> None:
    answers = make(
        research={"shared_connections": ["Samir Patel"]},
        introduction={"introducer": "Chen Jing", "introduced": True},
    )
    request = renderer.render(make(introduction={"introducer": "Chen Jing"}), INTRODUCTION_CHANNEL)
    parts = split_note(request.body)
    assert parts is not None
    note_sentences = {s.strip() for s in re.split(r"(?<=[.?])\s+", parts[1]) if len(s) > 30}
    after = renderer.render(answers, channel)
    body = after.body
    for sentence in note_sentences:
        assert sentence not in body
    assert "I am interested in your work as" not in body  # the note said it
    assert "Chen Jing kindly put us in touch, and I am grateful" in body  # thanks them
    assert body.count(GOAL) == 1  # the topic, once
    assert "in the next week or two" in body  # moves on to a time
    assert len(body.split()) < 80
    limit = 80 if channel == "message" else 60
    expected = f"Introduction via Chen Jing: {GOAL}"
    assert after.subject == (expected if len(expected) <= limit else "Introduction via Chen Jing")
    report = coach(answers, channel, after.subject, body)
    assert all(r.ok for r in report.rules), [r.message for r in report.rules if not r.ok]
    assert "introduced" in [r.id for r in report.reasons]


def test_after_the_introduction_a_short_topic_fits_the_email_subject(renderer: Renderer) -> None:
    answers = make(
        goal={"learn": "how outreach is planned"},
        introduction={"introducer": "Chen Jing", "introduced": True},
    )
    assert renderer.render(answers, "email").subject == (
        "Introduction via Chen Jing: how outreach is planned"
    )
