"""`import-linkedin`: a LinkedIn data export, normalised into DATA_DIR/linkedin/ (or removed)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from outreach_tui.cli import PROG, config
from outreach_tui.cli.output import UserError, line, warn, write

if TYPE_CHECKING:
    import argparse


def cmd_import_linkedin(args: argparse.Namespace) -> int:
    """`import-linkedin PATH [--me NAME] [--no-update-drafts]`, or `import-linkedin --remove`.

    Unless --no-update-drafts, the drafts its messages show as sent or replied are updated
    (cli/stats.py `update_drafts`) and listed after the import's summary."""
    from outreach_tui.core.linkedin.store import LinkedInError, import_export, remove
    from outreach_tui.core.platform.paths import data_dir

    root = data_dir(args.data_dir)
    if args.remove == bool(args.path):
        raise UserError("give the export's PATH (a .zip, a folder or Connections.csv), or --remove")
    try:
        if args.remove:
            removed = remove(root)
            if removed is None:
                write(f"nothing to remove: no LinkedIn import in {line(root)}\n")
            else:
                write(f"removed {line(removed)} (your own export was not touched)\n")
            return 0
        config.privacy_warning(root)
        summary = import_export(Path(args.path).expanduser(), root, me=args.me)
    except LinkedInError as exc:
        raise UserError(str(exc)) from None
    for warning in summary.warnings:
        warn(warning)  # they name ZIP members and files: any text at all
    write("\n".join(line(text) for text in summary.lines()) + "\n")
    if not args.no_update_drafts:
        from outreach_tui.cli.stats import update_drafts

        updates = update_drafts(root, config.settings().follow_up_days)
        write("".join(f"{text}\n" for text in updates))
    write(
        f"saved in {line(summary.path)} (readable by you alone; "
        f"remove it with: {PROG} import-linkedin --remove)\n"
    )
    return 0
