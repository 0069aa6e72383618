"""Following an outreach through: status, the dates that matter, and what they schedule.

    draft -> sent (date) -> replied / no-reply -> interview-held (date) -> thanked

An introduction request (a draft to someone the user knows, asking them to introduce the user
to the contact) goes ``draft -> sent -> introduced / declined`` (`INTRODUCTION_STATUSES`).

Marking "sent" schedules one follow-up (7 days later by default); recording that follow-up, or a
reply either way, clears it. Marking "interview-held" schedules a thank-you (the next day by
default); marking "thanked" clears it. Any status can be set at any time (a user corrects a
mistake by marking again); the product advises, it never forbids.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

DRAFT = "draft"
SENT = "sent"
REPLIED = "replied"
NO_REPLY = "no-reply"
INTERVIEW_HELD = "interview-held"
THANKED = "thanked"
INTRODUCED = "introduced"
"""An introduction request: the person asked made the introduction."""
DECLINED = "declined"
"""An introduction request: the person asked would rather not."""
STATUSES: tuple[str, ...] = (
    DRAFT,
    SENT,
    REPLIED,
    NO_REPLY,
    INTERVIEW_HELD,
    THANKED,
    INTRODUCED,
    DECLINED,
)
"""Every status, in the order an outreach normally goes through them; the last two are an
introduction request's."""
INTRODUCTION_STATUSES: tuple[str, ...] = (DRAFT, SENT, INTRODUCED, DECLINED)
"""The statuses of an introduction request."""

FOLLOWED_UP = "followed-up"
"""Not a status: the action that records the one polite follow-up as sent."""
ACTIONS: tuple[str, ...] = (*STATUSES, FOLLOWED_UP)

STATUS_LABELS: dict[str, str] = {
    DRAFT: "draft",
    SENT: "sent",
    REPLIED: "replied",
    NO_REPLY: "no reply",
    INTERVIEW_HELD: "interview held",
    THANKED: "thanked",
    INTRODUCED: "introduced",
    DECLINED: "declined",
}

FOLLOW_UP = "follow-up"
THANK_YOU = "thank-you"

DEFAULT_FOLLOW_UP_DAYS = 7
DEFAULT_THANK_YOU_DAYS = 1
MAX_DAYS = 365
"""The most days before a follow-up or thank-you that an action accepts (a year)."""

FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2999, 12, 31)
"""The range of dates accepted from a user or a file: anything a due date is computed from
stays far inside what Python's dates can hold (9999-12-31 plus a day would not)."""

_DATE_KEYS = (
    "sent_on",
    "follow_up_due",
    "followed_up_on",
    "replied_on",
    "interview_on",
    "thank_you_due",
    "thanked_on",
)
_KNOWN_KEYS = ("status", *_DATE_KEYS, "history")


class TrackingError(ValueError):
    """Tracking data or an action that cannot be used; the message fits one line."""


def parse_action(text: str) -> str:
    """A status or action typed by a user: "sent", "No reply", "interview_held"..."""
    cleaned = "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    if cleaned not in ACTIONS:
        raise TrackingError(f"unknown status {text!r} (known: {', '.join(ACTIONS)})")
    return cleaned


def parse_date(text: str) -> date:
    """A date written YYYY-MM-DD; raises TrackingError."""
    try:
        if len(text) != 10:
            raise ValueError
        value = date.fromisoformat(text)
    except ValueError:
        raise TrackingError(f"dates are written YYYY-MM-DD, not {text!r}") from None
    check_date(value)
    return value


def check_date(value: date) -> date:
    """`value` if it lies between FIRST_DATE and LAST_DATE; raises TrackingError otherwise."""
    if not FIRST_DATE <= value <= LAST_DATE:
        raise TrackingError(
            f"dates must lie between {FIRST_DATE.isoformat()} and {LAST_DATE.isoformat()},"
            f" not {value.isoformat()}"
        )
    return value


@dataclass
class Tracking:
    """Where an outreach stands. Dates are calendar dates (the user's own day), or None."""

    status: str = DRAFT
    sent_on: date | None = None
    follow_up_due: date | None = None
    followed_up_on: date | None = None
    replied_on: date | None = None
    interview_on: date | None = None
    thank_you_due: date | None = None
    thanked_on: date | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    """Every action taken, oldest first: {"action": ..., "on": "YYYY-MM-DD"}, with
    "at" (the moment it was recorded, ISO UTC) when the app recorded it."""
    extra: dict[str, Any] = field(default_factory=dict)

    def open_dues(self) -> list[tuple[str, date]]:
        """What is still to do, (kind, due date), whatever today is. Earliest first."""
        dues: list[tuple[str, date]] = []
        if self.status == SENT and self.follow_up_due and not self.followed_up_on:
            dues.append((FOLLOW_UP, self.follow_up_due))
        if self.status == INTERVIEW_HELD and self.thank_you_due:
            dues.append((THANK_YOU, self.thank_you_due))
        dues.sort(key=lambda d: d[1])
        return dues

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {**self.extra, "status": self.status}
        for key in _DATE_KEYS:
            value: date | None = getattr(self, key)
            data[key] = value.isoformat() if value else None
        data["history"] = [dict(h) for h in self.history]
        return data


def tracking_from_dict(data: Any) -> Tracking:
    """Build Tracking from its JSON data; raises TrackingError with a reason."""
    if not isinstance(data, dict):
        raise TrackingError("tracking must be an object")
    status = data.get("status", DRAFT)
    if status not in STATUSES:
        raise TrackingError(f"tracking.status must be one of {', '.join(STATUSES)}, not {status!r}")
    dates: dict[str, date | None] = {}
    for key in _DATE_KEYS:
        value = data.get(key)
        if value is None or value == "":
            dates[key] = None
        elif isinstance(value, str):
            try:
                dates[key] = parse_date(value)
            except TrackingError as exc:
                raise TrackingError(f"tracking.{key}: {exc}") from None
        else:
            raise TrackingError(f"tracking.{key} must be a date (YYYY-MM-DD) or null")
    history = data.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
        raise TrackingError("tracking.history must be a list of objects")
    return Tracking(
        status=status,
        history=[dict(h) for h in history],
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
        **dates,
    )


def _entry(action: str, on: date, at: datetime | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"action": action, "on": on.isoformat()}
    if at is not None:
        moment = at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)
        entry["at"] = moment.replace(microsecond=0).isoformat()
    return entry


def apply(
    tracking: Tracking,
    action: str,
    on: date,
    *,
    follow_up_days: int = DEFAULT_FOLLOW_UP_DAYS,
    thank_you_days: int = DEFAULT_THANK_YOU_DAYS,
    at: datetime | None = None,
) -> Tracking:
    """The tracking after `action` (a status, or FOLLOWED_UP) taken on the date `on`; `at`,
    when given, is the moment it was recorded (kept in the history as "at", ISO UTC, so a
    calendar export can say which version of an event is newer).

    Returns a new Tracking; the one given is not changed.
    """
    if action not in ACTIONS:
        raise TrackingError(f"unknown status {action!r} (known: {', '.join(ACTIONS)})")
    if not (0 <= follow_up_days <= MAX_DAYS and 0 <= thank_you_days <= MAX_DAYS):
        raise TrackingError(
            f"days before a follow-up or thank-you must be between 0 and {MAX_DAYS}"
        )
    check_date(on)
    t = replace(
        tracking,
        history=[*tracking.history, _entry(action, on, at)],
        extra=dict(tracking.extra),
    )
    if action == FOLLOWED_UP:
        t.followed_up_on = on
        return t
    t.status = action
    if action == DRAFT:
        t.follow_up_due = t.thank_you_due = None
    elif action == SENT:
        t.sent_on = on
        t.follow_up_due = on + timedelta(days=follow_up_days)
        t.followed_up_on = None
    elif action in (REPLIED, NO_REPLY):
        t.replied_on = on if action == REPLIED else t.replied_on
    elif action == INTERVIEW_HELD:
        t.interview_on = on
        t.thank_you_due = on + timedelta(days=thank_you_days)
        t.thanked_on = None
    elif action == THANKED:
        t.thanked_on = on
    return t
