"""Forgiving, explained matching of organisation names ("Westerly Library" ~ "Westerly Public
Library"), for finding the people a user knows at a contact's organisation.

A name is read in tiers, each more forgiving than the one before; two names match at the first
tier where they agree, and the tier gives the score and the reason shown to the user:

1. the same text                                           1.00  "same name"
2. case, accents and punctuation aside                     0.97
3. a leading "The" and legal suffixes ("Inc.", "LLC") aside 0.95
4. abbreviations spelled out ("Univ.", "St."), plurals      0.90
5. optional words aside ("Public", "Free")                  0.85  "same words without 'Public'"
6. an acronym of the other ("NYPL")                         0.70
7. one name's words found, in order, inside the other's     0.60 or less

Word order counts ("University of Washington" is not "Washington University") and spelling is
never guessed ("Westerly" is not "Easterly"): the matcher suggests, the user confirms.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, TypeVar

from outreach_tui.core.platform.textfold import fold

_T = TypeVar("_T")

_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NON_WORD = re.compile(r"[\W_]+")
_SCRIPT_CHANGE = re.compile(r"(?<=[a-z0-9])(?=[^\sa-z0-9])|(?<=[^\sa-z0-9])(?=[a-z0-9])")
"""Between a Latin letter or digit and a letter of another script: "nttドコモ" -> "ntt ドコモ"."""

LEGAL_SUFFIXES: dict[str, str] = {
    "inc": "Inc.",
    "incorporated": "Incorporated",
    "llc": "LLC",
    "llp": "LLP",
    "lp": "LP",
    "pllc": "PLLC",
    "ltd": "Ltd.",
    "limited": "Limited",
    "corp": "Corp.",
    "corporation": "Corporation",
    "co": "Co.",
    "company": "Company",
    "plc": "PLC",
    "gmbh": "GmbH",
    "ag": "AG",
    "sa": "S.A.",
    "bv": "B.V.",
    "nv": "N.V.",
    "pty": "Pty",
}
"""Words dropped at the end of a name, with how they are shown in a reason."""

ABBREVIATIONS: dict[str, str] = {
    "univ": "university",
    "uni": "university",
    "coll": "college",
    "inst": "institute",
    "lib": "library",
    "libr": "library",
    "dept": "department",
    "ctr": "center",
    "cntr": "center",
    "assn": "association",
    "assoc": "association",
    "natl": "national",
    "intl": "international",
    "govt": "government",
    "hosp": "hospital",
    "sch": "school",
    "acad": "academy",
    "cty": "county",
    "dist": "district",
    "mt": "mount",
    "ft": "fort",
    "ste": "sainte",
    "mem": "memorial",
    "pub": "public",
    "med": "medical",
}
"""Abbreviations spelled out ("st" is handled apart: Saint, or Street as the last word)."""

SPELLINGS: dict[str, str] = {
    "centre": "center",
    "organisation": "organization",
    "theatre": "theater",
    "programme": "program",
}

OPTIONAL_WORDS: frozenset[str] = frozenset({"public", "free", "municipal"})
"""Words an organisation's name often carries or drops ("Westerly (Public) Library")."""

_GENERIC_TEXT = """
library university college school public county city state national institute center department
company museum hospital academy association society foundation archive archives district system
group of and the for at in on new north south east west international community free memorial
regional municipal service office board council research high elementary middle saint street
mount fort medical government
"""
GENERIC_WORDS: frozenset[str] = frozenset(_GENERIC_TEXT.split())
"""Words too common to say, alone, that two names are the same organisation."""

_ACRONYM_SKIP = frozenset({"of", "the", "and", "at", "for", "in", "on"})


@dataclass(frozen=True, slots=True)
class OrgName:
    """An organisation's name read at every tier (see the module's docstring)."""

    original: str
    plain: tuple[str, ...]
    bare: tuple[str, ...]
    ignored: tuple[str, ...]
    expanded: tuple[str, ...]
    expansions: tuple[tuple[str, str], ...]
    core: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def initials(self) -> str:
        return "".join(w[0] for w in self.expanded if w not in _ACRONYM_SKIP)

    @property
    def distinctive(self) -> tuple[str, ...]:
        return tuple(w for w in self.core if w not in GENERIC_WORDS)


class OrgMatch(NamedTuple):
    score: float
    reason: str


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def _tokens(text: str) -> list[str]:
    text = _APOSTROPHES.sub("", fold(text)).replace("&", " and ")
    if text.isascii():
        words = _NON_WORD.sub(" ", text).split()
    else:
        # letters, digits and the marks that are part of letters in many scripts ("मुंबई")
        text = "".join(c if c.isalnum() or _is_mark(c) else " " for c in text)
        words = _SCRIPT_CHANGE.sub(" ", text).split()
    # "U.S.A." became "u s a": join runs of single letters back into one word.
    merged: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            merged.append(run)
            run = ""
        merged.append(word)
    if run:
        merged.append(run)
    return merged


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _analyse(name: str) -> OrgName:
    plain = tuple(_tokens(name))
    bare = list(plain)
    ignored: list[str] = []
    if len(bare) > 1 and bare[0] == "the":
        ignored.append("The")
        bare.pop(0)
    while len(bare) > 1 and (bare[-1] in LEGAL_SUFFIXES or bare[-1] == "and"):
        word = bare.pop()
        if word != "and":
            ignored.append(LEGAL_SUFFIXES[word])
    expanded: list[str] = []
    expansions: list[tuple[str, str]] = []
    for index, word in enumerate(bare):
        if word == "st":
            full = "street" if index == len(bare) - 1 and index > 0 else "saint"
            shown = "St."
        elif word in ABBREVIATIONS:
            full, shown = ABBREVIATIONS[word], word.title() + "."
        else:
            full = _singular(SPELLINGS.get(word, word))
            shown = word.title()
        if full != word:
            expansions.append((shown, full.title()))
        expanded.append(full)
    core = tuple(w for w in expanded if w not in OPTIONAL_WORDS) or tuple(expanded)
    optional = tuple(w.title() for w in expanded if w in OPTIONAL_WORDS and w not in core)
    return OrgName(
        original=name.strip(),
        plain=plain,
        bare=tuple(bare),
        ignored=tuple(ignored),
        expanded=tuple(expanded),
        expansions=tuple(expansions),
        core=core,
        optional=optional,
    )


analyse = lru_cache(maxsize=4096)(_analyse)
"""Read an organisation's name at every tier (cached: the same few queries come back often)."""


def _quoted(words: Iterable[str]) -> str:
    items = [f"'{w}'" for w in words]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _differ(one: tuple[_T, ...], other: tuple[_T, ...]) -> list[_T]:
    """Items of either side not on the other, in first-seen order, once each."""
    out: list[_T] = []
    for item in (*one, *other):
        if (item not in one or item not in other) and item not in out:
            out.append(item)
    return out


def _explain(label: str, a: OrgName, b: OrgName) -> str:
    parts: list[str] = []
    optional = _differ(a.optional, b.optional)
    if optional:
        parts.append(f"without {_quoted(optional)}")
    expansions = _differ(a.expansions, b.expansions)
    if expansions:
        read = ", ".join(f"'{short}' read as '{full}'" for short, full in expansions)
        parts.append(f"with {read}")
    ignored = _differ(a.ignored, b.ignored)
    if ignored:
        parts.append(f"apart from {_quoted(ignored)}")
    return " ".join([label, ", ".join(parts)]) if parts else label


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    size = len(short)
    return any(long[i : i + size] == short for i in range(len(long) - size + 1))


def compare(a: OrgName, b: OrgName) -> OrgMatch | None:
    """How well two analysed names match, with the reason; None when they do not."""
    if not a.core or not b.core:
        return None
    if a.original == b.original:
        return OrgMatch(1.0, "same name")
    if a.plain == b.plain:
        return OrgMatch(0.97, "same name apart from case, accents or punctuation")
    if a.bare == b.bare:
        return OrgMatch(0.95, _explain("same name", a, b))
    if a.expanded == b.expanded:
        return OrgMatch(0.9, _explain("same name", a, b))
    if a.core == b.core:
        return OrgMatch(0.85, _explain("same words", a, b))
    for short, long in ((a, b), (b, a)):
        if (
            len(short.core) == 1
            and 2 <= len(short.core[0]) <= 6
            and short.core[0].isalpha()
            and len(long.expanded) >= 2
            and short.core[0] == long.initials
        ):
            return OrgMatch(0.7, f"'{short.original}' may stand for '{long.original}'")
    short, long = (a, b) if len(a.core) <= len(b.core) else (b, a)
    if short.distinctive and _contains(long.core, short.core):
        extra = len(long.core) - len(short.core)
        score = max(0.4, 0.6 - 0.05 * (extra - 1))
        return OrgMatch(round(score, 2), f"'{short.original}' is part of '{long.original}'")
    return None


def match_org(one: str, other: str) -> OrgMatch | None:
    """How well two organisation names match, with the reason; None when they do not."""
    return compare(analyse(one), analyse(other))


class OrgIndex:
    """Many organisation names, searched quickly: index once, then `search` per contact."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names: dict[str, OrgName] = {}
        self._by_core: dict[tuple[str, ...], list[str]] = {}
        self._by_word: dict[str, list[str]] = {}
        self._by_initials: dict[str, list[str]] = {}
        self._by_single: dict[str, list[str]] = {}
        for name in names:
            if not name.strip() or name in self._names:
                continue
            org = _analyse(name)
            self._names[name] = org
            self._by_core.setdefault(org.core, []).append(name)
            for word in set(org.distinctive):
                self._by_word.setdefault(word, []).append(name)
            if len(org.expanded) >= 2:
                self._by_initials.setdefault(org.initials, []).append(name)
            if len(org.core) == 1:
                self._by_single.setdefault(org.core[0], []).append(name)

    def __len__(self) -> int:
        return len(self._names)

    def search(self, query: str) -> list[tuple[str, OrgMatch]]:
        """Indexed names matching `query`, best first (then alphabetically)."""
        wanted = analyse(query)
        if not wanted.core:
            return []
        candidates: set[str] = set(self._by_core.get(wanted.core, ()))
        for word in set(wanted.distinctive):
            candidates.update(self._by_word.get(word, ()))
        if len(wanted.core) == 1:
            candidates.update(self._by_initials.get(wanted.core[0], ()))
        if len(wanted.expanded) >= 2:
            candidates.update(self._by_single.get(wanted.initials, ()))
        found: list[tuple[str, OrgMatch]] = []
        for name in candidates:
            result = compare(wanted, self._names[name])
            if result is not None:
                found.append((name, result))
        found.sort(key=lambda item: (-item[1].score, fold(item[0])))
        return found
