"""F1 / ?: every key of the app on one screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("F1 or ?", "this help (? when not typing in a field)"),
            ("ctrl+p", "command palette: every action, searchable"),
            ("tab / shift+tab", "next / previous field or button"),
            ("ctrl+q", "quit (asks first if there are unsaved changes)"),
        ),
    ),
    (
        "Wizard",
        (
            ("ctrl+n", "next step (checks the current step first)"),
            ("escape", "previous step"),
            ("enter", "in a one-line field: check it and go to the next field"),
            ("ctrl+s", "save the draft"),
            ("ctrl+d", "your saved drafts"),
        ),
    ),
    (
        "Research step, with a LinkedIn import",
        (
            ("ctrl+o", "add the highlighted suggestion as a shared connection"),
            ("ctrl+l", "import your LinkedIn data export"),
            ("ctrl+r", "remove the import"),
        ),
    ),
    (
        "Review step",
        (
            ("enter", "edit the highlighted answer"),
            ("ctrl+b", "after that: straight back to Review (until Next or Back)"),
        ),
    ),
    (
        "Preview & save step",
        (
            ("ctrl+t", "edit the message in $VISUAL / $EDITOR"),
            ("ctrl+g", "copy the message to the clipboard (works over SSH)"),
            ("Shorten to fit", "button: tighten a too-long invitation note"),
            ("Reset to template", "button: drop your edits, follow the answers again"),
        ),
    ),
    (
        "Drafts",
        (
            ("/", "filter"),
            ("enter", "open the draft in the wizard"),
            ("s", "sort by last change or by due date"),
            ("m", "mark: sent, replied, no reply, interview held, thanked"),
            ("f", "write the follow-up or thank-you that is due"),
            ("d / r", "duplicate for someone else at the same organisation / rename"),
            ("del or x / u", "delete (to the trash) / undo"),
            ("e", "export the message (.txt) and due dates (.ics)"),
            ("g", "your results: replies by hook, channel, coach score, follow-up"),
            ("escape", "back to the wizard"),
        ),
    ),
    (
        "Your results (g on Drafts)",
        (
            ("r", "count again"),
            ("escape or q", "back"),
        ),
    ),
)


def help_text() -> Text:
    text = Text()
    for index, (section, keys) in enumerate(KEYS):
        if index:
            text.append("\n")
        text.append(f"{section}\n", style="bold underline")
        for key, what in keys:
            text.append(f"  {key:<18}", style="bold")
            text.append(f"{what}\n")
    return text


class HelpScreen(ModalScreen[None]):
    """The keys, grouped by where they work. Escape, F1 or q closes it."""

    BINDINGS = [
        Binding("escape,f1,q,question_mark", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("outreach-tui · Keys", style="bold"), id="help-title")
            yield Static(help_text(), id="help-keys")
            yield Static(
                Text("Escape closes this. Your drafts stay on this computer.", style="dim"),
                id="help-footer",
            )

    def action_close(self) -> None:
        self.dismiss(None)
