"""Handing the message to the user's own editor ($VISUAL / $EDITOR) and reading it back."""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual.app import App, SuspendNotSupported


class EditorError(Exception):
    """The editor could not be run, or failed. str() is one line for the user."""


def edit_in(command: str, text: str, app: App[object]) -> str:
    """Run `command FILE` on a private temporary copy of `text`; return the edited text.

    The terminal is handed over with Textual's suspend. Raises EditorError when the editor
    cannot run or exits with an error (the text is then left as it was). The temporary file
    is 0600 and is removed afterwards.
    """
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        raise EditorError(f"cannot read the editor command {command!r}: {exc}") from None
    fd, name = tempfile.mkstemp(prefix="outreach-tui-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text if text.endswith("\n") else text + "\n")
        try:
            with app.suspend():
                status = _run([*argv, str(path)])
        except SuspendNotSupported:
            if not app.is_headless:
                raise EditorError("this terminal cannot hand over to an editor") from None
            status = _run([*argv, str(path)], quiet=True)  # tests: no terminal to hand over
        if status != 0:
            raise EditorError(f"the editor exited with status {status}: the text is unchanged")
        edited = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EditorError(f"{argv[0] if argv else command}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
    if edited.endswith("\n") and not text.endswith("\n"):
        edited = edited[:-1]
    return edited


def _run(argv: list[str], quiet: bool = False) -> int:
    if not argv:
        raise EditorError("the editor command is empty")
    stream = subprocess.DEVNULL if quiet else None
    return subprocess.call(argv, stdin=stream, stdout=stream, stderr=stream)
