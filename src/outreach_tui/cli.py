"""The command line: run the wizard, or render a message from an answers file or a draft.

Imports stay lazy: `--version` and `render` never load Textual, and the wizard loads it only
when it starts. Bad input gives one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from outreach_tui import __version__

PROG = "outreach-tui"
EXIT_BAD_INPUT = 2


class UserError(Exception):
    """Input a user can fix; printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors are one line (with a pointer to --help), exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


DESCRIPTION = """\
Write a welcome request for an informational interview to someone you found on LinkedIn.
With no command, opens the wizard: research, coaching, a live preview, and drafts saved on
this machine only (nothing is ever sent anywhere)."""

EPILOG = """\
data folder:
  Drafts are saved in DATA_DIR/drafts/ as <id>.json and <id>.txt (readable by you alone).
  DATA_DIR is --data-dir, else $OUTREACH_TUI_DATA_DIR, else your platform's data folder
  (on Linux $XDG_DATA_HOME/outreach-tui, usually ~/.local/share/outreach-tui).

examples:
  outreach-tui                          open the wizard
  outreach-tui --answers alex.toml      open the wizard with answers filled in
  outreach-tui render alex.toml --channel connection-note
"""


def build_parser() -> argparse.ArgumentParser:
    from outreach_tui.core.render import CHANNELS

    channels = ", ".join(CHANNELS)
    parser = _Parser(
        prog=PROG,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help="print the version"
    )
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help="folder for drafts (default: $OUTREACH_TUI_DATA_DIR or your data folder)",
    )
    parser.add_argument(
        "--answers",
        metavar="FILE",
        help="open the wizard pre-filled from an answers file (JSON or TOML) or a saved draft",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    render = sub.add_parser(
        "render",
        help="print the message for an answers file or a saved draft",
        description=(
            "Render an answers file (JSON or TOML) or a saved draft to standard output. "
            "A saved draft prints its saved text (with your edits) unless --channel asks for "
            "a fresh render of its answers."
        ),
    )
    render.add_argument("file", metavar="FILE", help="answers file (.json/.toml) or draft (.json)")
    render.add_argument(
        "--channel",
        metavar="NAME",
        help=f"channel to render: {channels} (default: the draft's, or message)",
    )
    return parser


def _load_file(path: Path) -> tuple[object, bool]:
    from outreach_tui.core.answers import AnswersError, is_draft_data, read_data_file

    try:
        data = read_data_file(path)
    except AnswersError as exc:
        raise UserError(str(exc)) from None
    return data, is_draft_data(data)


def cmd_render(args: argparse.Namespace) -> int:
    from outreach_tui.core.answers import AnswersError, answers_from_dict
    from outreach_tui.core.questions import missing_required
    from outreach_tui.core.render import Rendered, Renderer, RenderError, get_channel
    from outreach_tui.core.store import DraftError, draft_from_dict

    path = Path(args.file)
    if args.channel is not None:
        try:
            get_channel(args.channel)
        except RenderError as exc:
            raise UserError(str(exc)) from None
    data, is_draft = _load_file(path)
    if is_draft:
        try:
            draft = draft_from_dict(data)
        except DraftError as exc:
            raise UserError(f"{path}: {exc}") from None
        if args.channel is None or args.channel == draft.channel:
            sys.stdout.write(Rendered(draft.channel, draft.subject, draft.message).as_text() + "\n")
            return 0
        answers = draft.answers
    else:
        try:
            answers = answers_from_dict(data)
        except AnswersError as exc:
            raise UserError(f"{path}: {exc}") from None
    missing = missing_required(answers)
    if missing:
        names = ", ".join(f"{q.key} ({q.label})" for q in missing)
        raise UserError(f"{path}: missing required answer: {names}")
    try:
        rendered = Renderer().render(answers, args.channel or "message")
    except RenderError as exc:
        raise UserError(str(exc)) from None
    sys.stdout.write(rendered.as_text() + "\n")
    return 0


def cmd_wizard(args: argparse.Namespace) -> int:
    from outreach_tui.core.answers import Answers, AnswersError, load_answers_file
    from outreach_tui.core.paths import data_dir

    answers: Answers | None = None
    if args.answers:
        try:
            answers = load_answers_file(Path(args.answers))
        except AnswersError as exc:
            raise UserError(str(exc)) from None
    root = data_dir(args.data_dir)
    if root.exists() and not root.is_dir():
        raise UserError(f"{root}: the data folder is a file, not a folder")

    from outreach_tui.ui.app import create_app

    app = create_app(root, answers=answers, source=args.answers)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "render":
            return cmd_render(args)
        return cmd_wizard(args)
    except UserError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def run() -> NoReturn:
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
