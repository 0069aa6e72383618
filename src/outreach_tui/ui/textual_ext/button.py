"""A Button carrying a copy of Textual's Button look instead of Button's whole stylesheet.

Textual's Button brings a 7 KB stylesheet (all its variants, the flat and compact styles) that
is parsed the first time a Button is shown: before the first paint, that took longer than the
rest of the welcome step's widgets together (benchmarks/README.md). `LeanButton` behaves
exactly as a Button (keys, click, `Button.Pressed`, the pressed flash) and looks like one,
default and primary variants, from the copy of those rules below (Textual 8.2's;
`tests/ui/test_buttons.py` compares the two cell by cell in each state and theme).

Behind the package's gate: on another Textual, whose Button may look different or use other
theme variables, it is Textual's Button with its own stylesheet.
"""

from __future__ import annotations

from textual.widgets import Button

from outreach_tui.ui.textual_ext import TESTED

OWN_LOOK = TESTED
"""True: a LeanButton is styled by the copy here, not by Button's stylesheet."""

_LOOK = """
    LeanButton {
        width: auto;
        min-width: 16;
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;
        text-style: bold;
        color: $button-foreground;
        background: $surface;
        border: none;
        border-top: tall $surface-lighten-1;
        border-bottom: tall $surface-darken-1;

        &:disabled {
            text-opacity: 0.6;
            pointer: not-allowed;
        }
        &:focus {
            text-style: $button-focus-text-style;
            background-tint: $foreground 5%;
        }
        &:hover {
            border-top: tall $surface;
            background: $surface-darken-1;
        }
        &.-active {
            background: $surface;
            border-bottom: tall $surface-lighten-1;
            border-top: tall $surface-darken-1;
            tint: $background 30%;
        }
        &.-primary {
            color: $button-color-foreground;
            background: $primary;
            border-top: tall $primary-lighten-3;
            border-bottom: tall $primary-darken-3;
            &:hover {
                background: $primary-darken-2;
                border-top: tall $primary;
            }
            &.-active {
                background: $primary;
                border-bottom: tall $primary-lighten-3;
                border-top: tall $primary-darken-3;
            }
        }
        &:ansi {
            border: tall $border-blurred;
            background: ansi_default;
            &:hover {
                background: $ansi-background;
                border: tall $border;
            }
            &.-active {
                background: $ansi-background;
                border: blank $background;
                tint: transparent;
            }
            &.-primary {
                color: $primary;
                border: tall $primary;
                background: ansi_default;
                &:hover {
                    background: $ansi-background;
                }
            }
        }
    }
"""


class LeanButton(Button, inherit_css=not OWN_LOOK):
    """A Button styled by a copy of Button's default and primary looks (see the module's doc).

    Subclass it (its rules then apply to the subclass); give a subclass a size in the app's
    stylesheet as for a Button."""

    DEFAULT_CSS = _LOOK if OWN_LOOK else ""
