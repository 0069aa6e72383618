"""The wizard's actions on the message: the channel, the user's own text, Shorten to fit,
Reset to template, their own editor and the clipboard."""

from __future__ import annotations

import os

from textual import on

from outreach_tui.core.message.channels import RenderError, count_text
from outreach_tui.core.message.rendered import Rendered
from outreach_tui.core.message.shorten import short_note
from outreach_tui.ui.messages import (
    ChannelChosen,
    ResetRequested,
    ShortenRequested,
    TextEdited,
)
from outreach_tui.ui.screens.wizard_saving import WizardSaving


class WizardMessage(WizardSaving):
    """What the user does to the message itself (see `WizardScreen`)."""

    @on(ChannelChosen)
    def _channel_chosen(self, event: ChannelChosen) -> None:
        from outreach_tui.ui.widgets.step_form import StepForm

        self.channel = event.channel
        self._changed()
        for form in self.query(StepForm):
            form.show_for_channel(self.channel)
        if self.edited is not None:
            length, limit = len(self.edited[1]), self.limit()
            over = (
                f" It is {length:,} characters; this channel allows {limit:,}: Shorten to fit "
                "tightens your own text."
                if self.spec().hard_body_limit and length > limit
                else ""
            )
            self.notify(
                f"Your edited text is kept.{over} Reset to template writes it afresh for this "
                "channel.",
                title="Channel changed",
            )
        self._load_editor()

    @on(TextEdited)
    def _text_edited(self, event: TextEdited) -> None:
        # On a channel without a subject the (hidden) subject field is empty: the subject the
        # user edited for another channel is kept for when they switch back.
        has_subject = self.spec().has_subject
        kept = event.subject
        if not has_subject and self.edited is not None:
            kept = self.edited[0]
        self.edited = (kept, event.body)
        self._changed()
        self._update_coach(event.subject if has_subject else None, event.body)

    @on(ShortenRequested)
    def _shorten(self) -> None:
        """Shorten the note: the user's own text when they edited it (asking before it is ever
        replaced), else the note written from the answers, tightened until it fits."""
        if self.edited is not None:
            self._shorten_own_text(*self.edited)
            return
        short = self._short_note()
        if short is None:
            return
        self.edited = ("", short.body)
        self._changed()
        self._load_editor()
        verdict = "now fits" if len(short.body) <= self.limit() else "is as short as it gets"
        self.notify(f"The note {verdict}; the hook is kept.", title="Shortened")

    def _short_note(self) -> Rendered | None:
        try:
            return short_note(self.answers, self.renderer)
        except RenderError as exc:
            self.notify(str(exc), title="Cannot shorten", severity="error", markup=False)
            return None

    def _shorten_own_text(self, subject: str, body: str) -> None:
        from outreach_tui.core.message.wording import tighten

        limit = self.limit()
        tightened = tighten(body, limit)
        if len(tightened.text) <= limit:
            self._use_own_text(subject, tightened.text)
            done = "; ".join(tightened.changes) or "nothing needed changing"
            self.notify(
                f"Your own text now fits ({count_text(len(tightened.text), limit)}): {done}.",
                title="Shortened",
                markup=False,
            )
            return
        short = self._short_note()
        if short is None:
            return
        from outreach_tui.ui.screens.modals import ChoiceModal

        question = ChoiceModal(
            "Your note is still too long",
            f"Tightened, your own note is {len(tightened.text):,} characters; the limit is "
            f"{limit:,}. Nothing you wrote was cut.\n"
            f"Use the note written from your answers instead ({len(short.body):,} characters, "
            "it replaces your text), or keep your text, tightened, and cut it yourself?",
            [
                ("answers", "Use the short note", "primary"),
                ("mine", "Keep mine, tightened", "default"),
                ("cancel", "Cancel", "default"),
            ],
        )

        def chosen(choice: str | None) -> None:
            if choice == "answers":
                self._use_own_text("", short.body)
                self.notify(
                    "Your edited text was replaced by the short note from your answers.",
                    title="Shortened",
                )
            elif choice == "mine":
                self._use_own_text(subject, tightened.text)
                self.notify(
                    f"Your text is kept, tightened to {len(tightened.text):,} characters: "
                    f"{len(tightened.text) - limit:,} still to cut.",
                    title="Kept",
                    markup=False,
                )
            else:
                self.notify("Your text is unchanged.", title="Not shortened")

        self.app.push_screen(question, callback=chosen)

    def _use_own_text(self, subject: str, body: str) -> None:
        self.edited = (subject, body)
        self._changed()
        self._load_editor()

    @on(ResetRequested)
    def _reset(self) -> None:
        self.edited = None
        self._changed()
        self._load_editor()
        self.notify("The message follows your answers again.", title="Reset")

    # -- your editor and the clipboard ------------------------------------------------------

    def _editor_text(self) -> tuple[str, str]:
        from outreach_tui.ui.widgets.editor import MessageEditor

        return self.query_one(MessageEditor).text()

    def action_copy_message(self) -> None:
        """Copy the message (OSC 52, so it works over SSH too); the subject is in the palette."""
        subject, body = self._editor_text()
        self.app.copy_to_clipboard(body)
        extra = f"\nSubject: {subject}" if self.spec().has_subject and subject else ""
        self.notify(
            f"The message ({len(body):,} characters) is on the clipboard.{extra}",
            title="Copied",
            markup=False,
        )

    def action_copy_subject(self) -> None:
        subject, _body = self._editor_text()
        self.app.copy_to_clipboard(subject)
        self.notify("The subject line is on the clipboard.", title="Copied")

    def action_external_editor(self) -> None:
        """Edit the message in $VISUAL or $EDITOR; the app steps aside while it runs."""
        command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not command:
            self.notify(
                "Set $VISUAL or $EDITOR to use your own editor, e.g. export EDITOR=nano.",
                title="No editor set",
                severity="warning",
            )
            return
        from outreach_tui.ui.external import EditorError, edit_in

        subject, body = self._editor_text()
        try:
            edited = edit_in(command, body, self.app, self.store.root)
        except EditorError as exc:
            self.notify(str(exc), title="Editor", severity="error", markup=False)
            return
        if edited == body:
            return
        self.edited = (subject, edited)
        self._changed()
        self._load_editor()
        self.notify("Your editor's text is in the message now.", title="Edited")
