"""Giving a screen the row-by-row compositor (`rows.RowCompositor`), where this Textual allows.

Safe to import on any Textual: the private compositor module is imported only once the gate
(the tested version range, and the private names it needs) says yes.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from outreach_tui.ui.textual_ext import has_private

USABLE = has_private("textual._compositor", "ChopsUpdate", "Compositor")
"""True: screens given to `install` draw partial updates row by row."""


def install(screen: Screen[Any]) -> bool:
    """Give a screen, before it is mounted, the row-by-row compositor. False: Textual's kept
    (another Textual, or a screen whose compositor is not Textual's plain one)."""
    if not USABLE:
        return False
    from textual._compositor import Compositor

    from outreach_tui.ui.textual_ext.rows import NEEDED, RowCompositor

    current = getattr(screen, "_compositor", None)
    if type(current) is not Compositor or not all(hasattr(current, name) for name in NEEDED):
        return False
    screen._compositor = RowCompositor()
    return True
