"""Reading the user's files with bounds: only regular files, at most so many bytes, JSON and TOML
at most so deep, no integer of thousands of digits.

Every loader of a draft, answers file, autosave, index line, settings file or LinkedIn import
goes through here, so a hostile file (a FIFO named `x.json`, `/dev/zero`, `[[[[...` nested a
few hundred levels deep, an integer of 5,000 digits) is one error with its reason, never a
hang, a RecursionError or a ValueError from deep inside the standard library.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import errno
import math
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

MAX_DEPTH = 64
"""Deepest nesting of lists and objects (tables) accepted; our files use fewer than 6."""

MAX_INT_DIGITS = 20
"""Longest integer accepted, in digits (a 64-bit integer has 19)."""

MAX_DATA_BYTES = 16 * 1024 * 1024
"""Largest draft, answers, autosave or settings file read (bytes); ours are a few KB."""


class NotRegularFileError(OSError):
    """The path is a FIFO, a device, a socket...: reading it could block or never end."""


class TooLargeError(OSError):
    """The file is larger than the reader's cap."""


def kind_of(value: Any) -> str:
    """What a loaded JSON or TOML value is, in words for an error: "text", "a number",
    "true/false", "a list", "a table/object", "null", "a date or time" (TOML dates)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table/object"
    if value is None:
        return "null"
    import datetime

    if isinstance(value, datetime.date | datetime.time):
        return "a date or time"
    return type(value).__name__


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, for a message: "a named pipe (FIFO)"..."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


@contextmanager
def open_regular(path: Path, max_bytes: int = MAX_DATA_BYTES) -> Iterator[IO[bytes]]:
    """A binary file object for `path`, checked to be a regular file of at most `max_bytes`.

    The file is opened with O_NONBLOCK (so a FIFO with no writer never blocks) and checked with
    fstat on that very descriptor (no race with a swap of the path). Raises FileNotFoundError,
    IsADirectoryError, PermissionError, NotRegularFileError, TooLargeError (all OSError, with a
    `strerror` fit for one line).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(
                errno.EINVAL, f"not a regular file: {file_kind(st.st_mode)}", str(path)
            )
        if st.st_size > max_bytes:
            raise TooLargeError(errno.EFBIG, _too_large(max_bytes), str(path))
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def _too_large(max_bytes: int) -> str:
    return f"too large (more than {max_bytes / 1024 / 1024:g} MB)"


def read_regular(path: Path, max_bytes: int = MAX_DATA_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes` (see open_regular for the errors).

    The cap holds even if the file grows while it is read (at most max_bytes + 1 are read).
    """
    with open_regular(path, max_bytes) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLargeError(errno.EFBIG, _too_large(max_bytes), str(path))
    return data


def read_problem(exc: OSError) -> str:
    """Why a file could not be read, for a line after its path: "no such file", "is a folder,
    not a file", "permission denied", or "cannot read (<the reason>)"."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"cannot read ({reason[:1].lower() + reason[1:]})"


# --- JSON ---------------------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, reason: str, token: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.token = token


def _parse_int(text: str) -> int:
    if len(text) - text.startswith("-") > MAX_INT_DIGITS:
        raise _Refused(f"an integer of more than {MAX_INT_DIGITS} digits", text[:40])
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > 400:
        raise _Refused("a number of more than 400 characters", text[:40])
    value = float(text)
    if not math.isfinite(value):
        raise _Refused("a number too large to hold", text[:40])
    return value


def _parse_constant(text: str) -> float:
    raise _Refused(f"{text} is not a JSON number", text)


# The patterns are compiled on first use: most files never need them (start-up reads a few).
_JSON_STRING = r'"(?:[^"\\]|\\.)*"'
_BRACKETS = r"[\[\]{}]"


def _too_deep(skeleton: str, max_depth: int) -> int | None:
    """The offset in `skeleton` (strings already blanked) where nesting passes `max_depth`."""
    depth = 0
    for match in re.finditer(_BRACKETS, skeleton):
        if match.group() in "[{":
            depth += 1
            if depth > max_depth:
                return match.start()
        else:
            depth -= 1
    return None


def _json_depth_error(text: str, max_depth: int) -> int | None:
    """The offset where `text` nests deeper than `max_depth`, or None. Cheap when the file has
    fewer brackets than the limit (the usual case); strings are blanked at C speed otherwise."""
    if text.count("[") + text.count("{") <= max_depth:
        return None
    skeleton = re.sub(_JSON_STRING, lambda m: " " * len(m.group()), text, flags=re.DOTALL)
    return _too_deep(skeleton, max_depth)


def loads_json(text: str | bytes, max_depth: int = MAX_DEPTH) -> Any:
    """json.loads with bounds. Raises json.JSONDecodeError (a ValueError, with line and column)
    for bad syntax and also for nesting deeper than `max_depth`, an integer of more than
    MAX_INT_DIGITS digits, or a number too large to hold (1e999, Infinity, NaN)."""
    import json

    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8")
    where = _json_depth_error(text, max_depth)
    if where is not None:
        raise json.JSONDecodeError(f"nested deeper than {max_depth} levels", text, where)
    try:
        return json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except _Refused as exc:
        where = text.find(exc.token) if exc.token else -1
        raise json.JSONDecodeError(exc.reason, text, max(where, 0)) from None
    except RecursionError:  # a backstop: the depth check above should have caught it
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


def json_problem(exc: ValueError) -> str:
    """What is wrong with a JSON text that `loads_json` refused, for a line after its path:
    "invalid JSON at line 3, column 5: Expecting ',' delimiter", or "not text (binary or
    damaged)" for bytes that are not UTF-8."""
    if isinstance(exc, UnicodeDecodeError):
        return "not text (binary or damaged)"
    import json

    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
    return f"invalid JSON: {exc}"


# --- TOML ---------------------------------------------------------------------------------------

_TOML_SKIP = r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'


def loads_toml(text: str, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """tomllib.loads with bounds. Raises tomllib.TOMLDecodeError (a ValueError) for bad syntax
    and also for nesting deeper than `max_depth` (arrays, inline tables or dotted keys), an
    integer of more than MAX_INT_DIGITS digits, or a number that is not finite."""
    import tomllib

    if text.count("[") + text.count("{") > max_depth:
        skeleton = re.sub(_TOML_SKIP, lambda m: " " * len(m.group()), text)
        where = _too_deep(skeleton, max_depth)
        if where is not None:
            line = text.count("\n", 0, where) + 1
            raise tomllib.TOMLDecodeError(f"nested deeper than {max_depth} levels (at line {line})")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except RecursionError:
        raise tomllib.TOMLDecodeError("nested too deeply") from None
    except ValueError as exc:  # int() refusing thousands of digits, from inside tomllib
        too_long = "digits" in str(exc)
        reason = f"an integer of more than {MAX_INT_DIGITS} digits" if too_long else str(exc)
        raise tomllib.TOMLDecodeError(reason[:200]) from None
    problem = check_values(data, max_depth)
    if problem:
        raise tomllib.TOMLDecodeError(problem)
    return data


def check_values(data: Any, max_depth: int = MAX_DEPTH) -> str | None:
    """Why parsed data is refused (too deep, an integer too long, a number not finite), or None.

    Walks without recursion, so any depth is safe to check."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            if depth >= max_depth:
                return f"nested deeper than {max_depth} levels"
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            if depth >= max_depth:
                return f"nested deeper than {max_depth} levels"
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int):
            if abs(value) >= 10**MAX_INT_DIGITS:
                return f"an integer of more than {MAX_INT_DIGITS} digits"
        elif isinstance(value, float) and not math.isfinite(value):
            return "a number that is not finite (inf or nan)"
    return None
