"""The autosave file: round trip, privacy, and damage that is reported and never touched."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from outreach_tui.core.drafts.autosave import (
    AUTOSAVE_NAME,
    PREVIOUS_NAME,
    Autosave,
    AutosaveError,
    WorkState,
)
from outreach_tui.core.model.answers import Answers


def test_round_trip_keeps_step_channel_answers_and_edits(
    tmp_path: Path, full_answers: Answers
) -> None:
    autosave = Autosave(tmp_path / "data")
    state = WorkState(
        full_answers, step=4, channel="email", edited=("Hi", "My words"), draft_id="x-1"
    )
    autosave.save(state, now=datetime(2026, 11, 27, 10, 30, tzinfo=UTC))
    loaded = autosave.load()
    assert loaded is not None
    assert loaded.answers == full_answers
    assert (loaded.step, loaded.channel, loaded.edited, loaded.draft_id) == (
        4,
        "email",
        ("Hi", "My words"),
        "x-1",
    )
    assert loaded.saved_at == "2026-11-27T10:30:00+00:00"
    assert "Alex Morgan" in loaded.describe() and "Westerly" in loaded.describe()
    path = tmp_path / "data" / AUTOSAVE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_nothing_saved_loads_as_none(tmp_path: Path) -> None:
    assert Autosave(tmp_path).load() is None


def test_clear_keeps_the_last_work_as_previous(tmp_path: Path, full_answers: Answers) -> None:
    autosave = Autosave(tmp_path)
    autosave.save(WorkState(full_answers, step=2))
    autosave.clear()
    assert not (tmp_path / AUTOSAVE_NAME).exists()
    assert "Alex Morgan" in (tmp_path / PREVIOUS_NAME).read_text()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b'{"autosave_version": 1, "answers": ', "invalid JSON"),
        (b"\xff\xfe\x00garbage\x00", "not text"),
        (b"[1, 2, 3]", "not an outreach-tui autosave"),
        (b'{"autosave_version": 99, "answers": {}}', "newer version"),
        (b'{"autosave_version": 1, "answers": {"job": {"distance": "far"}}}', "distance"),
        (b'{"autosave_version": 1, "answers": {}, "step": "two"}', "step"),
    ],
)
def test_damage_is_reported_and_the_file_left_alone(
    tmp_path: Path, content: bytes, reason: str, full_answers: Answers
) -> None:
    path = tmp_path / AUTOSAVE_NAME
    path.write_bytes(content)
    autosave = Autosave(tmp_path)
    with pytest.raises(AutosaveError) as info:
        autosave.load()
    assert reason in str(info.value)
    assert str(path) in str(info.value)
    autosave.clear()  # clearing never touches a file it cannot read
    assert path.read_bytes() == content
    assert not (tmp_path / PREVIOUS_NAME).exists()
