"""The channels: e-mail, follow-up, thank-you, the short connection note, limits and fitting."""

from __future__ import annotations

import copy
import re
from copy import deepcopy
from typing import Any

import pytest

from outreach_tui.core.message.channels import CHANNELS, NOTE_QUOTA_NOTICE, get_channel
from outreach_tui.core.message.rendered import Rendered
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.message.shorten import fits, fitting_channels, short_note
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from samples import WARM_ANSWERS

WARM: dict[str, Any] = deepcopy(WARM_ANSWERS)
MINIMAL: dict[str, Any] = {
    "sender": {"name": "Jordan Lee"},
    "contact": {"name": "Alex Morgan", "organization": "Westerly Public Library"},
    "goal": {"learn": "how the library supports new staff"},
}
BARE: dict[str, Any] = {"contact": {"name": "Alex Morgan"}}
LONG_ORG = "The Consolidated Regional Library Cooperative of Northern and Central Massachusetts"


def answers(data: dict[str, Any], **changes: Any) -> Answers:
    data = copy.deepcopy(data)
    for key, value in changes.items():
        section, name = key.split("__")
        data.setdefault(section, {})[name] = value
    return answers_from_dict(data)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


NEW_CHANNELS = ("email", "follow-up", "thank-you")
DANGLING = re.compile(r"None|\s[,.;:]|\b(?:at|about|as|of|to|and|in)\s*[.,]|\{\{|\}\}|  ")


def test_new_channels_are_registered() -> None:
    for name in NEW_CHANNELS:
        assert get_channel(name).name == name
    assert get_channel("email").has_subject
    assert not get_channel("follow-up").has_subject  # a reply keeps the first one's subject
    # a thank-you often goes by e-mail: it has a subject, kept short for an inbox
    assert get_channel("thank-you").has_subject
    assert get_channel("thank-you").subject_warn_at() == 61


@pytest.mark.parametrize("channel", list(CHANNELS))
@pytest.mark.parametrize("data", [WARM, MINIMAL, BARE], ids=["warm", "minimal", "bare"])
def test_every_channel_renders_sensible_text(
    renderer: Renderer, channel: str, data: dict[str, Any]
) -> None:
    if channel == "introduction" and "research" not in data:  # someone to ask, typed by hand
        data = {**data, "introduction": {"introducer": "Samir Patel"}}
    rendered = renderer.render(answers(data), channel)
    for line in rendered.body.splitlines():
        assert not DANGLING.search(line), line
    if channel in NEW_CHANNELS:  # (message.txt.j2 signs off "Best regards," with no name yet)
        assert not rendered.body.endswith(","), rendered.body
    if rendered.subject is not None:
        assert rendered.subject.strip()
        assert not DANGLING.search(rendered.subject)


def test_email_subject_is_short_and_says_why(renderer: Renderer) -> None:
    rendered = renderer.render(answers(WARM), "email")
    assert rendered.subject is not None
    assert len(rendered.subject) <= 60
    assert rendered.subject == "A few questions (a connection we share: Priya Shah)"
    assert "Priya Shah" in rendered.body
    assert "how the library supports new staff" in rendered.body
    assert rendered.body.rstrip().endswith("Jordan Lee")


def test_email_without_sender_name_ends_cleanly(renderer: Renderer) -> None:
    body = renderer.render(answers(BARE), "email").body
    assert not body.rstrip().endswith(",")


def test_follow_up_is_short_polite_and_once(renderer: Renderer) -> None:
    body = renderer.render(answers(WARM), "follow-up").body
    assert len(body.split()) < 100
    assert "last week" in body
    assert "Priya Shah" in body
    assert "not write again" in body
    assert "a 15-20-minute call" in body
    assert "working at" not in body and "to ask about your work" in body


def test_thank_you_names_what_was_learned(renderer: Renderer) -> None:
    learned = "that new staff shadow each desk for a month"
    rendered = renderer.render(answers(WARM, goal__learned=learned), "thank-you")
    assert f"I especially valued learning {learned}, and" in rendered.body
    # what was learned, not the goal restated
    assert "how the library supports new staff" not in rendered.body
    assert rendered.subject == "Thank you for our conversation"
    without = renderer.render(answers(WARM), "thank-you").body
    assert "learning" not in without
    assert "how the library supports new staff" not in without
    assert "Hearing how it looks from the inside was very useful" in without


def test_user_text_is_data_in_the_new_templates(renderer: Renderer) -> None:
    a = answers(WARM, contact__organization="{{ 7*7 }} Library")
    for channel in NEW_CHANNELS:
        rendered = renderer.render(a, channel)
        assert "{{ 7*7 }} Library" in rendered.as_text()
        assert "49" not in rendered.as_text()


# --- limits -----------------------------------------------------------------------------------


def test_limits_and_warnings() -> None:
    note = get_channel("connection-note")
    assert (note.limit_for(False), note.limit_for(True)) == (200, 300)
    assert (note.warn_for(False), note.warn_for(True)) == (180, 270)
    message = get_channel("message")
    assert (message.limit_for(False), message.warn_for(False)) == (2000, 1900)
    assert message.subject_limit == 200
    email = get_channel("email")
    assert email.subject_warn_at() == 61
    assert not email.hard_body_limit
    assert get_channel("follow-up").subject_warn_at() is None


def test_note_quota_notice_is_on_the_note_channel_only() -> None:
    assert "5 invitations a month" in NOTE_QUOTA_NOTICE
    assert get_channel("connection-note").notice == NOTE_QUOTA_NOTICE
    assert all(c.notice == "" for name, c in CHANNELS.items() if name != "connection-note")


def test_fits() -> None:
    assert fits(Rendered("connection-note", None, "x" * 200), premium=False)
    assert not fits(Rendered("connection-note", None, "x" * 201), premium=False)
    assert fits(Rendered("connection-note", None, "x" * 201), premium=True)
    assert not fits(Rendered("message", "x" * 201, "hello"), premium=False)
    assert fits(Rendered("email", "x" * 100, "x" * 5000), premium=False)


# --- the short note ---------------------------------------------------------------------------


def test_short_note_keeps_the_normal_note_when_it_fits(renderer: Renderer) -> None:
    a = answers(WARM)
    note = short_note(a, renderer)
    assert note == renderer.render(a, "connection-note")
    assert "I'm Jordan Lee." in note.body
    # 200 characters leave no room for the goal here; Premium's 300 do.
    assert "learn how the library supports new staff" not in note.body
    a.premium = True
    note = short_note(a, renderer)
    assert note == renderer.render(a, "connection-note")
    assert "I'd most like to learn how the library supports new staff." in note.body


def test_short_note_keeps_what_they_want_to_learn_over_the_organisation(
    renderer: Renderer,
) -> None:
    # The profile shows where they work: the organisation goes before the goal does.
    a = answers(WARM)
    a.contact.organization = "Westerly Public Library and Regional Archive Centre of Rhode Island"
    note = short_note(a, renderer).body
    assert len(note) <= 200
    assert "learn how the library supports new staff" in note
    assert "Regional Archive Centre" not in note


def test_short_note_puts_back_what_fits_after_a_long_part_is_dropped(
    renderer: Renderer,
) -> None:
    # Only the organisation is too long: the name and signature come back once it is gone.
    a = answers(WARM)
    a.goal.learn = ""
    a.contact.organization = "Westerly Public Library " + "and Regional Archive " * 4
    note = short_note(a, renderer).body
    assert len(note) <= 200, note
    assert "Westerly" not in note
    assert note.endswith("Thanks, Jordan")
    assert "I'm Jordan Lee." in note


@pytest.mark.parametrize(
    ("research", "hook"),
    [
        ({"shared_connections": ["Priya Shah"]}, "Priya Shah"),
        ({"groups": ["Rhode Island Library Association"]}, "Rhode Island Library Association"),
        ({"public_activity": ["your post on weeding"]}, "your post on weeding"),
    ],
)
def test_short_note_fits_200_with_a_long_organisation_and_keeps_the_hook(
    renderer: Renderer, research: dict[str, list[str]], hook: str
) -> None:
    data = copy.deepcopy(WARM)
    data["research"] = research
    data["contact"]["organization"] = LONG_ORG
    a = answers_from_dict(data)
    assert len(renderer.render(a, "connection-note").body) > 200
    note = short_note(a, renderer)
    assert note.channel == "connection-note"
    assert len(note.body) <= 200
    assert hook in note.body
    assert note.body.startswith("Dear Ms. Morgan,")
    assert "?" in note.body


def test_short_note_drops_least_useful_parts_first(renderer: Renderer) -> None:
    data = copy.deepcopy(WARM)
    data["contact"]["organization"] = "Westerly Public Library and Regional Archive Centre"
    data["sender"]["name"] = "Jordan Alexandra Lee-Whitfield"
    a = answers_from_dict(data)
    note = short_note(a, renderer)
    assert len(note.body) <= 200
    assert "Priya Shah" in note.body
    # The invitation shows the sender and the profile shows the organisation: both go before
    # what they want to learn does.
    assert "Jordan Alexandra Lee-Whitfield" not in note.body
    assert "Regional Archive Centre" not in note.body
    assert "learn how the library supports new staff" in note.body


def test_short_note_never_drops_an_overlong_hook(renderer: Renderer) -> None:
    group = "The " + "Very " * 40 + "Long Group"
    data = copy.deepcopy(WARM)
    data["research"] = {"groups": [group]}
    note = short_note(answers_from_dict(data), renderer)
    assert group in note.body
    assert len(note.body) > 200


def test_short_note_respects_first_name_choice(renderer: Renderer) -> None:
    data = copy.deepcopy(WARM)
    data["contact"]["organization"] = LONG_ORG
    data["contact"]["honorific"] = "first-name"
    note = short_note(answers_from_dict(data), renderer)
    assert note.body.startswith("Hi Alex,")


def test_fitting_channels(renderer: Renderer) -> None:
    result = fitting_channels(answers(WARM), renderer)
    assert set(result) == set(CHANNELS)
    assert all(result.values())
    long_org = answers(WARM, contact__organization=LONG_ORG)
    assert fitting_channels(long_org, renderer)["connection-note"] is True
    huge = answers(WARM, research__shared_connections=[], research__groups=["Group " * 60])
    result = fitting_channels(huge, renderer)
    assert result["connection-note"] is False
    # the subjects name the group but are cut to a sensible length, so they fit
    assert result["message"] is True
    assert result["email"] is True


# --- subjects -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("research", "organization", "email_subject", "message_subject"),
    [
        (
            {"shared_connections": ["Samir Patel", "Ruth Okafor"]},
            "Westerly Public Library",
            "A few questions (a connection we share: Samir Patel)",
            "A few questions about your work (a connection we share: Samir Patel)",
        ),
        (
            {"groups": ["Archives and Records Association"]},
            "Westerly Public Library",
            "Archives and Records Association: a few questions",
            "A few questions from a fellow member of the Archives and Records Association",
        ),
        (
            {"groups": ["Code4Lib"]},
            "Westerly Public Library",
            "Questions from a fellow member of Code4Lib",
            "A few questions from a fellow member of Code4Lib",
        ),
        (
            {"public_activity": ["your post on weeding"]},
            "Massachusetts Institute of Technology",
            "A few questions about your work",
            "A few questions about your work at the Massachusetts Institute of Technology",
        ),
        (
            {},
            "Rijksmuseum",
            "A few questions about your work at Rijksmuseum",
            "A few questions about your work at Rijksmuseum",
        ),
    ],
)
def test_subjects_name_the_hook_whole_or_not_at_all(
    renderer: Renderer,
    research: dict[str, list[str]],
    organization: str,
    email_subject: str,
    message_subject: str,
) -> None:
    data = copy.deepcopy(WARM)
    data["research"] = research
    data["contact"]["organization"] = organization
    a = answers_from_dict(data)
    email = renderer.render(a, "email").subject
    message = renderer.render(a, "message").subject
    assert email == email_subject
    assert message == message_subject
    assert email is not None and len(email) <= 60
    assert message is not None and len(message) <= 80
    for subject in (email, message):
        assert "we both know" not in subject.lower()


def test_an_overlong_hook_is_cut_at_a_word_never_mid_word(renderer: Renderer) -> None:
    group = "International Federation of Library Associations and Institutions Section"
    a = answers(WARM, research__shared_connections=[], research__groups=[group])
    subject = renderer.render(a, "email").subject
    assert subject is not None and len(subject) <= 60
    assert subject.endswith("…")
    assert f"{subject[:-1]} " in f"{group}: a few questions "


def test_thank_you_without_a_title_thanks_for_the_work_not_a_place(renderer: Renderer) -> None:
    a = answers(WARM)
    a.contact.title = ""
    body = renderer.render(a, "thank-you").body
    assert "talk with me about your work at Westerly Public Library." in body
    assert "talk with me at" not in body
