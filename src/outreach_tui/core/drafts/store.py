"""Saved drafts: `<data>/drafts/<id>.json` with the message alone beside it in `<id>.txt`.

Writes are atomic and private (0600 files, 0700 folders). Loads are tolerant: a file that cannot
be read is reported with the reason and is never rewritten or deleted. A deleted draft is moved
to `<data>/trash/` and can be restored from there. The draft itself and its schema are in
core/drafts/draft.py.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

# json and secrets are imported where they are used: the first screen is drawn without them
# (see benchmarks/README.md, start-up).
import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from outreach_tui.core.drafts.draft import (
    Draft,
    DraftError,
    draft_from_dict,
    is_valid_id,
    iso,
    slugify,
    utc_now,
)
from outreach_tui.core.model.answers_load import LONE_SURROGATE, has_lone_surrogate
from outreach_tui.core.platform.files import (
    FILE_MODE,
    WriteError,
    atomic_write,
    create_new,
    describe_os_error,
    ensure_private_dir,
    fsync_dir,
)
from outreach_tui.core.platform.safeload import json_problem, loads_json, read_problem, read_regular

DRAFTS_FOLDER = "drafts"
TRASH_FOLDER = "trash"


class StoreError(Exception):
    """A draft that cannot be saved. str() names the path and the reason."""


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
        self.trash_dir = self.root / TRASH_FOLDER
        self._clock = clock

    def now(self) -> datetime:
        """The store's clock (UTC); tests pass a fixed one."""
        return self._clock()

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
            ensure_private_dir(self.drafts_dir, inside=True)
        except WriteError as exc:
            raise StoreError(str(exc)) from None

    def _reserve_id(self, contact_name: str) -> str:
        """A new id from the contact's name and a random suffix, claimed by creating its file.

        Creating with O_EXCL means two instances saving at once can never take the same id.
        """
        base = slugify(contact_name)
        import secrets

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
        files already on disk are left as they were. A file this version cannot read (damaged,
        foreign, or from a newer version) is never overwritten.
        """
        self._ensure_folders()
        now = iso(self._clock())
        new = not draft.id
        previous = (draft.created, draft.updated)
        draft.created = draft.created or now
        draft.updated = now
        if new:
            # The new file appears whole under a free name (never empty, even if the app is
            # killed mid-save); only where hard links are impossible is the name claimed first.
            try:
                created = self._create_new(draft)
                if created is not None:
                    text = draft.message.rstrip("\n") + "\n"
                    atomic_write(self.text_path_for(draft.id), text)
                    return created
            except (WriteError, StoreError) as exc:
                draft.created, draft.updated = previous
                draft.id = ""
                raise StoreError(str(exc)) from None
            draft.id = self._reserve_id(draft.answers.contact.name)
        path = self.path_for(draft.id)
        if not new:
            self._check_overwritable(path)
        import json

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

    def _create_new(self, draft: Draft) -> Path | None:
        """Write a new draft under a fresh id (set on `draft`), or None where the file system
        has no hard links. Raises StoreError."""
        import json
        import secrets

        base = slugify(draft.answers.contact.name)
        ids = [f"{base}-{secrets.token_hex(3)}" for _ in range(50)]

        def payload_for(draft_id: str) -> str:
            draft.id = draft_id
            return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"

        # The id is inside the file: each candidate name gets its own content.
        for draft_id in ids:
            try:
                path = create_new([self.path_for(draft_id)], payload_for(draft_id))
            except FileExistsError:
                continue
            except WriteError as exc:
                draft.id = ""
                raise StoreError(str(exc)) from None
            if path is None:
                draft.id = ""
            return path
        draft.id = ""
        raise StoreError(f"cannot find a free file name in {self.drafts_dir}")

    def _check_overwritable(self, path: Path) -> None:
        """Refuse to replace a non-empty file that does not load: it may be a newer version's."""
        try:
            if path.stat().st_size == 0:
                return
        except OSError:
            return
        try:
            self.load_path(path)
        except DraftError as exc:
            reason = str(exc).removeprefix(f"{path}: ")
            raise StoreError(
                f"{path}: not overwriting a file this version cannot read ({reason})"
            ) from None

    def _release(self, path: Path) -> None:
        """Remove an id reserved by a save that then failed (only if it is still empty)."""
        try:
            if path.stat().st_size == 0:
                path.unlink()
        except OSError:
            pass

    # -- loading --------------------------------------------------------------------------------

    def load(self, draft_id: str) -> Draft:
        """Load one draft by id. Raises DraftError with the reason.

        The file name is the id: a copied file, or one whose `id` field names another draft
        (or `../x`), is loaded under its file name, so saving it never writes anywhere else.
        """
        draft = self.load_path(self.path_for(draft_id))
        draft.id = draft_id
        return draft

    @staticmethod
    def load_path(path: Path) -> Draft:
        """Load a draft file. Raises DraftError naming the reason; never changes the file."""
        try:
            raw = read_regular(path)
        except FileNotFoundError:
            raise DraftError(f"{path}: no such draft") from None
        except OSError as exc:
            raise DraftError(f"{path}: {read_problem(exc)}") from None
        if not raw.strip():
            raise DraftError(f"{path}: empty file")
        try:
            data = loads_json(raw)
        except ValueError as exc:  # not UTF-8, or not JSON
            raise DraftError(f"{path}: {json_problem(exc)}") from None
        if has_lone_surrogate(data):
            raise DraftError(f"{path}: {LONE_SURROGATE}")
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

    # -- trash ----------------------------------------------------------------------------------

    def trash(self, draft_id: str) -> Path:
        """Move a draft's files (damaged or not) to `<data>/trash/`; returns the trashed JSON.

        Nothing is deleted: the files are renamed within the data folder, so `restore()` brings
        them back as they were. A draft trashed twice keeps both copies (`<id>.2.json`...).
        Raises DraftError if there is no such draft, StoreError if the move fails.
        """
        source = self.path_for(draft_id)
        if not source.exists():
            raise DraftError(f"{source}: no such draft")
        try:
            ensure_private_dir(self.trash_dir, inside=True)
        except WriteError as exc:
            raise StoreError(str(exc)) from None
        target = self.trash_dir / f"{draft_id}.json"
        number = 1
        while target.exists() or target.with_suffix(".txt").exists():
            number += 1
            target = self.trash_dir / f"{draft_id}.{number}.json"
        self._move(source, target)
        text = source.with_suffix(".txt")
        if text.exists():
            self._move(text, target.with_suffix(".txt"))
        return target

    def trashed(self, draft_id: str) -> list[Path]:
        """The trashed copies of a draft's JSON file, most recently trashed last."""
        found: list[tuple[int, Path]] = []
        if not is_valid_id(draft_id):
            raise DraftError(f"not a draft id: {draft_id!r}")
        for suffix_number, name in self._trash_names(draft_id):
            found.append((suffix_number, self.trash_dir / name))
        found.sort()
        return [path for _, path in found]

    def _trash_names(self, draft_id: str) -> list[tuple[int, str]]:
        try:
            names = os.listdir(self.trash_dir)
        except OSError:
            return []
        result: list[tuple[int, str]] = []
        for name in names:
            if name == f"{draft_id}.json":
                result.append((1, name))
            elif name.startswith(f"{draft_id}.") and name.endswith(".json"):
                middle = name[len(draft_id) + 1 : -len(".json")]
                if middle.isdigit():
                    result.append((int(middle), name))
        return result

    def restore(self, draft_id: str) -> Path:
        """Bring the most recently trashed copy of a draft back; returns its path in drafts/.

        Raises DraftError when nothing is in the trash under that id, StoreError when a draft
        with that id exists again (it is never overwritten) or the move fails.
        """
        copies = self.trashed(draft_id)
        if not copies:
            raise DraftError(f"{draft_id}: not in the trash")
        source = copies[-1]
        target = self.path_for(draft_id)
        if target.exists() or target.with_suffix(".txt").exists():
            raise StoreError(f"{target}: a draft with this id exists; not overwriting it")
        self._ensure_folders()
        self._move(source, target)
        text = source.with_suffix(".txt")
        if text.exists():
            self._move(text, target.with_suffix(".txt"))
        return target

    def _move(self, source: Path, target: Path) -> None:
        """Rename within the data folder, never over an existing file."""
        try:
            os.link(source, target)
        except FileExistsError:
            raise StoreError(f"{target}: exists; not overwriting it") from None
        except OSError:
            # No hard links here (some filesystems): fall back to a checked rename.
            if target.exists():
                raise StoreError(f"{target}: exists; not overwriting it") from None
            try:
                os.rename(source, target)
            except OSError as exc:
                raise StoreError(f"cannot move {source}: {describe_os_error(exc)}") from None
        else:
            try:
                os.unlink(source)
            except OSError as exc:
                with_reason = describe_os_error(exc)
                with contextlib.suppress(OSError):
                    os.unlink(target)
                raise StoreError(f"cannot move {source}: {with_reason}") from None
        fsync_dir(source.parent)
        fsync_dir(target.parent)
