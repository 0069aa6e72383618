"""Run every budget benchmark, print one table, and say whether the budget is met.

    .venv/bin/python benchmarks/run_all.py [--src DIR] [--quick]

Each benchmark runs as its own process (the same Python), writing its checks as JSON; the
10,000 drafts are generated once into a temporary folder and shared by the Drafts and memory
benchmarks. Takes about 3-4 minutes on a 2-core machine. The last line is `budget: all met` or
`budget: missed: <names>`; exit status 1 when a budget is missed or a benchmark failed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_drafts import generate  # noqa: E402

BENCHES = [
    ("bench_startup.py", ["--runs", "20"]),
    ("bench_typing.py", ["--keys", "80"]),
    ("bench_steps.py", ["--rounds", "3"]),
    ("bench_drafts_screen.py", ["--runs", "3", "--data", "{data}"]),
    ("bench_memory.py", ["--runs", "5", "--data", "{data}"]),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", metavar="DIR", help="run the app from this source tree")
    args = parser.parse_args()
    started = time.perf_counter()
    rows: list[dict[str, object]] = []
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="outreach-bench-all-") as tmp:
        data = Path(tmp) / "data"
        generate(data, 10_000)
        print(f"generated 10,000 drafts ({time.perf_counter() - started:.1f} s)", flush=True)
        for script, extra in BENCHES:
            out = Path(tmp) / f"{script}.json"
            cmd = [sys.executable, str(HERE / script), "--json", str(out)]
            cmd += [a.format(data=data) for a in extra]
            if args.src:
                cmd += ["--src", args.src]
            print(f"\n=== {script} ===", flush=True)
            t0 = time.perf_counter()
            result = subprocess.run(cmd, check=False)
            print(f"({script}: {time.perf_counter() - t0:.0f} s)", flush=True)
            if out.exists():
                rows += json.loads(out.read_text(encoding="utf-8"))
            if result.returncode not in (0, 1) or not out.exists():
                failed.append(script)
    print(f"\n{'budget':<24} {'limit':<20} {'measured':<40} {'ratio':>6}  met?")
    for r in rows:
        ratio = float(r["ratio"])  # type: ignore[arg-type]
        shown = f"{ratio:6.2f}" if ratio != float("inf") else "   n/a"
        print(
            f"{r['name']!s:<24} {r['budget']!s:<20} {r['measured']!s:<40} {shown}  "
            f"{'yes' if r['met'] else 'NO'}"
        )
    print("\n(ratio: app/baseline for relative budgets, measured/limit for absolute ones)")
    print(f"all benchmarks took {time.perf_counter() - started:.0f} s")
    missed = [str(r["name"]) for r in rows if not r["met"]] + [f"{s} failed" for s in failed]
    print("budget: all met" if not missed else f"budget: missed: {', '.join(missed)}")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
