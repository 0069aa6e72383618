"""The wizard: a welcome step, five question steps, Review, and Preview & save.

Every step stays mounted in a ContentSwitcher, so Back and Next never lose what was typed and
cost no re-compose. The screen keeps the answers and the draft; rendering, checking and saving
are calls into core/.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.actions import SkipAction
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Select, Static

from outreach_tui.core.drafts.autosave import Autosave, WorkState
from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore, StoreError
from outreach_tui.core.message.channels import DEFAULT_CHANNEL, Channel, RenderError, count_text
from outreach_tui.core.message.renderer import Rendered, Renderer
from outreach_tui.core.message.shorten import fitting_channels, short_note
from outreach_tui.core.model.answers import Answers, get_value, set_value
from outreach_tui.core.model.questions import (
    STEP_OF,
    STEPS,
    Step,
    channel_questions,
    missing_required,
    step_index,
)
from outreach_tui.core.platform.files import WriteError
from outreach_tui.core.platform.paths import short_path
from outreach_tui.core.platform.safe_text import for_text

if TYPE_CHECKING:
    from outreach_tui.core.coach import CoachReport
    from outreach_tui.ui.widgets.step_form import StepForm
from outreach_tui.ui.messages import (
    AnswerChanged,
    ChannelChosen,
    JumpToQuestion,
    ResetRequested,
    ShortenRequested,
    TextEdited,
    field_id,
)
from outreach_tui.ui.textual_ext.compositor import install as install_compositor
from outreach_tui.ui.widgets.buttons import PlainButton
from outreach_tui.ui.widgets.footer import QuietFooter
from outreach_tui.ui.widgets.safe_display import line_text

WELCOME = """\
Found the person who has the job you want, and wondering whether to write to them?

This wizard helps you find an honest reason to get in touch, ask for a short informational \
interview, and see the message take shape as you answer. Everything stays on this computer: \
nothing is ever sent for you."""

COUNTED_STEPS = len(STEPS)
MOUNT_DELAY = 0.1
"""Seconds after the first paint before the other steps are mounted."""
AUTOSAVE_DELAY = 0.6
"""Seconds of quiet after a change before the work in progress is written to disk."""


class OpenDrafts(Message):
    """Show the saved drafts (handled by the app)."""


class WizardScreen(Screen[None]):
    """The whole wizard on one screen: steps on the left, the live preview beside them."""

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
    ) -> None:
        """`channel` starts from a saved draft's answers on another channel (e.g. follow-up).

        That makes a new draft, freshly rendered: saving it never overwrites the first message.
        `autosave` keeps the work in progress safe; `resume` puts back work found there.
        """
        super().__init__()
        install_compositor(self)  # typing repaints only the rows that change (see its module)
        with contextlib.suppress(RuntimeError):  # no running app: a test that only builds it
            # The size classes ("-wide", "-short"...) Textual gives a screen on its first
            # Resize, set from the start: adding them then restyled the whole screen.
            self.add_class(*breakpoint_classes(self.app), update=False)
        self.store = store
        self.renderer = renderer
        self.autosave = autosave
        self._resumed = False
        self._steps_mounted = False
        self._mounting: asyncio.Lock | None = None
        self._autosave_timer: Timer | None = None
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

    async def ensure_steps(self) -> None:
        """Mount the question steps, Review, the editor, the preview and the coach (once).

        Only the welcome step is composed before the first paint, so the app shows up fast;
        the rest is mounted right after and then stays mounted for the whole session.
        """
        from outreach_tui.ui.widgets.editor import MessageEditor
        from outreach_tui.ui.widgets.preview import Preview
        from outreach_tui.ui.widgets.review import ReviewStep
        from outreach_tui.ui.widgets.step_form import StepForm

        if self._steps_mounted:
            return
        if self._mounting is None:
            self._mounting = asyncio.Lock()
        async with self._mounting:
            if self._steps_mounted:
                return
            from outreach_tui.ui.widgets.coach_panel import CoachPanel

            switcher = self.query_one("#steps", ContentSwitcher)
            widgets: list[Widget] = [
                StepForm(step, self.answers, self.set_answer, self.channel)
                for step in STEPS
                if step.questions
            ]
            widgets += [ReviewStep(), MessageEditor(self.channel, self.renderer.channels())]
            for widget in widgets:  # one at a time, so paints and keys get through between
                widget.display = False
                await switcher.mount(widget)
                await asyncio.sleep(0)
                if not self.is_attached:  # the app is closing, or this wizard was replaced
                    return
            to_review = Button("Back to Review", id="to-review")
            to_review.display = False
            nav = Horizontal(
                Button("◀ Back", id="back"),
                Static("", id="nav-spacer"),
                to_review,
                Button("Next ▶", id="next", variant="primary"),
                id="nav",
            )
            coach = VerticalScroll(CoachPanel(), id="coach-scroll")
            coach.display = False
            # Shown and hidden by a class, not its display flag: a flag set here would beat
            # the stylesheet's rule that hides it on short terminals.
            side = Vertical(Preview(), coach, id="side", classes="-hidden")
            nav.display = False
            await self.query_one("#main", Vertical).mount(nav)
            await self.query_one("#wizard-body", Horizontal).mount(side)
            self._steps_mounted = True
            from outreach_tui.core.names import warm_up

            self.run_worker(warm_up, thread=True, group="names", exit_on_error=False)

    def _mount_soon(self) -> None:
        # A moment after the first paint (the footer draws its keys then), unless a key
        # asks for a step sooner.
        self.set_timer(MOUNT_DELAY, self._mount_now)

    def _mount_now(self) -> None:
        if self.is_attached:
            self.run_worker(self.ensure_steps(), group="mount", exit_on_error=False)

    def _welcome(self) -> Vertical:
        start = "Continue with these answers" if self.source else "Start a new draft"
        source = (
            [Static(line_text(f"Answers loaded from {self.source}."), id="welcome-source")]
            if self.source
            else []
        )
        return Vertical(
            Static(Text(WELCOME), id="welcome-text"),
            *source,
            Center(
                PlainButton(start, id="start", variant="primary"),
                PlainButton("Open saved drafts", id="open-drafts"),
            ),
            id="step-welcome",
        )

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

    def _show_indicator(self) -> None:
        """ "outreach-tui · Step 7 of 7 · Preview & save", without the app's name when narrow."""
        step = self.current
        where = "Welcome" if step is None else f"Step {self.step} of {COUNTED_STEPS} · {step.title}"
        text = f"outreach-tui · {where}"
        if len(text) > self.app.size.width - 2:
            text = where
        indicator = self.query_one("#step-indicator", Static)
        indicator.update(Text(text, style="bold"))

    async def on_mount(self) -> None:
        if self._lost_channel:
            from outreach_tui.core.platform.safe_text import visible

            self.notify(
                f"The channel {visible(self._lost_channel)!r} no longer exists (its template"
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

    # -- steps ------------------------------------------------------------------------------

    @property
    def current(self) -> Step | None:
        return STEPS[self.step - 1] if self.step else None

    def go_to(self, index: int, focus_key: str | None = None, *, from_review: bool = False) -> None:
        """Show step `index` (0 = welcome) and focus its first field, or `focus_key`'s.

        `from_review`: the user came from a Review row, and is offered the way back to it.
        """
        from outreach_tui.ui.widgets.review import ReviewStep

        self.back_to_review = from_review

        changed_step = self.step != index
        self.step = max(0, min(index, COUNTED_STEPS))
        if changed_step and self.dirty:
            self._schedule_autosave()
        step = self.current
        switcher = self.query_one("#steps", ContentSwitcher)
        switcher.current = f"step-{step.key}" if step else "step-welcome"
        hint = self.query_one("#step-hint", Static)
        self._show_indicator()
        hint.update("" if step is None else Text(step.hint))
        # Display flags, not classes on the screen: a screen class restyles every widget.
        editing = step is not None and step.key == "preview"
        if self._steps_mounted:  # (else this is the welcome step, which has no Back/Next)
            self._show("#nav", step is not None)
            self.query_one("#back", Button).disabled = step is None
            next_button = self.query_one("#next", Button)
            next_button.display = step is not None and step.key != "preview"
            on_review = step is not None and step.key == "review"
            next_button.label = "Preview ▶" if on_review else "Next ▶"
            self._show("#to-review", self.back_to_review)
            side = self.query_one("#side")
            side.set_class(step is None, "-hidden")
            self._show("#preview", not editing)
            self._show("#coach-scroll", editing)
            side.set_class(editing, "-editing")
        if step is not None and step.key == "review":
            self.query_one(ReviewStep).show(self.answers, self._report(), self.channel)
        if step is not None and step.key == "preview":
            self._load_editor()
        self.refresh_preview()
        if changed_step or not self._preview_part_found:
            self._show_step_part()
        self._focus_step(focus_key)
        self.refresh_bindings()

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

    async def action_submit_field(self) -> None:
        """Enter in a one-line answer: check it and move on before the next key is handed out;
        anywhere else Enter does what it always does.

        The keys before the Enter may still wait in the field's own queue (they came in the
        same read): the field handles them first, so the check sees the whole text, while the
        keys after the Enter wait with the app until the focus has moved."""
        from outreach_tui.ui.widgets.step_form import AnswerInput, StepForm

        focused = self.focused
        form = focused.parent if isinstance(focused, AnswerInput) else None
        while form is not None and not isinstance(form, StepForm):
            form = form.parent
        if not isinstance(form, StepForm) or focused is None:
            raise SkipAction()
        caught_up = asyncio.Event()
        focused.call_later(caught_up.set)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(caught_up.wait(), timeout=2)
        if focused.is_attached and self.focused is focused:
            form.submit(focused)

    def _show(self, selector: str, shown: bool) -> None:
        widget = self.query_one(selector)
        if widget.display != shown:
            widget.display = shown

    def _focus_step(self, focus_key: str | None) -> None:
        step = self.current
        if step is None:
            self.query_one("#start", Button).focus()
        elif focus_key is not None:
            self.query_one(f"#{field_id(focus_key)}").focus()
        elif step.questions:
            self.query_one(f"#{field_id(step.questions[0].key)}").focus()
        elif step.key == "review":
            self.query_one("#review-list").focus()
        else:
            self.query_one("#message").focus()

    def _current_form(self) -> StepForm | None:
        from outreach_tui.ui.widgets.step_form import StepForm

        step = self.current
        if step is None or not step.questions:
            return None
        return self.query_one(f"#step-{step.key}", StepForm)

    async def action_next(self) -> None:
        if self.step == 0:
            await self.ensure_steps()
            self.go_to(1)
            return
        form = self._current_form()
        if form is not None:
            invalid = form.validate_all()
            if invalid is not None:
                self.query_one(f"#{field_id(invalid.question.key)}").focus()
                self.notify(
                    "Please fix the highlighted answer before going on.",
                    title="Not yet",
                    severity="warning",
                )
                return
        if self.step < COUNTED_STEPS:
            self.go_to(self.step + 1)

    async def open_preview(self) -> None:
        """Go to the Preview & save step (for the palette's message commands)."""
        await self.ensure_steps()
        if self.current is None or self.current.key != "preview":
            self.go_to(step_index("preview") + 1)

    async def show_channel(self, name: str) -> None:
        """Show the message for another channel, as the channel switcher would."""
        await self.open_preview()
        self.query_one("#channel", Select).value = name

    def action_back(self) -> None:
        if self.step > 0:
            self.go_to(self.step - 1)

    @on(Button.Pressed, "#next")
    @on(Button.Pressed, "#start")
    async def _next_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_next()

    @on(Button.Pressed, "#back")
    def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()

    @on(Button.Pressed, "#open-drafts")
    def _drafts_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_drafts()

    @on(JumpToQuestion)
    def _jump(self, event: JumpToQuestion) -> None:
        on_review = self.current is not None and self.current.key == "review"
        self.go_to(
            step_index(STEP_OF[event.key].key) + 1, focus_key=event.key, from_review=on_review
        )

    def action_to_review(self) -> None:
        """Back to Review after a jump from one of its rows."""
        if self.back_to_review:
            self.go_to(step_index("review") + 1)

    @on(Button.Pressed, "#to-review")
    def _to_review_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_to_review()

    # -- answers and the message -------------------------------------------------------------

    @on(AnswerChanged)
    def _answer_changed(self, event: AnswerChanged) -> None:
        self.set_answer(event.key, event.value)

    def set_answer(self, key: str, value: object) -> None:
        """An answer changed in a form: keep it, and redraw the preview (same frame)."""
        if get_value(self.answers, key) == value:
            return
        set_value(self.answers, key, value)
        self._changed()
        self.refresh_preview()
        if not self._preview_part_found:  # e.g. the step's first answer: its sentence appears
            self._show_step_part()

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

    # -- saving -------------------------------------------------------------------------------

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

    def action_save(self) -> bool:
        """Save the draft; True when it was written. On failure, offers the ways on."""
        draft = self.build_draft()
        try:
            path = self.store.save(draft)
        except StoreError as exc:
            from outreach_tui.ui.screens.modals import save_failed_modal

            self.app.push_screen(save_failed_modal(str(exc)), callback=self._after_failed_save)
            return False
        self.draft = draft
        self.dirty = False
        self.discard_autosave()
        missing = [q.label for q in missing_required(self.answers)]
        note = f"\nStill to answer: {', '.join(missing)}." if missing else ""
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


def _show_focused(screen: Screen[object]) -> None:
    if screen.focused is not None:
        screen.focused.scroll_visible(animate=False, immediate=True)


def breakpoint_classes(app: App[object]) -> set[str]:
    """The size classes Textual's breakpoints give a screen of the app's current size."""
    width, height = app.size
    classes: set[str] = set()
    for dimension, breakpoints in (
        (width, app.HORIZONTAL_BREAKPOINTS or []),
        (height, app.VERTICAL_BREAKPOINTS or []),
    ):
        for minimum, name in sorted(breakpoints, reverse=True):
            if dimension >= minimum:
                classes.add(name)
                break
    return classes
