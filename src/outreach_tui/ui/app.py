"""The Textual application: thin. It owns the store and renderer it was given and the screens."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from outreach_tui.core.answers import Answers
from outreach_tui.core.autosave import Autosave, AutosaveError, WorkState
from outreach_tui.core.render import Renderer
from outreach_tui.core.settings import Settings
from outreach_tui.core.store import DraftError, DraftStore
from outreach_tui.ui.screens.drafts import DraftsScreen
from outreach_tui.ui.screens.modals import resume_modal, unsaved_changes_modal
from outreach_tui.ui.screens.wizard import OpenDrafts, WizardScreen


class OutreachApp(App[int]):
    """outreach-tui's wizard, drafts list and dialogs."""

    CSS_PATH = "app.tcss"
    TITLE = "outreach-tui"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        store: DraftStore,
        renderer: Renderer,
        answers: Answers | None = None,
        source: str | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.renderer = renderer
        self._answers = answers
        self._source = source
        self.settings = settings or Settings()
        """The user's settings (defaults, theme, channel): see core/settings.py."""
        self.autosave: Autosave | None = Autosave(store.root)

    def on_mount(self) -> None:
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
        if resume is not None:
            self._offer_resume(resume)

    def _new_wizard(
        self, answers: Answers | None = None, source: str | None = None, **kwargs: Any
    ) -> WizardScreen:
        return WizardScreen(
            self.store,
            self.renderer,
            answers=answers,
            source=source,
            autosave=self.autosave,
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

        self.push_screen(resume_modal(state.describe()), callback=decided)

    @property
    def wizard(self) -> WizardScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, WizardScreen):
                return screen
        return None

    # -- drafts ----------------------------------------------------------------------------------

    def on_open_drafts(self, _: OpenDrafts) -> None:
        self.open_drafts()

    def open_drafts(self) -> None:
        self.push_screen(DraftsScreen(self.store), callback=self._draft_chosen)

    def _draft_chosen(self, draft_id: str | None) -> None:
        if draft_id is None:
            return
        wizard = self.wizard
        if wizard is not None and wizard.dirty:

            def decided(choice: str | None) -> None:
                if choice == "save" and not wizard.action_save():
                    return
                if choice == "discard":
                    wizard.discard_autosave()
                if choice in ("save", "discard"):
                    self._open_draft(draft_id)

            self.push_screen(unsaved_changes_modal("opening another draft"), callback=decided)
            return
        self._open_draft(draft_id)

    def _open_draft(self, draft_id: str) -> None:
        try:
            draft = self.store.load(draft_id)
        except DraftError as exc:
            self.notify(str(exc), title="Cannot open draft", severity="error")
            return
        self.switch_screen(self._new_wizard(draft=draft))
        self.notify(f"Opened {draft.answers.contact.name or draft_id}.", title="Draft")

    # -- quitting ------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        wizard = self.wizard
        if wizard is None or not wizard.dirty:
            self.exit(0)
            return

        def decided(choice: str | None) -> None:
            if choice == "save" and not wizard.action_save():
                return
            if choice == "discard":
                wizard.discard_autosave()
            if choice in ("save", "discard"):
                self.exit(0)

        self.push_screen(unsaved_changes_modal("quitting"), callback=decided)


def create_app(
    data_dir: Path,
    answers: Answers | None = None,
    source: str | None = None,
    *,
    store: DraftStore | None = None,
    renderer: Renderer | None = None,
    settings: Settings | None = None,
) -> OutreachApp:
    """Build the app from a data folder (or a given store and renderer, for tests)."""
    return OutreachApp(
        store or DraftStore(data_dir),
        renderer or Renderer(),
        answers=answers,
        source=source,
        settings=settings,
    )
