"""The size classes ("-wide", "-short"...) Textual gives a screen, known before its first Resize.

Textual adds a screen's breakpoint classes when the screen gets its first Resize, after its
widgets were mounted and styled: adding them then restyled the whole screen before the first
paint. `breakpoint_classes` works them out as Textual does (its private rule: for each of width
and height, the class of the largest breakpoint the size reaches), so that a screen can be
built with them.

Behind the package's gate: on another Textual it gives none, and the screen gets its classes
from Textual on its first Resize, as any screen does.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from outreach_tui.ui.textual_ext import TESTED

EARLY = TESTED
"""True: `breakpoint_classes` gives the classes (else an empty set)."""


def breakpoint_classes(screen: Screen[Any]) -> set[str]:
    """The size classes Textual's breakpoints give `screen` at the app's current size (the
    screen's own breakpoints if it declares some, else the app's). Needs a running app."""
    if not EARLY:
        return set()
    app = screen.app
    width, height = app.size
    classes: set[str] = set()
    for dimension, own, apps in (
        (width, screen.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS),
        (height, screen.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS),
    ):
        for minimum, name in sorted((apps if own is None else own) or [], reverse=True):
            if dimension >= minimum:
                classes.add(name)
                break
    return classes
