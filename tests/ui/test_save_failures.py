"""When a save fails the user is told why, nothing on disk is damaged, the work stays in the
app, and they can retry or choose another folder: with an injected ENOSPC, and with a real
read-only folder (a read-only bind mount in a private mount namespace)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.index import INDEX_FILE, row_from_json
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.modals import ChoiceModal, TextPromptModal
from outreach_tui.ui.screens.wizard import WizardScreen
from readonly_mount import read_only_mounts_work

SIZE = (100, 32)


async def test_disk_full_keeps_the_old_file_and_saves_elsewhere(
    make_app: Callable[..., OutreachApp],
    data_dir: Path,
    tmp_path: Path,
    full_answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(answers=full_answers)
    other = tmp_path / "elsewhere"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        saved = next((data_dir / "drafts").glob("*.json"))
        before = saved.read_bytes()

        def no_space(fd: int, data: object) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "write", no_space)  # the os module files.py writes with
        await pilot.press("end", *" Jr.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        text = str(app.screen.query_one("#dialog-text", Static).render())
        assert "no space left on device" in text.lower()
        assert str(saved) in text
        assert saved.read_bytes() == before
        assert [p.name for p in saved.parent.iterdir() if p.name.startswith(".")] == []

        monkeypatch.undo()  # the disk has room again, somewhere else
        await pilot.click("#elsewhere")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal)
        field = app.screen.query_one(Input)
        field.value = ""
        await pilot.press(*str(other), "enter")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert not app.screen.dirty
    copy = json.loads(next((other / "drafts").glob("*.json")).read_text())
    assert copy["answers"]["sender"]["name"] == "Jordan Lee Jr."
    assert saved.read_bytes() == before
    # saved through a drafts library of that folder: its index lists the copy too
    lines = (other / INDEX_FILE).read_text(encoding="utf-8").splitlines()[1:]
    rows = [row_from_json(json.loads(line)) for line in lines]
    assert copy["id"] in {row.id for row in rows if row is not None}


@pytest.mark.skipif(
    not read_only_mounts_work(), reason="needs unshare -Urm to make a read-only mount"
)
def test_real_read_only_folder_gives_one_clear_line_and_changes_nothing(
    data_dir: Path, full_answers: Answers
) -> None:
    draft = Draft(answers=full_answers, channel="message", message="Hello.")
    path = DraftStore(data_dir).save(draft)
    before = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    script = (
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && '
        'exec "$2" -m outreach_tui --data-dir "$1" drafts mark "$3" sent'
    )
    result = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", script, "sh", str(data_dir), sys.executable, draft.id],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only file system" in lines[0].lower(), result.stderr
    assert "Traceback" not in result.stderr
    assert {p.name: p.read_bytes() for p in path.parent.iterdir()} == before


async def test_data_folder_deleted_under_the_running_app(
    make_app: Callable[..., OutreachApp], data_dir: Path, full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        shutil.rmtree(data_dir)
        await pilot.press("end", *" Jr.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert not app.screen.dirty
    saved = json.loads(next((data_dir / "drafts").glob("*.json")).read_text())
    assert saved["answers"]["sender"]["name"] == "Jordan Lee Jr."
