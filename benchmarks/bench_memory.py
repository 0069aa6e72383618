"""Memory: peak RSS of the app with 10,000 drafts against the app with none.

    .venv/bin/python benchmarks/bench_memory.py [--runs 5] [--data DIR] [--src DIR]

In tmux (100x30): launch the app, wait for the welcome step, open the Drafts screen (ctrl+d),
wait for its rows (or, with no drafts, for the screen to settle), then read the app process's
peak resident set size (VmHWM in /proc/<pid>/status). Interleaved empty, full, empty, full.
Budget: median peak with 10,000 drafts <= 1.5x median peak with none. Five runs each: the peak
with 10,000 drafts moves between ~59 and ~70 MiB from one run to the next (with none, by
under 1 MiB), and the median of two was the mean of whichever two came up.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from _common import (
    WELCOME_READY,
    Check,
    Sandbox,
    Tmux,
    app_command,
    common_parser,
    finish,
    interleaved,
    spread,
    vm_hwm_kib,
)
from gen_drafts import ORGS, generate

BUDGET = 1.5
COUNT = 10_000


def peak_after_drafts(tmux: Tmux, data: Path, has_drafts: bool) -> int:
    name = tmux.start(app_command(data))
    try:
        tmux.wait_for(name, WELCOME_READY)
        pid = tmux.pid(name)
        assert pid is not None
        tmux.send(name, "C-d")
        if has_drafts:
            tmux.wait_for(name, ORGS, any_of=True, timeout=60)
        else:
            deadline = time.perf_counter() + 10
            while WELCOME_READY[0] in tmux.capture(name)[0] and time.perf_counter() < deadline:
                time.sleep(0.02)
        time.sleep(1.0)  # whatever the screen does after its first rows
        return vm_hwm_kib(pid)
    finally:
        tmux.kill(name)


def main() -> int:
    parser = common_parser(__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, help="data folder made by gen_drafts.py")
    args = parser.parse_args()
    peaks: dict[str, list[int]] = {"none": [], "10k": []}
    with Sandbox(src=args.src) as box, Tmux(box.env) as tmux:
        empty = box.root / "empty-data"
        (empty / "drafts").mkdir(parents=True, mode=0o700)
        full = args.data or box.data
        if args.data is None:
            generate(full, COUNT)
        for i, label in interleaved(list(peaks), args.runs):
            kib = peak_after_drafts(tmux, full if label == "10k" else empty, label == "10k")
            peaks[label].append(kib)
            print(f"  run {i} {label:4s} peak RSS {kib / 1024:7.1f} MiB")
    none, full_peak = spread(peaks["none"]).median, spread(peaks["10k"]).median
    print(
        f"peak RSS after opening Drafts: none {none / 1024:.1f} MiB, "
        f"10,000 drafts {full_peak / 1024:.1f} MiB"
    )
    check = Check(
        "memory", f"<= {BUDGET:.2f}x no drafts",
        f"{full_peak / 1024:.0f} MiB vs {none / 1024:.0f} MiB (no drafts)",
        full_peak / none, BUDGET, relative=True,
    )  # fmt: skip
    return finish([check], args.json)


if __name__ == "__main__":
    sys.exit(main())
