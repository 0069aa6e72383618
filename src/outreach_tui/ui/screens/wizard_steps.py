"""The wizard's steps: mounting them after the first paint, and moving between them."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Select, Static

from outreach_tui.core.model.answers import get_value, set_value
from outreach_tui.core.model.questions import STEP_OF, STEPS, step_index
from outreach_tui.ui.messages import JumpToQuestion, field_id
from outreach_tui.ui.screens.wizard_message import WizardMessage
from outreach_tui.ui.widgets.buttons import PlainButton
from outreach_tui.ui.widgets.safe_display import line_text

if TYPE_CHECKING:
    from outreach_tui.ui.widgets.step_form import StepForm

WELCOME = """\
Found the person who has the job you want, and wondering whether to write to them?

This wizard helps you find an honest reason to get in touch, ask for a short informational \
interview, and see the message take shape as you answer. Everything stays on this computer: \
nothing is ever sent for you."""

COUNTED_STEPS = len(STEPS)
MOUNT_DELAY = 0.1
"""Seconds after the first paint before the other steps are mounted."""


class WizardSteps(WizardMessage):
    """The steps and the way between them (see `WizardScreen`)."""

    source: str | None
    back_to_review: bool
    _mounting: asyncio.Lock | None

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

    def _show_indicator(self) -> None:
        """ "outreach-tui · Step 7 of 7 · Preview & save", without the app's name when narrow."""
        step = self.current
        where = "Welcome" if step is None else f"Step {self.step} of {COUNTED_STEPS} · {step.title}"
        text = f"outreach-tui · {where}"
        if len(text) > self.app.size.width - 2:
            text = where
        indicator = self.query_one("#step-indicator", Static)
        indicator.update(Text(text, style="bold"))

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
            from outreach_tui.ui.widgets.coach_panel import CoachPanel

            self.query_one(CoachPanel).count_own_results(self.store)
        self.refresh_preview()
        if changed_step or not self._preview_part_found:
            self._show_step_part()
        self._focus_step(focus_key)
        self.refresh_bindings()

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

    def set_answer(self, key: str, value: object) -> None:
        """An answer changed in a form: keep it, and redraw the preview (same frame).

        The one way answers change: every StepForm is given this as its `on_change`.
        """
        if get_value(self.answers, key) == value:
            return
        set_value(self.answers, key, value)
        self._changed()
        self.refresh_preview()
        if not self._preview_part_found:  # e.g. the step's first answer: its sentence appears
            self._show_step_part()
