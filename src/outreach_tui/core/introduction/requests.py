"""An introduction request as a draft of its own, linked to the draft for the contact.

The request is saved beside the contact's draft (its `for_draft` names that draft's id) and
goes ``draft -> sent -> introduced / declined``. Marking it "introduced" turns the contact's
draft into a message that names the person who introduced the user: its answers record the
introduction, so its text is rendered again with that person as the hook (and the coach's
credit). A text the user edited is never replaced: they are told to reset it to the template.
Only a draft still at "draft" is rendered again: one already sent (or further on) keeps the
text that went out, and its history records the introduction.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from outreach_tui.core.drafts.draft import Draft, DraftError
from outreach_tui.core.drafts.library import Library
from outreach_tui.core.drafts.tracking import DRAFT, INTRODUCED
from outreach_tui.core.message.channels import INTRODUCTION_CHANNEL, NOTE_CHANNEL, RenderError
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers


def new_request(
    answers: Answers, subject: str | None, message: str, contact: Draft | None
) -> Draft:
    """An unsaved introduction request for these answers and its final text, linked to the
    contact's saved draft when there is one. The answers keep the introducer the text was
    written to (the strongest, when they name none). Raises ValueError (NO_INTRODUCER)."""
    from outreach_tui.core.message.introduction import with_default_introducer

    return Draft(
        answers=with_default_introducer(answers).copy(),
        channel=INTRODUCTION_CHANNEL,
        message=message,
        subject=subject,
        for_draft=contact.id if contact is not None else "",
    )


def request_for(library: Library, contact_id: str) -> Draft | None:
    """The saved introduction request linked to the contact's draft `contact_id`, the most
    recently changed one if there are several; None when there is none."""
    for row in library.rows():
        if row.damaged or row.channel != INTRODUCTION_CHANNEL:
            continue
        try:
            draft = library.load(row.id)
        except DraftError:
            continue
        if draft.for_draft == contact_id:
            return draft
    return None


@dataclass(frozen=True)
class Introduced:
    """What marking a request "introduced" did."""

    request: Draft
    contact: Draft | None
    """The contact's draft, updated; None when the request is linked to none (or it is gone)."""
    rewritten: bool
    """True when the contact's text was rendered again; False when the user's edits were kept
    or the draft had already gone out."""
    kept_status: str = ""
    """The contact's draft's status when it was past "draft" (its text kept, its history
    recording the introduction); "" otherwise."""

    @property
    def line(self) -> str:
        """One line for the user: what changed, and what to do next."""
        who = self.request.via or "the person who introduced you"
        if self.contact is None:
            return f"Marked introduced by {who}. No draft to the contact is linked to it."
        if self.kept_status:
            return (
                f"Marked introduced: the draft to {self.contact.display_title} was already "
                f"{self.kept_status}, so its text is kept; its history records the "
                f"introduction by {who}."
            )
        if self.rewritten:
            return f"Marked introduced: the draft to {self.contact.display_title} now names {who}."
        return (
            f"Marked introduced: the draft to {self.contact.display_title} records it; your "
            f"edited text was kept (Reset to template to name {who})."
        )


def _render(renderer: Renderer, answers: Answers, channel: str) -> tuple[str | None, str]:
    if channel == NOTE_CHANNEL:
        from outreach_tui.core.message.shorten import short_note

        note = short_note(answers, renderer)
        return note.subject, note.body
    rendered = renderer.render(answers, channel)
    return rendered.subject, rendered.body


def _edited(renderer: Renderer, draft: Draft) -> bool:
    """Whether the draft's saved text is not what its answers render (the user edited it)."""
    try:
        subject, body = _render(renderer, draft.answers, draft.channel)
    except RenderError:
        return True
    return body != draft.message or (subject is not None and subject != draft.subject)


def mark_introduced(
    library: Library, request_id: str, renderer: Renderer, on: date | None = None
) -> Introduced:
    """Mark the request `request_id` "introduced" and update the contact's draft it is linked
    to: its answers record who introduced the user, and its text is rendered again unless the
    user edited it or it is past "draft" (sent: its text is kept and its history gets an
    "introduced" entry with "via", the introducer's name).

    Raises DraftError (no such request, or not a request) and StoreError."""
    request = library.load(request_id)
    if request.channel != INTRODUCTION_CHANNEL:
        raise DraftError(f"{request_id}: not an introduction request")
    request = library.mark(request_id, INTRODUCED, on)
    contact: Draft | None = None
    if request.for_draft:
        try:
            contact = library.load(request.for_draft)
        except DraftError:
            contact = None
    if contact is None:
        return Introduced(request, None, False)
    introduction = replace(request.answers.introduction, introduced=True)
    if contact.tracking.status != DRAFT:
        # what went out stays as it was: only the history says who introduced the user
        marked = request.tracking.history[-1] if request.tracking.history else {}
        entry: dict[str, Any] = {key: marked[key] for key in ("on", "at") if key in marked}
        contact.tracking = replace(
            contact.tracking,
            history=[
                *contact.tracking.history,
                {"action": INTRODUCED, **entry, "via": request.via},
            ],
        )
        contact.answers = replace(contact.answers, introduction=introduction)
        library.save(contact)
        return Introduced(request, contact, False, kept_status=contact.tracking.status)
    edited = _edited(renderer, contact)
    contact.answers = replace(contact.answers, introduction=introduction)
    rewritten = False
    if not edited:
        try:
            contact.subject, contact.message = _render(renderer, contact.answers, contact.channel)
            rewritten = True
        except RenderError:
            rewritten = False
    library.save(contact)
    return Introduced(request, contact, rewritten)
