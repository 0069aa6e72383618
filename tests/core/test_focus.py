"""core.message.focus: the part of the message a wizard step writes, found by difference."""

from __future__ import annotations

from outreach_tui.core.message.focus import changed_paragraph, without_step
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers


def part(answers: Answers, step: str, channel: str = "message") -> str | None:
    renderer = Renderer()
    body = renderer.render(answers, channel).body
    index = changed_paragraph(body, renderer.render(without_step(answers, step), channel).body)
    return None if index is None else body.split("\n")[index]


def test_each_step_finds_the_sentence_it_writes(full_answers: Answers) -> None:
    answers = full_answers
    assert "Head of Reference Services" in (part(answers, "contact") or "")
    assert "Samir Patel" in (part(answers, "research") or "")
    assert "250 miles away" in (part(answers, "distance") or "")
    assert "reference services" in (part(answers, "goal") or "")


def test_nothing_found_when_the_step_is_unanswered_or_has_no_questions(
    full_answers: Answers,
) -> None:
    assert part(Answers(), "research") is None
    assert part(full_answers, "review") is None


def test_changed_paragraph_on_plain_text() -> None:
    assert changed_paragraph("a\nb\nc", "a\nb\nc") is None
    assert changed_paragraph("a\nB\nc", "a\nb\nc") == 1
    assert changed_paragraph("a\nb\nc", "a\nb") == 2
    assert changed_paragraph("a\nb", "a\nb\nc") == 1
    assert changed_paragraph("", "x") == 0
    # Where the answers add the most, not where they take a few words out.
    assert changed_paragraph("a\nb\nc and more", "a, and b\nb\nc") == 2


def test_without_step_leaves_the_answers_it_was_given_alone(full_answers: Answers) -> None:
    answers = full_answers
    blank = without_step(answers, "research")
    assert blank.research.shared_connections == []
    assert answers.research.shared_connections == ["Samir Patel"]
    assert blank.goal.learn == answers.goal.learn
