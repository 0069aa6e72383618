"""Write a realistic set of drafts into a folder, for the benchmarks (never the user's data).

    .venv/bin/python benchmarks/gen_drafts.py DATA_DIR [--drafts 10000]

DATA_DIR must not exist yet; the drafts go in DATA_DIR/drafts/ as the app saves them (0600).
The newest draft is to FIRST_ROW_NAME, so a list sorted by last change starts with it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.tracking import SENT, apply
from outreach_tui.core.model.answers_load import answers_from_dict

FIRST = ["Alex", "Sam", "Robin", "Zoë", "Kim", "Jordan", "Ana", "Ben", "Priya", "Tomás"]
LAST = ["Morgan", "Ortiz", "Hale", "Ünal", "Lee", "Okafor", "Nakamura", "Smith", "Rossi"]
ORGS = ["Westerly Public Library", "Riverside Archive", "Lakeside School", "State Library",
        "Harbour University Library", "City Records Office"]  # fmt: skip
FIRST_ROW_NAME = "Quinn Firstrow"
"""The contact of the newest draft."""


def generate(root: Path, count: int, seed: int = 4) -> None:
    """Write `count` drafts straight to disk (no fsync per file: setup, not the measurement)."""
    rng = random.Random(seed)
    drafts_dir = root / "drafts"
    drafts_dir.mkdir(parents=True, mode=0o700)
    root.chmod(0o700)  # private like the app's own, so its start-up privacy check stays quiet
    base = datetime(2025, 1, 1, tzinfo=UTC)
    for i in range(count):
        name = FIRST_ROW_NAME if i == count - 1 else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        org = rng.choice(ORGS)
        answers = answers_from_dict(
            {
                "sender": {"name": "Jordan Lee", "location": "Dayton, Ohio"},
                "contact": {"name": name, "organization": org, "honorific": "Dr."},
                "research": {"groups": [f"Group {rng.randrange(50)}"]},
                "goal": {"learn": "what a week in the job looks like"},
            }
        )
        draft = Draft(
            answers=answers,
            channel="message",
            subject="A question",
            message=f"Dear Dr. {name.split()[-1]},\n\nI found you through Group {i % 50}.",
            id=f"draft-{i:06d}",
            created=(base + timedelta(minutes=i)).isoformat(),
            updated=(base + timedelta(minutes=i)).isoformat(),
        )
        if i % 3 == 0:
            draft.tracking = apply(draft.tracking, SENT, date(2025, 3, 1) + timedelta(days=i % 20))
        path = drafts_dir / f"{draft.id}.json"
        path.write_text(json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n")
        os.chmod(path, 0o600)
        stamp = (base + timedelta(minutes=i)).timestamp()
        os.utime(path, (stamp, stamp))  # file times in the same order as `updated`


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--drafts", type=int, default=10_000)
    args = parser.parse_args()
    start = time.perf_counter()
    generate(args.data_dir, args.drafts)
    took = time.perf_counter() - start
    print(f"{args.drafts} drafts in {args.data_dir / 'drafts'} ({took:.1f} s)")


if __name__ == "__main__":
    main()
