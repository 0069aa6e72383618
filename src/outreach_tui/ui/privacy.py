"""The data folder's privacy, checked after the first paint: what a killed save left is tidied,
folders linked elsewhere are reported, and files others can read are offered a fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from outreach_tui.core.platform.permissions import Loose
    from outreach_tui.ui.app import OutreachApp


def check_permissions(app: OutreachApp) -> None:
    """Look for files others can read, in a thread; offer to fix them on the UI thread."""
    app.run_worker(lambda: _find_loose(app), thread=True, group="permissions", exit_on_error=False)


def _find_loose(app: OutreachApp) -> None:
    from outreach_tui.core.platform.files import tidy_data_folder
    from outreach_tui.core.platform.permissions import linked_folders, loose_paths

    root = app.store.root
    tidy_data_folder(root)  # what a killed save or editor hand-off left
    for line in linked_folders(root):
        app.call_from_thread(
            app.notify, line, title="Not private", severity="warning", markup=False
        )
    loose = loose_paths(root)
    if loose:
        app.call_from_thread(_offer_fix, app, loose)


def _offer_fix(app: OutreachApp, loose: list[Loose]) -> None:
    def decided(choice: str | None) -> None:
        if choice != "fix":
            return
        from outreach_tui.core.platform.permissions import tighten

        problems = tighten(loose)
        if problems:
            app.notify("\n".join(problems[:5]), title="Could not fix", severity="error")
        else:
            app.notify(f"{len(loose)} item(s) are now yours alone.", title="Fixed")

    lines = [item.describe() for item in loose]
    from outreach_tui.ui.screens.modals import permissions_modal

    app.push_screen(permissions_modal(len(loose), lines), callback=decided)
