"""A summary of every draft in `<data>/index.json`, so listing 10,000 drafts parses none of them.

The index is a cache, never the only copy of anything: every listing scans the drafts folder
with os.scandir and compares each file's (mtime_ns, size, inode) with its row. A file that is
new, changed, or missing from the index is parsed again; a row whose file is gone is dropped.
So a draft saved by another instance, or while the index could not be written, always shows.
A missing, unreadable or foreign index is simply rebuilt. Writes are atomic and 0600.

The file is JSON Lines: a header object on the first line, then one row (a JSON array in the
order of Row's fields) per line. It is read a line at a time, so the whole file's text and
10,000 parsed rows are never in memory at once (half the peak of one json.loads).

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from outreach_tui.core.drafts.draft import SCHEMA_VERSION, Draft, DraftError
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.drafts.tracking import STATUS_LABELS
from outreach_tui.core.platform.files import WriteError, atomic_write
from outreach_tui.core.platform.safeload import loads_json, open_regular
from outreach_tui.core.platform.textfold import fold_spaced

INDEX_FILE = "index.json"
INDEX_VERSION = 4
MAX_INDEX_BYTES = 256 * 1024 * 1024
"""A larger index.json is ignored (rebuilt from the drafts); 10,000 drafts make ~4 MB."""
DAMAGED = "damaged"
"""The status shown for a file that does not load."""


class Row(NamedTuple):
    """One draft as the drafts list shows it: a summary, or a damaged file with its reason.

    A NamedTuple: immutable, and cheap to build 10,000 of from the index file.
    """

    id: str
    title: str = ""
    contact: str = ""
    organisation: str = ""
    channel: str = ""
    status: str = DAMAGED
    created: str = ""
    updated: str = ""
    follow_up_due: str | None = None
    thank_you_due: str | None = None
    search: str = ""
    """Folded text of everything a filter can match (see `fold_spaced`), each word once: a query
    word never spans a space, so it matches this text exactly when it matches the full one."""
    error: str | None = None
    """Why the file does not load; None for a good draft."""
    mtime_ns: int = 0
    size: int = 0
    ino: int = 0

    @property
    def damaged(self) -> bool:
        return self.error is not None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def due(self) -> str | None:
        """The earliest open due date (YYYY-MM-DD), or None."""
        dates = [d for d in (self.follow_up_due, self.thank_you_due) if d]
        return min(dates) if dates else None

    @property
    def due_kind(self) -> str | None:
        """ "follow-up" or "thank-you": what `due` is for."""
        due = self.due
        if due is None:
            return None
        return "follow-up" if due == self.follow_up_due else "thank-you"

    @property
    def last_change(self) -> str:
        """When the draft last changed (ISO, UTC): its `updated`, or the file's mtime."""
        if self.updated:
            return self.updated
        moment = datetime.fromtimestamp(self.mtime_ns / 1e9, UTC).replace(microsecond=0)
        return moment.isoformat()

    def key(self) -> tuple[int, int, int]:
        return (self.mtime_ns, self.size, self.ino)

    def to_json(self) -> dict[str, Any]:
        return self._asdict()


_OPTIONAL = (str, type(None))
_ROW_TYPES: tuple[type | tuple[type, ...], ...] = tuple(
    int if name in ("mtime_ns", "size", "ino")
    else _OPTIONAL if name in ("follow_up_due", "thank_you_due", "error")
    else str
    for name in Row._fields
)  # fmt: skip


_SHARED = tuple(
    Row._fields.index(name)
    for name in ("contact", "organisation", "channel", "status", "follow_up_due", "thank_you_due")
)
"""Fields whose values repeat across drafts: kept once in memory (sys.intern)."""
_CREATED = Row._fields.index("created")
_UPDATED = Row._fields.index("updated")


def row_from_json(data: Any) -> Row | None:
    """A row read back from the index (a list in Row's field order), or None if it is not one
    (its file is then parsed again). Repeated values (organisation, channel, status, dates) are
    shared between rows rather than held once per draft."""
    if (
        type(data) is not list
        or len(data) != len(_ROW_TYPES)
        or not all(map(isinstance, data, _ROW_TYPES))
    ):
        return None
    for i in _SHARED:
        if data[i]:
            data[i] = sys.intern(data[i])
    if data[_UPDATED] == data[_CREATED]:
        data[_UPDATED] = data[_CREATED]
    return Row._make(data)


def unique_words(text: str) -> str:
    """`text` with each space-separated word kept once, in first-seen order."""
    return " ".join(dict.fromkeys(text.split()))


def search_text(draft: Draft) -> str:
    """Everything a filter matches: title, people, organisation, research, goal, message."""
    a = draft.answers
    parts = [
        draft.id,
        draft.display_title,
        a.contact.name,
        a.contact.title,
        a.contact.organization,
        a.sender.name,
        draft.channel,
        STATUS_LABELS.get(draft.tracking.status, draft.tracking.status),
        *a.research.shared_connections,
        a.introduction.introducer,
        f"via {draft.via}" if draft.via else "",
        *a.research.groups,
        *a.research.public_activity,
        a.research.web_search,
        a.goal.learn,
        draft.subject or "",
        draft.message,
    ]
    return unique_words(fold_spaced("\n".join(p for p in parts if p)))


def row_for_draft(draft: Draft, key: tuple[int, int, int] = (0, 0, 0)) -> Row:
    from outreach_tui.core.names import display_name

    dues = dict(draft.tracking.open_dues())
    follow_up = dues.get("follow-up")
    thank_you = dues.get("thank-you")
    return Row(
        id=draft.id,
        title=f"{draft.display_title} · via {draft.via}" if draft.via else draft.display_title,
        contact=sys.intern(display_name(draft.answers.contact.name)),
        organisation=sys.intern(" ".join(draft.answers.contact.organization.split())),
        channel=sys.intern(draft.channel),
        status=sys.intern(draft.tracking.status),
        created=draft.created,
        updated=draft.created if draft.updated == draft.created else draft.updated,
        follow_up_due=sys.intern(follow_up.isoformat()) if follow_up else None,
        thank_you_due=sys.intern(thank_you.isoformat()) if thank_you else None,
        search=search_text(draft),
        error=None,
        mtime_ns=key[0],
        size=key[1],
        ino=key[2],
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def damaged_row(draft_id: str, reason: str, key: tuple[int, int, int] = (0, 0, 0)) -> Row:
    return Row(
        id=draft_id,
        title=f"{draft_id}.json",
        status=DAMAGED,
        search=unique_words(fold_spaced(f"{draft_id} {DAMAGED} {reason}")),
        error=reason,
        mtime_ns=key[0],
        size=key[1],
        ino=key[2],
    )


def _stat_key(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class DraftIndex:
    """The index of one DraftStore. `refresh()` is the listing; it never parses unchanged files.

    After a refresh, `parsed` says how many files were read. An index that cannot be saved is
    left unsaved: listing still works, the index is only a cache.
    """

    def __init__(self, store: DraftStore) -> None:
        self.store = store
        self.path = store.root / INDEX_FILE
        self.parsed = 0
        self._rows: dict[str, Row] | None = None
        self.version = 0
        """Changes whenever the rows may have: a cache built from them is stale."""

    def _set_rows(self, rows: dict[str, Row]) -> None:
        self._rows = rows
        self.version += 1

    # -- the index file --------------------------------------------------------------------------

    def _read(self) -> dict[str, Row]:
        """The rows in index.json; {} when it is missing, damaged or another version's."""
        rows: dict[str, Row] = {}
        try:
            with open_regular(self.path, MAX_INDEX_BYTES) as lines:
                if not self._header_ok(loads_json(next(lines, b"null"))):
                    return {}
                for line in lines:
                    row = row_from_json(loads_json(line))
                    if row is not None:
                        rows[row.id] = row
        except (OSError, ValueError):
            return {}
        return rows

    @staticmethod
    def _header_ok(header: Any) -> bool:
        return (
            isinstance(header, dict)
            and header.get("index_version") == INDEX_VERSION
            and header.get("schema_version") == SCHEMA_VERSION
            and header.get("fields") == list(Row._fields)
        )

    def _write(self, rows: dict[str, Row]) -> None:
        if not self.store.root.is_dir():
            return  # never create the data folder just to cache a listing
        header = {
            "index_version": INDEX_VERSION,
            "schema_version": SCHEMA_VERSION,
            "note": "A cache of drafts/*.json, rebuilt from them when needed; safe to delete.",
            "fields": list(Row._fields),
        }
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        # A file name that is not UTF-8 (its id holds surrogates) cannot be written as text:
        # such a row is left out of the cache and read from its file at every listing.
        kept = [row for row in rows.values() if not _SURROGATE.search(row.id)]
        text = "\n".join([encode(header), *map(encode, kept), ""])
        with contextlib.suppress(WriteError):
            atomic_write(self.path, text)

    # -- listing ---------------------------------------------------------------------------------

    def refresh(self) -> list[Row]:
        """Every draft in the folder, from the index where a file is unchanged. Never raises for
        a bad file (it becomes a damaged row); raises DraftError if the folder cannot be listed.
        """
        known = self._rows if self._rows is not None else self._read()
        rows: dict[str, Row] = {}
        changed = False
        self.parsed = 0
        try:
            scan = os.scandir(self.store.drafts_dir)
        except FileNotFoundError:
            scan = None
        except OSError as exc:
            raise DraftError(f"{self.store.drafts_dir}: cannot list ({exc.strerror})") from None
        if scan is not None:
            with scan:
                for entry in scan:
                    name = entry.name
                    if not name.endswith(".json") or name.startswith("."):
                        continue
                    draft_id = name[: -len(".json")]
                    try:
                        key = _stat_key(entry.stat())
                    except OSError:
                        continue  # gone since the scan started
                    old = known.get(draft_id)
                    if old is not None and old.key() == key:
                        rows[old.id] = old  # the row's own id: no second copy of the string
                        continue
                    rows[draft_id] = self._parse(draft_id, Path(entry.path), key)
                    changed = True
        if rows.keys() != known.keys():
            changed = True
        if changed or self._rows is None:
            self._set_rows(rows)
        else:
            rows = self._rows  # the same rows: caches built from them stay valid
        if changed or not self.path.exists():
            self._write(rows)
        return list(rows.values())

    def _parse(self, draft_id: str, path: Path, key: tuple[int, int, int]) -> Row:
        self.parsed += 1
        try:
            draft = self.store.load_path(path)
        except DraftError as exc:
            return damaged_row(draft_id, str(exc).removeprefix(f"{path}: "), key)
        if draft.id != draft_id:
            # A copied or renamed file: list it under its file name, which is what opens it.
            draft.id = draft_id
        return row_for_draft(draft, key)

    def update(self, draft_id: str) -> Row | None:
        """Re-read one draft after a change made here (save, mark, rename, restore) and write the
        index. Returns its row, or None if the file is gone.
        """
        rows = dict(self._rows) if self._rows is not None else self._read()
        path = self.store.path_for(draft_id)
        try:
            key = _stat_key(path.stat())  # stat before reading: a later change shows as stale
        except OSError:
            rows.pop(draft_id, None)
            self._set_rows(rows)
            self._write(rows)
            return None
        row = self._parse(draft_id, path, key)
        rows[draft_id] = row
        self._set_rows(rows)
        self._write(rows)
        return row

    def forget(self, draft_id: str) -> None:
        """Drop a row after its file was moved away (trash)."""
        rows = dict(self._rows) if self._rows is not None else self._read()
        if rows.pop(draft_id, None) is not None:
            self._set_rows(rows)
            self._write(rows)

    def rows(self) -> list[Row]:
        """The rows of the last refresh (refreshing first if there was none)."""
        if self._rows is None:
            return self.refresh()
        return list(self._rows.values())

    def count(self) -> int:
        """How many rows `rows()` has (refreshing first if there was none)."""
        if self._rows is None:
            self.refresh()
        return len(self._rows or ())


def parse_row_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
