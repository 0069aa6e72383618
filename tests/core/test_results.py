"""Closing the loop: drafts kept up to date from an invented LinkedIn export (real files in
tmp_path, imported the way the command imports them), the statistics, and the coach's note."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.library import Library
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.drafts.tracking import (
    DRAFT,
    FOLLOWED_UP,
    INTERVIEW_HELD,
    NO_REPLY,
    REPLIED,
    SENT,
    THANKED,
    Tracking,
    apply,
)
from outreach_tui.core.linkedin.csvfiles import Connection, MessageHistory
from outreach_tui.core.linkedin.lookups import LinkedInData
from outreach_tui.core.linkedin.store import import_export, load
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.core.results.matching import EXACT, LOOSE, PeopleIndex
from outreach_tui.core.results.note import own_results_note, own_results_text
from outreach_tui.core.results.stats import Group, results
from outreach_tui.core.results.sync import SyncReport, plan, update_drafts

ME = "Jordan Reyes"
IMPORTED = date(2025, 3, 1)
NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, when: datetime) -> None:
        self.now = when

    def __call__(self) -> datetime:
        return self.now


def make_draft(name: str, message: str = "", **research: list[str]) -> Draft:
    answers = answers_from_dict(
        {
            "sender": {"name": ME},
            "contact": {"name": name, "organization": "Westerly Public Library"},
            "research": research,
            "goal": {"learn": "how the archive digitises letters"},
        }
    )
    return Draft(answers=answers, channel="message", message=message or f"Hi {name}, hello.")


def write_export(folder: Path, people: list[str], messages: list[tuple[str, str, str]]) -> Path:
    """Connections.csv and messages.csv: `messages` are (from, to, "YYYY-MM-DD")."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for person in people:
        first, _, last = person.partition(" ")
        rows.append(f'"{first}","{last}",,,Westerly Public Library,Archivist,01 Jan 2024')
    (folder / "Connections.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    lines = ["CONVERSATION ID,FROM,TO,DATE,SUBJECT,CONTENT,FOLDER"]
    for number, (sender, to, day) in enumerate(messages):
        other = to if sender == ME else sender
        lines.append(
            f'"c-{other}","{sender}","{to}",{day} 10:00:00 UTC,,"secret text {number}",INBOX'
        )
    (folder / "messages.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


class World:
    """A data folder with drafts saved at chosen times, and exports imported into it."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.root = tmp_path / "data"
        self.clock = Clock(datetime(2025, 1, 10, 12, 0, tzinfo=UTC))
        self.library = Library(DraftStore(self.root, clock=self.clock), today=lambda: IMPORTED)
        self.exports = 0

    def save(self, draft: Draft, created: date = date(2025, 1, 10)) -> str:
        self.clock.now = datetime(created.year, created.month, created.day, 12, tzinfo=UTC)
        self.library.save(draft)
        return draft.id

    def import_(
        self, people: list[str], messages: list[tuple[str, str, str]], **kw: Any
    ) -> SyncReport:
        self.exports += 1
        folder = write_export(self.tmp / f"export{self.exports}", people, messages)
        import_export(folder, self.root, me=ME, tz=UTC)
        data = load(self.root)
        assert data is not None
        return update_drafts(self.library, data, imported=IMPORTED, now=NOW, tz=UTC, **kw)

    def tracking(self, draft_id: str) -> Tracking:
        return self.library.load(draft_id).tracking


@pytest.fixture
def world(tmp_path: Path) -> World:
    return World(tmp_path)


# -- statuses that keep themselves --------------------------------------------------------------


def test_sent_then_replied_from_the_export(world: World) -> None:
    alex = world.save(make_draft("Alex Morgan"), created=date(2025, 1, 18))
    report = world.import_(
        ["Alex Morgan"],
        [
            (ME, "Alex Morgan", "2025-01-02"),  # before the draft: another matter
            (ME, "Alex Morgan", "2025-01-20"),
            (ME, "Alex Morgan", "2025-02-03"),
            ("Alex Morgan", ME, "2025-02-05"),
        ],
    )
    t = world.tracking(alex)
    assert (t.status, t.sent_on, t.replied_on) == (REPLIED, date(2025, 1, 20), date(2025, 2, 5))
    assert t.open_dues() == []
    assert [(h["action"], h["on"]) for h in t.history] == [
        ("sent", "2025-01-20"),
        ("replied", "2025-02-05"),
    ]
    assert all(h["source"] == "from your LinkedIn export imported on 1 Mar 2025" for h in t.history)
    assert report.lines() == [
        "1 draft updated from your messages: "
        "Alex Morgan sent on 20 Jan 2025 and replied on 5 Feb 2025"
    ]


def test_sent_schedules_the_follow_up_as_by_hand(world: World) -> None:
    sam = world.save(make_draft("Sam Ortiz"))
    world.import_(["Sam Ortiz"], [(ME, "Sam Ortiz", "2025-02-10")])
    t = world.tracking(sam)
    assert t.status == SENT and t.open_dues() == [("follow-up", date(2025, 2, 17))]
    row = world.library.row(sam)
    assert row is not None and row.status == "sent"


def test_a_draft_marked_sent_by_hand_becomes_replied(world: World) -> None:
    draft = make_draft("Alex Morgan")
    draft.tracking = apply(apply(Tracking(), SENT, date(2025, 2, 1)), FOLLOWED_UP, date(2025, 2, 8))
    alex = world.save(draft)
    world.import_(
        ["Alex Morgan"], [("Alex Morgan", ME, "2025-01-25"), ("Alex Morgan", ME, "2025-02-09")]
    )
    t = world.tracking(alex)
    assert (t.status, t.replied_on, t.followed_up_on) == (
        REPLIED,
        date(2025, 2, 9),
        date(2025, 2, 8),
    )


def test_no_match_and_a_message_before_the_draft_change_nothing(world: World) -> None:
    later = world.save(make_draft("Alex Morgan"), created=date(2025, 2, 20))
    stranger = world.save(make_draft("Priya Shah"))
    report = world.import_(["Alex Morgan"], [(ME, "Alex Morgan", "2025-02-03")])
    assert world.tracking(later).status == DRAFT
    assert world.tracking(stranger).status == DRAFT
    assert report.lines() == []


def test_an_export_older_than_the_drafts_changes_nothing(world: World) -> None:
    alex = world.save(make_draft("Alex Morgan"), created=date(2025, 3, 1))
    report = world.import_(
        ["Alex Morgan"], [(ME, "Alex Morgan", "2024-12-01"), ("Alex Morgan", ME, "2024-12-02")]
    )
    assert world.tracking(alex) == Tracking() and report.changes == ()


def test_repeated_imports_change_nothing_more(world: World) -> None:
    alex = world.save(make_draft("Alex Morgan"))
    export = (
        ["Alex Morgan"],
        [(ME, "Alex Morgan", "2025-01-20"), ("Alex Morgan", ME, "2025-01-22")],
    )
    world.import_(*export)
    first = world.library.load(alex)
    again = world.import_(*export)
    assert again.changes == () and again.lines() == []
    assert world.library.load(alex).tracking == first.tracking


def test_a_change_undone_by_hand_is_not_made_again(world: World) -> None:
    alex = world.save(make_draft("Alex Morgan"))
    export = (["Alex Morgan"], [(ME, "Alex Morgan", "2025-01-20")])
    world.import_(*export)
    world.library.mark(alex, DRAFT)  # the user says: that message was about something else
    assert world.import_(*export).changes == ()
    assert world.tracking(alex).status == DRAFT
    # a later message to them is news, and counts
    world.import_(
        ["Alex Morgan"], [(ME, "Alex Morgan", "2025-01-20"), (ME, "Alex Morgan", "2025-02-01")]
    )
    t = world.tracking(alex)
    assert (t.status, t.sent_on) == (SENT, date(2025, 2, 1))


def test_ambiguous_names_are_checked_by_hand(world: World) -> None:
    two = world.save(make_draft("Jo Lee"))
    loose = world.save(make_draft("Alexandra Morgan"))
    report = world.import_(
        ["Jo Lee", "Jo Lee", "Alex Morgan"],
        [(ME, "Jo Lee", "2025-01-20"), (ME, "Alex Morgan", "2025-01-20")],
    )
    assert world.tracking(two).status == DRAFT and world.tracking(loose).status == DRAFT
    lines = report.lines()
    assert len(lines) == 2
    assert (
        f"Alexandra Morgan (draft {loose})" in lines[0] and "similar name: Alex Morgan" in lines[0]
    )
    assert lines[1].startswith(f"check by hand: Jo Lee (draft {two}): two contacts of that name")


def test_names_match_through_decorations_credentials_accents_and_mojibake(world: World) -> None:
    ines = world.save(make_draft("Dr. Inés Peñalver, PhD"))
    kim = world.save(make_draft("DANA KIM 🌱"))
    nunez = world.save(make_draft("Jose Nunez"))
    world.import_(
        ["InÃ©s PeÃ±alver", "Dana Kim", "José Núñez"],
        [
            (ME, "InÃ©s PeÃ±alver", "2025-01-20"),
            (ME, "Dana Kim, MLIS", "2025-01-21"),
            (ME, "José Núñez", "2025-01-22"),
        ],
    )
    assert world.tracking(ines).sent_on == date(2025, 1, 20)
    assert world.tracking(kim).sent_on == date(2025, 1, 21)
    assert world.tracking(nunez).sent_on == date(2025, 1, 22)


def test_message_text_is_never_stored(world: World) -> None:
    world.save(make_draft("Alex Morgan"))
    world.import_(["Alex Morgan"], [(ME, "Alex Morgan", "2025-01-20")])
    for path in world.root.rglob("*"):
        if path.is_file():
            assert "secret text" not in path.read_text(encoding="utf-8")


def test_an_export_without_messages_says_so() -> None:
    data = LinkedInData([Connection("Alex", "Morgan")], None)
    assert plan([make_draft("Alex Morgan")], data).lines() == [
        "drafts not updated: the export has no messages.csv"
    ]


def test_an_old_import_with_last_dates_only_still_works() -> None:
    draft = make_draft("Alex Morgan")
    draft.id, draft.created = "alex-1", "2025-01-10T12:00:00+00:00"
    data = LinkedInData(
        [], [MessageHistory("Alex Morgan", last_sent=date(2025, 1, 20), sent_count=1)]
    )
    assert [(c.action, c.on) for c in plan([draft], data, UTC).changes] == [
        (SENT, date(2025, 1, 20))
    ]


def test_matching_kinds() -> None:
    index = PeopleIndex(
        [MessageHistory("Alex Morgan"), MessageHistory("Priya Shah")], [Connection("Sam", "Ortiz")]
    )
    assert index.match("Ms. Alex Morgan (she/her)").kind == EXACT
    assert index.match("A. Morgan").kind == LOOSE
    assert index.match("Alex").kind == LOOSE
    assert index.match("Sam Ortiz").kind == ""
    assert index.match("").kind == ""


# -- your results ------------------------------------------------------------------------------


def sent(draft: Draft, *steps: tuple[str, date]) -> Draft:
    for action, on in steps:
        draft.tracking = apply(draft.tracking, action, on)
    return draft


D1, D2, D3 = date(2025, 1, 1), date(2025, 1, 3), date(2025, 1, 8)


def test_results_counts_rate_and_median() -> None:
    drafts = [
        sent(make_draft("A"), (SENT, D1), (REPLIED, D2)),  # 2 days
        sent(make_draft("B"), (SENT, D1), (REPLIED, D3), (INTERVIEW_HELD, D3)),  # 7 days
        sent(make_draft("C"), (SENT, D1), (REPLIED, D2), (INTERVIEW_HELD, D3), (THANKED, D3)),
        sent(make_draft("D"), (SENT, D1), (NO_REPLY, D3)),
        sent(make_draft("E"), (SENT, D1)),
        make_draft("F"),
    ]
    r = results(drafts)
    assert (r.sent, r.replied, r.no_reply, r.interviews, r.thanked, r.drafts) == (5, 3, 2, 2, 1, 1)
    assert r.rate == pytest.approx(0.6) and r.median_days == 2.0
    data = r.to_json()
    assert data["reply_rate"] == 0.6 and data["median_days_to_reply"] == 2.0
    assert set(data) >= {"sent", "replied", "no_reply", "interviews_held", "thanked", "by_hook"}


def test_results_by_hook_channel_band_and_follow_up() -> None:
    warm = "Hi Alex, Priya Shah suggested I write to you."
    drafts = [
        sent(make_draft("A", warm, shared_connections=["Priya Shah"]), (SENT, D1), (REPLIED, D2)),
        sent(
            make_draft("B", warm, shared_connections=["Priya Shah"]), (SENT, D1), (FOLLOWED_UP, D3)
        ),
        sent(make_draft("C", "Hi, can we talk?", shared_connections=["Priya Shah"]), (SENT, D1)),
    ]
    r = results(drafts)
    hooks = {g.key: (g.sent, g.replied) for g in r.by_hook}
    assert hooks == {
        "introduced": (0, 0),
        "connection": (2, 1),
        "group": (0, 0),
        "writing": (0, 0),
        "web": (0, 0),
        "none": (1, 0),
    }
    assert [(g.key, g.sent) for g in r.by_channel] == [("message", 3)]
    assert sum(g.sent for g in r.by_band) == 3
    assert {g.key: (g.sent, g.replied) for g in r.by_follow_up} == {"yes": (1, 0), "no": (2, 1)}


def test_a_message_after_an_introduction_counts_under_an_introduction() -> None:
    after = make_draft(
        "A",
        "Dear Alex, Priya Shah kindly put us in touch, and I am grateful for the introduction.",
        shared_connections=["Priya Shah"],
    )
    after.answers.introduction.introducer = "Priya Shah"
    after.answers.introduction.introduced = True
    r = results([sent(after, (SENT, D1), (REPLIED, D2))])
    hooks = {g.key: (g.label, g.sent, g.replied) for g in r.by_hook if g.sent}
    assert hooks == {"introduced": ("an introduction", 1, 1)}
    assert r.by_hook[0].key == "introduced"  # the strongest hook, listed first


def test_small_groups_show_counts_not_percentages() -> None:
    assert Group("x", "x", 4, 3).text == "3 of 4"
    assert Group("x", "x", 5, 3).text == "60% (3 of 5)"
    assert Group("x", "x", 0, 0).rate is None


def test_own_results_note_needs_five_in_a_group() -> None:
    warm = "Hi Alex, Priya Shah suggested I write to you."
    connection = [
        sent(make_draft(f"W{i}", warm, shared_connections=["Priya Shah"]), (SENT, D1))
        for i in range(6)
    ]
    for draft in connection[:4]:
        sent(draft, (REPLIED, D2))
    cold = [sent(make_draft(f"C{i}", "Hi, can we talk?"), (SENT, D1)) for i in range(5)]
    assert own_results_text(results(connection[:4] + cold[:4])) == ""
    text = own_results_text(results(connection + cold))
    assert text == "Your own results: with a shared connection, 4 of 6 replied; with none, 0 of 5."
    quick = results(connection + cold, with_bands=False)  # what the Preview step counts
    assert own_results_text(quick) == text and quick.by_band == ()
    note = own_results_note(results(connection + cold))
    assert note is not None and note.points == 0


def test_chart_bars_scale_and_always_carry_counts() -> None:
    from outreach_tui.core.results.chart import EMPTY_STATE, bars, plain_chart

    drawn = bars(
        [Group("a", "a shared connection", 6, 4), Group("b", "none", 3, 0), Group("c", "x", 0, 0)],
        12,
    )
    assert [(b.replied, b.waiting, b.text) for b in drawn] == [
        (8, 4, "67% (4 of 6)"),
        (0, 6, "0 of 3"),
    ]
    assert drawn[0].plain().endswith("████████░░░░ 67% (4 of 6)")
    assert plain_chart(results([make_draft("Alex Morgan")])) == [EMPTY_STATE]
    lines = plain_chart(results([sent(make_draft("A"), (SENT, D1), (REPLIED, D2))]))
    assert lines[:2] == [
        "sent 1 · replied 1 · no reply 0 · interviews held 0 · thanked 0",
        "replies: 1 of 1 · median 2 days to a reply",
    ]
    assert "  no hook                ████████████████████ 1 of 1" in lines


def test_follow_ups_and_thank_yous_are_not_counted_as_messages() -> None:
    first = sent(make_draft("A"), (SENT, D1), (FOLLOWED_UP, D3))
    follow_up = sent(make_draft("A"), (SENT, D3))
    follow_up.channel = "follow-up"
    thanks = make_draft("A")
    thanks.channel = "thank-you"
    intro = sent(make_draft("A"), (SENT, D1))
    intro.channel = "introduction"
    r = results([first, follow_up, thanks, intro])
    assert (r.sent, r.drafts) == (1, 0)
    assert {g.key: g.sent for g in r.by_follow_up} == {"yes": 1, "no": 0}


def test_an_export_without_messages_says_so_only_when_drafts_wait(world: World) -> None:
    data = LinkedInData([Connection("Alex", "Morgan")], None)
    assert update_drafts(world.library, data, imported=IMPORTED, now=NOW).lines() == []
    world.save(make_draft("Alex Morgan"))
    assert update_drafts(world.library, data, imported=IMPORTED, now=NOW).lines() == [
        "drafts not updated: the export has no messages.csv"
    ]
