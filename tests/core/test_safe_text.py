"""core/platform/safe_text.py: the one place that decides how user text is shown on a terminal.

Every form must leave no character a terminal acts on (C0 controls, DEL, C1 controls: so no
escape sequence of any family can start, 7-bit or 8-bit), no bidi override and no lone
surrogate; the TUI's editable form keeps one character per stored character."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_tui.core.platform.safe_text import (
    BIDI_CONTROLS,
    for_cells,
    for_line,
    for_terminal,
    for_text,
    has_unsafe,
    visible,
    visible_line,
)

ESCAPE_FAMILIES = {
    "OSC 2 title": "\x1b]2;pwned\x07",
    "OSC 52 clipboard": "\x1b]52;c;ZXZpbA==\x1b\\",
    "OSC 8 link": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "CSI clear screen": "\x1b[2J\x1b[H",
    "CSI device report": "\x1b[6n",
    "DCS": "\x1bP+q544e\x1b\\",
    "APC": "\x1b_Gf=100;AAAA\x1b\\",
    "PM": "\x1b^privacy\x1b\\",
    "SOS": "\x1bXstart\x1b\\",
    "8-bit CSI": "\x9b2J",
    "8-bit OSC": "\x9d2;pwned\x9c",
    "8-bit DCS": "\x90q\x9c",
    "lone ESC": "\x1b",
    "BEL": "\x07",
    "backspace and CR": "safe\x08\x08\x08\x08\rEVIL",
    "DEL": "\x7f",
    "bidi override": "\u202egpj.exe",
    "bidi isolate": "\u2066x\u2069",
}

LIVE = {*range(0x00, 0x20), *range(0x7F, 0xA0), *BIDI_CONTROLS, *range(0xD800, 0xE000)}

FORMS: dict[str, tuple[Callable[[str], str], str]] = {
    # form: (function, the characters it keeps as they are)
    "for_cells": (for_cells, ""),
    "for_cells keep_tab": (lambda t: for_cells(t, keep_tab=True), "\t"),
    "for_line": (for_line, ""),
    "for_text": (for_text, "\n"),
    "for_terminal": (for_terminal, ""),
    "visible": (visible, "\n\t"),
    "visible_line": (visible_line, ""),
}

hostile = st.one_of(
    st.sampled_from(list(ESCAPE_FAMILIES.values())),
    st.text(st.characters(codec=None)),
    st.lists(
        st.one_of(
            st.sampled_from(list(ESCAPE_FAMILIES.values())),
            st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x250), max_size=8),
        ),
        max_size=12,
    ).map("".join),
)


@pytest.mark.parametrize("form", FORMS)
@settings(max_examples=150, deadline=None)
@given(text=hostile)
def test_no_form_lets_a_live_character_through(form: str, text: str) -> None:
    function, kept = FORMS[form]
    shown = function(text)
    for ch in shown:
        assert ch in kept or ord(ch) not in LIVE, (form, repr(ch))
    shown.encode("utf-8")  # a lone surrogate would make the terminal write fail
    assert function(shown) == shown  # nothing left to replace
    if not has_unsafe(text):
        assert shown == text  # ordinary text (accents, emoji, right-to-left) is untouched


@settings(max_examples=200, deadline=None)
@given(text=hostile)
def test_the_editable_form_keeps_one_character_per_stored_character(text: str) -> None:
    shown = for_cells(text)
    assert len(shown) == len(text)
    for stored, drawn in zip(text, shown, strict=True):
        assert drawn == stored or ord(stored) in LIVE


@pytest.mark.parametrize("name", ESCAPE_FAMILIES)
def test_every_escape_family_is_shown_as_readable_text(name: str) -> None:
    sequence = ESCAPE_FAMILIES[name]
    for form in (for_cells, for_line, for_text):
        assert not has_unsafe(form(sequence).replace("\n", ""))
    if "\x1b" in sequence:
        assert "␛" in for_line(sequence)
        assert "\\x1b" in visible_line(sequence)


def test_the_visible_forms_read_as_documented() -> None:
    text = "Lee\x1b]2;t\x07 [b]\u202e\x9bx\ty\nz"
    assert for_cells(text) == "Lee␛]2;t␇ [b]\ufffd\ufffdx␉y⏎z"
    assert for_cells(text, keep_tab=True) == "Lee␛]2;t␇ [b]\ufffd\ufffdx\ty⏎z"
    assert for_line(text) == "Lee␛]2;t␇ [b]\ufffd\ufffdx y⏎z"
    assert for_text("a\tb\r\nc\x1b") == "a   b\nc␛"
    assert visible(text) == "Lee\\x1b]2;t\\x07 [b]<U+202E>\\x9bx\ty\nz"
    assert visible_line(text) == "Lee\\x1b]2;t\\x07 [b]<U+202E>\\x9bx\\x09y\\x0az"
    assert for_terminal("a\x1b[2Jb\u202e\ud800") == "a[2Jb\ufffd"


def test_ordinary_text_is_returned_unchanged() -> None:
    text = "Zoë Ångström-Núñez 李小龍 עברית 🦉 [bold]x[/bold] e\u0301"
    for function, _ in FORMS.values():
        assert function(text) == text
