"""A wizard step's form, built from the question declarations in core/model/questions.py.

The form only turns keys into values: it reports every change to the `on_change` callback the
screen gives it (so the preview is redrawn in the same frame as the key) and checks a
field (with the question's own pure `check`) when the user leaves it. It computes nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.events import DescendantBlur
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from outreach_tui.core.message.channels import DEFAULT_CHANNEL
from outreach_tui.core.model.answers import Answers, get_value
from outreach_tui.core.model.questions import (
    GREETING_KEY,
    Kind,
    Question,
    Step,
    as_text,
    from_text,
)
from outreach_tui.core.platform.safe_text import for_line, for_text
from outreach_tui.ui.messages import field_id
from outreach_tui.ui.textual_ext.inputs import FixedSizeInput
from outreach_tui.ui.widgets.one_line import OneLineInput
from outreach_tui.ui.widgets.safe_display import SafeTextArea

LINKEDIN_AFTER = "research.shared_connections"
"""The question after which the Research step shows what the user's LinkedIn import knows."""
GREETING_FROM = ("contact.name", "contact.honorific", GREETING_KEY)
"""The answers the greeting is worked out from: a change to one redraws it."""
GREETING_AFTER = "contact.honorific"
"""The question after which the Contact step shows the greeting as it will read: in sight
while the name is typed, even in an 80x24 terminal, and just above "Name in the greeting"."""


class AnswerInput(OneLineInput, FixedSizeInput):
    """An Input that reports each new value at once, in the same frame as the key.

    Input.Changed reaches the form only after the key's echo is painted, so the live preview
    would always trail the field by a frame; this watcher runs while the key is handled.

    Its size is a fixed 3 rows by the column's width: a key repaints it and asks for no layout
    of the whole screen (textual_ext.inputs.FixedSizeInput).
    """

    def __init__(self, *args: Any, on_value: Callable[[AnswerInput], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._on_value = on_value

    def watch_value(self, value: str) -> None:
        if self.is_mounted:
            self._on_value(self)


class Field(Vertical):
    """One question: label, input, help line and (when needed) the reason it is not accepted."""

    def __init__(self, question: Question, value: Any) -> None:
        super().__init__(classes="field", id=f"field-{field_id(question.key)[2:]}")
        self.question = question
        self.value = value

    def compose(self) -> ComposeResult:
        q = self.question
        label = Text(q.label)
        if q.required:
            label.append(" *", style="bold")
        if q.kind is not Kind.BOOL:
            yield Label(label, classes="field-label")
        yield self._make_input()
        yield Static(Text(q.help), classes="field-help")
        if q.note is not None:
            note = q.note(as_text(q, self.value))
            self.set_class(bool(note), "-noted")
            yield Static(Text(note), classes="field-note")
        yield Static("", classes="field-error")

    def _make_input(self) -> Widget:
        q = self.question
        ident = field_id(q.key)
        text = as_text(q, self.value)
        if q.kind in (Kind.LIST, Kind.LONGTEXT):
            area = SafeTextArea(text, id=ident, soft_wrap=True, classes=f"input-{q.kind.value}")
            area.show_line_numbers = False
            return area
        if q.kind is Kind.CHOICE:
            options = [(Text(label), value) for label, value in q.choices]
            allow_blank = "" not in (v for _, v in q.choices) and not self.value
            return Select(
                options,
                id=ident,
                prompt="Choose…",
                allow_blank=allow_blank,
                value=self.value if self.value else Select.NULL,
            )
        if q.kind is Kind.BOOL:
            return Checkbox(Text(q.label), bool(self.value), id=ident)
        return AnswerInput(
            text,
            on_value=self._input_changed,
            placeholder=q.placeholder,
            id=ident,
            max_length=q.max_length,
            type="number" if q.kind is Kind.NUMBER else "text",
            select_on_focus=False,
        )

    def _input_changed(self, widget: AnswerInput) -> None:
        form = self.parent
        while form is not None and not isinstance(form, StepForm):
            form = form.parent
        if isinstance(form, StepForm):
            form.field_changed(self)

    def text(self) -> str:
        """The field's current content as text (what `Question.check` reads)."""
        widget = self.query_one(f"#{field_id(self.question.key)}")
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        if isinstance(widget, Checkbox):
            return "yes" if widget.value else "no"
        return ""

    def validate_field(self) -> bool:
        """Check the field, show the reason under it if any; True when acceptable."""
        reason = self.question.check(self.text())
        error = self.query_one(".field-error", Static)
        error.update(Text(for_text(reason or "")))
        self.set_class(reason is not None, "-invalid")
        return reason is None

    def show_note(self) -> None:
        """Redraw the question's live note (research that is personal, say) for the text."""
        if self.question.note is not None:
            note = self.question.note(self.text())
            self.query_one(".field-note", Static).update(Text(note))
            self.set_class(bool(note), "-noted")

    def clear_error(self) -> None:
        self.query_one(".field-error", Static).update("")
        self.remove_class("-invalid")


class StepForm(VerticalScroll):
    """The fields of one step, in a scrolling column."""

    def __init__(
        self,
        step: Step,
        answers: Answers,
        on_change: Callable[[str, Any], None],
        channel: str = DEFAULT_CHANNEL,
    ) -> None:
        super().__init__(id=f"step-{step.key}", classes="step-form")
        self.step = step
        self._answers = answers
        self._on_change = on_change
        self._channel = channel
        self.can_focus = False

    def compose(self) -> ComposeResult:
        keys = [question.key for question in self.step.questions]
        notice = None
        if LINKEDIN_AFTER in keys:  # imported here: the LinkedIn code is not needed sooner
            from outreach_tui.ui.widgets.linkedin_panel import LinkedInNotice

            notice = LinkedInNotice()
        if notice is not None:
            yield notice
        for question in self.step.questions:
            field = Field(question, get_value(self._answers, question.key))
            field.display = question.asked_for(self._channel)
            yield field
            if question.key == GREETING_AFTER:
                yield Vertical(
                    Static("", id="greeting-line"),
                    Static("", id="greeting-doubts"),
                    id="greeting-preview",
                )
            if question.key == LINKEDIN_AFTER:
                from outreach_tui.ui.widgets.linkedin_panel import LinkedInPanel

                yield LinkedInPanel(field_id(question.key), notice)

    def on_mount(self) -> None:
        self.show_greeting()

    def show_greeting(self) -> None:
        """Redraw the greeting as it will read, with the parse's doubts, and put the parse's
        name in the "Name in the greeting" field as its suggestion (all worked out in
        core/names; read from the fields, so it is right on the key that changed them)."""
        from outreach_tui.core.names import greeting_doubts, greeting_line, suggested_name

        if GREETING_KEY not in (q.key for q in self.step.questions):
            return
        name, honorific, own = (self.field_for(key).text() for key in GREETING_FROM)
        line = Text("Greeting: ", style="bold")
        line.append(
            for_line(greeting_line(name, honorific, own)) if name.strip() or own.strip() else ""
        )
        self.query_one("#greeting-line", Static).update(line)
        doubts = greeting_doubts(name, honorific, own)
        shown = self.query_one("#greeting-doubts", Static)
        shown.update(Text(for_text("\n".join(f"⚠ {d}" for d in doubts))))
        shown.display = bool(doubts)
        field = self.query_one(f"#{field_id(GREETING_KEY)}", Input)
        field.placeholder = for_line(suggested_name(name, honorific))

    def fields(self) -> list[Field]:
        return list(self.query(Field))

    def show_for_channel(self, channel: str) -> None:
        """Show the questions asked for `channel` and hide those asked only for others."""
        self._channel = channel
        for field in self.fields():
            shown = field.question.asked_for(channel)
            if field.display != shown:
                field.display = shown

    def field_for(self, key: str) -> Field:
        return self.query_one(f"#field-{field_id(key)[2:]}", Field)

    def validate_all(self) -> Field | None:
        """Check every field; return the first one that is not acceptable, or None."""
        first: Field | None = None
        for field in self.fields():
            if not field.validate_field() and first is None:
                first = field
        return first

    def _field_of(self, widget: Widget) -> Field | None:
        node: Any = widget
        while node is not None and not isinstance(node, Field):
            node = node.parent
        return node if isinstance(node, Field) else None

    def _changed(self, widget: Widget) -> None:
        field = self._field_of(widget)
        if field is not None:
            self.field_changed(field)

    def field_changed(self, field: Field) -> None:
        """A field's content changed: report the answer's new value."""
        question = field.question
        if question.kind is Kind.CHOICE:
            value: Any = field.text()
        else:
            value = from_text(question, field.text())
        if field.has_class("-invalid") and question.check(field.text()) is None:
            field.clear_error()
        field.show_note()
        self._on_change(question.key, value)
        if question.key in GREETING_FROM:
            self.show_greeting()

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _on_any_change(self, event: Message) -> None:
        event.stop()
        widget = getattr(event, "control", None) or getattr(event, "text_area", None)
        if isinstance(widget, AnswerInput):
            return  # already reported by the input itself, while the key was handled
        if isinstance(widget, Widget):
            self._changed(widget)

    @on(Input.Submitted)
    def _on_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(event.input)

    def submit(self, widget: Widget) -> None:
        """Enter in a one-line field: check it and, when acceptable, move to the next field."""
        field = self._field_of(widget)
        if field is not None and field.validate_field():
            self.screen.focus_next()

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        field = self._field_of(event.widget)
        if field is not None and field.question.kind not in (Kind.CHOICE, Kind.BOOL):
            field.validate_field()
