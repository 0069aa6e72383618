"""Reading messages.csv from LinkedIn's export: who the user wrote to, and heard from, and when.

Message contents are never read into the result: only names, profile addresses and dates.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date

from outreach_tui.core.linkedin_csv import (
    Connection,
    MessageHistory,
    clean,
    name_key,
    parse_date,
    read_rows,
    url_key,
)
from outreach_tui.core.orgmatch import fold

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
_NAME_SPLIT = re.compile(r"\s*[;,]\s*")


def parse_messages(
    text: str, where: str, connections: list[Connection], me: str = ""
) -> tuple[list[MessageHistory], str]:
    """Who the user wrote to and heard from, per person, from messages.csv; and a warning
    ("" when none). `me` is the user's own name when known (from Profile.csv); otherwise the
    person in the most conversations who is not a connection is taken to be the user."""
    rows = read_rows(text, _MESSAGE_COLUMNS, ("from", "to", "date"))
    if rows is None:
        return (
            [],
            f"{where}: not LinkedIn's messages.csv (expected FROM, TO, DATE columns); skipped",
        )
    by_url = {url_key(c.url): c.name for c in connections if c.url}
    known = {name_key(c.name) for c in connections}
    parsed: list[tuple[str, str, list[tuple[str, str]], date]] = []
    conversations: dict[str, set[str]] = {}
    try:
        for index, row in enumerate(rows):
            when = parse_date(row["date"])
            sender = clean(row["from"])
            if when is None or not sender or _is_draft(row):
                continue
            urls = _NAME_SPLIT.split(row.get("to_url", "").strip())
            names = [clean(n) for n in _NAME_SPLIT.split(row["to"]) if clean(n)]
            if len(urls) != len(names):
                urls = [""] * len(names)
            recipients = list(zip(names, urls, strict=True))
            sender_name = by_url.get(url_key(row.get("from_url", "")), sender)
            parsed.append((sender_name, row.get("from_url", ""), recipients, when))
            conversation = row.get("conversation", "") or f"row {index}"
            people = conversations.setdefault(conversation, set())
            people.add(name_key(sender_name))
            people.update(name_key(by_url.get(url_key(u), n)) for n, u in recipients)
    except csv.Error as exc:
        return [], f"{where}: damaged CSV ({exc}); messages skipped"
    everyone = set().union(*conversations.values())
    me_key = name_key(me) if me and name_key(me) in everyone else _guess_me(conversations, known)
    if not me_key:
        if not parsed:
            return [], ""
        return [], f"{where}: could not tell which sender is you; messages skipped"
    sent: dict[str, tuple[str, str, date, int]] = {}
    received: dict[str, tuple[str, str, date]] = {}
    for sender_name, sender_url, recipients, when in parsed:
        if name_key(sender_name) == me_key:
            for name, url in recipients:
                display = by_url.get(url_key(url), name)
                key = name_key(display)
                if key == me_key:
                    continue
                _, old_url, last, count = sent.get(key, (display, url, when, 0))
                sent[key] = (display, old_url or url, max(last, when), count + 1)
        elif any(name_key(by_url.get(url_key(u), n)) == me_key for n, u in recipients):
            key = name_key(sender_name)
            _, old_url, last = received.get(key, (sender_name, sender_url, when))
            received[key] = (sender_name, old_url or sender_url, max(last, when))
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
