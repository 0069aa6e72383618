"""The keys a screen offers, in the order the footer shows them.

`Screen.active_bindings` gives the keys of the focused widget, the screen and the app, in an
order that changes with the widget that has the focus. The footer shows them in one order on
every step: the focused widget's own keys, then the screen's in the order it declares them,
then the app's. The place of a key in its node comes from the node's private bindings map.

Behind the package's gate: on another Textual the keys come in `active_bindings`' own order
(as Textual's footer shows them).
"""

from __future__ import annotations

from typing import NamedTuple

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from outreach_tui.ui.textual_ext import TESTED

STEADY_ORDER = TESTED
"""True: `ShownBinding.rank` gives the order above."""


class ShownBinding(NamedTuple):
    key: str
    """The key, as bound ("ctrl+d")."""
    binding: Binding
    enabled: bool
    """False: shown greyed (the action cannot run now)."""
    rank: tuple[int, int]
    """Sort on this for the footer's order (all equal on another Textual)."""


def shown_bindings(screen: Screen[object]) -> list[ShownBinding]:
    """The keys active on `screen`, in `active_bindings`' order (the focused widget's first),
    each with its place in the footer's order (see the module's doc)."""
    return [
        ShownBinding(
            key,
            active.binding,
            active.enabled,
            _rank(active.node, screen, key) if STEADY_ORDER else (0, 0),
        )
        for key, active in screen.active_bindings.items()
    ]


def _rank(node: DOMNode, screen: Screen[object], key: str) -> tuple[int, int]:
    """Where a key goes: (widget 0, screen 1, app 2; its place in that node's bindings)."""
    group = 1 if node is screen else 2 if isinstance(node, App) else 0
    bindings = getattr(node, "_bindings", None)
    keys = list(getattr(bindings, "key_to_bindings", None) or ())
    return group, keys.index(key) if key in keys else len(keys)
