"""Answers become a message: channels, the template context, and one Jinja2 environment.

The environment is built lazily, on the first render, and each template is compiled once and
cached; rendering after that costs microseconds, so the live preview can re-render on every key.

User text is data, never template: answers are passed to templates as values and are never
compiled, so ``{{ 7*7 }}`` typed in an answer appears literally in the message. Templates run in
Jinja2's sandbox with StrictUndefined, so a misspelt variable is an error naming the template and
line rather than a silent blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach_tui.core.answers import (
    FIRST_NAME_ONLY,
    HONORIFICS,
    Answers,
    answers_to_dict,
    format_distance,
)

if TYPE_CHECKING:
    from jinja2 import Environment


class RenderError(Exception):
    """A template could not be rendered. The message names the template file and line."""


@dataclass(frozen=True)
class Channel:
    name: str
    title: str
    description: str
    body_limit: int
    premium_body_limit: int | None = None
    subject_limit: int | None = None
    """None: the channel has no subject line."""

    @property
    def has_subject(self) -> bool:
        return self.subject_limit is not None

    def limit_for(self, premium: bool) -> int:
        """The body's character limit for a free or a Premium account."""
        if premium and self.premium_body_limit is not None:
            return self.premium_body_limit
        return self.body_limit


CHANNELS: dict[str, Channel] = {
    "message": Channel(
        "message",
        "LinkedIn message / InMail",
        "A message with a subject line, sent to a connection or as InMail.",
        body_limit=2000,
        subject_limit=200,
    ),
    "connection-note": Channel(
        "connection-note",
        "Connection-request note",
        "The short note attached to an invitation to connect.",
        body_limit=200,
        premium_body_limit=300,
    ),
}
DEFAULT_CHANNEL = "message"


def get_channel(name: str) -> Channel:
    """A channel by name; raises RenderError listing the known ones."""
    try:
        return CHANNELS[name]
    except KeyError:
        known = ", ".join(CHANNELS)
        raise RenderError(f"unknown channel {name!r} (known: {known})") from None


@dataclass(frozen=True)
class Rendered:
    channel: str
    subject: str | None
    body: str

    def as_text(self) -> str:
        """Subject and body as one text, the way `render` prints it."""
        if self.subject is None:
            return self.body
        return f"Subject: {self.subject}\n\n{self.body}"


# --- the template context ---------------------------------------------------------------------


def join_human(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [i.strip() for i in items if i.strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _name_parts(name: str) -> tuple[str, str]:
    parts = name.split()
    if not parts:
        return "", ""
    return parts[0], parts[-1]


def salutation_name(answers: Answers) -> str:
    """How the person is addressed: "Ms. Morgan", "Alex", or "Alex Morgan"."""
    name = " ".join(answers.contact.name.split())
    first, last = _name_parts(name)
    honorific = answers.contact.honorific
    if not name:
        return ""
    if honorific in HONORIFICS:
        return f"{honorific} {last}"
    if honorific == FIRST_NAME_ONLY:
        return first
    return name


def strongest_hook(answers: Answers) -> dict[str, Any]:
    """The honest reason this person was chosen, strongest first.

    Shared connection, then group in common, then public writing, then a web search find.
    """
    r = answers.research
    connections = [c.strip() for c in r.shared_connections if c.strip()]
    groups = [g.strip() for g in r.groups if g.strip()]
    writing = [w.strip() for w in r.public_activity if w.strip()]
    web = " ".join(r.web_search.split())
    if connections:
        return {"kind": "connection", "items": connections, "text": join_human(connections)}
    if groups:
        return {"kind": "group", "items": groups, "text": join_human(groups)}
    if writing:
        return {"kind": "writing", "items": writing, "text": join_human(writing)}
    if web:
        return {"kind": "web", "items": [web], "text": web}
    return {"kind": "", "items": [], "text": ""}


def message_context(answers: Answers) -> dict[str, Any]:
    """Everything a template sees. Documented in the README ("Template variables")."""
    data = answers_to_dict(answers)
    first, last = _name_parts(answers.contact.name)
    hook = strongest_hook(answers)
    writing = [w.strip() for w in answers.research.public_activity if w.strip()]
    distance = answers.job.distance
    return {
        **data,
        "salutation": salutation_name(answers),
        "first_name": first,
        "surname": last,
        "organization": answers.contact.organization.strip() or "your organisation",
        "hook": hook,
        "also_read": join_human(writing) if hook["kind"] in ("connection", "group") else "",
        "far": answers.job.is_far,
        "distance_text": (
            f"{format_distance(distance)} {answers.job.unit}" if distance is not None else ""
        ),
        "minutes": answers.goal.ask_minutes,
        "learn": answers.goal.learn.strip().rstrip(".").strip(),
        "sender_first_name": _name_parts(answers.sender.name)[0],
    }


# --- whitespace -------------------------------------------------------------------------------

_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANKS = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Trim trailing spaces, squeeze blank-line runs to one, strip the ends."""
    text = _TRAILING_SPACE.sub("\n", text.replace("\r\n", "\n"))
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip()


# --- the renderer -----------------------------------------------------------------------------


class Renderer:
    """Renders answers for a channel. One Jinja2 environment, built on first use.

    `template_dirs` are searched before the built-in templates (user templates come later).
    """

    def __init__(self, template_dirs: Sequence[Path] = ()) -> None:
        self._template_dirs = tuple(template_dirs)
        self._env: Environment | None = None

    @property
    def env(self) -> Environment:
        if self._env is None:
            self._env = self._build_env()
        return self._env

    def _build_env(self) -> Environment:
        # Imported here: jinja2 costs ~100 ms, and the first screen does not need it.
        from jinja2 import ChoiceLoader, FileSystemLoader, FunctionLoader, StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        loaders: list[Any] = [FileSystemLoader([str(d) for d in self._template_dirs])]
        loaders.append(FunctionLoader(_load_builtin))
        env = SandboxedEnvironment(
            loader=ChoiceLoader(loaders),
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,
        )
        env.filters["join_human"] = join_human
        return env

    def _render_one(self, name: str, context: dict[str, Any]) -> str:
        from jinja2 import TemplateError, TemplateSyntaxError

        try:
            template = self.env.get_template(name)
            return template.render(context)
        except TemplateSyntaxError as exc:
            raise RenderError(f"{exc.filename or name}, line {exc.lineno}: {exc.message}") from None
        except TemplateError as exc:
            raise RenderError(f"{name}{_template_line(exc, name)}: {exc}") from None

    def render(self, answers: Answers, channel: str = DEFAULT_CHANNEL) -> Rendered:
        """Render the answers for a channel. Raises RenderError."""
        spec = get_channel(channel)
        context = message_context(answers)
        body = tidy(self._render_one(f"{spec.name}.txt.j2", context))
        subject: str | None = None
        if spec.has_subject:
            raw = self._render_one(f"{spec.name}.subject.txt.j2", context)
            subject = " ".join(raw.split())
        return Rendered(spec.name, subject, body)


def _template_line(exc: BaseException, name: str) -> str:
    """ ", line N" for an error raised while rendering a template, when the traceback says."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return f", line {line}" if line else ""


def _load_builtin(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    resource = resources.files("outreach_tui").joinpath("templates", name)
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), f"<built-in>/{name}", lambda: True


def builtin_template_names() -> list[str]:
    """The names of the templates shipped in the package."""
    folder = resources.files("outreach_tui").joinpath("templates")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".j2"))
