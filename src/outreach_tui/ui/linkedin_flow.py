"""The LinkedIn workflow of the app: reading the user's import after the first paint, importing
an export (in a worker thread, never blocking a key), removing it, and the toasts that report
each step.

The app owns the state the Research step's panel watches (`OutreachApp.linkedin` and
`linkedin_status`); this module changes it, always on the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

if TYPE_CHECKING:
    from outreach_tui.core.linkedin.store import ImportSummary, LinkedInData
    from outreach_tui.ui.app import OutreachApp


class LinkedInFlow:
    """The app's LinkedIn import: load, import, remove. One per app."""

    def __init__(self, app: OutreachApp, given: LinkedInData | None = None) -> None:
        """`given`: an import handed to the app (tests); else the data folder's is read."""
        self.app = app
        self.given = given

    @property
    def root(self) -> Path:
        """The data folder the import lives in (the app's store can move: Save elsewhere)."""
        return self.app.store.root

    def start(self) -> None:
        """After the first paint: read the import (if any) in a thread, never blocking a key."""
        from outreach_tui.core.linkedin.store import import_path

        app = self.app
        if self.given is not None:
            app.linkedin_status = "ready"
            app.linkedin = self.given
        elif import_path(self.root).exists():
            app.linkedin_status = "loading"
            app.linkedin = None
            app.run_worker(
                self._load,
                thread=True,
                group="linkedin",
                exclusive=True,
                exit_on_error=False,
            )

    def _load(self) -> None:
        from outreach_tui.core.linkedin.store import LinkedInError, load

        try:
            data = load(self.root)
            if data is not None:
                data.prepare()
        except Exception as exc:  # reported once, and the file is left as it is
            problem = str(exc) if isinstance(exc, LinkedInError) else f"cannot read it ({exc})"
            self.app.call_from_thread(self._damaged, problem)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, data)

    def _loaded(self, data: LinkedInData | None) -> None:
        app = self.app
        app.linkedin_status = "none" if data is None else "ready"
        app.linkedin = data
        if data is not None and data.problems:
            app.notify(
                "\n".join(data.problems),
                title="LinkedIn import",
                severity="warning",
                timeout=10,
                markup=False,
            )

    def _damaged(self, problem: str) -> None:
        app = self.app
        app.linkedin_status = "damaged"
        app.linkedin = None
        app.notify(
            problem,
            title="LinkedIn import not read",
            severity="warning",
            timeout=12,
            markup=False,
        )

    def add_highlighted(self) -> None:
        """Add the highlighted suggestion of the Research step as a shared connection."""
        from outreach_tui.ui.widgets.linkedin_panel import LinkedInPanel

        for panel in self.app.screen.query(LinkedInPanel):
            panel.add_highlighted()

    def ask_for_export(self, value: str = "", problem: str = "") -> None:
        """Ask where the export is (`value` prefilled, `problem` saying what went wrong), then
        import it."""
        from outreach_tui.ui.screens.linkedin_import import LinkedInImportScreen, default_path

        data = self.app.linkedin
        current = ""
        if data is not None:
            current = f"This replaces your current import ({data.summary.headline})."
        self.app.push_screen(
            LinkedInImportScreen(value or default_path(), current=current, problem=problem),
            callback=self._path_chosen,
        )

    def _path_chosen(self, path: str | None) -> None:
        if path:
            self.app.run_worker(
                lambda: self._import(path),
                thread=True,
                group="linkedin",
                exclusive=True,
                exit_on_error=False,
            )

    def _import(self, path: str) -> None:
        from outreach_tui.core.linkedin.store import LinkedInError, import_export, load

        try:
            summary = import_export(Path(path).expanduser(), self.root)
            data = load(self.root)
            if data is not None:
                data.prepare()
        except Exception as exc:  # one line for the user, whatever went wrong
            problem = str(exc) if isinstance(exc, LinkedInError) else f"{path}: {exc}"
            self.app.call_from_thread(self._import_failed, path, problem)
            return
        self.app.call_from_thread(self._imported, summary, data, self._update_drafts(data))

    def _update_drafts(self, data: LinkedInData | None) -> list[str]:
        """The drafts an import's messages show as sent or replied, updated (core/results/
        sync.py); the summary's lines about them. Runs in the import's worker thread."""
        if data is None:
            return []
        from datetime import UTC, datetime

        from outreach_tui.core.results.sync import update_drafts

        now = datetime.now(UTC).replace(microsecond=0)
        return update_drafts(self.app.library, data, imported=self.app.today(), now=now).lines()

    def _import_failed(self, path: str, problem: str) -> None:
        self.app.notify(problem, title="LinkedIn import failed", severity="error", markup=False)
        self.ask_for_export(path, problem)

    def _imported(
        self, summary: ImportSummary, data: LinkedInData | None, updates: Sequence[str] = ()
    ) -> None:
        app = self.app
        app.linkedin_status = "none" if data is None else "ready"
        app.linkedin = data
        lines = [*summary.lines(), *updates, *summary.warnings]
        app.notify("\n".join(lines), title="LinkedIn import", timeout=10, markup=False)

    def remove(self) -> None:
        """Delete the app's copy of the user's connections, after asking."""
        from outreach_tui.core.linkedin.store import LinkedInError, import_path, remove
        from outreach_tui.ui.screens.linkedin_import import remove_import_modal

        app = self.app
        path = import_path(self.root)
        if not path.exists():
            app.notify("There is no LinkedIn import to remove.", title="LinkedIn")
            return

        def decided(choice: str | None) -> None:
            if choice != "remove":
                return
            try:
                remove(self.root)
            except LinkedInError as exc:
                app.notify(str(exc), title="Not removed", severity="error", markup=False)
                return
            app.linkedin_status = "none"
            app.linkedin = None
            app.notify("Your LinkedIn import is removed.", title="LinkedIn")

        app.push_screen(remove_import_modal(path), callback=decided)
