"""Textual's private API is used behind one gate (ui/textual_ext): on a Textual whose private
names differ, or on a release outside the tested range, the app uses Textual's own behaviour
and still starts, and a person can still type in it.

The fallbacks run in a fresh interpreter (the gate is decided when the app is imported), with
one of Textual's private names hidden, or with Textual's install record saying another
release, and drive the app headless (App.run_test) to its first screen and into a field.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from outreach_tui.ui import textual_ext
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.textual_ext import in_tested_range, in_use, parse_version
from outreach_tui.ui.textual_ext.breakpoints import breakpoint_classes
from waiting import until

DRIVE = textwrap.dedent(
    """
    import asyncio, json, sys, types
    from pathlib import Path

    mode, data_dir, fake_site = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if mode == "hide-chops":
        # A Textual whose private compositor module has no ChopsUpdate. Textual's own modules
        # keep the names they imported; anything imported from now on sees the module without.
        import textual.screen
        import textual._compositor as real
        fake = types.ModuleType(real.__name__)
        fake.__dict__.update({k: v for k, v in vars(real).items() if k != "ChopsUpdate"})
        sys.modules[real.__name__] = fake
    elif mode == "other-version":
        # Textual's install record says 8.3.0, a release the extensions were not checked with.
        import textual
        (fake_site / "textual").mkdir(parents=True)
        (fake_site / "textual-8.3.0.dist-info").mkdir()
        textual.__file__ = str(fake_site / "textual" / "__init__.py")

    from textual.widgets import Input

    from outreach_tui.ui.app import create_app
    from outreach_tui.ui.screens.wizard import WizardScreen
    from outreach_tui.ui.textual_ext import TESTED, in_use
    from outreach_tui.ui.widgets.buttons import PlainButton
    from outreach_tui.ui.widgets.footer import QuietFooter


    async def until(pilot, condition, what):
        for _ in range(400):
            if condition():
                return
            await pilot.pause()
        raise SystemExit(f"never happened: {what}")


    async def main():
        app = create_app(data_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            def welcome_shown():
                screen = app.screen
                return (
                    isinstance(screen, WizardScreen)
                    and bool(screen.query("#welcome-text"))
                    and screen.query_one("#welcome-text").region.height > 0
                    and screen.query_one("#start").region.height > 0
                    and bool(screen.query_one(QuietFooter).keys_shown)
                )

            await until(pilot, welcome_shown, "the welcome step on screen")
            screen = app.screen
            start = screen.query_one("#start", PlainButton)
            result = {
                "tested": TESTED,
                "in_use": in_use(),
                "compositor": type(screen._compositor).__name__,
                "rows_imported": "outreach_tui.ui.textual_ext.rows" in sys.modules,
                "button_css_from_textual": "Button" in start._css_type_names,
                "keys": list(screen.query_one(QuietFooter).keys_shown),
            }
            await pilot.press("enter")  # Start a new draft: "Your name" has the focus
            await until(pilot, lambda: isinstance(app.focused, Input), "a field with the focus")
            await pilot.press(*"Jordan Lee")
            body = app.screen.query_one("#preview-body")
            await until(
                pilot, lambda: "Jordan Lee" in body.render().plain, "the name in the preview"
            )
            result["typed"] = app.focused.value
        print(json.dumps(result))


    asyncio.run(main())
    """
)


def drive(mode: str, tmp_path: Path) -> dict[str, Any]:
    """Run the app in a fresh interpreter in `mode`; what it found, as a dict."""
    done = subprocess.run(
        [sys.executable, "-c", DRIVE, mode, str(tmp_path / "data"), str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_on_this_textual_every_extension_is_on() -> None:
    """Says when an upgrade of Textual turns one of the faster paths off."""
    assert textual_ext.TESTED
    assert in_use() == dict.fromkeys(in_use(), True)


def test_the_version_is_read_as_the_package_manager_has_it() -> None:
    assert textual_ext.textual_version() == parse_version(version("textual"))


@pytest.mark.parametrize(
    ("text", "tested"),
    [
        ("8.2.7", False),
        ("8.2.8", True),
        ("8.2.12", True),
        ("8.3.0rc1", False),
        ("8.3.0", False),
        ("9.0.0", False),
        ("7.9", False),
        ("", False),
        ("dev", False),
    ],
)
def test_the_tested_range_is_8_2_8_up_to_8_3(text: str, tested: bool) -> None:
    assert in_tested_range(parse_version(text)) is tested


def test_the_app_starts_and_takes_keys_with_this_textual(tmp_path: Path) -> None:
    """The control for the two below: the same run, nothing hidden."""
    result = drive("as-is", tmp_path)
    assert result["tested"] is True
    assert result["compositor"] == "RowCompositor"
    assert result["rows_imported"] is True
    assert result["button_css_from_textual"] is False
    assert "^q" in result["keys"]
    assert result["typed"] == "Jordan Lee"


def test_without_textuals_private_chops_update_the_app_starts_with_textuals_compositor(
    tmp_path: Path,
) -> None:
    result = drive("hide-chops", tmp_path)
    assert result["compositor"] == "Compositor"
    assert result["rows_imported"] is False
    assert result["in_use"]["compositor"] is False
    assert [name for name, on in result["in_use"].items() if not on] == ["compositor"]
    assert "^q" in result["keys"]
    assert result["typed"] == "Jordan Lee"


def test_on_a_textual_outside_the_tested_range_the_app_uses_textuals_own_behaviour(
    tmp_path: Path,
) -> None:
    result = drive("other-version", tmp_path)
    assert result["tested"] is False
    assert result["in_use"] == dict.fromkeys(result["in_use"], False)
    assert result["compositor"] == "Compositor"
    assert result["rows_imported"] is False
    assert result["button_css_from_textual"] is True
    assert "^q" in result["keys"]
    assert result["typed"] == "Jordan Lee"


async def test_the_size_classes_set_early_are_those_textual_gives_on_a_resize(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    names = {name for _, name in app.HORIZONTAL_BREAKPOINTS + app.VERTICAL_BREAKPOINTS}

    def resized(screen: Screen[Any], size: tuple[int, int]) -> Callable[[], bool]:
        return lambda: app.size == size and screen.size == size

    async with app.run_test(size=(100, 30)) as pilot:
        for width, height in [(40, 12), (80, 24), (100, 30), (120, 19), (200, 60)]:
            await pilot.resize_terminal(width, height)
            screen = app.screen
            await until(pilot, resized(screen, (width, height)), f"{width}x{height} handled")
            await pilot.pause()
            given = set(screen.classes) & names
            assert given, (width, height)
            assert breakpoint_classes(screen) == given, (width, height)
