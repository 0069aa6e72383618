"""Waiting on a condition in a Pilot test, never for a fixed time.

A fixed pause is either too short on a loaded machine (the test fails for no reason) or longer
than needed everywhere (the suite gets slower). `until` lets the app run, one idle moment at a
time, until the condition holds, and fails, naming what it waited for, if it never does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

TIMEOUT = 30.0
"""Seconds before a wait gives up: far longer than anything takes, even on a busy machine."""


async def until(
    pilot: Pilot[Any],
    condition: Callable[[], object],
    what: str = "the condition",
    timeout: float = TIMEOUT,
) -> None:
    """Let the app run until `condition()` is true (checked first, then after each idle pause).

    Raises AssertionError naming `what` if it is still false after `timeout` seconds.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"waited {timeout:g} s for {what}, and it never happened")
        await pilot.pause()


def palette_searching(palette: CommandPalette) -> bool:
    """Whether the command palette is still looking for what was typed (a worker per search)."""
    return any(worker.node is palette and not worker.is_finished for worker in palette.app.workers)


def first_hit(palette: CommandPalette) -> str:
    """The highlighted command (title and help), once the palette's search is over; else ""."""
    if palette_searching(palette):
        return ""
    commands = palette.query_one(CommandList)
    index = commands.highlighted
    return "" if index is None else str(commands.get_option_at_index(index).prompt)


async def pick(pilot: Pilot[Any], search: str) -> None:
    """In the open command palette, type `search` and run the first match once it is listed."""
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette), f"the palette is not open: {palette!r}"
    await pilot.press(*search)
    await until(
        pilot,
        lambda: search.lower() in first_hit(palette).lower(),
        f"{search!r} to be found in the palette",
    )
    await pilot.press("enter")
    await until(pilot, lambda: pilot.app.screen is not palette, "the palette to close")


async def palette(pilot: Pilot[Any], search: str) -> None:
    """Open the command palette (ctrl+p), search, and run the first match.

    The command itself may still be running: wait for what it does.
    """
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette")
    await pick(pilot, search)
