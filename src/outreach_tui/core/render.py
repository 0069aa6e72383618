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


NOTE_QUOTA_NOTICE = (
    "A free LinkedIn account can add a note to only about 5 invitations a month: "
    "keep notes for the people who matter most."
)
"""Shown on the connection-note channel."""

FIRST_CONTACT = "first"
"""Channel purpose: a first request to someone who does not know the sender yet."""
FOLLOW_UP = "follow-up"
"""Channel purpose: one polite nudge after about a week of silence."""
THANK_YOU = "thank-you"
"""Channel purpose: thanks after the conversation, within a day."""


@dataclass(frozen=True)
class Channel:
    name: str
    title: str
    description: str
    body_limit: int
    premium_body_limit: int | None = None
    subject_limit: int | None = None
    """None: the channel has no subject line."""
    body_warn: int | None = None
    """The body counter turns to a warning from this many characters (None: 90% of the limit)."""
    subject_warn: int | None = None
    """The subject counter turns to a warning from this many characters (None: 90% of the limit)."""
    hard_body_limit: bool = True
    """False: going over `body_limit` is a warning, not an error (e-mail has no real limit)."""
    purpose: str = FIRST_CONTACT
    """FIRST_CONTACT, FOLLOW_UP or THANK_YOU: which coaching rules apply."""
    on_linkedin: bool = True
    """Sent through LinkedIn, so an inactive profile may never see it."""
    word_limit: int = 150
    """Words a message of this kind should stay under (career-centre guidance)."""
    notice: str = ""
    """A line the UI shows whenever this channel is chosen."""

    @property
    def has_subject(self) -> bool:
        return self.subject_limit is not None

    def limit_for(self, premium: bool) -> int:
        """The body's character limit for a free or a Premium account."""
        if premium and self.premium_body_limit is not None:
            return self.premium_body_limit
        return self.body_limit

    def warn_for(self, premium: bool) -> int:
        """The body length from which the counter shows a warning."""
        limit = self.limit_for(premium)
        if self.body_warn is not None and limit == self.body_limit:
            return self.body_warn
        return limit * 9 // 10

    def subject_warn_at(self) -> int | None:
        """The subject length from which the counter shows a warning (None: no subject)."""
        if self.subject_limit is None:
            return None
        if self.subject_warn is not None:
            return self.subject_warn
        return self.subject_limit * 9 // 10


CHANNELS: dict[str, Channel] = {
    "message": Channel(
        "message",
        "LinkedIn message / InMail",
        "A message with a subject line, sent to a connection or as InMail.",
        body_limit=2000,
        subject_limit=200,
        body_warn=1900,
    ),
    "connection-note": Channel(
        "connection-note",
        "Connection-request note",
        "The short note attached to an invitation to connect.",
        body_limit=200,
        premium_body_limit=300,
        notice=NOTE_QUOTA_NOTICE,
    ),
    "email": Channel(
        "email",
        "E-mail",
        "An e-mail with a subject line, for someone who is rarely on LinkedIn.",
        # No real limit on an e-mail body; past 2,000 characters it is far too long for a
        # first request. 998 is the longest line a mail header may have (RFC 5322).
        body_limit=2000,
        body_warn=1500,
        hard_body_limit=False,
        subject_limit=998,
        subject_warn=61,
        on_linkedin=False,
    ),
    "follow-up": Channel(
        "follow-up",
        "Follow-up (once)",
        "One short, polite nudge after about a week without an answer.",
        body_limit=2000,
        body_warn=1900,
        purpose=FOLLOW_UP,
        word_limit=100,
    ),
    "thank-you": Channel(
        "thank-you",
        "Thank-you note",
        "Thanks after the conversation, sent within a day, naming what you learned.",
        body_limit=2000,
        body_warn=1900,
        purpose=THANK_YOU,
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


def phrase(text: str) -> str:
    """An answer as a phrase to set inside a sentence: spaces squeezed, and no final full stop,
    comma, colon or question mark (the template adds its own), so "your post on weeding." never
    gives "..", nor "Archivist." gives "Archivist. involves".
    """
    return " ".join(text.split()).rstrip(" .,;:!?")


def _phrases(items: Sequence[str]) -> list[str]:
    return [p for p in (phrase(i) for i in items) if p]


def strongest_hook(answers: Answers) -> dict[str, Any]:
    """The honest reason this person was chosen, strongest first.

    Shared connection, then group in common, then public writing, then a web search find.
    """
    r = answers.research
    connections = _phrases(r.shared_connections)
    groups = _phrases(r.groups)
    writing = _phrases(r.public_activity)
    web = phrase(r.web_search)
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
    # Set inside sentences by the templates: no final punctuation of their own.
    data["sender"]["location"] = phrase(answers.sender.location)
    data["contact"]["title"] = phrase(answers.contact.title)
    first, last = _name_parts(answers.contact.name)
    hook = strongest_hook(answers)
    writing = _phrases(answers.research.public_activity)
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
        "learn": phrase(answers.goal.learn),
        "sender_first_name": _name_parts(answers.sender.name)[0],
    }


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

    def render_template(
        self, name: str, answers: Answers, extra: dict[str, Any] | None = None
    ) -> str:
        """Render one template by file name with the answers' context plus `extra` variables.

        The text is tidied. Used for variants such as the short connection note.
        """
        context = message_context(answers)
        if extra:
            context.update(extra)
        return tidy(self._render_one(name, context))


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


# --- channel helpers: the short note and the channel switcher -----------------------------------

NOTE_CHANNEL = "connection-note"
SHORT_NOTE_TEMPLATE = "connection-note-short.txt.j2"
_SHORT_NOTE_STEPS: tuple[dict[str, bool], ...] = (
    # Optional parts dropped one by one, least useful first. The hook is never dropped.
    {"with_name": True, "with_org": True, "with_minutes": True, "with_sign": True},
    {"with_name": False, "with_org": True, "with_minutes": True, "with_sign": True},
    {"with_name": False, "with_org": True, "with_minutes": True, "with_sign": False},
    {"with_name": False, "with_org": False, "with_minutes": True, "with_sign": False},
    {"with_name": False, "with_org": False, "with_minutes": False, "with_sign": False},
)


def short_note(answers: Answers, renderer: Renderer) -> Rendered:
    """The connection note, tightened until it fits the account's limit (200, or 300 Premium).

    Tries the normal note first, then a tighter template dropping optional parts one at a time
    (the sender's name, the signature, the organisation, the minutes). The greeting, the hook
    and the ask are always kept, so when even the tightest form is too long (a very long group
    name, say) the shortest form is returned and the counter shows the overrun.
    Raises RenderError.
    """
    spec = get_channel(NOTE_CHANNEL)
    limit = spec.limit_for(answers.premium)
    best = renderer.render(answers, NOTE_CHANNEL)
    if len(best.body) <= limit:
        return best
    for flags in _SHORT_NOTE_STEPS:
        body = renderer.render_template(SHORT_NOTE_TEMPLATE, answers, dict(flags))
        if len(body) <= limit:
            return Rendered(NOTE_CHANNEL, None, body)
        if len(body) < len(best.body):
            best = Rendered(NOTE_CHANNEL, None, body)
    return best


def fits(rendered: Rendered, premium: bool) -> bool:
    """True when a rendered text is within its channel's hard limits (warnings still fit)."""
    spec = get_channel(rendered.channel)
    if spec.hard_body_limit and len(rendered.body) > spec.limit_for(premium):
        return False
    return not (
        rendered.subject is not None
        and spec.subject_limit is not None
        and len(rendered.subject) > spec.subject_limit
    )


def fitting_channels(answers: Answers, renderer: Renderer) -> dict[str, bool]:
    """For the channel switcher: does the message for these answers fit each channel?

    The note channel counts as fitting when its short variant fits. A channel whose template
    fails to render does not fit.
    """
    result: dict[str, bool] = {}
    for name in CHANNELS:
        try:
            if name == NOTE_CHANNEL:
                rendered = short_note(answers, renderer)
            else:
                rendered = renderer.render(answers, name)
        except RenderError:
            result[name] = False
            continue
        result[name] = fits(rendered, answers.premium)
    return result
