"""The coach: how a message to a stranger will land, with every point explained.

Three things, all pure and deterministic, computed from the answers and the final text (the
subject, if the channel has one, and the body, with the user's edits):

- the **creepiness score** (`score`), 1 (natural) to 10 (alarming), with its reasons;
- the **length status** of the channel (`length`): ``N / LIMIT characters``, ok, warning, error;
- the **rules** (`rules`): career-centre guidance, LinkedIn's limits and the domain brief.

`coach(answers, channel, subject, message)` gives all three in one `CoachReport` (`report`).
Weights and word lists are data, in `lexicon`. It runs on every keystroke in the wizard: every
pattern is compiled once, at import. The README's "How the coach scores a message" describes
the score and the rules for users. Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from outreach_tui.core.coach.facts import text_facts
from outreach_tui.core.coach.length import (
    LEVEL_ERROR,
    LEVEL_OK,
    LEVEL_WARNING,
    LengthStatus,
    channel_lengths,
    length_status,
)
from outreach_tui.core.coach.lexicon import (
    BASE_SCORE,
    LONG_WORDS,
    MAX_SCORE,
    MIN_SCORE,
    SCORE_LABELS,
    WEIGHTS,
)
from outreach_tui.core.coach.report import (
    CoachReport,
    Reason,
    RuleResult,
    gauge,
    gauge_line,
    score_label,
)
from outreach_tui.core.coach.rules import (
    RULES,
    SOURCE_CAREER,
    SOURCE_DOMAIN,
    SOURCE_LINKEDIN,
    RuleSpec,
    run_rules,
)
from outreach_tui.core.coach.score import creepiness
from outreach_tui.core.message.channels import Channel, get_channel
from outreach_tui.core.model.answers import Answers

__all__ = [
    "BASE_SCORE",
    "LEVEL_ERROR",
    "LEVEL_OK",
    "LEVEL_WARNING",
    "LONG_WORDS",
    "MAX_SCORE",
    "MIN_SCORE",
    "RULES",
    "SCORE_LABELS",
    "SOURCE_CAREER",
    "SOURCE_DOMAIN",
    "SOURCE_LINKEDIN",
    "WEIGHTS",
    "CoachReport",
    "LengthStatus",
    "Reason",
    "RuleResult",
    "RuleSpec",
    "coach",
    "gauge",
    "gauge_line",
    "length_status",
    "score_label",
]


# --- everything at once ------------------------------------------------------------------------


def coach(
    answers: Answers, channel: str | Channel, subject: str | None, message: str
) -> CoachReport:
    """Score, reasons, rules and length for the final text of a message on a channel.

    `subject` is ignored (may be None) for a channel without one. Raises RenderError for an
    unknown channel name.
    """
    spec = channel if isinstance(channel, Channel) else get_channel(channel)
    if not spec.has_subject:
        subject = None
    facts = text_facts(answers, subject, message)
    score, reasons = creepiness(answers, spec, facts)
    body, subject_status = channel_lengths(spec, answers.premium, subject, message)
    rules = run_rules(answers, spec, subject, facts, body, subject_status)
    return CoachReport(
        channel=spec.name,
        score=score,
        reasons=tuple(reasons),
        rules=tuple(rules),
        length=body,
        subject_length=subject_status,
        words=facts.word_count,
    )
