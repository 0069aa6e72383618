"""Facts about a text, computed once per call: its words, greeting, first sentences, and
whether a research answer is mentioned in it."""

from __future__ import annotations

from dataclasses import dataclass

from outreach_tui.core.answers import Answers
from outreach_tui.core.coach.lexicon import (
    ACRONYM,
    EARLY_SENTENCES,
    GREETING,
    SENTENCE_END,
    STOP,
    WORD,
    word_set,
)
from outreach_tui.core.render import salutation_name


def norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def significant(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if len(w) >= 4 and w not in STOP]


def mentioned(item: str, text_l: str, words: frozenset[str], loose_names: bool = False) -> bool:
    """Whether a research answer shows in the text: verbatim, or most of its words."""
    item_n = norm(item)
    if not item_n:
        return False
    if item_n.lower() in text_l:
        return True
    for acronym in ACRONYM.findall(item_n):
        if acronym.lower() in words:
            return True
    if loose_names:
        # A person: their first or last name is enough ("we both know Priya").
        return any(len(w) >= 3 and w in words for w in WORD.findall(item_n.lower()))
    key_words = significant(item_n)
    if not key_words:
        return False
    hits = sum(1 for w in key_words if w in words)
    return hits * 5 >= len(key_words) * 3


@dataclass(frozen=True)
class Facts:
    body: str
    body_l: str
    text_l: str
    """Subject and body, whitespace squeezed, lower case."""
    words: frozenset[str]
    word_count: int
    greeting_word: str
    greeting_who: str
    early_l: str
    """The first EARLY_SENTENCES sentences after the greeting, lower case."""
    masked: str
    """Subject and body with the user's own professional answers blanked out."""


def text_facts(answers: Answers, subject: str | None, message: str) -> Facts:
    body = message.replace("\r\n", "\n").replace("’", "'")
    full = f"{subject or ''}\n{body}"
    text_l = norm(full).lower()
    greeting = GREETING.match(body)
    rest = (body[greeting.end() :] if greeting else body).lstrip()
    stop = len(rest)
    for count, match in enumerate(SENTENCE_END.finditer(rest), start=1):
        if count >= EARLY_SENTENCES:
            stop = match.end()
            break
    early_l = norm(rest[:stop]).lower()
    # Names of groups, titles and organisations can hold words such as "family" or "children"
    # ("Family Literacy Network", "Children's Librarian"): blank the user's own professional
    # answers out before looking for personal details.
    masked = " " + norm(full).lower() + " "
    r, c = answers.research, answers.contact
    for known in (
        *r.shared_connections,
        *r.groups,
        *r.public_activity,
        r.web_search,
        c.title,
        c.organization,
        answers.goal.learn,
        answers.sender.location,
    ):
        known_n = norm(known).lower()
        if len(known_n) >= 3:
            masked = masked.replace(known_n, " ¤ ")
    return Facts(
        body=body,
        body_l=body.lower(),
        text_l=text_l,
        words=word_set(text_l),
        word_count=len(body.split()),
        greeting_word=greeting.group("word").lower() if greeting else "",
        greeting_who=greeting.group("who").lower() if greeting else "",
        early_l=early_l,
        masked=masked,
    )


def addressee(answers: Answers) -> str:
    return salutation_name(answers) or "them"


def quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


# --- the score ---------------------------------------------------------------------------------
