"""The Textual application: screens, themes and the palette. It owns the store and renderer it
was given; the LinkedIn workflow is in ui/linkedin_flow.py, the privacy check in ui/privacy.py."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from outreach_tui.core.drafts.autosave import Autosave, AutosaveError, WorkState
from outreach_tui.core.drafts.draft import DraftError
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.settings import Settings, apply_defaults
from outreach_tui.core.platform.safe_text import for_line, for_text
from outreach_tui.ui.linkedin_flow import LinkedInFlow
from outreach_tui.ui.privacy import check_permissions
from outreach_tui.ui.screens.wizard import OpenDrafts, WizardScreen
from outreach_tui.ui.themes import HIGH_CONTRAST
from outreach_tui.ui.widgets.safe_display import TerminalSafetyFilter

if TYPE_CHECKING:
    from outreach_tui.core.drafts.library import Library
    from outreach_tui.core.linkedin.store import LinkedInData
    from outreach_tui.ui.screens.drafts import OpenDraft


class OutreachApp(App[int]):
    """outreach-tui's wizard, drafts list and dialogs."""

    CSS_PATH = "app.tcss"
    TITLE = "outreach-tui"
    COMMAND_PALETTE_BINDING = "ctrl+p"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall"), (32, "-taller")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help", priority=True),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+l", "linkedin_import", "LinkedIn import"),
        Binding("ctrl+o", "linkedin_add", "Add suggested", show=False),
        Binding("ctrl+r", "linkedin_remove", "Remove import", show=False),
    ]
    linkedin: var[LinkedInData | None] = var(None, always_update=True, init=False)
    """The user's LinkedIn import, once read (by a worker, after the first paint)."""
    linkedin_status: var[str] = var("none", init=False)
    """"none", "loading", "ready" or "damaged" (reported once; the file is left)."""

    def __init__(
        self,
        store: DraftStore,
        renderer: Renderer,
        answers: Answers | None = None,
        source: str | None = None,
        *,
        today: Callable[[], date] = date.today,
        settings: Settings | None = None,
        linkedin: LinkedInData | None = None,
        settings_file: Path | None = None,
        notices: tuple[str, ...] = (),
    ) -> None:
        """`today` is the user's date (tests pass a fixed one): it decides what is due.
        `notices` are one-line warnings found before the app started (shown once)."""
        super().__init__()
        self._safety_filter = TerminalSafetyFilter()
        self.store = store
        self.renderer = renderer
        self._answers = answers
        self._source = source
        self.linkedin_flow = LinkedInFlow(self, given=linkedin)
        """Reading, importing and removing the user's LinkedIn import."""
        self.settings = settings or Settings()
        """The user's settings (defaults, theme, channel): see core/model/settings.py."""
        self.settings_file = settings_file
        """Where a theme chosen in the app is remembered (None: not remembered, e.g. tests)."""
        self.register_theme(HIGH_CONTRAST)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.autosave: Autosave | None = Autosave(store.root)
        self.today = today
        self.trashed: list[str] = []
        """Drafts moved to the trash while the app runs, most recent last (the undo stack)."""
        self._library: Library | None = None
        self._due_worker: Worker[None] | None = None
        self._notices = notices

    def get_line_filters(self) -> list[LineFilter]:
        """Textual's filters, then the terminal-safety net (safe_display.TerminalSafetyFilter)."""
        return [*super().get_line_filters(), self._safety_filter]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast of the app: its title and message are shown in their visible form
        (core/platform/safe_text.py) and never parsed as markup, whatever the caller says: they
        often hold user text (a draft's title, a file name, an error about a user's file)."""
        del markup
        super().notify(
            for_text(message),
            title=for_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_help_quit(self) -> None:
        """ctrl+c, Textual's reminder of how to quit: its toast without the markup it carries
        (this app shows every toast as text)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app.", title="Do you want to quit?")
                return

    def on_mount(self) -> None:
        # Textual holds back every paint until the app's Mount has been handled, and the
        # wizard's first frame was composed and drawn in that time for nothing: the screen is
        # pushed just after.
        self.call_next(self._open_first_screen)

    def _open_first_screen(self) -> None:
        resume: WorkState | None = None
        problem = ""
        assert self.autosave is not None
        try:
            resume = self.autosave.load()
        except AutosaveError as exc:
            # Never overwrite what we cannot read: autosave stays off until it is moved away.
            self.autosave = None
            problem = str(exc)
        self.push_screen(self._new_wizard(self._answers, source=self._source))
        if problem:
            self.notify(
                f"{problem}\nIt is left as it is; autosave is off until you move it away.",
                title="Autosave file damaged",
                severity="warning",
                timeout=12,
            )
        for notice in self._notices:  # notify() shows it in its visible form
            self.notify(notice, title="Note", severity="warning", timeout=12, markup=False)
        if resume is not None:
            self._offer_resume(resume)
        # First, so that the collector is back on before the threads start.
        self.call_after_refresh(self._first_screen_drawn)
        self.call_after_refresh(self.linkedin_flow.start)
        self.call_after_refresh(self._check_due)
        self.call_after_refresh(check_permissions, self)

    def _first_screen_drawn(self) -> None:
        """The CLI pauses Python's garbage collector for start-up: on again now."""
        import gc

        gc.enable()

    # -- themes, help and the command palette ---------------------------------------------------

    def watch_theme(self, theme: str) -> None:
        """Remember a theme chosen in the app (from the palette) in the settings file."""
        if self.settings_file is None or theme == self.settings.theme:
            return
        from outreach_tui.core.model.settings import SettingsError, save_settings

        self.settings.theme = theme
        try:
            save_settings(self.settings_file, self.settings)
        except SettingsError as exc:
            self.notify(str(exc), title="Theme not remembered", severity="warning", markup=False)

    def action_help(self) -> None:
        from outreach_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from outreach_tui.ui.commands import wizard_commands

        wizard = self.wizard
        if wizard is not None:
            # The wizard's own commands (save, copy, channels) only while it is in front: from
            # the Drafts screen they would change a wizard the user cannot see.
            yield from wizard_commands(self, wizard, in_front=screen is wizard)
        for command in super().get_system_commands(screen):
            if command.title != "Keys":  # ours ("Keys", F1) lists every key of the app
                yield command

    async def action_new_draft(self) -> None:
        """Start a new draft (asking first when the current one has unsaved changes)."""
        while not isinstance(self.screen, WizardScreen) and len(self.screen_stack) > 2:
            self.pop_screen()

        def fresh() -> None:
            self.switch_screen(self._new_wizard(apply_defaults(Answers(), self.settings)))

        self.when_work_is_safe("starting a new draft", fresh)

    def _new_wizard(
        self, answers: Answers | None = None, source: str | None = None, **kwargs: Any
    ) -> WizardScreen:
        return WizardScreen(
            self.store,
            self.renderer,
            answers=answers,
            source=source,
            autosave=self.autosave,
            library=lambda: self.library,
            **kwargs,
        )

    def _offer_resume(self, state: WorkState) -> None:
        def decided(choice: str | None) -> None:
            if choice == "resume":
                draft = None
                if state.draft_id:
                    try:
                        draft = self.store.load(state.draft_id)
                    except DraftError:
                        draft = None  # continue as a new draft: the answers are all here
                self.switch_screen(self._new_wizard(draft=draft, resume=state))
                self.notify("Back where you were.", title="Resumed")
            elif self.autosave is not None:
                self.autosave.clear()  # kept as autosave.previous.json

        from outreach_tui.ui.screens.modals import resume_modal

        self.push_screen(resume_modal(state.describe()), callback=decided)

    @property
    def wizard(self) -> WizardScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, WizardScreen):
                return screen
        return None

    # -- drafts ----------------------------------------------------------------------------------

    @property
    def library(self) -> Library:
        """The drafts library: one instance, made on first use (not at start-up)."""
        if self._library is None:
            from outreach_tui.core.drafts.library import Library

            self._library = Library(
                self.store, today=self.today, follow_up_days=self.settings.follow_up_days
            )
        return self._library

    def _check_due(self) -> None:
        """After the first screen is drawn: say what is due, from a thread (no file is parsed
        for unchanged drafts, but 10,000 of them still take a moment to scan)."""
        self._due_worker = self.run_worker(
            self._due_summary, name="due-summary", thread=True, exit_on_error=False
        )

    def _due_summary(self) -> None:
        try:
            self.library.refresh()
            summary = self.library.summary()
        except (DraftError, OSError):  # the Drafts screen reports it; start-up stays quiet
            return
        if summary:
            self.call_from_thread(self._say_due, summary)

    def _say_due(self, summary: str) -> None:
        """The start-up line about what is due; the way to the drafts unless they are open."""
        from outreach_tui.ui.screens.drafts import DraftsScreen

        if any(isinstance(screen, DraftsScreen) for screen in self.screen_stack):
            message = f"{summary}."  # open, perhaps under a dialog (Mark...)
        else:
            from outreach_tui.ui.keys import key_text

            drafts_key = key_text(type(self.wizard or WizardScreen), "drafts")
            message = f"{summary}. Press {drafts_key} to see your drafts."
        self.notify(message, title="Due", timeout=10, markup=False)

    async def on_open_drafts(self, _: OpenDrafts) -> None:
        await self.open_drafts()

    async def open_drafts(self) -> None:
        """Show the Drafts screen (after the start-up scan, which uses the same index)."""
        from outreach_tui.ui.screens.drafts import DraftsScreen

        if isinstance(self.screen, DraftsScreen):
            return
        worker = self._due_worker
        if worker is not None and not worker.is_finished:
            with contextlib.suppress(WorkerFailed, WorkerCancelled):
                await worker.wait()
        self.push_screen(
            DraftsScreen(self.library, today=self.today, trashed=self.trashed),
            callback=self._draft_chosen,
        )
        # The start-up line says "Press ctrl+d to see your drafts": they are open now, and
        # their own line says what is due.
        from outreach_tui.ui.textual_ext.toasts import withdraw

        withdraw(self, "Due")

    def open_results(self) -> None:
        """Show the Results screen (what happened to the messages sent)."""
        from outreach_tui.ui.screens.results import ResultsScreen

        if not isinstance(self.screen, ResultsScreen):
            self.push_screen(ResultsScreen(self.store))

    def _draft_chosen(self, choice: OpenDraft | None) -> None:
        if choice is None:
            return
        self.when_work_is_safe("opening another draft", lambda: self._open_draft(choice))

    def _open_draft(self, choice: OpenDraft) -> None:
        try:
            draft = self.library.load(choice.draft_id)
        except DraftError as exc:
            self.notify(str(exc), title="Cannot open draft", severity="error", markup=False)
            return
        self.switch_screen(self._new_wizard(draft=draft, channel=choice.channel))
        who = draft.answers.contact.name or choice.draft_id
        if choice.channel is not None:
            message = f"A new {choice.channel} to {who}, from the same answers."
        else:
            message = f"Opened {who}."
        self.notify(message, title="Draft", markup=False)

    # -- LinkedIn import (the workflow is in ui/linkedin_flow.py) ---------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action.startswith("linkedin_"):  # the Research step's keys
            screen = self.screen
            step = screen.current if isinstance(screen, WizardScreen) else None
            return step is not None and step.key == "research"
        return True

    def action_linkedin_add(self) -> None:
        self.linkedin_flow.add_highlighted()

    def action_linkedin_import(self, value: str = "", problem: str = "") -> None:
        self.linkedin_flow.ask_for_export(value, problem)

    def action_linkedin_remove(self) -> None:
        self.linkedin_flow.remove()

    # -- quitting ------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self.when_work_is_safe("quitting", lambda: self.exit(0))

    def when_work_is_safe(self, doing: str, then: Callable[[], object]) -> None:
        """Run `then` now, or, with unsaved changes, once the user saved or chose to drop them.

        Cancel (or a save that fails) leaves everything as it was.
        """
        wizard = self.wizard
        if wizard is None or not wizard.dirty:
            then()
            return

        def decided(choice: str | None) -> None:
            if choice == "save" and not wizard.action_save():
                return
            if choice == "discard":
                wizard.discard_autosave()
            if choice in ("save", "discard"):
                then()

        from outreach_tui.ui.screens.modals import unsaved_changes_modal

        self.push_screen(unsaved_changes_modal(doing), callback=decided)


def create_app(
    data_dir: Path,
    answers: Answers | None = None,
    source: str | None = None,
    *,
    store: DraftStore | None = None,
    renderer: Renderer | None = None,
    linkedin: LinkedInData | None = None,
    settings: Settings | None = None,
    today: Callable[[], date] = date.today,
    settings_file: Path | None = None,
    notices: tuple[str, ...] = (),
) -> OutreachApp:
    """Build the app from a data folder (or a given store, renderer and clock, for tests)."""
    return OutreachApp(
        store or DraftStore(data_dir),
        renderer or Renderer(),
        answers=answers,
        source=source,
        linkedin=linkedin,
        settings=settings,
        today=today,
        settings_file=settings_file,
        notices=notices,
    )
