"""The live preview pane: shows the message as rendered from the answers so far."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.visual import visualize
from textual.widgets import Static

from outreach_tui.core.render import Channel, Rendered
from outreach_tui.core.safe_text import visible


def count_line(chars: int, limit: int) -> str:
    return f"{chars:,} / {limit:,} characters"


class TextView(Static):
    """Static text that asks for a new layout only when its height changes.

    The preview changes on every key the user types; re-laying out the whole screen each time
    would cost far more than drawing the one changed pane.
    """

    def __init__(self, *, id: str) -> None:
        super().__init__("", id=id, markup=False)
        self._shown: Text | Content | None = None

    def show_text(self, text: Text | Content) -> None:
        if self._shown is not None and text == self._shown:
            return
        width = self.content_region.width
        same_height = False
        if width > 0 and self._shown is not None:
            # Textual passes its styles here itself; its annotation names a narrower protocol.
            new = visualize(self, text, markup=False).get_height(self.styles, width)  # type: ignore[arg-type]
            same_height = new == self.content_region.height
        self._shown = text
        self.update(text, layout=not same_height)


class Preview(VerticalScroll):
    """A read-only view of the rendered message. User text is shown as text, never markup."""

    def __init__(self) -> None:
        super().__init__(id="preview")
        self.can_focus = False
        self.border_title = "Preview"

    def compose(self) -> ComposeResult:
        yield TextView(id="preview-subject")
        yield TextView(id="preview-body")

    def show(self, rendered: Rendered, channel: Channel, limit: int) -> None:
        """Show a rendered message (subject, if the channel has one, and body)."""
        subject = self.query_one("#preview-subject", TextView)
        if rendered.subject is not None:
            line = Text("Subject: ", style="bold")
            line.append(visible(rendered.subject))
            subject.show_text(line)
            if not subject.display:
                subject.display = True
        elif subject.display:
            subject.display = False
        self.query_one("#preview-body", TextView).show_text(Content(visible(rendered.body)))
        title = f"Preview · {channel.title}"
        if self.border_title != title:
            self.border_title = title
        self.border_subtitle = count_line(len(rendered.body), limit)

    def show_error(self, message: str) -> None:
        """Show why the message could not be rendered (e.g. a broken template)."""
        self.query_one("#preview-subject", Static).display = False
        self.query_one("#preview-body", TextView).show_text(
            Text(f"The message could not be rendered:\n{visible(message)}", style="bold")
        )
