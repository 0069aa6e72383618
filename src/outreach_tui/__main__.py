"""`python -m outreach_tui`: the same as the `outreach-tui` command."""

from outreach_tui.cli import main

raise SystemExit(main())
