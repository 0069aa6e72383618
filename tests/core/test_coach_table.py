"""The quality bar: answer sets rendered on every channel, read by the coach, as an adviser would.

Each row is a set of answers (people from several languages, warm and cold research, research
about private life, professional names that only look personal, job asks and vague goals). Each
set is rendered through the real Renderer on every channel and read by the coach; the row says,
per channel or for all of them, the score range, the rules that must fail or pass, and phrases
that must or must not appear in the rendered text. A row may also add a sentence a user typed
into the message (``typed``), to check what the coach says about the edited text.

The phrases are about what the coach cares for, not the template's wording: a personal detail
never appears, a shared connection's name does, no job ask is ever written.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import pytest

from outreach_tui.core.coach import coach
from outreach_tui.core.message.channels import CHANNELS
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers_load import answers_from_dict

ASKING = ("message", "connection-note", "email", "follow-up")
FIRST = ("message", "connection-note", "email")
ALL = (*ASKING, "thank-you")
JOB_ASKS = ("love to work at", "hope to join", "hope to work at", "any openings", "hiring")
"""Phrases no rendered message may hold."""


@dataclass(frozen=True)
class Expect:
    channels: tuple[str, ...] = ALL
    score: tuple[int, int] = (1, 10)
    fails: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    has: tuple[str, ...] = ()
    """Reason ids the coach must give."""
    lacks: tuple[str, ...] = ()
    must: tuple[str, ...] = ()
    """Phrases the rendered subject + body must hold (case forgiven)."""
    must_not: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    id: str
    answers: dict[str, Any]
    expect: tuple[Expect, ...]
    typed: str = ""
    """A sentence the user typed into the message, after the greeting."""
    always_must_not: tuple[str, ...] = field(default=JOB_ASKS)


def person(
    contact: str,
    *,
    honorific: str = "Dr.",
    sender: str = "Jordan Lee",
    title: str = "Archivist",
    organization: str = "Westerly Public Library",
    connections: tuple[str, ...] = (),
    groups: tuple[str, ...] = (),
    writing: tuple[str, ...] = (),
    web: str = "",
    learn: str = "how the archive plans its digitisation work",
    active: str = "yes",
    distance: float | None = None,
) -> dict[str, Any]:
    return {
        "sender": {"name": sender, "location": "Providence, Rhode Island"},
        "contact": {
            "name": contact,
            "honorific": honorific,
            "title": title,
            "organization": organization,
            "active_on_linkedin": active,
        },
        "research": {
            "shared_connections": list(connections),
            "groups": list(groups),
            "public_activity": list(writing),
            "web_search": web,
        },
        "job": {"distance": distance, "unit": "miles"},
        "goal": {"learn": learn, "ask_minutes": "15-20"},
    }


WARM_RULES = ("no-job-ask", "no-placeholders", "connection-early", "fits-limit")

# --- 1. warm: a shared connection (plus a group and their writing), names from many languages

WARM_PEOPLE = [
    ("Zoë Ñúñez-Ødegård", "Łukasz Żółć"),
    ("Nguyễn Thị Lan", "Trần Văn Minh"),
    ("Siobhán Ó Briain", "Aoife Ní Dhúill"),
    ("Olusegun Adeyemi", "Chiamaka Obi"),
    ("Priyanka Raghunathan", "Samir Patel"),
    ("Małgorzata Wiśniewska", "Ruth Okafor"),
    ("Hans-Jürgen Müller", "Ingrid Bergström"),
    ("María José García López", "José Núñez"),
    ("Ahmed El-Sayed", "Fatima Zahra Benali"),
    ("Aiko Tanaka", "Kenji Watanabe"),
    ("Eero Mäkinen", "Will Jackson"),
    ("Ana Luísa Gonçalves", "Thandiwe Dlamini"),
]
ROWS: list[Row] = [
    Row(
        f"warm-all-{i}",
        person(
            contact,
            connections=(connection,),
            groups=("New England Archivists",),
            writing=("your post on digitising maps",),
        ),
        (
            Expect(ASKING, score=(1, 3), passes=WARM_RULES, must=(connection,)),
            Expect(("thank-you",), score=(1, 3), has=("spoken",)),
        ),
    )
    for i, (contact, connection) in enumerate(WARM_PEOPLE)
]

# --- 2. one point of contact at a time ----------------------------------------------------------

ROWS += [
    Row(
        f"connection-only-{i}",
        person(contact, honorific=honorific, connections=(connection,)),
        (Expect(ASKING, score=(1, 3), passes=WARM_RULES, lacks=("cold",), must=(connection,)),),
    )
    for i, (contact, honorific, connection) in enumerate(
        [
            ("Alex Morgan", "Ms.", "Priya Shah"),
            ("Kwame Mensah", "Mr.", "Dr. Abena Owusu"),
            ("Sam Rivera", "Mx.", "Jean-Baptiste Kouassi"),
            ("Yuki Sato", "first-name", "Mei Lin"),
            ("Dmitri Volkov", "none", "Olga Petrova"),
            ("Lars van der Berg", "Dr.", "Joost de Vries"),
        ]
    )
]
ROWS += [
    Row(
        f"group-only-{i}",
        person(contact, groups=(group,)),
        (Expect(ASKING, score=(1, 4), lacks=("cold",), must=(group,)),),
    )
    for i, (contact, group) in enumerate(
        [
            ("Alex Morgan", "Rhode Island Library Association"),
            ("Chen Jing", "Digital Library Federation"),
            ("Fatou Diop", "Society of American Archivists"),
            ("Rafael Souza", "New England Archivists"),
        ]
    )
]
ROWS += [
    Row(
        f"writing-only-{i}",
        person(contact, writing=(writing,)),
        (Expect(FIRST, score=(3, 5), lacks=("cold",)),),
    )
    for i, (contact, writing) in enumerate(
        [
            ("Alex Morgan", "your post on weeding"),
            ("Ines Ferreira", "your article on born-digital records"),
            ("Tomasz Nowak", "your talk at the NELA conference"),
        ]
    )
]

# --- 3. cold: polite and purposeful is uneasy, not creepy ---------------------------------------

ROWS += [
    Row(
        f"cold-{i}",
        person(contact, honorific=honorific, organization=org, title=title),
        (
            Expect(FIRST, score=(5, 6), has=("cold",), fails=("connection-early",)),
            Expect(("thank-you",), score=(1, 3)),
        ),
    )
    for i, (contact, honorific, org, title) in enumerate(
        [
            ("Alex Morgan", "Ms.", "Westerly Public Library", "Head of Reference Services"),
            ("Bjørn Åberg", "Dr.", "University of Oslo Library", "Subject Librarian"),
            ("Amara Nwosu", "Mx.", "Lagos State Archives", "Records Manager"),
            ("Hiroshi Yamada", "Mr.", "Port of Rotterdam Authority", "Information Manager"),
            ("Leila Haddad", "none", "Providence Athenaeum", "Director"),
        ]
    )
]
ROWS.append(
    Row(
        "cold-first-name",
        person("Alex Morgan", honorific="first-name"),
        (Expect(FIRST, score=(6, 7), has=("cold", "first-name")),),
    )
)
ROWS.append(
    Row(
        "cold-inactive",
        person("Alex Morgan", active="no"),
        (
            Expect(("message", "connection-note"), score=(5, 6), has=("inactive",)),
            Expect(("email",), lacks=("inactive",)),
        ),
    )
)

# --- 4. research about private life: never a hook, never written -------------------------------

PERSONAL_ITEMS = [
    ("writing", "photos of their dog on Instagram"),
    ("web", "their house, seen on a property site"),
    ("writing", "her kids' school concert on Facebook"),
    ("web", "her wedding photos"),
    ("writing", "a post about his cancer treatment"),
    ("web", "she goes to church every Sunday"),
    ("writing", "his political views on immigration"),
    ("web", "her holiday photos from Crete"),
    ("writing", "how good-looking she is in her profile photo"),
    ("web", "Her husband works at the university"),
]


def with_item(kind: str, item: str, **extra: Any) -> dict[str, Any]:
    if kind == "writing":
        return person("Alex Morgan", writing=(item,), **extra)
    return person("Alex Morgan", web=item, **extra)


ROWS += [
    Row(
        f"personal-only-{i}",
        with_item(kind, item),
        (
            Expect(
                FIRST,
                score=(5, 6),
                has=("cold", "personal-research"),
                lacks=("personal", "writing", "web-search"),
                must_not=(item,),
            ),
        ),
    )
    for i, (kind, item) in enumerate(PERSONAL_ITEMS)
]
ROWS += [
    Row(
        f"personal-with-connection-{i}",
        with_item(kind, item, connections=("Priya Shah",)),
        (
            Expect(
                ASKING,
                score=(1, 3),
                has=("shared-connection", "personal-research"),
                lacks=("personal",),
                must=("Priya Shah",),
                must_not=(item,),
            ),
        ),
    )
    for i, (kind, item) in enumerate(PERSONAL_ITEMS[:5])
]
# The user types it in anyway: 8 or more, whatever else the message has.
ROWS += [
    Row(
        f"personal-typed-{i}",
        person(
            "Alex Morgan",
            connections=("Priya Shah",),
            groups=("New England Archivists",),
            writing=("your post on digitising maps",),
        ),
        (Expect(ALL, score=(8, 10), has=("personal",)),),
        typed=typed,
    )
    for i, typed in enumerate(
        [
            "I loved the photos of your dog on Instagram.",
            "I saw your house on a property site.",
            "I hope your kids enjoyed the school concert.",
            "Congratulations on your wedding.",
            "I hope your surgery went well.",
            "I saw your holiday photos from Crete.",
        ]
    )
]

# --- 5. professional names that only look personal ---------------------------------------------

ROWS += [
    Row(
        f"professional-words-{i}",
        person("Alex Morgan", title=title, organization=org, groups=(group,)),
        (Expect(FIRST, score=(1, 4), lacks=("personal", "personal-research"), must=(group,)),),
    )
    for i, (title, org, group) in enumerate(
        [
            ("Children's Librarian", "Westerly Public Library", "Family Literacy Network"),
            ("Health Sciences Librarian", "Mercy Children's Hospital", "Mental Health Alliance"),
            (
                "Home Library Service Coordinator",
                "Westerly Public Library",
                "Family History Society",
            ),
            (
                "Religious Archives Officer",
                "Diocese of Providence",
                "Society of American Archivists",
            ),
        ]
    )
]

# --- 6. goals: job asks, vague goals, several questions, one clear purpose ---------------------

ROWS += [
    Row(
        f"job-ask-goal-{i}",
        person("Alex Morgan", connections=("Priya Shah",), learn=learn),
        (Expect(("message", "email"), fails=("no-job-ask",)),),
        always_must_not=(),
    )
    for i, learn in enumerate(
        [
            "whether your team has openings",
            "if you could pass my CV to your hiring manager",
            "whether you could put me forward for the vacancy",
            "if you know anyone hiring archivists",
        ]
    )
]
ROWS.append(
    Row(
        "clinic-referrals-are-not-a-job-ask",
        person(
            "Alex Morgan",
            title="Practice Manager",
            organization="Riverside Family Clinic",
            connections=("Priya Shah",),
            learn="how your clinic manages patient referrals",
        ),
        (
            Expect(ASKING, score=(1, 3), passes=("no-job-ask",), lacks=("personal",)),
            Expect(("message", "email", "follow-up"), passes=("goal",)),
        ),
    )
)
ROWS += [
    Row(
        f"vague-goal-{i}",
        person("Alex Morgan", connections=("Priya Shah",), learn=learn),
        (Expect(("message", "email", "follow-up"), fails=("goal",)),),
    )
    for i, learn in enumerate(["things", "your advice", "anything you can tell me"])
]
ROWS.append(
    Row(
        "two-questions-in-the-goal",
        person(
            "Alex Morgan",
            connections=("Priya Shah",),
            learn="how you got into archives and what a typical week looks like",
        ),
        (Expect(("message", "email"), fails=("one-ask",), passes=("goal",)),),
    )
)
ROWS.append(
    Row(
        "far-away-job",
        person("Alex Morgan", connections=("Priya Shah",), distance=3500),
        (Expect(ASKING, score=(1, 3), passes=WARM_RULES, must=("Priya Shah",)),),
    )
)


def test_the_table_is_big_enough() -> None:
    assert len(ROWS) >= 60
    assert len({row.id for row in ROWS}) == len(ROWS)


def _typed_into(body: str, typed: str) -> str:
    first, _, rest = body.partition("\n")
    return f"{first}\n\n{typed}\n{rest}" if rest else f"{typed}\n{body}"


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_row(row: Row) -> None:
    answers = answers_from_dict(copy.deepcopy(row.answers))
    renderer = Renderer()
    for expect in row.expect:
        for channel in expect.channels:
            assert channel in CHANNELS
            rendered = renderer.render(answers, channel)
            body = _typed_into(rendered.body, row.typed) if row.typed else rendered.body
            report = coach(answers, channel, rendered.subject, body)
            where = f"{row.id} on {channel}:\n{rendered.subject or ''}\n{body}\n" + "\n".join(
                r.label() for r in report.reasons
            )
            text = f"{rendered.subject or ''}\n{body}".casefold()
            low, high = expect.score
            assert low <= report.score <= high, where
            reasons = {r.id for r in report.reasons}
            assert set(expect.has) <= reasons, where
            assert not set(expect.lacks) & reasons, where
            rules = {r.id: r for r in report.rules}
            for rule_id in expect.fails:
                assert rule_id in rules and not rules[rule_id].ok, where
            for rule_id in expect.passes:
                assert rule_id in rules and rules[rule_id].ok, (rules.get(rule_id), where)
            for phrase in expect.must:
                assert phrase.casefold() in text, (phrase, where)
            for phrase in (*expect.must_not, *row.always_must_not):
                assert phrase.casefold() not in text, (phrase, where)
