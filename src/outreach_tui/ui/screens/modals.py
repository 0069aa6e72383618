"""Small dialogs that return the user's choice (a typed ModalScreen)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


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
