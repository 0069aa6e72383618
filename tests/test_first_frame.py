"""The first frame a real terminal gets is the whole welcome step, not a piece of it.

Textual drops the paints made while an app handles its Mount; the wizard used to be drawn in
that time, so the first frame written was a partial update (the welcome text without the title
or the footer) and the rest came a moment later. Run in a pseudo-terminal, as a person would.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ptyterm import Terminal, clean_env

WELCOME = b"nothing is ever sent for you"


def test_the_first_frame_has_the_title_the_welcome_text_and_the_footer(tmp_path: Path) -> None:
    args = [sys.executable, "-m", "outreach_tui", "--data-dir", str(tmp_path / "data")]
    term = Terminal(args, clean_env())
    try:
        term.wait_for_output(WELCOME)
        term.wait_for_output(b"Quit")
        out = bytes(term.output)
    finally:
        term.kill()
    first = out.index(WELCOME)
    # Drawn top to bottom in one frame: the title before the text, the footer after it, and
    # both before the text is drawn a second time (by any later frame).
    second = out.find(WELCOME, first + 1)
    assert out.index(b"Welcome") < first
    assert first < out.index(b"Quit") < (second if second != -1 else len(out))


async def test_the_garbage_collector_paused_for_start_up_is_back_on_after_the_first_screen(
    tmp_path: Path,
) -> None:
    """The CLI pauses Python's collector while Textual is imported and the first screen drawn;
    left off, the app's memory would only grow."""
    import gc

    from outreach_tui.ui.app import create_app

    gc.disable()
    try:
        app = create_app(tmp_path / "data")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
