"""Every key of the app, described once: the help screen (F1), the palette's hints and README's
key table are made from this list and the keys really bound in the screens' BINDINGS.

A row names an action and the class that binds it (`owner`); its key is read from that class's
BINDINGS (merged along its bases as Textual merges them), so rebinding a key changes every
place that shows it. Keys that Textual's own widgets handle (a list's enter, a button) are
written out in `keys`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingsMap

README_START = "<!-- keys: made by scripts/keys.py from the BINDINGS; do not edit by hand -->"
README_END = "<!-- keys: end -->"

APP, WIZARD, DRAFTS, RESULTS, SUGGESTIONS = "app", "wizard", "drafts", "results", "suggestions"
"""The owners a row can name (see `default_owners`)."""

Owners = Mapping[str, type[object]]
"""Owner name -> the class whose BINDINGS hold its keys."""

_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "plus": "+",
    "delete": "del",
    "f1": "F1",
}


@dataclass(frozen=True)
class KeyRow:
    """One key and what it does.

    `actions` on `owner` give the key (several actions: their keys joined with " / ", as in
    "tab / shift+tab"); `keys` is README Markdown for keys not bound by us (put before the bound
    ones). `what` is the help screen's line; `readme` (default `what`) README's; `where` is
    README's Where column. `help` / `in_readme` False leave the row out of one of them.
    """

    section: str
    where: str
    what: str
    owner: str = ""
    actions: tuple[str, ...] = ()
    keys: str = ""
    readme: str = ""
    help: bool = True
    in_readme: bool = True


def _row(
    section: str,
    where: str,
    what: str,
    *actions: str,
    keys: str = "",
    readme: str = "",
    help: bool = True,
    in_readme: bool = True,
) -> KeyRow:
    """A row; `actions` are "owner:action" (one owner per row)."""
    owner = actions[0].partition(":")[0] if actions else ""
    names = tuple(action.partition(":")[2] for action in actions)
    return KeyRow(section, where, what, owner, names, keys, readme, help, in_readme)


EVERYWHERE = "Everywhere"
WIZARD_STEPS = "Wizard"
RESEARCH = "Research step, with a LinkedIn import"
REVIEW = "Review step"
PREVIEW = "Preview & save step"
DRAFTS_SCREEN = "Drafts"
RESULTS_SCREEN = "Your results"

ROWS: tuple[KeyRow, ...] = (
    _row(
        EVERYWHERE,
        "everywhere",
        "this help (? when not typing in a field)",
        "app:help",
        readme="all the keys on one screen (`?` only outside a text field)",
    ),
    _row(
        EVERYWHERE,
        "everywhere",
        "command palette: every action, searchable",
        "app:command_palette",
        readme="the command palette: every action (new draft, drafts, your results, save, copy "
        "message or subject, editor, switch channel, export, LinkedIn import and removal, theme, "
        "keys), searchable, each with a help line",
    ),
    _row(
        EVERYWHERE,
        "everywhere",
        "next / previous field or button",
        "wizard:app.focus_next",
        "wizard:app.focus_previous",
    ),
    _row(EVERYWHERE, "everywhere", "quit (asks first if there are unsaved changes)", "app:quit"),
    _row(WIZARD_STEPS, "wizard", "next step (checks the current step first)", "wizard:next"),
    _row(WIZARD_STEPS, "wizard", "previous step", "wizard:back"),
    _row(
        WIZARD_STEPS,
        "one-line field",
        "in a one-line field: check it and go to the next field",
        "wizard:submit_field",
        readme="check it and go to the next field (keys typed or pasted right after it land in "
        "that next field, as after `tab`)",
    ),
    _row(
        WIZARD_STEPS,
        "lists (Research)",
        "a new line: one item per line",
        keys="`enter`",
        help=False,
    ),
    _row(
        WIZARD_STEPS,
        "wizard, from step 1 (or the welcome step when answers were loaded)",
        "save the draft",
        "wizard:save",
        readme="save the draft (also the **Save draft** button)",
    ),
    _row(
        WIZARD_STEPS,
        "wizard",
        "your saved drafts",
        "wizard:drafts",
        readme="your drafts (the Drafts screen); `escape` comes back",
    ),
    _row(
        RESEARCH,
        "Research",
        "add the highlighted suggestion as a shared connection",
        "app:linkedin_add",
        readme="add the highlighted suggested person (from any field of the step)",
    ),
    _row(
        RESEARCH,
        "Research, a suggested person",
        "add them to your shared connections",
        "suggestions:select",
        help=False,
    ),
    _row(
        RESEARCH,
        'Research, "Add a shared connection"',
        "accept the completed name, then add it",
        keys="`→` then `enter`",
        help=False,
    ),
    _row(
        RESEARCH,
        "Research",
        "import your LinkedIn data export",
        "app:linkedin_import",
        readme="import your LinkedIn export (a dialog asks for the path)",
    ),
    _row(
        RESEARCH,
        "Research",
        "remove the import",
        "app:linkedin_remove",
        readme="remove the LinkedIn import (asks first)",
    ),
    _row(REVIEW, "Review", "edit the highlighted answer", keys="`enter`"),
    _row(
        REVIEW,
        "wizard",
        "after that: straight back to Review (until Next or Back)",
        "wizard:to_review",
        readme="back to Review, after `enter` on a Review row took you to an answer (also a "
        "**Back to Review** button; gone once you press Next or Back)",
    ),
    _row(
        PREVIEW,
        "Preview",
        "edit the message in $VISUAL / $EDITOR",
        "wizard:external_editor",
        readme="edit the message in your own editor (`$VISUAL`, else `$EDITOR`)",
    ),
    _row(
        PREVIEW,
        "Preview",
        "copy the message to the clipboard (works over SSH)",
        "wizard:copy_message",
        readme="copy the message to the clipboard (OSC 52: works over SSH too)",
    ),
    _row(
        PREVIEW,
        "Preview, note channel",
        "button: tighten a too-long invitation note",
        keys="**Shorten to fit**",
        readme="tighten a too-long note, keeping the greeting, the hook and the ask",
    ),
    _row(
        PREVIEW,
        "Preview",
        "button: drop your edits, follow the answers again",
        keys="**Reset to template**",
        readme="drop your edits and follow the answers again",
    ),
    _row(
        DRAFTS_SCREEN,
        "Drafts",
        "filter",
        "drafts:filter",
        readme="filter: type a name, an organisation or any text; `enter` or `escape` goes back "
        "to the list",
    ),
    _row(
        DRAFTS_SCREEN,
        "Drafts",
        "open the draft in the wizard",
        keys="`enter`",
        readme="open the highlighted draft in the wizard, answers and edits restored (or click "
        "it twice)",
    ),
    _row(
        DRAFTS_SCREEN,
        "Drafts",
        "move through the list",
        keys="`up` `down` `pageup` `pagedown` `home` `end`",
        readme="move through the list (a click highlights a row)",
        help=False,
    ),
    _row(DRAFTS_SCREEN, "Drafts", "sort by last change or by due date", "drafts:sort"),
    _row(
        DRAFTS_SCREEN,
        "Drafts",
        "mark: sent, replied, no reply, interview held, thanked",
        "drafts:mark",
        readme="mark what happened (sent, followed up, replied, no reply, interview held, "
        "thanked), today or on a date",
    ),
    _row(
        DRAFTS_SCREEN,
        "Drafts, a due draft",
        "write the follow-up or thank-you that is due",
        "drafts:follow_up",
        readme="write the follow-up or thank-you: a new draft from the same answers",
    ),
    _row(
        DRAFTS_SCREEN,
        "Drafts",
        "duplicate for someone else at the same organisation",
        "drafts:duplicate",
        readme="duplicate for someone else at the same organisation (asks their name, then "
        "opens the copy)",
    ),
    _row(
        DRAFTS_SCREEN,
        "Drafts",
        "rename",
        "drafts:rename",
        readme="rename (an empty title shows the contact and organisation again)",
    ),
    _row(
        DRAFTS_SCREEN,
        "Drafts",
        "delete (to the trash)",
        "drafts:trash",
        readme="delete: asks first, then moves the draft to the trash",
    ),
    _row(DRAFTS_SCREEN, "Drafts", "undo the last delete (while the app is open)", "drafts:undo"),
    _row(
        DRAFTS_SCREEN,
        "Drafts",
        "export the message (.txt) and due dates (.ics)",
        "drafts:export",
        readme="export the message as `.txt`, or every due date as an `.ics` calendar",
    ),
    _row(
        DRAFTS_SCREEN,
        "Drafts",
        "your results: replies by hook, channel, coach score, follow-up",
        "drafts:results",
        readme="your results: what happened to your messages (see [Your results](#your-results))",
    ),
    _row(DRAFTS_SCREEN, "Drafts", "back to the wizard", "drafts:back"),
    _row(
        RESULTS_SCREEN,
        "Your results",
        "count again (after marking drafts elsewhere)",
        "results:recount",
    ),
    _row(RESULTS_SCREEN, "Your results", "back to the drafts", "results:back"),
)


def default_owners() -> dict[str, type[object]]:
    """The classes that bind the app's keys, as shipped."""
    from outreach_tui.ui.app import OutreachApp
    from outreach_tui.ui.screens.drafts import DraftsScreen
    from outreach_tui.ui.screens.results import ResultsScreen
    from outreach_tui.ui.screens.wizard import WizardScreen
    from outreach_tui.ui.widgets.linkedin_panel import SuggestionList

    return {
        APP: OutreachApp,
        WIZARD: WizardScreen,
        DRAFTS: DraftsScreen,
        RESULTS: ResultsScreen,
        SUGGESTIONS: SuggestionList,
    }


def live_owners(app: object) -> dict[str, type[object]]:
    """The classes of a running app: its own class, and its wizard's (a subclass may bind
    other keys)."""
    from outreach_tui.ui.app import OutreachApp

    owners = default_owners()
    owners[APP] = type(app)
    if isinstance(app, OutreachApp) and app.wizard is not None:
        owners[WIZARD] = type(app.wizard)
    return owners


def bound_keys(owner: type[object], action: str) -> list[str]:
    """The keys that run `action` on `owner`, as Textual merges BINDINGS along its bases (a
    subclass that binds a key again takes it over). The palette's key is the app's
    COMMAND_PALETTE_BINDING. Read from the public BINDINGS only: a class made with
    `inherit_bindings=False` or a keymap set at run time is not seen (the app uses neither)."""
    if action == "command_palette":
        key = getattr(owner, "COMMAND_PALETTE_BINDING", "")
        return [key] if isinstance(key, str) and key else []
    merged: dict[str, list[Binding]] = {}
    for base in reversed(owner.__mro__):
        bindings = base.__dict__.get("BINDINGS")
        if bindings:
            merged.update(BindingsMap(bindings).key_to_bindings)
    return [key for key, found in merged.items() if any(b.action == action for b in found)]


def key_name(key: str) -> str:
    """A key as the help shows it: ``question_mark`` -> ``?``, ``f1`` -> ``F1``."""
    return "+".join(_NAMES.get(part, part) for part in key.split("+"))


def keys_text(owners: Owners, owner: str, action: str, joiner: str = " or ") -> str:
    """The keys of `action` on the class named `owner`, e.g. "F1 or ?"; "" when unbound."""
    return key_text(owners[owner], action, joiner)


def key_text(owner: type[object], action: str, joiner: str = " or ") -> str:
    """The keys of `action` on `owner` (a class), e.g. "ctrl+l"; "" when unbound."""
    return joiner.join(key_name(k) for k in bound_keys(owner, action))


def _row_keys(row: KeyRow, owners: Owners, *, markdown: bool) -> str:
    def shown(key: str) -> str:
        return f"`{key}`" if markdown else key

    bound = [
        (" / " if markdown else " or ").join(
            shown(key_name(k)) for k in bound_keys(owners[row.owner], action)
        )
        for action in row.actions
    ]
    fixed = row.keys if markdown else re.sub(r"[`*]", "", row.keys)
    return " / ".join(part for part in (fixed, *bound) if part)


def help_sections(owners: Owners) -> list[tuple[str, list[tuple[str, str]]]]:
    """The help screen's sections: (title, [(keys, what it does)]) in the order shown."""
    sections: dict[str, list[tuple[str, str]]] = {}
    for row in ROWS:
        if row.help:
            sections.setdefault(row.section, []).append(
                (_row_keys(row, owners, markdown=False), row.what)
            )
    return list(sections.items())


def readme_table(owners: Owners | None = None) -> str:
    """README's key table (Markdown), from the shipped classes unless `owners` are given."""
    owners = owners or default_owners()
    lines = ["| Key | Where | What it does |", "|---|---|---|"]
    lines += [
        f"| {_row_keys(row, owners, markdown=True)} | {row.where} | {row.readme or row.what} |"
        for row in ROWS
        if row.in_readme
    ]
    return "\n".join(lines)


def with_readme_table(readme: str, table: str) -> str:
    """`readme` with the text between its key-table markers replaced by `table`.

    Raises ValueError when the markers are missing or out of order.
    """
    start, end = readme.find(README_START), readme.find(README_END)
    if start < 0 or end < start:
        raise ValueError(f"README has no key table between {README_START!r} and {README_END!r}")
    head = readme[: start + len(README_START)]
    return f"{head}\n{table}\n{readme[end:]}"


def unbound(owners: Owners, rows: Iterable[KeyRow] = ROWS) -> list[str]:
    """Rows whose action no key runs ("owner:action"): a binding was removed or renamed."""
    return [
        f"{row.owner}:{action}"
        for row in rows
        for action in row.actions
        if not bound_keys(owners[row.owner], action)
    ]
