"""Which part of the message a wizard step changes, so the live preview can show it.

A step's part is found by difference, for any template: the message rendered from the answers,
and the same message rendered with that step's answers left blank. The paragraph where the
answers add the most is the part the step writes (the hook for Research, the distance sentence for
Distance, the ask for Goal...).
"""

from __future__ import annotations

from outreach_tui.core.model.answers import Answers, get_value, set_value
from outreach_tui.core.model.questions import STEPS


def without_step(answers: Answers, step_key: str) -> Answers:
    """A copy of `answers` with every answer of the step `step_key` back to its default.

    An unknown step (or one with no questions, such as "review") gives an unchanged copy.
    """
    blank = Answers()
    result = answers.copy()
    for step in STEPS:
        if step.key == step_key:
            for question in step.questions:
                set_value(result, question.key, get_value(blank, question.key))
    return result


def _added(before: str, after: str) -> int:
    """How many characters of `after` are not in `before` (inserted or replaced)."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return sum(j2 - j1 for tag, _i1, _i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def changed_paragraph(body: str, body_without: str) -> int | None:
    """The index (0-based, counting lines split on "\\n") of the line of `body` to which the
    answers left out of `body_without` add the most text; None when the two are the same.

    `body` is the message as rendered; `body_without` the message rendered without one step's
    answers (see `without_step`). The line with the most characters that the answers put
    there wins (the first on a tie): the Distance step's sentence rather than the few words it
    takes out of the introduction. When the answers only take text out: the first such line.
    """
    from difflib import SequenceMatcher

    lines, other = body.split("\n"), body_without.split("\n")
    best: tuple[int, int] | None = None  # (characters added, line)
    matcher = SequenceMatcher(None, other, lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if j1 == j2:  # lines taken out only
            candidates = [(0, min(j1, len(lines) - 1))]
        else:
            before = "\n".join(other[i1:i2])  # (a sentence may move to a line of its own)
            candidates = [(_added(before, lines[j]), j) for j in range(j1, j2)]
        for added, line in candidates:
            if best is None or added > best[0]:
                best = (added, line)
    return None if best is None else best[1]
