"""The app's own theme: high contrast, for low vision and washed-out screens."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="outreach-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    warning="#FFA500",
    error="#FF5555",
    success="#00FF00",
    dark=True,
    variables={
        "text-muted": "#E0E0E0",
        "border": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "input-selection-background": "#FFFF00 40%",
    },
)
