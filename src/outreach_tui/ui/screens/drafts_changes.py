"""The Drafts screen's changes to a draft: mark, duplicate, rename, move to the trash, undo.

Each asks what it needs in a dialog, then makes one Library call and shows the result on the
screen (a reload, a notification); a refusal from the library is one notification, never a
traceback. The screen's key actions call these with the highlighted row.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from outreach_tui.core.drafts.draft import DraftError
from outreach_tui.core.drafts.index import Row
from outreach_tui.core.drafts.store import StoreError
from outreach_tui.core.drafts.tracking import INTRODUCED, STATUS_LABELS, TrackingError
from outreach_tui.core.message.channels import INTRODUCTION_CHANNEL
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.ui.screens.modals import (
    INTRODUCTION_CHOICES,
    MARK_CHOICES,
    MarkStatusModal,
    StatusChoice,
    TextPromptModal,
    trash_modal,
)

if TYPE_CHECKING:
    from outreach_tui.ui.screens.drafts import DraftsScreen


def mark(screen: DraftsScreen, row: Row) -> None:
    """Ask for a status and its date, then record it (and say what is due next). On an
    introduction request, "Introduced" also updates the draft to the contact."""
    request = row.channel == INTRODUCTION_CHANNEL

    def chosen(choice: StatusChoice | None) -> None:
        if choice is None:
            return
        if request and choice.action == INTRODUCED:
            introduced(screen, row.id, choice.on)
            return
        try:
            draft = screen.library.mark(row.id, choice.action, choice.on)
        except (DraftError, StoreError, TrackingError) as exc:
            screen.say(str(exc), title="Not marked", severity="error")
            return
        screen.reload(keep=row.id)
        message = f"{STATUS_LABELS.get(choice.action, choice.action)} on {choice.on}"
        for kind, due in draft.tracking.open_dues():
            message += f"; {kind} due {due.isoformat()}"
        screen.say(message, title=draft.display_title)

    choices = INTRODUCTION_CHOICES if request else MARK_CHOICES
    screen.app.push_screen(MarkStatusModal(row.title, row.status, screen.today(), choices), chosen)


def introduced(screen: DraftsScreen, draft_id: str, on: date) -> None:
    """An introduction request was answered: the draft to the contact names the
    introducer from now on (core/introduction/requests.py)."""
    from outreach_tui.core.introduction.requests import mark_introduced

    renderer = getattr(screen.app, "renderer", None) or Renderer()
    try:
        outcome = mark_introduced(screen.library, draft_id, renderer, on)
    except (DraftError, StoreError, TrackingError) as exc:
        screen.say(str(exc), title="Not marked", severity="error")
        return
    screen.reload(keep=draft_id)
    screen.say(outcome.line, title=outcome.request.display_title)


def duplicate(screen: DraftsScreen, row: Row) -> None:
    """Ask for another person's name, copy the draft for them and open the copy."""
    where = row.organisation or "the same organisation"

    def named(name: str | None) -> None:
        if name is None:
            return
        try:
            copy = screen.library.duplicate(row.id, name)
        except (DraftError, StoreError) as exc:
            screen.say(str(exc), title="Not duplicated", severity="error")
            return
        screen.open_draft(copy.id)

    prompt = TextPromptModal(
        "Duplicate for someone else",
        f"A new draft to another person at {where}. It keeps your details, the organisation, "
        "your goal and the channel; not the first person's name, research or message.",
        ok_label="Duplicate",
        placeholder="Their full name",
    )
    screen.app.push_screen(prompt, named)


def rename(screen: DraftsScreen, row: Row) -> None:
    """Ask for a new title (empty: the contact and organisation again)."""

    def renamed(title: str | None) -> None:
        if title is None:
            return
        try:
            screen.library.rename(row.id, title)
        except (DraftError, StoreError) as exc:
            screen.say(str(exc), title="Not renamed", severity="error")
            return
        screen.reload(keep=row.id)

    prompt = TextPromptModal(
        "Rename",
        "The title shown for this draft. Leave it empty to show the contact and "
        "organisation again.",
        row.title,
        ok_label="Rename",
        allow_empty=True,
    )
    screen.app.push_screen(prompt, renamed)


def trash(screen: DraftsScreen, row: Row, index: int) -> None:
    """Ask, then move the draft on line `index` to the trash; the cursor goes to a neighbour."""

    def decided(choice: str | None) -> None:
        if choice != "trash":
            return
        try:
            screen.library.trash(row.id)
        except (DraftError, StoreError) as exc:
            screen.say(str(exc), title="Not deleted", severity="error")
            return
        screen.trashed.append(row.id)
        rows = screen.rows
        neighbours = rows[index + 1 : index + 2] or rows[max(0, index - 1) : index]
        screen.reload(keep=neighbours[0].id if neighbours else None)
        screen.say(f"Moved {row.title} to the trash. Press u to bring it back.", title="Deleted")

    screen.app.push_screen(trash_modal(row.title), decided)


def undo(screen: DraftsScreen) -> None:
    """Bring back the draft last moved to the trash while the app runs."""
    if not screen.trashed:
        return
    draft_id = screen.trashed[-1]
    try:
        row = screen.library.restore(draft_id)
    except (DraftError, StoreError) as exc:
        screen.say(str(exc), title="Cannot undo", severity="error")
        return
    screen.trashed.pop()
    screen.reload(keep=draft_id)
    title = row.title if row else draft_id
    screen.say(f"{title} is back.", title="Restored")
