"""Your results: how many messages were sent and answered, and what got answers.

Counted from the drafts' statuses (kept by hand, or from a LinkedIn export: see sync.py):

- sent: every draft past "draft" (sent, replied, no reply, interview held, thanked);
- replied: replied, interview held or thanked; no reply: sent and not (yet) replied;
- the reply rate (replied / sent) and the median whole days from sending to the reply;
- the same split by the hook the message used (worked out from the saved text and answers the
  way the coach credits one, so old drafts count too), by channel, by the coach's score band
  (1-3, 4-6, 7-10) and by whether a follow-up was sent.

Below MIN_FOR_RATE messages a group is written "3 of 4", never as a bare percentage.
Drafts on the follow-up and thank-you channels are not messages of their own here: a follow-up
counts through the first message ("by follow-up"), a thank-you through "thanked". Nor are
requests for an introduction (written to the introducer, not to the person).

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.drafts.tracking import DRAFT, INTERVIEW_HELD, REPLIED, THANKED

MIN_FOR_RATE = 5
"""The fewest messages in a group for its share of replies to be given as a percentage."""
JSON_SCHEMA = 1
"""The version of `Results.to_json`'s shape; a change that breaks a reader raises it."""

NONE = "none"
INTRODUCED_HOOK = "introduced"
"""The hook of a message after an introduction that names the introducer (the coach's
`introduced` credit, stronger than any other hook)."""
HOOK_LABELS: dict[str, str] = {
    INTRODUCED_HOOK: "an introduction",
    "connection": "a shared connection",
    "group": "a shared group",
    "writing": "their writing",
    "web": "a web search",
    NONE: "no hook",
}
"""The hooks a message can use, strongest first: an introduction, then core.coach.facts.HOOK_KINDS,
and none."""
BANDS: tuple[tuple[str, int, int], ...] = (("1-3", 1, 3), ("4-6", 4, 6), ("7-10", 7, 10))
"""The coach's score bands: (key, lowest, highest)."""
BAND_LABELS = {"1-3": "score 1-3", "4-6": "score 4-6", "7-10": "score 7-10"}
FOLLOW_UP_LABELS = {"yes": "followed up", "no": "not followed up"}
_REPLIED = (REPLIED, INTERVIEW_HELD, THANKED)
NOT_COUNTED_CHANNELS = ("follow-up", "thank-you", "introduction")
"""Channels of messages that follow a first one, or go to someone else (an introducer): not
counted (core/message/channels.py)."""


@dataclass(frozen=True)
class Outcome:
    """What became of one sent message, and what it was like."""

    replied: bool
    days_to_reply: int | None
    interview: bool
    thanked: bool
    followed_up: bool
    hook: str
    channel: str
    band: str


@dataclass(frozen=True)
class Group:
    """The messages of one kind (one hook, channel, band...): how many were sent and answered."""

    key: str
    label: str
    sent: int
    replied: int

    @property
    def rate(self) -> float | None:
        """replied / sent, 0-1; None when nothing was sent."""
        return self.replied / self.sent if self.sent else None

    @property
    def counts(self) -> str:
        """ "3 of 4" (replied of sent)."""
        return f"{self.replied} of {self.sent}"

    @property
    def text(self) -> str:
        """ "3 of 4" below MIN_FOR_RATE messages, "60% (3 of 5)" from there."""
        if self.sent < MIN_FOR_RATE or self.rate is None:
            return self.counts
        return f"{round(self.rate * 100)}% ({self.counts})"

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "sent": self.sent,
            "replied": self.replied,
            "reply_rate": None if self.rate is None else round(self.rate, 4),
        }


@dataclass(frozen=True)
class Results:
    """Every count the stats command and the Results screen show."""

    sent: int = 0
    replied: int = 0
    interviews: int = 0
    thanked: int = 0
    median_days: float | None = None
    """Median whole days from sending to the reply, over replies with both dates; None if none."""
    drafts: int = 0
    """Drafts not sent yet."""
    by_hook: tuple[Group, ...] = ()
    by_channel: tuple[Group, ...] = ()
    by_band: tuple[Group, ...] = ()
    by_follow_up: tuple[Group, ...] = ()

    @property
    def no_reply(self) -> int:
        """Sent and not (yet) replied."""
        return self.sent - self.replied

    @property
    def rate(self) -> float | None:
        return self.replied / self.sent if self.sent else None

    @property
    def total(self) -> Group:
        return Group("all", "all messages", self.sent, self.replied)

    def sections(self) -> list[tuple[str, tuple[Group, ...]]]:
        """(heading, groups) in the order they are shown."""
        return [
            ("By hook", self.by_hook),
            ("By channel", self.by_channel),
            ("By coach score", self.by_band),
            ("By follow-up", self.by_follow_up),
        ]

    def to_json(self) -> dict[str, Any]:
        """The stable machine-readable form (`stats --json`; keys in README "Your results")."""
        return {
            "schema": JSON_SCHEMA,
            "sent": self.sent,
            "replied": self.replied,
            "no_reply": self.no_reply,
            "interviews_held": self.interviews,
            "thanked": self.thanked,
            "not_sent": self.drafts,
            "reply_rate": None if self.rate is None else round(self.rate, 4),
            "median_days_to_reply": self.median_days,
            "by_hook": [g.to_json() for g in self.by_hook],
            "by_channel": [g.to_json() for g in self.by_channel],
            "by_score": [g.to_json() for g in self.by_band],
            "by_follow_up": [g.to_json() for g in self.by_follow_up],
        }


def hook_of(draft: Draft) -> str:
    """The strongest hook the saved message says (a HOOK_LABELS key), as the coach credits it:
    INTRODUCED_HOOK when someone introduced the user and the message names them."""
    from outreach_tui.core.coach.facts import text_facts
    from outreach_tui.core.coach.introduction import introduced_named

    facts = text_facts(draft.answers, draft.subject, draft.message)
    if introduced_named(draft.answers, facts.text_f, facts.text):
        return INTRODUCED_HOOK
    hooks = facts.said_hooks
    return hooks[0].kind if hooks else NONE


def band_of(draft: Draft) -> str:
    """The coach's score band of the saved message ("1-3", "4-6" or "7-10"). A channel of the
    user's own templates is scored as a LinkedIn message."""
    from outreach_tui.core.coach import coach
    from outreach_tui.core.message.channels import CHANNELS

    channel = draft.channel if draft.channel in CHANNELS else "message"
    score = coach(draft.answers, channel, draft.subject, draft.message).score
    return next((key for key, low, high in BANDS if low <= score <= high), BANDS[-1][0])


def outcome(draft: Draft, *, with_band: bool = True) -> Outcome | None:
    """What became of a draft's message; None while it is not sent. `with_band` False leaves
    the score band out ("": the coach is not run, which is most of the work)."""
    t = draft.tracking
    if t.status == DRAFT:
        return None
    replied = t.status in _REPLIED
    days = None
    if replied and t.sent_on and t.replied_on and t.replied_on >= t.sent_on:
        days = (t.replied_on - t.sent_on).days
    return Outcome(
        replied=replied,
        days_to_reply=days,
        interview=t.status in (INTERVIEW_HELD, THANKED),
        thanked=t.status == THANKED,
        followed_up=t.followed_up_on is not None,
        hook=hook_of(draft),
        channel=draft.channel,
        band=band_of(draft) if with_band else "",
    )


def _groups(
    outcomes: list[Outcome], key: str, labels: dict[str, str], keep_all: bool
) -> tuple[Group, ...]:
    counts: dict[str, list[int]] = {k: [0, 0] for k in labels} if keep_all else {}
    for o in outcomes:
        count = counts.setdefault(getattr(o, key), [0, 0])
        count[0] += 1
        count[1] += o.replied
    return tuple(Group(k, labels.get(k, k), sent, replied) for k, (sent, replied) in counts.items())


def results(drafts: Iterable[Draft], *, with_bands: bool = True) -> Results:
    """The results of every draft given (damaged files are the caller's to leave out).
    `with_bands` False leaves `by_band` empty, for a quicker count (the coach's note)."""
    outcomes: list[Outcome] = []
    not_sent = 0
    for draft in drafts:
        if draft.channel in NOT_COUNTED_CHANNELS:
            continue
        found = outcome(draft, with_band=with_bands)
        if found is None:
            not_sent += 1
        else:
            outcomes.append(found)
    days = [o.days_to_reply for o in outcomes if o.days_to_reply is not None]
    channels = sorted(_groups(outcomes, "channel", {}, False), key=lambda g: (-g.sent, g.key))
    return Results(
        sent=len(outcomes),
        replied=sum(o.replied for o in outcomes),
        interviews=sum(o.interview for o in outcomes),
        thanked=sum(o.thanked for o in outcomes),
        median_days=float(statistics.median(days)) if days else None,
        drafts=not_sent,
        by_hook=_groups(outcomes, "hook", HOOK_LABELS, True),
        by_channel=tuple(channels),
        by_band=_groups(outcomes, "band", BAND_LABELS, True) if with_bands else (),
        by_follow_up=_follow_up_groups(outcomes),
    )


def _follow_up_groups(outcomes: list[Outcome]) -> tuple[Group, ...]:
    yes = [o for o in outcomes if o.followed_up]
    no = [o for o in outcomes if not o.followed_up]
    return (
        Group("yes", FOLLOW_UP_LABELS["yes"], len(yes), sum(o.replied for o in yes)),
        Group("no", FOLLOW_UP_LABELS["no"], len(no), sum(o.replied for o in no)),
    )


def store_results(store: DraftStore, *, with_bands: bool = True) -> tuple[Results, int]:
    """The results of every draft in a data folder, and how many files could not be read (left
    out, and left alone). Raises DraftError when the folder cannot be listed."""
    drafts: list[Draft] = []
    damaged = 0
    for entry in store.entries():
        if entry.draft is None:
            damaged += 1
        else:
            drafts.append(entry.draft)
    return results(drafts, with_bands=with_bands), damaged
