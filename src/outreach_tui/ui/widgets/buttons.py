"""A Button styled by app.tcss alone, for the welcome step (the first screen drawn).

Textual's Button brings a 7 KB stylesheet (all its variants, the flat and compact styles) that
is parsed the first time a Button is shown: before the first paint, that took longer than the
rest of the welcome step's widgets together (benchmarks/README.md). `PlainButton` behaves
exactly as a Button (keys, click, `Button.Pressed`, the pressed flash) and looks like one,
default and primary variants, from the few rules under "PlainButton" in app.tcss. The steps and
dialogs keep Textual's Button: its stylesheet is parsed after the first paint.
"""

from __future__ import annotations

from textual.widgets import Button


class PlainButton(Button, inherit_css=False):
    """A Button whose look comes from app.tcss only (default and primary variants)."""
