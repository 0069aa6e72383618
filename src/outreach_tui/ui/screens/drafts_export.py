"""The Drafts screen's export: a draft's message as a .txt file, or every due date as an .ics
calendar, written where the user says (atomic write; never into the drafts folder itself)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_tui.core.drafts.draft import DraftError
from outreach_tui.core.drafts.ics import calendar_text
from outreach_tui.core.drafts.index import Row
from outreach_tui.core.message.rendered import Rendered
from outreach_tui.core.platform.files import WriteError, atomic_write
from outreach_tui.core.platform.paths import short_path
from outreach_tui.ui.screens.modals import TextPromptModal, export_modal

if TYPE_CHECKING:
    from outreach_tui.ui.screens.drafts import DraftsScreen


def export(screen: DraftsScreen, row: Row) -> None:
    """Ask what to export (the message, or the due dates) and where, then write it."""
    library = screen.library
    events = len(library.due(screen.today(), upcoming=True))

    def kind_chosen(kind: str | None) -> None:
        if kind == "txt":
            default = f"~/{row.id}.txt"
            what = "Write the message (with its subject) to this file:"
        elif kind == "ics":
            if not events:
                screen.say(
                    "No follow-up or thank-you is scheduled: mark a draft sent first.",
                    title="Nothing to export",
                )
                return
            default = "~/outreach-tui-due.ics"
            what = f"Write {events} due date{'' if events == 1 else 's'} to this file:"
        else:
            return
        prompt = TextPromptModal(f"Export .{kind}", what, default, ok_label="Export")
        screen.app.push_screen(prompt, lambda path: write(screen, kind, row.id, path))

    screen.app.push_screen(export_modal(row.title, events), kind_chosen)


def write(screen: DraftsScreen, kind: str, draft_id: str, typed: str | None) -> None:
    """Write the export `kind` ("txt" or "ics") to the path typed (relative: to the home
    folder); None or empty: nothing. Says where it wrote, or why not."""
    if not typed:
        return
    library = screen.library
    target = Path(typed).expanduser()
    if not target.is_absolute():
        target = Path.home() / target
    if target.parent.resolve() == library.store.drafts_dir.resolve():
        screen.say("Not into the drafts folder itself.", title="Not exported", severity="error")
        return
    try:
        if kind == "txt":
            draft = library.load(draft_id)
            text = Rendered(draft.channel, draft.subject, draft.message).as_text()
            atomic_write(target, text.rstrip("\n") + "\n")
        else:
            items = library.due(screen.today(), upcoming=True)
            revisions = library.revisions(items)
            atomic_write(target, calendar_text(items, datetime.now(UTC), revisions))
    except (DraftError, WriteError) as exc:
        screen.say(str(exc), title="Not exported", severity="error")
        return
    screen.say(f"Wrote {short_path(target)}", title="Exported", timeout=8)
