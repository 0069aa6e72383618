"""Personal, non-professional details in a text: the product's "personal life is out of bounds".

A message to a stranger may lean on their work (a post, a talk, a group, a shared connection),
never on their private life: family and children, partner, wedding, home or address or
property, private social networks and their photos, health, religion, politics, holidays and
leisure, appearance. This module finds such details in any text (a research answer, a message)
and names their kind, so that the coach can score them and the wizard can say so kindly.

- `personal_topics(text, innocent=())` -> the labels found, in `TOPICS` order (``[]`` if none);
- `is_personal(text, innocent=())` -> whether any was found;
- `first_personal_phrase(text, innocent=())` -> the first personal phrase, as written.

How it looks: the text is split into words (case, apostrophes and spacing forgiven) and two kinds
of exact phrase are masked first: the ``innocent`` phrases the caller passes (the contact's title
and organisation, the research groups, people's names) and a short built-in list of professional
phrases (`PROFESSIONAL_PHRASES`: "family literacy", "children's librarian", "public health"...).
Nothing else is masked. Then each topic (`TOPICS`, data) looks for

- its ``always`` phrases, personal wherever they occur ("instagram", "honeymoon", "diagnosed");
- its ``owned`` nouns, personal when they belong to a person: "your / their / his / her / Alex's"
  before them, with at most two small words between (`FILLERS`: "her two young kids", "their new
  house"), unless a professional word follows (`PROFESSIONAL_FOLLOWERS`: "their partner
  libraries", "her home institution").

Matching works on the list of words with dictionary look-ups (no regex alternation over the
text), so a long message is checked well within a key's time: the coach runs this on every key.
Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from outreach_tui.core.model.personal_words import (
    FILLERS,
    POSSESSIVES,
    PROFESSIONAL_FOLLOWERS,
    PROFESSIONAL_PHRASES,
    TOPICS,
    TopicWords,
    words_of,
)

__all__ = [
    "PERSONAL_NOTE",
    "TOPICS",
    "TopicWords",
    "first_personal_phrase",
    "is_personal",
    "personal_note",
    "personal_topics",
]


# --- the engine: words, masks, look-ups ---------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ.\-][^\W_]+)*|¤")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

Phrase = tuple[str, ...]
_ALWAYS = 0
_OWNED = 1


class _Words:
    """A text as words: lower case with apostrophes made plain ("children's"), and each word's
    base without a final 's ("children"). Positions are worked out only when a phrase is quoted.
    """

    __slots__ = ("bases", "masked", "raw", "text", "texts")

    def __init__(self, text: str) -> None:
        self.text = text.translate(_APOSTROPHES)
        # Split as written, then lower each word: lowering the whole text first could change
        # its length ("İ" becomes two characters) and the words would no longer line up.
        self.raw: list[str] = _TOKEN.findall(self.text)
        self.texts: list[str] = [w.lower() for w in self.raw]
        self.bases: list[str] = (
            [w[:-2] if w.endswith("'s") else w for w in self.texts]
            if "'s" in self.text
            else self.texts
        )
        self.masked: list[bool] = [False] * len(self.texts)
        if "¤" in self.text:
            self.masked = [w == "¤" for w in self.texts]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Where words `first` to `last` (inclusive) sit in the text."""
        spans = [m.span() for m in _TOKEN.finditer(self.text)]
        return spans[first][0], spans[last][1]

    def matches(self, at: int, phrase: Phrase) -> bool:
        if at + len(phrase) > len(self.texts):
            return False
        for i, word in enumerate(phrase, start=at):
            if self.masked[i] or (self.texts[i] != word and self.bases[i] != word):
                return False
        return True

    def mask(self, index: dict[str, list[Phrase]]) -> None:
        starts = index.keys() & (set(self.texts) | set(self.bases))
        if not starts:
            return
        for at in range(len(self.texts)):
            if self.texts[at] not in starts and self.bases[at] not in starts:
                continue
            phrases = index.get(self.texts[at]) or index.get(self.bases[at])
            for phrase in phrases or ():
                if self.matches(at, phrase):
                    for i in range(at, at + len(phrase)):
                        self.masked[i] = True
                    break

    def owner(self, at: int) -> int:
        """The possessive that owns the noun at `at` (two fillers at most between), or -1."""
        for i in range(at - 1, max(at - 4, -1), -1):
            if self.masked[i]:
                return -1
            word = self.texts[i]
            if word in POSSESSIVES or (word.endswith("'s") and self.raw[i][0].isupper()):
                return i
            if not (word in FILLERS or word.isdigit() or word.endswith("year-old")):
                return -1
        return -1

    def professional_at(self, at: int) -> bool:
        if at >= len(self.texts):
            return False
        return self.bases[at].startswith(PROFESSIONAL_FOLLOWERS)


def _phrase(text: str) -> Phrase:
    return tuple(_Words(text).texts)


def _index(phrases: Iterable[str]) -> dict[str, list[Phrase]]:
    """Phrases by their first word, longest first."""
    index: dict[str, list[Phrase]] = {}
    for phrase in {_phrase(p) for p in phrases}:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    for entries in index.values():
        entries.sort(key=len, reverse=True)
    return index


@lru_cache(maxsize=64)
def _innocent_index(phrases: tuple[str, ...]) -> dict[str, list[Phrase]]:
    return _index(phrases)


_COMMON = frozenset(
    words_of(
        """your, their, his, her, you, she, he, they, with, have, has, love, profile, personal,
        private, look, looks, where, lives, live, new, got, getting, just, at, on, in, the, of,
        a, an, day, days, road, travel, party, real, estate, street, good, great, beautiful,
        lovely, bought, moved, house, home, family, work"""
    )
)
"""Words too common to be a phrase's key word when the phrase has another."""

_Entry = tuple[int, int, Phrase, int]
"""(topic number, always or owned, phrase, where its key word sits in it)."""


def _topic_index() -> dict[str, list[_Entry]]:
    """Every topic phrase by its key word (its longest word, the rarest), longest first.

    A text holding none of the key words holds nothing personal: most messages stop there.
    """
    index: dict[str, list[_Entry]] = {}
    for number, topic in enumerate(TOPICS):
        for kind, phrases in ((_ALWAYS, topic.always), (_OWNED, topic.owned)):
            for phrase in {_phrase(p) for p in phrases}:
                offset = max(
                    range(len(phrase)),
                    key=lambda i: (phrase[i] not in _COMMON, len(phrase[i])),
                )
                index.setdefault(phrase[offset], []).append((number, kind, phrase, offset))
    for entries in index.values():
        entries.sort(key=lambda entry: len(entry[2]), reverse=True)
    return index


_BY_KEY: dict[str, list[_Entry]] = _topic_index()
_BUILT_IN: dict[str, list[Phrase]] = _index(PROFESSIONAL_PHRASES)


def _find(text: str, innocent: Sequence[str]) -> tuple[_Words, dict[int, tuple[int, int]]]:
    """The words of `text` and {topic number: (first word, last word) of its first phrase}."""
    words = _Words(text)
    keys = _BY_KEY.keys()
    if keys.isdisjoint(words.texts) and keys.isdisjoint(words.bases):
        return words, {}
    # Masking costs more than looking: mask only when something is found, then look again.
    if not _scan(words):
        return words, {}
    words.mask(_BUILT_IN)
    if innocent:
        words.mask(_innocent_index(tuple(innocent)))
    return words, _scan(words)


def _scan(words: _Words) -> dict[int, tuple[int, int]]:
    found: dict[int, tuple[int, int]] = {}
    texts, bases = words.texts, words.bases
    hits = _BY_KEY.keys() & set(texts)
    if bases is not texts:
        hits |= _BY_KEY.keys() & set(bases)
    places = [i for i, w in enumerate(texts) if w in hits]
    if bases is not texts:
        places = sorted({*places, *(i for i, w in enumerate(bases) if w in hits)})
    for at in places:
        word, base = texts[at], bases[at]
        entries = _BY_KEY.get(word)
        if base != word:
            entries = (entries or []) + _BY_KEY.get(base, [])
        if not entries or words.masked[at]:
            continue
        for number, kind, phrase, offset in entries:
            start = at - offset
            if number in found or start < 0 or not words.matches(start, phrase):
                continue
            end = start + len(phrase)
            if kind == _ALWAYS:
                found[number] = (start, end - 1)
            elif not words.professional_at(end) and (owner := words.owner(start)) >= 0:
                found[number] = (owner, end - 1)
    return found


def personal_topics(text: str, innocent: Sequence[str] = ()) -> list[str]:
    """The kinds of personal detail in `text`, as short labels in `TOPICS` order.

    `innocent` lists exact phrases to mask before looking: the names of professional groups,
    organisations and titles ("Family Literacy Network", "Children's Librarian"), and people's
    names. Case, apostrophes, spacing and punctuation are forgiven; nothing else is masked.
    Returns ``[]`` when the text holds none. Never raises.
    """
    return [TOPICS[number].label for number in sorted(_find(text, innocent)[1])]


def is_personal(text: str, innocent: Sequence[str] = ()) -> bool:
    """Whether `text` holds any personal, non-professional detail (see `personal_topics`)."""
    return bool(_find(text, innocent)[1])


def first_personal_phrase(text: str, innocent: Sequence[str] = ()) -> str:
    """The first personal phrase in `text`, as written there ("" when none): "her kids"."""
    words, found = _find(text, innocent)
    if not found:
        return ""
    start, end = words.span(*_first_run(found))
    return " ".join(text[start:end].split())


def _first_run(found: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """The first phrase found, joined with those that touch it: "photos of their" and "their
    dog" make "photos of their dog"."""
    hits = sorted(found.values())
    first, last = hits[0]
    for start, end in hits[1:]:
        if start > last + 1:
            break
        last = max(last, end)
    return first, last


PERSONAL_NOTE = "personal: keep it out of the message"
"""The product's words for a personal detail, shown as it is typed and by the coach."""


def personal_note(text: str, innocent: Sequence[str] = ()) -> str:
    """The note to show under a research answer as it is typed, or "" when nothing is personal.

    Each line is looked at on its own (a list answer holds one item a line). Shape:
    ``personal: keep it out of the message (family, photos: “photos of her kids”)``.
    """
    for line in text.splitlines() or [text]:
        words, found = _find(line, innocent)
        if found:
            labels = ", ".join(TOPICS[number].label for number in sorted(found))
            start, end = words.span(*_first_run(found))
            phrase = " ".join(line[start:end].split())
            return f"{PERSONAL_NOTE} ({labels}: “{phrase}”)"
    return ""
