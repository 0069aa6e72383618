"""The answers a job seeker gives: a plain data model, and the answers object it writes.

Pure Python: nothing here imports Textual or Rich.

An *answers object* is the public contract documented in the README::

    sender   {name, location}
    contact  {name, honorific, greeting_name, title, organization, active_on_linkedin}
    research {shared_connections[], groups[], public_activity[], web_search}
    job      {distance, unit}
    goal     {learn, ask_minutes, learned}
    introduction {introducer, greeting_name, organization, position, introduced}   (optional)
    premium  bool

Unknown keys (at the top level or inside a section) are kept and written back unchanged, so a
newer version's answers survive a round trip through an older one. Missing optional keys get
their defaults. Reading and checking answers from data or a file is core/model/answers_load.py.
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field
from typing import Any

HONORIFICS: tuple[str, ...] = ("Ms.", "Mr.", "Mx.", "Dr.")
"""Honorifics offered before the surname."""

FIRST_NAME_ONLY = "first-name"
"""Honorific value: address the person by their first name ("Dear Alex,")."""

NO_HONORIFIC = "none"
"""Honorific value: full name, no title ("Dear Alex Morgan,"). Also what an empty value means."""

HONORIFIC_VALUES: tuple[str, ...] = (*HONORIFICS, FIRST_NAME_ONLY, NO_HONORIFIC, "")
ACTIVITY_VALUES: tuple[str, ...] = ("yes", "no", "unknown")
UNITS: tuple[str, ...] = ("miles", "km")
FAR_MILES = 100.0
"""The 100-mile rule: from this distance on, a conversation first is especially worthwhile."""
FAR_KM = 160.0
"""The same rule for a distance given in kilometres (100 miles is about 160 km)."""

DEFAULT_ASK_MINUTES = "15-20"
_MINUTES_RE = re.compile(r"^\s*(\d{1,3})\s*(?:(?:-|–|to)\s*(\d{1,3}))?\s*(?:min(?:utes?)?)?\s*$")


class AnswersError(ValueError):
    """Answers that cannot be used, with a message fit to show a user as it is."""


@dataclass
class Sender:
    name: str = ""
    location: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Contact:
    name: str = ""
    honorific: str = ""
    greeting_name: str = ""
    """The name in the greeting as the user set it ("Ms. Wang", "Lan"); "" uses the parse."""
    title: str = ""
    organization: str = ""
    active_on_linkedin: str = "unknown"
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Research:
    shared_connections: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    public_activity: list[str] = field(default_factory=list)
    web_search: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Job:
    distance: float | None = None
    unit: str = "miles"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_far(self) -> bool:
        """True at 100 miles (about 160 km) or more.

        Compared in the unit given, so that 160 km counts (as the rule is usually stated) while
        99.5 miles does not.
        """
        if self.distance is None:
            return False
        return self.distance >= (FAR_KM if self.unit == "km" else FAR_MILES)


@dataclass
class Goal:
    learn: str = ""
    ask_minutes: str = DEFAULT_ASK_MINUTES
    learned: str = ""
    """After the conversation: the one specific thing the user learned (for the thank-you)."""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Introduction:
    """The person the user knows who may introduce them to the contact (the warm path).

    Only what the answers or the user's LinkedIn import say of them: never more.
    """

    introducer: str = ""
    """Their display name as typed or imported ("Samir Patel"); "" when none is chosen."""
    greeting_name: str = ""
    """How the user greets them ("Sam"); "" greets them by their given name."""
    organization: str = ""
    """Where the LinkedIn import says they work; "" when the import does not say."""
    position: str = ""
    """Their position there, per the import; "" when unknown."""
    introduced: bool = False
    """They made the introduction: the message to the contact names them as the link."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_set(self) -> bool:
        """True when anything here differs from the defaults (so it is written to files)."""
        return bool(
            self.introducer.strip()
            or self.greeting_name
            or self.organization
            or self.position
            or self.introduced
            or self.extra
        )


INTRODUCTION_KEYS = ("introducer", "greeting_name", "organization", "position", "introduced")


@dataclass
class Answers:
    sender: Sender = field(default_factory=Sender)
    contact: Contact = field(default_factory=Contact)
    research: Research = field(default_factory=Research)
    job: Job = field(default_factory=Job)
    goal: Goal = field(default_factory=Goal)
    premium: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    introduction: Introduction = field(default_factory=Introduction)

    def copy(self) -> Answers:
        return copy.deepcopy(self)

    def to_dict(self) -> dict[str, Any]:
        """The answers object as plain JSON-ready data (unknown keys included)."""
        return answers_to_dict(self)


# --- field access by dotted key ("contact.name"), used by the question list -----------------

SECTIONS: tuple[str, ...] = ("sender", "contact", "research", "job", "goal")


def get_value(answers: Answers, key: str) -> Any:
    """The value at a dotted key such as ``"contact.name"`` or ``"premium"``."""
    if "." not in key:
        return getattr(answers, key)
    section, name = key.split(".", 1)
    return getattr(getattr(answers, section), name)


def set_value(answers: Answers, key: str, value: Any) -> None:
    """Set the value at a dotted key, in place."""
    if "." not in key:
        setattr(answers, key, value)
        return
    section, name = key.split(".", 1)
    setattr(getattr(answers, section), name, value)


# --- parsing helpers --------------------------------------------------------------------------


def parse_distance(text: str) -> float | None:
    """A distance typed by a user: empty means unknown; otherwise a non-negative number.

    Raises AnswersError with a readable reason.
    """
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise AnswersError(f"distance must be a number, not {text.strip()!r}") from None
    if not math.isfinite(value) or value < 0:
        raise AnswersError("distance must be zero or more")
    if value > 50_000:
        raise AnswersError("distance must be at most 50,000")
    return value


def parse_minutes(text: str) -> tuple[int, int]:
    """Minutes asked for: ``"20"``, ``"15-20"``, ``"15 to 20 minutes"``. Returns (low, high)."""
    match = _MINUTES_RE.match(text)
    if not match:
        raise AnswersError(f"minutes must look like 20 or 15-20, not {text.strip()!r}")
    low = int(match.group(1))
    high = int(match.group(2) or low)
    if low < 1 or high > 180 or low > high:
        raise AnswersError("minutes must be between 1 and 180, the smaller number first")
    return low, high


def normalise_minutes(text: str) -> str:
    """The canonical form of a minutes answer ("15-20" or "20")."""
    low, high = parse_minutes(text)
    return str(low) if low == high else f"{low}-{high}"


def answers_to_dict(answers: Answers) -> dict[str, Any]:
    """The answers object as plain data, unknown keys merged back in."""
    a = answers
    distance: float | int | None = a.job.distance
    if distance is not None and float(distance).is_integer():
        distance = int(distance)
    return {
        "sender": {**a.sender.extra, "name": a.sender.name, "location": a.sender.location},
        "contact": {
            **a.contact.extra,
            "name": a.contact.name,
            "honorific": a.contact.honorific,
            # Optional: written only once set, so older files round-trip unchanged.
            **({"greeting_name": a.contact.greeting_name} if a.contact.greeting_name else {}),
            "title": a.contact.title,
            "organization": a.contact.organization,
            "active_on_linkedin": a.contact.active_on_linkedin,
        },
        "research": {
            **a.research.extra,
            "shared_connections": list(a.research.shared_connections),
            "groups": list(a.research.groups),
            "public_activity": list(a.research.public_activity),
            "web_search": a.research.web_search,
        },
        "job": {**a.job.extra, "distance": distance, "unit": a.job.unit},
        "goal": {
            **a.goal.extra,
            "learn": a.goal.learn,
            "ask_minutes": a.goal.ask_minutes,
            # written once there is something: a first message has nothing learned yet
            **({"learned": a.goal.learned} if a.goal.learned else {}),
        },
        "premium": a.premium,
        # Optional: written only once set, so older files round-trip unchanged.
        **(
            {"introduction": _introduction_to_dict(a.introduction)} if a.introduction.is_set else {}
        ),
        **a.extra,
    }


def _introduction_to_dict(introduction: Introduction) -> dict[str, Any]:
    i = introduction
    return {
        **i.extra,
        "introducer": i.introducer,
        "greeting_name": i.greeting_name,
        "organization": i.organization,
        "position": i.position,
        "introduced": i.introduced,
    }
