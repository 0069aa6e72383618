"""Small dialogs that return the user's choice (a typed ModalScreen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from outreach_tui.core.drafts.tracking import (
    DECLINED,
    DRAFT,
    FOLLOWED_UP,
    INTERVIEW_HELD,
    INTRODUCED,
    NO_REPLY,
    REPLIED,
    SENT,
    STATUS_LABELS,
    THANKED,
    TrackingError,
    parse_date,
)
from outreach_tui.ui.widgets.one_line import OneLineInput
from outreach_tui.ui.widgets.safe_display import block_text, line_text


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
            yield Static(line_text(self._title, style="bold"), id="dialog-title")
            yield Static(block_text(self._text), id="dialog-text")
            with Horizontal(id="dialog-buttons"):
                for ident, label, variant in self._choices:
                    yield Button(label, id=ident, variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query_one("#dialog-buttons Button").focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_focused)

    def _show_focused(self) -> None:
        if self.focused is not None:
            self.focused.scroll_visible(animate=False, immediate=True)

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


def trash_modal(title: str) -> ChoiceModal:
    """Confirm moving a draft to the trash (undoable while the app is open)."""
    return ChoiceModal(
        "Delete this draft?",
        f"{title}\nIts files move to the trash folder in your data folder; press u on the "
        "Drafts screen to bring it back while outreach-tui is open.",
        [
            ("trash", "Move to trash", "error"),
            ("cancel", "Cancel", "default"),
        ],
    )


def export_modal(title: str, events: int) -> ChoiceModal:
    """Choose what to export: the draft's message, or every due date as a calendar."""
    dates = f"{events} open follow-up or thank-you date{'' if events == 1 else 's'}"
    return ChoiceModal(
        "Export",
        f"The message to {title} as a text file, or the due dates of all your drafts "
        f"({dates}) as a calendar file any calendar app imports.",
        [
            ("txt", "Message (.txt)", "primary"),
            ("ics", "Due dates (.ics)", "default"),
            ("cancel", "Cancel", "default"),
        ],
    )


class TextPromptModal(ModalScreen[str | None]):
    """Ask for one line of text; dismisses with it (stripped), or None on Cancel / Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        text: str,
        value: str = "",
        ok_label: str = "OK",
        *,
        placeholder: str = "",
        allow_empty: bool = False,
    ) -> None:
        """`allow_empty` dismisses with "" when nothing is typed (None means cancelled)."""
        super().__init__(classes="choice-modal")
        self._title = title
        self._text = text
        self._value = value
        self._ok_label = ok_label
        self._placeholder = placeholder
        self._allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(line_text(self._title, style="bold"), id="dialog-title")
            yield Static(block_text(self._text), id="dialog-text")
            yield OneLineInput(
                self._value,
                placeholder=self._placeholder,
                id="dialog-input",
                select_on_focus=False,
            )
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
        self.dismiss(value if value or self._allow_empty else None)

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


def permissions_modal(count: int, examples: list[str]) -> ChoiceModal:
    """Some files in the data folder can be read by other users: offer to fix them."""
    shown = "\n".join(f"  {line}" for line in examples[:5])
    more = f"\n  … and {count - 5} more" if count > 5 else ""
    return ChoiceModal(
        "Your drafts are readable by others",
        f"{count} item(s) in your data folder can be read by other users of this computer:\n"
        f"{shown}{more}\n\nFixing makes them readable by you alone (files 0600, folders 0700).",
        [("fix", "Fix now", "primary"), ("leave", "Leave as is", "default")],
    )


@dataclass(frozen=True)
class StatusChoice:
    """What MarkStatusModal returns: a tracking action (a status, or "followed-up") and a date."""

    action: str
    on: date


MARK_CHOICES: tuple[tuple[str, str], ...] = (
    (SENT, "Sent: schedules one follow-up"),
    (FOLLOWED_UP, "Followed up: the follow-up is sent"),
    (REPLIED, "Replied"),
    (NO_REPLY, "No reply: stop waiting"),
    (INTERVIEW_HELD, "Interview held: schedules a thank-you"),
    (THANKED, "Thanked"),
    (DRAFT, "Back to draft"),
)
INTRODUCTION_CHOICES: tuple[tuple[str, str], ...] = (
    (SENT, "Sent: schedules one follow-up"),
    (INTRODUCED, "Introduced: the draft to the contact names them"),
    (DECLINED, "Declined: they would rather not"),
    (DRAFT, "Back to draft"),
)
"""What an introduction request can be marked."""


class MarkStatusModal(ModalScreen[StatusChoice | None]):
    """Pick what happened and when (today by default); None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        current: str,
        today: date,
        choices: tuple[tuple[str, str], ...] = MARK_CHOICES,
    ) -> None:
        super().__init__(classes="mark-modal")
        self._title = title
        self._current = current
        self._today = today
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(line_text(f"Mark {self._title}", style="bold"), id="dialog-title")
            yield Static(
                line_text(
                    f"Now: {STATUS_LABELS.get(self._current, self._current)}. What happened?"
                ),
                id="dialog-text",
            )
            yield OptionList(
                *(Option(Text(label), id=action) for action, label in self._choices),
                id="mark-list",
                markup=False,
            )
            with Horizontal(id="mark-date-row"):
                yield Static("On", id="mark-date-label")
                yield OneLineInput(
                    self._today.isoformat(), placeholder="YYYY-MM-DD", id="mark-date"
                )
            yield Static("", id="prompt-error")
            # The screen below keeps its footer: this dialog says its own keys.
            yield Static(
                line_text("↑↓ choose · Enter marks it · Tab: the date · Esc cancels"),
                id="mark-keys",
            )

    def on_mount(self) -> None:
        listing = self.query_one("#mark-list", OptionList)
        listing.highlighted = 0
        listing.focus()

    def _choose(self, action: str) -> None:
        text = self.query_one("#mark-date", Input).value.strip()
        try:
            on = parse_date(text) if text else self._today
        except TrackingError as exc:
            self.query_one("#prompt-error", Static).update(block_text(str(exc)))
            self.query_one("#mark-date", Input).focus()
            return
        self.dismiss(StatusChoice(action, on))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._choose(event.option.id)

    @on(Input.Submitted)
    def _date_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one("#mark-list", OptionList).highlighted_option
        if option is not None and option.id:
            self._choose(option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
