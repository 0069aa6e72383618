"""The live preview pane: shows the message as rendered from the answers so far."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.markup import escape
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import Static

from outreach_tui.core.message.channels import Channel, count_text
from outreach_tui.core.message.rendered import Rendered
from outreach_tui.core.platform.safe_text import for_line, for_text
from outreach_tui.ui.textual_ext.strips import MOVES_MARKS, at_line


class TextView(Static):
    """Static text that repaints only the lines that changed.

    The preview changes on every key the user types. Textual repaints (and sends to the
    terminal) the whole of a widget that was updated: here ~25 lines of wrapped text for one
    changed word. This view wraps the new text itself, compares it line by line with what is
    on screen, and marks only the changed lines dirty; a new layout is asked for only when the
    height changes. Its lines are those Textual would draw (`Visual.to_strips`, as `Static`).
    """

    def __init__(self, *, id: str) -> None:
        self._text: Content = Content("")
        self._strips: list[Strip] | None = None
        """The lines on screen (None: to be drawn afresh)."""
        self._drawn_for: tuple[object, ...] = ()
        """What they were drawn for: width, style and mouse selection (see `_look`)."""
        self._paragraphs: dict[tuple[int, str | Content], list[Strip]] = {}
        """Each paragraph's lines, by its place and text (a key changes one or two)."""
        self._starts: list[int] = []
        """The line each paragraph starts on, as last drawn."""
        super().__init__("", id=id, markup=False)
        self.set_reactive(Static.auto_links, False)  # a message has no links to highlight

    def render(self) -> Content:
        return self._text

    def _look(self) -> tuple[object, ...]:
        return (self.size.width, self.visual_style, self.text_selection)

    def show_text(self, text: Text | Content) -> None:
        content = Content.from_rich_text(text) if isinstance(text, Text) else text
        if content == self._text:
            return
        old = self._strips if self._drawn_for == self._look() else None
        self._text = content
        if old is None or self.size.width <= 0:
            self._strips = None
            self.refresh(layout=True)
            return
        self._strips = new = self._draw()
        if len(new) != len(old) or len(new) != self.size.height:
            self.refresh(layout=True)  # a new height (the lines are drawn already)
            return
        width = self.size.width
        changed = [
            Region(0, y, width, 1)
            for y, (before, after) in enumerate(zip(old, new, strict=True))
            if before is not after and before != after  # an unchanged paragraph: same lines
        ]
        if changed:
            self.refresh(*changed)

    def _draw(self) -> list[Strip]:
        """The text's lines, re-wrapping only the paragraphs that changed since the last time."""
        look, width, style = self._look(), self.size.width, self.visual_style
        if look != self._drawn_for:
            self._paragraphs = {}
            self._drawn_for = look
        if self.text_selection is not None or not MOVES_MARKS:
            # A selection is drawn across paragraphs (and another Textual's marks may not be
            # what at_line rewrites): all of it, afresh.
            self._starts = []
            return Visual.to_strips(self, self._text, width, None, style)
        text = self._text
        # Plain text (the message) is split as str: a Content is made only for a paragraph
        # that changed. Styled text (the subject line) keeps its styles.
        paragraphs: Sequence[str | Content] = (
            text.plain.split("\n") if not text.spans else text.split("\n", allow_blank=True)
        )
        strips: list[Strip] = []
        drawn: dict[tuple[int, str | Content], list[Strip]] = {}
        starts: list[int] = []
        for index, paragraph in enumerate(paragraphs):
            starts.append(len(strips))
            lines = self._paragraphs.get((index, paragraph))
            if lines is None:
                piece = Content(paragraph) if isinstance(paragraph, str) else paragraph
                lines = at_line(Visual.to_strips(self, piece, width, None, style), index)
            drawn[index, paragraph] = lines
            strips.extend(lines)
        self._paragraphs = drawn
        self._starts = starts
        return strips

    def paragraph_y(self, index: int) -> int:
        """The line (0-based, as wrapped on screen) where paragraph `index` starts."""
        if self._strips is None or self._drawn_for != self._look():
            self._strips = self._draw()
        if not self._starts:
            return index
        return self._starts[min(index, len(self._starts) - 1)]

    def render_line(self, y: int) -> Strip:
        if self._strips is None or self._drawn_for != self._look():
            self._strips = self._draw()
        width, style = self.size.width, self.visual_style.rich_style
        if y < len(self._strips):
            return self._strips[y].extend_cell_length(width, style)
        return Strip.blank(width, style)


class Preview(VerticalScroll):
    """A read-only view of the rendered message. User text is shown as text, never markup."""

    def __init__(self) -> None:
        self._count_only = False
        self._count = ""
        self._count_due = False
        self._subject: str | None = None
        """The subject line shown (None: none shown)."""
        super().__init__(id="preview")
        self.can_focus = False
        self.border_title = "Preview"

    def _count_later(self, text: str) -> None:
        """Show the character count (bottom border) once the text is on screen.

        The count is drawn a frame after the text: both in one paint made Textual redraw every
        line between the field typed in and the bottom border, for the sake of one number.
        """
        self._count = text
        if not self._count_due:
            self._count_due = True
            self.call_after_refresh(self._show_count)

    def _show_count(self) -> None:
        """Put the count in the bottom border, repainting only that row."""
        self._count_due = False
        if self._count == self.border_subtitle:
            return
        self._count_only = True
        try:
            self.border_subtitle = self._count  # Textual repaints the whole pane for this...
        finally:
            self._count_only = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._count_only and not (regions or layout or recompose):
            # ...but the count changed, and nothing else: the bottom border row is enough.
            # (Regions here are relative to the content area, inside border and padding.)
            width, height = self.outer_size
            offset = self.content_offset
            regions = (Region(-offset.x, height - 1 - offset.y, width, 1),)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def compose(self) -> ComposeResult:
        yield TextView(id="preview-subject")
        yield TextView(id="preview-body")

    def show(self, rendered: Rendered, channel: Channel, limit: int) -> None:
        """Show a rendered message (subject, if the channel has one, and body)."""
        subject = self.query_one("#preview-subject", TextView)
        if rendered.subject is not None:
            if rendered.subject != self._subject:  # most keys change only the body
                line = Text("Subject: ", style="bold")
                line.append(for_line(rendered.subject))
                subject.show_text(line)
            if not subject.display:
                subject.display = True
        elif subject.display:
            subject.display = False
        self._subject = rendered.subject
        self.query_one("#preview-body", TextView).show_text(Content(for_text(rendered.body)))
        title = f"Preview · {escape(for_line(channel.title))}"  # a border title is markup
        if self.border_title != title:
            self.border_title = title
        self._count_later(count_text(len(rendered.body), limit))

    def show_paragraph(self, index: int | None) -> None:
        """Scroll so the message's paragraph `index` (a line of the body) is at the top, once
        the text is laid out; None: back to the top."""
        self.call_after_refresh(self._scroll_to_paragraph, index)

    def _scroll_to_paragraph(self, index: int | None) -> None:
        if index is None or not index:
            self.scroll_home(animate=False, immediate=True)
            return
        body = self.query_one("#preview-body", TextView)
        if body.size.width <= 0:
            return
        y = body.virtual_region.y + body.paragraph_y(index)
        self.scroll_to(y=y, animate=False, immediate=True)

    def show_error(self, message: str) -> None:
        """Show why the message could not be rendered (e.g. a broken template)."""
        self._subject = None
        self.query_one("#preview-subject", Static).display = False
        self.query_one("#preview-body", TextView).show_text(
            Text(f"The message could not be rendered:\n{for_text(message)}", style="bold")
        )
