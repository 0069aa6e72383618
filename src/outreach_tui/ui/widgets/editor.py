"""The Preview & save step: choose a channel, edit the final text, see its length, save."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from outreach_tui.core.message.channels import (
    CHANNELS,
    INTRODUCTION_CHANNEL,
    INTRODUCTION_SPEC,
    NOTE_CHANNEL,
    Channel,
    count_text,
)
from outreach_tui.core.message.rendered import TemplateFile
from outreach_tui.core.platform.safe_text import for_line, for_text
from outreach_tui.ui.messages import (
    ChannelChosen,
    IntroducerChosen,
    IntroducerGreeting,
    ResetRequested,
    ShortenRequested,
    TextEdited,
)
from outreach_tui.ui.widgets.one_line import OneLineInput
from outreach_tui.ui.widgets.safe_display import SafeTextArea, line_text


class MessageEditor(Vertical):
    def __init__(self, channel: str, channels: dict[str, Channel] | None = None) -> None:
        super().__init__(id="step-preview")
        self._channel = channel
        self._channels = channels or CHANNELS
        self._loaded: tuple[str, str] = ("", "")
        self._warm = channel == INTRODUCTION_CHANNEL
        """Whether the introduction is offered (someone could introduce the user)."""
        self._introducers: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="channel-row"):
            yield Label("Channel", classes="inline-label")
            yield Select(
                self._channel_options(),
                value=self._channel,
                allow_blank=False,
                id="channel",
            )
        with Horizontal(id="introducer-row"):
            yield Label("Ask", classes="inline-label")
            yield Select[str]([], prompt="Who could introduce you", id="introducer")
        with Horizontal(id="introducer-greeting-row"):
            yield Label("Greet", classes="inline-label")
            yield OneLineInput(id="introducer-greeting", select_on_focus=False)
        with Horizontal(id="subject-row"):
            yield Label("Subject", classes="inline-label")
            yield OneLineInput(id="subject", select_on_focus=False)
        yield Static("", id="fit-line")
        yield Static("", id="template-line")
        yield SafeTextArea(id="message", soft_wrap=True)
        with Horizontal(id="editor-status"):
            yield Static("", id="counter")
            yield Static("", id="edit-note")
        with Horizontal(id="editor-buttons"):
            yield Button("Shorten to fit", id="shorten")
            yield Button("Reset to template", id="reset")
            yield Button("Save draft", id="save", variant="primary")

    def _channel_options(self) -> list[tuple[Text, str]]:
        channels = list(self._channels.values())
        if self._warm:
            channels.append(INTRODUCTION_SPEC)
        return [(line_text(c.title), c.name) for c in channels]

    def show_channel(self, name: str) -> None:
        """Show `name` as the chosen channel (the wizard changed it), without a ChannelChosen."""
        if name == self._channel:
            return
        self._channel = name
        channel_select = self.query_one("#channel", Select)
        with channel_select.prevent(Select.Changed):
            channel_select.value = name

    def offer_introduction(
        self,
        introducers: list[tuple[str, str]],
        chosen: str,
        greeting: tuple[str, str] = ("", ""),
    ) -> None:
        """Offer the introduction channel when someone could introduce the user, with
        `introducers` ((label, name), strongest first) to choose from and `chosen` selected;
        withdraw it when the list is empty. `greeting` is (the user's name in the greeting for
        them, the given name greeted by default)."""
        warm = bool(introducers)
        channel_select = self.query_one("#channel", Select)
        if warm != self._warm:
            self._warm = warm
            with channel_select.prevent(Select.Changed):
                channel_select.set_options(self._channel_options())
                channel_select.value = self._channel
        picker: Select[str] = self.query_one("#introducer", Select)
        if introducers != self._introducers:
            self._introducers = list(introducers)
            with picker.prevent(Select.Changed):
                picker.set_options([(line_text(label), name) for label, name in introducers])
        names = [name for _, name in introducers]
        if chosen in names and picker.value != chosen:
            with picker.prevent(Select.Changed):
                picker.value = chosen
        shown = warm and self._channel == INTRODUCTION_CHANNEL
        self.query_one("#introducer-row").display = shown
        self.query_one("#introducer-greeting-row").display = shown
        typed, default = greeting
        field = self.query_one("#introducer-greeting", Input)
        which = "their full name" if " " in default else "their given name"
        field.placeholder = f"{default} ({which})" if default else "their given name"
        if " ".join(field.value.split()) != typed:
            with field.prevent(Input.Changed):
                field.value = typed

    def load(
        self, channel: Channel, subject: str | None, body: str, limit: int, edited: bool
    ) -> None:
        """Show a text without it counting as the user's edit."""
        subject_row = self.query_one("#subject-row")
        subject_row.display = channel.has_subject
        self.query_one("#introducer-row").display = channel.name == INTRODUCTION_CHANNEL
        self.query_one("#introducer-greeting-row").display = channel.name == INTRODUCTION_CHANNEL
        # (a class, not a display flag: the stylesheet also hides the line on short terminals)
        self.set_class(channel.name == INTRODUCTION_CHANNEL, "-introduction")
        # Changed events from loading arrive later; matching the loaded text tells them apart.
        self._loaded = (subject or "", body)
        subject_input = self.query_one("#subject", Input)
        if subject_input.value != (subject or ""):
            subject_input.value = subject or ""
        area = self.query_one("#message", TextArea)
        if area.text != body:
            area.load_text(body)
        self.show_status(len(body), limit, edited)

    def show_status(self, chars: int, limit: int, edited: bool, level: str = "ok") -> None:
        """The live counter ("N / LIMIT characters", as a warning or an error) and edit state."""
        counter = self.query_one("#counter", Static)
        counter.update(count_text(chars, limit))
        counter.set_class(level == "warning", "-warning")
        counter.set_class(level == "error", "-over")
        note = "Edited by you: answers no longer change it." if edited else ""
        self.query_one("#edit-note", Static).update(note)
        self.query_one("#reset", Button).disabled = not edited
        self.query_one("#shorten", Button).display = self._channel == NOTE_CHANNEL and chars > limit

    def show_template(self, files: tuple[TemplateFile, ...], warning: str) -> None:
        """Which template file the text comes from, and what went wrong with the user's own."""
        line = Text("Template: ", style="bold")
        if all(f.builtin for f in files):
            line.append("built-in")
        else:
            parts = ("body", "subject")
            line.append(
                "; ".join(
                    f"{part} {for_line(f.describe())}"
                    for part, f in zip(parts, files, strict=False)
                )
            )
        if warning:
            line.append("\n⚠ ", style="bold red")
            line.append(for_text(warning))
        self.query_one("#template-line", Static).update(line)

    def show_fits(self, fits: dict[str, bool]) -> None:
        """Which channels the current answers fit, for choosing one."""
        line = Text("Fits: ", style="bold")
        for index, (name, ok) in enumerate(fits.items()):
            if index:
                line.append("  ")
            line.append("✓ " if ok else "✗ ", style="green" if ok else "red")
            line.append(for_line(name))
        self.query_one("#fit-line", Static).update(line)

    def text(self) -> tuple[str, str]:
        return self.query_one("#subject", Input).value, self.query_one("#message", TextArea).text

    @on(Select.Changed, "#channel")
    def _channel_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str) and event.value != self._channel:
            self._channel = event.value
            self.post_message(ChannelChosen(event.value))

    @on(Input.Changed, "#introducer-greeting")
    def _introducer_greeting_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(IntroducerGreeting(" ".join(event.value.split())))

    @on(Select.Changed, "#introducer")
    def _introducer_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str):
            self.post_message(IntroducerChosen(event.value))

    @on(TextArea.Changed, "#message")
    @on(Input.Changed, "#subject")
    def _edited(self, event: Message) -> None:
        event.stop()
        subject, body = self.text()
        if (subject, body) == self._loaded:
            return
        self.post_message(TextEdited(subject, body))

    @on(Button.Pressed, "#shorten")
    def _shorten(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(ShortenRequested())

    @on(Button.Pressed, "#reset")
    def _reset(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(ResetRequested())
