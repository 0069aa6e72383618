"""The user's settings: defaults for new drafts, in `<config folder>/settings.toml`.

```toml
theme = "textual-dark"      # "" follows Textual's default
channel = "message"         # the channel a new draft starts on
premium = false             # you have LinkedIn Premium (300-character notes)
ask_minutes = "15-20"       # minutes to ask for
follow_up_days = 7          # days after sending before a follow-up is due

[sender]
name = "Jordan Lee"
location = "Dayton, Ohio"
```

Loads are tolerant: no file means the defaults; a damaged or invalid file is reported in one line
naming the file and the problem, the defaults stand in for what could not be read, and the file
is never rewritten (saving refuses until it is fixed or moved away). Unknown keys are kept on
save; comments are not. Saves are atomic and private (0600, the folder 0700).

Python reads TOML with tomllib; `dumps_toml` is the small writer for this file (every TOML value
tomllib can return round-trips through it).

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

# json, tomllib, secrets and importlib.resources are imported where they are used: the first
# screen is drawn without them (see benchmarks/README.md, start-up).
import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from outreach_tui.core.message.channels import DEFAULT_CHANNEL
from outreach_tui.core.model.answers import (
    DEFAULT_ASK_MINUTES,
    Answers,
    AnswersError,
    normalise_minutes,
)
from outreach_tui.core.platform.files import WriteError, atomic_write, ensure_private_dir
from outreach_tui.core.platform.safeload import kind_of, loads_toml, read_problem, read_regular

MAX_SETTINGS_BYTES = 1024 * 1024
"""Largest settings file read (bytes); a real one is under 2 KB."""

SETTINGS_FILE = "settings.toml"
DEFAULT_FOLLOW_UP_DAYS = 7
MAX_FOLLOW_UP_DAYS = 365
_HEADER = (
    "# outreach-tui settings: defaults for new drafts (see the README, 'Settings').\n"
    "# Written by outreach-tui: keys it does not know are kept, comments are not.\n"
)


class SettingsError(Exception):
    """Settings that cannot be read or saved. str() is one line naming the file."""


@dataclass
class Settings:
    sender_name: str = ""
    sender_location: str = ""
    premium: bool = False
    ask_minutes: str = DEFAULT_ASK_MINUTES
    follow_up_days: int = DEFAULT_FOLLOW_UP_DAYS
    theme: str = ""
    """A Textual theme name; "" follows Textual's default."""
    channel: str = DEFAULT_CHANNEL
    """The channel a new draft starts on (checked against the known channels where used)."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys this version does not know, kept as read (top level; `sender`'s are in `sender`)."""
    sender_extra: dict[str, Any] = field(default_factory=dict)


class LoadedSettings(NamedTuple):
    settings: Settings
    problem: str | None
    """None, or one line naming the file and what is wrong with it."""


def settings_path(config: Path) -> Path:
    """`<config folder>/settings.toml`."""
    return config / SETTINGS_FILE


# --- from / to plain data ----------------------------------------------------------------------

_KNOWN = ("sender", "premium", "ask_minutes", "follow_up_days", "theme", "channel")


def settings_from_dict(data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from parsed TOML, and the problems found. A bad value keeps its default."""
    s = Settings()
    problems: list[str] = []

    def text(where: Mapping[str, Any], key: str, label: str, default: str) -> str:
        value = where.get(key, default)
        if not isinstance(value, str):
            problems.append(f"{label} must be text, not {kind_of(value)}")
            return default
        return value

    sender = data.get("sender", {})
    if not isinstance(sender, dict):
        problems.append(f"sender must be a table, not {kind_of(sender)}")
        sender = {}
    s.sender_name = text(sender, "name", "sender.name", "")
    s.sender_location = text(sender, "location", "sender.location", "")
    s.sender_extra = {k: v for k, v in sender.items() if k not in ("name", "location")}

    premium = data.get("premium", False)
    if isinstance(premium, bool):
        s.premium = premium
    else:
        problems.append(f"premium must be true or false, not {kind_of(premium)}")

    minutes = data.get("ask_minutes", DEFAULT_ASK_MINUTES)
    if isinstance(minutes, int) and not isinstance(minutes, bool):
        minutes = str(minutes)  # ask_minutes = 20 is fine too
    if not isinstance(minutes, str):
        problems.append(f'ask_minutes must be text such as "15-20", not {kind_of(minutes)}')
    else:
        try:
            s.ask_minutes = normalise_minutes(minutes)
        except AnswersError as exc:
            problems.append(f"ask_{exc}")

    days = data.get("follow_up_days", DEFAULT_FOLLOW_UP_DAYS)
    if isinstance(days, bool) or not isinstance(days, int):
        problems.append(f"follow_up_days must be a whole number, not {kind_of(days)}")
    elif not 0 <= days <= MAX_FOLLOW_UP_DAYS:
        problems.append(f"follow_up_days must be between 0 and {MAX_FOLLOW_UP_DAYS}, not {days}")
    else:
        s.follow_up_days = days

    s.theme = text(data, "theme", "theme", "")
    s.channel = text(data, "channel", "channel", DEFAULT_CHANNEL).strip() or DEFAULT_CHANNEL
    s.extra = {k: v for k, v in data.items() if k not in _KNOWN}
    return s, problems


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The settings as plain data for the TOML file, unknown keys merged back in."""
    s = settings
    return {
        **s.extra,
        "theme": s.theme,
        "channel": s.channel,
        "premium": s.premium,
        "ask_minutes": s.ask_minutes,
        "follow_up_days": s.follow_up_days,
        "sender": {**s.sender_extra, "name": s.sender_name, "location": s.sender_location},
    }


def read_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read a settings file strictly enough to report. Raises SettingsError when it cannot be
    read or parsed at all; returns the settings and the problems with individual values."""
    try:
        raw = read_regular(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        raise SettingsError(f"{path}: {read_problem(exc)}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SettingsError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None
    import tomllib

    try:
        data = loads_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: invalid TOML: {exc}") from None
    return settings_from_dict(data)


def load_settings(path: Path) -> LoadedSettings:
    """The settings in `path`, never raising: missing file -> defaults; a damaged file ->
    defaults (for the values that could not be read) and a one-line problem to show."""
    try:
        settings, problems = read_settings(path)
    except SettingsError as exc:
        return LoadedSettings(Settings(), str(exc))
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return LoadedSettings(settings, f"{path}: {problems[0]}{more}; using the default")
    return LoadedSettings(settings, None)


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings atomically (0600; the folder is made 0700).

    Refuses (SettingsError) to replace a file that does not read cleanly: it is the user's, and
    may be a newer version's or half-edited. Also raises SettingsError when the write fails.
    """
    try:
        _, problems = read_settings(path)
    except SettingsError as exc:
        raise SettingsError(f"not overwriting a settings file that cannot be read: {exc}") from None
    if problems:
        raise SettingsError(
            f"not overwriting {path}: {problems[0]} (fix it or move it away, then save again)"
        )
    try:
        text = _HEADER + dumps_toml(settings_to_dict(settings))
    except ValueError as exc:
        raise SettingsError(f"cannot write {path}: {exc}") from None
    try:
        ensure_private_dir(path.parent)
        atomic_write(path, text)
    except WriteError as exc:
        raise SettingsError(str(exc)) from None


def apply_defaults(answers: Answers, settings: Settings) -> Answers:
    """A copy of `answers` with the settings' defaults filled in where nothing was given.

    The sender's name and location fill empty answers; Premium is set when the settings say so;
    the minutes replace the built-in default ("15-20") only. Meant for a new draft (or an
    answers file): a saved draft's answers are its own.
    """
    result = answers.copy()
    if not result.sender.name.strip():
        result.sender.name = settings.sender_name
    if not result.sender.location.strip():
        result.sender.location = settings.sender_location
    if settings.premium:
        result.premium = True
    if result.goal.ask_minutes == DEFAULT_ASK_MINUTES:
        result.goal.ask_minutes = settings.ask_minutes
    return result


# --- a small TOML writer -----------------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(value: str) -> str:
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        elif 0xD800 <= ord(char) <= 0xDFFF:
            raise ValueError(f"text holds a lone surrogate (U+{ord(char):04X}), not valid TOML")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _key(key: str) -> str:
    if not isinstance(key, str):
        raise ValueError(f"a key must be text, not {key!r}")
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise ValueError(f"{value} is too large for TOML (64-bit integers)")
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise ValueError(f"cannot write {type(value).__name__} as TOML")


def dumps_toml(data: Mapping[str, Any]) -> str:
    """TOML text for `data`: values first, then each table as a `[section]` (nested tables as
    `[a.b]`); tables inside lists are written inline. `tomllib.loads` gives back `data`."""
    lines: list[str] = []
    _table(data, (), lines)
    return "\n".join(lines).strip("\n") + "\n"


def _table(data: Mapping[str, Any], path: tuple[str, ...], lines: list[str]) -> None:
    tables = [(k, v) for k, v in data.items() if isinstance(v, Mapping)]
    if path:
        lines.append("")
        lines.append("[" + ".".join(_key(p) for p in path) + "]")
    for key, value in data.items():
        if not isinstance(value, Mapping):
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in tables:
        _table(value, (*path, key), lines)
