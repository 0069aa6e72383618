"""Start-up: launching outreach-tui until the welcome step is on screen, against bare Textual.

    .venv/bin/python benchmarks/bench_startup.py [--runs 20] [--src DIR]

Each run starts a fresh tmux session (100x30, a private tmux server) and polls `capture-pane`
until the welcome text, its last button and the footer are all visible (the first frame can be
partial). A bare Textual hello app, written into a temporary folder and run by the same Python,
is timed the same way, interleaved A B A B. Budget: median(app) <= 1.3x median(hello).
Then prints the top `python -X importtime` offenders for `import outreach_tui.ui.app` and for
the CLI start (the wizard started headless until its first screen).
"""

from __future__ import annotations

import sys
import textwrap
import time

from _common import (
    HELLO_APP,
    HELLO_TEXT,
    WELCOME_READY,
    Check,
    Sandbox,
    Tmux,
    app_command,
    common_parser,
    describe,
    finish,
    importtime,
    interleaved,
    print_importtime,
    python_command,
    spread,
)

BUDGET = 1.3

CLI_START = textwrap.dedent(
    """
    import sys
    from textual.app import App

    _run = App.run

    def run(self, *args, **kwargs):
        async def first_screen(pilot):
            await pilot.pause()
            pilot.app.exit(0)

        return _run(self, headless=True, size=(100, 30), auto_pilot=first_screen)

    App.run = run
    from outreach_tui.cli import main
    sys.exit(main([]))
    """
)


def measure(runs: int, src: str | None, warmup: int = 1) -> tuple[list[float], list[float]]:
    app_times: list[float] = []
    base_times: list[float] = []
    with Sandbox(src=src) as box, Tmux(box.env) as tmux:
        hello = box.write("hello_app.py", HELLO_APP)
        commands = {
            "app": (app_command(), WELCOME_READY, app_times),
            "hello": (python_command(hello), (HELLO_TEXT,), base_times),
        }
        for i, label in interleaved(list(commands), warmup + runs):
            command, ready, times = commands[label]
            start = time.perf_counter()
            name = tmux.start(command)
            try:
                took = tmux.wait_for(name, ready, start=start)
            finally:
                tmux.kill(name)
            if i >= warmup:
                times.append(took)
            print(f"  run {i:2d} {label:5s} {took * 1000:7.1f} ms{'  (warm-up)' * (i < warmup)}")
            time.sleep(0.05)  # let the killed process give the CPU back
    return app_times, base_times


def main() -> int:
    parser = common_parser(__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="measured runs of each (>= 10)")
    parser.add_argument("--no-importtime", action="store_true")
    args = parser.parse_args()
    print("start-up, launch to the welcome step on screen (tmux 100x30), A B A B")
    app_times, base_times = measure(args.runs, args.src)
    print(describe("outreach-tui", app_times))
    print(describe("bare Textual hello", base_times))
    app, base = spread(app_times).median, spread(base_times).median
    ratio = app / base
    paired = sorted(a / b for a, b in zip(app_times, base_times, strict=True))
    print(f"ratio of medians {ratio:.3f}; per-pair ratios {paired[0]:.2f}-{paired[-1]:.2f}")
    if not args.no_importtime:
        with Sandbox(src=args.src) as box:
            print_importtime(
                "python -X importtime -c 'import outreach_tui.ui.app'",
                importtime(["-c", "import outreach_tui.ui.app"], box.env),
            )
            print_importtime(
                "CLI start (outreach-tui, headless, until the first screen)",
                importtime(["-c", CLI_START], box.env),
            )
    check = Check(
        "start-up",
        f"<= {BUDGET:.2f}x bare",
        f"{app * 1000:.0f} ms vs {base * 1000:.0f} ms",
        ratio,
        BUDGET,
        relative=True,
    )
    return finish([check], args.json)


if __name__ == "__main__":
    sys.exit(main())
