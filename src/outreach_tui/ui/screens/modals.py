"""Small dialogs that return the user's choice (a typed ModalScreen)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class ChoiceModal(ModalScreen[str]):
    """A question with a few buttons; dismisses with the id of the button chosen.

    Escape dismisses with "cancel".
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, text: str, choices: list[tuple[str, str, str]]) -> None:
        """`choices` are (id, label, variant) in the order shown; the first is focused."""
        super().__init__(classes="choice-modal")
        self._title = title
        self._text = text
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self._title, style="bold"), id="dialog-title")
            yield Static(Text(self._text), id="dialog-text")
            with Horizontal(id="dialog-buttons"):
                for ident, label, variant in self._choices:
                    yield Button(label, id=ident, variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query_one("#dialog-buttons Button").focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "cancel")

    def action_cancel(self) -> None:
        self.dismiss("cancel")


def unsaved_changes_modal(doing: str) -> ChoiceModal:
    """Ask before `doing` (e.g. "quitting") would lose unsaved work."""
    return ChoiceModal(
        "Unsaved changes",
        f"This draft has changes that are not saved yet. Save them before {doing}?",
        [
            ("save", "Save", "primary"),
            ("discard", "Don't save", "error"),
            ("cancel", "Cancel", "default"),
        ],
    )


def resume_modal(description: str) -> ChoiceModal:
    """Offer to go back to work that was autosaved but never saved (after a crash, say)."""
    return ChoiceModal(
        "Resume where you left off?",
        f"{description}. It was not saved as a draft: outreach-tui kept it for you.\n"
        "Starting fresh keeps it in autosave.previous.json in the data folder.",
        [
            ("resume", "Resume", "primary"),
            ("fresh", "Start fresh", "default"),
        ],
    )


class TextPromptModal(ModalScreen[str | None]):
    """Ask for one line of text; dismisses with it (stripped), or None on Cancel / Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, text: str, value: str = "", ok_label: str = "OK") -> None:
        super().__init__(classes="choice-modal")
        self._title = title
        self._text = text
        self._value = value
        self._ok_label = ok_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self._title, style="bold"), id="dialog-title")
            yield Static(Text(self._text), id="dialog-text")
            yield Input(self._value, id="dialog-input", select_on_focus=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(self._ok_label, id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        value = self.query_one(Input).value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def save_failed_modal(reason: str) -> ChoiceModal:
    """A save went wrong: say why, promise nothing was lost, and offer the ways on."""
    return ChoiceModal(
        "Not saved",
        f"{reason}\n\nNothing already on disk was changed, and your work is still here.",
        [
            ("retry", "Try again", "primary"),
            ("elsewhere", "Save in another folder…", "default"),
            ("cancel", "Cancel", "default"),
        ],
    )
