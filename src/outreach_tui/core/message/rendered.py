"""What a render gives: the message (`Rendered`), the template files behind a channel
(`TemplateFile`), a user template's problem with its file and line (`TemplateProblem`), and
`tidy`, which every rendered text goes through. Plain data: no Jinja2 here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TemplateProblem:
    """A user template that failed: the built-in one was used instead (when there is one)."""

    path: str
    """The user's template file."""
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class TemplateFile:
    """Which file a template name resolves to: the user's own, or the built-in one."""

    name: str
    """e.g. ``message.txt.j2``."""
    path: Path | None
    """The user's file; None for the built-in template."""

    @property
    def builtin(self) -> bool:
        return self.path is None

    def describe(self) -> str:
        """ "built-in" or the user's file path."""
        return "built-in" if self.path is None else str(self.path)


@dataclass(frozen=True)
class Rendered:
    channel: str
    subject: str | None
    body: str
    problems: tuple[TemplateProblem, ...] = ()
    """User templates that failed for this render; the built-in ones were used instead."""

    @property
    def warning(self) -> str:
        """One line for the Preview step, or "" when the user's templates (if any) worked."""
        if not self.problems:
            return ""
        return "; ".join(str(p) for p in self.problems) + " (the built-in template was used)"

    def as_text(self) -> str:
        """Subject and body as one text, the way `render` prints it."""
        if self.subject is None:
            return self.body
        return f"Subject: {self.subject}\n\n{self.body}"


# --- whitespace -------------------------------------------------------------------------------

_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANKS = re.compile(r"\n{3,}")
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def tidy(text: str) -> str:
    """Trim trailing spaces, squeeze blank-line runs to one, strip the ends, and make the ".." of
    an answer ending in an abbreviation ("Acme Inc.") before a template's full stop one "."."""
    text = _TRAILING_SPACE.sub("\n", text.replace("\r\n", "\n"))
    text = _MANY_BLANKS.sub("\n\n", text)
    text = _DOUBLE_STOP.sub(".", text)
    return text.strip()


# --- the renderer -----------------------------------------------------------------------------
