"""Statuses that keep themselves: the drafts a LinkedIn export shows as sent, or replied to.

On each import of an export with messages.csv:

- a draft still at "draft" whose contact the user wrote to on or after the day the draft was
  created becomes "sent" on the first such day (its follow-up scheduled as if marked by hand);
- a "sent" draft (followed up or not) whose contact wrote to the user on or after the day it
  was sent becomes "replied" on the first such day (nothing is due any more);
- a contact matched ambiguously (two connections of that name, or a name that matches only
  loosely) is never changed: the draft is listed as a doubt, to check by hand.

Each change goes into the draft's history like a change by hand (so `drafts mark` undoes it),
with a "source" saying which import made it; a change once undone by hand is never made again
from the same day's messages (a later message still counts). Only names and dates are
compared: the text of a message is never read.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from outreach_tui.core.drafts.draft import Draft, DraftError
from outreach_tui.core.drafts.library import Library
from outreach_tui.core.drafts.store import StoreError
from outreach_tui.core.drafts.tracking import (
    DRAFT,
    REPLIED,
    SENT,
    TrackingError,
    apply,
)
from outreach_tui.core.linkedin.csvfiles import MessageHistory
from outreach_tui.core.linkedin.lookups import LinkedInData
from outreach_tui.core.message.channels import INTRODUCTION_CHANNEL
from outreach_tui.core.names.model import clean_name
from outreach_tui.core.results.matching import EXACT, PeopleIndex

SOURCE_KEY = "source"
"""The history entry's key naming where a change came from (absent: made by hand)."""


def day_text(day: date) -> str:
    """ "5 Feb 2025": a date as the summaries write it, the same in every locale."""
    return f"{day.day} {day:%b} {day.year}"


def source_text(imported: date) -> str:
    """ "from your LinkedIn export imported on 5 Mar 2025"."""
    return f"from your LinkedIn export imported on {day_text(imported)}"


@dataclass(frozen=True)
class Change:
    """One status a draft takes from the export: `action` (SENT or REPLIED) on the day `on`."""

    draft_id: str
    name: str
    """Who the draft is to, as a summary line names them."""
    action: str
    on: date


@dataclass(frozen=True)
class Doubt:
    """A draft left alone because its contact matched only ambiguously: `reason` in a few words."""

    draft_id: str
    name: str
    reason: str


@dataclass(frozen=True)
class SyncReport:
    """What an import did to the drafts (or would do: see `plan`)."""

    changes: tuple[Change, ...] = ()
    doubts: tuple[Doubt, ...] = ()
    problems: tuple[str, ...] = ()
    """Drafts that could not be read or saved, one line each (they were left as they were)."""
    skipped: str = ""
    """Why no draft was compared at all ("" when they were)."""

    @property
    def updated(self) -> int:
        """How many drafts changed."""
        return len({c.draft_id for c in self.changes})

    def lines(self) -> list[str]:
        """The summary, one line each: "2 drafts updated: Alex Morgan replied on 5 Feb 2025, ..."
        then one line per draft to check by hand; [] when there is nothing to say."""
        if self.skipped:
            return [self.skipped]
        out: list[str] = []
        if self.changes:
            said: dict[str, list[Change]] = {}
            for change in self.changes:
                said.setdefault(change.draft_id, []).append(change)
            parts = []
            for changes in said.values():
                steps = " and ".join(f"{c.action} on {day_text(c.on)}" for c in changes)
                parts.append(f"{changes[0].name} {steps}")
            noun = "draft" if self.updated == 1 else "drafts"
            out.append(f"{self.updated} {noun} updated from your messages: {'; '.join(parts)}")
        for doubt in self.doubts:
            out.append(
                f"check by hand: {doubt.name} (draft {doubt.draft_id}): {doubt.reason}; "
                "mark it yourself if it was sent or answered"
            )
        out.extend(self.problems)
        return out


def created_day(draft: Draft, tz: tzinfo | None = None) -> date | None:
    """The day a draft was created, in time zone `tz` (None: this computer's); None if unknown."""
    try:
        moment = datetime.fromisoformat(draft.created)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(tz).date()


def _days(history: MessageHistory) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """Every day written and answered; an older import kept only the last of each."""
    sent = history.sent_days or ((history.last_sent,) if history.last_sent else ())
    back = history.received_days or ((history.last_received,) if history.last_received else ())
    return sent, back


def _undone(draft: Draft, action: str, on: date) -> bool:
    """Whether an import already made this change once (so the user undid it by hand)."""
    return any(
        entry.get("action") == action and entry.get("on") == on.isoformat() and SOURCE_KEY in entry
        for entry in draft.tracking.history
    )


def _who(draft: Draft) -> str:
    name = " ".join(clean_name(draft.answers.contact.name).split())
    return name or draft.display_title


def draft_changes(
    draft: Draft, history: MessageHistory, tz: tzinfo | None = None
) -> list[tuple[str, date]]:
    """The (action, day) steps the export gives one draft whose contact surely is `history`'s
    person, in order: [] when nothing changes."""
    sent_days, back_days = _days(history)
    status, sent_on = draft.tracking.status, draft.tracking.sent_on
    steps: list[tuple[str, date]] = []
    if status == DRAFT:
        start = created_day(draft, tz)
        after = [
            d for d in sent_days if start is not None and d >= start and not _undone(draft, SENT, d)
        ]
        if not after:
            return []
        steps.append((SENT, after[0]))
        status, sent_on = SENT, after[0]
    if status == SENT and sent_on is not None:
        replies = [d for d in back_days if d >= sent_on and not _undone(draft, REPLIED, d)]
        if replies:
            steps.append((REPLIED, replies[0]))
    return steps


def _relevant(draft: Draft) -> bool:
    """A draft the export may move on: at "draft" or "sent", and written to its contact (a
    request for an introduction goes to the introducer, and is left to the user)."""
    return draft.tracking.status in (DRAFT, SENT) and draft.channel != INTRODUCTION_CHANNEL


def plan(drafts: Iterable[Draft], data: LinkedInData, tz: tzinfo | None = None) -> SyncReport:
    """What the export in `data` would change in `drafts` (nothing is written). Drafts need
    their `id`. A draft whose contact is in doubt is listed only when a change would be at
    stake (someone of a similar name wrote or was written to since it was created)."""
    if data.messages is None:
        return SyncReport(skipped="drafts not updated: the export has no messages.csv")
    index = PeopleIndex(data.messages, data.connections)
    changes: list[Change] = []
    doubts: list[Doubt] = []
    for draft in drafts:
        if not _relevant(draft):
            continue
        match = index.match(draft.answers.contact.name)
        if match.kind == EXACT and match.history is not None:
            for action, on in draft_changes(draft, match.history, tz):
                changes.append(Change(draft.id, _who(draft), action, on))
        elif match.kind and any(draft_changes(draft, h, tz) for h in match.candidates):
            doubts.append(Doubt(draft.id, _who(draft), match.doubt))
    doubts.sort(key=lambda d: (d.name.casefold(), d.draft_id))
    return SyncReport(tuple(changes), tuple(doubts))


def update_drafts(
    library: Library,
    data: LinkedInData,
    *,
    imported: date,
    now: datetime,
    tz: tzinfo | None = None,
) -> SyncReport:
    """Apply `plan` to every draft in the library and save the ones that change, each change in
    its history with the source "from your LinkedIn export imported on <imported>" and the
    moment `now`. Drafts that cannot be read are left alone; one that cannot be saved is listed
    in `problems` and left as it was. With no draft still at "draft" or "sent", the report is
    empty (even for an export without messages.csv)."""
    try:
        entries = library.store.entries()
    except DraftError as exc:
        return SyncReport(problems=(f"drafts not updated: {exc}",))
    drafts = [e.draft for e in entries if e.draft is not None and _relevant(e.draft)]
    if not drafts:  # nothing to update: nothing to say, with or without messages.csv
        return SyncReport()
    for entry in entries:
        if entry.draft is not None:
            entry.draft.id = entry.id
    report = plan(drafts, data, tz)
    if report.skipped:
        return report
    by_id = {d.id: d for d in drafts}
    problems: list[str] = []
    done: list[Change] = []
    source = source_text(imported)
    for draft_id in dict.fromkeys(c.draft_id for c in report.changes):
        draft = by_id[draft_id]
        steps = [c for c in report.changes if c.draft_id == draft_id]
        try:
            for change in steps:
                draft.tracking = apply(
                    draft.tracking,
                    change.action,
                    change.on,
                    follow_up_days=library.follow_up_days,
                    thank_you_days=library.thank_you_days,
                    at=now,
                )
                draft.tracking.history[-1][SOURCE_KEY] = source
            library.save(draft)
        except (StoreError, TrackingError) as exc:
            problems.append(f"draft {draft_id} not updated: {exc}")
            continue
        done.extend(steps)
    return SyncReport(tuple(done), report.doubts, tuple(problems))
