"""Facts about a text, computed once per call: its words, greeting and first sentences, which
research answers it really says, and the personal details in it.

A research answer counts as said only as a whole name or a whole phrase: case, accents and
punctuation are forgiven ("Jose Nunez" finds "José Núñez,"), but "Will Jackson" is not found in
"I will be brief", nor "Digital Library Federation" where "digital" and "library" occur apart.
A research answer about someone's private life (`core.model.personal`) is never a hook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from outreach_tui.core.coach.lexicon import (
    ACRONYM,
    EARLY_SENTENCES,
    GREETING,
    SENTENCE_END,
    STOP,
    WORD,
    word_list,
    word_set,
)
from outreach_tui.core.message.context import salutation_name
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.personal import first_personal_phrase, personal_topics
from outreach_tui.core.platform.textfold import fold_keep_case, fold_words

CONNECTION = "connection"
GROUP = "group"
WRITING = "writing"
WEB = "web"

_LEADING = word_list("your their his her a an the my our")
"""Words a message may drop before a research answer ("your post on weeding" -> "post on ...")."""
_HONORIFIC_WORDS = word_list("dr mr ms mrs mx prof professor sir dame")


def norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def significant(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if len(w) >= 4 and w not in STOP]


def loosely_mentioned(item: str, facts: Facts) -> bool:
    """Whether a free-text answer (the goal) shows in the text: verbatim, or most of its words."""
    item_n = norm(item)
    if not item_n:
        return False
    if item_n.lower() in facts.text_l:
        return True
    key_words = significant(item_n)
    if not key_words:
        return False
    hits = sum(1 for w in key_words if w in facts.words)
    return hits * 5 >= len(key_words) * 3


@lru_cache(maxsize=512)
def _variants(item: str, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(folded phrases that count as saying `item`, one-word names that must be capitalised)."""
    phrases: list[str] = []
    single: list[str] = []
    whole = fold_words(item).strip()
    if kind == CONNECTION:
        # A person: the name as typed, or without an honorific or what follows a comma or a
        # bracket ("Dr. Priya Shah, MLIS (she/her)" -> "priya shah"), or given and family name.
        core = re.split(r"[,(]", item, maxsplit=1)[0]
        words = fold_words(core).split()
        while words and words[0] in _HONORIFIC_WORDS:
            words = words[1:]
        candidates = [whole, " ".join(words)]
        if len(words) > 2:
            candidates.append(f"{words[0]} {words[-1]}")
        for candidate in candidates:
            if " " in candidate:
                phrases.append(candidate)
            elif len(candidate) >= 2:
                single.append(candidate)
    else:
        words = whole.split()
        phrases.append(whole)
        while words and words[0] in _LEADING:
            words = words[1:]
        phrases.append(" ".join(words))
        no_brackets = fold_words(re.sub(r"\([^)]*\)", " ", item)).strip()
        phrases.append(no_brackets)
        for acronym in ACRONYM.findall(item):
            phrases.append(acronym.lower())
    kept = tuple(dict.fromkeys(p for p in phrases if len(p) >= 3))
    return kept, tuple(dict.fromkeys(single))


def says(item: str, kind: str, text_f: str, text: str) -> bool:
    """Whether `text` (folded: `text_f`) says the research answer `item` of `kind`."""
    phrases, single = _variants(item, kind)
    if any(f" {phrase} " in text_f for phrase in phrases):
        return True
    for name in single:
        if f" {name} " in text_f:
            pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
            for match in re.finditer(pattern, fold_keep_case(text), re.IGNORECASE):
                if match.group(0)[:1].isupper():
                    return True
    return False


@dataclass(frozen=True)
class Item:
    """One research answer: a possible hook, unless it is personal."""

    kind: str
    """connection, group, writing or web."""
    text: str
    personal: tuple[str, ...]
    """Kinds of personal detail in it (`core.model.personal` labels); never a hook unless empty."""


@lru_cache(maxsize=256)
def _item_topics(text: str, innocent: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(personal_topics(text, [p for p in innocent if p != text]))


def research_items(answers: Answers) -> tuple[tuple[Item, ...], tuple[str, ...]]:
    """Every research answer, strongest kind first, and the innocent phrases of these answers:
    names of people, the title, the organisation and groups that are not themselves personal."""
    r, c, s = answers.research, answers.contact, answers.sender
    raw = [
        *((CONNECTION, i) for i in r.shared_connections),
        *((GROUP, i) for i in r.groups),
        *((WRITING, i) for i in r.public_activity),
        (WEB, r.web_search),
    ]
    raw = [(kind, " ".join(text.split())) for kind, text in raw if text.strip()]
    base = tuple(p for p in (c.title, c.organization, c.name, s.name, s.location) if p.strip())
    names = tuple(text for kind, text in raw if kind in (CONNECTION, GROUP))
    innocent = base + names
    items = tuple(Item(kind, text, _item_topics(text, innocent)) for kind, text in raw)
    kept = base + tuple(i.text for i in items if i.kind in (CONNECTION, GROUP) and not i.personal)
    return items, kept


@dataclass(frozen=True)
class Facts:
    body: str
    body_l: str
    text: str
    """Subject and body, as written."""
    text_l: str
    """Subject and body, whitespace squeezed, lower case."""
    text_f: str
    """Subject and body folded (`fold`)."""
    word_count: int
    greeting_word: str
    greeting_who: str
    early: str
    """The first EARLY_SENTENCES sentences after the greeting, as written."""
    early_f: str
    """The same, folded."""
    items: tuple[Item, ...]
    """Every research answer (`research_items`)."""
    said: tuple[Item, ...]
    """The research answers the text really says, hooks and personal ones alike."""
    personal: tuple[str, ...]
    """Kinds of personal detail in the text, or said through a personal research answer."""
    personal_phrase: str
    """The first personal phrase, as written ("" when none)."""

    @cached_property
    def words(self) -> frozenset[str]:
        """The words of `text_l`, punctuation stripped (worked out only when needed)."""
        return word_set(self.text_l)

    @property
    def hooks(self) -> tuple[Item, ...]:
        """The research answers that may serve as hooks: none personal."""
        return tuple(i for i in self.items if not i.personal)

    @property
    def said_hooks(self) -> tuple[Item, ...]:
        return tuple(i for i in self.said if not i.personal)


def text_facts(answers: Answers, subject: str | None, message: str) -> Facts:
    body = message.replace("\r\n", "\n").replace("’", "'")
    full = f"{subject or ''}\n{body}"
    text_l = norm(full).lower()
    text_f = fold_words(full)
    greeting = GREETING.match(body)
    rest = (body[greeting.end() :] if greeting else body).lstrip()
    stop = len(rest)
    for count, match in enumerate(SENTENCE_END.finditer(rest), start=1):
        if count >= EARLY_SENTENCES:
            stop = match.end()
            break
    early = rest[:stop]
    items, innocent = research_items(answers)
    said = tuple(i for i in items if says(i.text, i.kind, text_f, full))
    topics = personal_topics(full, innocent)
    phrase = first_personal_phrase(full, innocent) if topics else ""
    for item in said:
        if item.personal:
            topics.extend(t for t in item.personal if t not in topics)
            phrase = phrase or item.text
    return Facts(
        body=body,
        body_l=body.lower(),
        text=full,
        text_l=text_l,
        text_f=text_f,
        word_count=len(body.split()),
        greeting_word=greeting.group("word").lower() if greeting else "",
        greeting_who=greeting.group("who").lower() if greeting else "",
        early=early,
        early_f=fold_words(early),
        items=items,
        said=said,
        personal=tuple(topics),
        personal_phrase=phrase,
    )


def addressee(answers: Answers) -> str:
    return salutation_name(answers) or "them"


def quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def topics_text(topics: tuple[str, ...] | list[str]) -> str:
    """("family", "home", "photos") -> "family, home and photos"."""
    if len(topics) <= 1:
        return "".join(topics)
    return ", ".join(topics[:-1]) + " and " + topics[-1]
