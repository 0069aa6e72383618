"""No command: open the wizard, full screen (Textual) or line by line (`--plain`).

Textual is imported here only, once the input is known to be good: `--version` and every other
command never load it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_tui.cli import config
from outreach_tui.cli.output import WARNINGS, UserError

if TYPE_CHECKING:
    import argparse


def cmd_wizard(args: argparse.Namespace) -> int:
    """Open the wizard (pre-filled from `--answers FILE`); its exit status."""
    from outreach_tui.core.drafts.draft import DraftError, draft_from_dict
    from outreach_tui.core.model.answers import Answers, AnswersError
    from outreach_tui.core.model.answers_load import answers_from_dict

    problem = _closed_stream(args.plain)
    if problem:
        raise UserError(problem)
    answers: Answers | None = None
    if args.answers:
        # Checked as `render` checks it, before the UI starts: a draft from a newer version
        # is refused here rather than half-read.
        path = Path(args.answers)
        data, is_draft = config.load_file(path)
        try:
            answers = draft_from_dict(data).answers if is_draft else answers_from_dict(data)
        except (AnswersError, DraftError) as exc:
            raise UserError(f"{path}: {exc}") from None
    root = config.data_root(args.data_dir)
    from outreach_tui.core.model.settings import apply_defaults

    settings = config.settings()
    answers = apply_defaults(answers or Answers(), settings)
    renderer = config.renderer()
    if args.plain:
        from outreach_tui import plain

        config.privacy_warning(root)
        return plain.run(root, answers, renderer, config.default_channel(renderer))

    # Importing Textual and drawing the first screen leave many objects and little garbage, and
    # the collector went over them a dozen times before the first paint (benchmarks/README.md):
    # it is paused until the app has drawn its first screen (the app turns it on).
    import gc

    gc.disable()
    from outreach_tui.core.model.settings import settings_path
    from outreach_tui.core.platform.paths import config_dir
    from outreach_tui.ui.app import create_app

    app = create_app(
        root,
        answers=answers,
        source=args.answers,
        renderer=renderer,
        settings=settings,
        settings_file=settings_path(config_dir()) if config.config_access()[0] else None,
        notices=tuple(WARNINGS),
    )
    # Everything imported so far (Textual, Rich, the app) lives as long as the process. Moving
    # it out of the garbage collector's sight spares full collections that find nothing to
    # free.
    gc.freeze()
    try:
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0


def _closed_stream(plain: bool) -> str | None:
    """What the wizard cannot work without, when the shell started it closed (`<&-`): the
    plain mode reads stdin and writes stdout; the full screen reads keys from stdin and draws
    on stderr (as Textual does)."""
    if sys.stdin is None:
        return "standard input is closed: the wizard reads your answers from it"
    if plain and sys.stdout is None:
        return "standard output is closed: --plain asks its questions there"
    if not plain and sys.stderr is None:
        return "standard error is closed: the wizard draws its screen there"
    return None
