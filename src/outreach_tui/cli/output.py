"""What the commands print, in one place: user text in its visible form, warnings, and the
one-line error (exit status 2) for input a user can fix.

Every command module writes through these functions and raises `UserError`; `main` turns it
into the one line on stderr. No file name, answer or ZIP member's name reaches the terminal as a
live escape sequence (core/platform/safe_text.py decides the visible forms).
"""

from __future__ import annotations

import sys

from outreach_tui.cli import PROG

EXIT_BAD_INPUT = 2


class UserError(Exception):
    """Input a user can fix; printed as one line, exit status 2."""


def shown(text: str) -> str:
    """User text as the commands print it: control characters, escape sequences and bidi
    overrides shown as visible codes (`\\x1b`, `<U+202E>`) so none runs, on a terminal and into
    a pipe alike (`render x | head` still ends on the terminal). Newlines stay. The exact text
    stays in the saved draft and in `--json` output."""
    from outreach_tui.core.platform.safe_text import visible

    return visible(text)


def line(text: object) -> str:
    """A value on one output line (an id, a file name, a ZIP member's name, a path), always in
    its visible form with newlines and tabs escaped too (core/platform/safe_text.py
    `visible_line`): a file name can hold ESC, BEL and newlines."""
    from outreach_tui.core.platform.safe_text import visible_line

    return visible_line(str(text))


def emit(text: str) -> int:
    """Print `text` (through `shown`) and a newline. Returns the exit status: 0, or 1 when the
    reader went away (`outreach-tui render x | head -1`). An output that cannot encode the text
    is a UserError.
    """
    try:
        sys.stdout.write(shown(text) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        import os

        # Python's advice: point stdout at devnull so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "unknown"
        raise UserError(
            f"cannot print the message in this output's encoding ({encoding}): "
            "set PYTHONIOENCODING=utf-8"
        ) from None
    return 0


UNSAFE_JSON = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *range(0x202A, 0x202F))} | {
    c: f"\\u{c:04x}" for c in range(0x2066, 0x206A)
}
"""C1 controls and bidi overrides, which `json.dumps(ensure_ascii=False)` leaves live."""


def print_json(data: object) -> None:
    """`data` as indented JSON on stdout: the same data, with no live escape in it."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(text.translate(UNSAFE_JSON) + "\n")


WARNINGS: list[str] = []
"""Every warning given so far: the TUI shows them too (its screen hides stderr)."""


def warn(message: str) -> None:
    """`message` once on stderr, as one line: `outreach-tui: warning: ...`."""
    if message in WARNINGS:
        return
    WARNINGS.append(message)
    sys.stderr.write(f"{PROG}: warning: {line(message)}\n")


def report_error(error: object) -> int:
    """The one line on stderr for input a user can fix; returns the exit status, 2."""
    # Always one line, and no file name or value can send an escape to the terminal.
    sys.stderr.write(f"{PROG}: error: {line(error)}\n")
    return EXIT_BAD_INPUT
