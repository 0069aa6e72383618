"""`drafts list|show|export|mark|add`: the drafts saved in DATA_DIR/drafts/, from the command
line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from outreach_tui.cli import config
from outreach_tui.cli.output import UserError, line, print_json, shown, write

if TYPE_CHECKING:
    import argparse

    from outreach_tui.core.drafts.draft import Draft
    from outreach_tui.core.drafts.index import Row
    from outreach_tui.core.drafts.library import Library


def cmd_drafts(args: argparse.Namespace) -> int:
    """Run `drafts ACTION`; a draft or store problem is a UserError."""
    from outreach_tui.core.drafts.draft import DraftError
    from outreach_tui.core.drafts.store import StoreError

    commands = {
        "list": drafts_list,
        "show": drafts_show,
        "export": drafts_export,
        "mark": drafts_mark,
        "add": drafts_add,
    }
    try:
        return commands[args.drafts_command](args)
    except (DraftError, StoreError) as exc:
        raise UserError(str(exc)) from None


def drafts_library(args: argparse.Namespace, follow_up_days: int = 7) -> Library:
    """The drafts library of `--data-dir` (or the default data folder)."""
    from outreach_tui.core.drafts.library import Library
    from outreach_tui.core.drafts.store import DraftStore

    root = config.data_root(args.data_dir)
    from outreach_tui.core.drafts.tracking import MAX_DAYS

    if not 0 <= follow_up_days <= MAX_DAYS:
        raise UserError(f"--follow-up-days must be between 0 and {MAX_DAYS}")
    config.privacy_warning(root)
    return Library(DraftStore(root), follow_up_days=follow_up_days)


def _row_json(row: Row, path: Path) -> dict[str, object]:
    data = {k: v for k, v in row.to_json().items() if k not in ("search", "mtime_ns", "ino")}
    data.update(damaged=row.damaged, due=row.due, due_kind=row.due_kind, path=str(path))
    return data


def drafts_list(args: argparse.Namespace) -> int:
    """`drafts list [--json] [--filter TEXT] [--sort updated|due]`."""
    lib = drafts_library(args)
    rows = lib.rows(args.filter, args.sort)
    if args.json:
        print_json([_row_json(r, lib.store.drafts_dir / f"{r.id}.json") for r in rows])
        return 0
    if not rows:
        where = lib.store.drafts_dir
        write(f"No drafts{' match' if args.filter.strip() else ''} in {line(where)}\n")
        return 0
    width = max(len(line(r.id)) for r in rows)
    write(f"{'ID':<{width}}  {'STATUS':<14}  {'DUE':<21}  TITLE\n")
    for r in rows:
        due = line(f"{r.due} {r.due_kind}" if r.due else "")
        title = line(f"{r.id}.json: {r.error}" if r.damaged else r.title)
        ident, status = line(r.id), line(r.status_label)
        write(f"{ident:<{width}}  {status:<14}  {due:<21}  {title}\n")
    summary = lib.summary()
    if summary:
        write(f"\n{shown(summary)}\n")
    return 0


def load_draft(lib: Library, draft_id: str) -> Draft:
    """The draft `draft_id`; UserError when it is missing or damaged."""
    from outreach_tui.core.drafts.draft import DraftError

    try:
        return lib.load(draft_id)
    except DraftError as exc:
        raise UserError(str(exc)) from None


def drafts_show(args: argparse.Namespace) -> int:
    """`drafts show ID`: contact, status, dates, history and the message."""
    from outreach_tui.core.drafts.index import row_for_draft
    from outreach_tui.core.drafts.tracking import STATUS_LABELS
    from outreach_tui.core.message.rendered import Rendered

    lib = drafts_library(args)
    draft = load_draft(lib, args.id)
    t = draft.tracking
    c = draft.answers.contact
    row = row_for_draft(draft)
    person = ", ".join(p for p in (_addressed(c.honorific, c.name), c.title) if p)
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
    for number, entry in enumerate(t.history):
        # what was done, when, and where a change came from (a LinkedIn import) when not by hand
        source = entry.get("source")
        where = f" ({source})" if isinstance(source, str) and source else ""
        label = "history:" if number == 0 else ""
        lines.append(f"{label:<14}{entry.get('on', '')} {entry.get('action', '')}{where}")
    lines.append(f"{'updated:':<14}{draft.updated}")
    lines.append("")
    lines.append(Rendered(draft.channel, draft.subject, draft.message).as_text())
    write(shown("\n".join(lines)) + "\n")
    return 0


def _write_export(lib: Library, target: Path, text: str) -> None:
    from outreach_tui.core.platform.files import WriteError, atomic_write

    drafts_dir = lib.store.drafts_dir.resolve()
    if target.resolve().parent == drafts_dir:
        raise UserError(f"{target}: will not export into the drafts folder itself")
    _refuse_special(target)
    try:
        atomic_write(target, text)
    except WriteError as exc:
        raise UserError(str(exc)) from None


def _refuse_special(target: Path) -> None:
    """Only a new name or a regular file is exported to: writing replaces the target, and a
    device or a named pipe must not become a file (as root, `--txt /dev/null` would replace
    /dev/null itself)."""
    import stat

    try:
        mode = target.stat().st_mode
    except OSError:
        return  # not there yet (the usual case), or out of reach: the write says why
    if stat.S_ISDIR(mode):
        raise UserError(f"cannot write {target}: it is a folder (give a file name)")
    if not stat.S_ISREG(mode):
        raise UserError(f"cannot write {target}: not a regular file (a device or a pipe)")


def drafts_export(args: argparse.Namespace) -> int:
    """`drafts export [ID] [--ics FILE] [--txt FILE]`: the due dates as a calendar, the
    message as text."""
    from datetime import UTC, date, datetime

    from outreach_tui.core.drafts.ics import calendar_text
    from outreach_tui.core.drafts.index import row_for_draft
    from outreach_tui.core.drafts.schedule import due_items
    from outreach_tui.core.message.rendered import Rendered

    if not args.ics and not args.txt:
        raise UserError("drafts export: say what to write with --ics FILE and/or --txt FILE")
    if args.txt and not args.id:
        raise UserError("drafts export: --txt needs the ID of a draft")
    lib = drafts_library(args)
    draft = load_draft(lib, args.id) if args.id else None
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
        write(f"wrote {len(items)} event(s) to {line(args.ics)}\n")
    if args.txt and draft is not None:
        text = Rendered(draft.channel, draft.subject, draft.message).as_text()
        _write_export(lib, Path(args.txt), text.rstrip("\n") + "\n")
        write(f"wrote the message to {line(args.txt)}\n")
    return 0


def drafts_mark(args: argparse.Namespace) -> int:
    """`drafts mark ID STATUS [--date YYYY-MM-DD] [--follow-up-days N]`."""
    from outreach_tui.core.drafts.draft import DraftError
    from outreach_tui.core.drafts.store import StoreError
    from outreach_tui.core.drafts.tracking import (
        INTRODUCED,
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
    lib = drafts_library(args, args.follow_up_days)
    try:
        if action == INTRODUCED:  # an introduction request: the contact's draft names them
            from outreach_tui.cli.config import renderer
            from outreach_tui.core.introduction.requests import mark_introduced

            outcome = mark_introduced(lib, args.id, renderer(), on)
            write(f"{line(outcome.request.id)}: {line(outcome.line)}\n")
            return 0
        draft = lib.mark(args.id, action, on)
    except (DraftError, StoreError, TrackingError) as exc:
        raise UserError(str(exc)) from None
    t = draft.tracking
    message = f"{line(draft.id)}: {STATUS_LABELS.get(action, action)}"
    for kind, due in t.open_dues():
        message += f"; {kind} due {due.isoformat()}"
    write(message + "\n")
    return 0


def drafts_add(args: argparse.Namespace) -> int:
    """`drafts add FILE [--channel NAME] [--title TEXT]`: render and save a new draft; prints
    its id."""
    from outreach_tui.cli.render import message_of
    from outreach_tui.core.drafts.draft import Draft

    _, answers, channel, subject, body = message_of(args)
    lib = drafts_library(args)
    draft = Draft(
        answers=answers,
        channel=channel,
        message=body,
        subject=subject,
        title=" ".join(args.title.split()),
    )
    lib.save(draft)
    write(f"{line(draft.id)}\n")
    return 0


def _addressed(honorific: str, name: str) -> str:
    """The contact's name with their title, once: "Dr." and "Dr. Anna van der Berg, PhD
    (she/her)" give "Dr. Anna van der Berg", never "Dr. Dr. ..."."""
    from outreach_tui.core.names import display_name, parse_name

    shown = display_name(name)
    if not honorific.strip() or parse_name(name).honorific:
        return shown
    return f"{honorific.strip()} {shown}"
