"""The user's own LinkedIn data, imported from LinkedIn's export and used offline to find hooks.

    summary = import_export(Path("Basic_LinkedInDataExport.zip"), data_dir)  # the command
    data = load(data_dir)                      # LinkedInData, or None when nothing was imported
    data.people_at("Westerly Public Library")  # [PersonMatch(connection, score, reason), ...]
    data.complete_name("sam")                  # ["Samir Patel", "Samantha Ruiz", ...]
    data.last_message_to("Alex Morgan")        # date(2025, 2, 3), or None
    remove(data_dir)                           # deletes the app's copy, never the export

The import is stored as `<data>/linkedin/connections.json`: plain JSON, one connection a line,
written atomically, readable by the user alone (0600, folder 0700). Re-importing replaces it.
Loading is tolerant: a damaged file is reported (LinkedInError), never rewritten; damaged
records inside a readable file are skipped and counted in `LinkedInData.problems`.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any, TypeVar

from outreach_tui.core.linkedin.csvfiles import (
    Connection,
    ExportContents,
    LinkedInError,
    MessageHistory,
)
from outreach_tui.core.linkedin.files import read_export
from outreach_tui.core.linkedin.lookups import ImportSummary, LinkedInData, PersonMatch
from outreach_tui.core.linkedin.text import plain_name
from outreach_tui.core.platform.files import WriteError, atomic_write, ensure_private_dir
from outreach_tui.core.platform.safeload import (
    json_problem,
    loads_json,
    read_problem,
    read_regular,
)

__all__ = [
    "Connection",
    "ImportSummary",
    "LinkedInData",
    "LinkedInError",
    "MessageHistory",
    "PersonMatch",
    "import_export",
    "import_path",
    "load",
    "remove",
]

FOLDER = "linkedin"
FILE_NAME = "connections.json"
KIND = "outreach-tui linkedin import"
SCHEMA_VERSION = 1
MAX_IMPORT_BYTES = 512 * 1024 * 1024
"""A larger stored import is reported, not read; 30,000 connections with messages make far less."""
_T = TypeVar("_T")
_CONNECTION_KEYS = ("first_name", "last_name", "url", "email", "company", "position")


def import_path(data_dir: Path) -> Path:
    """Where the normalised import lives."""
    return data_dir / FOLDER / FILE_NAME


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _to_json(contents: ExportContents, imported_at: datetime) -> str:
    head = {
        "schema_version": SCHEMA_VERSION,
        "kind": KIND,
        "imported_at": imported_at.isoformat(),
        "source": contents.source,
    }
    connections = [
        json.dumps(
            {
                **{key: getattr(c, key) for key in _CONNECTION_KEYS},
                "connected_on": _iso(c.connected_on),
            },
            ensure_ascii=False,
        )
        for c in contents.connections
    ]
    messages = [
        json.dumps(
            {
                "name": m.name,
                "url": m.url,
                "last_sent": _iso(m.last_sent),
                "sent_count": m.sent_count,
                "last_received": _iso(m.last_received),
                "sent_days": [d.isoformat() for d in m.sent_days],
                "received_days": [d.isoformat() for d in m.received_days],
            },
            ensure_ascii=False,
        )
        for m in contents.messages or ()
    ]
    parts = [json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ","]
    parts.append(' "connections": [\n  ' + ",\n  ".join(connections) + "\n ],")
    has_messages = "true" if contents.messages is not None else "false"
    parts.append(f' "has_messages": {has_messages},')
    parts.append(' "messages": [\n  ' + ",\n  ".join(messages) + "\n ]\n}\n")
    return "\n".join(parts)


def import_export(
    source: Path,
    data_dir: Path,
    *,
    me: str = "",
    clock: Callable[[], datetime] = lambda: datetime.now(UTC).replace(microsecond=0),
    tz: tzinfo | None = None,
) -> ImportSummary:
    """Read an export (ZIP, folder or Connections.csv) and store it, replacing any earlier one.

    `me` is the user's own name, to tell their messages apart when the export lacks Profile.csv.
    Dates become dates in time zone `tz` (None: this computer's). Raises LinkedInError (one
    line) when the export cannot be read or the copy cannot be saved; an earlier import is then
    left as it was. Rows read only in part are counted in the summary's `notes`.
    """
    if data_dir.exists() and not data_dir.is_dir():
        raise LinkedInError(f"{data_dir}: the data folder is a file, not a folder")
    contents = read_export(source, me, tz)
    target = import_path(data_dir)
    try:
        ensure_private_dir(target.parent, inside=True)
        atomic_write(target, _to_json(contents, clock()))
    except WriteError as exc:
        raise LinkedInError(str(exc)) from None
    return ImportSummary(
        connections=len(contents.connections),
        with_company=sum(1 for c in contents.connections if c.company),
        skipped_rows=contents.skipped_rows,
        written_to=None
        if contents.messages is None
        else sum(1 for m in contents.messages if m.last_sent),
        warnings=contents.warnings,
        path=target,
        notes=contents.notes,
    )


def remove(data_dir: Path) -> Path | None:
    """Delete the app's copy of the import (never the user's export). Returns the path removed,
    or None when there was nothing to remove. Raises LinkedInError when it cannot be deleted."""
    target = import_path(data_dir)
    try:
        target.unlink()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise LinkedInError(f"cannot remove {target}: {exc.strerror or exc}") from None
    with contextlib.suppress(OSError):
        target.parent.rmdir()  # only if empty
    return target


# --- loading --------------------------------------------------------------------------------------


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError("date is not text")
    return date.fromisoformat(value)


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{key} is not text")
    return value


def _connection(record: Any) -> Connection:
    if not isinstance(record, dict):
        raise ValueError("not an object")
    values = [record.get(key, "") for key in _CONNECTION_KEYS]
    if not all(type(value) is str for value in values):
        raise ValueError("a field is not text")
    first, last, url, email, company, position = values
    return Connection(
        plain_name(first),  # imports made before names were cleaned of emoji and symbols
        plain_name(last),
        url,
        email,
        company,
        position,
        connected_on=_date(record.get("connected_on")),
    )


def _history(record: Any) -> MessageHistory:
    if not isinstance(record, dict):
        raise ValueError("not an object")
    count = record.get("sent_count", 0)
    if not isinstance(count, int) or isinstance(count, bool):
        raise ValueError("sent_count is not a number")
    return MessageHistory(
        name=_text(record, "name"),
        url=_text(record, "url"),
        last_sent=_date(record.get("last_sent")),
        sent_count=count,
        last_received=_date(record.get("last_received")),
        sent_days=_days(record.get("sent_days", [])),
        received_days=_days(record.get("received_days", [])),
    )


def _days(value: Any) -> tuple[date, ...]:
    """A list of ISO dates (absent from imports made before they were kept: [])."""
    if not isinstance(value, list):
        raise ValueError("days are not a list")
    days: list[date] = []
    for item in value:
        day = _date(item)
        if day is not None:
            days.append(day)
    return tuple(sorted(set(days)))


def load(data_dir: Path) -> LinkedInData | None:
    """The stored import, or None when there is none. Raises LinkedInError (one line, naming
    the file) when it is damaged or from a newer version; the file is left untouched."""
    path = import_path(data_dir)
    hint = "import your export again, or remove it with: outreach-tui import-linkedin --remove"
    try:
        raw = read_regular(path, MAX_IMPORT_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise LinkedInError(f"{path}: {read_problem(exc)}") from None
    try:
        data = loads_json(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LinkedInError(f"{path}: {json_problem(exc)}; {hint}") from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise LinkedInError(f"{path}: not an outreach-tui LinkedIn import; {hint}")
    version = data.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise LinkedInError(f"{path}: written by a newer outreach-tui (schema {version})")
    records, histories = data.get("connections"), data.get("messages", [])
    if not isinstance(records, list) or not isinstance(histories, list):
        raise LinkedInError(f"{path}: damaged (no list of connections); {hint}")
    connections, bad = _load_all(records, _connection)
    messages, bad_messages = _load_all(histories, _history)
    problems = []
    if bad or bad_messages:
        problems.append(f"{path}: {bad + bad_messages:,} damaged records skipped; {hint}")
    imported_at = data.get("imported_at")
    return LinkedInData(
        connections,
        messages if data.get("has_messages", True) else None,
        imported_at=imported_at if isinstance(imported_at, str) else "",
        source=source if isinstance(source := data.get("source"), str) else "",
        path=path,
        problems=problems,
    )


def _load_all(records: list[Any], build: Callable[[Any], _T]) -> tuple[list[_T], int]:
    items: list[_T] = []
    bad = 0
    for record in records:
        try:
            items.append(build(record))
        except (ValueError, TypeError):
            bad += 1
    return items, bad
