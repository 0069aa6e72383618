"""The warm path: choosing who could introduce the user, the introduction request and its
forwardable note, and the coach's rules for it. Invented people only."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from outreach_tui.core.coach import coach
from outreach_tui.core.coach.introduction import note_sentences
from outreach_tui.core.introduction.choice import (
    COLLEAGUE,
    NO_INTRODUCER,
    SHARED,
    KnownPerson,
    candidates,
    chosen,
    strongest,
    with_introducer,
)
from outreach_tui.core.introduction.people import (
    choose_introducer,
    people_at,
    without_the_contact,
)
from outreach_tui.core.linkedin.csvfiles import Connection
from outreach_tui.core.linkedin.lookups import LinkedInData
from outreach_tui.core.message.channels import (
    CHANNELS,
    INTRODUCTION_CHANNEL,
    RenderError,
    get_channel,
)
from outreach_tui.core.message.introduction import split_note
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers, answers_to_dict
from outreach_tui.core.model.answers_load import answers_from_dict
from samples import SENDER_AND_CONTACT, answers_with

BASE: dict[str, Any] = {
    **SENDER_AND_CONTACT,
    "goal": {"learn": "how the reference team plans its outreach", "ask_minutes": "15-20"},
}
WESTERLY = "Westerly Public Library"


def make(**sections: dict[str, Any]) -> Answers:
    return answers_with(BASE, **sections)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(template_dirs=[])


def person(name: str, connected: date | None, position: str = "") -> KnownPerson:
    return KnownPerson(name, WESTERLY, position, connected)


# --- the choice -------------------------------------------------------------------------------


def test_typed_shared_connections_come_first_then_the_most_recently_connected() -> None:
    answers = make(research={"shared_connections": ["Priya Shah", "Tomás Ruiz"]})
    people = [
        person("Ben Okafor", date(2019, 5, 1)),
        person("Chen Jing", date(2024, 2, 9), "Archivist"),
        person("Dana Cole", None),
    ]
    found = candidates(answers, people)
    assert [c.name for c in found] == [
        "Priya Shah",
        "Tomás Ruiz",
        "Chen Jing",
        "Ben Okafor",
        "Dana Cole",
    ]
    assert [c.source for c in found] == [SHARED, SHARED, COLLEAGUE, COLLEAGUE, COLLEAGUE]
    best = strongest(found)
    assert best is not None and best.name == "Priya Shah"
    assert found[2].describe() == "Archivist at Westerly Public Library, connected 2024-02-09"


def test_a_shared_connection_also_in_the_import_appears_once_with_what_it_says() -> None:
    answers = make(research={"shared_connections": ["Dr. Samir Patel, PhD"]})
    found = candidates(answers, [person("samir patel", date(2023, 1, 4), "Archivist")])
    assert len(found) == 1
    assert found[0].source == SHARED
    assert found[0].organization == WESTERLY and found[0].position == "Archivist"
    assert found[0].describe().startswith("shared connection, Archivist at")


def test_the_contact_is_never_their_own_introducer_and_blank_names_are_skipped() -> None:
    answers = make(research={"shared_connections": ["Alex Morgan", "  "]})
    found = candidates(answers, [person("ALEX MORGAN", date(2024, 1, 1)), person(" ", None)])
    assert found == []
    assert strongest(found) is None


def test_choosing_someone_fills_only_what_the_import_says() -> None:
    answers = make(research={"shared_connections": ["Priya Shah"]})
    colleague = candidates(answers, [person("Chen Jing", date(2024, 2, 9), "Archivist")])[1]
    result = with_introducer(answers, colleague)
    intro = result.introduction
    assert (intro.introducer, intro.organization, intro.position) == (
        "Chen Jing",
        WESTERLY,
        "Archivist",
    )
    assert answers.introduction.introducer == ""  # a copy: the answers given are unchanged
    assert chosen(result, candidates(result, [person("Chen Jing", None)])) is not None


def test_the_introduction_round_trips_and_old_files_stay_as_they_were() -> None:
    plain = make()
    assert "introduction" not in answers_to_dict(plain)
    answers = make(introduction={"introducer": "Priya Shah", "greeting_name": "Pri"})
    again = answers_from_dict(answers_to_dict(answers))
    assert again.introduction == answers.introduction
    with pytest.raises(ValueError, match=r"introduction\.introduced must be true or false"):
        make(introduction={"introducer": "Priya Shah", "introduced": "yes"})


def test_people_at_reads_the_import_and_leaves_near_misses_out() -> None:
    data = LinkedInData(
        [
            Connection("Chen", "Jing", company=WESTERLY, connected_on=date(2024, 2, 9)),
            Connection("Ben", "Okafor", company="Westerly Library", connected_on=None),
            Connection("Dana", "Cole", company="Easterly Public Library"),
            Connection("Eli", "Ross", company="WESTERLY PUBLIC LIBRARY, Inc."),
        ]
    )
    names = {p.name for p in people_at(data, WESTERLY)}
    assert names == {"Chen Jing", "Eli Ross"}
    # "Westerly Library" is a near miss (a word fewer), not the same organisation
    assert "Ben Okafor" not in names
    assert people_at(None, WESTERLY) == [] and people_at(data, " ") == []


def test_the_contact_named_as_introducer_is_refused_or_left_out() -> None:
    answers = make(research={"shared_connections": ["Priya Shah"]})
    with pytest.raises(ValueError, match="is the person you want to meet"):
        choose_introducer(answers, None, "ALEX morgan 🌻")
    own = make(
        research={"shared_connections": ["Priya Shah"]},
        introduction={"introducer": "Alex Morgan"},
    )
    with pytest.raises(ValueError, match="is the person you want to meet"):
        choose_introducer(own, None)
    assert choose_introducer(without_the_contact(own), None).introduction.introducer == (
        "Priya Shah"
    )


# --- the text ---------------------------------------------------------------------------------


def test_without_any_possible_introducer_rendering_says_what_is_missing(
    renderer: Renderer,
) -> None:
    with pytest.raises(RenderError) as error:
        renderer.render(make(), INTRODUCTION_CHANNEL)
    assert str(error.value) == NO_INTRODUCER
    assert "\n" not in NO_INTRODUCER


def test_the_channel_is_apart_from_the_everyday_ones() -> None:
    assert INTRODUCTION_CHANNEL not in CHANNELS
    spec = get_channel(INTRODUCTION_CHANNEL)
    assert spec.has_subject and spec.limit_for(False) == 2000


def test_the_request_greets_the_introducer_by_given_name_and_holds_the_note(
    renderer: Renderer,
) -> None:
    answers = make(research={"shared_connections": ["Dr. Priya Shah, MLIS (she/her)"]})
    rendered = renderer.render(answers, INTRODUCTION_CHANNEL)
    body = rendered.body
    assert body.startswith("Hi Priya,\n")
    assert rendered.subject == "A small favour: an introduction to Alex Morgan"
    assert "LinkedIn shows the two of you are connected." in body
    assert "work at" not in body.split("---")[0]  # the import said nothing of where she works
    assert body.count("?") == 2  # one ask of Priya, one in the note
    parts = split_note(body)
    assert parts is not None
    before, note, after = parts
    assert "Would you be comfortable introducing us?" in before
    assert note.startswith("Dear Ms. Morgan,")
    assert "I asked Dr. Priya Shah to pass this note on" in note  # the title typed stays
    assert "MLIS" not in body and "she/her" not in body
    assert note.rstrip().endswith("Jordan Lee")
    assert 3 <= note_sentences(note) <= 4
    assert "no need to explain" in after
    assert body.rstrip().endswith("Best wishes,\nJordan")


@pytest.mark.parametrize(
    ("introduction", "link"),
    [
        (
            {"introducer": "Chen Jing", "organization": WESTERLY},
            "because you work there too, so you may know each other.",
        ),
        (
            {"introducer": "Priya Shah", "organization": WESTERLY},
            "because the two of you work there and are connected on LinkedIn.",
        ),
        (
            {"introducer": "Sam Okafor"},
            "a few questions, and I wondered whether you might know each other.",
        ),
    ],
    ids=["colleague", "both", "typed-by-hand"],
)
def test_why_this_person_says_only_what_the_answers_say(
    renderer: Renderer, introduction: dict[str, Any], link: str
) -> None:
    answers = make(research={"shared_connections": ["Priya Shah"]}, introduction=introduction)
    body = renderer.render(answers, INTRODUCTION_CHANNEL).body
    assert link in body
    for overstated in ("close", "good friend", "know well", "suggested", "recommended"):
        assert overstated not in body


@pytest.mark.parametrize(
    ("name", "greeting_name", "opening"),
    [
        ("María José García Márquez", "", "Hi María José,"),
        ("Willem van der Berg", "", "Hi Willem,"),
        ('Robert "Bob" Smith', "", "Hi Bob,"),
        ("Wang Fang", "Fang", "Hi Fang,"),
        ("Priya Shah", "Dr. Shah", "Dear Dr. Shah,"),
    ],
)
def test_the_introducer_is_greeted_through_the_names_model(
    renderer: Renderer, name: str, greeting_name: str, opening: str
) -> None:
    answers = make(introduction={"introducer": name, "greeting_name": greeting_name})
    body = renderer.render(answers, INTRODUCTION_CHANNEL).body
    assert body.splitlines()[0] == opening
    if greeting_name.startswith("Dr."):
        assert body.rstrip().endswith("Best wishes,\nJordan Lee")


def test_user_text_in_the_introduction_is_data(renderer: Renderer) -> None:
    answers = make(introduction={"introducer": "{{ 7*7 }} Jones", "organization": "{% raw %}"})
    body = renderer.render(answers, INTRODUCTION_CHANNEL).body
    assert "{{ 7*7 }} Jones" in body and "49" not in body
    assert "{% raw %}" in body


# --- the coach --------------------------------------------------------------------------------


def _report(answers: Answers, body: str) -> dict[str, Any]:
    report = coach(answers, INTRODUCTION_CHANNEL, "An introduction", body)
    return {r.id: r for r in report.rules} | {"score": report.score, "reasons": report.reasons}


def test_the_built_in_request_passes_its_own_rules_and_scores_as_warm(renderer: Renderer) -> None:
    answers = make(research={"shared_connections": ["Priya Shah"]})
    rendered = renderer.render(answers, INTRODUCTION_CHANNEL)
    report = coach(answers, INTRODUCTION_CHANNEL, rendered.subject, rendered.body)
    failing = [(r.id, r.message) for r in report.rules if not r.ok]
    assert failing == []
    assert report.score <= 3
    assert [r.id for r in report.reasons] == ["warm-path"]
    assert "Priya Shah" in report.reasons[0].text


def _edited(renderer: Renderer, answers: Answers, old: str, new: str) -> str:
    body = renderer.render(answers, INTRODUCTION_CHANNEL).body
    assert old in body
    return body.replace(old, new)


def test_asking_the_introducer_to_vouch_is_flagged(renderer: Renderer) -> None:
    answers = make(research={"shared_connections": ["Priya Shah"]})
    body = _edited(
        renderer,
        answers,
        "Would you be comfortable introducing us?",
        "Would you be comfortable introducing us and putting in a good word for me?",
    )
    rules = _report(answers, body)
    assert not rules["no-vouch"].ok and "good word" in rules["no-vouch"].message


def test_a_long_note_a_second_question_and_a_note_pointing_outside_are_flagged(
    renderer: Renderer,
) -> None:
    answers = make(research={"shared_connections": ["Priya Shah"]})
    body = _edited(
        renderer,
        answers,
        "Thank you for considering it.",
        "As I said above, I admire the team. I read the annual report. I liked it. "
        "Thank you for considering it.",
    )
    body = body.replace("If so,", "Are you free next week? If so,")
    rules = _report(answers, body)
    assert not rules["note-short"].ok and "sentences" in rules["note-short"].message
    assert not rules["note-self-contained"].ok
    assert "above" in rules["note-self-contained"].message
    assert not rules["one-request"].ok


def test_a_request_without_its_note_is_flagged(renderer: Renderer) -> None:
    answers = make(research={"shared_connections": ["Priya Shah"]})
    body = renderer.render(answers, INTRODUCTION_CHANNEL).body.replace("---", "")
    rules = _report(answers, body)
    assert not rules["note-short"].ok and "---" in rules["note-short"].message


# --- after the introduction -------------------------------------------------------------------


@pytest.mark.parametrize("channel", ["message", "email", "connection-note", "follow-up"])
def test_once_introduced_the_message_names_the_introducer_as_the_hook(
    renderer: Renderer, channel: str
) -> None:
    answers = make(
        research={"shared_connections": ["Priya Shah"], "groups": ["Rhode Island Library Assn"]},
        introduction={"introducer": "Chen Jing", "introduced": True},
    )
    rendered = renderer.render(answers, channel)
    assert "Chen Jing" in rendered.as_text()
    assert "Priya Shah" not in rendered.body


def test_once_introduced_the_coach_gives_the_introducer_credit(renderer: Renderer) -> None:
    before = make(introduction={"introducer": "Chen Jing"})
    cold = renderer.render(before, "message")
    cold_report = coach(before, "message", cold.subject, cold.body)
    assert "cold" in [r.id for r in cold_report.reasons]
    after = make(introduction={"introducer": "Chen Jing", "introduced": True})
    warm = renderer.render(after, "message")
    report = coach(after, "message", warm.subject, warm.body)
    assert "introduced" in [r.id for r in report.reasons]
    assert report.score < cold_report.score
    assert {r.id: r for r in report.rules}["connection-early"].ok


def test_the_note_names_people_as_they_go_by_and_initials_end_no_sentence(
    renderer: Renderer,
) -> None:
    answers = make(
        sender={"name": "Kofi A. Mensah"},
        research={"shared_connections": ['Robert "Bob" Smith']},
    )
    rendered = renderer.render(answers, INTRODUCTION_CHANNEL)
    assert rendered.body.startswith("Hi Bob,\n")
    parts = split_note(rendered.body)
    assert parts is not None
    assert "I asked Bob Smith to pass this note on." in parts[1]
    assert note_sentences(parts[1]) == 4
    report = coach(answers, INTRODUCTION_CHANNEL, rendered.subject, rendered.body)
    assert all(r.ok for r in report.rules), [r.message for r in report.rules if not r.ok]
