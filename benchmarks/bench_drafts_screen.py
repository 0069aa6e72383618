"""Drafts screen with 10,000 drafts: first rows painted (warm index, index missing), filtering.

    .venv/bin/python benchmarks/bench_drafts_screen.py [--runs 3] [--data DIR] [--src DIR]

The drafts are written by gen_drafts.py into a temporary folder (or DIR from --data, made by
`gen_drafts.py DIR`; its index file is deleted and rebuilt here). In tmux (100x30): launch the
app, wait for the welcome step, press ctrl+d and time until a first draft row is on screen
(an organisation name of the generated drafts). "warm": the index file exists (a warm-up run
builds it); "cold": it is deleted before the run, so the screen must rebuild it. Interleaved
warm, cold, warm, cold. Budgets: warm < 0.5 s, cold < 2 s.
Filter: through Pilot, with the app's paint hooked (see PaintClock in _common.py), each key
typed into the Drafts screen's filter Input until the last paint it causes. Budget: median
< 50 ms. A Drafts screen without a filter Input is reported as not measurable (missed).
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from _common import (
    WELCOME_READY,
    Check,
    PaintClock,
    Sandbox,
    Tmux,
    app_command,
    common_parser,
    describe,
    finish,
    interleaved,
    no_cursor_blink,
    spread,
)
from gen_drafts import ORGS, generate

WARM_BUDGET = 0.5
COLD_BUDGET = 2.0
FILTER_BUDGET_MS = 50.0
COUNT = 10_000
INDEX_FILE = "index.json"


def index_path(data: Path) -> Path:
    try:
        from outreach_tui.core.drafts.index import INDEX_FILE as name
    except ImportError:
        name = INDEX_FILE
    return data / name


def open_drafts(tmux: Tmux, data: Path) -> float:
    """Launch, wait for the welcome step, press ctrl+d: seconds until a draft row shows."""
    name = tmux.start(app_command(data))
    try:
        tmux.wait_for(name, WELCOME_READY)
        time.sleep(0.3)  # the welcome step settles; only the Drafts screen is timed
        start = time.perf_counter()
        tmux.send(name, "C-d")
        return tmux.wait_for(name, ORGS, start=start, any_of=True, timeout=60)
    finally:
        tmux.kill(name)


def measure_open(data: Path, runs: int, env: dict[str, str]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"warm": [], "cold": []}
    with Tmux(env) as tmux:
        took = open_drafts(tmux, data)  # warm-up; builds the index if the screen keeps one
        print(f"  warm-up          {took * 1000:7.1f} ms")
        for i, mode in interleaved(["warm", "cold"], runs):
            if mode == "cold":
                index_path(data).unlink(missing_ok=True)
            took = open_drafts(tmux, data)
            times[mode].append(took)
            print(f"  run {i} {mode:5s}     {took * 1000:7.1f} ms")
    return times


async def measure_filter(data: Path, keys: str = "riverside") -> tuple[list[float], str]:
    from textual.screen import ModalScreen
    from textual.widgets import Input

    from outreach_tui.ui.app import create_app

    app = create_app(data)
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while isinstance(app.screen, ModalScreen):  # e.g. an offer to resume autosaved work
            await pilot.press("escape")
            await pilot.pause()
        wizard = app.screen
        await pilot.press("ctrl+d")
        for _ in range(200):  # up to 10 s for the list to load
            await pilot.pause(0.05)
            if app.screen is not wizard:
                break
        screen = app.screen
        kind = type(screen).__name__
        await pilot.pause(0.5)
        inputs = list(screen.query(Input))
        if not inputs:
            return [], f"{kind} has no filter Input"
        inputs[0].focus()
        await pilot.pause()
        no_cursor_blink(app)
        clock = PaintClock(app)
        for ch in keys:
            times.append(await clock.press(ch))
        for _ in keys:
            times.append(await clock.press("backspace"))
        return times, f"{kind}, filter #{inputs[0].id}, typed {keys!r} then backspaces"


def main() -> int:
    parser = common_parser(__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each, warm and cold")
    parser.add_argument("--data", type=Path, help="data folder made by gen_drafts.py")
    args = parser.parse_args()
    with Sandbox(src=args.src) as box:
        data = args.data or box.data
        if args.data is None:
            start = time.perf_counter()
            generate(data, COUNT)
            print(f"generated {COUNT:,} drafts in {time.perf_counter() - start:.1f} s")
        count = sum(1 for p in (data / "drafts").iterdir() if p.suffix == ".json")
        print(f"Drafts screen, {count:,} drafts: launch, welcome, ctrl+d until a row shows")
        times = measure_open(data, args.runs, box.env)
        box.apply_in_process()
        filter_times, what = asyncio.run(measure_filter(data))
    warm, cold = spread(times["warm"]).median, spread(times["cold"]).median
    print(describe("first rows, warm index", times["warm"]))
    print(describe("first rows, index missing", times["cold"]))
    print(f"filter: {what}")
    checks = [
        Check("drafts warm", f"< {WARM_BUDGET} s", f"{warm:.3f} s", warm, WARM_BUDGET),
        Check("drafts cold", f"< {COLD_BUDGET} s", f"{cold:.3f} s", cold, COLD_BUDGET),
    ]
    if filter_times:
        print(describe("filter keystroke", filter_times))
        med = spread(filter_times).median * 1000
        checks.append(
            Check(
                "drafts filter",
                f"< {FILTER_BUDGET_MS:.0f} ms",
                f"median {med:.1f} ms",
                med,
                FILTER_BUDGET_MS,
            )
        )
    else:
        checks.append(
            Check(
                "drafts filter",
                f"< {FILTER_BUDGET_MS:.0f} ms",
                "not measurable",
                float("inf"),
                FILTER_BUDGET_MS,
                note=what,
            )
        )
    return finish(checks, args.json)


if __name__ == "__main__":
    sys.exit(main())
