"""The wizard's saving: a draft on demand (with the ways on when that fails), and the work in
progress autosaved after a pause in typing."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button

from outreach_tui.core.drafts.autosave import Autosave, WorkState
from outreach_tui.core.drafts.draft import Draft, DraftError
from outreach_tui.core.drafts.store import DraftStore, StoreError
from outreach_tui.core.model.questions import missing_required
from outreach_tui.core.platform.files import WriteError
from outreach_tui.core.platform.paths import short_path
from outreach_tui.ui.screens.wizard_preview import WizardPreview

if TYPE_CHECKING:
    from outreach_tui.core.drafts.library import Library

AUTOSAVE_DELAY = 0.6
"""Seconds of quiet after a change before the work in progress is written to disk."""


class OpenDrafts(Message):
    """Show the saved drafts (handled by the app)."""


class WizardSaving(WizardPreview):
    """Saving and autosaving (see `WizardScreen`)."""

    autosave: Autosave | None
    library_source: Callable[[], Library] | None
    """The app's drafts library (made on first use), which every save goes through."""
    _own_library: Library | None
    _autosave_timer: Timer | None
    _autosave_due: float
    _autosave_failed: bool

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    def build_draft(self) -> Draft:
        subject, body = self.final_text()
        draft = self.draft or Draft(answers=self.answers, channel=self.channel, message=body)
        draft.answers = self.answers.copy()
        draft.channel = self.channel
        draft.subject = subject
        draft.message = body
        return draft

    def drafts_library(self) -> Library:
        """The drafts library a save goes through, so that its index (the Drafts list) has the
        draft at once: the app's while this wizard saves to the app's folder, else (after Save
        in another folder, or with no app library) one of its own for `store`."""
        if self.library_source is not None:
            library = self.library_source()
            if library.store is self.store:
                return library
        if self._own_library is None or self._own_library.store is not self.store:
            from outreach_tui.core.drafts.library import Library

            self._own_library = Library(self.store)
        return self._own_library

    def action_save(self) -> bool:
        """Save the draft; True when it was written. On failure, offers the ways on."""
        draft = self.build_draft()
        if draft.id:  # marked or renamed since it was opened (Drafts screen, a LinkedIn import)
            with contextlib.suppress(DraftError, OSError):
                saved = self.store.load(draft.id)
                draft.tracking, draft.title = saved.tracking, saved.title
        try:
            path = self.drafts_library().save(draft)
        except StoreError as exc:
            from outreach_tui.ui.screens.modals import save_failed_modal

            self.app.push_screen(save_failed_modal(str(exc)), callback=self._after_failed_save)
            return False
        self.draft = draft
        self.dirty = False
        self.discard_autosave()
        missing = [q.label for q in missing_required(self.answers)]
        listed = "; ".join(missing)
        stop = "" if listed.endswith("?") else "."  # no "learn?." after a question's label
        note = f"\nStill to answer: {listed}{stop}" if missing else ""
        self.notify(f"Saved to {short_path(path)}{note}", title="Draft saved", timeout=6)
        return True

    def _after_failed_save(self, choice: str | None) -> None:
        if choice == "retry":
            self.action_save()
        elif choice == "elsewhere":
            from outreach_tui.ui.screens.modals import TextPromptModal

            self.app.push_screen(
                TextPromptModal(
                    "Save in another folder",
                    "The data folder to use from now on (drafts go in its drafts/ folder):",
                    value=str(Path.home() / "outreach-tui-drafts"),
                    ok_label="Save here",
                ),
                callback=self._save_elsewhere,
            )

    def _save_elsewhere(self, folder: str | None) -> None:
        if folder:
            self.store = DraftStore(Path(folder).expanduser())
            self.action_save()

    # -- autosave ---------------------------------------------------------------------------

    def _changed(self) -> None:
        """Something the user typed or chose changed: unsaved now, and autosaved shortly."""
        self.dirty = True
        self._schedule_autosave()

    def _schedule_autosave(self) -> None:
        if self.autosave is None:
            return
        # Every key lands here: move the deadline, and keep the one timer already waiting (a
        # new timer per key cost more than the rest of the key's own work).
        self._autosave_due = time.monotonic() + AUTOSAVE_DELAY
        if self._autosave_timer is None:
            self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self._autosave_when_due)

    def _autosave_when_due(self) -> None:
        wait = self._autosave_due - time.monotonic()
        if wait > 0.01:  # typed since the timer was set: wait for the pause
            self._autosave_timer = self.set_timer(wait, self._autosave_when_due)
            return
        self.write_autosave()

    def work_state(self) -> WorkState:
        return WorkState(
            answers=self.answers.copy(),
            step=self.step,
            channel=self.channel,
            edited=self.edited,
            draft_id=self.draft.id if self.draft else "",
        )

    def write_autosave(self) -> None:
        """Write the work in progress now (the timer calls this after a pause in typing)."""
        self._autosave_timer = None
        if self.autosave is None or not self.dirty:
            return
        try:
            self.autosave.save(self.work_state())
        except WriteError as exc:
            if not self._autosave_failed:
                self.notify(
                    f"{exc}\nYour work is safe while the app runs; save it when you can.",
                    title="Autosave failed",
                    severity="warning",
                    timeout=8,
                )
            self._autosave_failed = True
            return
        self._autosave_failed = False

    def discard_autosave(self) -> None:
        """The work was saved or knowingly thrown away: the autosave is no longer needed."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        if self.autosave is not None:
            with contextlib.suppress(WriteError):  # an old autosave is harmless
                self.autosave.clear()

    def action_drafts(self) -> None:
        self.post_message(OpenDrafts())
