"""The welcome step's buttons (the first screen drawn): a Button without Button's stylesheet.

`PlainButton` is textual_ext.button.LeanButton: a Button in every way, default and primary
variants, styled by a copy of Button's look so that the first paint does not wait for Button's
whole stylesheet to be parsed. The steps and dialogs keep Textual's Button: its stylesheet is
parsed after the first paint. Its size on the welcome step is in app.tcss.
"""

from __future__ import annotations

from outreach_tui.ui.textual_ext.button import LeanButton


class PlainButton(LeanButton):
    """The welcome step's button (default and primary variants)."""
