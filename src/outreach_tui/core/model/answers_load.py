"""Answers read and checked: from plain data (JSON or TOML), and from a file or a saved draft.

Every type is checked: a wrong one is an AnswersError with a reason fit for one line that names
the key and what was found there. Unknown keys are kept (see core/model/answers.py).
"""

from __future__ import annotations

# json and tomllib are imported where they are used: the first screen is drawn without them
# (see benchmarks/README.md, start-up).
from pathlib import Path
from typing import Any

from outreach_tui.core.model.answers import (
    ACTIVITY_VALUES,
    DEFAULT_ASK_MINUTES,
    HONORIFIC_VALUES,
    HONORIFICS,
    INTRODUCTION_KEYS,
    SECTIONS,
    UNITS,
    Answers,
    AnswersError,
    Contact,
    Goal,
    Introduction,
    Job,
    Research,
    Sender,
    normalise_minutes,
    parse_distance,
)
from outreach_tui.core.platform.safeload import (
    json_problem,
    kind_of,
    loads_json,
    loads_toml,
    read_problem,
    read_regular,
)


def _expect_dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise AnswersError(f"{where} must be a table/object, not {kind_of(value)}")
    return value


def _text(data: dict[str, Any], key: str, where: str, default: str = "") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise AnswersError(f"{where}.{key} must be text, not {kind_of(value)}")
    return str(value)


def _text_list(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        # A single string is a list of one: forgiving for hand-written files.
        return [value] if value.strip() else []
    if not isinstance(value, list):
        raise AnswersError(f"{where}.{key} must be a list of text, not {kind_of(value)}")
    items: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            raise AnswersError(f"{where}.{key}[{index}] must be text, not {kind_of(item)}")
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
        raise AnswersError(f"job.distance must be a number, not {kind_of(raw_distance)}")
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

    introduction_d = _expect_dict(data.get("introduction", {}) or {}, "introduction")
    introduced = introduction_d.get("introduced", False)
    if introduced is None:
        introduced = False
    if not isinstance(introduced, bool):
        raise AnswersError(
            f"introduction.introduced must be true or false, not {kind_of(introduced)}"
        )
    introduction = Introduction(
        introducer=_text(introduction_d, "introducer", "introduction"),
        greeting_name=" ".join(_text(introduction_d, "greeting_name", "introduction").split()),
        organization=_text(introduction_d, "organization", "introduction"),
        position=_text(introduction_d, "position", "introduction"),
        introduced=introduced,
        extra=_extra(introduction_d, INTRODUCTION_KEYS),
    )

    premium = data.get("premium", False)
    if premium is None:
        premium = False
    if not isinstance(premium, bool):
        raise AnswersError(f"premium must be true or false, not {kind_of(premium)}")

    return Answers(
        sender=sender,
        contact=contact,
        research=research,
        job=job,
        goal=goal,
        premium=premium,
        extra=_extra(data, (*SECTIONS, "premium", "introduction")),
        introduction=introduction,
    )


# --- files ------------------------------------------------------------------------------------


def read_data_file(path: Path) -> Any:
    """Read a JSON or TOML file (TOML by the .toml suffix), with errors fit for one line.

    Raises AnswersError naming the file, and the line and column of a syntax error.
    """
    try:
        raw = read_regular(path)
    except OSError as exc:
        raise AnswersError(f"{path}: {read_problem(exc)}") from None
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
        raise AnswersError(f"{path}: {json_problem(exc)}") from None
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
