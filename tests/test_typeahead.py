"""Keys that arrive together (pasted, or typed ahead of a slow machine) each go where they would
one at a time: a Tab between two words moves on to the next field before the second word."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from ptyterm import Terminal, clean_env


def test_a_tab_in_a_burst_of_keys_moves_to_the_next_field_first(tmp_path: Path) -> None:
    args = [sys.executable, "-m", "outreach_tui", "--data-dir", str(tmp_path / "data")]
    term = Terminal(args, clean_env())
    try:
        term.wait_for_output(b"Quit")
        term.type("\r")  # Start a new draft: "Your name" has the focus
        term.wait_for_output(b"Step 1 of 7")
        time.sleep(0.5)
        os.write(term.master, b"Jordan Lee\tDayton")  # one write: the keys arrive together
        term.wait_for_output(b"Dayton")
        time.sleep(0.5)
        out = bytes(term.output)
    finally:
        term.kill()
    assert b"LeeDayton" not in out, "the text after the Tab went into the same field"
