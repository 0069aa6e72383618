"""The LinkedIn side of the Research step, from the user's own imported export.

- `LinkedInPanel` (after the shared-connections field): the people the user knows at the
  contact's organisation, each with why it matched; Enter on one (or ctrl+o from anywhere on
  the step) adds that person to the shared-connections list. Below, an "Add a shared
  connection" line whose names complete from the import (→ accepts the grey completion, Enter
  adds the name shown under it).
- `LinkedInNotice` (top of the step): "You wrote to Alex Morgan on 3 Feb 2025", with the advice
  to send a follow-up rather than a first request.

Both only read: the app's `linkedin` / `linkedin_status` (loaded in a worker by the app) and the
screen's `answers`. The panel changes the answers only by editing the shared-connections text
area, so the preview updates the way it does for typing (the form's `on_change`). Names and
organisations are user data: always plain `Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import ContentSwitcher, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from outreach_tui.core.linkedin.csvfiles import name_key
from outreach_tui.core.linkedin.store import LinkedInData, PersonMatch
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.platform.dates import day_text
from outreach_tui.core.platform.safe_text import for_line
from outreach_tui.ui.keys import key_text
from outreach_tui.ui.widgets.one_line import OneLineInput

MAX_SUGGESTIONS = 30
MAX_COMPLETIONS = 4


def one_line(text: str) -> str:
    """Positions may hold newlines (quoted in the CSV): shown on one line."""
    return " ".join(text.split())


def person_prompt(match: PersonMatch, added: bool) -> Text:
    """ "+ Samir Patel (Archivist, connected 2021)", and the reason on a second line for
    anything but an exact match of the organisation's name."""
    person = match.connection
    details = [for_line(one_line(person.position))] if person.position.strip() else []
    if person.connected_on is not None:
        details.append(f"connected {person.connected_on.year}")
    text = Text("✓ " if added else "+ ", style="dim" if added else "bold")
    text.append(for_line(person.name), style="dim" if added else "bold")
    if details:
        text.append(f" ({', '.join(details)})", style="dim" if added else "")
    if added:
        text.append("  added", style="italic")
    if match.score < 1.0:
        text.append(
            f"\n    {for_line(one_line(person.company))}: {for_line(match.reason)}", style="dim"
        )
    return text


def _starts_like(name: str, typed: str) -> bool:
    """True when `name` begins with what was typed (case and accents aside), so that the rest
    of it can be shown after the typed text."""
    return bool(typed.strip()) and name_key(name[: len(typed)]) == name_key(typed)


def _data_of(app: Any) -> LinkedInData | None:
    data = getattr(app, "linkedin", None)
    return data if isinstance(data, LinkedInData) else None


class ConnectionSuggester(Suggester):
    """Completes a typed name from the import ("sam" -> "Samir Patel"); full-name prefixes
    only, since the completion is drawn after the typed text."""

    def __init__(self, source: Callable[[], LinkedInData | None]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._source = source

    async def get_suggestion(self, value: str) -> str | None:
        data = self._source()
        if data is None or not value.strip():
            return None
        for name in data.complete_name(value, limit=MAX_COMPLETIONS):
            if _starts_like(name, value):
                return name
        return None


class SuggestionList(OptionList):
    """The people suggested; Enter (or +) adds the highlighted one."""

    BINDINGS = [Binding("plus", "select", "Add", show=False)]


class LinkedInNotice(Static):
    """At the top of the Research step: what the import says about the contact themselves."""

    def __init__(self) -> None:
        super().__init__("", id="li-notice", markup=False)
        self.display = False

    def show_for(self, data: LinkedInData | None, contact: str) -> None:
        text = Text()
        if data is not None and contact:
            history = data.history_with(contact) if data.has_messages else None
            if history is not None and history.last_sent is not None:
                times = "" if history.sent_count < 2 else f" ({history.sent_count} messages"
                text.append(
                    f"You wrote to {for_line(contact)} on {day_text(history.last_sent)}", "bold"
                )
                text.append(times)
                if history.last_received is not None:
                    sep = "; " if times else " ("
                    text.append(f"{sep}they last wrote on {day_text(history.last_received)})")
                elif times:
                    text.append(")")
                text.append(
                    ": rather than a first request, consider a follow-up "
                    "(the “Follow-up (once)” channel on Preview & save)."
                )
            for person in data.find(contact)[:1]:
                when = person.connected_on
                if text:
                    text.append("\n")
                text.append(f"You are already connected to {for_line(contact)}")
                text.append(f" (since {day_text(when)})." if when else ".")
        self.update(text)
        self.display = bool(text)


class LinkedInPanel(Vertical):
    """People the user knows at the contact's organisation, and name completion."""

    def __init__(self, shared_id: str, notice: LinkedInNotice | None = None) -> None:
        """`shared_id` is the id of the shared-connections TextArea this panel adds to."""
        super().__init__(id="linkedin-panel")
        self._shared_id = shared_id
        self._notice = notice
        self._key: tuple[object, ...] | None = None
        self._people: list[PersonMatch] = []
        self._marks: tuple[bool, ...] = ()
        self._matches: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="li-headline", markup=False)
        yield SuggestionList(id="li-suggestions")
        yield OneLineInput(
            placeholder="Add a shared connection: type a name (→ completes, enter adds)",
            id="li-add",
            suggester=ConnectionSuggester(lambda: _data_of(self.app)),
            select_on_focus=False,
        )
        yield Static("", id="li-matches", markup=False)
        yield Static("", id="li-keys", markup=False)

    def on_mount(self) -> None:
        for ident in ("#li-suggestions", "#li-add", "#li-matches", "#li-keys"):
            self.query_one(ident).display = False
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        """Once the form is mounted: follow the import, the steps and the list's edits."""
        if not self.is_attached or self.screen not in self.app.screen_stack:
            return  # its wizard was replaced meanwhile (resume, open a draft): being removed
        self.watch(self.app, "linkedin", self._data_changed, init=False)
        for ancestor in self.ancestors:
            if isinstance(ancestor, ContentSwitcher):  # the wizard's steps: sync on arrival
                self.watch(ancestor, "current", self._step_changed, init=False)
                break
        self.watch(self._area(), "selection", self._shared_edited, init=False)
        self.sync()

    # -- reading the state ---------------------------------------------------------------------

    def _area(self) -> TextArea:
        return self.screen.query_one(f"#{self._shared_id}", TextArea)

    def _answers(self) -> Answers | None:
        answers = getattr(self.screen, "answers", None)
        return answers if isinstance(answers, Answers) else None

    def _shared_keys(self) -> set[str]:
        return {name_key(line) for line in self._area().text.splitlines() if line.strip()}

    def _data_changed(self, _: object = None) -> None:
        self.sync()

    def _step_changed(self, _: object = None) -> None:
        self.sync()

    def _shared_edited(self, _: object = None) -> None:
        self._update_marks()

    # -- drawing -----------------------------------------------------------------------------

    def sync(self) -> None:
        """Bring the panel up to date with the import and the answers (cheap when unchanged)."""
        data = _data_of(self.app)
        status = str(getattr(self.app, "linkedin_status", "none"))
        answers = self._answers()
        org = answers.contact.organization.strip() if answers else ""
        contact = answers.contact.name.strip() if answers else ""
        key = (id(data), status, org, contact)
        if key == self._key:
            self._update_marks()
            return
        self._key = key
        if self._notice is not None:
            self._notice.show_for(data, contact)
        headline = self.query_one("#li-headline", Static)
        self.set_class(data is None, "-empty")
        if data is None:
            self._people = []
            self._show_list(False)
            headline.update(Text(self._status_line(status)))
            return
        contact_key = name_key(contact)
        self._people = (
            [
                match
                for match in data.people_at(org, limit=MAX_SUGGESTIONS + 1)
                if name_key(match.connection.name) != contact_key
            ][:MAX_SUGGESTIONS]
            if org
            else []
        )
        headline.update(self._headline(data, org))
        self._show_list(True)
        self._marks = ()
        self._update_marks(rebuild=True)

    def _status_line(self, status: str) -> str:
        if status == "loading":
            return "Reading your LinkedIn import…"
        do_import = key_text(type(self.app), "linkedin_import")
        if status == "damaged":
            return f"Your LinkedIn import cannot be read; {do_import} imports your export again."
        return f"Tip: {do_import} imports your LinkedIn connections."

    def _headline(self, data: LinkedInData, org: str) -> Text:
        total = len(data.connections)
        if not org:
            return Text(
                f"Your {total:,} LinkedIn connections: people you know at their organisation "
                "appear here once you give it (Contact step)."
            )
        count = len(self._people)
        if not count:
            text = Text(f"None of your {total:,} LinkedIn connections is at ")
            text.append(for_line(org), style="bold")
            text.append(", as far as your import says.")
            return text
        people = "person" if count == 1 else "people"
        text = Text(f"You know {count} {people} at ")
        text.append(for_line(org), style="bold")
        text.append(":")
        return text

    def _show_list(self, ready: bool) -> None:
        has_people = ready and bool(self._people)
        self.query_one("#li-suggestions").display = has_people
        self.query_one("#li-add").display = ready
        self.query_one("#li-keys").display = ready
        self.query_one("#li-matches").display = ready and bool(self._matches)
        app = type(self.app)  # the keys as bound (ui/keys.py)
        keys = (
            f"{key_text(app, 'linkedin_import')}: import again · "
            f"{key_text(app, 'linkedin_remove')}: remove the import"
        )
        if has_people:
            keys = f"enter / {key_text(app, 'linkedin_add')}: add the highlighted person · " + keys
        self.query_one("#li-keys", Static).update(Text(keys))

    def _update_marks(self, rebuild: bool = False) -> None:
        """Tick the people already in the shared-connections list."""
        if not self._people:
            if rebuild:
                self.query_one(SuggestionList).clear_options()
            return
        shared = self._shared_keys()
        marks = tuple(name_key(m.connection.name) in shared for m in self._people)
        if marks == self._marks and not rebuild:
            return
        self._marks = marks
        suggestions = self.query_one(SuggestionList)
        highlighted = suggestions.highlighted
        suggestions.set_options(
            Option(person_prompt(match, added), id=str(i))
            for i, (match, added) in enumerate(zip(self._people, marks, strict=True))
        )
        if highlighted is None or rebuild or highlighted >= len(self._people):
            highlighted = self._first_not_added(0)
        suggestions.highlighted = highlighted

    def _first_not_added(self, start: int) -> int:
        count = len(self._marks)
        for i in ((start + step) % count for step in range(count)):
            if not self._marks[i]:
                return i
        return 0

    # -- adding people -------------------------------------------------------------------------

    def add_name(self, name: str) -> bool:
        """Append `name` as a line of the shared-connections list, unless it is there already."""
        name = one_line(name)
        if not name:
            return False
        if name_key(name) in self._shared_keys():
            self.app.notify(
                f"{name} is already in your shared connections.",
                title="Already there",
                markup=False,
            )
            return False
        area = self._area()
        end = area.document.end
        if not area.text.strip():
            area.replace(name, area.document.start, end)
        else:
            area.insert(("" if area.text.endswith("\n") else "\n") + name, end)
        self._update_marks()
        return True

    def add_highlighted(self) -> bool:
        """Add the highlighted suggestion (or the first one not added yet): ctrl+o."""
        if not self._people:
            self.app.notify(
                "No suggestions here: give their organisation on the Contact step.",
                title="LinkedIn",
            )
            return False
        index = self.query_one(SuggestionList).highlighted
        if index is None or self._marks[index]:
            index = self._first_not_added(0)
        if self._marks[index]:
            self.app.notify("Everyone suggested is already in your list.", title="LinkedIn")
            return False
        return self._add_suggestion(index)

    def _add_suggestion(self, index: int) -> bool:
        added = self.add_name(self._people[index].connection.name)
        if added and not all(self._marks):
            self.query_one(SuggestionList).highlighted = self._first_not_added(index)
        return added

    @on(OptionList.OptionSelected, "#li-suggestions")
    def _suggestion_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._add_suggestion(event.option_index)

    @on(Input.Changed, "#li-add")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        data = _data_of(self.app)
        typed = event.value.strip()
        self._matches = data.complete_name(typed, limit=MAX_COMPLETIONS) if data and typed else []
        line = self.query_one("#li-matches", Static)
        line.display = bool(typed)
        if not typed:
            return
        if not self._matches:
            text = Text("enter adds ")
            text.append(for_line(typed), style="bold")
            text.append(" as typed (not among your LinkedIn connections)")
        else:
            text = Text("enter adds ")
            text.append(for_line(self._matches[0]), style="bold")
            if len(self._matches) > 1:
                text.append(
                    f" · also: {for_line(', '.join(self._matches[1:]))} (type more to choose)"
                )
        line.update(text)

    @on(Input.Submitted, "#li-add")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = event.value.strip()
        if not typed:
            return
        if self.add_name(self._matches[0] if self._matches else typed):
            event.input.value = ""
