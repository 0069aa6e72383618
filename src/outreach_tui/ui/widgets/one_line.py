"""The app's one-line text field: pasted lines are joined, not cut at the first line break.

Textual's Input keeps only the first line of a paste, so a name copied from a web page with
its line break ("\\nRowan Tillery\\n") left the field empty. `OneLineInput` joins the lines
with a space and trims (core/pasted.one_line). Every one-line field of the app is one.
"""

from __future__ import annotations

from textual import events

from outreach_tui.core.platform.pasted import one_line
from outreach_tui.ui.widgets.safe_display import SafeInput


class OneLineInput(SafeInput):
    """An Input whose pasted text keeps all its lines, joined with a space; it draws its text's
    visible form (safe_display.SafeInput: ESC as ``␛``) and keeps `value` exact."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # not Input's own paste, which keeps the first line only
        event.stop()
        text = one_line(event.text)
        if not text:
            return
        selection = self.selection
        if self.max_length:
            start, end = sorted(selection)
            room = max(0, self.max_length - (len(self.value) - (end - start)))
            if len(text) > room:
                # Input would drop the whole paste without a word: keep what fits, and say so.
                text = text[:room]
                self.notify(
                    f"The paste was cut to fit: this field holds {self.max_length:,} characters.",
                    title="Pasted text too long",
                    severity="warning",
                )
                if not text:
                    return
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
