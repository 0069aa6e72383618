"""The saved drafts: pick one to continue it in the wizard."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from outreach_tui.core.paths import short_path
from outreach_tui.core.store import DraftEntry, DraftError, DraftStore


def entry_line(entry: DraftEntry) -> Text:
    """One row: contact, organisation, channel, last change; or the damage, for a bad file."""
    if entry.draft is None:
        line = Text("⚠ ", style="bold red")
        line.append(entry.path.name, style="bold")
        line.append(f"  damaged, left as it is: {entry.error}")
        return line
    answers = entry.draft.answers
    line = Text(answers.contact.name or "(no name yet)", style="bold")
    if answers.contact.organization:
        line.append(f" · {answers.contact.organization}")
    line.append(f"  [{entry.draft.channel}]", style="dim")
    line.append(f"  {entry.draft.updated.replace('T', ' ')[:16]}", style="dim")
    return line


class DraftsScreen(Screen[str | None]):
    """Lists every draft in the data folder; dismisses with the chosen draft's id."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("ctrl+d", "close", "Back", show=False),
    ]

    def __init__(self, store: DraftStore) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Static(Text("outreach-tui · Saved drafts", style="bold"), id="drafts-title")
        yield Static(Text(f"In {short_path(self.store.drafts_dir)}"), id="drafts-folder")
        yield OptionList(id="drafts-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        try:
            entries = self.store.entries()
        except DraftError as exc:
            listing.add_option(Option(Text(str(exc)), disabled=True))
            return
        if not entries:
            listing.add_option(
                Option(Text("No saved drafts yet. Press Escape to write one."), disabled=True)
            )
        for entry in entries:
            listing.add_option(Option(entry_line(entry), id=entry.id, disabled=entry.damaged))
        usable = [i for i, entry in enumerate(entries) if not entry.damaged]
        if usable:
            listing.highlighted = usable[0]
        listing.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
