"""F1 / ?: every key of the app on one screen, as the screens bind them (ui/keys.py)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from outreach_tui.ui.keys import Owners, default_owners, help_sections, live_owners


def help_text(owners: Owners | None = None) -> Text:
    """Every key, by section, as bound in `owners` (default: the classes as shipped)."""
    text = Text()
    for index, (section, keys) in enumerate(help_sections(owners or default_owners())):
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
            yield Static(help_text(live_owners(self.app)), id="help-keys")
            yield Static(
                Text("Escape closes this. Your drafts stay on this computer.", style="dim"),
                id="help-footer",
            )

    def action_close(self) -> None:
        self.dismiss(None)
