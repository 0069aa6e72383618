"""The draft store: round trips, privacy, atomicity, hostile names, damaged files, migration,
trash. No Textual."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from outreach_tui.core.drafts.draft import SCHEMA_VERSION, Draft, DraftError, migrate, slugify
from outreach_tui.core.drafts.store import DraftStore, StoreError
from outreach_tui.core.drafts.tracking import SENT, Tracking
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOON = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def fixed_clock() -> datetime:
    return NOON


def make_draft(name: str = "Alex Morgan", org: str = "Westerly Public Library") -> Draft:
    answers = answers_from_dict({"contact": {"name": name, "organization": org}})
    return Draft(answers=answers, channel="message", message=f"Dear {name},\nHello.", subject="Hi")


@pytest.fixture
def fstore(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "data", clock=fixed_clock)


def test_save_load_round_trip(fstore: DraftStore, full_answers: Answers) -> None:
    draft = Draft(answers=full_answers, channel="message", message="Body", subject="Subj")
    draft.title = "Westerly: reference"
    draft.tracking = Tracking(status=SENT)
    draft.extra["from_the_future"] = {"kept": True}
    path = fstore.save(draft)
    assert path == fstore.path_for(draft.id)
    assert draft.created == draft.updated == NOON.isoformat()
    loaded = fstore.load(draft.id)
    assert loaded == draft
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION == 2
    assert fstore.text_path_for(draft.id).read_text() == "Body\n"


def test_permissions_private(fstore: DraftStore) -> None:
    path = fstore.save(make_draft())
    assert stat.S_IMODE(fstore.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(fstore.drafts_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.with_suffix(".txt").stat().st_mode) == 0o600


def test_atomic_write_leaves_no_temp_files(fstore: DraftStore) -> None:
    draft = make_draft()
    for _ in range(5):
        fstore.save(draft)
    names = sorted(os.listdir(fstore.drafts_dir))
    assert names == [f"{draft.id}.json", f"{draft.id}.txt"]


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "/", "a/b\\c", "x\x00y", "🦉🦉", "", ".", "..", "A" * 300, "Zoë Ünal"],
)
def test_hostile_names_stay_inside_drafts(fstore: DraftStore, name: str) -> None:
    first = make_draft(name)
    second = make_draft(name)
    p1 = fstore.save(first)
    p2 = fstore.save(second)
    for p in (p1, p2):
        assert p.parent == fstore.drafts_dir
        assert p.resolve().parent == fstore.drafts_dir.resolve()
        assert len(p.name) < 100
    assert p1 != p2
    assert fstore.load(first.id).message == first.message
    assert fstore.load(second.id).message == second.message
    assert set(os.listdir(fstore.root)) == {"drafts"}


def test_slugify() -> None:
    assert slugify("../x") == "x"
    assert slugify("\x00") == "draft"
    assert slugify("A" * 300) == "a" * 40
    assert slugify("Dr. Anna van der Berg, PhD (she/her)") == "dr-anna-van-der-berg"
    assert slugify("Lin Wei 🌱 | Open to work") == "lin-wei"
    assert slugify("🦉") == "draft"


@pytest.mark.parametrize("bad_id", ["../x", "x/../../y", "", "X", ".hidden", "a" * 200, "a\x00"])
def test_bad_ids_rejected(fstore: DraftStore, bad_id: str) -> None:
    with pytest.raises(DraftError):
        fstore.path_for(bad_id)
    with pytest.raises(DraftError):
        fstore.load(bad_id)


DAMAGED: dict[str, bytes] = {
    "invalid-json": b'{"schema_version": 2, "answers": ',
    "empty": b"",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe",
    "wrong-schema": b'{"schema_version": "two", "answers": {}}',
    "newer-schema": b'{"schema_version": 99, "answers": {}, "hologram": true}',
    "foreign": b'{"name": "package.json"}',
    "a-list": b"[1, 2, 3]",
    "bad-tracking": b'{"schema_version": 2, "answers": {}, "tracking": {"status": "lost"}}',
    "bad-date": b'{"schema_version": 2, "answers": {}, "tracking": {"sent_on": "yesterday"}}',
}
REASONS = {
    "invalid-json": "invalid JSON",
    "empty": "empty file",
    "binary": "not text",
    "wrong-schema": "schema_version must be a whole number",
    "newer-schema": "newer version",
    "foreign": "not an outreach-tui draft",
    "a-list": "not an outreach-tui draft",
    "bad-tracking": "tracking.status",
    "bad-date": "tracking.sent_on",
}


def write_damaged(store: DraftStore) -> dict[Path, bytes]:
    store.drafts_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, content in DAMAGED.items():
        path = store.drafts_dir / f"{name}.json"
        path.write_bytes(content)
        written[path] = content
    return written


def test_damaged_files_listed_with_reason_and_untouched(fstore: DraftStore) -> None:
    good = make_draft()
    fstore.save(good)
    written = write_damaged(fstore)
    before = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in written}
    entries = {e.id: e for e in fstore.entries()}
    assert not entries[good.id].damaged
    for name, reason in REASONS.items():
        entry = entries[name]
        assert entry.damaged
        assert entry.error is not None and reason in entry.error, (name, entry.error)
    for path, content in written.items():
        assert path.read_bytes() == content
        assert (path.stat().st_mtime_ns, path.stat().st_ino) == before[path]


def test_save_never_overwrites_a_file_it_cannot_read(fstore: DraftStore) -> None:
    draft = make_draft()
    path = fstore.save(draft)
    newer = b'{"schema_version": 99, "answers": {}, "id": "x"}'
    path.write_bytes(newer)
    with pytest.raises(StoreError, match="not overwriting"):
        fstore.save(draft)
    assert path.read_bytes() == newer


def test_v1_fixture_migrates_and_file_is_not_rewritten(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "data", clock=fixed_clock)
    store.drafts_dir.mkdir(parents=True)
    target = store.drafts_dir / "alex-morgan-1a2b3c.json"
    shutil.copyfile(FIXTURES / "draft_v1.json", target)
    original = target.read_bytes()

    draft = store.load("alex-morgan-1a2b3c")
    assert draft.answers.contact.name == "Alex Morgan"
    assert draft.answers.contact.extra == {"pronouns": "she/her"}
    assert draft.subject == "A question from a fellow librarian"
    assert draft.tracking == Tracking()  # status "draft", nothing due
    assert draft.title == ""  # v1 had no title: its unknown "title" key is kept aside
    assert draft.extra == {"colour": "teal", "v1_title": "kept from a v1 plug-in"}
    assert draft.display_title == "Alex Morgan (Westerly Public Library)"
    assert target.read_bytes() == original  # loading never rewrites

    store.save(draft)  # saving writes v2, keeping every unknown key
    data = json.loads(target.read_text())
    assert data["schema_version"] == 2
    assert data["colour"] == "teal"
    assert data["v1_title"] == "kept from a v1 plug-in"
    assert data["tracking"]["status"] == "draft"
    assert data["answers"]["contact"]["pronouns"] == "she/her"
    assert store.load(draft.id) == draft


def test_migrate_does_not_mutate_input() -> None:
    data = json.loads((FIXTURES / "draft_v1.json").read_text())
    snapshot = json.dumps(data, sort_keys=True)
    migrated = migrate(data)
    assert migrated["schema_version"] == 2
    assert json.dumps(data, sort_keys=True) == snapshot


def test_trash_and_restore(fstore: DraftStore) -> None:
    draft = make_draft()
    path = fstore.save(draft)
    content = path.read_bytes()
    trashed = fstore.trash(draft.id)
    assert trashed.parent == fstore.root / "trash"
    assert not path.exists() and not path.with_suffix(".txt").exists()
    assert stat.S_IMODE((fstore.root / "trash").stat().st_mode) == 0o700
    with pytest.raises(DraftError):
        fstore.load(draft.id)
    restored = fstore.restore(draft.id)
    assert restored == path
    assert path.read_bytes() == content
    assert path.with_suffix(".txt").exists()
    assert list((fstore.root / "trash").iterdir()) == []


def test_trash_twice_keeps_both_copies_and_restore_never_overwrites(fstore: DraftStore) -> None:
    draft = make_draft()
    fstore.save(draft)
    fstore.trash(draft.id)
    # The same id again (e.g. restored, edited, deleted again)
    draft.message = "second version"
    fstore.save(draft)
    second = fstore.trash(draft.id)
    assert second.name == f"{draft.id}.2.json"
    assert len(fstore.trashed(draft.id)) == 2
    assert fstore.restore(draft.id) == fstore.path_for(draft.id)
    assert fstore.load(draft.id).message == "second version"
    with pytest.raises(StoreError, match="not overwriting"):
        fstore.restore(draft.id)  # the first copy is still in the trash, the draft exists
    assert len(fstore.trashed(draft.id)) == 1


def test_trash_damaged_file_moves_it_unchanged(fstore: DraftStore) -> None:
    written = write_damaged(fstore)
    path = fstore.drafts_dir / "newer-schema.json"
    trashed = fstore.trash("newer-schema")
    assert trashed.read_bytes() == written[path]
    fstore.restore("newer-schema")
    assert path.read_bytes() == written[path]


def test_trash_and_restore_unknown(fstore: DraftStore) -> None:
    with pytest.raises(DraftError):
        fstore.trash("nobody-000000")
    with pytest.raises(DraftError):
        fstore.restore("nobody-000000")
    with pytest.raises(DraftError):
        fstore.trash("../x")
