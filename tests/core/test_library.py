"""The drafts library: tracking and scheduling with fixed clocks, filter and sort, duplicate,
rename, trash and restore, the index (stale, missing, corrupt), and two stores at once.
No Textual, no sleeping."""

from __future__ import annotations

import json
import os
import stat
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from outreach_tui.core.drafts.draft import Draft, DraftError
from outreach_tui.core.drafts.index import INDEX_FILE, INDEX_VERSION, DraftIndex
from outreach_tui.core.drafts.library import SORT_DUE, SORT_UPDATED, Library, sort_rows
from outreach_tui.core.drafts.schedule import summary_line
from outreach_tui.core.drafts.store import DraftStore, StoreError
from outreach_tui.core.drafts.tracking import (
    FOLLOWED_UP,
    INTERVIEW_HELD,
    NO_REPLY,
    REPLIED,
    SENT,
    THANKED,
    Tracking,
    TrackingError,
    apply,
    parse_action,
)
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.core.platform.textfold import fold_spaced

TODAY = date(2025, 3, 10)


class Clock:
    """A settable clock: each save can be given its own time without sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: int = 1) -> None:
        self.now += timedelta(minutes=minutes)


def make_draft(name: str, org: str = "Westerly Public Library", **research: list[str]) -> Draft:
    answers = answers_from_dict(
        {
            "sender": {"name": "Jordan Lee"},
            "contact": {
                "name": name,
                "organization": org,
                "honorific": "Dr.",
                "title": "Archivist",
            },
            "research": research,
            "goal": {"learn": "how the archive digitises letters"},
        }
    )
    return Draft(answers=answers, channel="message", message=f"Dear {name}, hello.", subject="Hi")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def lib(tmp_path: Path, clock: Clock) -> Library:
    return Library(DraftStore(tmp_path / "data", clock=clock), today=lambda: TODAY)


# -- tracking and scheduling ------------------------------------------------------------------


def test_sent_schedules_follow_up_seven_days_later() -> None:
    t = apply(Tracking(), SENT, date(2025, 3, 1))
    assert t.status == SENT and t.sent_on == date(2025, 3, 1)
    assert t.open_dues() == [("follow-up", date(2025, 3, 8))]
    assert t.history == [{"action": "sent", "on": "2025-03-01"}]


def test_follow_up_days_configurable_and_cleared() -> None:
    t = apply(Tracking(), SENT, date(2025, 3, 1), follow_up_days=3)
    assert t.open_dues() == [("follow-up", date(2025, 3, 4))]
    assert apply(t, FOLLOWED_UP, date(2025, 3, 4)).open_dues() == []
    assert apply(t, REPLIED, date(2025, 3, 2)).open_dues() == []
    assert apply(t, NO_REPLY, date(2025, 3, 20)).open_dues() == []


def test_interview_held_schedules_thank_you_within_a_day() -> None:
    t = apply(apply(Tracking(), SENT, date(2025, 3, 1)), REPLIED, date(2025, 3, 2))
    t = apply(t, INTERVIEW_HELD, date(2025, 3, 9))
    assert t.open_dues() == [("thank-you", date(2025, 3, 10))]
    done = apply(t, THANKED, date(2025, 3, 10))
    assert done.open_dues() == [] and done.thanked_on == date(2025, 3, 10)
    assert [h["action"] for h in done.history] == ["sent", "replied", "interview-held", "thanked"]


def test_apply_does_not_change_its_input() -> None:
    t = Tracking()
    apply(t, SENT, TODAY)
    assert t == Tracking()


def test_parse_action() -> None:
    assert parse_action("No reply") == NO_REPLY
    assert parse_action("interview_held") == INTERVIEW_HELD
    with pytest.raises(TrackingError):
        parse_action("ghosted")


def test_due_today_overdue_and_summary(lib: Library, clock: Clock) -> None:
    ids = {}
    for name, sent_on in [("Ana", 3), ("Ben", 3), ("Cy", 1), ("Di", 8)]:
        draft = make_draft(name)
        lib.save(draft)
        lib.mark(draft.id, SENT, date(2025, 3, sent_on))
        ids[name] = draft.id
        clock.tick()
    held = make_draft("Ed")
    lib.save(held)
    lib.mark(held.id, INTERVIEW_HELD, date(2025, 3, 8))

    due = lib.due()
    assert [(i.contact, i.kind, i.state(TODAY)) for i in due] == [
        ("Cy", "follow-up", "overdue"),
        ("Ed", "thank-you", "overdue"),
        ("Ana", "follow-up", "today"),
        ("Ben", "follow-up", "today"),
    ]
    assert lib.summary() == "2 follow-ups due today, 1 follow-up overdue, 1 thank-you overdue"
    assert [i.contact for i in lib.due(upcoming=True)][-1] == "Di"
    assert lib.summary(date(2025, 3, 1)) == ""
    lib.mark(ids["Ana"], FOLLOWED_UP, TODAY)
    assert lib.summary() == "1 follow-up due today, 1 follow-up overdue, 1 thank-you overdue"


def test_summary_singular() -> None:
    assert summary_line([], TODAY) == ""


def test_mark_date_defaults_to_today_and_is_saved(lib: Library, tmp_path: Path) -> None:
    draft = make_draft("Ana")
    lib.save(draft)
    lib.mark(draft.id, SENT)
    data = json.loads(lib.store.path_for(draft.id).read_text())
    assert data["tracking"]["sent_on"] == "2025-03-10"
    assert data["tracking"]["follow_up_due"] == "2025-03-17"
    # A fresh library (a new app start) sees it without parsing: from the index.
    fresh = Library(DraftStore(tmp_path / "data"), today=lambda: date(2025, 3, 17))
    assert fresh.summary() == "1 follow-up due today"
    assert fresh.index.parsed == 0


# -- filter, sort, duplicate, rename --------------------------------------------------------


def test_filter_case_and_accent_insensitive_over_any_text(lib: Library, clock: Clock) -> None:
    lib.save(make_draft("Zoë Ünal", "Riverside Archive", groups=["Society of Archivists"]))
    clock.tick()
    lib.save(make_draft("Sam Ortiz", "Lakeside School"))
    assert [r.contact for r in lib.rows("zoe")] == ["Zoë Ünal"]
    assert [r.contact for r in lib.rows("RIVERSIDE")] == ["Zoë Ünal"]
    assert [r.contact for r in lib.rows("society archiv")] == ["Zoë Ünal"]  # every word
    assert [r.contact for r in lib.rows("dear sam")] == ["Sam Ortiz"]  # the message
    assert [r.contact for r in lib.rows("digitises")] == ["Zoë Ünal", "Sam Ortiz"][::-1]
    assert lib.rows("nobody at all") == []
    assert len(lib.rows("   ")) == 2
    assert fold_spaced("ZOË  Ünal") == "zoe unal"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Lin Wei 🌱 (she/her)", "Lin Wei"),
        ("Priyanka Desai, PhD", "Priyanka Desai"),
        ("Dr. Willem van der Berg, PhD", "Dr. Willem van der Berg"),
        ("Sam Ortiz | Hiring!", "Sam Ortiz"),
        ("🦉", "🦉"),  # nothing but decorations: shown as typed rather than blank
        # control characters: kept, so that the list shows them in their visible form
        ("Alex\x1b[2J Morgan 🌱", "Alex\x1b[2J Morgan 🌱"),
    ],
)
def test_rows_and_titles_show_the_name_a_message_would_write(
    lib: Library, typed: str, shown: str
) -> None:
    draft = make_draft(typed)
    lib.save(draft)
    (row,) = lib.rows("")
    assert row.contact == shown
    assert row.title == f"{shown} (Westerly Public Library)"
    assert lib.load(draft.id).display_title == row.title
    assert [r.id for r in lib.rows(typed.split()[0])] == [draft.id]  # found by what was typed


def test_filter_finds_letters_typed_without_their_stroke(lib: Library) -> None:
    # ø, ł, æ have no accent to drop; a search typed on a plain keyboard still finds them
    lib.save(make_draft("Øystein Łukasiewicz", "Ærø Museum"))
    lib.save(make_draft("Sam Ortiz", "Lakeside School"))
    assert [r.contact for r in lib.rows("oystein")] == ["Øystein Łukasiewicz"]
    assert [r.contact for r in lib.rows("lukasiewicz aero")] == ["Øystein Łukasiewicz"]
    assert [r.contact for r in lib.rows("ØYSTEIN")] == ["Øystein Łukasiewicz"]


def test_an_index_folded_the_older_way_is_rebuilt(tmp_path: Path) -> None:
    # version 3 kept "ø" in its search words: a search for "oystein" must not trust it
    store = DraftStore(tmp_path / "data")
    Library(store).save(make_draft("Øystein Lie"))
    path = tmp_path / "data" / INDEX_FILE
    header, *rows = path.read_text().splitlines()
    old = json.loads(header)
    old["index_version"] = 3
    path.write_text("\n".join([json.dumps(old), *(r.replace("oystein", "øystein") for r in rows)]))
    assert [r.contact for r in Library(DraftStore(tmp_path / "data")).rows("oystein")] == [
        "Øystein Lie"
    ]


def test_sort_by_last_change_and_by_due(lib: Library, clock: Clock) -> None:
    a, b, c = make_draft("Ana"), make_draft("Ben"), make_draft("Cy")
    for d in (a, b, c):
        lib.save(d)
        clock.tick()
    assert [r.contact for r in lib.rows(sort=SORT_UPDATED)] == ["Cy", "Ben", "Ana"]
    lib.mark(a.id, SENT, date(2025, 3, 5))
    clock.tick()
    lib.mark(b.id, SENT, date(2025, 3, 1))
    assert [r.contact for r in lib.rows(sort=SORT_UPDATED)] == ["Ben", "Ana", "Cy"]
    assert [r.contact for r in lib.rows(sort=SORT_DUE)] == ["Ben", "Ana", "Cy"]
    assert [r.due for r in lib.rows(sort=SORT_DUE)] == ["2025-03-08", "2025-03-12", None]
    with pytest.raises(ValueError):
        sort_rows([], "name")


def test_duplicate_keeps_answers_but_not_the_person(lib: Library, full_answers: Answers) -> None:
    draft = Draft(answers=full_answers, channel="connection-note", message="Dear Ms. Morgan")
    draft.answers.contact.extra["pronouns"] = "she/her"
    draft.title = "Alex at Westerly"
    lib.save(draft)
    lib.mark(draft.id, SENT, TODAY)

    copy = lib.duplicate(draft.id, "Robin Hale")
    assert copy.id and copy.id != draft.id and copy.id.startswith("robin-hale-")
    a = copy.answers
    assert a.contact.name == "Robin Hale"
    assert a.contact.organization == "Westerly Public Library"
    assert (a.contact.honorific, a.contact.title, a.contact.extra) == ("", "", {})
    assert a.contact.active_on_linkedin == "unknown"
    assert a.research.shared_connections == a.research.groups == a.research.public_activity == []
    assert a.research.web_search == ""
    assert a.sender == full_answers.sender
    assert a.goal == full_answers.goal and a.job == full_answers.job
    assert copy.message == "" and copy.title == "" and copy.tracking == Tracking()
    assert copy.channel == "connection-note"
    assert lib.store.load(draft.id).answers.contact.name == "Alex Morgan"  # original untouched
    assert {r.id for r in lib.rows()} == {draft.id, copy.id}


def test_rename(lib: Library, tmp_path: Path) -> None:
    draft = make_draft("Ana")
    lib.save(draft)
    lib.rename(draft.id, "  Ana   (the archive one) ")
    assert lib.row(draft.id) is not None
    assert lib.row(draft.id).title == "Ana (the archive one)"  # type: ignore[union-attr]
    assert [r.id for r in lib.rows("archive one")] == [draft.id]
    assert DraftStore(tmp_path / "data").load(draft.id).title == "Ana (the archive one)"
    lib.rename(draft.id, "")
    assert lib.row(draft.id).title == "Ana (Westerly Public Library)"  # type: ignore[union-attr]


def test_trash_and_restore_through_library(lib: Library) -> None:
    keep, gone = make_draft("Ana"), make_draft("Ben")
    lib.save(keep)
    lib.save(gone)
    lib.trash(gone.id)
    assert [r.id for r in lib.rows()] == [keep.id]
    assert [r.id for r in lib.refresh()] == [keep.id]
    row = lib.restore(gone.id)
    assert row is not None and row.contact == "Ben"
    assert {r.id for r in lib.refresh()} == {keep.id, gone.id}


def test_mark_unknown_or_damaged_raises_one_line(lib: Library) -> None:
    with pytest.raises(DraftError):
        lib.mark("nobody-000000", SENT)
    lib.store.drafts_dir.mkdir(parents=True)
    (lib.store.drafts_dir / "broken.json").write_text("{")
    with pytest.raises(DraftError, match="invalid JSON"):
        lib.mark("broken", SENT)
    assert (lib.store.drafts_dir / "broken.json").read_text() == "{"


# -- the index --------------------------------------------------------------------------------


def fill(store: DraftStore, n: int) -> list[Draft]:
    drafts = []
    for i in range(n):
        d = make_draft(f"Person {i}")
        store.save(d)
        drafts.append(d)
    return drafts


def test_index_written_private_and_warm_listing_parses_nothing(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "data")
    drafts = fill(store, 20)
    index = DraftIndex(store)
    assert len(index.refresh()) == 20 and index.parsed == 20
    path = tmp_path / "data" / INDEX_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    warm = DraftIndex(store)
    rows = warm.refresh()
    assert warm.parsed == 0
    assert {r.id for r in rows} == {d.id for d in drafts}
    assert [f for f in os.listdir(tmp_path / "data") if f.endswith(".tmp")] == []


def test_index_rebuilt_when_missing_or_corrupt(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "data")
    fill(store, 5)
    DraftIndex(store).refresh()
    path = tmp_path / "data" / INDEX_FILE
    for content in (
        None,
        b"",
        b"{not json",
        b'{"index_version": 999, "rows": []}',
        b"[]",
        b'{"index_version": 2, "rows": []}',  # the format before one row per line
        header_with_bad_rows(path, [[5], {"id": "x"}, None]),
        header_with_bad_rows(path, "wrong-types"),
        header_with_bad_rows(path, "cut-mid-row"),
    ):
        if content is None:
            path.unlink()
        else:
            path.write_bytes(content)
        index = DraftIndex(store)
        assert len(index.refresh()) == 5
        assert index.parsed == 5
        assert json.loads(path.read_text().splitlines()[0])["index_version"] == INDEX_VERSION


def header_with_bad_rows(path: Path, bad: object) -> bytes:
    """The current index (a header line, then a row per line) with its rows replaced by `bad`
    (or every row's size made text, or the file cut in the middle of a row)."""
    header, *rows = path.read_text().splitlines()
    if bad == "cut-mid-row":
        return "\n".join([header, *rows])[: -len(rows[-1]) // 2].encode()
    if bad == "wrong-types":
        assert "size" in json.loads(header)["fields"]
        lines = [json.dumps([str(v) for v in json.loads(row)]) for row in rows]
    else:
        assert isinstance(bad, list)
        lines = [json.dumps(item) for item in bad]
    return "\n".join([header, *lines]).encode()


def test_index_picks_up_changed_new_and_removed_files(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "data")
    a, b, c = fill(store, 3)
    DraftIndex(store).refresh()
    # Changed behind the index's back (another instance, or the user's editor):
    a.answers.contact.organization = "Moved To Another Library"
    store.save(a)
    store.path_for(b.id).unlink()
    d = make_draft("Newcomer")
    store.save(d)
    index = DraftIndex(store)
    rows = {r.id: r for r in index.refresh()}
    assert index.parsed == 2
    assert set(rows) == {a.id, c.id, d.id}
    assert rows[a.id].organisation == "Moved To Another Library"


def test_index_stale_same_size_same_mtime_still_detected(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "data")
    (a,) = fill(store, 1)
    index = DraftIndex(store)
    index.refresh()
    path = store.path_for(a.id)
    st = path.stat()
    text = path.read_text().replace("Person 0", "Person X")  # same size
    tmp = path.with_name("edit.tmp")
    tmp.write_text(text)
    os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(tmp, path)  # what an atomic save does: a new inode
    assert [r.contact for r in DraftIndex(store).refresh()] == ["Person X"]


def test_damaged_files_in_index_listed_and_untouched(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "data")
    fill(store, 2)
    bad = {"broken": b"{", "future": b'{"schema_version": 7, "answers": {}}', "blank": b""}
    for name, content in bad.items():
        (store.drafts_dir / f"{name}.json").write_bytes(content)
    lib = Library(store, today=lambda: TODAY)
    rows = {r.id: r for r in lib.refresh()}
    assert rows["broken"].damaged and "invalid JSON" in (rows["broken"].error or "")
    assert "newer version" in (rows["future"].error or "")
    assert rows["blank"].error == "empty file"
    assert [r.id for r in lib.rows("damaged newer")] == ["future"]
    assert lib.due() == []
    # Warm: damaged files are not re-parsed either, and stay byte for byte.
    warm = Library(DraftStore(tmp_path / "data"))
    assert len(warm.refresh()) == 5 and warm.index.parsed == 0
    for name, content in bad.items():
        assert (store.drafts_dir / f"{name}.json").read_bytes() == content
    over = make_draft("x")
    over.id = "future"
    with pytest.raises(StoreError):
        store.save(over)  # the store refuses to save over a file it cannot read
    assert (store.drafts_dir / "future.json").read_bytes() == bad["future"]


def test_unwritable_index_is_only_a_cache(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "data")
    fill(store, 3)
    index_path = tmp_path / "data" / INDEX_FILE
    index_path.mkdir()  # cannot be replaced by a file
    index = DraftIndex(store)
    assert len(index.refresh()) == 3
    assert index_path.is_dir() and not any(index_path.iterdir())  # left as it was
    assert len(DraftIndex(store).refresh()) == 3  # and again, from the drafts themselves


def test_listing_empty_or_missing_folder_creates_nothing(tmp_path: Path) -> None:
    lib = Library(DraftStore(tmp_path / "nothing-here"))
    assert lib.rows() == [] and lib.summary() == ""
    assert not (tmp_path / "nothing-here").exists()


# -- two instances ----------------------------------------------------------------------------


def test_two_libraries_interleaved_never_hide_a_draft(tmp_path: Path) -> None:
    one = Library(DraftStore(tmp_path / "data"), today=lambda: TODAY)
    two = Library(DraftStore(tmp_path / "data"), today=lambda: TODAY)
    a = make_draft("From One")
    one.save(a)
    assert [r.id for r in two.refresh()] == [a.id]
    b = make_draft("From Two")
    two.save(b)  # two writes an index containing a and b
    c = make_draft("From One Again")
    one.save(c)  # one writes an index from its older view: a and c, no b
    for lib in (one, two, Library(DraftStore(tmp_path / "data"))):
        assert {r.id for r in lib.refresh()} == {a.id, b.id, c.id}


def test_two_stores_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    stores = [DraftStore(tmp_path / "data"), DraftStore(tmp_path / "data")]
    libs = [Library(s) for s in stores]
    saved: list[list[str]] = [[], []]
    barrier = threading.Barrier(2)

    def work(k: int) -> None:
        barrier.wait()
        for i in range(40):
            d = make_draft("Same Name")  # same slug: ids must still differ
            d.message = f"writer {k} draft {i}"
            libs[k].save(d)
            saved[k].append(d.id)
            if i % 10 == 0:
                libs[k].refresh()

    threads = [threading.Thread(target=work, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    all_ids = set(saved[0]) | set(saved[1])
    assert len(all_ids) == 80
    fresh = Library(DraftStore(tmp_path / "data"))
    rows = fresh.refresh()
    assert {r.id for r in rows} == all_ids
    assert not any(r.damaged for r in rows)
    for k in (0, 1):
        for i, draft_id in enumerate(saved[k]):
            assert fresh.load(draft_id).message == f"writer {k} draft {i}"
