"""Plain mode's warm path: the introduction among the channels when someone could introduce
the user, and the request saved beside the draft to the contact (core/introduction)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.rendered import Rendered
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers

if TYPE_CHECKING:
    from outreach_tui.plain import Prompter


def linkedin(data_dir: Path) -> Any:
    """The LinkedIn import in the data folder, or None (none, or damaged: the wizard says so)."""
    from outreach_tui.core.linkedin.store import LinkedInError, load

    try:
        return load(data_dir)
    except LinkedInError:
        return None


def can_introduce(answers: Answers, linkedin: Any) -> bool:
    from outreach_tui.core.introduction.people import introducers, without_the_contact

    answers = without_the_contact(answers)
    return bool(introducers(answers, linkedin)) or bool(answers.introduction.introducer.strip())


def with_introducer(answers: Answers, linkedin: Any) -> Answers:
    """The answers with the introducer to ask: theirs, else the strongest candidate."""
    from outreach_tui.core.introduction.people import choose_introducer, without_the_contact

    return choose_introducer(without_the_contact(answers), linkedin)


def save_contact_draft(
    prompter: Prompter, data_dir: Path, answers: Answers, channel: str, renderer: Renderer
) -> Draft:
    """The draft to the contact an introduction request is linked to, saved first."""
    from outreach_tui.core.message.channels import NOTE_CHANNEL
    from outreach_tui.core.message.shorten import short_note

    if channel == NOTE_CHANNEL:
        rendered = short_note(answers, renderer)
    else:
        rendered = renderer.render(answers, channel)
    contact = Draft(answers.copy(), channel, rendered.body, rendered.subject)
    path = DraftStore(data_dir).save(contact)
    prompter.say(f"The draft to the contact ({channel}) saved to {path}")
    return contact


def request(answers: Answers, rendered: Rendered, contact: Draft) -> Draft:
    from outreach_tui.core.introduction.requests import new_request

    return new_request(answers, rendered.subject, rendered.body, contact)
