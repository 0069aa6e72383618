"""The drafts library: list, filter, sort, track, duplicate, rename, trash and restore drafts.

`Library` is the one object a screen or a command needs: it wraps a DraftStore (the files) and
its DraftIndex (the cached summaries). Listing and filtering work on index rows and never parse
an unchanged file; every change goes through the store (atomic, 0600) and then updates the index.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_tui.core.drafts.draft import Draft, DraftError
from outreach_tui.core.drafts.index import DraftIndex, Row
from outreach_tui.core.drafts.schedule import DueItem, due_items, summary_line
from outreach_tui.core.drafts.store import DraftStore, StoreError
from outreach_tui.core.drafts.tracking import (
    DEFAULT_FOLLOW_UP_DAYS,
    DEFAULT_THANK_YOU_DAYS,
    Tracking,
    TrackingError,
    apply,
)
from outreach_tui.core.model.answers import Contact, Research
from outreach_tui.core.platform.textfold import fold_spaced

if TYPE_CHECKING:
    from outreach_tui.core.drafts.ics import Revision

SORT_UPDATED = "updated"
"""Last change first."""
SORT_DUE = "due"
"""Earliest due date first; drafts with nothing due after them, by last change."""
SORTS: tuple[str, ...] = (SORT_UPDATED, SORT_DUE)


def filter_rows(rows: Iterable[Row], query: str) -> list[Row]:
    """Rows matching every word of `query` (case- and accent-insensitive) anywhere in the
    draft's text: name, organisation, research, goal, message. An empty query keeps all.
    """
    return _filter_terms(rows, fold_spaced(query).split())


def _filter_terms(rows: Iterable[Row], terms: list[str]) -> list[Row]:
    """Rows whose search text holds every one of `terms` (already folded)."""
    if not terms:
        return list(rows)
    if len(terms) == 1:
        (term,) = terms
        return [r for r in rows if term in r.search]
    longest = max(terms, key=len)  # the rarest, most likely: tried first
    rest = [t for t in terms if t is not longest]
    return [r for r in rows if longest in r.search and all(t in r.search for t in rest)]


def _narrows(old: list[str], new: list[str]) -> bool:
    """Whatever matches `new` surely matches `old` (each old word is inside the new word at
    its place, as when a word is being typed), so `new` can filter `old`'s results."""
    return len(new) >= len(old) and all(o in n for o, n in zip(old, new, strict=False))


def sort_rows(rows: Iterable[Row], sort: str = SORT_UPDATED) -> list[Row]:
    """Rows in SORT_UPDATED or SORT_DUE order (ties: last change first, then id)."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
    ordered = sorted(rows, key=lambda r: r.id)
    ordered.sort(key=lambda r: r.last_change, reverse=True)
    if sort == SORT_DUE:
        ordered.sort(key=lambda r: (r.due is None, r.due or ""))
    return ordered


def duplicate_draft(draft: Draft, contact_name: str = "") -> Draft:
    """A new, unsaved draft to someone else at the same organisation.

    Keeps the sender, the organisation, the job, the goal, the channel and unknown keys; drops
    everything about the person (name, honorific, name in the greeting, title, LinkedIn
    activity, and all research about them), the message written for them, the title and the
    tracking. A copy for the same person (`contact_name` names them, see names.same_person)
    keeps how they are greeted: the honorific and the name in the greeting.
    """
    from outreach_tui.core.names import same_person

    old = draft.answers.contact
    answers = draft.answers.copy()
    answers.contact = Contact(name=contact_name, organization=old.organization)
    if contact_name.strip() and same_person(contact_name, old.name):
        answers.contact.honorific = old.honorific
        answers.contact.greeting_name = old.greeting_name
    answers.research = Research()
    return Draft(
        answers=answers,
        channel=draft.channel,
        message="",
        subject=None,
        extra=copy.deepcopy(draft.extra),
        title="",
        tracking=Tracking(),
    )


class Library:
    """Every draft in one data folder, as a list a person works through.

    `today` gives the user's current date (tests pass a fixed one); `follow_up_days` and
    `thank_you_days` set what "sent" and "interview held" schedule.
    Errors: DraftError (no such / damaged draft, bad id), StoreError (cannot write),
    TrackingError (unknown status). Each message fits one line.
    """

    def __init__(
        self,
        store: DraftStore,
        *,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        follow_up_days: int = DEFAULT_FOLLOW_UP_DAYS,
        thank_you_days: int = DEFAULT_THANK_YOU_DAYS,
    ) -> None:
        self.store = store
        self.index = DraftIndex(store)
        self._today = today
        self._now = now
        self.follow_up_days = follow_up_days
        self.thank_you_days = thank_you_days
        # Caches of the rows as of index.version: every row sorted, the last filter's result
        # (typing a word narrows it, so the next key only looks at those), the summary line.
        self._sorted: tuple[int, str, list[Row]] | None = None
        self._filtered: tuple[int, str, list[str], list[Row]] | None = None
        self._summary: tuple[int, date, str] | None = None

    # -- listing ---------------------------------------------------------------------------------

    def refresh(self) -> list[Row]:
        """Rescan the folder (cheap: unchanged files are not parsed). Call on open / focus."""
        return self.index.refresh()

    def rows(self, query: str = "", sort: str = SORT_UPDATED) -> list[Row]:
        """Filtered, sorted rows from the last refresh (one is made on first use). Cheap enough
        to call on every keystroke: no file is read, the rows are sorted once (filtering keeps
        their order), and a query that narrows the last one only searches its results.
        """
        ordered = self._sorted_rows(sort)
        terms = fold_spaced(query).split()
        if not terms:
            return list(ordered)
        version = self.index.version
        base = ordered
        last = self._filtered
        if last is not None and last[0] == version and last[1] == sort and _narrows(last[2], terms):
            base = last[3]
        found = _filter_terms(base, terms)
        self._filtered = (version, sort, terms, found)
        return list(found)

    def _sorted_rows(self, sort: str) -> list[Row]:
        """Every row in `sort` order, sorted again only when the rows have changed."""
        self.index.count()  # refreshes first if there was none: version is then current
        cached = self._sorted
        if cached is not None and cached[0] == self.index.version and cached[1] == sort:
            return cached[2]
        ordered = sort_rows(self.index.rows(), sort)
        self._sorted = (self.index.version, sort, ordered)
        return ordered

    def count(self) -> int:
        """How many drafts (good and damaged) the last refresh found."""
        return self.index.count()

    def row(self, draft_id: str) -> Row | None:
        return next((r for r in self.index.rows() if r.id == draft_id), None)

    def due(self, today: date | None = None, *, upcoming: bool = False) -> list[DueItem]:
        """Follow-ups and thank-yous due by `today` (default: the library's today)."""
        return due_items(self.index.rows(), today or self._today(), upcoming=upcoming)

    def summary(self, today: date | None = None) -> str:
        """The start-up line, e.g. "2 follow-ups due today"; "" when nothing is due."""
        day = today or self._today()
        self.index.count()  # refreshes first if there was none: version is then current
        cached = self._summary
        if cached is not None and cached[0] == self.index.version and cached[1] == day:
            return cached[2]
        line = summary_line(self.due(day), day)
        self._summary = (self.index.version, day, line)
        return line

    # -- one draft -------------------------------------------------------------------------------

    def load(self, draft_id: str) -> Draft:
        """The full draft (answers, message, tracking). Raises DraftError."""
        return self.store.load(draft_id)

    def save(self, draft: Draft) -> Path:
        """Save through the store and update the index. Raises StoreError."""
        path = self.store.save(draft)
        self.index.update(draft.id)
        return path

    def mark(self, draft_id: str, status: str, on: date | None = None) -> Draft:
        """Set the status (or record FOLLOWED_UP) as of `on` (default today) and save.

        "sent" schedules the follow-up, "interview-held" the thank-you.
        """
        draft = self.load(draft_id)
        draft.tracking = apply(
            draft.tracking,
            status,
            on or self._today(),
            follow_up_days=self.follow_up_days,
            thank_you_days=self.thank_you_days,
            at=self._now(),
        )
        self.save(draft)
        return draft

    def revisions(self, items: Iterable[DueItem]) -> dict[tuple[str, str], Revision]:
        """For each item, {(draft id, kind): Revision} from its draft's history (see
        ics.revision); a draft that cannot be read is left out (its event gets sequence 0)."""
        from outreach_tui.core.drafts.ics import revision

        out: dict[tuple[str, str], Revision] = {}
        drafts: dict[str, Draft | None] = {}
        for item in items:
            if item.draft_id not in drafts:
                try:
                    drafts[item.draft_id] = self.load(item.draft_id)
                except DraftError:
                    drafts[item.draft_id] = None
            draft = drafts[item.draft_id]
            if draft is not None:
                out[(item.draft_id, item.kind)] = revision(draft.tracking, item.kind)
        return out

    def rename(self, draft_id: str, title: str) -> Draft:
        """Set the display title ("" goes back to "Contact (Organisation)") and save."""
        draft = self.load(draft_id)
        draft.title = " ".join(title.split())
        self.save(draft)
        return draft

    def duplicate(self, draft_id: str, contact_name: str = "") -> Draft:
        """Save a copy for someone else at the same organisation (see duplicate_draft); the
        copy has a new id and status "draft".
        """
        copy_ = duplicate_draft(self.load(draft_id), contact_name)
        self.save(copy_)
        return copy_

    def trash(self, draft_id: str) -> Path:
        """Move the draft (even a damaged file) to the trash folder; `restore` undoes it."""
        path = self.store.trash(draft_id)
        self.index.forget(draft_id)
        return path

    def restore(self, draft_id: str) -> Row | None:
        """Undo `trash`: the draft is back, unchanged, under the same id."""
        self.store.restore(draft_id)
        return self.index.update(draft_id)


__all__ = [
    "SORTS",
    "SORT_DUE",
    "SORT_UPDATED",
    "DraftError",
    "Library",
    "StoreError",
    "TrackingError",
    "duplicate_draft",
    "filter_rows",
    "sort_rows",
]
