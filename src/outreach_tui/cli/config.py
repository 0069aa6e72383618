"""What several commands read before they work: the user's settings and templates folder, the
data folder, an answers file or a saved draft, and a render that reports its problems on stderr.

A damaged or unreadable settings file or templates folder is a warning (the defaults and the
built-in templates are used); a bad input file is a `UserError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from outreach_tui.cli.output import UserError, warn

if TYPE_CHECKING:
    from outreach_tui.core.message.channels import Channel
    from outreach_tui.core.message.rendered import Rendered
    from outreach_tui.core.message.renderer import Renderer
    from outreach_tui.core.model.answers import Answers
    from outreach_tui.core.model.settings import Settings


def config_access() -> tuple[bool, bool]:
    """Whether the settings and the templates folder can be read; says once when not."""
    from outreach_tui.core.platform.paths import config_dir, config_problem

    settings_ok, templates_ok, problem = config_problem(config_dir())
    if problem:
        warn(problem)
    return settings_ok, templates_ok


def settings() -> Settings:
    """The user's settings; a damaged file is reported on stderr (and left alone)."""
    from outreach_tui.core.model.settings import Settings, load_settings, settings_path
    from outreach_tui.core.platform.paths import config_dir

    if not config_access()[0]:
        return Settings()
    loaded = load_settings(settings_path(config_dir()))
    if loaded.problem:
        warn(loaded.problem)
    return loaded.settings


def with_settings(answers: Answers) -> Answers:
    """An answers file's answers with the settings' defaults where it leaves them empty."""
    from outreach_tui.core.model.settings import apply_defaults

    return apply_defaults(answers, settings())


def renderer() -> Renderer:
    """A renderer that uses the user's templates folder before the built-in templates."""
    from outreach_tui.core.message.renderer import Renderer
    from outreach_tui.core.platform.paths import user_templates_dir

    if not config_access()[1]:
        return Renderer(template_dirs=[])
    return Renderer(template_dirs=[user_templates_dir()])


def known_channel(renderer: Renderer, name: str) -> Channel:
    """The channel called `name`; UserError (naming the known ones) when there is none."""
    from outreach_tui.core.message.channels import RenderError

    try:
        return renderer.channel(name)
    except RenderError as exc:
        raise UserError(str(exc)) from None


def default_channel(renderer: Renderer) -> str:
    """The settings' channel, or DEFAULT_CHANNEL when it names none there is (with a warning)."""
    from outreach_tui.core.message.channels import DEFAULT_CHANNEL
    from outreach_tui.core.model.settings import load_settings, settings_path
    from outreach_tui.core.platform.paths import config_dir

    if not config_access()[0]:
        return DEFAULT_CHANNEL
    name = load_settings(settings_path(config_dir())).settings.channel
    if name in renderer.channels():
        return name
    warn(f"settings: unknown channel {name!r}; using {DEFAULT_CHANNEL}")
    return DEFAULT_CHANNEL


def render(renderer: Renderer, answers: Answers, channel: str) -> Rendered:
    """Render, reporting on stderr a user template that failed (the built-in one was used).

    The connection note is the one that fits the account's limit, shortened as the wizard's
    "Shorten to fit" does; when even its shortest form is too long, stderr says why.
    """
    from outreach_tui.core.message.channels import NOTE_CHANNEL
    from outreach_tui.core.message.rendered import Rendered
    from outreach_tui.core.message.shorten import note_too_long, short_note

    if channel == NOTE_CHANNEL:
        rendered = short_note(answers, renderer)
        problems = renderer.last_problems
        if problems:
            warn(Rendered(channel, None, "", problems).warning)
        reason = note_too_long(answers, rendered)
        if reason:
            warn(reason)
        return rendered
    rendered = renderer.render(answers, channel)
    if rendered.warning:
        warn(rendered.warning)
    return rendered


def warn_if_over(renderer: Renderer, answers: Answers, channel: str, body: str) -> None:
    """A saved text over its channel's hard limit: one line on stderr (the text is the user's,
    printed as saved)."""
    from outreach_tui.core.message.channels import RenderError

    try:
        spec = renderer.channel(channel)
    except RenderError:
        return
    limit = spec.limit_for(answers.premium)
    if spec.hard_body_limit and len(body) > limit:
        warn(f"the saved {spec.title.lower()} is {len(body)} characters, over its {limit} limit")


def load_file(path: Path) -> tuple[object, bool]:
    """The data in an answers file (JSON or TOML) or a saved draft, and whether it is a draft.

    Raises UserError (one line, naming the file) for anything unreadable.
    """
    from outreach_tui.core.model.answers import AnswersError
    from outreach_tui.core.model.answers_load import is_draft_data, read_data_file

    try:
        data = read_data_file(path)
    except AnswersError as exc:
        raise UserError(str(exc)) from None
    return data, is_draft_data(data)


def data_root(data_dir: str | None) -> Path:
    """The data folder (`--data-dir`, else the environment's or the platform's); UserError when
    that path is a file."""
    from outreach_tui.core.platform.paths import data_dir as find_data_dir

    root = find_data_dir(data_dir)
    if root.exists() and not root.is_dir():
        raise UserError(f"{root}: the data folder is a file, not a folder")
    return root


def privacy_warning(root: Path) -> None:
    """Say once, on stderr, what the TUI says at start: files others can read, and folders
    inside the data folder that are links to elsewhere (never written through)."""
    from outreach_tui.core.platform.permissions import linked_folders, privacy_summary

    summary = privacy_summary(root)
    if summary:
        warn(summary)
    for problem in linked_folders(root):
        warn(problem)
