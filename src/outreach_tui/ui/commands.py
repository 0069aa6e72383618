"""The command palette (ctrl+p): every action of the app, with a help line."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.markup import escape

from outreach_tui.core.platform.safe_text import for_line
from outreach_tui.ui.keys import APP, DRAFTS, WIZARD, Owners, keys_text, live_owners

if TYPE_CHECKING:
    from outreach_tui.ui.app import OutreachApp
    from outreach_tui.ui.screens.wizard import WizardScreen


def wizard_commands(
    app: OutreachApp, wizard: WizardScreen, *, in_front: bool = True
) -> Iterator[SystemCommand]:
    """The wizard's actions; those of the Preview step take the user there first.

    With another screen in front (`in_front` False), only the app-wide ones: new draft,
    drafts, export, LinkedIn, keys. Each help line names the key bound to it (ui/keys.py).
    """
    owners = live_owners(app)

    yield SystemCommand("New draft", "Start a new message to someone else", app.action_new_draft)
    yield SystemCommand("Open drafts", "Your saved drafts: open, track, follow up", app.open_drafts)
    yield SystemCommand(
        "Your results",
        "What happened to your messages: replies by hook, channel, score, follow-up"
        + _hint(owners, DRAFTS, "results", " in Drafts"),
        app.open_results,
    )
    if in_front:
        yield from _message_commands(wizard, owners)

    async def export() -> None:
        from outreach_tui.ui.screens.drafts import DraftsScreen

        await app.open_drafts()
        screen = app.screen
        if isinstance(screen, DraftsScreen):
            for _ in range(100):  # until its table is there (a few frames at most)
                if screen.is_mounted and screen.query("#drafts-table"):
                    break
                await asyncio.sleep(0.01)
            screen.call_after_refresh(screen.action_export)

    yield SystemCommand(
        "Export", "The highlighted draft's message (.txt) or your due dates (.ics)", export
    )
    yield SystemCommand(
        "Import LinkedIn export",
        "Your connections, to find people you both know"
        + _hint(owners, APP, "linkedin_import", " on the Research step"),
        app.action_linkedin_import,
    )
    yield SystemCommand(
        "Remove LinkedIn import",
        "Delete the app's copy of your connections",
        app.action_linkedin_remove,
    )
    yield SystemCommand(
        "Keys", "Every key of the app" + _hint(owners, APP, "help"), app.action_help
    )


def _hint(owners: Owners, owner: str, action: str, where: str = "") -> str:
    """ " (ctrl+s)": the keys bound to `action`, for a help line; "" when none is."""
    keys = keys_text(owners, owner, action)
    return f" ({keys}{where})" if keys else ""


def _message_commands(wizard: WizardScreen, owners: Owners) -> Iterator[SystemCommand]:
    """Save, copy, edit, and a command per channel: the message in the wizard."""

    def on_preview(action: Callable[[], object]) -> Callable[[], object]:
        async def run() -> None:
            await wizard.open_preview()
            action()

        return run

    yield SystemCommand(
        "Save draft", "Save the draft now" + _hint(owners, WIZARD, "save"), wizard.action_save
    )
    yield SystemCommand(
        "Copy message",
        "Copy the message to the clipboard" + _hint(owners, WIZARD, "copy_message"),
        on_preview(wizard.action_copy_message),
    )
    yield SystemCommand(
        "Copy subject",
        "Copy the subject line to the clipboard",
        on_preview(wizard.action_copy_subject),
    )
    yield SystemCommand(
        "Edit in your editor",
        "Open the message in $VISUAL or $EDITOR" + _hint(owners, WIZARD, "external_editor"),
        on_preview(wizard.action_external_editor),
    )
    for name, channel in wizard.renderer.channels().items():

        async def switch(name: str = name) -> None:
            await wizard.show_channel(name)

        # A user template's title and description: shown in their visible form, and escaped
        # (the palette reads its entries as markup).
        title, about = escape(for_line(channel.title)), escape(for_line(channel.description))
        yield SystemCommand(f"Channel: {title}", about, switch)
    if wizard.can_introduce():
        from outreach_tui.core.message.channels import INTRODUCTION_CHANNEL, INTRODUCTION_SPEC
        from outreach_tui.ui.screens.wizard_introduction import strongest_name

        async def introduce() -> None:
            await wizard.show_channel(INTRODUCTION_CHANNEL)

        from outreach_tui.core.names import display_name

        who = display_name(strongest_name(wizard) or wizard.answers.introduction.introducer)
        yield SystemCommand(
            escape(for_line(f"Ask {who} for an introduction")),
            escape(for_line(INTRODUCTION_SPEC.description)),
            introduce,
        )
