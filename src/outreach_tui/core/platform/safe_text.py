"""User text made safe to show on a terminal: the one place that decides how any user-supplied
string (answers, drafts, autosaves, LinkedIn exports, file names, ZIP member names) is displayed.

Why: a terminal acts on control characters. ESC starts the escape families (CSI ``ESC [``, OSC
``ESC ]``, DCS ``ESC P``, SOS ``ESC X``, PM ``ESC ^``, APC ``ESC _``), which can retitle the
window (OSC 2), write the clipboard (OSC 52), hide links (OSC 8), clear the screen (CSI 2J) or
make the terminal answer (CSI 6n); the C1 controls 0x80-0x9F are the same families in 8 bits
(0x9B is CSI, 0x9D OSC, 0x90 DCS, 0x9C ST); BEL (0x07) ends an OSC; BS, CR and the rest move
the cursor. Every such character is replaced, so no sequence can start: the rest of the
sequence is then plain, visible text. The bidi embeddings, overrides and isolates are replaced
too (they can make text display in an order other than the one it is stored in, "Trojan
Source"), and so are lone surrogates (they cannot be written as UTF-8).

Two visible forms, one per kind of output:

- **The TUI** shows each such character as ONE cell, so that an editable field keeps one cell
  per stored character and its cursor stays where it should be: a C0 control as its Unicode
  control picture (ESC as ``␛``, BEL as ``␇``, NUL as ``␀``), DEL as ``␡``, a newline in a
  one-line place as ``⏎``, and a C1 control, a bidi control or a lone surrogate as ``�``
  (U+FFFD). `for_cells` (editable fields: same length as the text), `for_line` (labels, table
  cells, titles, toasts: one line) and `for_text` (multi-line panes).
- **The CLI and plain mode** show it as ASCII, which survives any terminal encoding and can be
  copied back: ESC as the four characters ``\\x1b``, U+202E as ``<U+202E>``. `visible`
  (multi-line: newline and tab kept) and `visible_line` (one line: newline, CR and tab escaped
  too).

The stored text is never changed: answers and drafts are saved exactly as typed or loaded;
only what is *shown* goes through this module. Text with nothing to replace (the usual case)
is returned as it is after one precompiled regex search.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re

BIDI_CONTROLS: tuple[int, ...] = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""The bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): they can
make text display in an order other than the one it is stored in ("Trojan Source")."""

_CONTROLS: tuple[int, ...] = (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
"""C0 controls but tab and newline, DEL, and the C1 controls (0x9B is an 8-bit CSI)."""

_SURROGATES = range(0xD800, 0xE000)

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Any character one of the forms below replaces (newline and tab included: each form decides)."""

REPLACEMENT = "\ufffd"
"""The one-cell form of a C1 control, a bidi control and a lone surrogate."""

NEWLINE_MARK = "⏎"
"""The one-cell form of a newline in a one-line place (a label, a cell, an editable field)."""


def _tui_glyph(code: int) -> str:
    if code == 0x0A:
        return NEWLINE_MARK
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␀ ... ␟ (␛ for ESC)
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


_CELLS: dict[int, str] = {
    code: _tui_glyph(code)
    for code in (*range(0x00, 0x20), *range(0x7F, 0xA0), *BIDI_CONTROLS, *_SURROGATES)
}
_CELLS_KEEP_TAB: dict[int, str] = {k: v for k, v in _CELLS.items() if k != 0x09}
_CELLS_MULTILINE: dict[int, str] = {k: v for k, v in _CELLS.items() if k != 0x0A}
_LINE: dict[int, str] = _CELLS | {0x09: " "}

_VISIBLE: dict[int, str] = {c: f"\\x{c:02x}" for c in _CONTROLS} | {
    c: f"<U+{c:04X}>" for c in (*BIDI_CONTROLS, *_SURROGATES)
}
_VISIBLE_LINE: dict[int, str] = _VISIBLE | {c: f"\\x{c:02x}" for c in (0x09, 0x0A)}


def has_unsafe(text: str) -> bool:
    """True when `text` holds a character that some form here replaces: a C0 control (newline and
    tab included), DEL, a C1 control, a bidi control or a lone surrogate. One regex search."""
    return _UNSAFE.search(text) is not None


def for_cells(text: str, *, keep_tab: bool = False) -> str:
    """The TUI form of an editable field's text: ``len(result) == len(text)``, each character
    that a terminal would act on replaced by one one-cell character (``␛`` for ESC, ``⏎`` for a
    newline, ``�`` for a C1 or bidi control). `keep_tab` leaves tabs for the widget to expand.
    """
    if not _UNSAFE.search(text):
        return text
    return text.translate(_CELLS_KEEP_TAB if keep_tab else _CELLS)


def for_line(text: str) -> str:
    """The TUI form of user text in a one-line place (a label, a table cell, a toast's title, a
    dialog's question): `for_cells`, with a tab shown as one space."""
    if not _UNSAFE.search(text):
        return text
    return text.replace("\r\n", "\n").translate(_LINE)


def for_text(text: str, *, tab_size: int = 4) -> str:
    """The TUI form of multi-line user text (a preview, a toast's message): newlines kept (a
    Windows ``\\r\\n`` too, as ``\\n``), tabs expanded to `tab_size` columns, everything else as
    in `for_cells`."""
    if not _UNSAFE.search(text):
        return text
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    if "\t" in text:
        text = text.expandtabs(tab_size)
    return text.translate(_CELLS_MULTILINE)


def visible(text: str) -> str:
    """The CLI form of multi-line user text: every control character but newline and tab, and
    every bidi control, shown as ASCII: ESC as the four characters ``\\x1b``, U+202E as
    ``<U+202E>``, a lone surrogate (possible in text read from a JSON ``\\udXXX`` escape) as
    ``<U+D800>``, so the result can always be encoded as UTF-8.

    Everything else (accents, emoji, right-to-left scripts, combining marks) is unchanged.
    """
    if not _UNSAFE.search(text):
        return text
    return text.translate(_VISIBLE)


def visible_line(text: str) -> str:
    """The CLI form of user text on one output line (an id, a file name, a warning): `visible`
    with newline and tab escaped too (``\\x0a``, ``\\x09``), so one item is one line."""
    if not _UNSAFE.search(text):
        return text
    return text.translate(_VISIBLE_LINE)


_DROP: dict[int, str | None] = {
    code: (REPLACEMENT if code in _SURROGATES else None)
    for code in (*range(0x00, 0x20), *range(0x7F, 0xA0), *BIDI_CONTROLS, *_SURROGATES)
}


def for_terminal(text: str) -> str:
    """The last line of defence, for text already laid out in cells (the TUI's drawn lines):
    every control and bidi character removed (each takes no cell, so the layout stays as it
    was), a lone surrogate (one cell) as ``�``. Only what some place forgot to show with
    `for_cells`/`for_line`/`for_text` ever reaches it."""
    if not _UNSAFE.search(text):
        return text
    return text.translate(_DROP)
