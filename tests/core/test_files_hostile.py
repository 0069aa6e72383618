"""Files under attack or interrupted: a save killed mid-way, stale temporary files, a symbolic
link swapped in before the permissions fix, drafts/ or trash/ or linkedin/ linked elsewhere."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore, StoreError
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.platform.files import (
    EDITING_FOLDER,
    new_edit_file,
    remove_stale_edit_files,
    tidy_data_folder,
)
from outreach_tui.core.platform.permissions import Loose, linked_folders, loose_paths, tighten

KILLED_SAVE = """
import os, sys
from pathlib import Path
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore

real_fsync = os.fsync
def slow_fsync(fd):
    print("fsync", flush=True)
    sys.stdin.readline()  # the test kills the process here: an fsync that never ends
    real_fsync(fd)
os.fsync = slow_fsync
answers = answers_from_dict({"contact": {"name": "Alex Morgan"}})
DraftStore(Path(sys.argv[1])).save(Draft(answers=answers, channel="message", message="Dear Alex"))
"""


def test_a_save_killed_during_fsync_leaves_no_empty_draft(tmp_path: Path) -> None:
    data = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_SAVE, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "fsync\n"  # waits for the save to reach its fsync
    process.kill()
    process.wait()
    drafts = data / "drafts"
    visible = [p.name for p in drafts.iterdir() if not p.name.startswith(".")]
    assert visible == [], "a killed first save left a visible (empty) draft"
    assert DraftStore(data).entries() == []
    leftovers = [p for p in drafts.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1
    # at the next start, a temporary file of ours this old is removed; a fresh one is kept
    old = time.time() - 3600
    os.utime(leftovers[0], (old, old))
    fresh = drafts / ".other.json.abcd1234.tmp"
    fresh.write_text("a save in progress")
    mine_not = drafts / ".notes.tmp"
    mine_not.write_text("not ours")
    os.utime(mine_not, (old, old))
    assert tidy_data_folder(data) == 1
    assert not leftovers[0].exists() and fresh.exists() and mine_not.exists()


def test_a_new_draft_appears_whole_and_two_saves_never_share_an_id(
    tmp_path: Path, full_answers: Answers
) -> None:
    store = DraftStore(tmp_path)
    first = Draft(answers=full_answers, channel="message", message="One")
    second = Draft(answers=full_answers, channel="message", message="Two")
    store.save(first)
    store.save(second)
    assert first.id != second.id
    assert store.load(first.id).message == "One" and store.load(second.id).message == "Two"
    assert [p.name for p in (tmp_path / "drafts").iterdir() if p.name.endswith(".tmp")] == []


def test_editor_files_live_in_the_private_folder_and_stale_ones_go(tmp_path: Path) -> None:
    path = new_edit_file(tmp_path, "Dear Alex\n")
    assert path.parent == tmp_path / EDITING_FOLDER
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = path.parent / f"message-{int(dead.stdout)}-abcd1234.txt"
    stale.write_text("left by a killed app")
    assert remove_stale_edit_files(tmp_path) == 1
    assert not stale.exists()
    assert path.exists(), "the file of a running app (this one) is kept"


def test_tighten_refuses_a_symlink_swapped_in_after_the_check(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir(mode=0o700)
    loose_file = root / "draft.json"
    loose_file.write_text("{}")
    loose_file.chmod(0o644)
    found = loose_paths(root)
    assert found == [Loose(loose_file, 0o644, False)]
    outside = tmp_path / "someone-elses.txt"
    outside.write_text("not yours")
    outside.chmod(0o644)
    loose_file.unlink()
    loose_file.symlink_to(outside)  # swapped in between the check and the fix
    problems = tighten(found)
    assert len(problems) == 1 and "symbolic link" in problems[0]
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644, "followed the link outside"


@pytest.mark.parametrize("name", ["drafts", "trash", "linkedin"])
def test_a_folder_linked_outside_is_reported_and_never_written_through(
    tmp_path: Path, full_answers: Answers, name: str
) -> None:
    from outreach_tui.core.linkedin.store import LinkedInError, import_export

    data = tmp_path / "data"
    data.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    store = DraftStore(data)
    draft = Draft(answers=full_answers, channel="message", message="Hi")
    if name == "trash":
        store.save(draft)
    (data / name).symlink_to(outside, target_is_directory=True)
    assert linked_folders(data) == [
        f"{data / name} is a symbolic link (to {outside}); not writing through it"
    ]
    with pytest.raises((StoreError, LinkedInError)) as refused:
        if name == "drafts":
            store.save(draft)
        elif name == "trash":
            store.trash(draft.id)
        else:
            fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "linkedin"
            import_export(fixtures / "Connections.csv", data)
    assert "symbolic link" in str(refused.value)
    assert list(outside.iterdir()) == []
