"""Settings: where the file lives, tolerant loads, atomic private saves, unknown keys kept, the
TOML writer's round trips, and defaults applied to new answers."""

from __future__ import annotations

import datetime as dt
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.core.model.settings import (
    Settings,
    SettingsError,
    apply_defaults,
    dumps_toml,
    load_settings,
    save_settings,
    settings_path,
)
from outreach_tui.core.platform.paths import CONFIG_DIR_ENV, config_dir, user_templates_dir

# --- where --------------------------------------------------------------------------------------


def test_config_dir_environment_beats_platform(tmp_path: Path) -> None:
    assert config_dir({CONFIG_DIR_ENV: str(tmp_path / "cfg")}) == tmp_path / "cfg"
    assert user_templates_dir({CONFIG_DIR_ENV: str(tmp_path / "cfg")}) == (
        tmp_path / "cfg" / "templates"
    )


def test_config_dir_platform_follows_xdg(tmp_path: Path) -> None:
    # conftest points XDG_CONFIG_HOME into the temporary folder
    assert config_dir({}) == Path(os.environ["XDG_CONFIG_HOME"]) / "outreach-tui"


# --- load ---------------------------------------------------------------------------------------


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "settings.toml")
    assert loaded.settings == Settings() and loaded.problem is None


def test_full_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'theme = "textual-light"\nchannel = "email"\npremium = true\nask_minutes = 20\n'
        'follow_up_days = 10\n\n[sender]\nname = "Jordan Lee"\nlocation = "Dayton, Ohio"\n',
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert loaded.problem is None
    assert loaded.settings == Settings(
        sender_name="Jordan Lee",
        sender_location="Dayton, Ohio",
        premium=True,
        ask_minutes="20",
        follow_up_days=10,
        theme="textual-light",
        channel="email",
    )


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"theme = \n", "invalid TOML"),
        (b"[sender\nname = 'x'\n", "invalid TOML"),
        (b"\xff\xfe\x00binary", "not UTF-8"),
        (b'premium = "yes"\n', "premium must be true or false"),
        (b"follow_up_days = -3\n", "follow_up_days must be between 0 and 365"),
        (b'ask_minutes = "forever"\n', "ask_minutes"),
        (b"sender = 5\n", "sender must be a table"),
        (b"[sender]\nname = 5\n", "sender.name must be text, not a number"),
        (b"[sender.name]\ngiven = 'x'\n", "sender.name must be text, not a table/object"),
        (b"follow_up_days = 2025-03-01\n", "follow_up_days must be a whole number, not a date"),
        (b"premium = [true]\n", "premium must be true or false, not a list"),
    ],
)
def test_damaged_file_reported_in_one_line_and_left_alone(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(content)
    loaded = load_settings(path)
    assert loaded.problem is not None
    assert "\n" not in loaded.problem
    assert str(path) in loaded.problem and words in loaded.problem
    # the bad value has its default; the file is never rewritten
    with pytest.raises(SettingsError, match="not overwriting"):
        save_settings(path, Settings(theme="x"))
    assert path.read_bytes() == content


def test_bad_value_keeps_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('premium = "yes"\n[sender]\nname = "Jordan Lee"\n', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.sender_name == "Jordan Lee"
    assert loaded.settings.premium is False


def test_folder_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").mkdir()
    assert "is a folder" in str(load_settings(tmp_path / "settings.toml").problem)


# --- save ---------------------------------------------------------------------------------------


def test_save_is_private_and_round_trips(tmp_path: Path) -> None:
    path = settings_path(tmp_path / "new" / "config")
    settings = Settings(
        sender_name='Jo "JJ" O\'Neil \\ Ünïcödé 🙂',
        sender_location="Line one\nline two\ttab",
        premium=True,
        ask_minutes="10-15",
        follow_up_days=5,
        theme="textual-dark",
        channel="connection-note",
    )
    save_settings(path, settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_settings(path) == (settings, None)
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_unknown_keys_kept_on_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'theme = "a"\nfuture = [1, 2]\nwhen = 2025-03-01T10:00:00Z\n\n'
        '[sender]\nname = "J"\nsignature = "Best"\n\n[ui.colours]\naccent = "#ff0000"\n',
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert loaded.problem is None
    loaded.settings.theme = "b"
    save_settings(path, loaded.settings)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["theme"] == "b"
    assert data["future"] == [1, 2]
    assert data["when"] == dt.datetime(2025, 3, 1, 10, tzinfo=dt.UTC)
    assert data["sender"] == {"name": "J", "signature": "Best", "location": ""}
    assert data["ui"] == {"colours": {"accent": "#ff0000"}}


def test_save_failure_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        save_settings(blocker / "settings.toml", Settings())
    assert str(blocker) in str(info.value) and "\n" not in str(info.value)


# --- the TOML writer ----------------------------------------------------------------------------

TRICKY = [
    "",
    "0\n",  # a bare-key pattern with $ would let the newline through
    "key\n",
    'say "hi"',
    "back\\slash \\n not a newline",
    "line\nbreak\r\nwindows",
    "tab\there",
    "ünïcödé ☃ 🙂 עברית",
    "\x00\x01\x1b[31m\x7f",
    "'single' '''triple'''",
    '"""',
    "#not a comment",
    "[not a table]",
]


@pytest.mark.parametrize("text", TRICKY)
def test_strings_round_trip(text: str) -> None:
    data = {"k": text, text: "as a key", "t": {text: [text]}}
    assert tomllib.loads(dumps_toml(data)) == data


def test_every_value_kind_round_trips() -> None:
    data: dict[str, Any] = {
        "b": True,
        "i": -(2**63),
        "f": 1.5e-300,
        "inf": float("-inf"),
        "d": dt.date(2025, 1, 2),
        "t": dt.time(10, 11, 12, 500),
        "dt": dt.datetime(2025, 1, 2, 3, 4, 5, 6),
        "dtz": dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        "empty": {},
        "list": [1, "two", [3.0], {"four": 4}],
        "nested": {"a": {"b": {"c": 1}}, "x": 1},
    }
    assert tomllib.loads(dumps_toml(data)) == data


def test_nan_round_trips_as_nan() -> None:
    value = tomllib.loads(dumps_toml({"n": float("nan")}))["n"]
    assert value != value


def test_writer_refuses_what_toml_cannot_hold() -> None:
    with pytest.raises(ValueError):
        dumps_toml({"big": 2**64})
    with pytest.raises(ValueError):
        dumps_toml({"s": "\ud800"})
    with pytest.raises(ValueError):
        dumps_toml({"o": object()})


_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
_scalars = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False)
    | _text
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(_text, _values, max_size=6))
def test_any_data_round_trips(data: dict[str, Any]) -> None:
    assert tomllib.loads(dumps_toml(data)) == data


# --- defaults for new answers -------------------------------------------------------------------


def test_apply_defaults_fills_a_new_draft() -> None:
    settings = Settings(
        sender_name="Jordan Lee", sender_location="Dayton", premium=True, ask_minutes="20"
    )
    fresh = Answers()
    result = apply_defaults(fresh, settings)
    assert result.sender.name == "Jordan Lee"
    assert result.sender.location == "Dayton"
    assert result.premium is True
    assert result.goal.ask_minutes == "20"
    assert fresh == Answers()  # pure: the input is not changed


def test_apply_defaults_keeps_given_answers() -> None:
    given_answers = answers_from_dict(
        {"sender": {"name": "Sam", "location": "Oslo"}, "goal": {"ask_minutes": "10"}}
    )
    result = apply_defaults(given_answers, Settings(sender_name="Jordan", ask_minutes="20"))
    assert (result.sender.name, result.sender.location) == ("Sam", "Oslo")
    assert result.goal.ask_minutes == "10"
    assert apply_defaults(given_answers, Settings()) == given_answers
