"""The wizard's warm path (see `WizardScreen`): who could introduce the user, the Introducer
list on the Preview step, and saving an introduction request as a draft of its own beside the
draft to the contact.

Thin: the choice, the text and the link between drafts are core/introduction's; this module
only reads the app's LinkedIn import and calls them for the wizard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on

from outreach_tui.core.drafts.store import StoreError
from outreach_tui.core.introduction.choice import Candidate, find, with_introducer
from outreach_tui.core.message.channels import (
    DEFAULT_CHANNEL,
    INTRODUCTION_CHANNEL,
    NOTE_CHANNEL,
    RenderError,
)
from outreach_tui.core.platform.paths import short_path
from outreach_tui.ui.messages import IntroducerChosen, IntroducerGreeting
from outreach_tui.ui.screens.wizard_steps import WizardSteps

if TYPE_CHECKING:
    from pathlib import Path

    from outreach_tui.core.drafts.draft import Draft


class WizardIntroduction(WizardSteps):
    """The introduction channel in the wizard (see `WizardScreen`)."""

    request: Draft | None = None
    """The introduction request saved from this wizard (None: not saved yet)."""
    contact_channel: str = DEFAULT_CHANNEL
    """The channel of the message to the contact: the last one shown before the introduction."""

    def can_introduce(self) -> bool:
        """Whether someone could introduce the user (the introduction is offered)."""
        return bool(introducers(self)) or bool(self.answers.introduction.introducer.strip())

    def _load_editor(self) -> None:
        from outreach_tui.ui.widgets.editor import MessageEditor

        if self.channel != INTRODUCTION_CHANNEL:
            self.contact_channel = self.channel
        found = prepare(self)
        editor = self.query_one(MessageEditor)
        editor.show_channel(self.channel)
        super()._load_editor()
        editor.offer_introduction(
            options(self, found), self.answers.introduction.introducer, greeting(self)
        )

    @on(IntroducerGreeting)
    def _introducer_greeting(self, event: IntroducerGreeting) -> None:
        event.stop()
        if event.greeting_name == self.answers.introduction.greeting_name:
            return
        self.answers.introduction.greeting_name = event.greeting_name
        self._changed()
        self._load_editor()

    @on(IntroducerChosen)
    def _introducer_chosen(self, event: IntroducerChosen) -> None:
        """Someone else chosen in the Ask list: the request is written afresh to them; text the
        user edited (written to the person asked before) is replaced only if they say so."""
        event.stop()
        if event.name == self.answers.introduction.introducer:
            return
        if self.edited is None or self.channel != INTRODUCTION_CHANNEL:
            self._ask_instead(event.name)
            return
        from outreach_tui.core.names import display_name
        from outreach_tui.ui.screens.modals import ChoiceModal

        before = display_name(self.answers.introduction.introducer) or "the person you chose"
        after = display_name(event.name) or "them"
        question = ChoiceModal(
            f"Ask {after} instead?",
            f"You edited the request you wrote to {before}. Asking {after} writes it afresh "
            f"from your answers, and your edited text is replaced.",
            [
                ("replace", f"Write it for {after}", "primary"),
                ("cancel", f"Keep asking {before}", "default"),
            ],
        )

        def chosen(choice: str | None) -> None:
            if choice == "replace":
                self.edited = None
                self._ask_instead(event.name)
                self.notify(
                    f"The request is written to {after} again; your edited text was replaced.",
                    title="Introducer changed",
                    markup=False,
                )
            else:
                self._load_editor()  # the Ask list shows the person still asked
                self.notify(
                    f"Still asking {before}; your text is unchanged.",
                    title="Introducer kept",
                    markup=False,
                )

        self.app.push_screen(question, callback=chosen)

    def _ask_instead(self, name: str) -> None:
        choose(self, name)
        self._changed()
        self._load_editor()

    def action_save(self) -> bool:
        """Save; on the introduction channel, the request is a draft of its own, linked to the
        draft to the contact (saved too when it was not yet)."""
        writing_request = self.channel == INTRODUCTION_CHANNEL and (
            self.draft is None or self.draft.channel != INTRODUCTION_CHANNEL
        )
        if not writing_request:
            return super().action_save()
        try:
            path, said = save_request(self)
        except (StoreError, ValueError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
            return False
        self.dirty = False
        self.discard_autosave()
        self.notify(f"Saved to {short_path(path)}\n{said}", title="Request saved", timeout=6)
        return True


def introducers(wizard: WizardIntroduction) -> list[Candidate]:
    """Everyone who could introduce the user, strongest first: the shared connections typed,
    then the LinkedIn import's people at the organisation (once the import is read)."""
    from outreach_tui.core.introduction.people import introducers as found
    from outreach_tui.core.linkedin.lookups import LinkedInData

    data = getattr(wizard.app, "linkedin", None)
    return found(wizard.answers, data if isinstance(data, LinkedInData) else None)


def strongest_name(wizard: WizardIntroduction) -> str:
    """The name of the introducer offered first, or "" when no one could introduce the user."""
    found = introducers(wizard)
    return found[0].name if found else ""


def prepare(wizard: WizardIntroduction) -> list[Candidate]:
    """Before the Preview step shows the introduction: make sure the answers name someone to
    ask (the strongest, unless the user chose one or typed one in their answers). Returns the
    candidates. On the introduction channel with no one to ask, goes back to the default
    channel and says why."""
    found = introducers(wizard)
    if wizard.channel != INTRODUCTION_CHANNEL:
        return found
    named = wizard.answers.introduction.introducer.strip()
    if found and (not named or find(found, named) is not None):
        candidate = find(found, named) if named else found[0]
        if candidate is not None:
            wizard.answers = with_introducer(wizard.answers, candidate)
    elif not found and not named:
        from outreach_tui.core.introduction.choice import NO_INTRODUCER

        wizard.channel = wizard.contact_channel
        wizard.notify(NO_INTRODUCER.capitalize() + ".", title="No introduction", markup=False)
    return found


def options(wizard: WizardIntroduction, found: list[Candidate]) -> list[tuple[str, str]]:
    """The Introducer list: (label, name) for each candidate, and the one the answers name by
    hand when it is none of them. Labels show names as a message writes them (no emoji or
    credentials); the values stay as typed."""
    from outreach_tui.core.names import display_name

    rows = [(f"{display_name(c.name)} · {_short(c)}", c.name) for c in found]
    named = wizard.answers.introduction.introducer.strip()
    if named and find(found, named) is None:
        rows.append((f"{display_name(named)} · from your answers", named))
    return rows


def _short(candidate: Candidate) -> str:
    """What is known of a candidate, short enough for one line of the list."""
    if candidate.shared:
        return "shared connection"
    return "works there" if candidate.organization else "from your answers"


def greeting(wizard: WizardIntroduction) -> tuple[str, str]:
    """(the user's name in the greeting for the introducer, the given name core/names greets
    them by when there is none)."""
    from outreach_tui.core.message.introduction import default_greeting

    intro = wizard.answers.introduction
    return intro.greeting_name, default_greeting(intro.introducer)


def choose(wizard: WizardIntroduction, name: str) -> None:
    """The user chose `name` in the Introducer list."""
    candidate = find(introducers(wizard), name) or Candidate(name, "")
    wizard.answers = with_introducer(wizard.answers, candidate)


def _contact_draft(wizard: WizardIntroduction) -> tuple[Draft, bool]:
    """The draft to the contact the request belongs with: the wizard's, else a new one on the
    channel the user was writing for, rendered from the answers (not yet saved: True)."""
    from outreach_tui.core.drafts.draft import Draft

    if wizard.draft is not None and wizard.draft.channel != INTRODUCTION_CHANNEL:
        return wizard.draft, False
    channel = wizard.contact_channel
    try:
        if channel == NOTE_CHANNEL:
            from outreach_tui.core.message.shorten import short_note

            rendered = short_note(wizard.answers, wizard.renderer)
        else:
            rendered = wizard.renderer.render(wizard.answers, channel)
    except RenderError:
        channel = DEFAULT_CHANNEL
        rendered = wizard.renderer.render(wizard.answers, channel)
    return Draft(wizard.answers.copy(), channel, rendered.body, rendered.subject), True


def save_request(wizard: WizardIntroduction) -> tuple[Path, str]:
    """Save the introduction request shown in the wizard as a draft of its own, linked to the
    draft to the contact (saved first when it was not). Returns the request's path and a line
    saying what was saved. Raises StoreError; ValueError (no one to ask)."""
    from outreach_tui.core.introduction.requests import new_request

    subject, body = wizard.final_text()
    contact, new_contact = _contact_draft(wizard)
    if new_contact:
        wizard.drafts_library().save(contact)
        wizard.draft = contact
    request = wizard.request
    if request is None:
        request = new_request(wizard.answers, subject, body, contact)
    else:
        request.answers = wizard.answers.copy()
        request.subject, request.message = subject, body
        request.for_draft = contact.id
    path = wizard.drafts_library().save(request)
    wizard.request = request
    who = request.via or "them"
    also = f" The draft to {contact.display_title} was saved too." if new_contact else ""
    return path, f"Your request to {who} is a draft of its own.{also}"
