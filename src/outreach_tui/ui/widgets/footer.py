"""The footer: the keys that work here, drawn as one line by one widget.

Textual's Footer is a container with a widget per key, and it removes and mounts them all
whenever the focused widget changes. In the wizard that is every step (a text area and an input
offer different keys), and mounting and styling a dozen widgets cost more than the rest of the
step change: a second full paint soon after the first. This footer keeps the same look
(key, description, the command palette's key on the right) but renders one line of text, and
redraws it only when the keys on show change. A click on a key presses it, as in Textual's.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from outreach_tui.ui.textual_ext.bindings import shown_bindings


class FooterItem(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool
    action: str = ""


KEPT_ACTIONS = frozenset({"quit", "help"})
"""Keys never left out of a narrow footer: the way out and the way to every other key."""


class QuietFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
    }
    DEFAULT_CSS = """
    QuietFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__()
        self.show_command_palette = show_command_palette
        self._items: tuple[FooterItem, ...] = ()
        self._palette: FooterItem | None = None
        self._spans: list[tuple[int, int, FooterItem]] = []
        self._hover: FooterItem | None = None
        self._collected = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        items, palette = self._collect(screen)
        self._collected = True
        if (items, palette) != (self._items, self._palette):
            self._items, self._palette = items, palette
            self.refresh()

    def _collect(self, screen: Screen[object]) -> tuple[tuple[FooterItem, ...], FooterItem | None]:
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING
        actions: set[str] = set()
        palette: FooterItem | None = None
        ranked: list[tuple[tuple[int, int], FooterItem]] = []
        for key, binding, enabled, rank in shown_bindings(screen):
            if key == palette_key and self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
                palette = FooterItem(
                    binding.key, app.get_key_display(binding), binding.description, enabled
                )
                continue
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            item = FooterItem(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                enabled,
                binding.action,
            )
            ranked.append((rank, item))
        # The same order on every step, whichever widget has the focus: the focused widget's
        # own keys, then the screen's in the order it declares them, then the app's.
        ranked.sort(key=lambda pair: pair[0])
        items = [item for _rank, item in ranked]
        return tuple(items), palette

    @property
    def keys_shown(self) -> tuple[str, ...]:
        """The keys on show, left to right (the palette's key last), for tests and tools."""
        shown = [item.display for item in self._items]
        if self._palette is not None:
            shown.append(self._palette.display)
        return tuple(shown)

    def _piece(self, item: FooterItem) -> Text:
        if item is self._hover and item.enabled:
            hover = self.get_component_rich_style("footer-key--hover")
            piece = Text.assemble((f" {item.display} ", hover), (f"{item.description} ", hover))
        else:
            piece = Text.assemble(
                (f" {item.display} ", self.get_component_rich_style("footer-key--key")),
                (
                    f"{item.description} ",
                    self.get_component_rich_style("footer-key--description"),
                ),
            )
        if not item.enabled:
            piece.stylize("dim")
        return piece

    def render(self) -> Text:
        if not self._collected and self.is_attached:
            # The first paint can come before this widget's Mount is handled: the keys are
            # known already, and shown at once.
            self._items, self._palette = self._collect(self.screen)
            self._collected = True
        width = self.size.width
        pieces = [(item, self._piece(item)) for item in self._items]
        palette = self._piece(self._palette) if self._palette is not None else None
        if palette is not None and palette.cell_len + 1 > width:
            palette = None
        # As in Textual's footer, the palette's key keeps its place on the right; the keys
        # that do not fit beside it are left out whole (F1 lists them all).
        room = width - (palette.cell_len + 1 if palette is not None else 0)
        # Quit and Help stay: the keys before them are left out first.
        kept = sum(piece.cell_len for item, piece in pieces if item.action in KEPT_ACTIONS)
        shown: list[tuple[FooterItem, Text]] = []
        used = 0
        for item, piece in pieces:
            if item.action in KEPT_ACTIONS:
                if used + piece.cell_len <= room:
                    shown.append((item, piece))
                    used += piece.cell_len
                kept -= piece.cell_len
            elif used + piece.cell_len + kept <= room:
                shown.append((item, piece))
                used += piece.cell_len
        line = Text(no_wrap=True, overflow="crop")
        spans: list[tuple[int, int, FooterItem]] = []
        for item, piece in shown:
            start = line.cell_len
            line.append_text(piece)
            spans.append((start, line.cell_len, item))
        if palette is not None and self._palette is not None:
            line.append(" " * (room - line.cell_len))
            line.append("▏", style="dim")
            start = line.cell_len
            line.append_text(palette)
            spans.append((start, line.cell_len, self._palette))
        self._spans = spans
        return line

    def _item_at(self, x: int) -> FooterItem | None:
        for start, end, item in self._spans:
            if start <= x < end:
                return item
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        event.stop()
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._item_at(event.x)
        if item is not self._hover:
            self._hover = item
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
