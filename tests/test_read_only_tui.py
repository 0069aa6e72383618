"""The wizard facing a real read-only data folder (a read-only bind mount in a private mount
namespace): it says why, changes nothing there, and saves in another folder when asked."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers import Answers
from ptyterm import Terminal, clean_env, wait_until
from readonly_mount import read_only_mounts_work

EXAMPLE = Path(__file__).parents[1] / "examples" / "alex-morgan.toml"


@pytest.mark.skipif(
    not read_only_mounts_work(), reason="needs unshare -Urm to make a read-only mount"
)
def test_wizard_on_a_read_only_folder_saves_elsewhere(
    data_dir: Path, tmp_path: Path, full_answers: Answers
) -> None:
    DraftStore(data_dir).save(Draft(answers=full_answers, channel="message", message="Hi."))
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env()
    env["HOME"] = str(home)
    script = (
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && '
        'exec "$2" -m outreach_tui --data-dir "$1" --answers "$3"'
    )
    args = ["unshare", "-Urm", "sh", "-c", script, "sh", str(data_dir), sys.executable]
    term = Terminal([*args, str(EXAMPLE)], env)
    try:
        term.wait_for_output(b"Continue")
        term.type("\r")  # Continue with these answers
        term.wait_for_output(b"Step 1")
        term.type("\x13")  # ctrl+s
        term.wait_for_output(b"Not saved")
        term.wait_for_output(b"read-only")  # the reason may come in a later chunk
        term.type("\t")  # from "Try again" to "Save in another folder..."
        term.type("\r")
        term.wait_for_output(b"Save here")
        term.type("\r")  # accept the suggested ~/outreach-tui-drafts
        target = home / "outreach-tui-drafts" / "drafts"
        wait_until(lambda: any(target.glob("*.json")))
        term.type("\x11")  # ctrl+q: nothing unsaved now, so it quits at once
        term.proc.wait(timeout=20)
        assert term.proc.returncode == 0
    finally:
        term.kill()
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before
    saved = next(target.glob("*.json")).read_text()
    assert "Jordan Lee" in saved
