"""Finding and fixing files in the data folder that other users could read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from outreach_tui.core.platform.permissions import loose_paths, tighten


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_private_folder_reports_nothing(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (root / "drafts").mkdir(parents=True, mode=0o700)
    root.chmod(0o700)
    (root / "drafts" / "a.json").write_text("{}")
    (root / "drafts" / "a.json").chmod(0o600)
    assert loose_paths(root) == []


def test_loosened_files_and_folders_are_found_and_fixed(tmp_path: Path) -> None:
    root = tmp_path / "data"
    drafts = root / "drafts"
    drafts.mkdir(parents=True)
    root.chmod(0o700)
    drafts.chmod(0o755)
    good = drafts / "good.json"
    good.write_text("{}")
    good.chmod(0o600)
    bad = drafts / "bad.json"
    bad.write_text("{}")
    bad.chmod(0o644)
    other = tmp_path / "elsewhere.txt"
    other.write_text("not ours")
    other.chmod(0o644)
    os.symlink(other, drafts / "link.json")  # links are never followed

    found = loose_paths(root)
    assert [(item.path, item.is_dir) for item in found] == [(drafts, True), (bad, False)]
    assert "0644" in found[1].describe()
    assert tighten(found) == []
    assert mode(drafts) == 0o700 and mode(bad) == 0o600
    assert mode(good) == 0o600
    assert mode(other) == 0o644
    assert loose_paths(root) == []


def test_a_missing_folder_is_not_an_error(tmp_path: Path) -> None:
    assert loose_paths(tmp_path / "nope") == []
