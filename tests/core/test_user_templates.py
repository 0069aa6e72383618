"""The user's own templates: overrides, added channels, and every hostile template refused or
bounded, with the file and line named and the built-in template used instead."""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

from outreach_tui.core.coach import coach
from outreach_tui.core.message.channels import CHANNELS, RenderError
from outreach_tui.core.message.rendered import TemplateFile
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.message.sandbox import MAX_SIZE
from outreach_tui.core.message.shorten import short_note
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict

ANSWERS = {
    "sender": {"name": "Jordan Lee", "location": "Dayton, Ohio"},
    "contact": {
        "name": "Alex Morgan",
        "honorific": "Ms.",
        "organization": "Westerly Public Library",
    },
    "research": {"shared_connections": ["Sam Patel"]},
    "goal": {"learn": "how the library supports new staff"},
}


@pytest.fixture
def answers() -> Answers:
    return answers_from_dict(ANSWERS)


@pytest.fixture
def builtin(answers: Answers) -> Renderer:
    return Renderer()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- overrides and added channels ----------------------------------------------------------------


def test_override_is_used_and_named(tmp_path: Path, answers: Answers) -> None:
    path = write(tmp_path, "message.txt.j2", "Hi {{ first_name }}, {{ sender.name }} here.\n")
    renderer = Renderer([tmp_path])
    out = renderer.render(answers, "message")
    assert out.body == "Hi Alex, Jordan Lee here."
    assert out.problems == () and out.warning == ""
    assert renderer.template_files("message") == (
        TemplateFile("message.txt.j2", path),
        TemplateFile("message.subject.txt.j2", None),
    )
    assert renderer.template_files("message")[0].describe() == str(path)
    assert renderer.template_files("message")[1].describe() == "built-in"


def test_subject_and_short_note_overrides(tmp_path: Path, answers: Answers) -> None:
    write(tmp_path, "message.subject.txt.j2", "Question from {{ sender.name }}\n")
    write(tmp_path, "connection-note-short.txt.j2", "Hi {{ first_name }}\n")
    write(tmp_path, "connection-note.txt.j2", "{{ 'long ' * 60 }}\n")
    renderer = Renderer([tmp_path])
    assert renderer.render(answers, "message").subject == "Question from Jordan Lee"
    assert short_note(answers, renderer).body == "Hi Alex"


def test_first_folder_wins(tmp_path: Path, answers: Answers) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write(first, "email.txt.j2", "first\n")
    write(second, "email.txt.j2", "second\n")
    assert Renderer([first, second]).render(answers, "email").body == "first"


def test_added_channel(tmp_path: Path, answers: Answers) -> None:
    write(tmp_path, "coffee.txt.j2", "Dear {{ salutation }}, coffee at {{ organization }}?\n")
    write(tmp_path, "coffee.subject.txt.j2", "Coffee?\n")
    write(tmp_path, "notes.md", "not a template\n")
    write(tmp_path, "Bad Name.txt.j2", "ignored: not a channel name\n")
    renderer = Renderer([tmp_path])
    channels = renderer.channels()
    assert list(channels)[: len(CHANNELS)] == list(CHANNELS)
    assert "coffee" in channels and "Bad Name" not in channels
    assert "connection-note-short" not in channels
    spec = renderer.channel("coffee")
    assert spec.has_subject and not spec.hard_body_limit
    out = renderer.render(answers, "coffee")
    assert out.body == "Dear Ms. Morgan, coffee at Westerly Public Library?"
    assert out.subject == "Coffee?"
    # the coach reads it like any channel
    assert coach(answers, spec, out.subject, out.body).channel == "coffee"
    with pytest.raises(RenderError, match="coffee"):
        Renderer().channel("coffee")


def test_broken_added_channel_raises_with_file_and_line(tmp_path: Path, answers: Answers) -> None:
    write(tmp_path, "coffee.txt.j2", "Hi\n{{ nope }}\n")
    with pytest.raises(RenderError) as info:
        Renderer([tmp_path]).render(answers, "coffee")
    assert "coffee.txt.j2, line 2" in str(info.value)
    assert "nope" in str(info.value)


def test_extends_a_builtin_template(tmp_path: Path, answers: Answers, builtin: Renderer) -> None:
    write(tmp_path, "email.txt.j2", "{% extends 'builtin/email.txt.j2' %}\n")
    out = Renderer([tmp_path]).render(answers, "email")
    assert out.body == builtin.render(answers, "email").body and not out.problems


def test_edited_template_is_picked_up(tmp_path: Path, answers: Answers) -> None:
    import os

    path = write(tmp_path, "email.txt.j2", "one\n")
    renderer = Renderer([tmp_path])
    assert renderer.render(answers, "email").body == "one"
    path.write_text("two\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert renderer.render(answers, "email").body == "two"


def test_user_text_is_still_not_template(tmp_path: Path) -> None:
    write(tmp_path, "email.txt.j2", "{{ sender.name }}\n")
    answers = answers_from_dict({**ANSWERS, "sender": {"name": "{{ 7*7 }} {% raw %}"}})
    assert Renderer([tmp_path]).render(answers, "email").body == "{{ 7*7 }} {% raw %}"


# --- hostile templates: refused or bounded, file and line named, built-in used ------------------

HOSTILE = {
    "syntax error": ("Hello\n\n{% if %}\n", 3, "Expected an expression"),
    "unknown variable": ("Hello\n{{ no_such_thing }}\n", 2, "no_such_thing"),
    "mro escape": ("Hi\n{{ ''.__class__.__mro__ }}\n", 2, "unsafe"),
    "subclasses": ("{{ salutation.__class__.__mro__[1].__subclasses__() }}\n", 1, "unsafe"),
    "globals via macro": (
        "{% macro m() %}{% endmacro %}\n{{ m.__globals__ }}\n",
        2,
        "no attribute '__globals__'",
    ),
    "format escape": ("Hi\n{{ '{0.__class__}'.format(1) }}\n", 2, "unsafe"),
    "mutation": ("{% set l = [1] %}\n{% for x in l %}{{ l.append(x) }}{% endfor %}\n", 2, "unsafe"),
    "range 10**9": ("Hi\n{% for i in range(10**9) %}{% endfor %}\n", 2, "sandbox"),
    "range over the sandbox's limit": ("Hi\n\n{{ range(200000)|list }}\n", 3, "Range too big"),
    "huge repetition": ("Hi\n{{ 'x' * 10**9 }}\n", 2, "repetition"),
    "huge list": ("Hi\n{{ [0] * 10**9 }}\n", 2, "repetition"),
    "recursive macro": (
        "Hi\n{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(1) }}\n",
        2,
        "recursion",
    ),
    "include itself": ("{% include 'message.txt.j2' %}\n", 1, "recursion"),
    "nested loops": (
        "Hi\n{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n",
        2,
        "steps",
    ),
    "doubling with ~": (
        "{% set ns = namespace(s='x') %}\n"
        "{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}\n",
        2,
        "characters",
    ),
    "set block of copies": (
        "{% set s = 'x' * 99999 %}\n"
        "{% set b %}{% for i in range(99999) %}{{ s }}{% endfor %}{% endset %}{{ b|length }}\n",
        2,
        "output longer",
    ),
    "join amplification": (
        "{% set s = 'x' * 99999 %}\n{{ ([s] * 99)|join(s) }}\n",
        2,
        "joined text",
    ),
    "replace amplification": ("{% set s = 'x' * 99999 %}\n{{ s.replace('x', s) }}\n", 2, "large"),
    "format width": ("{{ '{:>999999999}'.format('x') }}\n", 1, "format widths"),
    "percent width": ("Hi\n{{ '%999999999s' % 'x' }}\n", 2, "format widths"),
    "ljust": ("{{ 'x'.ljust(10**9) }}\n", 1, "numbers"),
    "center filter": ("{{ 'x'|center(10**9) }}\n", 1, "numbers"),
    "power": ("{{ (10 ** 100000) ** 100000 }}\n", 1, "number too large"),
    "squaring": (
        "{% set ns = namespace(n=3) %}\n"
        "{% for i in range(60) %}{% set ns.n = ns.n * ns.n %}{% endfor %}{{ ns.n }}\n",
        2,
        "number too large",
    ),
    "lipsum": ("Hi\n{{ lipsum(99999) }}\n", 2, "lipsum"),
    "indent amplification": ("Hi\n{{ ('x\\n' * 40000)|indent(40000) }}\n", 2, "indented text"),
    "join of a generator": (
        "Hi\n{{ range(1000)|map('string')|join('x' * 99999) }}\n",
        2,
        "joined text",
    ),
    "repetition over a generator": (
        "Hi\n{{ range(90000)|map('center', 99999)|list|length }}\n",
        2,
        "characters built or read",
    ),
    "outside the folder": ("{% include '../../etc/passwd' %}\n", 1, "no template named"),
    "division by zero": ("Hi\n{{ 1 // 0 }}\n", 2, "ZeroDivisionError"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_template_refused_with_file_and_line(
    case: str, tmp_path: Path, answers: Answers, builtin: Renderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outreach_tui.core.message import sandbox

    # each case meets the limit it is about, not the deadline (tracemalloc slows it down)
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 60.0)
    source, line, words = HOSTILE[case]
    path = write(tmp_path, "message.txt.j2", source)
    renderer = Renderer([tmp_path])
    tracemalloc.start()
    started = time.perf_counter()
    try:
        out = renderer.render(answers, "message")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 10
    assert peak < 50_000_000, f"{case}: {peak:,} bytes"
    expected = builtin.render(answers, "message")
    assert (out.subject, out.body) == (expected.subject, expected.body)
    assert len(out.problems) == 1
    problem = out.problems[0]
    assert problem.path == str(path)
    assert problem.line == line, str(problem)
    assert words in problem.message, str(problem)
    assert str(problem).startswith(f"{path}, line {line}: ")
    assert out.warning.endswith("(the built-in template was used)")
    assert renderer.last_problems == out.problems
    # and the renderer is still fine afterwards
    (tmp_path / "message.txt.j2").unlink()
    assert renderer.render(answers, "message").problems == ()


def test_a_loop_of_costly_filters_ends_within_the_budget(
    tmp_path: Path, answers: Answers, builtin: Renderer
) -> None:
    """Each step within every limit, 99,999 of them would take minutes: the characters read
    add up past the budget, or the deadline comes, whichever is first."""
    write(
        tmp_path,
        "message.txt.j2",
        "Hi\n{% set s = 'x ' * 49999 %}{% for i in range(99999) %}{{ s|wordcount }}{% endfor %}\n",
    )
    out = Renderer([tmp_path]).render(answers, "message")
    assert out.body == builtin.render(answers, "message").body
    assert "refused by the sandbox" in out.warning
    assert "built or read" in out.warning or "took longer than" in out.warning


def test_a_slow_template_runs_out_of_time_once_until_it_changes(
    tmp_path: Path, answers: Answers, builtin: Renderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template that is slow without breaking any size limit (a long loop of sorts) stops at
    the deadline; the preview re-renders at every key, so it is not run again until edited."""
    from outreach_tui.core.message import sandbox

    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.01)
    path = write(
        tmp_path,
        "message.txt.j2",
        "Hi\n{% set s = range(50000)|list %}{% for i in range(5000) %}{{ s|sort|first }}"
        "{% endfor %}\n",
    )
    renderer = Renderer([tmp_path])
    first = renderer.render(answers, "message")
    assert "took longer than" in first.warning
    expected = builtin.render(answers, "message")
    assert first.body == expected.body
    runs: list[str] = []
    real = renderer.env.get_template

    def counting(name: str, *args: object, **kwargs: object) -> object:
        runs.append(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(renderer.env, "get_template", counting)
    again = renderer.render(answers, "message")
    assert again.problems == first.problems and again.body == expected.body
    assert "message.txt.j2" not in runs, "the slow template ran again"
    path.write_text("Hello {{ first_name }}\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different modification time, whatever the clock's grain
    assert renderer.render(answers, "message").body == "Hello Alex"


def test_dunder_mro_never_reaches_the_output(tmp_path: Path, answers: Answers) -> None:
    write(tmp_path, "message.txt.j2", "{{ ''.__class__.__mro__ }}\n")
    write(tmp_path, "message.subject.txt.j2", "{{ ().__class__.__base__.__subclasses__() }}\n")
    out = Renderer([tmp_path]).render(answers, "message")
    assert "class" not in out.as_text()
    assert [p.line for p in out.problems] == [1, 1]
    assert {Path(p.path).name for p in out.problems} == {
        "message.txt.j2",
        "message.subject.txt.j2",
    }


def test_output_is_bounded(tmp_path: Path, answers: Answers) -> None:
    # Just under every per-value limit, but the output adds up past it.
    write(
        tmp_path,
        "email.txt.j2",
        "{% set s = 'x' * 90000 %}\n{{ s }}{{ s }}{{ s }}\n",
    )
    out = Renderer([tmp_path]).render(answers, "email")
    assert "output longer" in out.warning
    assert len(out.body) < MAX_SIZE


def test_a_long_but_reasonable_template_is_fine(tmp_path: Path, answers: Answers) -> None:
    write(
        tmp_path,
        "email.txt.j2",
        "{% for i in range(1000) %}{{ loop.index }} {{ hook.text|upper }}\n{% endfor %}"
        "{{ '%-10s|' % 'ok' }} {{ '{:>5}'.format(7) }} {{ hook['items']|join(', ') }}\n",
    )
    out = Renderer([tmp_path]).render(answers, "email")
    assert out.problems == ()
    assert "1000 SAM PATEL" in out.body and "ok        |     7 Sam Patel" in out.body


def test_builtin_templates_render_within_the_limits(answers: Answers) -> None:
    renderer = Renderer()
    for name in CHANNELS:
        assert renderer.render(answers, name).problems == ()
