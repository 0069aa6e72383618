"""The rules: career-centre guidance, LinkedIn's limits and the domain brief, each a `RuleResult`
with a short id, a one-line explanation and its source. A failing rule is a warning, never a
blocker: whether to send is the user's call."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from outreach_tui.core.coach.facts import Facts, addressee, loosely_mentioned, quote, says
from outreach_tui.core.coach.length import LEVEL_ERROR, LEVEL_OK, LengthStatus
from outreach_tui.core.coach.lexicon import (
    ASK_MINUTES_RANGE,
    ATTACHMENT,
    GOAL_EXAMPLE,
    GOAL_MIN_WORDS,
    GOAL_PHRASE,
    GOAL_SECOND_QUESTION,
    HALF_HOUR,
    HOURS,
    JOB_ASK,
    JOIN_ORGANISATION,
    MAX_QUESTION_MARKS,
    MINUTES,
    NO_GOAL_CHANNELS,
    PLACEHOLDER,
    SUBJECT_PURPOSE,
    VAGUE_GOAL_WORDS,
    Gated,
)
from outreach_tui.core.coach.report import RuleResult
from outreach_tui.core.message.channels import INTRODUCTION, THANK_YOU, Channel
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.questions import QUESTIONS
from outreach_tui.core.platform.textfold import fold_words

SOURCE_CAREER = "career-centre guidance"
SOURCE_LINKEDIN = "LinkedIn's limits"
SOURCE_DOMAIN = "the domain brief"


@dataclass(frozen=True)
class RuleSpec:
    id: str
    explanation: str
    """One line: what the rule asks for and why."""
    source: str


RULES: dict[str, RuleSpec] = {
    spec.id: spec
    for spec in (
        RuleSpec(
            "short",
            "A first request stays under about 100-150 words; a follow-up under 100.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "connection-early",
            "Say how you are linked to them within the first two sentences after the greeting.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "one-ask",
            "Make one clear ask for a bounded time: a call of 10-30 minutes.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "no-job-ask",
            "Ask to learn, never for a job, a referral or a résumé review.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "no-placeholders",
            "No leftover placeholders such as [Name], ___, {{ or TODO.",
            SOURCE_DOMAIN,
        ),
        RuleSpec(
            "subject-why",
            "The subject line says why you are writing.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "subject-short",
            "A subject short enough to read whole: inboxes cut it after about 60 characters.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "no-attachments",
            "Promise no attachments: a stranger will not open them.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "goal",
            "Say what you want to learn (a thank-you: what you learned): a request without a "
            "clear purpose gets ignored.",
            SOURCE_DOMAIN,
        ),
        RuleSpec(
            "fits-limit",
            "Fits the channel's character limit (note 200, or 300 with Premium; message 2,000).",
            SOURCE_LINKEDIN,
        ),
    )
}


def _result(rule_id: str, ok: bool, message: str) -> RuleResult:
    spec = RULES[rule_id]
    return RuleResult(rule_id, ok, message, spec.explanation, spec.source)


def _rule_short(spec: Channel, facts: Facts) -> RuleResult:
    n, limit = facts.word_count, spec.word_limit
    if n <= limit:
        return _result("short", True, f"{n} words: short enough")
    return _result("short", False, f"{n} words: aim for under {limit}; keep only the essentials")


def _rule_connection_early(answers: Answers, facts: Facts) -> RuleResult:
    """The actual hook (a connection's name, a group, their writing) in the first sentences."""
    who = addressee(answers)
    from outreach_tui.core.coach.introduction import introduced_named

    introducer = introduced_named(answers, facts.early_f, facts.early)
    if introducer:
        return _result("connection-early", True, f"says early who introduced you: {introducer}")
    hooks = facts.hooks
    early = [i for i in facts.said_hooks if says(i.text, i.kind, facts.early_f, facts.early)]
    if early:
        return _result(
            "connection-early", True, f"says early how you are linked: {quote(early[0].text)}"
        )
    if not hooks:
        return _result(
            "connection-early",
            False,
            f"nothing links you to {who} yet: a shared connection, group or their writing",
        )
    return _result(
        "connection-early",
        False,
        f"the first two sentences do not name your link to {who}, {quote(hooks[0].text)}",
    )


def _rule_one_ask(answers: Answers, facts: Facts) -> RuleResult:
    spans: set[tuple[int, int]] = set()
    for match in MINUTES.finditer(facts.body, facts.body_l):
        low = int(match.group(1))
        spans.add((low, int(match.group(2) or low)))
    if HALF_HOUR.search(facts.body, facts.body_l):
        spans.add((30, 30))
    low_ok, high_ok = ASK_MINUTES_RANGE
    if hours := HOURS.search(facts.body, facts.body_l):
        return _result(
            "one-ask",
            False,
            f"asks for {quote(hours.group(0))}: ask for a call of {low_ok}-{high_ok} minutes",
        )
    if not spans:
        return _result(
            "one-ask", False, f"no time is given: ask for a call of {low_ok}-{high_ok} minutes"
        )
    if len(spans) > 1:
        return _result("one-ask", False, "asks for different lengths of time: make one ask")
    low, high = next(iter(spans))
    shown = f"{low}" if low == high else f"{low}-{high}"
    if low < low_ok or high > high_ok:
        return _result(
            "one-ask", False, f"asks for {shown} minutes: {low_ok}-{high_ok} minutes is usual"
        )
    if GOAL_SECOND_QUESTION.search(answers.goal.learn):
        return _result(
            "one-ask",
            False,
            "your goal asks more than one thing: keep the one that matters most",
        )
    questions = facts.body.count("?")
    if questions > MAX_QUESTION_MARKS:
        return _result("one-ask", False, f"{questions} questions: keep to one clear ask")
    return _result("one-ask", True, f"one ask, for {shown} minutes")


def _rule_pattern(rule_id: str, pattern: Gated, text: str, fail: str, ok: str) -> RuleResult:
    match = pattern.search(text, text.lower())
    if match:
        return _result(rule_id, False, fail.format(found=quote(match.group(0))))
    return _result(rule_id, True, ok)


@lru_cache(maxsize=64)
def _joining(organisation: str) -> re.Pattern[str] | None:
    """ "to work at <organisation>", "hope to join <organisation>"."""
    name = " ".join(organisation.split())
    if len(name) < 2:
        return None
    return re.compile(JOIN_ORGANISATION + re.escape(name).replace(r"\ ", r"\s+"), re.IGNORECASE)


def _rule_no_job_ask(answers: Answers, facts: Facts) -> RuleResult:
    match = JOB_ASK.search(facts.body, facts.body_l)
    joining = _joining(answers.contact.organization)
    if match is None and joining is not None:
        match = joining.search(facts.body)
    if match is not None:
        return _result(
            "no-job-ask",
            False,
            f"{quote(match.group(0))} reads as asking for a job: ask to learn about their "
            "work, role or field instead",
        )
    return _result("no-job-ask", True, "asks to learn, not for a job")


def _rule_subject_why(subject: str | None) -> RuleResult:
    if not (subject or "").strip():
        return _result("subject-why", False, "no subject line: say why you are writing")
    if SUBJECT_PURPOSE.search(subject or ""):
        return _result("subject-why", True, "the subject says why you are writing")
    return _result(
        "subject-why",
        False,
        "the subject does not say why you are writing (e.g. “Questions about working at …”)",
    )


def _rule_subject_short(status: LengthStatus) -> RuleResult:
    if status.level == LEVEL_OK:
        return _result("subject-short", True, f"subject of {status.chars} characters")
    return _result(
        "subject-short",
        False,
        f"subject of {status.chars} characters: it may be cut before the end",
    )


def _vague(goal: str) -> bool:
    words = [w for w in fold_words(goal).split() if w not in VAGUE_GOAL_WORDS and len(w) >= 3]
    return len(words) < GOAL_MIN_WORDS


def _rule_learned(answers: Answers, facts: Facts) -> RuleResult:
    """The thank-you names the one specific thing the user learned."""
    learned = str(getattr(answers.goal, "learned", "") or "").strip()
    if not learned:
        return _result("goal", False, "name one specific thing you learned from them")
    if loosely_mentioned(learned, facts):
        return _result("goal", True, "names what you learned")
    return _result("goal", False, f"what you learned, {quote(learned)}, is not in the note")


def _rule_goal(answers: Answers, spec: Channel, facts: Facts) -> RuleResult:
    if spec.purpose == THANK_YOU:
        return _rule_learned(answers, facts)
    learn = answers.goal.learn.strip()
    limit = QUESTIONS["goal.learn"].max_length
    if learn and limit and len(learn) > limit:
        return _result(
            "goal",
            False,
            f"your goal is {len(learn):,} characters: keep it under {limit}, one specific thing",
        )
    if learn and _vague(learn):
        return _result(
            "goal",
            False,
            f"your goal, {quote(learn)}, is vague: name one thing, e.g. “{GOAL_EXAMPLE}”",
        )
    if learn:
        if loosely_mentioned(learn, facts):
            return _result("goal", True, "says what you want to learn")
        return _result("goal", False, f"your goal, {quote(learn)}, is not in the message")
    if GOAL_PHRASE.search(facts.body):
        return _result("goal", True, "says what you want to learn")
    if spec.purpose == INTRODUCTION:
        return _result(
            "goal",
            False,
            "the note to forward does not say what you want to learn: too vague for the person "
            "you know to pass on, or for the contact to answer; add your goal",
        )
    return _result("goal", False, "does not say what you want to learn: add your goal")


def _rule_fits(body: LengthStatus, subject: LengthStatus | None) -> RuleResult:
    if subject is not None and subject.level == LEVEL_ERROR:
        return _result("fits-limit", False, f"subject is over the limit: {subject.text}")
    if body.level == LEVEL_ERROR:
        return _result("fits-limit", False, f"over the limit: {body.text}; it cannot be sent")
    return _result("fits-limit", True, body.text)


def run_rules(
    answers: Answers,
    spec: Channel,
    subject: str | None,
    facts: Facts,
    body: LengthStatus,
    subject_status: LengthStatus | None,
) -> list[RuleResult]:
    asking = spec.purpose not in (THANK_YOU, INTRODUCTION)
    results = [_rule_short(spec, facts)]
    if spec.purpose == INTRODUCTION:
        from outreach_tui.core.coach.introduction import introduction_rules

        results.extend(introduction_rules(answers, facts))
    if asking:
        results.append(_rule_connection_early(answers, facts))
        results.append(_rule_one_ask(answers, facts))
    results.append(_rule_no_job_ask(answers, facts))
    results.append(
        _rule_pattern(
            "no-placeholders",
            PLACEHOLDER,
            f"{subject or ''}\n{facts.body}",
            "leftover placeholder {found}: fill it in or remove it",
            "no leftover placeholders",
        )
    )
    if spec.has_subject and subject_status is not None:
        results.append(_rule_subject_why(subject))
        results.append(_rule_subject_short(subject_status))
    results.append(
        _rule_pattern(
            "no-attachments",
            ATTACHMENT,
            facts.body,
            "promises an attachment ({found}): offer to send things later, if asked",
            "promises no attachments",
        )
    )
    if spec.name not in NO_GOAL_CHANNELS:
        results.append(_rule_goal(answers, spec, facts))
    results.append(_rule_fits(body, subject_status))
    return results
