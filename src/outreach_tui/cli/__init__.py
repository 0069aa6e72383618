"""The command line: run the wizard, or render a message from an answers file or a draft.

Imports stay lazy: `--version` and `render` never load Textual, and the wizard loads it only
when it starts. Bad input gives one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

from outreach_tui import __version__

if TYPE_CHECKING:  # drafts
    import argparse

    from outreach_tui.core.coach import CoachReport
    from outreach_tui.core.drafts.draft import Draft
    from outreach_tui.core.drafts.index import Row
    from outreach_tui.core.drafts.library import Library
    from outreach_tui.core.message.channels import Channel
    from outreach_tui.core.message.renderer import Rendered, Renderer
    from outreach_tui.core.model.answers import Answers
    from outreach_tui.core.model.settings import Settings

PROG = "outreach-tui"
EXIT_BAD_INPUT = 2


class UserError(Exception):
    """Input a user can fix; printed as one line, exit status 2."""


def _new_parser(**kwargs: Any) -> argparse.ArgumentParser:
    """argparse, but its errors are one line (with a pointer to --help), exit status 2.

    argparse is imported here, not with the module: opening the wizard with no arguments (the
    usual start) needs no parser at all (see `main`).
    """
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            message = _line(message)  # an argument may hold anything
            self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")

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
    import argparse

    from outreach_tui.core.message.channels import CHANNELS

    channels = ", ".join(CHANNELS)
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
    check.add_argument("--json", action="store_true", help="print a machine-readable JSON object")
    _add_drafts_parser(sub)
    _add_import_linkedin_parser(sub.add_parser)
    _add_templates_parser(sub.add_parser)
    return parser


def _load_file(path: Path) -> tuple[object, bool]:
    from outreach_tui.core.model.answers import AnswersError
    from outreach_tui.core.model.answers_load import is_draft_data, read_data_file

    try:
        data = read_data_file(path)
    except AnswersError as exc:
        raise UserError(str(exc)) from None
    return data, is_draft_data(data)


def _message_of(args: argparse.Namespace) -> tuple[Renderer, Answers, str, str | None, str]:
    """What `render` and `check` work on: (renderer, answers, channel, subject, body).

    A saved draft gives its own saved text (with the user's edits) unless --channel asks for
    another channel; otherwise the answers are checked for required ones and rendered.
    """
    from outreach_tui.core.drafts.draft import DraftError, draft_from_dict
    from outreach_tui.core.message.channels import RenderError
    from outreach_tui.core.model.answers import AnswersError
    from outreach_tui.core.model.answers_load import answers_from_dict
    from outreach_tui.core.model.questions import answer_problems

    path = Path(args.file)
    renderer = _renderer()
    if args.channel is not None:
        _known_channel(renderer, args.channel)
    data, is_draft = _load_file(path)
    answers: Answers
    if is_draft:
        try:
            draft = draft_from_dict(data)
        except DraftError as exc:
            raise UserError(f"{path}: {exc}") from None
        answers = draft.answers
        if args.channel is None or args.channel == draft.channel:
            _warn_if_over(renderer, answers, draft.channel, draft.message)
            return renderer, answers, draft.channel, draft.subject, draft.message
    else:
        try:
            answers = _with_settings(answers_from_dict(data))
        except AnswersError as exc:
            raise UserError(f"{path}: {exc}") from None
    missing, invalid = answer_problems(answers)
    if missing:
        names = ", ".join(f"{q.key} ({q.label})" for q in missing)
        raise UserError(f"{path}: missing required answer: {names}")
    if invalid:
        question, problem = invalid[0]
        raise UserError(f"{path}: {question.key}: {problem}")
    channel = args.channel or _default_channel(renderer)
    try:
        rendered = _render(renderer, answers, channel)
    except RenderError as exc:
        raise UserError(str(exc)) from None
    return renderer, answers, channel, rendered.subject, rendered.body


def cmd_render(args: argparse.Namespace) -> int:
    from outreach_tui.core.message.renderer import Rendered

    _, _, channel, subject, body = _message_of(args)
    return _emit(Rendered(channel, subject, body).as_text())


def _shown(text: str) -> str:
    """User text as `render` and `check` print it: control characters, escape sequences and
    bidi overrides shown as visible codes (`\\x1b`, `<U+202E>`) so none runs, on a terminal and
    into a pipe alike (`render x | head` still ends on the terminal). The exact text stays in
    the saved draft and in `--json` output."""
    from outreach_tui.core.platform.safe_text import visible

    return visible(text)


def _emit(text: str) -> int:
    """Print `text` (through `_shown`) and a newline. Returns the exit status: 0, or 1 when the
    reader went away (`outreach-tui render x | head -1`). An output that cannot encode the text
    is a UserError.
    """
    try:
        sys.stdout.write(_shown(text) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        import os

        # Python's advice: point stdout at devnull so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "unknown"
        raise UserError(
            f"cannot print the message in this output's encoding ({encoding}): "
            "set PYTHONIOENCODING=utf-8"
        ) from None
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from outreach_tui.core.coach import coach
    from outreach_tui.core.message.channels import RenderError

    renderer, answers, name, subject, body = _message_of(args)
    try:
        channel = renderer.channel(name)
    except RenderError as exc:
        raise UserError(f"{args.file}: {exc}") from None
    _print_check(coach(answers, channel, subject, body), channel.title, args.json)
    return 0


def _print_check(report: CoachReport, channel_title: str, as_json: bool) -> None:
    import json

    from outreach_tui.core.coach import BASE_SCORE, gauge_line

    if as_json:
        text = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
        sys.stdout.write(text.translate(_UNSAFE_JSON) + "\n")  # same data, no live escapes
        return
    lines = [
        f"Creepiness  {gauge_line(report.score)}",
        f"Channel     {_shown(channel_title)}",
        f"Length      {report.length.text} ({report.length.level}), {report.words} words",
    ]
    if report.subject_length is not None:
        subject = report.subject_length
        lines.append(f"Subject     {subject.text} ({subject.level})")
    lines.append("")
    lines.append(f"Why this score (every message starts at {BASE_SCORE}):")
    if not report.reasons:
        lines.append("  nothing adds or removes points")
    for reason in report.reasons:
        points = "note" if reason.points == 0 else f"{reason.points:+d}"
        lines.append(f"  {points:>4}  {_shown(reason.text)}")
        if reason.suggestion:
            lines.append(f"        -> {_shown(reason.suggestion)}")
    lines.append("")
    lines.append("Rules (warnings only; sending is your call):")
    width = max((len(rule.id) for rule in report.rules), default=0)
    for rule in report.rules:
        mark = "ok" if rule.ok else " !"
        lines.append(f"  {mark} {rule.id:<{width}}  {_shown(rule.message)}")
        if not rule.ok:
            lines.append(f"     {'':<{width}}  {rule.explanation} ({rule.source})")
    sys.stdout.write("\n".join(lines) + "\n")


def cmd_wizard(args: argparse.Namespace) -> int:
    from outreach_tui.core.drafts.draft import DraftError, draft_from_dict
    from outreach_tui.core.model.answers import Answers, AnswersError
    from outreach_tui.core.model.answers_load import answers_from_dict
    from outreach_tui.core.platform.paths import data_dir

    answers: Answers | None = None
    if args.answers:
        # Checked as `render` checks it, before the UI starts: a draft from a newer version
        # is refused here rather than half-read.
        path = Path(args.answers)
        data, is_draft = _load_file(path)
        try:
            answers = draft_from_dict(data).answers if is_draft else answers_from_dict(data)
        except (AnswersError, DraftError) as exc:
            raise UserError(f"{path}: {exc}") from None
    root = data_dir(args.data_dir)
    if root.exists() and not root.is_dir():
        raise UserError(f"{root}: the data folder is a file, not a folder")
    from outreach_tui.core.model.settings import apply_defaults

    settings = _settings()
    answers = apply_defaults(answers or Answers(), settings)
    renderer = _renderer()
    if args.plain:
        from outreach_tui import plain

        _privacy_warning(root)
        return plain.run(root, answers, renderer, _default_channel(renderer))

    # Importing Textual and drawing the first screen leave ~74,000 objects and little garbage
    # (~1,000), and the collector went over them a dozen times (~1-2 ms each) before the
    # first paint: it is paused until the app has drawn its first screen (the app turns it on).
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
        settings_file=settings_path(config_dir()) if _config_access()[0] else None,
        notices=tuple(_WARNINGS),
    )
    # Everything imported so far (Textual, Rich, the app) lives as long as the process. Moving
    # it out of the garbage collector's sight spares a full collection of ~20-25 ms that
    # finds nothing to free.
    gc.freeze()
    try:
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0


# --- drafts: list, show, export, mark ---------------------------------------------------------

DRAFTS_EPILOG = """\
statuses: draft, sent, replied, no-reply, interview-held, thanked
  (and followed-up, which records the one follow-up as sent).
  Marking "sent" schedules a follow-up 7 days later; "interview-held" a thank-you the next day.

examples:
  outreach-tui drafts list --filter library --sort due
  outreach-tui drafts mark alex-morgan-1a2b3c sent --date 2025-03-01
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
    for action in (listing, show, export, mark):
        action.add_argument(
            "--data-dir", metavar="PATH", default=argparse.SUPPRESS, help=data_dir_help
        )


def _safe(text: str) -> str:
    """User text in the drafts listings (always, terminal or not; `drafts export --txt` gives
    the text as saved): control characters, escapes and bidi overrides shown as visible codes.
    """
    from outreach_tui.core.platform.safe_text import visible

    return visible(text)


def _line(text: object) -> str:
    """A value on one output line (an id, a file name, a ZIP member's name, a path), always in
    its visible form with newlines and tabs escaped too (core/platform/safe_text.py
    `visible_line`): a file name can hold ESC, BEL and newlines."""
    from outreach_tui.core.platform.safe_text import visible_line

    return visible_line(str(text))


def _drafts_library(args: argparse.Namespace, follow_up_days: int = 7) -> Library:
    from outreach_tui.core.drafts.library import Library
    from outreach_tui.core.drafts.store import DraftStore
    from outreach_tui.core.platform.paths import data_dir

    root = data_dir(args.data_dir)
    if root.exists() and not root.is_dir():
        raise UserError(f"{root}: the data folder is a file, not a folder")
    from outreach_tui.core.drafts.tracking import MAX_DAYS

    if not 0 <= follow_up_days <= MAX_DAYS:
        raise UserError(f"--follow-up-days must be between 0 and {MAX_DAYS}")
    _privacy_warning(root)
    return Library(DraftStore(root), follow_up_days=follow_up_days)


def _privacy_warning(root: Path) -> None:
    """Say once, on stderr, what the TUI says at start: files others can read, and folders
    inside the data folder that are links to elsewhere (never written through)."""
    from outreach_tui.core.platform.permissions import linked_folders, privacy_summary

    summary = privacy_summary(root)
    if summary:
        _warn(summary)
    for line in linked_folders(root):
        _warn(line)


def _row_json(row: Row, path: Path) -> dict[str, object]:
    data = {k: v for k, v in row.to_json().items() if k not in ("search", "mtime_ns", "ino")}
    data.update(damaged=row.damaged, due=row.due, due_kind=row.due_kind, path=str(path))
    return data


def _drafts_list(args: argparse.Namespace) -> int:
    import json

    lib = _drafts_library(args)
    rows = lib.rows(args.filter, args.sort)
    if args.json:
        data = [_row_json(r, lib.store.drafts_dir / f"{r.id}.json") for r in rows]
        text = json.dumps(data, ensure_ascii=False, indent=2)
        sys.stdout.write(text.translate(_UNSAFE_JSON) + "\n")
        return 0
    if not rows:
        where = lib.store.drafts_dir
        sys.stdout.write(f"No drafts{' match' if args.filter.strip() else ''} in {_line(where)}\n")
        return 0
    width = max(len(_line(r.id)) for r in rows)
    sys.stdout.write(f"{'ID':<{width}}  {'STATUS':<14}  {'DUE':<21}  TITLE\n")
    for r in rows:
        due = _line(f"{r.due} {r.due_kind}" if r.due else "")
        title = _line(f"{r.id}.json: {r.error}" if r.damaged else r.title)
        ident, status = _line(r.id), _line(r.status_label)
        sys.stdout.write(f"{ident:<{width}}  {status:<14}  {due:<21}  {title}\n")
    summary = lib.summary()
    if summary:
        sys.stdout.write(f"\n{_safe(summary)}\n")
    return 0


_UNSAFE_JSON = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *range(0x202A, 0x202F))} | {
    c: f"\\u{c:04x}" for c in range(0x2066, 0x206A)
}


def _load_draft(lib: Library, draft_id: str) -> Draft:
    from outreach_tui.core.drafts.draft import DraftError

    try:
        return lib.load(draft_id)
    except DraftError as exc:
        raise UserError(str(exc)) from None


def _drafts_show(args: argparse.Namespace) -> int:
    from outreach_tui.core.drafts.index import row_for_draft
    from outreach_tui.core.drafts.tracking import STATUS_LABELS
    from outreach_tui.core.message.renderer import Rendered

    lib = _drafts_library(args)
    draft = _load_draft(lib, args.id)
    t = draft.tracking
    c = draft.answers.contact
    row = row_for_draft(draft)
    person = ", ".join(p for p in (" ".join(f"{c.honorific} {c.name}".split()), c.title) if p)
    lines = [
        draft.display_title,
        f"id:           {draft.id}",
        f"file:         {lib.store.path_for(draft.id)}",
        f"contact:      {person}",
        f"organisation: {c.organization}",
        f"channel:      {draft.channel}",
        f"status:       {STATUS_LABELS.get(t.status, t.status)}",
    ]
    for label, value in (
        ("sent on", t.sent_on),
        ("followed up", t.followed_up_on),
        ("replied on", t.replied_on),
        ("interview on", t.interview_on),
        ("thanked on", t.thanked_on),
    ):
        if value:
            lines.append(f"{label + ':':<14}{value.isoformat()}")
    if row.due:
        lines.append(f"{'due:':<14}{row.due_kind} by {row.due}")
    lines.append(f"{'updated:':<14}{draft.updated}")
    lines.append("")
    lines.append(Rendered(draft.channel, draft.subject, draft.message).as_text())
    sys.stdout.write(_safe("\n".join(lines)) + "\n")
    return 0


def _write_export(lib: Library, target: Path, text: str) -> None:
    from outreach_tui.core.platform.files import WriteError, atomic_write

    drafts_dir = lib.store.drafts_dir.resolve()
    if target.resolve().parent == drafts_dir:
        raise UserError(f"{target}: will not export into the drafts folder itself")
    try:
        atomic_write(target, text)
    except WriteError as exc:
        raise UserError(str(exc)) from None


def _drafts_export(args: argparse.Namespace) -> int:
    from datetime import UTC, date, datetime

    from outreach_tui.core.drafts.ics import calendar_text
    from outreach_tui.core.drafts.index import row_for_draft
    from outreach_tui.core.drafts.schedule import due_items
    from outreach_tui.core.message.renderer import Rendered

    if not args.ics and not args.txt:
        raise UserError("drafts export: say what to write with --ics FILE and/or --txt FILE")
    if args.txt and not args.id:
        raise UserError("drafts export: --txt needs the ID of a draft")
    lib = _drafts_library(args)
    draft = _load_draft(lib, args.id) if args.id else None
    if args.ics:
        if draft is not None:
            items = due_items([row_for_draft(draft)], date.today(), upcoming=True)
        else:
            lib.refresh()
            items = lib.due(upcoming=True)
        if not items:
            what = f"draft {args.id}" if args.id else "any draft"
            raise UserError(
                f"nothing is scheduled for {what}: mark it sent or interview-held first"
            )
        text = calendar_text(items, datetime.now(UTC), lib.revisions(items))
        _write_export(lib, Path(args.ics), text)
        sys.stdout.write(f"wrote {len(items)} event(s) to {_line(args.ics)}\n")
    if args.txt and draft is not None:
        text = Rendered(draft.channel, draft.subject, draft.message).as_text()
        _write_export(lib, Path(args.txt), text.rstrip("\n") + "\n")
        sys.stdout.write(f"wrote the message to {_line(args.txt)}\n")
    return 0


def _drafts_mark(args: argparse.Namespace) -> int:
    from outreach_tui.core.drafts.draft import DraftError
    from outreach_tui.core.drafts.store import StoreError
    from outreach_tui.core.drafts.tracking import (
        STATUS_LABELS,
        TrackingError,
        parse_action,
        parse_date,
    )

    try:
        action = parse_action(args.status)
        on = parse_date(args.date) if args.date else None
    except TrackingError as exc:
        raise UserError(str(exc)) from None
    lib = _drafts_library(args, args.follow_up_days)
    try:
        draft = lib.mark(args.id, action, on)
    except (DraftError, StoreError, TrackingError) as exc:
        raise UserError(str(exc)) from None
    t = draft.tracking
    message = f"{_line(draft.id)}: {STATUS_LABELS.get(action, action)}"
    for kind, due in t.open_dues():
        message += f"; {kind} due {due.isoformat()}"
    sys.stdout.write(message + "\n")
    return 0


def cmd_drafts(args: argparse.Namespace) -> int:
    from outreach_tui.core.drafts.draft import DraftError
    from outreach_tui.core.drafts.store import StoreError

    commands = {
        "list": _drafts_list,
        "show": _drafts_show,
        "export": _drafts_export,
        "mark": _drafts_mark,
    }
    try:
        return commands[args.drafts_command](args)
    except (DraftError, StoreError) as exc:
        raise UserError(str(exc)) from None


# --- import-linkedin ---------------------------------------------------------------------------


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


def cmd_import_linkedin(args: argparse.Namespace) -> int:
    from outreach_tui.core.linkedin.store import LinkedInError, import_export, remove
    from outreach_tui.core.platform.paths import data_dir

    root = data_dir(args.data_dir)
    if args.remove == bool(args.path):
        raise UserError("give the export's PATH (a .zip, a folder or Connections.csv), or --remove")
    try:
        if args.remove:
            removed = remove(root)
            if removed is None:
                sys.stdout.write(f"nothing to remove: no LinkedIn import in {_line(root)}\n")
            else:
                sys.stdout.write(f"removed {_line(removed)} (your own export was not touched)\n")
            return 0
        _privacy_warning(root)
        summary = import_export(Path(args.path).expanduser(), root, me=args.me)
    except LinkedInError as exc:
        raise UserError(str(exc)) from None
    for warning in summary.warnings:
        _warn(warning)  # they name ZIP members and files: any text at all
    sys.stdout.write("\n".join(_line(line) for line in summary.lines()) + "\n")
    sys.stdout.write(
        f"saved in {_line(summary.path)} (readable by you alone; "
        f"remove it with: {PROG} import-linkedin --remove)\n"
    )
    return 0


# --- settings and your own templates -------------------------------------------------------------


_WARNINGS: list[str] = []
"""Every warning given so far: the TUI shows them too (its screen hides stderr)."""


def _warn(message: str) -> None:
    if message in _WARNINGS:
        return
    _WARNINGS.append(message)
    sys.stderr.write(f"{PROG}: warning: {_line(message)}\n")


def _config_access() -> tuple[bool, bool]:
    """Whether the settings and the templates folder can be read; says once when not."""
    from outreach_tui.core.platform.paths import config_dir, config_problem

    settings_ok, templates_ok, problem = config_problem(config_dir())
    if problem:
        _warn(problem)
    return settings_ok, templates_ok


def _settings() -> Settings:
    """The user's settings; a damaged file is reported on stderr (and left alone)."""
    from outreach_tui.core.model.settings import Settings, load_settings, settings_path
    from outreach_tui.core.platform.paths import config_dir

    if not _config_access()[0]:
        return Settings()
    loaded = load_settings(settings_path(config_dir()))
    if loaded.problem:
        _warn(loaded.problem)
    return loaded.settings


def _with_settings(answers: Answers) -> Answers:
    """An answers file's answers with the settings' defaults where it leaves them empty."""
    from outreach_tui.core.model.settings import apply_defaults

    return apply_defaults(answers, _settings())


def _renderer() -> Renderer:
    """A renderer that uses the user's templates folder before the built-in templates."""
    from outreach_tui.core.message.renderer import Renderer
    from outreach_tui.core.platform.paths import user_templates_dir

    if not _config_access()[1]:
        return Renderer(template_dirs=[])
    return Renderer(template_dirs=[user_templates_dir()])


def _known_channel(renderer: Renderer, name: str) -> Channel:
    from outreach_tui.core.message.channels import RenderError

    try:
        return renderer.channel(name)
    except RenderError as exc:
        raise UserError(str(exc)) from None


def _default_channel(renderer: Renderer) -> str:
    """The settings' channel, or "message" when it names none there is (with a warning)."""
    from outreach_tui.core.model.settings import load_settings, settings_path
    from outreach_tui.core.platform.paths import config_dir

    if not _config_access()[0]:
        return "message"
    name = load_settings(settings_path(config_dir())).settings.channel
    if name in renderer.channels():
        return name
    _warn(f"settings: unknown channel {name!r}; using message")
    return "message"


def _render(renderer: Renderer, answers: Answers, channel: str) -> Rendered:
    """Render, reporting on stderr a user template that failed (the built-in one was used).

    The connection note is the one that fits the account's limit, shortened as the wizard's
    "Shorten to fit" does; when even its shortest form is too long, stderr says why.
    """
    from outreach_tui.core.message.channels import NOTE_CHANNEL
    from outreach_tui.core.message.renderer import Rendered
    from outreach_tui.core.message.shorten import note_too_long, short_note

    if channel == NOTE_CHANNEL:
        rendered = short_note(answers, renderer)
        problems = renderer.last_problems
        if problems:
            _warn(Rendered(channel, None, "", problems).warning)
        reason = note_too_long(answers, rendered)
        if reason:
            _warn(reason)
        return rendered
    rendered = renderer.render(answers, channel)
    if rendered.warning:
        _warn(rendered.warning)
    return rendered


def _warn_if_over(renderer: Renderer, answers: Answers, channel: str, body: str) -> None:
    """A saved text over its channel's hard limit: one line on stderr (the text is the user's,
    printed as saved)."""
    from outreach_tui.core.message.channels import RenderError

    try:
        spec = renderer.channel(channel)
    except RenderError:
        return
    limit = spec.limit_for(answers.premium)
    if spec.hard_body_limit and len(body) > limit:
        _warn(f"the saved {spec.title.lower()} is {len(body)} characters, over its {limit} limit")


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


def _templates_list(renderer: Renderer) -> int:
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
    sys.stdout.write(f"Your templates folder: {_line(folder)}{state}\n\n")
    width = max(len(r[0]) for r in rows)
    name_width = max(len(r[1]) for r in rows)
    sys.stdout.write(f"{'CHANNEL':<{width}}  {'TEMPLATE':<{name_width}}  IN USE\n")
    for channel, file_name, where in rows:
        sys.stdout.write(f"{channel:<{width}}  {file_name:<{name_width}}  {_line(where)}\n")
    return 0


def _describe_template(renderer: Renderer, name: str) -> str:
    path = renderer.user_template(name)
    return "built-in" if path is None else str(path)


def _templates_copy(renderer: Renderer, name: str, force: bool) -> int:
    from importlib import resources

    from outreach_tui.core.message.channels import CHANNELS
    from outreach_tui.core.message.renderer import builtin_template_names
    from outreach_tui.core.platform.files import WriteError, atomic_write, ensure_private_dir

    builtin = builtin_template_names()
    if name in builtin:
        names = [name]
    elif name in CHANNELS:
        names = [n for n in (f"{name}.txt.j2", f"{name}.subject.txt.j2") if n in builtin]
    else:
        known = ", ".join([*CHANNELS, *builtin])
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
            sys.stdout.write(f"copied the built-in {file_name} to {_line(target)}\n")
    except WriteError as exc:
        raise UserError(str(exc)) from None
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    renderer = _renderer()
    if args.templates_command == "copy":
        return _templates_copy(renderer, args.name, args.force)
    return _templates_list(renderer)


def wizard_defaults() -> argparse.Namespace:
    """What `build_parser().parse_args([])` gives: the wizard, no options."""
    from types import SimpleNamespace

    return cast(
        "argparse.Namespace",
        SimpleNamespace(command=None, data_dir=None, answers=None, plain=False),
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The wizard with no arguments is how it is started nearly always: building the parser
    # (argparse and every command's help) would add ~4 ms to a start the user waits for.
    args = wizard_defaults() if not arguments else build_parser().parse_args(arguments)
    try:
        if args.command == "render":
            return cmd_render(args)
        if args.command == "check":
            return cmd_check(args)
        if args.command == "drafts":
            return cmd_drafts(args)
        if args.command == "import-linkedin":
            return cmd_import_linkedin(args)
        if args.command == "templates":
            return cmd_templates(args)
        return cmd_wizard(args)
    except UserError as exc:
        # Always one line, and no file name or value can send an escape to the terminal.
        message = _line(exc)
        sys.stderr.write(f"{PROG}: error: {message}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def run() -> NoReturn:
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
