"""`stats [--json]`, and the other commands' share of closing the loop: the drafts an import of
the LinkedIn export updates (`import-linkedin`), and the own-results note (`check`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_tui.cli import config
from outreach_tui.cli.output import UserError, line, print_json, shown, warn, write

if TYPE_CHECKING:
    import argparse

    from outreach_tui.core.results.stats import Results


def _results(root: Path) -> Results:
    """The results of the drafts in `root`; damaged files are left out, with a warning."""
    from outreach_tui.core.drafts.draft import DraftError
    from outreach_tui.core.drafts.store import DraftStore
    from outreach_tui.core.results.stats import store_results

    try:
        found, damaged = store_results(DraftStore(root))
    except DraftError as exc:
        raise UserError(str(exc)) from None
    if damaged:
        files = "draft file" if damaged == 1 else "draft files"
        warn(f"{damaged} {files} could not be read and are not counted (see: drafts list)")
    return found


def cmd_stats(args: argparse.Namespace) -> int:
    """`stats [--json]`: what happened to the messages sent, as bars or as one JSON object."""
    from outreach_tui.core.results.chart import plain_chart

    root = config.data_root(args.data_dir)
    config.privacy_warning(root)
    found = _results(root)
    if args.json:
        print_json(found.to_json())
        return 0
    # channel names can be the user's own (their template files): shown in their visible form
    write("\n".join(shown(text) for text in plain_chart(found)) + "\n")
    return 0


def own_results(data_dir: str | None) -> str:
    """The note `check` prints beside the coach's report ("" when no hook has five messages
    sent, or the drafts cannot be listed: `check` is about the message, not the folder)."""
    from outreach_tui.core.drafts.draft import DraftError
    from outreach_tui.core.drafts.store import DraftStore
    from outreach_tui.core.results.note import own_results_text
    from outreach_tui.core.results.stats import store_results

    try:
        root = config.data_root(data_dir)
        found, _ = store_results(DraftStore(root), with_bands=False)
    except (UserError, DraftError, OSError):
        return ""
    return own_results_text(found)


def update_drafts(root: Path, follow_up_days: int) -> list[str]:
    """After an import: the drafts its messages mark sent or replied, as summary lines."""
    from outreach_tui.core.drafts.library import Library
    from outreach_tui.core.drafts.store import DraftStore
    from outreach_tui.core.linkedin.store import LinkedInError, load
    from outreach_tui.core.results.sync import update_drafts as update

    try:
        data = load(root)
    except LinkedInError as exc:
        return [f"drafts not updated: {exc}"]
    if data is None:
        return []
    library = Library(DraftStore(root), follow_up_days=follow_up_days)
    now = datetime.now(UTC).replace(microsecond=0)
    report = update(library, data, imported=now.astimezone().date(), now=now)
    return [line(text) for text in report.lines()]
