"""The coach's rules for an introduction request (the `introduction` channel): the note the
person you know forwards is short and self-contained, the request makes one ask, and it never
asks them to vouch for you. The score reads the note as the contact will: they hear of you
through someone they know.

The request's text holds the note between two lines of ``---`` (core/message/introduction.py);
the rules find it there, in the text as the user edited it.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re

from outreach_tui.core.coach.facts import Facts, quote
from outreach_tui.core.coach.lexicon import GREETING, SENTENCE_END, WEIGHTS, Gated
from outreach_tui.core.coach.report import Reason, RuleResult
from outreach_tui.core.coach.rules import SOURCE_CAREER, SOURCE_DOMAIN, RuleSpec
from outreach_tui.core.message.introduction import introducer_greeting, split_note
from outreach_tui.core.model.answers import Answers

NOTE_SENTENCES = (2, 4)
"""The forwardable note: at least this many sentences, and no more than that many."""
NOTE_WORDS = 90
"""The most words a forwardable note should hold: it is read first, often on a phone."""

INTRODUCTION_RULES: dict[str, RuleSpec] = {
    spec.id: spec
    for spec in (
        RuleSpec(
            "note-short",
            f"The note to forward is short, {NOTE_SENTENCES[1]} sentences at most and under "
            f"{NOTE_WORDS} words: it is what they will read first.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "note-self-contained",
            "The note to forward makes sense alone: it names you and your ask, and points to "
            "nothing outside it.",
            SOURCE_DOMAIN,
        ),
        RuleSpec(
            "one-request",
            "Ask the person you know one thing: whether they would introduce you.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "no-vouch",
            "Ask for an introduction, never for them to vouch for you or recommend you.",
            SOURCE_CAREER,
        ),
    )
}

_POINTING = re.compile(
    r"\b(?:(?:see |as (?:i )?(?:said|mentioned|explained) )?(?:above|below)|as i said|"
    r"as mentioned|this message|my message|the message above|attached)\b",
    re.IGNORECASE,
)
"""Words that point outside the note: once forwarded, there is nothing "above" it."""

VOUCH = Gated(
    ("vouch", "recommend", "word", "speak", "reference", "endorse", "praise", "refer", "tell"),
    re.compile(
        r"\b(?:vouch(?:ing)? for|recommend(?:ing)? me|put(?:ting)? in a (?:good )?word|"
        r"(?:speak|talk) (?:highly|well|up) (?:of|for|about) me|(?:be|act as) (?:a |my )?reference|"
        r"(?:a|my) reference for me|endorse me|sing my praises|refer me|"
        r"tell (?:them|her|him) (?:that )?(?:i am|i'm) (?:a |an )?(?:great|good|strong|excellent|"
        r"ideal|perfect))",
        re.IGNORECASE,
    ),
)


_INITIAL = re.compile(r"\b([A-Z])\.(?=\s+[A-Z])")
"""An initial inside a name: its full stop ends no sentence."""


def _result(rule_id: str, ok: bool, message: str) -> RuleResult:
    spec = INTRODUCTION_RULES[rule_id]
    return RuleResult(rule_id, ok, message, spec.explanation, spec.source)


def note_sentences(note: str) -> int:
    """How many sentences a note holds, its greeting line and signature aside."""
    greeting = GREETING.match(note)
    text = note[greeting.end() :] if greeting else note
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if len(lines) > 1 and not re.search(r"[.!?][\"')\]”’]*\s*$", lines[-1]):
        lines = lines[:-1]  # the signature: a name with no full stop
    body = _INITIAL.sub(r"\1", " ".join(lines))  # "Kofi A. Mensah" is one sentence
    return sum(1 for m in SENTENCE_END.finditer(body) if m.group(0).strip()[:1] in ".!?")


def _rule_note_short(note: str | None) -> RuleResult:
    if note is None:
        return _result("note-short", False, "no note to forward: put it between two lines of ---")
    count, words = note_sentences(note), len(note.split())
    low, high = NOTE_SENTENCES
    if count > high:
        return _result(
            "note-short", False, f"the note is {count} sentences: keep it to {high} at most"
        )
    if words > NOTE_WORDS:
        return _result(
            "note-short", False, f"the note is {words} words: keep it under {NOTE_WORDS}"
        )
    if count < low:
        return _result(
            "note-short",
            False,
            f"the note is {count} sentence{'s' if count != 1 else ''}: say who you are and your "
            "ask",
        )
    return _result("note-short", True, f"a note of {count} sentences, {words} words")


def _rule_note_alone(answers: Answers, note: str | None) -> RuleResult:
    if note is None:
        return _result("note-self-contained", False, "no note to forward between two lines of ---")
    pointing = _POINTING.search(note)
    if pointing:
        return _result(
            "note-self-contained",
            False,
            f"{quote(pointing.group(0))} points outside the note: once forwarded, nothing is "
            "around it",
        )
    sender = answers.sender.name.strip()
    from outreach_tui.core.names import clean_name
    from outreach_tui.core.platform.textfold import fold_words as fold

    if sender and f" {fold(clean_name(sender)).strip()} " not in fold(note):
        return _result(
            "note-self-contained", False, f"the note does not say who you are ({sender})"
        )
    greeting = GREETING.match(note)
    introducer = introducer_greeting(answers)
    if greeting and introducer and fold(introducer) == fold(greeting.group("who")):
        return _result(
            "note-self-contained",
            False,
            f"the note greets {introducer}: greet the person it is for",
        )
    if "?" not in note and not re.search(r"\bminutes?\b|\bcall\b", note, re.IGNORECASE):
        return _result("note-self-contained", False, "the note does not make your ask")
    return _result("note-self-contained", True, "the note reads on its own")


def _rule_one_ask(parts: tuple[str, str, str] | None, body: str) -> RuleResult:
    outside = body if parts is None else parts[0] + parts[2]
    questions = outside.count("?")
    if questions == 0:
        return _result(
            "one-request",
            False,
            "asks nothing: ask whether they would be comfortable introducing you",
        )
    if questions > 1:
        return _result(
            "one-request",
            False,
            f"{questions} questions to them: keep to the one ask, the introduction",
        )
    return _result("one-request", True, "one ask: the introduction")


def _rule_no_vouch(facts: Facts) -> RuleResult:
    match = VOUCH.search(facts.body, facts.body_l)
    if match:
        return _result(
            "no-vouch",
            False,
            f"{quote(match.group(0))} asks them to vouch for you: ask only for the introduction",
        )
    return _result("no-vouch", True, "asks for an introduction, not a recommendation")


def _chosen(answers: Answers) -> Answers:
    """The answers with the introducer the text was rendered for (the strongest by default)."""
    from outreach_tui.core.message.introduction import with_default_introducer

    try:
        return with_default_introducer(answers)
    except ValueError:
        return answers


def introduction_rules(answers: Answers, facts: Facts) -> list[RuleResult]:
    """The rules of an introduction request, for its text as written (`facts.body`)."""
    answers = _chosen(answers)
    parts = split_note(facts.body)
    note = None if parts is None else parts[1]
    return [
        _rule_note_short(note),
        _rule_note_alone(answers, note),
        _rule_one_ask(parts, facts.body),
        _rule_no_vouch(facts),
    ]


def warm_path_reason(answers: Answers) -> Reason:
    """The score's credit for asking someone the sender knows."""
    from outreach_tui.core.message.introduction import in_text

    who = in_text(_chosen(answers).introduction.introducer) or "someone you know"
    return Reason(
        "warm-path",
        WEIGHTS["warm-path"],
        f"you ask {who}, whom you know, to introduce you: the contact hears of you through them",
    )


def introduced_named(answers: Answers, text_f: str, text: str) -> str:
    """The introducer's name when they introduced the sender (``introduction.introduced``) and
    the text (`text`, folded: `text_f`) names them; "" otherwise."""
    from outreach_tui.core.coach.facts import CONNECTION, says
    from outreach_tui.core.names import clean_name

    intro = answers.introduction
    name = clean_name(intro.introducer) if intro.introduced else ""
    if not name:
        return ""
    return name if says(name, CONNECTION, text_f, text) else ""


def introduced_reason(answers: Answers, facts: Facts) -> Reason | None:
    """The score's credit once someone introduced the sender and the message says who."""
    name = introduced_named(answers, facts.text_f, facts.text)
    if not name:
        return None
    return Reason("introduced", WEIGHTS["introduced"], f"{name} introduced you, and you say so")
