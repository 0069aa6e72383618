"""Which person of a LinkedIn export's message history a draft was written to.

A draft names its contact as the user typed it ("Dr. Alex Morgan, PhD", "ALEX MORGAN 🌱",
"AlÃ©x Morgan" garbled by a wrong decoding); the export names people as LinkedIn shows them.
Both are read with the names model (core/names): honorifics, credentials, decorations, capitals
and accents aside, the given, middle and family names must be the same. A name that matches only
loosely ("Alex Morgan" and "Alexandra Morgan", "A. Morgan", "Alex" alone), or that two of the
user's connections share, is a doubt: the caller never changes a draft on it.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from outreach_tui.core.linkedin.csvfiles import Connection, MessageHistory
from outreach_tui.core.linkedin.text import repair
from outreach_tui.core.names.model import parse_name
from outreach_tui.core.platform.textfold import fold

EXACT = "exact"
LOOSE = "loose"


@dataclass(frozen=True)
class NameKey:
    """A name as matching sees it: its words, and its first given and last family word
    (folded, "" when absent)."""

    words: tuple[str, ...]
    given: str
    family: str


def name_key(name: str) -> NameKey:
    """The NameKey of a display name ("Dr. ALEX Morgan, PhD" -> alex / morgan)."""
    person = parse_name(repair(name))
    words = tuple(fold(person.full).split())
    given = fold(person.known_as or person.given).split()
    family = fold(person.family).split()
    return NameKey(words, given[0].rstrip(".") if given else "", family[-1] if family else "")


def loosely_same(one: NameKey, other: NameKey) -> bool:
    """Whether two names might name the same person without being the same name: the same
    family name and given names that start alike ("Alex" / "Alexandra", "A." / "Alex", a
    nickname), or one of them a single word found in the other ("Alex" / "Alex Morgan")."""
    if not one.words or not other.words or one.words == other.words:
        return False
    if len(one.words) == 1 or len(other.words) == 1:
        short, long_ = (one, other) if len(one.words) <= len(other.words) else (other, one)
        return short.words[0] in long_.words
    if not one.family or one.family != other.family or not one.given or not other.given:
        return False
    return one.given.startswith(other.given) or other.given.startswith(one.given)


@dataclass(frozen=True)
class Match:
    """What the export says about a draft's contact: one history (`kind` EXACT), or a doubt
    (`history` None, `doubt` says why in a few words), or nothing (`kind` "")."""

    kind: str = ""
    history: MessageHistory | None = None
    doubt: str = ""
    candidates: tuple[MessageHistory, ...] = ()
    """For a doubt: the histories the contact might be."""


NO_MATCH = Match()


class PeopleIndex:
    """An export's message histories and connections, indexed by name for matching: each name
    is parsed once, so matching many drafts against a large export stays quick."""

    def __init__(
        self, histories: Iterable[MessageHistory], connections: Sequence[Connection] = ()
    ) -> None:
        self.histories = tuple(histories)
        self._keys = [name_key(h.name) for h in self.histories]
        self._by_words: dict[tuple[str, ...], list[int]] = {}
        self._by_word: dict[str, list[int]] = {}
        for at, key in enumerate(self._keys):
            self._by_words.setdefault(key.words, []).append(at)
            for word in set(key.words):
                self._by_word.setdefault(word, []).append(at)
        self._connections: dict[tuple[str, ...], int] = {}
        for connection in connections:
            words = name_key(connection.name).words
            self._connections[words] = self._connections.get(words, 0) + 1

    def match(self, contact_name: str) -> Match:
        """The history of the person a draft names, or why it is in doubt (see module doc)."""
        key = name_key(contact_name)
        if not key.words:
            return NO_MATCH
        exact = self._by_words.get(key.words, [])
        if len(exact) > 1 or (exact and self._connections.get(key.words, 0) > 1):
            candidates = tuple(self.histories[at] for at in exact)
            return Match(LOOSE, None, "two contacts of that name", candidates)
        if exact:
            return Match(EXACT, self.histories[exact[0]])
        near = {at for word in key.words for at in self._by_word.get(word, ())}
        loose = sorted(at for at in near if loosely_same(key, self._keys[at]))
        if loose:
            names = sorted({" ".join(self.histories[at].name.split()) for at in loose})
            return Match(
                LOOSE,
                None,
                f"the export has only a similar name: {', '.join(names[:3])}",
                tuple(self.histories[at] for at in loose),
            )
        return NO_MATCH
