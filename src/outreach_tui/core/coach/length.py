"""The length of a message on a channel: ``N / LIMIT characters``, ok, warning or error."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from outreach_tui.core.message.channels import Channel, count_text, get_channel


@dataclass(frozen=True)
class LengthStatus:
    chars: int
    limit: int
    warn_at: int
    level: str
    """"ok", "warning" or "error"."""
    hard: bool = True
    """False: the limit is advice (an e-mail), so going over it is only a warning."""

    @property
    def text(self) -> str:
        """ "183 / 200 characters"."""
        return count_text(self.chars, self.limit)

    def to_json(self) -> dict[str, Any]:
        return {
            "chars": self.chars,
            "limit": self.limit,
            "warn_at": self.warn_at,
            "level": self.level,
        }


LEVEL_OK = "ok"
LEVEL_WARNING = "warning"
LEVEL_ERROR = "error"


def length_status(chars: int, limit: int, warn_at: int, hard: bool = True) -> LengthStatus:
    """The level of a length: error past a hard limit, warning from `warn_at`, else ok."""
    if chars > limit:
        level = LEVEL_ERROR if hard else LEVEL_WARNING
    elif chars >= warn_at:
        level = LEVEL_WARNING
    else:
        level = LEVEL_OK
    return LengthStatus(chars, limit, warn_at, level, hard)


def channel_lengths(
    channel: str | Channel, premium: bool, subject: str | None, message: str
) -> tuple[LengthStatus, LengthStatus | None]:
    """The body's length status and, for a channel with a subject, the subject's."""
    spec = channel if isinstance(channel, Channel) else get_channel(channel)
    body = length_status(
        len(message), spec.limit_for(premium), spec.warn_for(premium), spec.hard_body_limit
    )
    subject_status = None
    warn_at = spec.subject_warn_at()
    if spec.subject_limit is not None and warn_at is not None:
        subject_status = length_status(len(subject or ""), spec.subject_limit, warn_at)
    return body, subject_status


# --- rules -------------------------------------------------------------------------------------
