"""Who could introduce the user to the contact, strongest first, from plain data.

The candidates are the shared connections the user typed (in the order typed), then the people
the user's LinkedIn import lists at the contact's organisation, most recently connected first.
The user chooses; the first candidate is the one offered. Nothing here reads the import itself:
a caller above (core/introduction/people.py) turns it into `KnownPerson` values.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from outreach_tui.core.model.answers import Answers, Introduction

SHARED = "shared"
"""A shared connection the user typed: connected to the contact on LinkedIn."""
COLLEAGUE = "colleague"
"""Someone the import lists at the contact's organisation."""

NO_INTRODUCER = (
    "no one to ask for an introduction: add a shared connection (research.shared_connections) "
    "or import your LinkedIn connections (import-linkedin) to find people at their organisation"
)
"""The one line said when there is no possible introducer."""


@dataclass(frozen=True)
class KnownPerson:
    """One of the user's connections at the contact's organisation, as the import gives it."""

    name: str
    organization: str = ""
    """The company the import lists for them, as written there."""
    position: str = ""
    connected_on: date | None = None
    given_name: str = ""
    """The import's First Name column ("" when it has none): what they call themselves."""


@dataclass(frozen=True)
class Candidate:
    """A person who could introduce the user, with what the answers say of their link."""

    name: str
    source: str
    """SHARED (a shared connection typed) or COLLEAGUE (the import lists them at the
    organisation)."""
    organization: str = ""
    """Where the import says they work ("" when it does not say)."""
    position: str = ""
    connected_on: date | None = None
    """When the user connected with them, per the import (None: unknown)."""
    given_name: str = ""
    """Their given name per the import's First Name column ("" when unknown)."""

    @property
    def shared(self) -> bool:
        return self.source == SHARED

    def describe(self) -> str:
        """What is known of them, in one line for a chooser: "shared connection", or
        "Reference Librarian at Westerly Public Library, connected 2024-03-02"."""
        parts: list[str] = []
        if self.shared:
            parts.append("shared connection")
        if self.organization:
            where = f"at {self.organization}"
            parts.append(f"{self.position} {where}" if self.position else where)
        if self.connected_on is not None:
            parts.append(f"connected {self.connected_on.isoformat()}")
        return ", ".join(parts)


def _key(name: str) -> tuple[str, ...]:
    from outreach_tui.core.names import parse_name
    from outreach_tui.core.platform.textfold import fold

    full = parse_name(name).full if name.strip() else ""
    return tuple(fold(full or name).split())


def candidates(answers: Answers, people: Iterable[KnownPerson] = ()) -> list[Candidate]:
    """Everyone who could introduce the user to the contact, strongest first.

    `people` are the import's connections at the contact's organisation (any order). A shared
    connection who is also in `people` appears once, as a shared connection, with what the
    import says of them. The contact is never their own introducer. Names compare as people
    (titles, credentials, accents and capitals aside).
    """
    contact = _key(answers.contact.name)
    known = [p for p in people if p.name.strip()]
    by_key: dict[tuple[str, ...], KnownPerson] = {}
    for person in known:
        by_key.setdefault(_key(person.name), person)
    result: list[Candidate] = []
    seen: set[tuple[str, ...]] = set()
    for typed in answers.research.shared_connections:
        name = " ".join(typed.split())
        key = _key(name)
        if not name or not key or key in seen or key == contact:
            continue
        seen.add(key)
        found = by_key.get(key)
        result.append(
            Candidate(
                name,
                SHARED,
                found.organization if found else "",
                found.position if found else "",
                found.connected_on if found else None,
                found.given_name if found else "",
            )
        )
    recent = sorted(known, key=lambda p: p.connected_on or date.min, reverse=True)
    for person in recent:
        key = _key(person.name)
        if not key or key in seen or key == contact:
            continue
        seen.add(key)
        name = " ".join(person.name.split())
        result.append(
            Candidate(
                name,
                COLLEAGUE,
                person.organization,
                person.position,
                person.connected_on,
                person.given_name,
            )
        )
    return result


def strongest(found: Sequence[Candidate]) -> Candidate | None:
    """The candidate to offer: the first (see `candidates`), or None when there is none."""
    return found[0] if found else None


def with_introducer(answers: Answers, candidate: Candidate, greeting_name: str = "") -> Answers:
    """A copy of the answers with `candidate` as the introducer: their name, and where the
    import says they work (only for what it says). `greeting_name` is how the user greets them
    ("" greets them by their given name); the one already set is kept for the same person, and
    without one, the import's First Name column when it differs from what the name's parse
    would greet them by ("Jing" for "Chen Jing")."""
    current = answers.introduction
    same = current.introducer.strip() and _key(current.introducer) == _key(candidate.name)
    greeting = greeting_name or (current.greeting_name if same else "")
    if not greeting and candidate.given_name.strip():
        from outreach_tui.core.message.introduction import default_greeting
        from outreach_tui.core.names import clean_name

        given = " ".join(clean_name(candidate.given_name).split())
        if given and given != default_greeting(candidate.name):
            greeting = given
    introduction = Introduction(
        introducer=candidate.name,
        greeting_name=greeting,
        organization=candidate.organization,
        position=candidate.position,
        introduced=current.introduced if same else False,
        extra=dict(current.extra),
    )
    result = answers.copy()
    return replace(result, introduction=introduction)


def find(found: Sequence[Candidate], name: str) -> Candidate | None:
    """The candidate with this name (compared as people: titles, credentials, accents and
    capitals aside), or None."""
    if not name.strip():
        return None
    key = _key(name)
    return next((c for c in found if _key(c.name) == key), None)


def chosen(answers: Answers, found: Sequence[Candidate]) -> Candidate | None:
    """The candidate the answers already name as introducer, or None."""
    return find(found, answers.introduction.introducer)
