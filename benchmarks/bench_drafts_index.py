"""How fast the drafts library lists 10,000 drafts: warm index, cold rebuild, full parse, filter.

A script run on demand, not a test:

    .venv/bin/python benchmarks/bench_drafts_index.py [--drafts 10000] [--repeat 5]

Writes the drafts into a temporary folder (never the user's data folder), then prints the
median of each timing. Compare ratios within one run: absolute figures vary ±15-20% between
runs on the project's 2-core machines (docs/measuring.md).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from gen_drafts import generate

from outreach_tui.core.drafts.index import INDEX_FILE, DraftIndex
from outreach_tui.core.drafts.library import SORT_DUE, Library
from outreach_tui.core.drafts.store import DraftStore


def median_ms(
    fn: Callable[[], object], repeat: int, before: Callable[[], None] = lambda: None
) -> float:
    times = []
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-drafts-") as tmp:
        root = Path(tmp) / "data"
        start = time.perf_counter()
        generate(root, args.drafts)
        print(f"generated {args.drafts} drafts in {time.perf_counter() - start:.1f} s")
        store = DraftStore(root)
        index_path = root / INDEX_FILE

        def drop_index() -> None:
            index_path.unlink(missing_ok=True)

        cold = median_ms(lambda: DraftIndex(store).refresh(), args.repeat, drop_index)
        DraftIndex(store).refresh()
        size_kb = index_path.stat().st_size / 1024
        warm = median_ms(lambda: DraftIndex(store).refresh(), args.repeat)
        check = DraftIndex(store)
        assert len(check.refresh()) == args.drafts and check.parsed == 0
        parse_all = median_ms(store.entries, args.repeat)
        first_rows = median_ms(
            lambda: Library(store, today=lambda: date(2025, 3, 10)).rows()[:30], args.repeat
        )
        lib = Library(store, today=lambda: date(2025, 3, 10))
        lib.refresh()
        queries = ["zoe", "riverside", "group 17", "dr. ortiz harbour", "nothing-matches-this"]

        def rows_for(query: str) -> Callable[[], object]:
            return lambda: lib.rows(query)

        filt = statistics.median(median_ms(rows_for(q), args.repeat) for q in queries)
        filt_due = median_ms(lambda: lib.rows("library", SORT_DUE), args.repeat)
        summary = median_ms(lib.summary, args.repeat)
        # One changed file: only it is parsed again.
        os.utime(store.path_for("draft-000042"))
        one = DraftIndex(store)
        one_changed = median_ms(one.refresh, 1)

    print(f"drafts: {args.drafts}, index.json: {size_kb:,.0f} KiB, median of {args.repeat}")
    print(f"  warm index listing (scandir+stat, read index): {warm:8.1f} ms")
    print(f"  cold rebuild (parse every file, write index):  {cold:8.1f} ms")
    print(f"  parse every file (DraftStore.entries):         {parse_all:8.1f} ms")
    print(f"  warm: new Library, first 30 rows, sorted:      {first_rows:8.1f} ms")
    print(f"  after one file changed (parsed: {one.parsed}):            {one_changed:8.1f} ms")
    print(f"  filter over {args.drafts} rows (median of 5 queries): {filt:8.1f} ms")
    print(f"  filter + sort by due date:                     {filt_due:8.1f} ms")
    print(f"  start-up summary from cached rows:             {summary:8.1f} ms")
    print(f"  ratio parse-all / warm: {parse_all / warm:.1f}x")


if __name__ == "__main__":
    main()
