"""Benchmark the LinkedIn import on 30,000 synthetic connections (run on demand, not a test):

    .venv/bin/python benchmarks/bench_linkedin.py [--connections N]

Generates an invented export (ZIP with Connections.csv and messages.csv) in a temporary folder,
then times the import, loading the stored copy, and look-ups (people_at, complete_name,
last_message_to), first call (which builds the index) and warm. Prints the figures.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from outreach_tui.core.linkedin.store import import_export, load

T = TypeVar("T")

_FIRST = "Alex Samir Zoë Priya Marcus Hana Samantha Tomás Kim Jordan Ana Bo Leila Omar Ines"
_LAST = "Patel Morgan Ruiz Lee Chen Álvarez Okafor Raman Kowalczyk Brun Lopes Nguyen Reyes"
_PLACES = "Westerly Easterly Northfield Southport Riverbend Oakdale Hillcrest Lakeview"
FIRST, LAST, PLACES = _FIRST.split(), _LAST.split(), _PLACES.split()
MONTHS = ["Jan", "Mar", "Jun", "Nov"]
KINDS = [
    "{} Public Library",
    "{} Library",
    "The {} Public Library, Inc.",
    "University of {}",
    "Univ. of {}",
    "{} College",
    "{} Public Schools",
    "{} Archives",
    "{} Analytics LLC",
    "St. {} Hospital",
]


def synthetic_export(folder: Path, count: int, seed: int = 8) -> Path:
    rng = random.Random(seed)
    connections = io.StringIO()
    connections.write('Notes:\n"Invented connections for a benchmark, with commas, too."\n\n')
    writer = csv.writer(connections, lineterminator="\n")
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    names = []
    for i in range(count):
        first, last = rng.choice(FIRST), f"{rng.choice(LAST)}{i}"
        place = f"{rng.choice(PLACES)}{rng.randrange(count // 20 or 1)}"
        company = rng.choice(KINDS).format(place) if rng.random() < 0.7 else ""
        writer.writerow(
            [
                first,
                last,
                f"https://www.linkedin.com/in/person-{i}",
                f"p{i}@example.org" if rng.random() < 0.1 else "",
                company,
                "Librarian, Reference\nand Outreach" if i % 7 == 0 else "Archivist",
                f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 20{rng.randint(10, 24)}",
            ]
        )
        if i % 3 == 0:
            writer.writerow([""] * 7)
        names.append(f"{first} {last}")
    messages = io.StringIO()
    writer = csv.writer(messages, lineterminator="\n")
    writer.writerow(["CONVERSATION ID", "FROM", "TO", "DATE", "CONTENT"])
    for i in range(count // 10):
        writer.writerow(
            [f"c{i}", "Me Myself", names[i * 7 % count], "2025-02-03 10:00:00 UTC", "hi"]
        )
    target = folder / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", "\ufeff" + connections.getvalue())
        archive.writestr("messages.csv", messages.getvalue())
    return target


def report(label: str, seconds: float) -> None:
    print(f"{label:<50} {1000 * seconds:9.3f} ms")


def timed(label: str, action: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = action()
    report(label, time.perf_counter() - start)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=30_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        export = timed(
            "generate synthetic export", lambda: synthetic_export(root, args.connections)
        )
        data_dir = root / "data"
        summary = timed("import (read ZIP, parse, store)", lambda: import_export(export, data_dir))
        print(
            f"  {summary.headline}; file {summary.path.stat().st_size / 1e6:.1f} MB"
            if summary.path
            else ""
        )
        data = timed("load stored import", lambda: load(data_dir))
        assert data is not None
        fresh = load(data_dir)
        assert fresh is not None
        timed("prepare() all indexes (for a background worker)", fresh.prepare)
        found = timed(
            "people_at, first call (builds org index)",
            lambda: data.people_at("Westerly1 Public Library"),
        )
        print(f"  {len(found)} people; best: {found[0].reason if found else '-'}")
        timed("people_at, warm", lambda: data.people_at("University of Easterly2"))
        repeats = 1000
        start = time.perf_counter()
        for i in range(repeats):
            data.people_at(f"Oakdale{i % 50} Library")
        report("people_at, mean of 1,000 warm queries", (time.perf_counter() - start) / repeats)
        names = timed("complete_name, first call (builds index)", lambda: data.complete_name("sam"))
        print(f"  {names[:3]}")
        start = time.perf_counter()
        for prefix in ("a", "al", "ale", "pat", "zo", "samir o", "tom", "kim l") * 125:
            data.complete_name(prefix)
        report("complete_name, mean of 1,000 warm queries", (time.perf_counter() - start) / 1000)
        timed("last_message_to, first call", lambda: data.last_message_to("nobody"))


if __name__ == "__main__":
    main()
