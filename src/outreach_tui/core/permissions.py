"""Privacy of the data folder: drafts hold personal data about a third person, so every file
should be readable by the user alone (0600) and every folder 0700. Checked at start-up; a
loosened file is reported, and fixed only when the user says so.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from outreach_tui.core.fsutil import DIR_MODE, FILE_MODE, describe_os_error


@dataclass(frozen=True)
class Loose:
    path: Path
    mode: int
    is_dir: bool

    def describe(self) -> str:
        kind = "folder" if self.is_dir else "file"
        return f"{self.path} ({kind}, mode {self.mode:04o})"


def loose_paths(root: Path, limit: int = 100_000) -> list[Loose]:
    """Files and folders under `root` (and `root` itself) that others may read or write.

    Symbolic links are not followed. Stops after `limit` entries checked.
    """
    found: list[Loose] = []
    try:
        st = os.stat(root, follow_symlinks=False)
    except OSError:
        return found
    if stat.S_ISDIR(st.st_mode) and stat.S_IMODE(st.st_mode) & 0o077:
        found.append(Loose(root, stat.S_IMODE(st.st_mode), True))
    checked = 0
    stack = [root]
    while stack and checked < limit:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            checked += 1
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            mode = stat.S_IMODE(st.st_mode)
            if stat.S_ISDIR(st.st_mode):
                stack.append(Path(entry.path))
                if mode & 0o077:
                    found.append(Loose(Path(entry.path), mode, True))
            elif stat.S_ISREG(st.st_mode) and mode & 0o077:
                found.append(Loose(Path(entry.path), mode, False))
    return sorted(found, key=lambda item: str(item.path))


def tighten(items: list[Loose]) -> list[str]:
    """Make each file 0600 and each folder 0700. Returns one line per failure."""
    problems: list[str] = []
    for item in items:
        try:
            os.chmod(item.path, DIR_MODE if item.is_dir else FILE_MODE)
        except OSError as exc:
            problems.append(f"{item.path}: {describe_os_error(exc)}")
    return problems
