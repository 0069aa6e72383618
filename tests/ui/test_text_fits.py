"""Every label, button and hint fits its place at 80x24 and at the smallest size the README
promises (40x12): the walk below finds any whose text is cut.

It looks at what a user reads: a button's label, a one-line or fixed-height text, an empty
field's hint, and a short value in a fixed-width field (a date). Long answers in a wide field
scroll, as in any text field, and the drafts list cuts its cells with an ellipsis on purpose;
neither is counted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from drafts_samples import TODAY, make_samples
from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp, create_app
from outreach_tui.ui.widgets.footer import QuietFooter

SIZES = [(80, 24), (40, 12)]


def _shown(widget: Widget) -> bool:
    node: Widget | None = widget
    while isinstance(node, Widget):
        if not node.display or not node.visible:
            return False
        node = node.parent if isinstance(node.parent, Widget) else None
    return widget.region.area > 0


def _text_of(widget: Static) -> str | None:
    visual = widget.visual
    if isinstance(visual, Text):
        return visual.plain
    plain = getattr(visual, "plain", None)
    return plain if isinstance(plain, str) else None


def cut_texts(app: App[Any]) -> list[str]:
    """What is cut on the screen in front: one line per text that does not fit its place."""
    problems: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, QuietFooter) or not _shown(widget):
            continue
        width = widget.content_region.width
        name = f"{type(widget).__name__}#{widget.id}"
        if isinstance(widget, Button):
            label = Text(str(widget.label))
            if label.cell_len + 2 * widget.styles.line_pad > width:
                problems.append(f"{name}: button {label.plain!r} in {width} cells")
        elif isinstance(widget, Input):
            if not widget.value and widget.placeholder:
                hint = Text(widget.placeholder)
                if hint.cell_len > width:
                    problems.append(f"{name}: hint {hint.plain!r} in {width} cells")
            fixed = widget.styles.width is not None and widget.styles.width.is_cells
            if widget.value and fixed and len(widget.value) + 1 > width:
                problems.append(f"{name}: value {widget.value!r} in {width} cells")
        elif isinstance(widget, Static | Label):
            text = _text_of(widget)
            if not text or not text.strip():
                continue
            needed = widget.get_content_height(
                widget.content_region.size, app.size, widget.content_region.width
            )
            has = widget.content_region.height
            parent = widget.parent
            if isinstance(parent, Widget) and parent.styles.overflow_y == "hidden":  # cut by it
                has = widget.content_region.intersection(parent.content_region).height
            if needed > has:
                problems.append(f"{name}: {text[:60]!r} needs {needed} rows, has {has}")
    return problems


async def settle(pilot: Pilot[int]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_step_and_field_at_small_sizes_shows_its_texts_whole(
    make_app: Callable[..., OutreachApp], full_answers: Answers, size: tuple[int, int]
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        found = [f"welcome: {p}" for p in cut_texts(app)]
        await pilot.press("enter")
        for step in range(1, 8):
            await settle(pilot)
            seen: set[int] = set()
            while app.focused is not None and id(app.focused) not in seen:
                seen.add(id(app.focused))
                found += [f"step {step}, {app.focused.id}: {p}" for p in cut_texts(app)]
                await pilot.press("tab")
                await pilot.pause()
            app.screen.set_focus(None)
            await pilot.press("ctrl+n")
        # The Preview step once the text is the user's own: the "Edited by you" note.
        app.screen.query_one("#message").focus()
        await pilot.press("end", "!")
        await settle(pilot)
        found += [f"edited: {p}" for p in cut_texts(app)]
        await pilot.press("f1")
        await settle(pilot)
        found += [f"help: {p}" for p in cut_texts(app)]
        await pilot.press("escape", "ctrl+q")
        await settle(pilot)
        found += [f"quit dialog: {p}" for p in cut_texts(app)]
    assert not found, "\n".join(dict.fromkeys(found))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_drafts_screen_and_its_dialogs_show_their_texts_whole(
    data_dir: Path, size: tuple[int, int]
) -> None:
    make_samples(data_dir)
    app = create_app(data_dir, store=DraftStore(data_dir), renderer=Renderer(), today=lambda: TODAY)
    found: list[str] = []
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+d")
        await settle(pilot)
        found += [f"drafts: {p}" for p in cut_texts(app)]
        await pilot.press("end", "m")
        await settle(pilot)
        found += [f"mark: {p}" for p in cut_texts(app)]
        await pilot.press("tab")  # the date
        await settle(pilot)
        found += [f"mark, date: {p}" for p in cut_texts(app)]
        await pilot.press("escape", "r")
        await settle(pilot)
        found += [f"rename: {p}" for p in cut_texts(app)]
        await pilot.press("escape", "e")
        await settle(pilot)
        found += [f"export: {p}" for p in cut_texts(app)]
    assert not found, "\n".join(dict.fromkeys(found))
