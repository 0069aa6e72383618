"""Importing (or removing) the user's LinkedIn export from inside the app.

`LinkedInImportScreen` asks for the path (the ZIP, the unpacked folder or Connections.csv) and
dismisses with it; the app runs the import in a worker and reports the summary.
`remove_import_modal` asks before deleting the app's copy (never the user's export).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from outreach_tui.core.platform.pasted import dropped_path
from outreach_tui.core.platform.paths import short_path
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.widgets.one_line import OneLineInput
from outreach_tui.ui.widgets.safe_display import block_text

EXPLANATION = (
    "The ZIP LinkedIn sent you (Settings & Privacy > Data privacy > Get a copy of your data), "
    "the unpacked folder, or Connections.csv alone. It is read on this computer and never "
    "leaves it; importing again replaces the earlier import."
)


def default_path(home: Path | None = None) -> str:
    """The newest LinkedIn export in ~/Downloads, else ~/Downloads/ itself, else ""."""
    downloads = (home or Path.home()) / "Downloads"
    try:
        if not downloads.is_dir():
            return ""
        exports = [p for p in downloads.glob("*LinkedIn*.zip") if p.is_file()]
    except OSError:
        return ""
    if exports:
        newest = max(exports, key=lambda p: p.stat().st_mtime)
        return str(short_path(newest))
    return str(short_path(downloads)) + "/"


class LinkedInImportScreen(ModalScreen[str | None]):
    """Ask where the export is; dismisses with the path as typed, or None (Cancel / Escape)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, value: str = "", current: str = "", problem: str = "") -> None:
        """`current` describes the import in place, if any; `problem` is why the last try
        failed (shown in the dialog, the path kept to fix it)."""
        super().__init__()
        self._value = value
        self._current = current
        self._problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text("Import your LinkedIn export", style="bold"), id="dialog-title")
            yield Static(Text(EXPLANATION), id="dialog-text")
            yield OneLineInput(self._value, placeholder="~/Downloads/…zip", id="li-path")
            problem = Static(block_text(self._problem), id="li-import-problem")
            problem.display = bool(self._problem)
            yield problem
            current = Static(block_text(self._current), id="li-import-current")
            current.display = bool(self._current)
            yield current
            with Horizontal(id="dialog-buttons"):
                yield Button("Import", id="import", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        field = self.query_one("#li-path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _submit(self) -> None:
        path = dropped_path(self.query_one("#li-path", Input).value)
        if not path:
            self.app.notify("Give the path of the ZIP, folder or Connections.csv.", title="Path")
            return
        self.dismiss(path)

    @on(Input.Submitted, "#li-path")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#import")
    def _import_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def remove_import_modal(path: Path) -> ChoiceModal:
    """Ask before deleting the app's copy of the import; "remove" or "cancel"."""
    return ChoiceModal(
        "Remove your LinkedIn import?",
        f"This deletes outreach-tui's copy, {short_path(path)}. The export you downloaded "
        "is not touched; you can import it again at any time.",
        [("cancel", "Keep it", "default"), ("remove", "Remove", "error")],
    )
