"""Answers become a message: channels, the template context, and one Jinja2 environment.

The environment is built lazily, on the first render, and each template is compiled once and
cached; rendering after that costs microseconds, so the live preview can re-render on every key.

User text is data, never template: answers are passed to templates as values and are never
compiled, so ``{{ 7*7 }}`` typed in an answer appears literally in the message. Templates run in
Jinja2's sandbox with StrictUndefined, so a misspelt variable is an error naming the template and
line rather than a silent blank.
"""

from __future__ import annotations

# json, tomllib, secrets and importlib.resources are imported where they are used: the first
# screen is drawn without them (see benchmarks/README.md, start-up).
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach_tui.core.model.answers import (
    Answers,
    answers_to_dict,
)

# core/names and core/wording are imported where they are used: the first screen is drawn
# without them (start-up budget, benchmarks/README.md).

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
    subject_cap: int | None = None
    """The built-in subject is cut (at a word boundary) to this many characters; None: not cut."""

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
        subject_cap=80,
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
        subject_cap=60,
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
        "Thanks after the conversation, sent within a day, naming what you learned. The "
        "subject line is for an e-mail or InMail; leave it out in a LinkedIn chat.",
        body_limit=2000,
        body_warn=1900,
        # A thank-you often goes by e-mail: it has a subject, kept short for an inbox.
        subject_limit=200,
        subject_warn=61,
        subject_cap=60,
        purpose=THANK_YOU,
        word_limit=120,
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


# --- the template context ---------------------------------------------------------------------


def salutation_name(answers: Answers) -> str:
    """How the person is addressed: "Ms. Morgan", "Alex", or "Alex Morgan"; the user's "Name
    in the greeting" when set. Names are parsed with care: see core/names."""
    from outreach_tui.core import names

    c = answers.contact
    return names.salutation(c.name, c.honorific, c.greeting_name)


def phrase(text: str) -> str:
    """An answer as a phrase to set inside a sentence: spaces squeezed, and no final full stop,
    comma, colon or question mark (the template adds its own), so "your post on weeding." never
    gives "..", nor "Archivist." gives "Archivist. involves".
    """
    return " ".join(text.split()).rstrip(" .,;:!?")


def _phrases(items: Sequence[str]) -> list[str]:
    return [p for p in (phrase(i) for i in items) if p]


def _professional(items: Sequence[str], answers: Answers, *, with_groups: bool) -> list[str]:
    """The items as phrases, leaving out any about the person's private life
    (core/model/personal.py): such an item is never a hook and never written into a message.
    The contact's name, title and organisation, the shared connections' names and (for items
    other than groups themselves) the groups are professional names, masked before looking."""
    c = answers.contact
    innocent = [c.name, c.title, c.organization, *answers.research.shared_connections]
    if with_groups:
        innocent += answers.research.groups
    return list(_not_personal(tuple(_phrases(items)), tuple(i for i in innocent if i.strip())))


@functools.lru_cache(maxsize=256)
def _not_personal(items: tuple[str, ...], innocent: tuple[str, ...]) -> tuple[str, ...]:
    # Cached: the preview renders on every key, and most keys change neither.
    from outreach_tui.core.model.personal import is_personal

    return tuple(p for p in items if not is_personal(p, innocent))


def strongest_hook(answers: Answers) -> dict[str, Any]:
    """The honest reason this person was chosen: one kind, the strongest there is, never an
    item about their private life.

    Shared connection, then group in common, then public writing, then a web search find.
    Returns ``kind`` ("connection", "group", "writing", "web" or ""), ``items`` (that kind's
    items), ``text`` (them joined "A, B and C"), ``first`` (the one item a message names),
    ``phrase`` (that item set in a sentence: "the Rhode Island Library Association"),
    ``count``, and ``verb`` / ``gerund`` ("read"/"reading", "heard"/"hearing", "saw"/"seeing",
    "watched"/"watching", or "came across"/"coming across") for writing and web finds.
    """
    from outreach_tui.core.message.wording import (
        NEUTRAL_VERB,
        hook_verb,
        join_human,
        name_in_sentence,
    )

    r = answers.research
    kinds = (
        ("connection", _professional(r.shared_connections, answers, with_groups=True)),
        ("group", _professional(r.groups, answers, with_groups=False)),
        ("writing", _professional(r.public_activity, answers, with_groups=True)),
        ("web", _professional([r.web_search], answers, with_groups=True)),
    )
    for kind, items in kinds:
        if items:
            first = items[0]
            verb, gerund = hook_verb(first) if kind in ("writing", "web") else ("", "")
            if kind == "web" and verb == "heard":  # found online: heard is more than they know
                verb, gerund = NEUTRAL_VERB
            return {
                "kind": kind,
                "items": items,
                "text": join_human(items),
                "first": first,
                "phrase": name_in_sentence(first) if kind == "group" else first,
                "count": len(items),
                "verb": verb,
                "gerund": gerund,
            }
    return {
        "kind": "",
        "items": [],
        "text": "",
        "first": "",
        "phrase": "",
        "count": 0,
        "verb": "",
        "gerund": "",
    }


def message_context(answers: Answers) -> dict[str, Any]:
    """Everything a template sees. Documented in the README ("Template variables")."""
    from outreach_tui.core import names
    from outreach_tui.core.message.wording import (
        distance_words,
        join_human,
        learned_phrase,
        minutes_adjective,
        name_in_sentence,
        with_article,
    )

    worked_out = names.message_names(answers)  # salutation, first_name, surname...
    answers = names.answers_for_message(answers)  # no emoji, pronouns, PhD... in any name
    data = answers_to_dict(answers)
    data["contact"].setdefault("greeting_name", "")
    # Set inside sentences by the templates: no final punctuation of their own.
    data["sender"]["location"] = phrase(answers.sender.location)
    data["contact"]["title"] = phrase(answers.contact.title)
    hook = strongest_hook(answers)
    writing = _professional(answers.research.public_activity, answers, with_groups=True)
    distance = answers.job.distance
    organization = " ".join(answers.contact.organization.split()).rstrip(" ,;:")
    return {
        **data,
        **worked_out,
        "organization": organization or "your organisation",
        "organization_in_text": name_in_sentence(organization) or "your organisation",
        "title_as": with_article(phrase(answers.contact.title)),
        "hook": hook,
        "also_read": join_human(writing) if hook["kind"] in ("connection", "group") else "",
        "far": answers.job.is_far,
        "distance_text": distance_words(distance, answers.job.unit).removeprefix("about "),
        "minutes": answers.goal.ask_minutes,
        "minutes_adjective": minutes_adjective(answers.goal.ask_minutes),
        "learn": phrase(answers.goal.learn),
        "learned": learned_phrase(answers.goal.learned),
        "note_limit": CHANNELS[NOTE_CHANNEL].limit_for(answers.premium),
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


BUILTIN_PREFIX = "builtin/"
"""Template names with this prefix always load the built-in template (also for `extends`)."""
MAX_TEMPLATE_BYTES = 1_000_000
_CHANNEL_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,40}")


def user_channel(name: str, has_subject: bool) -> Channel:
    """The channel for a template the user added (no built-in one): generous, advisory limits."""
    return Channel(
        name,
        f"{name} (your template)",
        "A channel from your own templates.",
        body_limit=2000,
        body_warn=1900,
        hard_body_limit=False,
        subject_limit=200 if has_subject else None,
    )


class Renderer:
    """Renders answers for a channel. One Jinja2 environment, built on first use.

    `template_dirs` (the user's template folder) are searched before the built-in templates: a
    file there overrides a built-in template of the same name, and `<name>.txt.j2` for a new
    name adds a channel. A user template that fails in any way (syntax, unknown variable,
    sandbox refusal, a limit of core/message/sandbox.py, recursion) never
    stops a render: the built-in
    template is used instead and the problem, with file and line, is in `Rendered.problems`
    (and `last_problems`). User templates are re-read when their file changes.
    """

    def __init__(self, template_dirs: Sequence[Path] = ()) -> None:
        self._template_dirs = tuple(Path(d) for d in template_dirs)
        self._env: Environment | None = None
        self._problems: list[TemplateProblem] = []
        self._user_files: set[str] = set()
        self._too_slow: dict[str, tuple[int, TemplateProblem]] = {}
        """User templates that ran out of time, by path: (mtime_ns, problem). Not run again
        until the file changes, so a slow template costs the preview one wait, not one a key."""
        self.last_problems: tuple[TemplateProblem, ...] = ()
        """The problems of the last `render` / `render_template` call."""

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        return self._template_dirs

    @property
    def env(self) -> Environment:
        if self._env is None:
            self._env = self._build_env()
        return self._env

    def _build_env(self) -> Environment:
        # Imported here: jinja2 costs ~100 ms, and the first screen does not need it.
        from jinja2 import FunctionLoader, StrictUndefined

        from outreach_tui.core.message.sandbox import guarded_environment
        from outreach_tui.core.message.wording import join_human

        return guarded_environment(
            FunctionLoader(self._load),
            filters={"join_human": join_human},
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=True,  # a user template edited while the app runs is picked up
        )

    # -- finding templates ----------------------------------------------------------------------

    def user_template(self, name: str) -> Path | None:
        """The user's file for a template name, or None when the built-in one is used."""
        from jinja2.exceptions import TemplateNotFound
        from jinja2.loaders import split_template_path

        if name.startswith(BUILTIN_PREFIX):
            return None
        try:
            pieces = split_template_path(name)  # refuses "..": nothing outside the folder
        except TemplateNotFound:
            return None
        for folder in self._template_dirs:
            path = folder.joinpath(*pieces)
            try:
                if path.is_file():
                    return path
            except OSError:  # a folder the user cannot read: the built-in template is used
                continue
        return None

    def _load(self, name: str) -> tuple[str, str, Callable[[], bool]] | None:
        if name.startswith(BUILTIN_PREFIX):
            return _load_builtin(name[len(BUILTIN_PREFIX) :])
        path = self.user_template(name)
        if path is None:
            return _load_builtin(name)
        stat = path.stat()
        if stat.st_size > MAX_TEMPLATE_BYTES:
            raise ValueError(f"template file larger than {MAX_TEMPLATE_BYTES:,} bytes")
        from outreach_tui.core.platform.safeload import read_regular

        source = read_regular(path, MAX_TEMPLATE_BYTES).decode("utf-8")
        self._user_files.add(str(path))

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime_ns == stat.st_mtime_ns
            except OSError:
                return False

        return source, str(path), uptodate

    def channels(self) -> dict[str, Channel]:
        """The built-in channels, then those the user's templates add (sorted by name)."""
        result = dict(CHANNELS)
        builtin = set(builtin_template_names())
        for folder in self._template_dirs:
            try:
                names = sorted(p.name for p in folder.iterdir() if p.is_file())
            except OSError:
                continue
            for file_name in names:
                name = file_name.removesuffix(".txt.j2")
                if (
                    name == file_name
                    or name.endswith(".subject")
                    or not _CHANNEL_NAME.fullmatch(name)
                    or file_name in builtin
                    or name in result
                ):
                    continue
                has_subject = self.user_template(f"{name}.subject.txt.j2") is not None
                result[name] = user_channel(name, has_subject)
        return result

    def channel(self, name: str) -> Channel:
        """A channel by name, built-in or from the user's templates; RenderError lists them."""
        if name in CHANNELS:
            return CHANNELS[name]
        channels = self.channels()
        try:
            return channels[name]
        except KeyError:
            known = ", ".join(channels)
            raise RenderError(f"unknown channel {name!r} (known: {known})") from None

    def template_files(self, channel: str) -> tuple[TemplateFile, ...]:
        """The template files a channel renders with: the body's, then the subject's if any."""
        spec = self.channel(channel)
        names = [f"{spec.name}.txt.j2"]
        if spec.has_subject:
            names.append(f"{spec.name}.subject.txt.j2")
        return tuple(TemplateFile(n, self.user_template(n)) for n in names)

    # -- rendering ------------------------------------------------------------------------------

    def _render_builtin(self, name: str, context: dict[str, Any]) -> str:
        from jinja2 import TemplateError, TemplateSyntaxError

        from outreach_tui.core.message.sandbox import reset_budget

        shown = name.removeprefix(BUILTIN_PREFIX)
        try:
            template = self.env.get_template(name)
            reset_budget(self.env)
            return template.render(context)
        except TemplateSyntaxError as exc:
            where = exc.filename or shown
            raise RenderError(f"{where}, line {exc.lineno}: {exc.message}") from None
        except TemplateError as exc:
            raise RenderError(f"{shown}{_template_line(exc, shown)}: {exc}") from None

    def _render_one(self, name: str, context: dict[str, Any]) -> str:
        from outreach_tui.core.message.sandbox import reset_budget

        user = self.user_template(name)
        if user is None:
            return self._render_builtin(name, context)
        from outreach_tui.core.message.sandbox import mtime_ns, timed_out

        slow = self._too_slow.get(str(user))
        if slow is not None and slow[0] == mtime_ns(user):
            problem = slow[1]
        else:
            try:
                template = self.env.get_template(name)
                reset_budget(self.env)
                return template.render(context)
            except Exception as exc:  # a user's template must never stop a render
                problem = self._problem(exc, user)
                if timed_out(self.env):
                    self._too_slow[str(user)] = (mtime_ns(user), problem)
        if name not in builtin_template_names():  # a channel the user added: no fallback
            raise RenderError(str(problem))
        self._problems.append(problem)
        return self._render_builtin(BUILTIN_PREFIX + name, context)

    def _problem(self, exc: BaseException, path: Path) -> TemplateProblem:
        """The user's file and line where `exc` happened, and what went wrong, in one line."""
        from jinja2 import TemplateSyntaxError

        if isinstance(exc, TemplateSyntaxError):
            return TemplateProblem(exc.filename or str(path), exc.lineno, exc.message or str(exc))
        file, line = str(path), None
        tb = exc.__traceback__
        while tb is not None:
            name = tb.tb_frame.f_code.co_filename
            if name in self._user_files:
                file, line = name, tb.tb_lineno
            tb = tb.tb_next
        return TemplateProblem(file, line, _describe(exc))

    def render(self, answers: Answers, channel: str = DEFAULT_CHANNEL) -> Rendered:
        """Render the answers for a channel. Raises RenderError (a built-in template's error,
        an unknown channel, or a failing template of a channel the user added)."""
        spec = self.channel(channel)
        self._problems = []
        context = message_context(answers)
        try:
            body = tidy(self._render_one(f"{spec.name}.txt.j2", context))
            subject: str | None = None
            if spec.has_subject:
                raw = self._render_one(f"{spec.name}.subject.txt.j2", context)
                subject = " ".join(raw.split())
                if spec.subject_cap is not None:
                    from outreach_tui.core.message.wording import cap_words

                    subject = cap_words(subject, spec.subject_cap)
        finally:
            self.last_problems = tuple(self._problems)
        return Rendered(spec.name, subject, body, self.last_problems)

    def render_template(
        self, name: str, answers: Answers, extra: dict[str, Any] | None = None
    ) -> str:
        """Render one template by file name with the answers' context plus `extra` variables.

        The text is tidied. Used for variants such as the short connection note.
        """
        context = message_context(answers)
        if extra:
            context.update(extra)
        self._problems = []
        try:
            return tidy(self._render_one(name, context))
        finally:
            self.last_problems = tuple(self._problems)


def _describe(exc: BaseException) -> str:
    """What went wrong in a user template, in words."""
    if isinstance(exc, RecursionError):
        return "a macro or include calls itself without end (recursion too deep)"
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    from jinja2 import TemplateError, TemplateNotFound
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateNotFound):
        return f"no template named {exc.name!r} (to extend a built-in one: 'builtin/NAME')"
    if isinstance(exc, SecurityError):
        return f"refused by the sandbox: {exc}"
    if isinstance(exc, TemplateError):
        return str(exc) or type(exc).__name__
    if isinstance(exc, OverflowError):
        return f"too big: {exc}"
    return f"{type(exc).__name__}: {exc}"


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
    from importlib import resources

    if name not in builtin_template_names():
        return None
    resource = resources.files("outreach_tui.core.message").joinpath("templates", name)
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), f"<built-in>/{name}", lambda: True


@functools.cache
def _builtin_names() -> tuple[str, ...]:
    from importlib import resources

    folder = resources.files("outreach_tui.core.message").joinpath("templates")
    return tuple(sorted(p.name for p in folder.iterdir() if p.name.endswith(".j2")))


def builtin_template_names() -> list[str]:
    """The names of the templates shipped in the package."""
    return list(_builtin_names())


# --- channel helpers: the short note and the channel switcher -----------------------------------

NOTE_CHANNEL = "connection-note"
SHORT_NOTE_TEMPLATE = "connection-note-short.txt.j2"
_NOTE_PARTS: tuple[str, ...] = ("with_name", "with_sign", "with_org", "with_learn", "with_minutes")
"""The short note's optional parts, least useful first: the invitation already shows who sends
it, so the sender's name and signature go first; the bounded ask (minutes) goes last. The
greeting, the hook and the ask itself are never dropped."""


def short_note(answers: Answers, renderer: Renderer) -> Rendered:
    """The connection note, tightened until it fits the account's limit (200, or 300 Premium).

    Tries the normal note first. When it is too long, renders the short template with optional
    parts (`_NOTE_PARTS`) dropped one at a time, least useful first, until it fits; then puts
    back, most useful first, every dropped part that still fits (so a note never loses the
    sender's name when only the organisation was too long). The greeting, the hook and the ask
    are always kept, so when even the tightest form is too long (a very long group name, say)
    the shortest form is returned and the counter shows the overrun. Raises RenderError.
    """
    spec = get_channel(NOTE_CHANNEL)
    limit = spec.limit_for(answers.premium)
    best = renderer.render(answers, NOTE_CHANNEL)
    if len(best.body) <= limit:
        return best
    flags = dict.fromkeys(_NOTE_PARTS, True)

    def body_for(candidate: dict[str, bool]) -> str:
        return renderer.render_template(SHORT_NOTE_TEMPLATE, answers, dict(candidate))

    body = body_for(flags)
    for part in _NOTE_PARTS:
        if len(body) <= limit:
            break
        flags[part] = False
        body = body_for(flags)
    if len(body) > limit:
        return best if len(best.body) <= len(body) else Rendered(NOTE_CHANNEL, None, body)
    for part in reversed(_NOTE_PARTS):  # put back what still fits, most useful first
        if flags[part]:
            continue
        trial = body_for({**flags, part: True})
        if len(trial) <= limit:
            flags[part] = True
            body = trial
    return Rendered(NOTE_CHANNEL, None, body)


def note_too_long(answers: Answers, note: Rendered) -> str | None:
    """Why a connection note (as `short_note` gives it) does not fit, in one line; None when it
    fits. Names the limit, the account, and the longest answer it holds."""
    limit = get_channel(NOTE_CHANNEL).limit_for(answers.premium)
    if len(note.body) <= limit:
        return None
    account = "a Premium account" if answers.premium else "a free account (300 with Premium)"
    reason = (
        f"the connection note is {len(note.body)} characters even at its shortest, over the "
        f"{limit} {account} allows"
    )
    hook = strongest_hook(answers)
    longest = max(
        [
            (hook["first"], f"the {hook['kind']} hook"),
            (answers.contact.organization, "the organisation"),
            (answers.contact.name, "their name"),
        ],
        key=lambda pair: len(pair[0]),
    )
    if len(longest[0]) > limit // 3:
        reason += f": {longest[1]} alone is {len(longest[0])} characters; shorten it"
    return reason


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
