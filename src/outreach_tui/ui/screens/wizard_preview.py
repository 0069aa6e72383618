"""The wizard's state, and what it shows of the message: the live preview, the coach, the editor.

`WizardPreview` is the base of `WizardScreen` (ui/screens/wizard.py): it declares the state the
screen keeps (the answers, the channel, the user's own text) and renders it, in the same frame
for the built-in templates and in a thread for the user's own.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual.screen import Screen

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.channels import DEFAULT_CHANNEL, Channel, RenderError
from outreach_tui.core.message.rendered import Rendered
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.message.shorten import fitting_channels
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.questions import STEPS, Step
from outreach_tui.core.platform.safe_text import for_text

if TYPE_CHECKING:
    from outreach_tui.core.coach import CoachReport


class WizardPreview(Screen[None]):
    """The wizard's state and the panes that show the message (see `WizardScreen`)."""

    store: DraftStore
    renderer: Renderer
    answers: Answers
    channel: str
    """The channel being written for (a key of `Renderer.channels()`)."""
    edited: tuple[str, str] | None
    """The user's own subject and text, when they edited the message; None: it follows the
    answers."""
    draft: Draft | None
    """The saved draft this wizard edits (None: not saved yet)."""
    step: int
    """The step shown: 0 is the welcome step, then 1 to len(STEPS)."""
    dirty: bool
    _steps_mounted: bool
    _preview_part_found: bool
    _background_lock: threading.Lock
    _background_renderer: Renderer | None

    @property
    def current(self) -> Step | None:
        return STEPS[self.step - 1] if self.step else None

    def _render_message(self) -> Rendered | None:
        try:
            return self.renderer.render(self.answers, self.channel)
        except RenderError:
            return None

    def spec(self) -> Channel:
        """The current channel: built-in, or one the user's templates add."""
        try:
            return self.renderer.channel(self.channel)
        except RenderError:
            self.channel = DEFAULT_CHANNEL
            return self.renderer.channel(self.channel)

    def limit(self) -> int:
        return self.spec().limit_for(self.answers.premium)

    def refresh_preview(self) -> None:
        """Re-render the message from the answers into the preview pane."""
        from outreach_tui.ui.widgets.preview import Preview

        editing = self.current is not None and self.current.key == "preview"
        if self.step == 0 or editing or not self._steps_mounted:
            return
        if self._uses_your_template():
            # A template you wrote may be slow (up to the sandbox's deadline): it renders in a
            # thread, so typing never waits for it; the built-in ones render in the same frame.
            answers, channel = self.answers.copy(), self.channel
            self.run_worker(
                lambda: self._render_off_thread(answers, channel),
                thread=True,
                group="preview",
                exclusive=True,
                exit_on_error=False,
            )
            return
        try:
            rendered = self.renderer.render(self.answers, self.channel)
        except RenderError as exc:
            self.query_one(Preview).show_error(str(exc))
            return
        self.query_one(Preview).show(rendered, self.spec(), self.limit())

    def _show_step_part(self) -> None:
        """Scroll the preview to the part of the message the current step writes (see
        core.focus); the top when none is found. Not for templates of your own, which render
        in a thread (they may be slow): their preview stays where the user left it."""
        from outreach_tui.core.message.focus import changed_paragraph, without_step
        from outreach_tui.ui.widgets.preview import Preview

        step = self.current
        self._preview_part_found = False
        if step is None or not step.questions or not self._steps_mounted:
            return
        if self._uses_your_template():
            return
        try:
            body = self.renderer.render(self.answers, self.channel).body
            blank = self.renderer.render(without_step(self.answers, step.key), self.channel).body
        except RenderError:
            return
        index = changed_paragraph(for_text(body), for_text(blank))
        self._preview_part_found = index is not None
        self.query_one(Preview).show_paragraph(index)

    def _uses_your_template(self) -> bool:
        try:
            return any(f.path is not None for f in self.renderer.template_files(self.channel))
        except RenderError:
            return False

    def _render_off_thread(self, answers: Answers, channel: str) -> None:
        """In a worker thread: render with a renderer of its own (one at a time), then show
        the result on the UI thread unless a newer render was asked for meanwhile."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        with self._background_lock:
            if self._background_renderer is None:
                self._background_renderer = Renderer(self.renderer.template_dirs)
            try:
                result: Rendered | str = self._background_renderer.render(answers, channel)
            except RenderError as exc:
                result = str(exc)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_rendered, result, channel)

    def _show_rendered(self, result: Rendered | str, channel: str) -> None:
        from outreach_tui.ui.widgets.preview import Preview

        if channel != self.channel or not self.is_attached:
            return  # the channel changed meanwhile: its own render follows
        preview = self.query_one(Preview)
        if isinstance(result, str):
            preview.show_error(result)
        else:
            preview.show(result, self.spec(), self.limit())

    def final_text(self) -> tuple[str | None, str]:
        """The subject and message that would be saved now (the user's edits win)."""
        channel = self.spec()
        if self.edited is not None:
            subject, body = self.edited
        else:
            rendered = self._render_message()
            subject, body = (rendered.subject or "", rendered.body) if rendered else ("", "")
        return (subject if channel.has_subject else None), body

    def _load_editor(self) -> None:
        from outreach_tui.ui.widgets.editor import MessageEditor

        subject, body = self.final_text()
        editor = self.query_one(MessageEditor)
        editor.load(self.spec(), subject, body, self.limit(), self.edited is not None)
        editor.show_fits(fitting_channels(self.answers, self.renderer))
        rendered = self._render_message()
        editor.show_template(
            self.renderer.template_files(self.channel), rendered.warning if rendered else ""
        )
        self._update_coach(subject, body)

    def _report(self, subject: str | None = None, body: str | None = None) -> CoachReport:
        """The coach's reading of the text that would be saved (or of the text given)."""
        from outreach_tui.core.coach import coach

        if body is None:
            subject, body = self.final_text()
        return coach(self.answers, self.spec(), subject, body)

    def _update_coach(self, subject: str | None, body: str) -> None:
        from outreach_tui.ui.widgets.coach_panel import CoachPanel
        from outreach_tui.ui.widgets.editor import MessageEditor

        report = self._report(subject, body)
        self.query_one(CoachPanel).show(report, notice=self.spec().notice)
        self.query_one(MessageEditor).show_status(
            len(body), self.limit(), self.edited is not None, report.length.level
        )
