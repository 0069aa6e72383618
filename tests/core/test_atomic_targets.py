"""atomic_write never turns a named pipe, a device or a folder into a regular file (the Drafts
screen's export and the CLI's write through it)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from outreach_tui.core.platform.files import WriteError, atomic_write


def test_a_named_pipe_is_refused_and_left_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "export.txt"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="named pipe"):
        atomic_write(fifo, "hello")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.txt"]  # no temporary left


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "drafts.ics"
    folder.mkdir()
    (folder / "kept").write_text("x", encoding="utf-8")
    with pytest.raises(WriteError, match="a folder"):
        atomic_write(folder, "BEGIN:VCALENDAR")
    assert (folder / "kept").read_text(encoding="utf-8") == "x"


def test_a_link_is_replaced_not_what_it_points_to(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "export.txt"
    os.symlink(fifo, link)
    atomic_write(link, "text")  # the link itself is replaced, as a rename does
    assert link.read_text(encoding="utf-8") == "text" and not link.is_symlink()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_regular_file_is_still_replaced(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
