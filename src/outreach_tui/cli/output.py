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


def write(text: str) -> None:
    """Write `text` to stdout as it is (user text in it already made visible by the caller).

    A pipe whose reader went away raises BrokenPipeError (`main` ends quietly, exit status 1);
    a closed stdout, a full disk or an encoding that cannot hold the text is a UserError.
    """
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        raise UserError("standard output is closed: there is nowhere to print")
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise output_error(exc) from None
    except UnicodeEncodeError as exc:
        if not _from_stdout_encoding(exc):
            raise
        raise UserError(encoding_problem()) from None


def emit(text: str) -> int:
    """Print `text` (through `shown`) and a newline, and flush; returns the exit status, 0."""
    from outreach_tui.cli import flush_stdout

    write(shown(text) + "\n")
    flush_stdout()
    return 0


def output_error(exc: OSError) -> UserError:
    """The one line for stdout refusing the text: a full disk, an I/O error."""
    return UserError(f"cannot write the output: {reason(exc)}")


def reason(exc: OSError) -> str:
    """An OSError's reason in the commands' words: "no space left on device"."""
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]


def encoding_problem() -> str:
    encoding = getattr(sys.stdout, "encoding", None) or "unknown"
    return (
        f"cannot print the text in this output's encoding ({encoding}): set PYTHONIOENCODING=utf-8"
    )


UNSAFE_JSON = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *range(0x202A, 0x202F))} | {
    c: f"\\u{c:04x}" for c in range(0x2066, 0x206A)
}
"""C1 controls and bidi overrides, which `json.dumps(ensure_ascii=False)` leaves live."""


def print_json(data: object) -> None:
    """`data` as indented JSON on stdout: the same data, with no live escape in it."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    write(text.translate(UNSAFE_JSON) + "\n")


WARNINGS: list[str] = []
"""Every warning given so far: the TUI shows them too (its screen hides stderr)."""


def warn(message: str) -> None:
    """`message` once on stderr, as one line: `outreach-tui: warning: ...`."""
    if message in WARNINGS:
        return
    WARNINGS.append(message)
    _to_stderr(f"{PROG}: warning: {line(message)}\n")


def report_error(error: object) -> int:
    """The one line on stderr for input a user can fix; returns the exit status, 2."""
    # Always one line, and no file name or value can send an escape to the terminal.
    _to_stderr(f"{PROG}: error: {line(error)}\n")
    return EXIT_BAD_INPUT


def _to_stderr(text: str) -> None:
    """stderr may be closed (`2>&-`) or full: the exit status still tells."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


EXIT_READER_GONE = 1


def exit_status_for(exc: Exception) -> int | None:
    """The exit status for an exception a command let through, after saying on stderr what
    happened in one line; None for a defect (the caller re-raises: a traceback is the report).

    UserError: its line, 2. BrokenPipeError (`outreach-tui drafts list | head -1`): quiet, 1.
    Any other OSError (a file or the output): `path: reason`, 2. A UnicodeEncodeError from an
    output whose encoding cannot hold the text: how to fix it, 2.
    """
    if isinstance(exc, BrokenPipeError):
        _silence_stdout()
        return EXIT_READER_GONE
    if isinstance(exc, UserError):
        status = report_error(exc)
    elif isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename is not None else ""
        status = report_error(f"{where}{reason(exc)}")
    elif isinstance(exc, UnicodeEncodeError) and _from_stdout_encoding(exc):
        status = report_error(encoding_problem())
    else:
        return None
    settle_stdout()
    return status


def _from_stdout_encoding(exc: UnicodeEncodeError) -> bool:
    """Whether stdout's encoding is what failed (not text that no encoding can hold, such as a
    lone surrogate: that is a defect to fix where the text came from)."""
    import codecs

    encoding = getattr(sys.stdout, "encoding", None)
    if not encoding or "surrogate" in exc.reason:
        return False
    try:
        return codecs.lookup(exc.encoding).name == codecs.lookup(encoding).name
    except LookupError:
        return False


def settle_stdout() -> None:
    """Flush stdout before the process ends; when it cannot take the text any more (a full disk,
    a closed pipe), what is left goes nowhere instead of failing again at exit."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout()


def _silence_stdout() -> None:
    # Python's advice for a closed pipe: point stdout at devnull so the flush at exit does not
    # fail again (and print "Exception ignored").
    import os

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # None, or not a real file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
