"""`templates list|copy`: the message templates in use, and copies of the built-in ones to edit
in CONFIG_DIR/templates/."""

from __future__ import annotations

from typing import TYPE_CHECKING

from outreach_tui.cli import config
from outreach_tui.cli.output import UserError, line, write

if TYPE_CHECKING:
    import argparse

    from outreach_tui.core.message.renderer import Renderer


def cmd_templates(args: argparse.Namespace) -> int:
    """Run `templates list` or `templates copy NAME [--force]`."""
    renderer = config.renderer()
    if args.templates_command == "copy":
        return templates_copy(renderer, args.name, args.force)
    return templates_list(renderer)


def templates_list(renderer: Renderer) -> int:
    """Each channel's templates, and whether the built-in one or the user's file is in use."""
    from outreach_tui.core.message.renderer import builtin_template_names

    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for name in renderer.channels():
        for template in renderer.template_files(name):
            rows.append((name, template.name, template.describe()))
            seen.add(template.name)
    for file_name in builtin_template_names():  # variants such as the short connection note
        if file_name not in seen:
            channel = file_name.split(".", 1)[0]
            rows.append((channel, file_name, _describe_template(renderer, file_name)))
    folder = renderer.template_dirs[0]
    state = "" if folder.is_dir() else " (not created yet: `templates copy NAME` creates it)"
    write(f"Your templates folder: {line(folder)}{state}\n\n")
    width = max(len(r[0]) for r in rows)
    name_width = max(len(r[1]) for r in rows)
    write(f"{'CHANNEL':<{width}}  {'TEMPLATE':<{name_width}}  IN USE\n")
    for channel, file_name, where in rows:
        write(f"{channel:<{width}}  {file_name:<{name_width}}  {line(where)}\n")
    return 0


def _describe_template(renderer: Renderer, name: str) -> str:
    path = renderer.user_template(name)
    return "built-in" if path is None else str(path)


def templates_copy(renderer: Renderer, name: str, force: bool) -> int:
    """Copy the built-in template `name` (or a channel's body and subject) into the user's
    folder; UserError when it exists (without `force`) or cannot be written."""
    from importlib import resources

    from outreach_tui.core.message.channels import CHANNELS, INTRODUCTION_CHANNEL
    from outreach_tui.core.message.renderer import builtin_template_names
    from outreach_tui.core.platform.files import WriteError, atomic_write, ensure_private_dir

    builtin = builtin_template_names()
    if name in builtin:
        names = [name]
    elif name in CHANNELS or name == INTRODUCTION_CHANNEL:
        names = [n for n in (f"{name}.txt.j2", f"{name}.subject.txt.j2") if n in builtin]
    else:
        known = ", ".join([*CHANNELS, INTRODUCTION_CHANNEL, *builtin])
        raise UserError(f"no built-in template {name!r} (known: {known})")
    folder = renderer.template_dirs[0]
    targets = [folder / n for n in names]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        raise UserError(f"{existing[0]} exists: edit it, or use --force to replace it")
    try:
        ensure_private_dir(folder)
        for file_name, target in zip(names, targets, strict=True):
            text = (
                resources.files("outreach_tui.core.message")
                .joinpath("templates", file_name)
                .read_text(encoding="utf-8")
            )
            atomic_write(target, text)
            write(f"copied the built-in {file_name} to {line(target)}\n")
    except WriteError as exc:
        raise UserError(str(exc)) from None
    return 0
