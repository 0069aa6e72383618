"""The channels a message can be written for: names, limits, purposes and the notice each shows.

A channel is data: the renderer, the coach and the UI read its limits from here, so a limit is
changed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


class RenderError(Exception):
    """A template could not be rendered. The message names the template file and line."""


NOTE_QUOTA_NOTICE = (
    "A free LinkedIn account can add a note to only about 5 invitations a month: "
    "keep notes for the people who matter most."
)
"""Shown on the connection-note channel."""

FIRST_CONTACT = "first"
"""Channel purpose: a first request to someone who does not know the sender yet."""
FOLLOW_UP = "follow-up"
"""Channel purpose: one polite nudge after about a week of silence."""
THANK_YOU = "thank-you"
"""Channel purpose: thanks after the conversation, within a day."""
INTRODUCTION = "introduction"
"""Channel purpose: asking someone the sender knows to introduce them to the contact."""


@dataclass(frozen=True)
class Channel:
    name: str
    title: str
    description: str
    body_limit: int
    premium_body_limit: int | None = None
    subject_limit: int | None = None
    """None: the channel has no subject line."""
    body_warn: int | None = None
    """The body counter turns to a warning from this many characters (None: 90% of the limit)."""
    subject_warn: int | None = None
    """The subject counter turns to a warning from this many characters (None: 90% of the limit)."""
    hard_body_limit: bool = True
    """False: going over `body_limit` is a warning, not an error (e-mail has no real limit)."""
    purpose: str = FIRST_CONTACT
    """FIRST_CONTACT, FOLLOW_UP, THANK_YOU or INTRODUCTION: which coaching rules apply."""
    on_linkedin: bool = True
    """Sent through LinkedIn, so an inactive profile may never see it."""
    word_limit: int = 150
    """Words a message of this kind should stay under (career-centre guidance)."""
    notice: str = ""
    """A line the UI shows whenever this channel is chosen."""
    subject_cap: int | None = None
    """The built-in subject is cut (at a word boundary) to this many characters; None: not cut."""

    @property
    def has_subject(self) -> bool:
        return self.subject_limit is not None

    def limit_for(self, premium: bool) -> int:
        """The body's character limit for a free or a Premium account."""
        if premium and self.premium_body_limit is not None:
            return self.premium_body_limit
        return self.body_limit

    def warn_for(self, premium: bool) -> int:
        """The body length from which the counter shows a warning."""
        limit = self.limit_for(premium)
        if self.body_warn is not None and limit == self.body_limit:
            return self.body_warn
        return limit * 9 // 10

    def subject_warn_at(self) -> int | None:
        """The subject length from which the counter shows a warning (None: no subject)."""
        if self.subject_limit is None:
            return None
        if self.subject_warn is not None:
            return self.subject_warn
        return self.subject_limit * 9 // 10


CHANNELS: dict[str, Channel] = {
    "message": Channel(
        "message",
        "LinkedIn message / InMail",
        "A message with a subject line, sent to a connection or as InMail.",
        body_limit=2000,
        subject_limit=200,
        body_warn=1900,
        subject_cap=80,
    ),
    "connection-note": Channel(
        "connection-note",
        "Connection-request note",
        "The short note attached to an invitation to connect.",
        body_limit=200,
        premium_body_limit=300,
        notice=NOTE_QUOTA_NOTICE,
    ),
    "email": Channel(
        "email",
        "E-mail",
        "An e-mail with a subject line, for someone who is rarely on LinkedIn.",
        # No real limit on an e-mail body; past 2,000 characters it is far too long for a
        # first request. 998 is the longest line a mail header may have (RFC 5322).
        body_limit=2000,
        body_warn=1500,
        hard_body_limit=False,
        subject_limit=998,
        subject_warn=61,
        subject_cap=60,
        on_linkedin=False,
    ),
    "follow-up": Channel(
        "follow-up",
        "Follow-up (once)",
        "One short, polite nudge after about a week without an answer.",
        body_limit=2000,
        body_warn=1900,
        purpose=FOLLOW_UP,
        word_limit=100,
    ),
    "thank-you": Channel(
        "thank-you",
        "Thank-you note",
        "Thanks after the conversation, sent within a day, naming what you learned. The "
        "subject line is for an e-mail or InMail; leave it out in a LinkedIn chat.",
        body_limit=2000,
        body_warn=1900,
        # A thank-you often goes by e-mail: it has a subject, kept short for an inbox.
        subject_limit=200,
        subject_warn=61,
        subject_cap=60,
        purpose=THANK_YOU,
        word_limit=120,
    ),
}
DEFAULT_CHANNEL = "message"

INTRODUCTION_CHANNEL = "introduction"
INTRODUCTION_SPEC = Channel(
    INTRODUCTION_CHANNEL,
    "Ask for an introduction",
    "To someone you know who knows them (a shared connection, or someone at their "
    "organisation): one ask, an easy no, and a short note they can forward as it is.",
    body_limit=2000,
    body_warn=1900,
    subject_limit=200,
    subject_cap=80,
    purpose=INTRODUCTION,
    word_limit=200,
)
"""The warm path: offered only when someone could introduce the sender (core/introduction),
so it is not in CHANNELS, the channels every set of answers renders for."""


def count_text(chars: int, limit: int) -> str:
    """A length against its limit as every counter shows it: "1,830 / 2,000 characters"."""
    return f"{chars:,} / {limit:,} characters"


def get_channel(name: str) -> Channel:
    """A channel by name (the introduction too); raises RenderError listing the known ones."""
    if name == INTRODUCTION_CHANNEL:
        return INTRODUCTION_SPEC
    try:
        return CHANNELS[name]
    except KeyError:
        known = ", ".join([*CHANNELS, INTRODUCTION_CHANNEL])
        raise RenderError(f"unknown channel {name!r} (known: {known})") from None


NOTE_CHANNEL = "connection-note"
"""The connection-request note: the channel with the tightest limit, shortened to fit."""


def user_channel(name: str, has_subject: bool) -> Channel:
    """The channel for a template the user added (no built-in one): generous, advisory limits."""
    return Channel(
        name,
        f"{name} (your template)",
        "A channel from your own templates.",
        body_limit=2000,
        body_warn=1900,
        hard_body_limit=False,
        subject_limit=200 if has_subject else None,
    )
