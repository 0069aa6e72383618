"""Withdrawing a toast before its timeout: Textual's public API can show a toast and clear
them all, not take back one.

Behind the package's gate (`App._notifications` and `App._unnotify`): on another Textual a
toast is never withdrawn, it goes away at its own timeout.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from outreach_tui.ui.textual_ext import TESTED

CAN_WITHDRAW = TESTED and callable(getattr(App, "_unnotify", None))
"""True: `withdraw` takes toasts back; False: it does nothing (the app's own toasts list is
checked again at each call)."""


def withdraw(app: App[Any], title: str) -> None:
    """Take back every toast of `app` titled `title` that is still shown."""
    if not CAN_WITHDRAW:
        return
    notifications = getattr(app, "_notifications", None)
    unnotify = getattr(app, "_unnotify", None)
    if notifications is None or unnotify is None:
        return
    for notification in list(notifications):
        if notification.title == title:
            unnotify(notification)
