"""Writing the user's files safely: atomic replace, private permissions, folders made 0700.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
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


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed; every folder this makes, parents included, is
    readable by the user alone (`mkdir -p` would make the parents 0755: importing LinkedIn data
    into a fresh data folder left that folder open)."""
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


def atomic_write(path: Path, data: bytes | str, mode: int = FILE_MODE) -> None:
    """Replace `path` with `data` all at once: a reader sees the old file or the new, never half.

    Writes a temporary file in the same folder, flushes and fsyncs it, then os.replace()s it over
    the target and fsyncs the folder. On any failure the temporary file is removed, the old file
    is left as it was, and WriteError says why.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(path, describe_os_error(exc)) from None
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
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteError(path, describe_os_error(exc)) from None
    fsync_dir(folder)
