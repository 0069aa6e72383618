"""The small grammar of a message: a/an, "the" before names, compound adjectives, rounded
distances, the verb that fits a hook, subject lines cut to length, and a text tightened to fit.

Pure functions on strings, used by core/message/context.py to build the template context and by
the wizard's "Shorten to fit". The a/an choice comes from `inflect` (imported on first use: it is
slow to import and the first screen does not need it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# --- a / an -----------------------------------------------------------------------------------

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}\b")
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s", re.IGNORECASE)
_UNIQUE_ROLE = re.compile(r"^(?:\S+\s+){0,2}(?:of|for)\s", re.IGNORECASE)
"""'Head of Reference Services', 'Director of Libraries', 'Keeper of Manuscripts': a post held
by one person takes no article ("your work as Head of ...")."""


@functools.lru_cache(maxsize=512)
def indefinite_article(phrase: str) -> str:
    """ "a" or "an" for a phrase, by how its first word sounds: "an Archivist", "a UX
    Researcher", "an MLIS graduate", "an hour", "a European". Empty text gives "a".
    """
    word = phrase.strip().split(" ", 1)[0] if phrase.strip() else ""
    if not word:
        return "a"
    if _ACRONYM.match(word) and word[0] == "U":
        # Letters spoken one by one: "U" is "you" ("a UX Researcher", "a URL"); inflect
        # reads these as words and says "an".
        return "a"
    if word[0].lower() in "bcdfgjklmnpqrstvwxyz" and not _ACRONYM.match(word):
        return "a"  # a plain consonant: no need to wake the library
    return str(_inflect_engine().a(word)).split(" ", 1)[0]


@functools.cache
def _inflect_engine() -> Any:
    # Imported here: inflect takes a second or more to import, and most titles never need it.
    import inflect

    return inflect.engine()


def with_article(title: str) -> str:
    """A job title as it follows "your work as": "a Senior UX Researcher", "an Archivist",
    "Head of Reference Services" (a post of one: no article). Text that already starts with an
    article is kept; empty stays empty.
    """
    title = " ".join(title.split())
    if not title or _LEADING_ARTICLE.match(title) or _UNIQUE_ROLE.match(title):
        return title
    return f"{indefinite_article(title)} {title}"


# --- "the" before names -----------------------------------------------------------------------


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HEAD_NOUNS = _word_set(
    """academy agency archive archives association authority bank board borough bureau centre
    center church city college commission committee council county court department diocese
    embassy federation foundation gallery government hospital house institute institution
    library libraries ministry museum office port province republic school service society
    state trust university"""
)
"""Nouns that make "X of Y" / "X for Y" a name taking "the": "the University of Leeds", "the
Port of Rotterdam Authority", "the Centre for Research Libraries"."""

_COLLECTIVE_ENDINGS = _word_set(
    """academy agency alliance archive archives association authority board caucus centre
    center circle coalition collection collective commission committee community consortium
    council federation forum foundation gallery guild institute institution league museum
    network observatory partnership roundtable section service society trust union"""
)
"""Last words that make a name take "the": "the Rhode Island Library Association", "the Getty
Research Institute", "the New Members Round Table"."""

_THE_ADJECTIVES = _word_set(
    """american australian british canadian central dutch english european federal french
    german imperial international irish national royal scottish united welsh"""
)
"""First words that make a name take "the": "the British Library", "the National Archives"."""

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def needs_the(name: str) -> bool:
    """Whether a name reads with "the" inside a sentence ("at the University of Leeds", "members
    of the Rhode Island Library Association") or without ("at Rijksmuseum", "at Acme Corp",
    "at Westerly Public Library").

    The rule, in order: a name typed with its own "The" needs none added; "the" goes before a
    name whose first words are an institution followed by "of" or "for" ("University of ...",
    "Port of ...", "Massachusetts Institute of ..."), a name opening with a national or
    descriptive adjective ("British ...", "National ...", "Royal ..."), and a name ending in a
    collective noun ("... Association", "... Society", "... Round Table", "... Institute",
    "... Museum"); every other name (a company, a single word, "... Library", "... University")
    goes without.
    """
    words = _WORD.findall(name)
    if not words:
        return False
    lowered = [w.lower() for w in words]
    if lowered[0] == "the":
        return False
    for index, word in enumerate(lowered[:4]):
        if word in ("of", "for") and index > 0:
            return lowered[index - 1] in _HEAD_NOUNS
    if lowered[0] in _THE_ADJECTIVES and len(words) > 1:
        return True
    if len(words) > 1 and lowered[-2:] == ["round", "table"]:
        return True
    return len(words) > 1 and lowered[-1] in _COLLECTIVE_ENDINGS


def name_in_sentence(name: str) -> str:
    """A name as set inside a sentence, with "the" when it needs one (see `needs_the`).

    A name typed with a leading "The" keeps it as typed ("at The New York Times").
    """
    name = " ".join(name.split())
    if not name:
        return ""
    return f"the {name}" if needs_the(name) else name


# --- numbers in words -------------------------------------------------------------------------


def minutes_adjective(minutes: str) -> str:
    """Minutes as a compound adjective before "call": "15-20" -> "15-20-minute", "20" ->
    "20-minute"."""
    minutes = minutes.strip()
    return f"{minutes}-minute" if minutes else ""


def round_distance(value: float) -> int:
    """A distance rounded the way a person says it: to 1 under 20, to 5 under 200, to 10 under
    1,000, to 50 under 5,000 and to 100 above ("612.5" -> 610, "3,512" -> 3,500): from 100 on,
    never more than 3% off. Never below 1 for a positive distance.
    """
    if value <= 0:
        return 0
    if value < 20:
        step = 1
    elif value < 200:
        step = 5
    elif value < 1000:
        step = 10
    elif value < 5000:
        step = 50
    else:
        step = 100
    rounded = int((value / step) + 0.5) * step
    return max(rounded, 1)


def distance_words(value: float | None, unit: str) -> str:
    """ "about 610 km", "about 3,500 miles"; "" for an unknown distance."""
    if value is None:
        return ""
    rounded = round_distance(value)
    name = unit
    if unit == "miles" and rounded == 1:
        name = "mile"
    return f"about {rounded:,} {name}"


# --- the hook's verb --------------------------------------------------------------------------

_VERB_WORDS: tuple[tuple[str, str, str], ...] = (
    # (verb, -ing form, words that call for it); the word met first in the item decides.
    ("watched", "watching", "video videos recording recordings youtube vlog screencast"),
    (
        "heard",
        "hearing",
        "talk talks keynote presentation presentations lecture lectures podcast podcasts "
        "webinar webinars panel panels speech speeches session sessions episode episodes",
    ),
    ("saw", "seeing", "comment comments reply replies thread threads tweet tweets poster exhibit"),
    (
        "read",
        "reading",
        "post posts article articles blog blogs paper papers essay essays newsletter piece "
        "report reports book books chapter column review reviews thesis writing interview "
        "interviews guide guides",
    ),
)
_VERB_OF_WORD: dict[str, tuple[str, str]] = {
    word: (verb, ing) for verb, ing, words in _VERB_WORDS for word in words.split()
}
NEUTRAL_VERB = ("came across", "coming across")
"""For an item whose words say nothing of its kind."""


def hook_verb(item: str) -> tuple[str, str]:
    """The verb that fits a piece of someone's public work, past and -ing forms: "read" for a
    post or an article, "heard" for a talk or a podcast, "saw" for a comment, "watched" for a
    video; "came across" when the words do not say. The first telling word decides ("your
    comment on the blog post" is a comment).
    """
    for word in _WORD.findall(item.lower()):
        found = _VERB_OF_WORD.get(word)
        if found is not None:
            return found
    return NEUTRAL_VERB


# --- what was learned -------------------------------------------------------------------------

_CLAUSE_START = re.compile(
    r"^(?:that|how|what|why|when|where|who|whom|whose|which|whether|about|so|to)\b", re.IGNORECASE
)


def learned_phrase(text: str) -> str:
    """What the user learned, set after "learning": "that new staff shadow each desk", "how
    the rota works", and "about the mentoring scheme" for a bare noun phrase."""
    text = " ".join(text.split()).rstrip(" .,;:!")
    if not text:
        return ""
    if _CLAUSE_START.match(text):
        return text
    return f"about {text}"


# --- subject lines ----------------------------------------------------------------------------

_DANGLING_END = re.compile(
    r"(?:[\s,:;–—(-]+|\s+(?:a|an|the|of|at|in|on|for|to|and|or|with|from|by|about))+$",
    re.IGNORECASE,
)


def cap_words(text: str, limit: int) -> str:
    """Text cut to at most `limit` characters at a word boundary, never mid-word, without a
    dangling "of", "the", dash or colon at the end, and marked "…" when it was cut. Text
    within the limit is returned unchanged (spaces squeezed).
    """
    text = " ".join(text.split())
    if len(text) <= limit or limit < 2:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    cut = _DANGLING_END.sub("", cut)
    if cut.count("(") > cut.count(")"):
        cut = _DANGLING_END.sub("", cut[: cut.rindex("(")])
    return cut + "…" if cut else text[: limit - 1] + "…"


# --- tightening the user's own text ------------------------------------------------------------

_SIGN_OFFS = re.compile(
    r"^(?:best(?: wishes| regards)?|kind regards|warm regards|regards|many thanks|thanks(?: again)?"
    r"|thank you(?: again)?|with thanks|all the best|cheers|sincerely|yours(?: sincerely| truly)?)"
    r"\s*[,.!]?\s*$",
    re.IGNORECASE,
)
_COURTESIES: tuple[tuple[str, str], ...] = (
    (r"\bI would\b", "I'd"),
    (r"\bI am\b", "I'm"),
    (r"\bI have\b", "I've"),
    (r"\bwe are\b", "we're"),
    (r"\bWe are\b", "We're"),
    (r"\bdo not\b", "don't"),
    (r"\bThank you for considering it\.?\s*", ""),
    (r"\bThank you for your time\.?\s*", ""),
    (r"\bminutes\b", "min"),
)


@dataclass(frozen=True)
class Tightened:
    """The user's text after `tighten`, and what was done to it, in words."""

    text: str
    changes: tuple[str, ...]
    """e.g. ("blank lines and extra spaces squeezed", "the sign-off dropped"); () if none."""


def tighten(text: str, limit: int) -> Tightened:
    """The user's own text made shorter, step by step, stopping as soon as it fits `limit`
    characters: blank lines and runs of spaces squeezed, then the sign-off and signature
    dropped, then contractions ("I would" -> "I'd") and stock courtesies ("Thank you for your
    time.") removed. Nothing else the user wrote is cut, so the result may still be over the
    limit: callers compare lengths.
    """
    steps = (
        (_squeeze, "blank lines and extra spaces squeezed"),
        (_drop_sign_off, "the sign-off dropped"),
        (_contract, "shorter forms used (I'd, I'm, min)"),
    )
    current = text.strip()
    changes: list[str] = []
    for step, change in steps:
        if len(current) <= limit:
            break
        shorter = step(current)
        if shorter != current:
            changes.append(change)
        current = shorter
    return Tightened(current, tuple(changes))


def _squeeze(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs: list[str] = []
    for line in lines:
        if line:
            paragraphs.append(line)
    return " ".join(paragraphs)


def _drop_sign_off(text: str) -> str:
    """Drop a closing like "Best regards, Jordan Lee" or "Thanks, Jordan" from the end."""
    sentences = re.split(r"(?<=[.?!])\s+", text)
    if len(sentences) < 2:
        return text
    last = sentences[-1]
    head, _, rest = last.partition(",")
    if _SIGN_OFFS.match(head) and len(rest.split()) <= 4:
        return " ".join(sentences[:-1])
    # "Best regards, Jordan Lee" glued to the end after squeezing
    match = re.search(
        r"\s(?:Best(?: wishes| regards)?|Kind regards|Warm regards|Regards|Many thanks|Thanks|"
        r"Thank you|With thanks|All the best|Cheers|Sincerely|Yours sincerely)"
        r"\s*,?\s*(?:\S+(?:\s\S+){0,3})?$",
        text,
    )
    if match and match.start() > len(text) // 2:
        return text[: match.start()].rstrip()
    return text


def _contract(text: str) -> str:
    for pattern, replacement in _COURTESIES:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.split())


def join_human(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [i.strip() for i in items if i.strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
