"""Handing the message to the user's own editor ($VISUAL / $EDITOR) and reading it back."""

from __future__ import annotations

import contextlib
import shlex
import subprocess
from pathlib import Path

from textual.app import App, SuspendNotSupported


class EditorError(Exception):
    """The editor could not be run, or failed. str() is one line for the user."""


def edit_in(command: str, text: str, app: App[object], data_root: Path) -> str:
    """Run `command FILE` on a private copy of `text`; return the edited text.

    The copy is in the private data folder (`<data_root>/editing/`, 0700; the file 0600), not
    the system's shared temporary folder, and is removed afterwards; one a killed app left
    behind is removed at the next start. The terminal is handed over with Textual's suspend.
    Raises EditorError when the editor cannot run or exits with an error (the text is then
    left as it was).
    """
    from outreach_tui.core.platform.files import WriteError, new_edit_file

    try:
        argv = shlex.split(command)
    except ValueError as exc:
        raise EditorError(f"cannot read the editor command {command!r}: {exc}") from None
    try:
        path = new_edit_file(data_root, text if text.endswith("\n") else text + "\n")
    except WriteError as exc:
        raise EditorError(str(exc)) from None
    try:
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
