"""Write README.md's key table from the screens' BINDINGS (src/outreach_tui/ui/keys.py).

Run from the repository root:  python scripts/keys.py
With --check it changes nothing and exits 1 when README's table differs from the BINDINGS
(tests/ui/test_keys.py runs it so). A README without the table's markers: one line, exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether README is current")
    parser.add_argument("--readme", type=Path, default=README, help="the README to write")
    args = parser.parse_args(argv)

    from outreach_tui.ui.keys import readme_table, with_readme_table

    try:
        before = args.readme.read_text(encoding="utf-8")
        after = with_readme_table(before, readme_table())
    except (OSError, ValueError) as exc:
        print(f"keys: {exc}", file=sys.stderr)
        return 2
    if after == before:
        print(f"{args.readme}: the key table is current")
        return 0
    if args.check:
        print(f"{args.readme}: the key table differs from the BINDINGS; run scripts/keys.py")
        return 1
    args.readme.write_text(after, encoding="utf-8")
    print(f"{args.readme}: key table written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
