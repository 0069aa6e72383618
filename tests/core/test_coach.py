"""The coach: the creepiness score and its reasons, the channel lengths and the rules.

The table below is the specification in examples: each case gives a message (and the answers
behind it) and what the coach must say about it.
"""

from __future__ import annotations

import copy
import re
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

import pytest

from outreach_tui.core import coach as coach_module
from outreach_tui.core.coach import (
    BASE_SCORE,
    RULES,
    WEIGHTS,
    CoachReport,
    coach,
    gauge,
    gauge_line,
    length_status,
    score_label,
)
from outreach_tui.core.message.channels import CHANNELS, RenderError
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from samples import SENDER_AND_CONTACT

WARM: dict[str, Any] = {
    **deepcopy(SENDER_AND_CONTACT),
    "research": {
        "shared_connections": ["Priya Shah"],
        "groups": ["Rhode Island Library Association"],
        "public_activity": ["your post on weeding"],
        "web_search": "a talk at the NELA conference",
    },
    "job": {"distance": 250, "unit": "miles"},
    "goal": {
        "learn": "what a typical week in reference services looks like",
        "ask_minutes": "15-20",
        "learned": "how the reference desk is staffed at weekends",
    },
    "premium": False,
}
NO_RESEARCH: dict[str, Any] = {
    "shared_connections": [],
    "groups": [],
    "public_activity": [],
    "web_search": "",
}

INTRO = "My name is Jordan Lee."
CONN = "We both know Priya Shah."
GROUP = "We are both members of the Rhode Island Library Association."
WRITE = "I enjoyed your post on weeding."
WEB = "I came across a talk at the NELA conference."
ORG = "Your reference team's work interests me."
ASK = "Would you be open to a 15-20 minute call?"
GOAL = "I would most like to learn what a typical week in reference services looks like."
SUBJECT = "Questions about working at Westerly Public Library"


def letter(*sentences: str, greeting: str = "Dear Ms. Morgan,") -> str:
    return f"{greeting}\n\n{' '.join(sentences)}\n\nThank you,\nJordan Lee"


def make_answers(**overrides: Any) -> Answers:
    """WARM with sections replaced: make_answers(research=NO_RESEARCH, contact={...})."""
    data = copy.deepcopy(WARM)
    for section, value in overrides.items():
        if isinstance(value, dict) and isinstance(data.get(section), dict):
            data[section] = {**data[section], **value}
        else:
            data[section] = value
    return answers_from_dict(data)


@dataclass
class Case:
    id: str
    message: str
    answers: dict[str, Any] = field(default_factory=dict)
    channel: str = "message"
    subject: str | None = SUBJECT
    score: tuple[int, int] = (1, 10)
    has: tuple[str, ...] = ()
    """Reason ids that must be there."""
    lacks: tuple[str, ...] = ()
    """Reason ids that must not be there."""
    fails: tuple[str, ...] = ()
    """Rule ids that must fail."""
    passes: tuple[str, ...] = ()
    """Rule ids that must pass."""


WARM_ALL = letter(INTRO, CONN, GROUP, WRITE, ORG, ASK, GOAL)
COLD = letter(INTRO, ORG, ASK, GOAL)

CASES: list[Case] = [
    # --- points of contact --------------------------------------------------------------------
    Case(
        "warm-connection-group-writing",
        WARM_ALL,
        score=(1, 3),
        has=("shared-connection", "group", "writing"),
        lacks=("cold",),
        passes=tuple(RULES),
    ),
    Case(
        "connection-only",
        letter(INTRO, CONN, ORG, ASK, GOAL),
        score=(2, 2),
        has=("shared-connection",),
        lacks=("cold", "group"),
    ),
    Case(
        "group-only",
        letter(INTRO, GROUP, ORG, ASK, GOAL),
        score=(3, 3),
        has=("group",),
        lacks=("cold",),
    ),
    Case(
        "writing-only",
        letter(INTRO, WRITE, ORG, ASK, GOAL),
        score=(4, 4),
        has=("writing",),
        lacks=("cold",),
    ),
    Case(
        "web-search-only",
        letter(INTRO, WEB, ORG, ASK, GOAL),
        answers={"research": {**NO_RESEARCH, "web_search": "a talk at the NELA conference"}},
        score=(5, 5),
        has=("cold", "web-search"),
    ),
    Case(
        "cold-no-research",
        COLD,
        answers={"research": NO_RESEARCH},
        score=(5, 6),
        has=("cold",),
        lacks=("no-purpose",),
        fails=("connection-early",),
    ),
    Case("cold-research-left-out", COLD, score=(5, 6), has=("cold",)),
    Case(
        "cold-without-a-purpose",
        letter(INTRO, ORG, ASK),
        answers={"research": NO_RESEARCH},
        score=(7, 7),
        has=("cold", "no-purpose"),
    ),
    Case(
        "a-first-name-alone-is-not-the-connection",
        letter(INTRO, "We both know Priya.", ORG, ASK, GOAL),
        score=(5, 6),
        has=("cold",),
        lacks=("shared-connection",),
    ),
    Case(
        "group-by-acronym",
        letter(INTRO, "We are both in RILA.", ORG, ASK, GOAL),
        answers={
            "research": {**NO_RESEARCH, "groups": ["Rhode Island Library Association (RILA)"]}
        },
        has=("group",),
        lacks=("cold",),
    ),
    Case(
        "unicode-names",
        letter("We both know Łukasz Żółć.", ORG, ASK, GOAL, greeting="Dear Dr. Ñúñez-Ødegård,"),
        answers={
            "contact": {"name": "Zoë Ñúñez-Ødegård", "honorific": "Dr."},
            "research": {**NO_RESEARCH, "shared_connections": ["Łukasz Żółć"]},
        },
        score=(1, 3),
        has=("shared-connection",),
        lacks=("first-name",),
    ),
    Case(
        "unicode-first-name-cold",
        letter(INTRO, ORG, ASK, GOAL, greeting="Hi Zoë,"),
        answers={
            "contact": {"name": "Zoë Ñúñez", "honorific": "first-name"},
            "research": NO_RESEARCH,
        },
        score=(7, 7),
        has=("cold", "first-name"),
    ),
    # --- over-familiarity ---------------------------------------------------------------------
    Case(
        "first-name-no-shared-context",
        letter(INTRO, ORG, ASK, GOAL, greeting="Hi Alex,"),
        answers={"contact": {"honorific": "first-name"}, "research": NO_RESEARCH},
        score=(7, 7),
        has=("cold", "first-name"),
    ),
    Case(
        "first-name-typed-though-formal-chosen",
        letter(INTRO, ORG, ASK, GOAL, greeting="Hi Alex,"),
        answers={"research": NO_RESEARCH},
        has=("first-name",),
    ),
    Case(
        "first-name-with-shared-connection",
        letter(INTRO, CONN, ORG, ASK, GOAL, greeting="Hi Alex,"),
        answers={"contact": {"honorific": "first-name"}},
        score=(1, 3),
        lacks=("first-name",),
    ),
    Case(
        "casual-hey",
        letter(INTRO, CONN, ORG, ASK, GOAL, greeting="Hey Ms. Morgan,"),
        has=("casual-greeting",),
    ),
    Case("emoji", letter(INTRO, CONN, ORG, ASK, GOAL + " 🙂"), score=(3, 3), has=("emoji",)),
    Case("emoticon", letter(INTRO, CONN, ORG, ASK, GOAL + " :)"), has=("emoji",)),
    Case(
        "exclamation-run",
        letter(INTRO, CONN, "I would love to work there!!", ASK, GOAL),
        has=("exclamation",),
    ),
    Case(
        "three-exclamations",
        letter("Hello!", CONN, "Great post!", ASK, GOAL + "!"),
        has=("exclamation",),
    ),
    Case(
        "one-exclamation-is-fine",
        letter(INTRO, CONN, "I loved your post!", ASK, GOAL),
        lacks=("exclamation", "emoji"),
    ),
    # --- personal, non-professional details --------------------------------------------------
    Case(
        "facebook",
        letter(INTRO, CONN, "I found you on Facebook.", ASK, GOAL),
        score=(8, 8),
        has=("personal", "shared-connection"),
    ),
    Case(
        "instagram",
        letter(INTRO, CONN, "I follow your Instagram.", ASK, GOAL),
        score=(8, 10),
        has=("personal",),
    ),
    Case(
        "family",
        letter(INTRO, CONN, "Your kids look lovely.", ASK, GOAL),
        score=(8, 10),
        has=("personal",),
    ),
    Case(
        "home",
        letter(INTRO, CONN, "I walked past your house last week.", ASK, GOAL),
        score=(8, 8),
        has=("personal",),
    ),
    Case(
        "home-address",
        letter(INTRO, CONN, "I know your home address.", ASK, GOAL),
        score=(8, 10),
        has=("personal",),
    ),
    Case(
        "photos",
        letter(INTRO, CONN, "I liked your holiday photos.", ASK, GOAL),
        score=(8, 10),
        has=("personal",),
    ),
    Case(
        "noticed-private-life",
        letter(INTRO, CONN, "I noticed you were at the beach on Sunday.", ASK, GOAL),
        has=("noticed",),
    ),
    Case(
        "noticed-professional",
        letter(INTRO, CONN, "I noticed your post on weeding.", ASK, GOAL),
        lacks=("noticed",),
    ),
    Case(
        "professional-family-words-are-not-personal",
        letter(
            INTRO,
            "We are both members of the Family Literacy Network.",
            "I am curious about your work as Children's Librarian.",
            ASK,
            GOAL,
        ),
        answers={
            "contact": {"title": "Children's Librarian"},
            "research": {**NO_RESEARCH, "groups": ["Family Literacy Network"]},
        },
        lacks=("personal", "personal-research"),
    ),
    Case(
        "home-library-is-professional",
        letter(INTRO, CONN, "Your home library is one I admire.", ASK, GOAL),
        lacks=("personal",),
    ),
    Case(
        "everything-wrong-clamps-at-10",
        letter(
            "I saw you on Facebook with your kids near your house!!! 😀", ASK, greeting="Hey Alex,"
        ),
        answers={"research": NO_RESEARCH},
        score=(10, 10),
        has=("cold", "personal", "casual-greeting", "emoji"),
    ),
    # --- length -------------------------------------------------------------------------------
    Case(
        "long-message",
        letter(INTRO, CONN, ASK, GOAL, "I am very keen. " * 70),
        has=("length",),
        fails=("short",),
    ),
    Case(
        "very-long-message",
        letter(INTRO, CONN, ASK, GOAL, "I am very keen. " * 110),
        has=("length",),
        fails=("short",),
    ),
    Case(
        "connection-note-over-200",
        "Dear Ms. Morgan, we both know Priya Shah. " + "x" * 200,
        channel="connection-note",
        subject=None,
        fails=("fits-limit",),
    ),
    Case(
        "connection-note-premium-300",
        "Dear Ms. Morgan, we both know Priya Shah. " + "x" * 200,
        answers={"premium": True},
        channel="connection-note",
        subject=None,
        passes=("fits-limit",),
    ),
    # --- inactive profile ---------------------------------------------------------------------
    Case(
        "inactive-on-linkedin",
        letter(INTRO, CONN, ORG, ASK, GOAL),
        answers={"contact": {"active_on_linkedin": "no"}},
        score=(2, 2),
        has=("inactive",),
    ),
    Case(
        "inactive-by-email",
        letter(INTRO, CONN, ORG, ASK, GOAL),
        answers={"contact": {"active_on_linkedin": "no"}},
        channel="email",
        lacks=("inactive",),
    ),
    # --- rules --------------------------------------------------------------------------------
    Case(
        "placeholder-brackets",
        letter(INTRO, CONN, "I admire [Organization].", ASK, GOAL),
        fails=("no-placeholders",),
    ),
    Case(
        "placeholder-underscores",
        letter(INTRO, CONN, "I admire ___.", ASK, GOAL),
        fails=("no-placeholders",),
    ),
    Case(
        "placeholder-braces",
        letter(INTRO, CONN, "I admire {{ org }}.", ASK, GOAL),
        fails=("no-placeholders",),
    ),
    Case(
        "placeholder-todo",
        letter(INTRO, CONN, ORG, ASK, GOAL, "TODO: sign off"),
        fails=("no-placeholders",),
    ),
    Case(
        "placeholder-in-subject",
        WARM_ALL,
        subject="Questions for [Name]",
        fails=("no-placeholders",),
    ),
    Case(
        "markup-like-text-is-not-a-placeholder",
        letter(INTRO, CONN, "I liked your [bold] post on weeding.", ASK, GOAL),
        passes=("no-placeholders",),
    ),
    Case(
        "asks-for-referral",
        letter(INTRO, CONN, "Could you refer me for the role?", GOAL),
        fails=("no-job-ask",),
    ),
    Case(
        "asks-for-resume-review",
        letter(INTRO, CONN, ASK, "Could you review my résumé?", GOAL),
        fails=("no-job-ask",),
    ),
    Case(
        "asks-for-openings",
        letter(INTRO, CONN, ASK, "Do you have any openings?", GOAL),
        fails=("no-job-ask",),
    ),
    Case(
        "the-job-is-far-is-not-a-job-ask",
        letter(INTRO, CONN, "The job is about 250 miles away.", ASK, GOAL),
        passes=("no-job-ask",),
    ),
    Case(
        "attachment",
        letter(INTRO, CONN, ASK, GOAL, "I have attached my CV."),
        fails=("no-attachments",),
    ),
    Case("no-time-asked", letter(INTRO, CONN, "Could we talk?", GOAL), fails=("one-ask",)),
    Case(
        "an-hour-is-too-long",
        letter(INTRO, CONN, "Could we talk for an hour?", GOAL),
        fails=("one-ask",),
    ),
    Case(
        "45-minutes-is-too-long",
        letter(INTRO, CONN, "Could we talk for 45 minutes?", GOAL),
        fails=("one-ask",),
    ),
    Case(
        "half-an-hour-is-fine",
        letter(INTRO, CONN, "Could we talk for half an hour?", GOAL),
        passes=("one-ask",),
    ),
    Case("connection-late", letter(INTRO, ORG, GOAL, CONN, ASK), fails=("connection-early",)),
    Case("subject-hello", WARM_ALL, subject="Hello", fails=("subject-why",)),
    Case("subject-empty", WARM_ALL, subject="", fails=("subject-why",)),
    Case(
        "email-subject-over-60",
        WARM_ALL,
        channel="email",
        subject="Questions about working at Westerly Public Library in Rhode Island, USA",
        passes=("subject-why",),
        fails=("subject-short",),
    ),
    Case(
        "no-goal", letter(INTRO, CONN, ORG, ASK), answers={"goal": {"learn": ""}}, fails=("goal",)
    ),
    Case("goal-left-out", letter(INTRO, CONN, ORG, ASK), fails=("goal",)),
    Case(
        "goal-in-own-words",
        letter(INTRO, CONN, ORG, ASK, "I hope to understand your day."),
        answers={"goal": {"learn": ""}},
        passes=("goal",),
    ),
    # --- other channels -----------------------------------------------------------------------
    Case(
        "thank-you",
        letter("Thank you for your time today.", "I learned how the reference desk is staffed."),
        channel="thank-you",
        subject=None,
        score=(1, 3),
        has=("spoken",),
        lacks=("cold",),
        passes=("goal", "short"),
    ),
    Case(
        "follow-up",
        letter("I wrote last week; we both know Priya Shah.", ASK, GOAL),
        channel="follow-up",
        subject=None,
        score=(1, 3),
        has=("follow-up-once",),
    ),
]


def run(case: Case) -> CoachReport:
    return coach(make_answers(**case.answers), case.channel, case.subject, case.message)


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    report = run(case)
    reasons = {r.id for r in report.reasons}
    rules = {r.id: r for r in report.rules}
    low, high = case.score
    assert low <= report.score <= high, [r.label() for r in report.reasons]
    for reason_id in case.has:
        assert reason_id in reasons, [r.label() for r in report.reasons]
    for reason_id in case.lacks:
        assert reason_id not in reasons, [r.label() for r in report.reasons]
    for rule_id in case.fails:
        assert rule_id in rules and not rules[rule_id].ok, rules.get(rule_id)
    for rule_id in case.passes:
        assert rule_id in rules and rules[rule_id].ok, rules.get(rule_id)


# --- properties of the score ---------------------------------------------------------------------


def score_of(case_id: str) -> int:
    return run(next(c for c in CASES if c.id == case_id)).score


def test_points_of_contact_in_order_of_strength() -> None:
    assert WEIGHTS["shared-connection"] < WEIGHTS["group"] < WEIGHTS["writing"] <= 0
    scores = [
        score_of(i) for i in ("connection-only", "group-only", "writing-only", "web-search-only")
    ]
    assert scores == sorted(scores) and len(set(scores)) == 4
    assert score_of("cold-no-research") > scores[-1] - 1


def test_score_is_base_plus_reasons_when_not_clamped() -> None:
    for case in CASES:
        report = run(case)
        total = BASE_SCORE + sum(r.points for r in report.reasons)
        assert report.score == max(1, min(10, total)), case.id


def test_personal_detail_still_shows_on_a_very_warm_message() -> None:
    warm = run(CASES[0]).score
    family = coach(
        make_answers(), "message", SUBJECT, WARM_ALL.replace(ORG, "How are your kids? " + ORG)
    )
    assert family.score > warm


def test_inactive_does_not_change_the_score_but_suggests_email() -> None:
    active = coach(make_answers(), "message", SUBJECT, WARM_ALL)
    inactive = coach(
        make_answers(contact={"active_on_linkedin": "no"}), "message", SUBJECT, WARM_ALL
    )
    assert inactive.score == active.score
    (note,) = [r for r in inactive.reasons if r.id == "inactive"]
    assert note.points == 0
    assert "e-mail" in note.suggestion
    assert "may go unread" in note.text


def test_every_raising_reason_has_a_suggestion() -> None:
    for case in CASES:
        for reason in run(case).reasons:
            if reason.points > 0:
                assert reason.suggestion, (case.id, reason.id)


def test_cold_suggestion_uses_the_research_left_out() -> None:
    report = run(next(c for c in CASES if c.id == "cold-research-left-out"))
    (cold,) = [r for r in report.reasons if r.id == "cold"]
    assert "Priya Shah" in cold.suggestion
    assert "Ms. Morgan" in cold.text


def test_reasons_name_the_person_by_salutation() -> None:
    report = run(next(c for c in CASES if c.id == "unicode-names"))
    assert report.score <= 3
    report = coach(
        make_answers(contact={"name": "Zoë Ñúñez", "honorific": "Dr."}, research=NO_RESEARCH),
        "message",
        SUBJECT,
        COLD,
    )
    assert any("Dr. Ñúñez" in r.text for r in report.reasons)


def test_deterministic() -> None:
    case = CASES[0]
    assert run(case) == run(case)
    assert run(case).to_json() == run(case).to_json()


def test_top_reasons_put_what_raises_the_score_first() -> None:
    report = coach(
        make_answers(contact={"active_on_linkedin": "no"}),
        "message",
        SUBJECT,
        letter(INTRO, CONN, "I found you on Facebook!!", ASK, GOAL),
    )
    top = report.top_reasons(3)
    assert [r.id for r in top][:2] == ["personal", "exclamation"]
    assert top[2].id == "inactive"


def test_strongest_reasons_put_the_largest_points_first_and_notes_last() -> None:
    report = coach(
        make_answers(contact={"active_on_linkedin": "no"}),
        "message",
        SUBJECT,
        letter(INTRO, CONN, ASK, GOAL),
    )
    assert any(r.points == 0 for r in report.reasons)
    strongest = report.strongest_reasons(len(report.reasons))
    assert strongest and all(r.points != 0 for r in strongest)
    sizes = [abs(r.points) for r in strongest]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == max(abs(r.points) for r in report.reasons)


# --- length status -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "premium", "chars", "level"),
    [
        ("connection-note", False, 179, "ok"),
        ("connection-note", False, 180, "warning"),
        ("connection-note", False, 200, "warning"),
        ("connection-note", False, 201, "error"),
        ("connection-note", True, 201, "ok"),
        ("connection-note", True, 301, "error"),
        ("message", False, 1899, "ok"),
        ("message", False, 1900, "warning"),
        ("message", False, 2001, "error"),
        ("email", False, 2500, "warning"),
    ],
)
def test_length_levels(channel: str, premium: bool, chars: int, level: str) -> None:
    report = coach(make_answers(premium=premium), channel, SUBJECT, "a" * chars)
    assert report.length.chars == chars
    assert report.length.level == level
    limit = CHANNELS[channel].limit_for(premium)
    assert report.length.text == f"{chars:,} / {limit:,} characters"


def subject_level(channel: str, subject: str) -> str | None:
    status = coach(make_answers(), channel, subject, WARM_ALL).subject_length
    return None if status is None else status.level


def test_subject_lengths() -> None:
    assert subject_level("email", "x" * 60) == "ok"
    assert subject_level("email", "x" * 61) == "warning"
    assert subject_level("message", "x" * 179) == "ok"
    assert subject_level("message", "x" * 201) == "error"
    assert subject_level("connection-note", "ignored") is None


def test_length_status_helper() -> None:
    assert length_status(10, 20, 15).level == "ok"
    assert length_status(15, 20, 15).level == "warning"
    assert length_status(21, 20, 15).level == "error"
    assert length_status(21, 20, 15, hard=False).level == "warning"


# --- the built-in templates pass every rule -------------------------------------------------


@pytest.mark.parametrize("channel", list(CHANNELS))
@pytest.mark.parametrize("honorific", ["Ms.", "Dr.", "none"])
def test_builtin_templates_pass_every_rule_for_warm_answers(channel: str, honorific: str) -> None:
    answers = make_answers(contact={"honorific": honorific})
    rendered = Renderer().render(answers, channel)
    report = coach(answers, channel, rendered.subject, rendered.body)
    failing = [(r.id, r.message) for r in report.failing_rules]
    assert failing == []
    assert report.score <= 3
    assert report.length.level == "ok"


@pytest.mark.parametrize("channel", list(CHANNELS))
def test_builtin_templates_with_empty_research_score_uneasy(channel: str) -> None:
    """A polite, purposeful message with no point of contact is uneasy (5-6), not creepy."""
    answers = make_answers(research=NO_RESEARCH)
    rendered = Renderer().render(answers, channel)
    report = coach(answers, channel, rendered.subject, rendered.body)
    if channel == "thank-you":
        assert report.score <= 3
    else:
        assert 5 <= report.score <= 6, [r.label() for r in report.reasons]
        assert report.label == "uneasy"
    assert "None" not in rendered.body


def test_template_syntax_typed_by_the_user_is_a_placeholder() -> None:
    answers = make_answers(research={**NO_RESEARCH, "groups": ["{{ 7*7 }} club"]})
    rendered = Renderer().render(answers, "message")
    assert "{{ 7*7 }}" in rendered.body
    report = coach(answers, "message", rendered.subject, rendered.body)
    assert not {r.id: r for r in report.rules}["no-placeholders"].ok


# --- the report ----------------------------------------------------------------------------------


def test_to_json_is_the_stable_object() -> None:
    data = run(CASES[0]).to_json()
    assert {"score", "reasons", "rules", "length"} <= set(data)
    assert isinstance(data["score"], int)
    assert all({"points", "text"} <= set(r) for r in data["reasons"])
    assert all({"id", "ok", "message"} <= set(r) for r in data["rules"])
    assert {"chars", "limit"} <= set(data["length"])
    assert [r["id"] for r in data["rules"]] == [r.id for r in run(CASES[0]).rules]


def test_rules_carry_a_source_and_explanation() -> None:
    sources = {coach_module.SOURCE_CAREER, coach_module.SOURCE_LINKEDIN, coach_module.SOURCE_DOMAIN}
    for result in run(CASES[0]).rules:
        assert result.source in sources
        assert result.explanation == RULES[result.id].explanation


def test_channel_without_subject_ignores_it() -> None:
    report = coach(make_answers(), "connection-note", "[Name]", "Dear Ms. Morgan, hello.")
    assert {r.id: r for r in report.rules}["no-placeholders"].ok
    assert "subject-why" not in {r.id for r in report.rules}


def test_unknown_channel() -> None:
    with pytest.raises(RenderError):
        coach(make_answers(), "fax", None, "Hello")


def test_empty_message_does_not_crash() -> None:
    report = coach(answers_from_dict({}), "message", "", "")
    assert 1 <= report.score <= 10
    assert report.words == 0


def test_no_pattern_is_compiled_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("re.compile called while coaching")

    answers = make_answers()
    monkeypatch.setattr(re, "compile", refuse)
    monkeypatch.setattr(re, "search", refuse)
    monkeypatch.setattr(re, "match", refuse)
    for case in CASES:
        coach(answers, case.channel, case.subject, case.message)


# --- the gauge -----------------------------------------------------------------------------------


def test_gauge_and_labels() -> None:
    assert gauge(3) == "███░░░░░░░"
    assert gauge(10) == "█" * 10
    assert gauge(1, width=5) == "█░░░░"
    assert gauge_line(3) == "███░░░░░░░ 3/10 · natural"
    assert [score_label(s) for s in (1, 3, 4, 6, 7, 9, 10)] == [
        "natural",
        "natural",
        "uneasy",
        "uneasy",
        "creepy",
        "creepy",
        "alarming",
    ]
