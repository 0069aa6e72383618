"""Waiting on a condition in a Pilot test, never for a fixed time.

A fixed pause is either too short on a loaded machine (the test fails for no reason) or longer
than needed everywhere (the suite gets slower). `until` lets the app run, one idle moment at a
time, until the condition holds, and fails, naming what it waited for, if it never does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

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
