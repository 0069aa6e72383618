"""What the coach says: reasons for the score, rule results, and the report that holds them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from outreach_tui.core.coach.length import LengthStatus
from outreach_tui.core.coach.lexicon import BASE_SCORE, MAX_SCORE, MIN_SCORE, SCORE_LABELS


@dataclass(frozen=True)
class Reason:
    """Points added to or removed from the score, said in words, with what to do about it."""

    id: str
    points: int
    text: str
    suggestion: str = ""

    def label(self) -> str:
        """ "+3: no shared connection…", "-2: …", or "note: …" for advice worth no points."""
        if self.points == 0:
            return f"note: {self.text}"
        return f"{self.points:+d}: {self.text}"


@dataclass(frozen=True)
class RuleResult:
    id: str
    ok: bool
    message: str
    """What this text does or should do, in one line."""
    explanation: str
    source: str


@dataclass(frozen=True)
class CoachReport:
    channel: str
    score: int
    reasons: tuple[Reason, ...]
    rules: tuple[RuleResult, ...]
    length: LengthStatus
    subject_length: LengthStatus | None
    words: int

    @property
    def label(self) -> str:
        return score_label(self.score)

    @property
    def failing_rules(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.rules if not r.ok)

    def top_reasons(self, count: int = 3) -> list[Reason]:
        """The reasons most worth showing: what raises the score, then advice, then the rest."""
        ranked = sorted(
            self.reasons,
            key=lambda r: (0 if r.points > 0 else 1 if r.points == 0 else 2, -abs(r.points)),
        )
        return ranked[:count]

    def strongest_reasons(self, count: int = 3) -> list[Reason]:
        """The reasons that move the score most (largest absolute points first, raising before
        lowering on a tie); notes worth no points only when there is nothing else."""
        weighed = [r for r in self.reasons if r.points != 0]
        ranked = sorted(weighed or self.reasons, key=lambda r: (-abs(r.points), r.points < 0))
        return ranked[:count]

    def to_json(self) -> dict[str, Any]:
        """The stable machine-readable form (`check --json`)."""
        return {
            "channel": self.channel,
            "score": self.score,
            "label": self.label,
            "base": BASE_SCORE,
            "reasons": [
                {"id": r.id, "points": r.points, "text": r.text, "suggestion": r.suggestion}
                for r in self.reasons
            ],
            "rules": [
                {
                    "id": r.id,
                    "ok": r.ok,
                    "message": r.message,
                    "explanation": r.explanation,
                    "source": r.source,
                }
                for r in self.rules
            ],
            "length": {**self.length.to_json(), "words": self.words},
            "subject_length": None
            if self.subject_length is None
            else self.subject_length.to_json(),
        }


def score_label(score: int) -> str:
    """A word for a score: natural, uneasy, creepy or alarming."""
    for highest, label in SCORE_LABELS:
        if score <= highest:
            return label
    return SCORE_LABELS[-1][1]


def gauge(score: int, width: int = 10) -> str:
    """The score as a bar of `width` cells: ``███░░░░░░░``."""
    filled = -(-max(MIN_SCORE, min(MAX_SCORE, score)) * width // MAX_SCORE)  # rounded up
    return "█" * filled + "░" * (width - filled)


def gauge_line(score: int, width: int = 10) -> str:
    """One line for a review screen or a terminal: ``███░░░░░░░ 3/10 · natural``."""
    return f"{gauge(score, width)} {score}/{MAX_SCORE} · {score_label(score)}"


# --- facts about a text, computed once per call ------------------------------------------------
