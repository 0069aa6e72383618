"""Answers become a message: one Jinja2 environment, the built-in and the user's templates.

The environment is built lazily, on the first render, and each template is compiled once and
cached, so the live preview can re-render on every key.

User text is data, never template: answers are passed to templates as values and are never
compiled, so ``{{ 7*7 }}`` typed in an answer appears literally in the message. Templates run in
Jinja2's sandbox with StrictUndefined, so a misspelt variable is an error naming the template and
line rather than a silent blank. A user's template that fails falls back to the built-in one.
"""

from __future__ import annotations

# jinja2 and importlib.resources are imported where they are used: the first screen is drawn
# without them (see benchmarks/README.md, start-up).
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach_tui.core.message.channels import (
    CHANNELS,
    DEFAULT_CHANNEL,
    INTRODUCTION,
    INTRODUCTION_CHANNEL,
    INTRODUCTION_SPEC,
    Channel,
    RenderError,
    user_channel,
)
from outreach_tui.core.message.context import message_context
from outreach_tui.core.message.rendered import Rendered, TemplateFile, TemplateProblem, tidy
from outreach_tui.core.model.answers import Answers

if TYPE_CHECKING:
    from jinja2 import Environment


BUILTIN_PREFIX = "builtin/"
"""Template names with this prefix always load the built-in template (also for `extends`)."""
MAX_TEMPLATE_BYTES = 1_000_000
_CHANNEL_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,40}")


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
        self._builtin_reads: dict[str, frozenset[str] | None] = {}
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
        # Imported here: jinja2 is slow to import, and the first screen does not need it.
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

    def _reads(self, names: Sequence[str]) -> frozenset[str] | None:
        """The variables the templates `names` read, when all are built-in and stand alone;
        None (read anything) for a template of the user's, or one that includes another."""
        from jinja2 import nodes
        from jinja2.meta import find_undeclared_variables

        reads: set[str] = set()
        for name in names:
            if self.user_template(name) is not None:
                return None
            if name not in self._builtin_reads:
                loaded = _load_builtin(name)
                found: frozenset[str] | None = None
                if loaded is not None:
                    tree = self.env.parse(loaded[0])
                    if not any(
                        tree.find_all(
                            (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
                        )
                    ):
                        found = frozenset(find_undeclared_variables(tree))
                self._builtin_reads[name] = found
            found = self._builtin_reads[name]
            if found is None:
                return None
            reads |= found
        return frozenset(reads)

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
        if name == INTRODUCTION_CHANNEL:
            return INTRODUCTION_SPEC
        channels = self.channels()
        try:
            return channels[name]
        except KeyError:
            known = ", ".join([*channels, INTRODUCTION_CHANNEL])
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
        files = [f"{spec.name}.txt.j2"] + (
            [f"{spec.name}.subject.txt.j2"] if spec.has_subject else []
        )
        context = message_context(answers, self._reads(files))
        if spec.purpose == INTRODUCTION:
            from outreach_tui.core.message.introduction import introduction_context

            try:
                context.update(introduction_context(answers))
            except ValueError as exc:
                raise RenderError(str(exc)) from None
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
