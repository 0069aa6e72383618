"""The wizard: a welcome step, five question steps, Review, and Preview & save.

Every step stays mounted in a ContentSwitcher, so Back and Next never lose what was typed and
cost no re-compose. The screen keeps the answers and the draft; rendering, checking and saving
are calls into core/.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from outreach_tui.core.drafts.autosave import Autosave, WorkState
from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.channels import DEFAULT_CHANNEL, RenderError
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.questions import STEP_OF, channel_questions, step_index
from outreach_tui.ui.screens.wizard_introduction import WizardIntroduction
from outreach_tui.ui.screens.wizard_saving import OpenDrafts
from outreach_tui.ui.textual_ext.breakpoints import breakpoint_classes
from outreach_tui.ui.textual_ext.compositor import install as install_compositor
from outreach_tui.ui.widgets.footer import QuietFooter

if TYPE_CHECKING:
    from outreach_tui.core.drafts.library import Library

__all__ = ["OpenDrafts", "WizardScreen"]


class WizardScreen(WizardIntroduction):
    """The whole wizard on one screen: steps on the left, the live preview beside them.

    Its jobs live in the classes it builds on, one module each: the state and the preview
    (wizard_preview), saving and autosave (wizard_saving), the message's own actions
    (wizard_message), the steps and the way between them (wizard_steps), and the
    introduction request (wizard_introduction).
    """

    BINDINGS = [
        Binding("ctrl+n", "next", "Next", priority=True),
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+d", "drafts", "Drafts", priority=True),
        Binding("ctrl+t", "external_editor", "Editor", priority=True),
        Binding("ctrl+g", "copy_message", "Copy", priority=True),
        Binding("ctrl+b", "to_review", "Back to Review", priority=True),
        # Textual's own Tab moves the focus only once the key has gone through the field and
        # back up to the app; keys that came in with it (pasted, or typed ahead while the
        # preview redraws) were by then sent to the field being left. As priority bindings
        # the focus moves before the next key is handed out.
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
        # The same for Enter in a one-line answer ("Head of Digital Collections<Enter>Rijks…").
        Binding("enter", "submit_field", "Next field", show=False, priority=True),
    ]

    def __init__(
        self,
        store: DraftStore,
        renderer: Renderer,
        answers: Answers | None = None,
        draft: Draft | None = None,
        source: str | None = None,
        channel: str | None = None,
        *,
        autosave: Autosave | None = None,
        resume: WorkState | None = None,
        library: Callable[[], Library] | None = None,
    ) -> None:
        """`channel` starts from a saved draft's answers on another channel (e.g. follow-up).

        That makes a new draft, freshly rendered: saving it never overwrites the first message.
        `autosave` keeps the work in progress safe; `resume` puts back work found there.
        `library` gives the app's drafts library, which saves go through (see drafts_library).
        """
        super().__init__()
        install_compositor(self)  # typing repaints only the rows that change (see its module)
        with contextlib.suppress(RuntimeError):  # no running app: a test that only builds it
            # The size classes ("-wide", "-short"...) Textual gives a screen on its first
            # Resize, set from the start: adding them then restyled the whole screen.
            self.add_class(*breakpoint_classes(self), update=False)
        self.store = store
        self.renderer = renderer
        self.autosave = autosave
        self.library_source = library
        self._own_library = None
        self._resumed = False
        self._steps_mounted = False
        self._mounting = None
        self._autosave_timer = None
        self._autosave_due = 0.0
        self._autosave_failed = False
        self._resume_step = 0
        self.draft = draft
        self.answers = (draft.answers if draft else answers or Answers()).copy()
        self.channel = draft.channel if draft else DEFAULT_CHANNEL
        self.source = source
        self.edited: tuple[str, str] | None = None
        self.dirty = False
        self.step = 0  # 0 is the welcome step
        self.back_to_review = False
        self._preview_part_found = False
        """Whether the preview was scrolled to the part of the message this step changes."""
        """After Enter on a Review row: a key and a button lead straight back, until Next/Back."""
        self.based_on: Draft | None = None
        if draft is not None and channel is not None and channel != draft.channel:
            self.based_on, self.draft = draft, None
            self.channel = channel
            self.dirty = True
        elif draft is not None:
            fresh = self._render_message()
            if fresh is None or (fresh.subject or "", fresh.body) != (
                draft.subject or "",
                draft.message,
            ):
                self.edited = (draft.subject or "", draft.message)
        if resume is not None:
            self.answers = resume.answers.copy()
            self.channel = resume.channel
            self.edited = resume.edited
            self._resume_step = resume.step
            self.dirty = True
        self._lost_channel = ""
        self._background_lock = threading.Lock()
        self._background_renderer: Renderer | None = None
        try:
            self.renderer.channel(self.channel)
        except RenderError:  # a channel whose template was removed since: the default one
            self._lost_channel, self.channel = self.channel, DEFAULT_CHANNEL

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="wizard-body"), Vertical(id="main"):
            yield Static("", id="step-indicator")
            yield Static("", id="step-hint")
            with ContentSwitcher(initial="step-welcome", id="steps"):
                yield self._welcome()
            # The Back/Next row and the preview pane are mounted with the steps (ensure_steps):
            # the welcome step shows neither, and every widget less is a faster first paint.
        yield QuietFooter()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed:
            # Handled before Textual's own handler: its widgets were styled a moment ago, as
            # they were mounted, and restyling them all again delayed the first paint.
            event.refresh_styles = False
            self._resumed = True

    def on_resize(self) -> None:
        """After a resize, bring the field being typed in back into view."""
        self._show_indicator()
        self.call_after_refresh(_show_focused, self)

    async def on_mount(self) -> None:
        if self._lost_channel:
            # notify() shows it in its visible form (one cell per control character)
            self.notify(
                f"The channel “{self._lost_channel}” no longer exists (its template"
                " was removed): showing the LinkedIn message instead. Your text is kept.",
                title="Channel not found",
                severity="warning",
                timeout=12,
                markup=False,
            )
        if self._resume_step:
            start = self._resume_step
        elif self.based_on is not None and channel_questions(self.channel):
            # a thank-you: first what was learned, then its text
            await self.ensure_steps()
            key = channel_questions(self.channel)[0].key
            self.go_to(step_index(STEP_OF[key].key) + 1, focus_key=key)
            return
        elif self.based_on is not None:  # a follow-up: straight to its text
            start = step_index("preview") + 1
        elif self.draft is not None:
            start = step_index("review") + 1
        else:
            self.go_to(0)
            self.call_after_refresh(self._mount_soon)
            return
        await self.ensure_steps()
        self.go_to(start)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Editor and Copy belong to the Preview step, Back to the steps after the welcome:
        hidden from the footer elsewhere. Save waits for the first step, unless the wizard
        opened with answers (loaded from a file, or put back after a crash)."""
        if action in ("external_editor", "copy_message"):
            return self.current is not None and self.current.key == "preview"
        if action == "to_review":
            return self.back_to_review
        if action == "back":  # nothing before the welcome step
            return self.step > 0
        if action == "save":  # on the welcome step, a new draft has nothing in it yet
            return self.step > 0 or self.source is not None or self.dirty
        return True


def _show_focused(screen: Screen[object]) -> None:
    if screen.focused is not None:
        screen.focused.scroll_visible(animate=False, immediate=True)
