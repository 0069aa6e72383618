"""Rendering answers into messages: channels, hooks, salutations, the far-away line, injection,
user templates and the one-time Jinja2 environment."""

from __future__ import annotations

import copy
import re
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

from outreach_tui.core.message.channels import CHANNELS, RenderError, get_channel
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from samples import SENDER_AND_CONTACT

FULL: dict[str, Any] = {
    **deepcopy(SENDER_AND_CONTACT),
    "research": {
        "shared_connections": ["Sam Patel"],
        "groups": ["New Members Round Table"],
        "public_activity": ["your post on weeding"],
        "web_search": "a talk at the state library conference",
    },
    "job": {"distance": 250, "unit": "miles"},
    "goal": {"learn": "how the library supports new staff", "ask_minutes": "15-20"},
    "premium": False,
}

EMPTY_RESEARCH: dict[str, Any] = {
    "sender": {"name": "Jordan Lee"},
    "contact": {"name": "Alex Morgan", "organization": "Westerly Public Library"},
    "goal": {"learn": "how the library supports new staff"},
}


def answers(base: dict[str, Any] = FULL, **sections: dict[str, Any]) -> Answers:
    """`base` with some sections' keys replaced."""
    data = copy.deepcopy(base)
    for name, values in sections.items():
        data.setdefault(name, {}).update(values)
    return answers_from_dict(data)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def assert_clean(text: str) -> None:
    """No trace of a blank answer or a template slip."""
    assert "None" not in text
    assert "  " not in text
    assert "()" not in text
    assert "( )" not in text
    assert " ." not in text
    assert " ," not in text
    assert ",." not in text
    assert ".." not in text
    assert "through ." not in text
    assert "{{" not in text and "{%" not in text
    assert "\n\n\n" not in text
    assert text == text.strip()
    assert not re.search(r"[ \t]\n", text), "trailing space on a line"


# --- channels --------------------------------------------------------------------------------


def test_message_for_full_answers(renderer: Renderer) -> None:
    out = renderer.render(answers(), "message")
    assert out.channel == "message"
    assert out.subject is not None
    assert out.subject == "A few questions about your work (a connection we share: Sam Patel)"
    assert len(out.subject) <= 80
    assert "\n" not in out.subject
    body = out.body
    assert body.startswith("Dear Ms. Morgan,")
    assert "Jordan Lee" in body
    assert body.rstrip().endswith("Jordan Lee")
    assert "Sam Patel" in body
    assert "Westerly Public Library" in body
    assert "Head of Reference Services" in body
    assert "a 15-20-minute call" in body
    assert "how the library supports new staff" in body
    assert "Thank you" in body
    # a first request speaks of their work, never of a job
    for job_ask in ("work at", "join", "love to work", "hope to work"):
        assert job_ask not in body.replace("your work at", "")
    assert len(body) <= 2000
    assert_clean(body)
    assert_clean(out.subject)
    assert out.as_text() == f"Subject: {out.subject}\n\n{body}"


def test_connection_note_for_full_answers(renderer: Renderer) -> None:
    out = renderer.render(answers(), "connection-note")
    assert out.channel == "connection-note"
    assert out.subject is None
    assert out.as_text() == out.body
    assert "Subject" not in out.as_text()
    assert out.body.startswith("Dear Ms. Morgan,")
    assert "Jordan" in out.body
    assert "Sam Patel" in out.body
    assert "Westerly Public Library" in out.body
    assert "a 15-20-minute call" in out.body
    assert "hope to work" not in out.body
    assert_clean(out.body)


def test_default_channel_is_message(renderer: Renderer) -> None:
    assert renderer.render(answers()).channel == "message"


def test_unknown_channel(renderer: Renderer) -> None:
    with pytest.raises(RenderError) as info:
        renderer.render(answers(), "carrier-pigeon")
    assert "carrier-pigeon" in str(info.value)
    assert "message" in str(info.value)
    with pytest.raises(RenderError):
        get_channel("")


def test_channel_limits() -> None:
    assert CHANNELS["connection-note"].limit_for(premium=False) == 200
    assert CHANNELS["connection-note"].limit_for(premium=True) == 300
    assert CHANNELS["message"].limit_for(premium=False) == 2000
    assert CHANNELS["message"].subject_limit == 200
    assert not CHANNELS["connection-note"].has_subject


@pytest.mark.parametrize("channel", list(CHANNELS))
@pytest.mark.parametrize("data", [FULL, EMPTY_RESEARCH], ids=["full", "empty-research"])
def test_every_channel_renders_cleanly(
    renderer: Renderer, channel: str, data: dict[str, Any]
) -> None:
    out = renderer.render(answers_from_dict(data), channel)
    assert out.body
    assert_clean(out.body)
    assert (out.subject is not None) == CHANNELS[channel].has_subject
    if out.subject is not None:
        assert out.subject
        assert_clean(out.subject)


# --- the hook --------------------------------------------------------------------------------

NO_RESEARCH = {"shared_connections": [], "groups": [], "public_activity": [], "web_search": ""}


def test_hook_shared_connection_first(renderer: Renderer) -> None:
    body = renderer.render(answers(), "message").body
    assert "connected to Sam Patel" in body
    assert "New Members Round Table" not in body
    assert "after reading" not in body
    note = renderer.render(answers(), "connection-note").body
    assert "Sam Patel" in note
    assert "New Members Round Table" not in note


def test_hook_several_connections_name_one_never_a_list(renderer: Renderer) -> None:
    a = answers(research={"shared_connections": ["Sam Patel", "Rita Gomez", "Lee Chen"]})
    body = renderer.render(a, "message").body
    assert "Sam Patel is one of the connections we share" in body
    assert "Rita Gomez" not in body and "Lee Chen" not in body


def test_hook_group_when_no_connection(renderer: Renderer) -> None:
    a = answers(research={"shared_connections": []})
    body = renderer.render(a, "message").body
    assert "members of the New Members Round Table" in body
    assert "your post on weeding" not in body
    assert "New Members Round Table" in renderer.render(a, "connection-note").body
    subject = renderer.render(a, "message").subject
    assert subject is not None and "New Members Round Table" in subject


def test_hook_public_writing_when_no_connection_or_group(renderer: Renderer) -> None:
    a = answers(research={"shared_connections": [], "groups": []})
    body = renderer.render(a, "message").body
    assert "I read your post on weeding" in body
    assert "state library conference" not in body
    assert "your post on weeding" in renderer.render(a, "connection-note").body


def test_hook_web_search_last(renderer: Renderer) -> None:
    a = answers(research={"shared_connections": [], "groups": [], "public_activity": []})
    body = renderer.render(a, "message").body
    assert "I came across a talk at the state library conference" in body
    assert "a talk at the state library conference" in renderer.render(a, "connection-note").body
    assert "a talk at the state library conference" in renderer.render(a, "follow-up").body
    assert_clean(body)


def test_blank_list_items_are_not_hooks(renderer: Renderer) -> None:
    a = answers(
        research={**NO_RESEARCH, "shared_connections": ["  "], "groups": [" ", "Archivists Forum"]}
    )
    body = renderer.render(a, "message").body
    assert "members of the Archivists Forum" in body
    assert_clean(body)


def test_empty_research_gives_a_shorter_sensible_message(renderer: Renderer) -> None:
    full = renderer.render(answers(), "message")
    out = renderer.render(answers_from_dict(EMPTY_RESEARCH), "message")
    assert len(out.body) < len(full.body)
    assert out.body.startswith("Dear Alex Morgan,")
    assert "Westerly Public Library" in out.body
    assert "Jordan Lee" in out.body
    assert "a 15-20-minute call" in out.body
    assert_clean(out.body)
    assert out.subject is not None
    assert_clean(out.subject)
    note = renderer.render(answers_from_dict(EMPTY_RESEARCH), "connection-note").body
    assert_clean(note)
    assert "Westerly Public Library" in note


def test_learn_with_final_full_stop_not_doubled(renderer: Renderer) -> None:
    a = answers(goal={"learn": "how the library supports new staff."})
    body = renderer.render(a, "message").body
    assert "new staff." in body
    assert_clean(body)


@pytest.mark.parametrize("channel", list(CHANNELS))
def test_answers_ending_in_punctuation_do_not_double_it(renderer: Renderer, channel: str) -> None:
    # Users type full sentences: "your post on weeding." must not give ".." or "?.".
    for research in (
        {**NO_RESEARCH, "shared_connections": ["Sam Patel."]},
        {**NO_RESEARCH, "groups": ["Archivists Forum."], "public_activity": ["a post."]},
        {**NO_RESEARCH, "public_activity": ["your post on weeding."]},
        {**NO_RESEARCH, "web_search": "A talk at the state conference."},
        NO_RESEARCH,
    ):
        a = answers(
            sender={"location": "Dayton, Ohio."},
            contact={"title": "Archivist.", "organization": "Acme Inc."},
            research=research,
            goal={"learn": "what does a typical week look like?"},
        )
        out = renderer.render(a, channel)
        for text in (out.body, out.subject or ""):
            assert ".." not in text
            assert "?." not in text
            assert ". involves" not in text
            assert ",." not in text
        no_title = answers(contact={"title": "", "organization": "Acme Inc."}, research=research)
        assert ".." not in renderer.render(no_title, channel).body


def test_trailing_punctuation_dropped_inside_sentences(renderer: Renderer) -> None:
    a = answers(
        sender={"location": "Dayton, Ohio."},
        contact={"title": "Archivist."},
        research={**NO_RESEARCH, "public_activity": ["your post on weeding."]},
        goal={"learn": "what does a typical week look like?"},
    )
    body = renderer.render(a, "message").body
    assert "I live in Dayton, Ohio, about 250 miles away, so" in body
    assert "I read your post on weeding, which" in body
    assert "your work as an Archivist at" in body
    assert "learn what does a typical week look like." in body


# --- salutation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("honorific", "message_start", "note_start"),
    [
        ("Ms.", "Dear Ms. Morgan,", "Dear Ms. Morgan,"),
        ("Mr.", "Dear Mr. Morgan,", "Dear Mr. Morgan,"),
        ("Mx.", "Dear Mx. Morgan,", "Dear Mx. Morgan,"),
        ("Dr.", "Dear Dr. Morgan,", "Dear Dr. Morgan,"),
        ("first-name", "Dear Alex,", "Hi Alex,"),
        ("none", "Dear Alex Morgan,", "Dear Alex Morgan,"),
        ("", "Dear Alex Morgan,", "Dear Alex Morgan,"),
    ],
)
def test_salutation(
    renderer: Renderer, honorific: str, message_start: str, note_start: str
) -> None:
    a = answers(contact={"honorific": honorific, "name": "  Alex   Morgan "})
    assert renderer.render(a, "message").body.startswith(message_start)
    assert renderer.render(a, "connection-note").body.startswith(note_start)


def test_middle_names_use_first_and_last(renderer: Renderer) -> None:
    a = answers(contact={"honorific": "Dr.", "name": "Alex Jamie Morgan"})
    assert renderer.render(a, "message").body.startswith("Dear Dr. Morgan,")
    a = answers(contact={"honorific": "first-name", "name": "Alex Jamie Morgan"})
    assert renderer.render(a, "message").body.startswith("Dear Alex,")


# --- the far-away line -----------------------------------------------------------------------

MOVE = "before thinking about a move"


@pytest.mark.parametrize(
    ("distance", "unit", "far"),
    [
        (None, "miles", False),
        (20, "miles", False),
        (99, "miles", False),
        (100, "miles", True),
        (250, "miles", True),
        (150, "km", False),
        (160, "km", True),
    ],
)
def test_far_away_line(renderer: Renderer, distance: float | None, unit: str, far: bool) -> None:
    body = renderer.render(answers(job={"distance": distance, "unit": unit}), "message").body
    assert (MOVE in body) is far
    if far:
        assert f"about {distance} {unit}" in body
    assert_clean(body)


def test_far_away_line_with_fraction_and_thousands(renderer: Renderer) -> None:
    body = renderer.render(answers(job={"distance": 1212.5, "unit": "km"}), "message").body
    assert "about 1,200 km" in body
    assert "1,212" not in body


# --- user text is data -----------------------------------------------------------------------

INJECTIONS = ["{{ 7*7 }}", "{% raw %}", "{# x #}", "[bold]", "{{ sender }}", "{% endif %}"]


def test_user_text_is_never_template(renderer: Renderer) -> None:
    a = answers(
        sender={"name": "Jordan {{ 7*7 }} Lee", "location": "Dayton {% raw %}"},
        contact={
            "name": "Alex {# x #} Morgan",
            "honorific": "none",
            "title": "Head of [bold]Reference[/bold]",
            "organization": "Westerly {{ 7*7 }} Library {% endif %}",
        },
        research={"shared_connections": ["Sam {{ sender }} Patel"]},
        goal={"learn": "what {% if true %}yes{% endif %} means"},
    )
    out = renderer.render(a, "message")
    text = out.as_text()
    assert "Jordan {{ 7*7 }} Lee" in text
    assert "Dayton {% raw %}" in text
    assert "Dear Alex {# x #} Morgan," in text
    assert "Head of [bold]Reference[/bold]" in text
    assert "Westerly {{ 7*7 }} Library {% endif %}" in text
    assert "Sam {{ sender }} Patel" in text
    assert "what {% if true %}yes{% endif %} means" in text.replace("\n", " ")
    assert "49" not in text
    assert "Sam {{ sender }} Patel" in (out.subject or "")
    note = renderer.render(a, "connection-note").body
    assert "Westerly {{ 7*7 }} Library {% endif %}" in note
    assert "Sam {{ sender }} Patel" in note
    assert "49" not in note


@pytest.mark.parametrize("payload", INJECTIONS)
def test_each_injection_literal_in_every_field(renderer: Renderer, payload: str) -> None:
    a = answers(
        sender={"name": f"Jordan {payload}"},
        contact={"name": f"Alex {payload}", "organization": f"Org {payload}"},
        goal={"learn": f"about {payload} here"},
    )
    for channel in ("message", "connection-note"):
        text = renderer.render(a, channel).as_text()
        assert f"Org {payload}" in text
        assert "49" not in text


# --- length of the note ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "research",
    [
        FULL["research"],
        {**NO_RESEARCH, "groups": ["New Members Round Table"]},
        {**NO_RESEARCH, "public_activity": ["your post on weeding"]},
        {**NO_RESEARCH, "web_search": "a talk at the state library conference"},
        NO_RESEARCH,
    ],
    ids=["connection", "group", "writing", "web", "none"],
)
def test_typical_connection_note_fits_200(renderer: Renderer, research: dict[str, Any]) -> None:
    body = renderer.render(answers(research=research), "connection-note").body
    assert len(body) <= 200, f"{len(body)} characters: {body!r}"


# --- user templates --------------------------------------------------------------------------


def test_user_template_overrides_builtin(tmp_path: Path) -> None:
    (tmp_path / "message.txt.j2").write_text(
        "Custom hello {{ salutation }} from {{ sender.name }}\n", encoding="utf-8"
    )
    out = Renderer(template_dirs=[tmp_path]).render(answers(), "message")
    assert out.body == "Custom hello Ms. Morgan from Jordan Lee"
    # the subject was not overridden: the built-in one is used
    assert out.subject == Renderer().render(answers(), "message").subject
    # a renderer without the folder is unaffected
    assert Renderer().render(answers(), "message").body.startswith("Dear Ms. Morgan,")


def test_user_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    # A broken user template never stops a render: the built-in one is used, the problem kept.
    (tmp_path / "message.txt.j2").write_text("Hello\n\n{% if %}\n", encoding="utf-8")
    out = Renderer(template_dirs=[tmp_path]).render(answers(), "message")
    assert out.body == Renderer().render(answers(), "message").body
    assert "message.txt.j2" in out.warning
    assert "line 3" in out.warning


def test_user_template_unknown_variable_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "connection-note.txt.j2").write_text(
        "Hello {{ salutation }}\n\n{{ no_such_thing }}\n", encoding="utf-8"
    )
    out = Renderer(template_dirs=[tmp_path]).render(answers(), "connection-note")
    assert out.body == Renderer().render(answers(), "connection-note").body
    assert "connection-note.txt.j2" in out.warning
    assert "line 3" in out.warning
    assert "no_such_thing" in out.warning


def test_user_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    (tmp_path / "message.txt.j2").write_text(
        "{{ salutation.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    out = Renderer(template_dirs=[tmp_path]).render(answers(), "message")
    assert "__subclasses__" not in out.body
    assert out.problems and "message.txt.j2" in out.warning


# --- one environment, templates compiled once -------------------------------------------------


def test_environment_built_once_and_templates_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    builds = 0
    original_build = Renderer._build_env

    def counting_build(self: Renderer) -> Any:
        nonlocal builds
        builds += 1
        return original_build(self)

    monkeypatch.setattr(Renderer, "_build_env", counting_build)
    renderer = Renderer()
    first = renderer.render(answers(), "message")
    env = renderer.env
    assert builds == 1

    compiles: list[str | None] = []
    original_compile = env.compile

    def counting_compile(source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiles.append(name)
        return original_compile(source, name, *args, **kwargs)

    monkeypatch.setattr(env, "compile", counting_compile)
    second = renderer.render(answers(), "message")
    renderer.render(answers(research=NO_RESEARCH), "message")
    assert second == first
    assert compiles == [], f"recompiled: {compiles}"
    assert renderer.env is env
    assert builds == 1
    assert env.cache is not None
    cached = {key[1] for key in env.cache}
    assert {"message.txt.j2", "message.subject.txt.j2"} <= cached


def test_environment_not_built_before_first_render() -> None:
    renderer = Renderer()
    assert renderer._env is None
    renderer.render(answers(), "connection-note")
    assert renderer._env is not None


# --- personal life is never a hook ----------------------------------------------------------

PERSONAL_RESEARCH: dict[str, Any] = {
    "shared_connections": [],
    "groups": ["Parents of Twins Facebook group", "Family Literacy Network"],
    "public_activity": ["photos of their dog on Instagram", "your post on story time"],
    "web_search": "their house, seen on a property site",
}


@pytest.mark.parametrize("channel", [*CHANNELS, "connection-note-short"])
def test_personal_research_is_never_a_hook_nor_written(renderer: Renderer, channel: str) -> None:
    a = answers(contact={"title": "Children's Librarian"}, research=PERSONAL_RESEARCH)
    if channel == "connection-note-short":
        flags = {
            "with_name": False,
            "with_org": False,
            "with_minutes": True,
            "with_sign": False,
            "with_learn": True,
        }
        text = renderer.render_template("connection-note-short.txt.j2", a, flags)
    else:
        text = renderer.render(a, channel).as_text()
    for personal in ("Twins", "Instagram", "dog", "house", "property"):
        assert personal not in text, (channel, text)
    if channel != "thank-you":
        # the professional group, innocent despite its "Family", is the hook
        assert "the Family Literacy Network" in text


def test_personal_items_are_skipped_down_to_the_next_kind(renderer: Renderer) -> None:
    a = answers(
        research={
            **NO_RESEARCH,
            "public_activity": ["her wedding photos", "your talk on zines"],
            "web_search": "",
        }
    )
    body = renderer.render(a, "message").body
    assert "I heard your talk on zines" in body
    assert "wedding" not in body
    only_personal = answers(research={**NO_RESEARCH, "public_activity": ["pictures of their kids"]})
    body = renderer.render(only_personal, "message").body
    assert "kids" not in body
    assert "I found your profile while reading about Westerly Public Library" in body
