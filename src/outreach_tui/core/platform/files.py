"""Writing the user's files safely: atomic replace, private permissions, folders made 0700.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


class WriteError(OSError):
    """A file could not be written. str() is one line naming the path and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason


def describe_os_error(exc: OSError) -> str:
    """A short reason for an OSError: 'permission denied', 'no space left on device'..."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return reason[:1].lower() + reason[1:]


def symlink_problem(path: Path) -> str | None:
    """Why `path`, a folder inside the data folder (drafts/, trash/, linkedin/...), must not be
    written through: it is a symbolic link (to a folder outside, possibly someone else's).
    None when it is not a link (or does not exist)."""
    try:
        if not path.is_symlink():
            return None
        target = os.readlink(path)
    except OSError:
        return None
    return f"{path} is a symbolic link (to {target}); not writing through it"


def ensure_private_dir(path: Path, *, inside: bool = False) -> Path:
    """Create `path` (and parents) if needed; every folder this makes, parents included, is
    readable by the user alone (`mkdir -p` would make the parents 0755: importing LinkedIn data
    into a fresh data folder left that folder open).

    `inside`: `path` is a folder within the data folder (drafts/, trash/...), which the app
    owns: a symbolic link there is refused (WriteError) rather than followed. The data folder
    itself may be a link the user made."""
    if inside and (problem := symlink_problem(path)):
        raise WriteError(path, problem.removeprefix(f"{path} "))
    try:
        _mkdirs_private(path)
    except FileExistsError:
        raise WriteError(path, "exists and is not a folder") from None
    except OSError as exc:
        raise WriteError(path, describe_os_error(exc)) from None
    if not path.is_dir():
        raise WriteError(path, "exists and is not a folder")
    return path


def _mkdirs_private(path: Path) -> None:
    if path.is_dir():
        return
    if path.parent != path and not path.parent.exists():
        _mkdirs_private(path.parent)
    path.mkdir(mode=DIR_MODE, exist_ok=True)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entry list to disk where the platform allows it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


TEMP_PATTERN = r"^\..+\.[a-z0-9_]{8}\.tmp$"
"""The names of atomic_write's temporary files: `.<name>.<8 random characters>.tmp`."""

STALE_SECONDS = 15 * 60
"""A temporary file of ours this old belongs to a write that was killed."""


def remove_stale_temporaries(folder: Path, older_than: float = STALE_SECONDS) -> int:
    """Remove the temporary files a killed atomic_write left in `folder` (only regular files
    named as ours, not changed for `older_than` seconds). Returns how many; never raises."""
    import time

    removed = 0
    limit = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not re.match(TEMP_PATTERN, entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def _write_temporary(path: Path, data: bytes, mode: int) -> Path:
    """A fsynced temporary copy of `data` beside `path`. Raises OSError (nothing left)."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def create_new(candidates: Iterable[Path], data: bytes | str, mode: int = FILE_MODE) -> Path | None:
    """Write `data` to the first of `candidates` that does not exist yet, all at once: the file
    appears complete (a hard link of a fsynced temporary file), never empty, and an existing
    file is never replaced, even by another process saving at the same moment.

    Returns the path written, or None when the file system cannot make hard links (the caller
    then claims a name another way). Raises WriteError; FileExistsError when every candidate
    is taken.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    names = iter(candidates)
    first = next(names, None)
    if first is None:
        raise FileExistsError("no name to write")
    try:
        tmp = _write_temporary(first, data, mode)
    except OSError as exc:
        raise WriteError(first, describe_os_error(exc)) from None
    try:
        for path in (first, *names):
            try:
                os.link(tmp, path)
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                    return None  # no hard links here (FAT, some network file systems)
                raise WriteError(path, describe_os_error(exc)) from None
            fsync_dir(path.parent)
            return path
        raise FileExistsError("every name is taken")
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def atomic_write(path: Path, data: bytes | str, mode: int = FILE_MODE) -> None:
    """Replace `path` with `data` all at once: a reader sees the old file or the new, never half.

    Writes a temporary file in the same folder, flushes and fsyncs it, then os.replace()s it over
    the target and fsyncs the folder. On any failure the temporary file is removed, the old file
    is left as it was, and WriteError says why. A target that is a named pipe, a device, a socket
    or a folder is refused (WriteError), never replaced.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        mode_now = os.lstat(path).st_mode
    except OSError:
        mode_now = None  # nothing there yet (or unreadable: the write below says why)
    if mode_now is not None and not (stat.S_ISREG(mode_now) or stat.S_ISLNK(mode_now)):
        # A named pipe, a device or a folder is never replaced by a regular file.
        from outreach_tui.core.platform.safeload import file_kind

        raise WriteError(path, f"is {file_kind(mode_now)}, not a regular file")
    try:
        tmp = _write_temporary(path, data, mode)
    except OSError as exc:
        raise WriteError(path, describe_os_error(exc)) from None
    try:
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteError(path, describe_os_error(exc)) from None
    fsync_dir(path.parent)


EDITING_FOLDER = "editing"
"""Inside the data folder: the message handed to $EDITOR while it is open (0700, files 0600)."""

_EDIT_FILE = r"^message-(\d+)-[a-z0-9_]{8}\.txt$"


def new_edit_file(data_root: Path, text: str) -> Path:
    """A private file (0600, in `<data>/editing/`, 0700) holding `text`, for an external editor.

    Its name carries this process's id, so a later start knows whether it is stale (see
    remove_stale_edit_files). Raises WriteError.
    """
    folder = ensure_private_dir(data_root / EDITING_FOLDER, inside=True)
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f"message-{os.getpid()}-", suffix=".txt")
    except OSError as exc:
        raise WriteError(folder, describe_os_error(exc)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(text)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise WriteError(Path(name), describe_os_error(exc)) from None
    return Path(name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def remove_stale_edit_files(data_root: Path) -> int:
    """Remove the message files a killed app left for its editor (their process is gone).
    Returns how many; never raises."""
    removed = 0
    try:
        entries = list(os.scandir(data_root / EDITING_FOLDER))
    except OSError:
        return 0
    for entry in entries:
        match = re.match(_EDIT_FILE, entry.name)
        if not match or _alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed += 1
    return removed


def tidy_data_folder(data_root: Path) -> int:
    """At start: remove our stale temporary files (killed writes) from the data folder and its
    drafts/ and linkedin/, and stale editor files. Returns how many; never raises."""
    removed = remove_stale_edit_files(data_root)
    for folder in (data_root, data_root / "drafts", data_root / "linkedin"):
        removed += remove_stale_temporaries(folder)
    return removed
