"""The command line: `main(argv)` and the parser; each command lives in its own module.

    outreach-tui [--data-dir PATH] [--answers FILE] [--plain]   the wizard (cli/wizard.py)
    outreach-tui render|check FILE                              cli/render.py
    outreach-tui drafts list|show|export|mark|add               cli/drafts.py
    outreach-tui stats [--json]                                 cli/stats.py
    outreach-tui import-linkedin PATH | --remove                cli/linkedin.py
    outreach-tui templates list|copy                            cli/templates.py

What they print goes through cli/output.py (user text in its visible form; a `UserError` is one
line on stderr and exit status 2, never a traceback). Imports stay lazy: `main` imports only the
module of the command being run, `--version` and `render` never load Textual, and the wizard
loads it only when it starts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, cast

from outreach_tui import __version__

if TYPE_CHECKING:
    import argparse

    from _typeshed import SupportsWrite

PROG = "outreach-tui"


def _new_parser(**kwargs: Any) -> argparse.ArgumentParser:
    """argparse, but its errors are one line (with a pointer to --help), exit status 2.

    argparse is imported here, not with the module: opening the wizard with no arguments (the
    usual start) needs no parser at all (see `main`).
    """
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            from outreach_tui.cli.output import EXIT_BAD_INPUT, line

            message = line(message)  # an argument may hold anything
            self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")

        def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
            # argparse ignores a write that fails (--help into a closed pipe or a full disk),
            # then Python fails again at exit with its own report: `main` says it in one line.
            target = file or sys.stderr
            if not message or target is None:  # None: the stream was closed at start (`2>&-`)
                return
            try:
                target.write(message)
            except BrokenPipeError:
                raise
            except OSError as exc:
                from outreach_tui.cli.output import output_error

                raise output_error(exc) from None

    return _Parser(**kwargs)


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
  outreach-tui drafts list                what you wrote, and what is due
"""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options and every command's arguments and help."""
    import argparse

    from outreach_tui.core.message.channels import CHANNELS, INTRODUCTION_CHANNEL

    channels = ", ".join([*CHANNELS, INTRODUCTION_CHANNEL])
    parser = _new_parser(
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
    parser.add_argument(
        "--plain",
        action="store_true",
        help="ask the questions line by line on stdin/stdout (no full screen; for screen "
        "readers and pipes)",
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
    render.add_argument("--introducer", metavar="NAME", help=INTRODUCER_HELP)
    check = sub.add_parser(
        "check",
        help="score a message: creepiness, reasons, career-centre rules, length",
        description=(
            "Coach the message for an answers file (JSON or TOML) or a saved draft: the "
            "creepiness score (1 natural .. 10 alarming) with its reasons, the rule results and "
            "the channel's length. A saved draft is checked as saved (with your edits) unless "
            "--channel asks for another channel. Exit status 0 whatever the score."
        ),
    )
    check.add_argument("file", metavar="FILE", help="answers file (.json/.toml) or draft (.json)")
    check.add_argument(
        "--channel",
        metavar="NAME",
        help=f"channel to check: {channels} (default: the draft's, or message)",
    )
    check.add_argument("--introducer", metavar="NAME", help=INTRODUCER_HELP)
    check.add_argument("--json", action="store_true", help="print a machine-readable JSON object")
    _add_drafts_parser(sub)
    stats = sub.add_parser(
        "stats",
        help="your results: replies by hook, channel, coach score and follow-up",
        description="What happened to the messages you sent, counted from your drafts' "
        "statuses (kept by hand, or from your LinkedIn export). Nothing leaves this machine.",
    )
    stats.add_argument("--json", action="store_true", help="print one JSON object (see README)")
    stats.add_argument(
        "--data-dir", metavar="PATH", default=argparse.SUPPRESS, help="as the global --data-dir"
    )
    _add_import_linkedin_parser(sub.add_parser)
    _add_templates_parser(sub.add_parser)
    return parser


INTRODUCER_HELP = (
    "with --channel introduction: the person you know to ask (default: the answers' "
    "introduction.introducer, else your first shared connection, else the person your LinkedIn "
    "import connected you with most recently at their organisation)"
)

# --- the command groups with actions or options of their own --------------------------------

DRAFTS_EPILOG = """\
statuses: draft, sent, replied, no-reply, interview-held, thanked
  (and followed-up, which records the one follow-up as sent).
  Marking "sent" schedules a follow-up 7 days later; "interview-held" a thank-you the next day.
  An introduction request: draft, sent, introduced, declined; "introduced" makes the linked
  draft to the contact name the person who introduced you.

examples:
  outreach-tui drafts list --filter library --sort due
  outreach-tui drafts mark alex-morgan-1a2b3c sent --date 2025-03-01
  outreach-tui drafts add alex.toml --channel email --title "Alex at Westerly"
  outreach-tui drafts export --ics due.ics             every open follow-up and thank-you
  outreach-tui drafts export alex-morgan-1a2b3c --txt alex.txt
"""


def _add_drafts_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    drafts = sub.add_parser(
        "drafts",
        help="list, show, export or mark saved drafts",
        description="Work with the drafts saved in DATA_DIR/drafts/ (nothing is sent anywhere).",
        epilog=DRAFTS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = drafts.add_subparsers(dest="drafts_command", metavar="ACTION", required=True)
    data_dir_help = "folder for drafts (as the global --data-dir)"

    listing = actions.add_parser("list", help="list every draft, with status and what is due")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument("--filter", metavar="TEXT", default="", help="words to match anywhere")
    listing.add_argument(
        "--sort", choices=("updated", "due"), default="updated", help="last change or due date"
    )
    show = actions.add_parser("show", help="print a draft: contact, status, dates and message")
    show.add_argument("id", metavar="ID")
    export = actions.add_parser(
        "export",
        help="write the due dates as .ics, or the message as .txt",
        description=(
            "Write the open follow-ups and thank-yous of draft ID (or of every draft, without "
            "ID) as an .ics calendar, and/or the message of draft ID as text."
        ),
    )
    export.add_argument("id", metavar="ID", nargs="?")
    export.add_argument("--ics", metavar="FILE", help="calendar file to write")
    export.add_argument("--txt", metavar="FILE", help="text file to write the message to")
    mark = actions.add_parser("mark", help="set a draft's status (sent, replied, ...)")
    mark.add_argument("id", metavar="ID")
    mark.add_argument("status", metavar="STATUS", help="see the list below `drafts --help`")
    mark.add_argument("--date", metavar="YYYY-MM-DD", help="when it happened (default: today)")
    mark.add_argument(
        "--follow-up-days", metavar="N", type=int, default=7, help="days before a follow-up"
    )
    add = actions.add_parser(
        "add",
        help="save a draft from an answers file (prints its id)",
        description="Render the message of an answers file (JSON or TOML) and save it as a "
        "new draft, as the wizard's Save does; prints the new draft's id.",
    )
    add.add_argument("file", metavar="FILE", help="answers file (.json/.toml)")
    add.add_argument("--channel", metavar="NAME", help="the channel (default: your settings')")
    add.add_argument("--title", metavar="TEXT", default="", help="a title for the drafts list")
    for action in (listing, show, export, mark, add):
        action.add_argument(
            "--data-dir", metavar="PATH", default=argparse.SUPPRESS, help=data_dir_help
        )


def _add_import_linkedin_parser(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    command = add_parser(
        "import-linkedin",
        help="import your LinkedIn data export, to find people you know (stays on this machine)",
        description=(
            "Import the export from LinkedIn's Settings & Privacy > Data privacy > Get a copy of "
            "your data: the ZIP, its unpacked folder, or Connections.csv alone. A normalised "
            "copy is kept in DATA_DIR/linkedin/ (readable by you alone); importing again "
            "replaces it. Nothing is sent anywhere."
        ),
    )
    command.add_argument(
        "path", nargs="?", metavar="PATH", help="the export: a .zip, a folder or Connections.csv"
    )
    command.add_argument(
        "--remove",
        action="store_true",
        help="delete the imported copy (your export itself is never touched)",
    )
    command.add_argument(
        "--me",
        metavar="NAME",
        default="",
        help="your name as on LinkedIn, to recognise your messages (default: from Profile.csv)",
    )
    command.add_argument(
        "--no-update-drafts",
        action="store_true",
        help="leave your drafts alone (by default, drafts your messages show as sent or "
        "replied are marked so)",
    )


TEMPLATES_EPILOG = """\
Your templates live in CONFIG_DIR/templates/: <channel>.txt.j2 for a body and
<channel>.subject.txt.j2 for a subject. A file named like a built-in template replaces it; a new
<name>.txt.j2 adds a channel. CONFIG_DIR is $OUTREACH_TUI_CONFIG_DIR, else your platform's config
folder (on Linux $XDG_CONFIG_HOME/outreach-tui, usually ~/.config/outreach-tui).

examples:
  outreach-tui templates list
  outreach-tui templates copy message          the body and the subject, to start from
  outreach-tui templates copy connection-note-short.txt.j2
"""


def _add_templates_parser(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    import argparse

    command = add_parser(
        "templates",
        help="list the message templates in use, or copy a built-in one to edit",
        description="Your own message templates, in CONFIG_DIR/templates/.",
        epilog=TEMPLATES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = command.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    actions.add_parser("list", help="each channel's templates: built-in or your file")
    copy = actions.add_parser(
        "copy", help="copy a built-in template (or a channel's templates) into your folder"
    )
    copy.add_argument("name", metavar="NAME", help="a channel (e.g. message) or a template file")
    copy.add_argument("--force", action="store_true", help="replace your file if it exists")


def wizard_defaults() -> argparse.Namespace:
    """What `build_parser().parse_args([])` gives: the wizard, no options."""
    from types import SimpleNamespace

    return cast(
        "argparse.Namespace",
        SimpleNamespace(command=None, data_dir=None, answers=None, plain=False),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command in `argv` (default: `sys.argv[1:]`) and return its exit status: 0; 1
    when the reader of stdout went away (`| head`); 2 for input a user can fix, said in one line
    on stderr (a bad argument, file, folder or output); 130 on ctrl+c. Never a traceback,
    except for a defect."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        try:
            # The wizard with no arguments is how it is started nearly always: building the
            # parser (argparse and every command's help) would only delay a start the user
            # waits for.
            args = wizard_defaults() if not arguments else build_parser().parse_args(arguments)
        except SystemExit as exc:  # argparse has printed the help, the version or a usage error
            status = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        else:
            status = _run(args)
        flush_stdout()
        return status
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from outreach_tui.cli.output import exit_status_for

        handled = exit_status_for(exc)
        if handled is None:
            raise
        return handled


def flush_stdout() -> None:
    """Flush here, not at exit, so that `main` reports a full disk or a closed pipe (Python
    would print "Exception ignored" at exit)."""
    if sys.stdout is None:  # closed (`>&-`): nothing was written to it
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        from outreach_tui.cli.output import output_error

        raise output_error(exc) from None


def _run(args: argparse.Namespace) -> int:
    """The command's own module, imported only now: no command pays for another's imports."""
    if args.command in ("render", "check"):
        from outreach_tui.cli import render

        return render.cmd_render(args) if args.command == "render" else render.cmd_check(args)
    if args.command == "drafts":
        from outreach_tui.cli.drafts import cmd_drafts

        return cmd_drafts(args)
    if args.command == "stats":
        from outreach_tui.cli.stats import cmd_stats

        return cmd_stats(args)
    if args.command == "import-linkedin":
        from outreach_tui.cli.linkedin import cmd_import_linkedin

        return cmd_import_linkedin(args)
    if args.command == "templates":
        from outreach_tui.cli.templates import cmd_templates

        return cmd_templates(args)
    from outreach_tui.cli import wizard

    return wizard.cmd_wizard(args)


def run() -> NoReturn:
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
