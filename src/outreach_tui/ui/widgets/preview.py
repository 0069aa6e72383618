"""The live preview pane: shows the message as rendered from the answers so far."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from outreach_tui.core.render import Channel, Rendered
from outreach_tui.core.safe_text import visible


def count_line(chars: int, limit: int) -> str:
    return f"{chars:,} / {limit:,} characters"


class Preview(VerticalScroll):
    """A read-only view of the rendered message. User text is shown as text, never markup."""

    def __init__(self) -> None:
        super().__init__(id="preview")
        self.can_focus = False
        self.border_title = "Preview"

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-subject")
        yield Static("", id="preview-body")

    def show(self, rendered: Rendered, channel: Channel, limit: int) -> None:
        """Show a rendered message (subject, if the channel has one, and body)."""
        subject = self.query_one("#preview-subject", Static)
        if rendered.subject is not None:
            line = Text("Subject: ", style="bold")
            line.append(visible(rendered.subject))
            subject.update(line)
            subject.display = True
        else:
            subject.display = False
        self.query_one("#preview-body", Static).update(Text(visible(rendered.body)))
        self.border_title = f"Preview · {channel.title}"
        self.border_subtitle = count_line(len(rendered.body), limit)

    def show_error(self, message: str) -> None:
        """Show why the message could not be rendered (e.g. a broken template)."""
        self.query_one("#preview-subject", Static).display = False
        self.query_one("#preview-body", Static).update(
            Text(f"The message could not be rendered:\n{visible(message)}", style="bold")
        )
