"""User text made safe to show on a terminal: no escape sequences, no control characters, no
bidi overrides reach the screen as live codes.

Answers and drafts are the user's data and are saved exactly as typed; only what is *shown* goes
through `visible()`. The CLI uses it when printing to a terminal (and always for its error
line); the TUI uses it wherever user text is displayed.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

BIDI_CONTROLS: tuple[int, ...] = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""The bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): they can
make text display in an order other than the one it is stored in ("Trojan Source")."""

_CONTROLS: tuple[int, ...] = (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
"""C0 controls but tab and newline, DEL, and the C1 controls (0x9B is an 8-bit CSI)."""

_VISIBLE: dict[int, str] = {c: f"\\x{c:02x}" for c in _CONTROLS} | {
    c: f"<U+{c:04X}>" for c in BIDI_CONTROLS
}


def visible(text: str) -> str:
    """`text` with every control character but newline and tab, and every bidi control, shown
    as visible text: ESC as the four characters ``\\x1b``, U+202E as ``<U+202E>``.

    Everything else (accents, emoji, right-to-left scripts, combining marks) is unchanged.
    A lone surrogate (possible in text read from a JSON ``\\udXXX`` escape) is shown as
    ``<U+D800>``, so the result can always be encoded as UTF-8.
    """
    shown = text.translate(_VISIBLE)
    if not shown.isascii() and _has_surrogate(shown):
        shown = "".join(f"<U+{ord(ch):04X}>" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in shown)
    return shown


def is_visible(text: str) -> bool:
    """True when `visible(text)` would change nothing."""
    return visible(text) == text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
