"""Steps: Next (ctrl+n) and Back (escape) between wizard steps, key to the new step painted.

    .venv/bin/python benchmarks/bench_steps.py [--rounds 3] [--src DIR]

Method: the app runs under Pilot (headless, 100x30) with answers filled in, so every step is
valid. For each key, `PaintClock` (benchmarks/_common.py) sends the key event to the driver and
records the end of every screen update that follows: `app._display` is wrapped, and each
update is also encoded to terminal sequences as a real terminal run would do (headless mode
skips that). The time counted is from sending the key to the end of the last paint before the
screen has been quiet for 80 ms, so it includes the handler, styles, layout, the 60 fps
refresh wait and the paint; nothing is subtracted. Pilot's own idle waits are outside it.
The step is checked after every key. Budget: median < 50 ms (also printed: Next and Back).
"""

from __future__ import annotations

import asyncio
import sys

from _common import (
    Check,
    PaintClock,
    Sandbox,
    common_parser,
    describe,
    finish,
    no_cursor_blink,
    spread,
)

BUDGET_MS = 50.0

ANSWERS = {
    "sender": {"name": "Jordan Lee", "location": "Dayton, Ohio"},
    "contact": {"name": "Alex Morgan", "organization": "Westerly Public Library"},
    "research": {"groups": ["Ohio Library Council"]},
    "goal": {"learn": "what a week in the job looks like"},
}


async def measure(data_dir: object, rounds: int) -> tuple[list[float], list[float], list[str]]:
    from outreach_tui.core.model.answers_load import answers_from_dict
    from outreach_tui.ui.app import create_app

    app = create_app(data_dir, answers=answers_from_dict(ANSWERS))  # type: ignore[arg-type]
    nexts: list[float] = []
    backs: list[float] = []
    log: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock = PaintClock(app)
        screen = app.screen
        if not hasattr(screen, "step"):
            raise RuntimeError(f"the wizard is not the first screen ({type(screen).__name__})")
        await clock.press("enter")  # welcome -> step 1 (warm-up: not counted)
        last = screen.step
        while True:  # once through every step, not counted: first visits build things once
            await clock.press("ctrl+n")
            if screen.step == last:
                break
            last = screen.step
        while screen.step > 1:
            await clock.press("escape")
        no_cursor_blink(app)
        for _ in range(rounds):
            for key, times, move in (("ctrl+n", nexts, 1), ("escape", backs, -1)):
                while True:
                    before = screen.step
                    took = await clock.press(key)
                    if screen.step != before + move:
                        break  # at the last / first step
                    times.append(took)
                    log.append(f"{before}->{screen.step} {took * 1000:.1f}")
                    no_cursor_blink(app)
                    if screen.step in (1, last):
                        break
    return nexts, backs, log


def main() -> int:
    parser = common_parser(__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="round trips first->last->first")
    args = parser.parse_args()
    with Sandbox(src=args.src) as box:
        box.apply_in_process()
        nexts, backs, log = asyncio.run(measure(box.data, args.rounds))
    if not nexts or not backs:
        raise SystemExit("steps did not change: is the wizard the first screen?")
    print("Next/Back, key to the new step painted (Pilot, 100x30, app._display hooked)")
    print("  " + "  ".join(log[: len(log) // max(args.rounds, 1)]) + "  (ms, first round)")
    print(describe("Next (ctrl+n)", nexts))
    print(describe("Back (escape)", backs))
    both = spread(nexts + backs)
    print(describe("all", nexts + backs))
    check = Check(
        "steps", f"< {BUDGET_MS:.0f} ms", f"median {both.median * 1000:.1f} ms",
        both.median * 1000, BUDGET_MS,
    )  # fmt: skip
    return finish([check], args.json)


if __name__ == "__main__":
    sys.exit(main())
