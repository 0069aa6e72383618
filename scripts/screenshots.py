"""Write screenshots/*.svg from the real app, driven by keys like a user would drive it.

Run from the repository root:  python scripts/screenshots.py [NAME...]
(names such as 14-results make only those shots; none makes them all).
It uses a temporary data folder and the example answers in examples/alex-morgan.toml, so no
real drafts are read or written.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
EXAMPLE = ROOT / "examples" / "alex-morgan.toml"

# (file name, terminal size, keys pressed from start-up)
SHOTS: list[tuple[str, tuple[int, int], list[str]]] = [
    ("01-welcome", (100, 32), []),
    ("02-you", (100, 32), ["enter"]),
    ("03-contact", (100, 32), ["enter", "ctrl+n"]),
    ("04-research", (100, 32), ["enter", "ctrl+n", "ctrl+n"]),
    ("05-distance", (100, 32), ["enter", *["ctrl+n"] * 3]),
    ("06-goal", (100, 32), ["enter", *["ctrl+n"] * 4]),
    ("07-review", (100, 32), ["enter", *["ctrl+n"] * 5]),
    ("08-preview", (100, 32), ["enter", *["ctrl+n"] * 6]),
    ("09-narrow-80x24", (80, 24), ["enter", "ctrl+n", "ctrl+n"]),
    ("10-drafts", (100, 32), ["ctrl+d", "down", "down", "down"]),
    ("11-linkedin", (100, 32), ["enter", "ctrl+n", "ctrl+n", "tab"]),
    ("12-preview-80x24", (80, 24), ["enter", *["ctrl+n"] * 6]),
    ("13-introduction", (100, 32), ["enter", *["ctrl+n"] * 6]),
    ("14-results", (100, 32), ["ctrl+d", "g"]),
]
LINKEDIN_EXPORT = ROOT / "tests" / "fixtures" / "linkedin"
"""Invented connections and messages, imported before the shots named here start the app."""
WITH_LINKEDIN = {"11-linkedin", "13-introduction"}
INTRODUCTION = {"13-introduction"}
"""Shots on the introduction channel, chosen as the palette's "Ask … for an introduction" does."""
SEEDED = {"10-drafts", "14-results"}
"""Shots over the sample drafts of tests/ui/drafts_samples.py (statuses, due dates, a damaged
file), seen on the samples' fixed date."""


def seed_drafts(data: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "ui"))
    from drafts_samples import make_samples

    make_samples(data)
    damaged = data / "drafts" / "notes-backup.json"
    os.utime(damaged, (1_778_745_600, 1_778_745_600))  # 2026-05-14


async def shoot(name: str, size: tuple[int, int], keys: list[str], data: Path) -> Path:
    from datetime import date

    from textual.widgets import Input, TextArea

    from outreach_tui.core.drafts.store import DraftStore
    from outreach_tui.core.message.renderer import Renderer
    from outreach_tui.core.model.answers_load import load_answers_file
    from outreach_tui.ui.app import create_app

    app = create_app(
        data,
        answers=load_answers_file(EXAMPLE),
        store=DraftStore(data),
        renderer=Renderer(),
        today=(lambda: date(2026, 5, 14)) if name in SEEDED else date.today,
    )
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # start-up work, e.g. reading the LinkedIn import
        await pilot.press(*keys)
        await app.workers.wait_for_complete()
        if name in INTRODUCTION:
            from outreach_tui.ui.screens.wizard import WizardScreen

            wizard = app.screen
            assert isinstance(wizard, WizardScreen)
            await wizard.show_channel("introduction")
            await pilot.pause()
        app.clear_notifications()
        for widget in app.screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
        await pilot.pause()
        return Path(app.save_screenshot(f"{name}.svg", str(OUT)))


def main() -> int:
    for name in ("NO_COLOR", "COLUMNS", "LINES"):
        os.environ.pop(name, None)
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HOME"] = tmp  # paths on screen read ~/..., not a temporary folder's name
        wanted = set(sys.argv[1:])
        for name, size, keys in SHOTS:
            if wanted and name not in wanted:
                continue
            data = Path(tmp) / ".local" / "share" / "outreach-tui"
            shutil.rmtree(data, ignore_errors=True)
            if name in SEEDED:
                seed_drafts(data)
            if name in WITH_LINKEDIN:
                from outreach_tui.core.linkedin.store import import_export

                import_export(LINKEDIN_EXPORT, data)
            path = asyncio.run(shoot(name, size, keys, data))
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
