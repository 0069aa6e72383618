"""Look-ups over an imported LinkedIn export: people at an organisation, name completion, and
when the user last wrote to someone. Built by `outreach_tui.core.linkedin.store.load`.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from outreach_tui.core.linkedin.csvfiles import Connection, MessageHistory, name_key
from outreach_tui.core.linkedin.orgmatch import OrgIndex
from outreach_tui.core.platform.textfold import fold


class PersonMatch(NamedTuple):
    """A connection at (or near) an organisation: unpacks as (connection, score, reason)."""

    connection: Connection
    score: float
    reason: str


@dataclass(frozen=True)
class ImportSummary:
    connections: int
    with_company: int
    skipped_rows: int = 0
    written_to: int | None = None
    """People the user wrote to, per messages.csv; None when it was absent or unreadable."""
    warnings: tuple[str, ...] = ()
    path: Path | None = None
    notes: tuple[str, ...] = ()
    """What was read only in part and why, one line each, with an example."""

    @property
    def headline(self) -> str:
        """ "1,284 connections imported, 871 with a company"."""
        noun = "connection" if self.connections == 1 else "connections"
        return f"{self.connections:,} {noun} imported, {self.with_company:,} with a company"

    def lines(self) -> list[str]:
        """The headline, then what else a user should know (warnings are apart)."""
        out = [self.headline]
        if self.skipped_rows:
            rows = "row" if self.skipped_rows == 1 else "rows"
            out.append(f"{self.skipped_rows:,} {rows} without a name skipped")
        out.extend(self.notes)
        if self.written_to is not None:
            people = "person" if self.written_to == 1 else "people"
            out.append(f"messages: you have written to {self.written_to:,} {people}")
        return out


def _prefix_key(text: str) -> str:
    """A typed prefix as a name key, keeping one trailing space ("sam " finds "Sam Ortiz")."""
    key = name_key(text)
    return key + " " if key and text[-1:].isspace() else key


class LinkedInData:
    """An import, loaded once; look-ups build their indexes on first use and are then instant."""

    def __init__(
        self,
        connections: Iterable[Connection],
        messages: Iterable[MessageHistory] | None = None,
        *,
        imported_at: str = "",
        source: str = "",
        path: Path | None = None,
        problems: Sequence[str] = (),
    ) -> None:
        self.connections: tuple[Connection, ...] = tuple(connections)
        self.messages: tuple[MessageHistory, ...] | None = (
            None if messages is None else tuple(messages)
        )
        self.imported_at = imported_at
        self.source = source
        self.path = path
        self.problems: tuple[str, ...] = tuple(problems)

    @property
    def has_messages(self) -> bool:
        """True when messages.csv was imported (so "never wrote" is known, not just unknown)."""
        return self.messages is not None

    @property
    def summary(self) -> ImportSummary:
        return ImportSummary(
            connections=len(self.connections),
            with_company=sum(1 for c in self.connections if c.company),
            written_to=None
            if self.messages is None
            else sum(1 for m in self.messages if m.last_sent),
            warnings=self.problems,
            path=self.path,
        )

    def prepare(self) -> LinkedInData:
        """Build every look-up index now (a few hundred ms for 30,000 connections), e.g. in a
        background worker right after `load`, so that the first look-up is instant too."""
        _ = self._org_index, self._name_index, self._histories
        return self

    @cached_property
    def _by_company(self) -> dict[str, list[Connection]]:
        groups: dict[str, list[Connection]] = {}
        for connection in self.connections:
            if connection.company:
                groups.setdefault(connection.company, []).append(connection)
        return groups

    @cached_property
    def _org_index(self) -> OrgIndex:
        return OrgIndex(self._by_company)

    def people_at(self, organization: str, limit: int | None = None) -> list[PersonMatch]:
        """Connections whose company matches `organization`, best match first, each with the
        score (0-1) and the reason ("same words without 'Public'")."""
        found: list[PersonMatch] = []
        for company, match in self._org_index.search(organization):
            people = sorted(self._by_company[company], key=lambda c: (fold(c.last_name), c.name))
            found.extend(PersonMatch(person, match.score, match.reason) for person in people)
        return found if limit is None else found[:limit]

    @cached_property
    def _name_index(self) -> tuple[list[str], list[int], list[str], list[int]]:
        full = sorted((name_key(c.name), i) for i, c in enumerate(self.connections))
        last = sorted(
            (name_key(c.last_name), i) for i, c in enumerate(self.connections) if c.first_name
        )
        return (
            [k for k, _ in full],
            [i for _, i in full],
            [k for k, _ in last],
            [i for _, i in last],
        )

    def complete(self, prefix: str, limit: int = 10) -> list[Connection]:
        """Connections whose full name, or surname, starts with `prefix` (case and accents
        aside): full-name matches first, then surnames, alphabetically within each."""
        key = _prefix_key(prefix)
        if not key or limit <= 0:
            return []
        full_keys, full_ids, last_keys, last_ids = self._name_index
        seen: set[int] = set()
        out: list[Connection] = []
        for keys, ids in ((full_keys, full_ids), (last_keys, last_ids)):
            at = bisect.bisect_left(keys, key)
            while at < len(keys) and keys[at].startswith(key) and len(out) < limit:
                if ids[at] not in seen:
                    seen.add(ids[at])
                    out.append(self.connections[ids[at]])
                at += 1
        return out

    def complete_name(self, prefix: str, limit: int = 10) -> list[str]:
        """Names for autocompletion (each name once): `complete_name("sam")` -> ["Samir Patel"]."""
        names: list[str] = []
        for connection in self.complete(prefix, limit * 2):
            if connection.name not in names:
                names.append(connection.name)
        return names[:limit]

    def find(self, name: str) -> list[Connection]:
        """Connections with exactly this name (case, accents and spacing aside)."""
        key = name_key(name)
        return [c for c in self.complete(name, limit=50) if name_key(c.name) == key]

    @cached_property
    def _histories(self) -> dict[str, MessageHistory]:
        return {name_key(m.name): m for m in self.messages or ()}

    def history_with(self, name: str) -> MessageHistory | None:
        """What messages.csv says about this person, or None when nothing."""
        return self._histories.get(name_key(name))

    def last_message_to(self, name: str) -> date | None:
        """When the user last wrote to this person, per messages.csv; None if never (or unknown:
        see `has_messages`)."""
        history = self.history_with(name)
        return None if history is None else history.last_sent
