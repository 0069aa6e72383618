"""The coach's judgement on hand-written messages: the calibration table (the README's), credit
only for what the message really says, personal details, job asks and goals.

Messages are written here, not rendered, so that these tests do not hang on template wording.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from outreach_tui.core.coach import CoachReport, coach, score_label
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from samples import SENDER_AND_CONTACT

RESEARCH: dict[str, Any] = {
    "shared_connections": ["Priya Shah"],
    "groups": ["Digital Library Federation"],
    "public_activity": ["your post on weeding"],
    "web_search": "a talk at the NELA conference",
}
NONE: dict[str, Any] = {
    "shared_connections": [],
    "groups": [],
    "public_activity": [],
    "web_search": "",
}
GOAL = "what a typical week in reference services looks like"
SUBJECT = "A question about reference work"


def answers(research: dict[str, Any] | None = None, **sections: Any) -> Answers:
    data: dict[str, Any] = copy.deepcopy(SENDER_AND_CONTACT)
    data["research"] = copy.deepcopy(RESEARCH if research is None else research)
    data["goal"] = {"learn": GOAL, "ask_minutes": "15-20"}
    for name, value in sections.items():
        data[name] = {**data.get(name, {}), **value}
    return answers_from_dict(data)


def letter(*sentences: str, greeting: str = "Dear Ms. Morgan,") -> str:
    return f"{greeting}\n\n{' '.join(sentences)}\n\nThank you,\nJordan Lee"


INTRO = "My name is Jordan Lee and I work in reference at a public library."
ASK = "Would you be open to a 15-20 minute call?"
PURPOSE = f"I would most like to learn {GOAL}."
CONN = "Priya Shah suggested I write to you."
GROUP = "We are both members of the Digital Library Federation."
WRITING = "I enjoyed your post on weeding."
WEB = "I came across a talk at the NELA conference."


def check(a: Answers, body: str, channel: str = "message") -> CoachReport:
    return coach(a, channel, SUBJECT, body)


# --- the calibration table (the README's "How the coach scores a message" shows the same) ------

CALIBRATION: list[tuple[str, Answers, str, str, tuple[int, int], str]] = [
    (
        "a shared connection, a group and their writing",
        answers(),
        "message",
        letter(CONN, GROUP, WRITING, INTRO, ASK, PURPOSE),
        (1, 3),
        "natural",
    ),
    (
        "a shared connection",
        answers(),
        "message",
        letter(CONN, INTRO, ASK, PURPOSE),
        (1, 3),
        "natural",
    ),
    (
        "a group in common",
        answers(),
        "message",
        letter(GROUP, INTRO, ASK, PURPOSE),
        (3, 3),
        "natural",
    ),
    (
        "their public writing",
        answers(),
        "message",
        letter(WRITING, INTRO, ASK, PURPOSE),
        (4, 4),
        "uneasy",
    ),
    (
        "polite and purposeful, no point of contact",
        answers(NONE),
        "message",
        letter(INTRO, ASK, PURPOSE),
        (5, 6),
        "uneasy",
    ),
    (
        "no point of contact but a web-search find",
        answers(),
        "message",
        letter(WEB, INTRO, ASK, PURPOSE),
        (5, 5),
        "uneasy",
    ),
    (
        "no point of contact and no purpose",
        answers(NONE, goal={"learn": ""}),
        "message",
        letter(INTRO, ASK),
        (7, 7),
        "creepy",
    ),
    (
        "no point of contact, first name and 'Hey'",
        answers(NONE, contact={"honorific": "first-name"}),
        "message",
        letter(INTRO, ASK, PURPOSE, greeting="Hey Alex,"),
        (8, 8),
        "creepy",
    ),
    (
        "warm, but mentions their children",
        answers(),
        "message",
        letter(CONN, GROUP, WRITING, "I hope your kids are well.", ASK, PURPOSE),
        (8, 8),
        "creepy",
    ),
    (
        "cold and mentions their house",
        answers(NONE),
        "message",
        letter(INTRO, "I saw your house on a property site.", ASK, PURPOSE),
        (8, 9),
        "creepy",
    ),
    (
        "family, home and photos at once",
        answers(NONE),
        "message",
        letter("I saw photos of your kids outside your house on Instagram.", ASK, PURPOSE),
        (10, 10),
        "alarming",
    ),
    (
        "a personal research answer left out of the message",
        answers({**NONE, "public_activity": ["photos of their dog on Instagram"]}),
        "message",
        letter(INTRO, ASK, PURPOSE),
        (5, 6),
        "uneasy",
    ),
    (
        "a thank-you after the conversation",
        answers(),
        "thank-you",
        letter("Thank you for your time today.", PURPOSE),
        (1, 3),
        "natural",
    ),
]


@pytest.mark.parametrize(
    ("name", "a", "channel", "body", "expected", "label"),
    CALIBRATION,
    ids=[c[0] for c in CALIBRATION],
)
def test_calibration(
    name: str, a: Answers, channel: str, body: str, expected: tuple[int, int], label: str
) -> None:
    report = check(a, body, channel)
    low, high = expected
    assert low <= report.score <= high, [r.label() for r in report.reasons]
    assert score_label(report.score) == label == report.label


def test_a_polite_cold_message_is_never_worse_than_one_about_someones_children() -> None:
    cold = check(answers(NONE), letter(INTRO, ASK, PURPOSE))
    children = check(
        answers(), letter(CONN, GROUP, WRITING, "Your children are lovely.", ASK, PURPOSE)
    )
    assert cold.score < children.score


# --- credit only for what the message really says ------------------------------------------------


def reason_ids(report: CoachReport) -> set[str]:
    return {r.id for r in report.reasons}


def test_a_group_is_not_credited_for_words_that_occur_apart() -> None:
    a = answers({**NONE, "groups": ["Digital Library Federation"]})
    body = letter(
        "I work on digital projects at a public library and admire your federation of branches.",
        ASK,
        PURPOSE,
    )
    assert "group" not in reason_ids(check(a, body))
    assert "group" in reason_ids(check(a, letter(GROUP, ASK, PURPOSE)))


def test_a_connection_is_not_credited_by_a_common_word() -> None:
    a = answers({**NONE, "shared_connections": ["Will Jackson"]})
    report = check(a, letter("I will be brief, and Jackson Library is where I started.", ASK))
    assert "shared-connection" not in reason_ids(report)
    assert "cold" in reason_ids(report)
    assert "shared-connection" in reason_ids(check(a, letter("Will Jackson suggested I write.")))


@pytest.mark.parametrize(
    ("item", "said"),
    [
        ("José Núñez", "We both know Jose Nunez."),
        ("JOSÉ NÚÑEZ", "We both know José Núñez."),
        ("Dr. Priya Shah, MLIS", "We both know Priya Shah."),
        ("Priya K. Shah", "We both know Priya Shah."),
        ("Siobhán Ó Briain", "We both know Siobhán Ó Briain."),
    ],
)
def test_a_connection_is_found_whole_with_case_accents_and_punctuation_forgiven(
    item: str, said: str
) -> None:
    report = check(answers({**NONE, "shared_connections": [item]}), letter(said, ASK, PURPOSE))
    assert "shared-connection" in reason_ids(report)


@pytest.mark.parametrize(
    ("item", "said", "credited"),
    [
        ("Priya", "Priya suggested I write to you.", True),
        ("Zoë", "Zoe suggested I write to you.", True),
        ("Øystein", "We both know Oystein from the archive.", True),
        ("Øystein", "We both know Øystein from the archive.", True),
        ("Will", "I will be brief.", False),
    ],
)
def test_a_connection_known_by_one_name_counts_only_with_its_capital(
    item: str, said: str, credited: bool
) -> None:
    report = check(answers({**NONE, "shared_connections": [item]}), letter(said, ASK, PURPOSE))
    assert ("shared-connection" in reason_ids(report)) is credited


def test_a_group_by_its_acronym_and_writing_without_its_leading_your() -> None:
    a = answers(
        {
            **NONE,
            "groups": ["Rhode Island Library Association (RILA)"],
            "public_activity": ["your post on weeding"],
        }
    )
    report = check(
        a, letter("We are both in RILA.", "I enjoyed the post on weeding.", ASK, PURPOSE)
    )
    assert {"group", "writing"} <= reason_ids(report)


def test_a_stronger_link_left_out_gets_a_suggestion() -> None:
    report = check(answers(), letter(WRITING, INTRO, ASK, PURPOSE))
    (note,) = [r for r in report.reasons if r.id == "unused-research"]
    assert note.points == 0
    assert "Priya Shah" in note.text and "Priya Shah" in note.suggestion


def test_a_cold_message_suggests_the_research_it_leaves_out() -> None:
    report = check(answers(), letter(INTRO, ASK, PURPOSE))
    (cold,) = [r for r in report.reasons if r.id == "cold"]
    assert "Priya Shah" in cold.suggestion


# --- personal details --------------------------------------------------------------------------


def test_personal_research_is_never_credited_and_is_named_kindly() -> None:
    item = "photos of their dog on Instagram"
    a = answers({**NONE, "public_activity": [item]})
    left_out = check(a, letter(INTRO, ASK, PURPOSE))
    (note,) = [r for r in left_out.reasons if r.id == "personal-research"]
    assert "personal" in note.text and "keep it out of the message" in note.text
    assert note.points == 0
    assert "writing" not in reason_ids(left_out)
    # Written in anyway: no credit as "public writing", and 8 or more.
    written = check(a, letter(f"I also enjoyed the {item}.", INTRO, ASK, PURPOSE))
    assert "writing" not in reason_ids(written)
    assert "personal" in reason_ids(written)
    assert written.score >= 8
    (reason,) = [r for r in written.reasons if r.id == "personal"]
    assert "keep it out of the message" in reason.suggestion.lower()


def test_a_personal_web_find_never_lowers_the_score() -> None:
    item = "their house, seen on a property site"
    a = answers({**NONE, "web_search": item})
    written = check(a, letter(f"I came across {item}.", INTRO, ASK, PURPOSE))
    assert "web-search" not in reason_ids(written)
    assert written.score >= 8


def test_professional_names_that_look_personal_stay_innocent() -> None:
    a = answers(
        {**NONE, "groups": ["Family Literacy Network", "Mental Health Alliance"]},
        contact={"title": "Children's Librarian", "organization": "Mercy Children's Hospital"},
    )
    body = letter(
        "We are both in the Family Literacy Network and the Mental Health Alliance.",
        "I am curious about your work as Children's Librarian at Mercy Children's Hospital.",
        ASK,
        PURPOSE,
    )
    report = check(a, body)
    assert not {"personal", "personal-research"} & reason_ids(report)
    assert report.score <= 3


# --- rules ---------------------------------------------------------------------------------------


def rule(report: CoachReport, rule_id: str) -> Any:
    return {r.id: r for r in report.rules}[rule_id]


@pytest.mark.parametrize(
    "ask",
    [
        "Could you pass my CV to your hiring manager?",
        "I wonder whether your team has openings.",
        "Could you introduce me to the recruiter?",
        "Would you put me forward for the vacancy?",
        "Do you know anyone hiring?",
        "I would love to work at Westerly Public Library.",
        "I hope to join Westerly Public Library one day.",
        "I hope to join your team.",
        "Could you give me a referral?",
        "Could you refer me for the role?",
        "Is your library hiring?",
        "Are there any open positions?",
        "I am looking for a job in reference.",
        "Could you forward my résumé to HR?",
        "Please keep me in mind for anything that comes up.",
        "Could you connect me with someone in HR?",
        "Could you look over my cover letter?",
    ],
)
def test_no_job_ask_catches_the_kin(ask: str) -> None:
    report = check(answers(), letter(CONN, ask, ASK, PURPOSE))
    assert not rule(report, "no-job-ask").ok, ask


@pytest.mark.parametrize(
    "innocent",
    [
        "I would love to learn how your clinic manages patient referrals.",
        "How does a referral from a GP reach your team?",
        "The job is about 250 miles away.",
        "I enjoyed your post on the role of reference work.",
        "I would like to join the call at a time that suits you.",
        "I hope to join the Digital Library Federation's next meeting.",
    ],
)
def test_no_job_ask_leaves_the_innocent_alone(innocent: str) -> None:
    report = check(answers(), letter(CONN, innocent, ASK, PURPOSE))
    assert rule(report, "no-job-ask").ok, innocent


@pytest.mark.parametrize(
    "goal", ["things", "your advice", "anything you can tell me", "more about your job", "stuff"]
)
def test_a_vague_goal_is_flagged_with_an_example(goal: str) -> None:
    a = answers(goal={"learn": goal})
    report = check(a, letter(CONN, ASK, f"I would like to learn {goal}."))
    result = rule(report, "goal")
    assert not result.ok
    assert "vague" in result.message and "e.g." in result.message


@pytest.mark.parametrize(
    "goal",
    [
        GOAL,
        "how the archive plans its digitisation work",
        "how you moved from teaching to archives",
    ],
)
def test_a_specific_goal_passes(goal: str) -> None:
    report = check(
        answers(goal={"learn": goal}), letter(CONN, ASK, f"I would like to learn {goal}.")
    )
    assert rule(report, "goal").ok
    assert rule(report, "one-ask").ok


@pytest.mark.parametrize(
    "goal",
    [
        "how you got into archives and what a typical week looks like",
        "how did you start? what do you do all day?",
        "what the job is like, how you got it",
    ],
)
def test_several_questions_in_the_goal_fail_one_ask(goal: str) -> None:
    report = check(
        answers(goal={"learn": goal}), letter(CONN, ASK, f"I would like to learn {goal}.")
    )
    result = rule(report, "one-ask")
    assert not result.ok and "more than one" in result.message


def test_a_goal_over_the_limit_says_so() -> None:
    goal = "how the reference desk works " * 10
    report = check(
        answers(goal={"learn": goal}), letter(CONN, ASK, f"I would like to learn {goal}.")
    )
    result = rule(report, "goal")
    assert not result.ok and "keep it under 200" in result.message


def test_connection_early_looks_for_the_hook_not_template_words() -> None:
    a = answers()
    template_words = letter(
        "We both belong to a few groups and I came across your profile.", INTRO, ASK, PURPOSE
    )
    result = rule(check(a, template_words), "connection-early")
    assert not result.ok and "Priya Shah" in result.message
    assert rule(check(a, letter(CONN, INTRO, ASK, PURPOSE)), "connection-early").ok
    late = letter(INTRO, "I have read a lot about your library.", CONN, ASK, PURPOSE)
    assert not rule(check(a, late), "connection-early").ok


def test_connection_early_with_no_research_says_there_is_nothing_to_name() -> None:
    result = rule(check(answers(NONE), letter(INTRO, ASK, PURPOSE)), "connection-early")
    assert not result.ok and "nothing links you" in result.message


def test_a_thank_you_names_the_one_thing_learned() -> None:
    learned = "how the reference desk is staffed at weekends"
    said = letter("Thank you for your time today.", f"I especially valued learning {learned}.")
    vague = letter("Thank you for your time today. It was very useful.")
    without = rule(coach(answers(), "thank-you", None, said), "goal")
    assert not without.ok and "one specific thing you learned" in without.message
    a = answers(goal={"learned": learned})
    assert rule(coach(a, "thank-you", None, said), "goal").ok
    left_out = rule(coach(a, "thank-you", None, vague), "goal")
    assert not left_out.ok and "is not in the note" in left_out.message
