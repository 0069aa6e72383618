"""One source for keys: the help screen (F1), the palette's help lines and README's key table
are made from the screens' BINDINGS, so a key bound elsewhere shows up everywhere at once."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

import outreach_tui.ui.app as app_module
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.keys import default_owners, unbound
from outreach_tui.ui.screens.help import HelpScreen
from outreach_tui.ui.screens.wizard import WizardScreen

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "keys.py"
SIZE = (100, 32)


class ReboundWizard(WizardScreen):
    """The wizard with Save moved from ctrl+s to ctrl+w, and ctrl+s given to Copy."""

    BINDINGS = [
        Binding("ctrl+w", "save", "Save", priority=True),
        Binding("ctrl+s", "copy_message", "Copy", priority=True),
    ]


def keys_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120
    )


def test_the_readme_key_table_is_the_one_the_bindings_make() -> None:
    result = keys_script("--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_stale_readme_table_is_found_and_rewritten(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    readme.write_text(current.replace("| `ctrl+n` | wizard |", "| `ctrl+j` | wizard |"), "utf-8")
    stale = keys_script("--check", "--readme", str(readme))
    assert stale.returncode == 1 and "differs" in stale.stdout
    assert "ctrl+j" in readme.read_text(encoding="utf-8")  # --check changes nothing
    assert keys_script("--readme", str(readme)).returncode == 0
    assert readme.read_text(encoding="utf-8") == current


def test_a_readme_without_the_markers_is_one_line_and_exit_2(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# outreach-tui\n\nNo key table here.\n", "utf-8")
    result = keys_script("--readme", str(readme))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert readme.read_text(encoding="utf-8") == "# outreach-tui\n\nNo key table here.\n"


def test_every_key_the_help_names_is_bound() -> None:
    assert unbound(default_owners()) == []


def help_lines(app: OutreachApp) -> list[str]:
    assert isinstance(app.screen, HelpScreen)
    return str(app.screen.query_one("#help-keys", Static).render()).splitlines()


def line_for(lines: list[str], what: str) -> str:
    return next(line for line in lines if line.rstrip().endswith(what))


async def palette_help(pilot: Pilot[int], search: str) -> str:
    """The palette's entries for `search`, with their help lines, once the search has found it."""
    await pilot.press("ctrl+p")
    await pilot.press(*search)
    screen = pilot.app.screen
    assert isinstance(screen, CommandPalette)
    options = screen.query_one(OptionList)
    for _ in range(200):  # until the search's results are listed
        text = "\n".join(str(option.prompt) for option in options.options)
        if "Save draft" in text:
            return text
        await pilot.pause()
    raise AssertionError(f"the palette never listed {search!r}")


async def test_help_and_palette_follow_a_key_bound_elsewhere(
    make_app: Callable[..., OutreachApp],
    full_answers: Answers,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app_module, "WizardScreen", ReboundWizard)
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f1")
        lines = help_lines(app)
        assert line_for(lines, "save the draft").split() == ["ctrl+w", "save", "the", "draft"]
        copy = line_for(lines, "copy the message to the clipboard (works over SSH)")
        assert "ctrl+s" in copy and "ctrl+g" in copy
        await pilot.press("escape")

        listed = await palette_help(pilot, "save draft")
        assert "Save the draft now (ctrl+w)" in listed and "ctrl+s" not in listed
        await pilot.press("escape")

        await pilot.press("ctrl+w")  # the key the help names is the one that saves
        await pilot.pause()
        assert list((data_dir / "drafts").glob("*.json"))


async def test_the_help_names_the_shipped_keys(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        lines = help_lines(app)
        assert line_for(lines, "save the draft").split()[0] == "ctrl+s"
        assert line_for(lines, "this help (? when not typing in a field)").startswith("  F1 or ?")
