"""Text as terminals deliver it: pasted lines into a one-line field, and paths dragged in.

    one_line("\\nRowan Tillery\\n")          -> "Rowan Tillery"
    one_line("Rowan\\r\\nTillery")           -> "Rowan Tillery"
    dropped_path("'/home/ana/Export (1).zip' ")  -> "/home/ana/Export (1).zip"
    dropped_path("/home/ana/Export\\\\ \\\\(1\\\\).zip") -> "/home/ana/Export (1).zip"

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import os
from collections.abc import Callable


def one_line(text: str) -> str:
    """Pasted text for a one-line field: its lines (any of \\n, \\r\\n, \\r, and the Unicode
    line and paragraph separators) joined with one space, tabs as spaces, blank lines dropped
    and the ends trimmed. "" when there is nothing but white space."""
    lines = (line.replace("\t", " ").strip() for line in text.splitlines())
    return " ".join(line for line in lines if line)


def dropped_path(text: str, exists: Callable[[str], bool] = os.path.exists) -> str:
    """A path as a terminal sends it when a file is dragged onto it (or pasted from a shell):
    in single or double quotes, with backslash-escaped spaces and brackets, or as a file://
    address, with a trailing space. Returns the plain path; text that is already a path that
    exists (a name may hold a quote or a backslash) or that is not one path comes back trimmed.
    """
    import shlex
    from urllib.parse import unquote, urlsplit

    path = one_line(text)
    if not path or exists(path):
        return path
    if path.lower().startswith("file://"):
        return unquote(urlsplit(path).path) or path
    if not any(char in path for char in "'\"\\"):
        return path
    try:
        words = shlex.split(path, posix=True)
    except ValueError:  # an unmatched quote: not a shell word
        return path
    if len(words) == 1:
        return words[0]
    return path
