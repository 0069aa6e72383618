"""Reading messages.csv from LinkedIn's export: who the user wrote to, and heard from, and when.

Message contents are never read into the result: only names, profile addresses and dates.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date, tzinfo
from itertools import islice

from outreach_tui.core.linkedin.csvfiles import (
    LINE,
    Connection,
    MessageHistory,
    clean,
    clean_name,
    is_post_nominal,
    name_key,
    read_rows,
    unreadable_note,
    url_key,
)
from outreach_tui.core.linkedin.dates import DateColumn
from outreach_tui.core.platform.textfold import fold

_MESSAGE_COLUMNS: dict[str, tuple[str, ...]] = {
    "conversation": ("conversationid", "conversation"),
    "from": ("from", "sender", "sendername"),
    "to": ("to", "recipient", "recipients", "recipientname", "recipientnames"),
    "date": ("date", "sentat", "sentdate", "datesent", "timestamp", "time"),
    "from_url": ("senderprofileurl", "senderurl", "fromprofileurl", "fromurl"),
    "to_url": ("recipientprofileurls", "recipientprofileurl", "recipienturls", "toprofileurls"),
    "folder": ("folder",),
    "draft": ("ismessagedraft", "isdraft", "draft"),
}
_URL_SPLIT = re.compile(r"\s*[;,]\s*")
_NAME_SPLIT = re.compile(r"\s*;\s*|,")


def split_recipients(names: str, urls: str = "") -> list[tuple[str, str]]:
    """The TO column of messages.csv as (name, profile address) pairs, names with commas kept
    whole: "Priyanka Desai, PhD" is one person. LinkedIn separates recipients with commas and
    their addresses with semicolons (or commas); when there are as many addresses as people,
    their count settles how many names there are; otherwise a piece such as "PhD" or "Jr."
    joins the name before it. Returns [] for a blank column."""
    links = [u for u in _URL_SPLIT.split(urls.strip()) if u]
    pieces = [clean(p) for p in _NAME_SPLIT.split(names) if clean(p)]
    people: list[str] = []
    extra = len(pieces) - len(links) if links else len(pieces)
    for piece in pieces:
        joins = bool(people) and extra > 0 and is_post_nominal(piece)
        if joins:
            people[-1] = f"{people[-1]}, {piece}"
            extra -= 1
        else:
            people.append(piece)
    if links and len(people) > len(links):
        # still more names than addresses: join the shortest pieces to the name before them
        while len(people) > len(links) and len(people) > 1:
            at = min(range(1, len(people)), key=lambda i: (len(people[i].split()), -i))
            people[at - 1 : at + 1] = [f"{people[at - 1]}, {people[at]}"]
    if len(links) != len(people):
        links = [""] * len(people)
    return [(clean_name(name) or name, link) for name, link in zip(people, links, strict=True)]


MAX_MESSAGE_ROWS = 2_000_000
"""The most rows read from messages.csv (past it, the messages are skipped with a warning)."""


def parse_messages(
    text: str,
    where: str,
    connections: list[Connection],
    me: str = "",
    *,
    tz: tzinfo | None = None,
    notes: list[str] | None = None,
) -> tuple[list[MessageHistory], str]:
    """Who the user wrote to and heard from, per person, from messages.csv; and a warning
    ("" when none). `me` is the user's own name when known (from Profile.csv); otherwise the
    person in the most conversations who is not a connection is taken to be the user.

    Dates are read in every form (see linkedin_dates) and turned into dates in time zone `tz`
    (None: this computer's); messages whose date cannot be read are left out, and one line
    saying how many, with an example, is appended to `notes`.
    """
    rows = read_rows(text, _MESSAGE_COLUMNS, ("from", "to", "date"))
    if rows is None:
        return (
            [],
            f"{where}: not LinkedIn's messages.csv (expected FROM, TO, DATE columns); skipped",
        )
    try:
        records = list(islice(rows, MAX_MESSAGE_ROWS + 1))
    except csv.Error as exc:
        return [], f"{where}: damaged CSV ({exc}); messages skipped"
    if len(records) > MAX_MESSAGE_ROWS:
        return [], f"{where}: more than {MAX_MESSAGE_ROWS:,} messages; skipped"
    dates = DateColumn((r["date"] for r in records), tz)
    by_url = {url_key(c.url): c.name for c in connections if c.url}
    known = {name_key(c.name) for c in connections}
    parsed: list[tuple[str, str, list[tuple[str, str]], date]] = []
    conversations: dict[str, set[str]] = {}
    bad_dates: list[tuple[int, str]] = []
    for index, row in enumerate(records):
        sender = clean_name(row["from"])
        if not sender or _is_draft(row):
            continue
        when = dates.read(row["date"])
        if when is None:
            bad_dates.append((int(row[LINE]), row["date"]))
            continue
        recipients = split_recipients(row["to"], row.get("to_url", ""))
        sender_name = by_url.get(url_key(row.get("from_url", "")), sender)
        parsed.append((sender_name, row.get("from_url", ""), recipients, when))
        conversation = row.get("conversation", "") or f"row {index}"
        people = conversations.setdefault(conversation, set())
        people.add(name_key(sender_name))
        people.update(name_key(by_url.get(url_key(u), n)) for n, u in recipients)
    if bad_dates and notes is not None:
        what = "message" if len(bad_dates) == 1 else "messages"
        notes.append(
            unreadable_note(
                where, len(bad_dates), f"{what} left out: date could not be read", bad_dates[0]
            )
        )
    everyone = set().union(*conversations.values())
    me_key = name_key(me) if me and name_key(me) in everyone else _guess_me(conversations, known)
    if not me_key:
        if not parsed:
            return [], ""
        return [], f"{where}: could not tell which sender is you; messages skipped"
    sent: dict[str, tuple[str, str, date, int]] = {}
    received: dict[str, tuple[str, str, date]] = {}
    sent_days: dict[str, set[date]] = {}
    received_days: dict[str, set[date]] = {}
    for sender_name, sender_url, recipients, when in parsed:
        if name_key(sender_name) == me_key:
            for name, url in recipients:
                display = by_url.get(url_key(url), name)
                key = name_key(display)
                if key == me_key:
                    continue
                _, old_url, last, count = sent.get(key, (display, url, when, 0))
                sent[key] = (display, old_url or url, max(last, when), count + 1)
                sent_days.setdefault(key, set()).add(when)
        elif any(name_key(by_url.get(url_key(u), n)) == me_key for n, u in recipients):
            key = name_key(sender_name)
            _, old_url, last = received.get(key, (sender_name, sender_url, when))
            received[key] = (sender_name, old_url or sender_url, max(last, when))
            received_days.setdefault(key, set()).add(when)
    histories: list[MessageHistory] = []
    for key in sorted(sent.keys() | received.keys()):
        out, back = sent.get(key), received.get(key)
        display, url = (out[0], out[1]) if out else (back[0], back[1]) if back else (key, "")
        histories.append(
            MessageHistory(
                name=display,
                url=url,
                last_sent=out[2] if out else None,
                sent_count=out[3] if out else 0,
                last_received=back[2] if back else None,
                sent_days=tuple(sorted(sent_days.get(key, ()))),
                received_days=tuple(sorted(received_days.get(key, ()))),
            )
        )
    return histories, ""


def _is_draft(row: dict[str, str]) -> bool:
    return fold(row.get("draft", "")).strip() in {"yes", "true", "1"} or (
        fold(row.get("folder", "")).strip() == "draft"
    )


def _guess_me(conversations: dict[str, set[str]], known: set[str]) -> str:
    counts = Counter(person for people in conversations.values() for person in people if person)
    if not counts:
        return ""
    top = max(counts.values())
    leaders = [p for p, n in counts.items() if n == top]
    if len(leaders) > 1:
        leaders = [p for p in leaders if p not in known]
    return leaders[0] if len(leaders) == 1 else ""
