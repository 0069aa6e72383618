"""Saved drafts: `<data>/drafts/<id>.json` with the message alone beside it in `<id>.txt`.

Writes are atomic and private (0600 files, 0700 folders). Loads are tolerant: a file that cannot
be read is reported with the reason and is never rewritten or deleted.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from outreach_tui.core.answers import Answers, AnswersError, answers_from_dict, answers_to_dict
from outreach_tui.core.fsutil import (
    FILE_MODE,
    WriteError,
    atomic_write,
    describe_os_error,
    ensure_private_dir,
)

SCHEMA_VERSION = 1
DRAFTS_FOLDER = "drafts"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
_SLUG_MAX = 40
_KNOWN_KEYS = (
    "schema_version",
    "id",
    "created",
    "updated",
    "channel",
    "answers",
    "subject",
    "message",
)


class DraftError(Exception):
    """A draft that cannot be loaded (missing, damaged, foreign, or from a newer version)."""


class StoreError(Exception):
    """A draft that cannot be saved. str() names the path and the reason."""


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def slugify(name: str) -> str:
    """A file-name-safe form of a contact's name: ASCII letters, digits and dashes, never empty.

    Path separators, dots, NUL, emoji and accents all fold away, so no name can point outside
    the drafts folder.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    slug = slug[:_SLUG_MAX].rstrip("-")
    return slug or "draft"


def is_valid_id(draft_id: str) -> bool:
    return bool(_ID_RE.match(draft_id))


@dataclass
class Draft:
    """A draft as saved: the answers, the chosen channel and the final text (with user edits)."""

    answers: Answers
    channel: str
    message: str
    subject: str | None = None
    id: str = ""
    created: str = ""
    updated: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "created": self.created,
            "updated": self.updated,
            "channel": self.channel,
            "answers": answers_to_dict(self.answers),
            "subject": self.subject,
            "message": self.message,
        }


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older draft's data up to SCHEMA_VERSION. Raises DraftError for a newer one.

    Each future schema change adds one step here (v1 -> v2, v2 -> v3...), so every old draft
    still loads.
    """
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DraftError(f"schema_version must be a whole number, not {version!r}")
    if version > SCHEMA_VERSION:
        raise DraftError(
            f"made by a newer version of outreach-tui (schema {version}; this one reads up to "
            f"{SCHEMA_VERSION}): upgrade to open it"
        )
    if version < 1:
        raise DraftError(f"unknown schema_version {version}")
    return data


def draft_from_dict(data: Any) -> Draft:
    """Build a Draft from its JSON data. Raises DraftError with a reason fit for one line."""
    if not isinstance(data, dict):
        raise DraftError("not an outreach-tui draft (expected a JSON object)")
    if "schema_version" not in data or "answers" not in data:
        raise DraftError("not an outreach-tui draft (no schema_version or answers)")
    data = migrate(data)
    try:
        answers = answers_from_dict(data["answers"])
    except AnswersError as exc:
        raise DraftError(f"answers: {exc}") from None
    for key in ("id", "created", "updated", "channel", "message"):
        if not isinstance(data.get(key, ""), str):
            raise DraftError(f"{key} must be text")
    subject = data.get("subject")
    if subject is not None and not isinstance(subject, str):
        raise DraftError("subject must be text or null")
    return Draft(
        answers=answers,
        channel=data.get("channel", "") or "message",
        message=data.get("message", ""),
        subject=subject,
        id=data.get("id", ""),
        created=data.get("created", ""),
        updated=data.get("updated", ""),
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
    )


@dataclass(frozen=True)
class DraftEntry:
    """One file in the drafts folder: a draft that loaded, or the reason it did not."""

    id: str
    path: Path
    draft: Draft | None = None
    error: str | None = None

    @property
    def damaged(self) -> bool:
        return self.draft is None


class DraftStore:
    """The drafts in a data folder. Nothing outside `<root>/drafts` is ever written."""

    def __init__(self, root: Path, clock: Callable[[], datetime] = utc_now) -> None:
        self.root = Path(root)
        self.drafts_dir = self.root / DRAFTS_FOLDER
        self._clock = clock

    # -- paths ----------------------------------------------------------------------------------

    def path_for(self, draft_id: str) -> Path:
        """The JSON file of a draft id; rejects ids that could point anywhere else."""
        if not is_valid_id(draft_id):
            raise DraftError(f"not a draft id: {draft_id!r}")
        return self.drafts_dir / f"{draft_id}.json"

    def text_path_for(self, draft_id: str) -> Path:
        return self.path_for(draft_id).with_suffix(".txt")

    # -- saving ---------------------------------------------------------------------------------

    def _ensure_folders(self) -> None:
        try:
            ensure_private_dir(self.root)
            ensure_private_dir(self.drafts_dir)
        except WriteError as exc:
            raise StoreError(str(exc)) from None

    def _reserve_id(self, contact_name: str) -> str:
        """A new id from the contact's name and a random suffix, claimed by creating its file.

        Creating with O_EXCL means two instances saving at once can never take the same id.
        """
        base = slugify(contact_name)
        for _ in range(50):
            draft_id = f"{base}-{secrets.token_hex(3)}"
            path = self.path_for(draft_id)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            except FileExistsError:
                continue
            except OSError as exc:
                raise StoreError(f"cannot write {path}: {describe_os_error(exc)}") from None
            os.close(fd)
            return draft_id
        raise StoreError(f"cannot find a free file name in {self.drafts_dir}")

    def save(self, draft: Draft) -> Path:
        """Write the draft (a new id is given on its first save) and return its JSON path.

        Updates `draft.id`, `created` and `updated` in place. Raises StoreError; on failure the
        files already on disk are left as they were.
        """
        self._ensure_folders()
        now = iso(self._clock())
        new = not draft.id
        if new:
            draft.id = self._reserve_id(draft.answers.contact.name)
        path = self.path_for(draft.id)
        previous = (draft.created, draft.updated)
        draft.created = draft.created or now
        draft.updated = now
        payload = json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"
        try:
            atomic_write(path, payload)
            atomic_write(self.text_path_for(draft.id), draft.message.rstrip("\n") + "\n")
        except WriteError as exc:
            draft.created, draft.updated = previous
            if new:
                self._release(path)
                draft.id = ""
            raise StoreError(str(exc)) from None
        return path

    def _release(self, path: Path) -> None:
        """Remove an id reserved by a save that then failed (only if it is still empty)."""
        try:
            if path.stat().st_size == 0:
                path.unlink()
        except OSError:
            pass

    # -- loading --------------------------------------------------------------------------------

    def load(self, draft_id: str) -> Draft:
        """Load one draft by id. Raises DraftError with the reason."""
        return self.load_path(self.path_for(draft_id))

    @staticmethod
    def load_path(path: Path) -> Draft:
        """Load a draft file. Raises DraftError naming the reason; never changes the file."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DraftError(f"{path}: no such draft") from None
        except OSError as exc:
            raise DraftError(f"{path}: cannot read ({describe_os_error(exc)})") from None
        if not raw.strip():
            raise DraftError(f"{path}: empty file")
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise DraftError(f"{path}: not text (binary or damaged)") from None
        except json.JSONDecodeError as exc:
            raise DraftError(
                f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from None
        try:
            return draft_from_dict(data)
        except DraftError as exc:
            raise DraftError(f"{path}: {exc}") from None

    def entries(self) -> list[DraftEntry]:
        """Every `*.json` in the drafts folder, newest change first; damaged ones with a reason."""
        entries: list[DraftEntry] = []
        try:
            names = sorted(
                (e for e in os.scandir(self.drafts_dir) if e.name.endswith(".json")),
                key=lambda e: e.name,
            )
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise DraftError(f"{self.drafts_dir}: cannot list ({describe_os_error(exc)})") from None
        for entry in names:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            draft_id = entry.name[: -len(".json")]
            try:
                draft = self.load_path(path)
            except DraftError as exc:
                reason = str(exc).removeprefix(f"{path}: ")
                entries.append(DraftEntry(draft_id, path, None, reason))
                continue
            entries.append(DraftEntry(draft_id, path, draft, None))
        entries.sort(key=lambda e: e.draft.updated if e.draft else "", reverse=True)
        return entries
