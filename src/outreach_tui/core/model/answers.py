"""The answers a job seeker gives: a plain data model, with loading from JSON or TOML.

Pure Python: nothing here imports Textual or Rich.

An *answers object* is the public contract documented in the README::

    sender   {name, location}
    contact  {name, honorific, greeting_name, title, organization, active_on_linkedin}
    research {shared_connections[], groups[], public_activity[], web_search}
    job      {distance, unit}
    goal     {learn, ask_minutes, learned}
    premium  bool

Unknown keys (at the top level or inside a section) are kept and written back unchanged, so a
newer version's answers survive a round trip through an older one. Missing optional keys get
their defaults.
"""

from __future__ import annotations

# json, tomllib, secrets and importlib.resources are imported where they are used: the first
# screen is drawn without them (see benchmarks/README.md, start-up).
import copy
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from outreach_tui.core.platform.safeload import loads_json, loads_toml, read_regular

HONORIFICS: tuple[str, ...] = ("Ms.", "Mr.", "Mx.", "Dr.")
"""Honorifics offered before the surname."""

FIRST_NAME_ONLY = "first-name"
"""Honorific value: address the person by their first name ("Dear Alex,")."""

NO_HONORIFIC = "none"
"""Honorific value: full name, no title ("Dear Alex Morgan,"). Also what an empty value means."""

HONORIFIC_VALUES: tuple[str, ...] = (*HONORIFICS, FIRST_NAME_ONLY, NO_HONORIFIC, "")
ACTIVITY_VALUES: tuple[str, ...] = ("yes", "no", "unknown")
UNITS: tuple[str, ...] = ("miles", "km")
KM_PER_MILE = 1.609344
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
    def miles(self) -> float | None:
        """The distance in miles, whatever unit it was given in."""
        if self.distance is None:
            return None
        return self.distance / KM_PER_MILE if self.unit == "km" else self.distance

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
class Answers:
    sender: Sender = field(default_factory=Sender)
    contact: Contact = field(default_factory=Contact)
    research: Research = field(default_factory=Research)
    job: Job = field(default_factory=Job)
    goal: Goal = field(default_factory=Goal)
    premium: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

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


def format_distance(value: float) -> str:
    """A distance as a user wrote it: 250.0 -> "250", 12.5 -> "12.5"."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


# --- from / to dicts ----------------------------------------------------------------------------


def _expect_dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise AnswersError(f"{where} must be a table/object, not {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table/object",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _text(data: dict[str, Any], key: str, where: str, default: str = "") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise AnswersError(f"{where}.{key} must be text, not {_kind(value)}")
    return str(value)


def _text_list(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        # A single string is a list of one: forgiving for hand-written files.
        return [value] if value.strip() else []
    if not isinstance(value, list):
        raise AnswersError(f"{where}.{key} must be a list of text, not {_kind(value)}")
    items: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            raise AnswersError(f"{where}.{key}[{index}] must be text, not {_kind(item)}")
        if str(item).strip():
            items.append(str(item))
    return items


def _choice(
    data: dict[str, Any], key: str, where: str, allowed: tuple[str, ...], default: str
) -> str:
    value = _text(data, key, where, default)
    if value not in allowed:
        shown = ", ".join(repr(a) for a in allowed if a)
        raise AnswersError(f"{where}.{key} must be one of {shown}, not {value!r}")
    return value


def _extra(data: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in known}


def answers_from_dict(data: Any) -> Answers:
    """Build Answers from a plain dict, checking every type. Raises AnswersError."""
    data = _expect_dict(data, "the answers")

    sender_d = _expect_dict(data.get("sender", {}), "sender")
    sender = Sender(
        name=_text(sender_d, "name", "sender"),
        location=_text(sender_d, "location", "sender"),
        extra=_extra(sender_d, ("name", "location")),
    )

    contact_d = _expect_dict(data.get("contact", {}), "contact")
    honorific = _text(contact_d, "honorific", "contact").strip()
    lowered = {h.lower().rstrip("."): h for h in HONORIFICS}
    honorific = lowered.get(honorific.lower().rstrip("."), honorific)
    if honorific not in HONORIFIC_VALUES:
        allowed = ", ".join(repr(h) for h in HONORIFIC_VALUES if h)
        raise AnswersError(f"contact.honorific must be one of {allowed}, not {honorific!r}")
    active = contact_d.get("active_on_linkedin", "unknown")
    if isinstance(active, bool):
        active = "yes" if active else "no"
    contact_d_norm = {**contact_d, "active_on_linkedin": active}
    contact = Contact(
        name=_text(contact_d, "name", "contact"),
        honorific=honorific,
        greeting_name=" ".join(_text(contact_d, "greeting_name", "contact").split()),
        title=_text(contact_d, "title", "contact"),
        organization=_text(contact_d, "organization", "contact"),
        active_on_linkedin=_choice(
            contact_d_norm, "active_on_linkedin", "contact", ACTIVITY_VALUES, "unknown"
        ),
        extra=_extra(
            contact_d,
            ("name", "honorific", "greeting_name", "title", "organization", "active_on_linkedin"),
        ),
    )

    research_d = _expect_dict(data.get("research", {}), "research")
    research = Research(
        shared_connections=_text_list(research_d, "shared_connections", "research"),
        groups=_text_list(research_d, "groups", "research"),
        public_activity=_text_list(research_d, "public_activity", "research"),
        web_search=_text(research_d, "web_search", "research"),
        extra=_extra(research_d, ("shared_connections", "groups", "public_activity", "web_search")),
    )

    job_d = _expect_dict(data.get("job", {}), "job")
    raw_distance = job_d.get("distance")
    distance: float | None
    if raw_distance is None or raw_distance == "":
        distance = None
    elif isinstance(raw_distance, bool):
        raise AnswersError("job.distance must be a number, not true/false")
    elif isinstance(raw_distance, int | float | str):
        try:
            distance = parse_distance(str(raw_distance))
        except AnswersError as exc:
            raise AnswersError(f"job.{exc}") from None
    else:
        raise AnswersError(f"job.distance must be a number, not {_kind(raw_distance)}")
    job = Job(
        distance=distance,
        unit=_choice(job_d, "unit", "job", UNITS, "miles"),
        extra=_extra(job_d, ("distance", "unit")),
    )

    goal_d = _expect_dict(data.get("goal", {}), "goal")
    minutes = (
        _text(goal_d, "ask_minutes", "goal", DEFAULT_ASK_MINUTES).strip() or DEFAULT_ASK_MINUTES
    )
    try:
        minutes = normalise_minutes(minutes)
    except AnswersError as exc:
        raise AnswersError(f"goal.ask_{exc}") from None
    goal = Goal(
        learn=_text(goal_d, "learn", "goal"),
        ask_minutes=minutes,
        learned=_text(goal_d, "learned", "goal"),
        extra=_extra(goal_d, ("learn", "ask_minutes", "learned")),
    )

    premium = data.get("premium", False)
    if premium is None:
        premium = False
    if not isinstance(premium, bool):
        raise AnswersError(f"premium must be true or false, not {_kind(premium)}")

    return Answers(
        sender=sender,
        contact=contact,
        research=research,
        job=job,
        goal=goal,
        premium=premium,
        extra=_extra(data, (*SECTIONS, "premium")),
    )


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
        **a.extra,
    }


# --- files ------------------------------------------------------------------------------------


def read_data_file(path: Path) -> Any:
    """Read a JSON or TOML file (TOML by the .toml suffix), with errors fit for one line.

    Raises AnswersError naming the file, and the line and column of a syntax error.
    """
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        raise AnswersError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise AnswersError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise AnswersError(f"{path}: permission denied") from None
    except OSError as exc:
        raise AnswersError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnswersError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None
    import json
    import tomllib

    if path.suffix.lower() == ".toml":
        try:
            return loads_toml(text)
        except tomllib.TOMLDecodeError as exc:
            raise AnswersError(f"{path}: invalid TOML: {exc}") from None
    try:
        data = loads_json(text)
    except json.JSONDecodeError as exc:
        raise AnswersError(
            f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    if has_lone_surrogate(data):
        raise AnswersError(f"{path}: {LONE_SURROGATE}")
    return data


LONE_SURROGATE = "invalid JSON: a \\u escape is half a character (a lone surrogate)"
"""Why JSON text holding a lone surrogate is refused: it is not text and cannot be saved."""


def has_lone_surrogate(data: Any) -> bool:
    """True when a string anywhere in parsed JSON holds a lone surrogate ("\\ud800" escapes
    parse to one): such text cannot be written as UTF-8, so it is refused when read.
    """
    if isinstance(data, str):
        if data.isascii():
            return False
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(data, dict):
        return any(has_lone_surrogate(k) or has_lone_surrogate(v) for k, v in data.items())
    if isinstance(data, list):
        return any(has_lone_surrogate(item) for item in data)
    return False


def is_draft_data(data: Any) -> bool:
    """True for a saved draft (rather than a bare answers object)."""
    return isinstance(data, dict) and "schema_version" in data and "answers" in data


def load_answers_file(path: Path) -> Answers:
    """Load an answers file (JSON or TOML) or the answers inside a saved draft."""
    data = read_data_file(path)
    if is_draft_data(data):
        data = data["answers"]
    try:
        return answers_from_dict(data)
    except AnswersError as exc:
        raise AnswersError(f"{path}: {exc}") from None
