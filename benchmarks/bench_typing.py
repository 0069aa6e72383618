"""Typing: a keystroke in a wizard field until the preview shows it, against bare Textual.

    .venv/bin/python benchmarks/bench_typing.py [--keys 80] [--src DIR]

End to end, in tmux (100x30): the wizard on step 1 with "Your name" focused, and a bare Textual
app with one Input, both running; keys go to A then B then A ... (`send-keys -l`, random gaps of
30-110 ms so keys never lock onto Textual's 60 fps refresh), and `capture-pane` is polled until
the wizard's preview reads "My name is <typed>" / the Input shows <typed>.
Budget: median(wizard) <= 1.3x median(bare Input).

In process: one `Renderer.render` after warm-up must take under 1 ms, and typing 20 keys into a
field through Pilot must compile no template (`Environment.compile` and `_parse` are counted).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import string
import sys
import time
from typing import Any
from unittest.mock import patch

from _common import (
    INPUT_APP,
    INPUT_READY,
    WELCOME_READY,
    Check,
    Sandbox,
    Tmux,
    app_command,
    common_parser,
    describe,
    finish,
    python_command,
    spread,
)

BUDGET = 1.3
RENDER_BUDGET_MS = 1.0
CLEAR_EVERY = 10
"""Clear the field after this many keys, so the preview line never wraps."""


def measure_keys(keys: int, src: str | None) -> tuple[list[float], list[float]]:
    rng = random.Random(6)
    app_times: list[float] = []
    base_times: list[float] = []
    with Sandbox(src=src) as box, Tmux(box.env) as tmux:
        one_input = box.write("one_input_app.py", INPUT_APP)
        app = tmux.start(app_command(), "app")
        base = tmux.start(python_command(one_input), "base")
        tmux.wait_for(app, WELCOME_READY)
        tmux.send(app, "Enter")  # "Start a new draft": step 1, "Your name" focused
        tmux.wait_for(app, ("Step 1 of",))
        tmux.wait_for(base, (INPUT_READY,))
        time.sleep(0.5)
        sessions = {
            app: ("My name is {typed}", "My name is", app_times),
            base: ("{typed}", None, base_times),
        }
        typed = ""
        for k in range(keys + 2):  # the first two keys of each are warm-up
            if k % CLEAR_EVERY == 0 and typed:
                typed = ""
                for name, (_, gone, _) in sessions.items():
                    tmux.send(name, "C-u")
                    if gone:  # the preview's "My name is ..." line goes with the name
                        _wait_gone(tmux, name, gone)
                    else:  # the empty Input shows its placeholder again
                        tmux.wait_for(name, (INPUT_READY,))
                time.sleep(0.1)
            typed += string.ascii_lowercase[k % 26]
            for name, (expect, _, times) in sessions.items():
                time.sleep(0.03 + rng.random() * 0.08)
                want = expect.format(typed=typed)
                start = time.perf_counter()
                tmux.send(name, typed[-1], literal=True)
                took = tmux.wait_for(name, (want,), start=start, timeout=5, poll=0.0005)
                if k >= 2:
                    times.append(took)
    return app_times, base_times


def _wait_gone(tmux: Tmux, name: str, text: str, timeout: float = 5) -> None:
    deadline = time.perf_counter() + timeout
    while text in tmux.capture(name)[0]:
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{text!r} still on screen")
        time.sleep(0.005)


def render_time_ms() -> tuple[float, float]:
    """Median and best time of one Renderer.render (after warm-up), in ms."""
    from outreach_tui.core.message.renderer import Renderer
    from outreach_tui.core.model.answers_load import answers_from_dict

    answers = answers_from_dict(
        {
            "sender": {"name": "Jordan Lee", "location": "Dayton, Ohio"},
            "contact": {"name": "Alex Morgan", "organization": "Westerly Public Library"},
            "research": {"groups": ["Ohio Library Council"], "public_activity": ["a post"]},
            "goal": {"learn": "what a week in the job looks like"},
        }
    )
    renderer = Renderer()
    for _ in range(50):
        renderer.render(answers, "message")
    batches = []
    for _ in range(9):
        start = time.perf_counter()
        for _ in range(200):
            renderer.render(answers, "message")
        batches.append((time.perf_counter() - start) / 200 * 1000)
    return statistics.median(batches), min(batches)


async def compiles_while_typing(data_dir: object) -> tuple[int, int, list[float]]:
    """Compiles and parses while typing 20 keys through Pilot; refresh_preview times (s)."""
    from jinja2 import Environment

    from outreach_tui.ui.app import create_app
    from outreach_tui.ui.screens.wizard import WizardScreen

    counts = {"compile": 0, "parse": 0}
    original_compile, original_parse = Environment.compile, Environment._parse

    def compile_(self: Environment, *args: Any, **kwargs: Any) -> Any:
        counts["compile"] += 1
        return original_compile(self, *args, **kwargs)

    def parse(self: Environment, *args: Any, **kwargs: Any) -> Any:
        counts["parse"] += 1
        return original_parse(self, *args, **kwargs)

    preview_times: list[float] = []
    original_refresh = WizardScreen.refresh_preview

    def refresh_preview(self: WizardScreen) -> None:
        start = time.perf_counter()
        original_refresh(self)
        preview_times.append(time.perf_counter() - start)

    with (
        patch.object(Environment, "compile", compile_),
        patch.object(Environment, "_parse", parse),
        patch.object(WizardScreen, "refresh_preview", refresh_preview),
    ):
        app = create_app(data_dir)  # type: ignore[arg-type]
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # Start a new draft
            await pilot.pause()
            await pilot.press("x")  # warm-up: the first render compiles, once
            await pilot.pause()
            counts.update(compile=0, parse=0)
            preview_times.clear()
            for ch in "Jordan Lee the Third":
                await pilot.press(ch if ch != " " else "space")
            await pilot.pause()
            screen = app.screen
            name = getattr(screen, "answers", None)
            typed = name.sender.name if name is not None else "?"
            if typed != "xJordan Lee the Third":
                raise RuntimeError(f"typing did not reach the field (it holds {typed!r})")
    return counts["compile"], counts["parse"], preview_times


def main() -> int:
    parser = common_parser(__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=80, help="measured keys for each app")
    args = parser.parse_args()
    print("keystroke to paint (tmux 100x30), wizard preview vs bare Input, A B A B")
    app_times, base_times = measure_keys(args.keys, args.src)
    print(describe("wizard: key -> preview", app_times))
    print(describe("bare Input: key -> echo", base_times))
    app, base = spread(app_times).median, spread(base_times).median
    with Sandbox(src=args.src) as box:
        box.apply_in_process()
        render_ms, render_best = render_time_ms()
        print(f"Renderer.render after warm-up: median {render_ms:.3f} ms, best {render_best:.3f}")
        compiles, parses, preview = asyncio.run(compiles_while_typing(box.data))
    print(f"typing 20 keys through Pilot: {compiles} compiles, {parses} parses")
    if preview:
        print(describe("WizardScreen.refresh_preview", preview) + "  (Python time)")
    checks = [
        Check(
            "typing",
            f"<= {BUDGET:.2f}x bare",
            f"{app * 1000:.1f} ms vs {base * 1000:.1f} ms",
            app / base,
            BUDGET,
            relative=True,
        ),
        Check(
            "preview render",
            f"< {RENDER_BUDGET_MS:.0f} ms",
            f"{render_ms:.3f} ms",
            render_ms,
            RENDER_BUDGET_MS,
        ),
        Check(
            "compiles per keystroke", "0", f"{compiles + parses} in 20 keys", compiles + parses, 0
        ),
    ]
    return finish(checks, args.json)


if __name__ == "__main__":
    sys.exit(main())
