"""Privacy of the data folder: drafts hold personal data about a third person, so every file
should be readable by the user alone (0600) and every folder 0700. Checked at start-up; a
loosened file is reported, and fixed only when the user says so.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from outreach_tui.core.platform.files import DIR_MODE, FILE_MODE, describe_os_error


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
    """Make each file 0600 and each folder 0700. Returns one line per failure.

    Each item is opened without following a symbolic link (O_NOFOLLOW) and changed through
    that descriptor (fchmod), after checking it is still the kind of thing that was found: a
    link swapped in after the check is refused, never followed to a file outside."""
    problems: list[str] = []
    for item in items:
        try:
            _tighten_one(item)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                reason = "is now a symbolic link; not changed"
            else:
                reason = describe_os_error(exc)
            problems.append(f"{item.path}: {reason}")
    return problems


def _tighten_one(item: Loose) -> None:
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if item.is_dir:
        flags |= os.O_DIRECTORY
    fd = os.open(item.path, flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode) != item.is_dir or not (
            stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)
        ):
            raise OSError(errno.EINVAL, "changed since it was checked; not changed")
        os.fchmod(fd, DIR_MODE if item.is_dir else FILE_MODE)
    finally:
        os.close(fd)


INSIDE_FOLDERS = ("drafts", "trash", "linkedin")
"""The folders the app makes inside the data folder, and never writes through a link."""


def linked_folders(root: Path) -> list[str]:
    """One line for each folder of INSIDE_FOLDERS in `root` that is a symbolic link (to a
    folder outside, maybe someone else's): the app reads from it but refuses to write."""
    from outreach_tui.core.platform.files import symlink_problem

    lines = []
    for name in INSIDE_FOLDERS:
        problem = symlink_problem(root / name)
        if problem:
            lines.append(problem)
    return lines


def privacy_summary(root: Path) -> str | None:
    """One line for the command line when files or folders under `root` can be read by
    others (as the app's start-up dialog says), or None when all is private."""
    loose = loose_paths(root)
    if not loose:
        return None
    first = loose[0].describe()
    more = f" and {len(loose) - 1} more" if len(loose) > 1 else ""
    return (
        f"{len(loose)} item(s) in your data folder can be read by other users of this computer"
        f" ({first}{more}); start outreach-tui to fix them, or run: chmod -R go-rwx {root}"
    )
