"""Keys that arrive together (pasted, or typed ahead of a slow machine) each go where they would
one at a time: a Tab or an Enter between two words moves on to the next field before the second
word."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from ptyterm import Terminal, clean_env, wait_until


def test_a_tab_in_a_burst_of_keys_moves_to_the_next_field_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    args = [sys.executable, "-m", "outreach_tui", "--data-dir", str(data)]
    term = Terminal(args, clean_env())
    try:
        term.wait_for_output(b"Quit")
        term.type("\r")  # Start a new draft: "Your name" has the focus
        term.wait_for_output(b"Step 1 of 7")
        term.type("J")  # once it is in the field (autosaved), the field has the focus
        wait_until(lambda: _autosaved(data).get("name") == "J")
        os.write(term.master, b"ordan Lee\tDayton")  # one write: the keys arrive together
        wait_until(lambda: _autosaved(data).get("location") == "Dayton")
        assert _autosaved(data).get("name") == "Jordan Lee"
        out = bytes(term.output)
    finally:
        term.kill()
    assert b"LeeDayton" not in out, "the text after the Tab went into the same field"


def _autosaved(data: Path) -> dict[str, Any]:
    try:
        state = json.loads((data / "autosave.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    answers = state.get("answers", {}) if isinstance(state, dict) else {}
    sender = answers.get("sender", {}) if isinstance(answers, dict) else {}
    return sender if isinstance(sender, dict) else {}


def test_an_enter_in_a_burst_of_keys_moves_to_the_next_field_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    args = [sys.executable, "-m", "outreach_tui", "--data-dir", str(data)]
    term = Terminal(args, clean_env())
    try:
        term.wait_for_output(b"Quit")
        term.type("\r")  # Start a new draft: "Your name" has the focus
        term.wait_for_output(b"Step 1 of 7")
        term.type("J")  # once it is in the field (autosaved), the field has the focus
        wait_until(lambda: _autosaved(data).get("name") == "J")
        os.write(term.master, b"ordan Lee\rDayton, Ohio")  # one write: the keys arrive together
        wait_until(lambda: _autosaved(data).get("location") == "Dayton, Ohio")
        assert _autosaved(data).get("name") == "Jordan Lee"
    finally:
        term.kill()
