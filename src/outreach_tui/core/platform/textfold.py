"""Text folded for matching: one rule for what counts as "the same letters", in four shapes.

The rule: an accent that spelling often drops goes (a combining mark on a Latin, Greek or
Cyrillic letter: "Zoë" matches "Zoe", "Nguyễn" matches "Nguyen"); a mark that changes the letter
in its own script stays ("デ" is not "テ", "मुंबई" keeps its vowel signs); the letters that have no
accent to drop but are often typed without one are spelled out ("Ørsted" -> "orsted", "Łódź" ->
"lodz", "Æsir" -> "aesir"); the result is in NFC, so a letter and its mark stay one character.
Letters of every script stay letters.

- `fold`: the rule, case-folded. What two texts are compared by.
- `fold_keep_case`: the rule, capitals kept: where a one-word name must show with its capital.
- `fold_spaced`: `fold` with every run of white space one space and no space at the ends: search.
- `fold_words`: `fold` with every run of anything but letters and digits one space, and one space
  at each end, so that ``f" {phrase} " in fold_words(text)`` finds whole words only.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SPELLED_OUT = {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
_FOLD_LETTERS = str.maketrans(_SPELLED_OUT)
_FOLD_LETTERS_KEEP_CASE = str.maketrans(
    {**_SPELLED_OUT, **{k.upper(): v.upper() for k, v in _SPELLED_OUT.items() if k != "ı"}}
)
_NOT_ALNUM = re.compile(r"[\W_]+")


def _is_accent(char: str, base: str) -> bool:
    """A combining mark on a Latin, Greek or Cyrillic letter: an accent that spelling often
    drops. Marks in other scripts (the dakuten of "デ", Indic vowel signs) change the letter."""
    if not unicodedata.combining(char):
        return False
    code = ord(base)
    return code < 0x0530 or 0x1E00 <= code <= 0x1FFF


@functools.cache
def _maybe_marks() -> re.Pattern[str]:
    """Any combining mark of the Basic Multilingual Plane (`unicodedata.combining` not 0), or
    any character beyond it: where none is found, a text has no accent to drop, found in one
    regex search (the search index folds every draft's whole text)."""
    marks = "".join(
        re.escape(chr(c)) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c))
    )
    return re.compile(f"[{marks}\\U00010000-\\U0010ffff]")


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    if _maybe_marks().search(decomposed) is None:
        return unicodedata.normalize("NFC", decomposed)  # no mark at all: nothing to drop
    kept: list[str] = []
    base = " "
    for char in decomposed:
        if _is_accent(char, base):
            continue
        if not unicodedata.combining(char):
            base = char
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def fold(text: str) -> str:
    """Lower case without accents: "Bibliothèque Ørsted" -> "bibliotheque orsted", "Đặng" ->
    "dang". Letters of every script stay letters ("Сбербанк" -> "сбербанк", "NTTデータ" ->
    "nttデータ"). White space and punctuation are kept as they are."""
    if text.isascii():
        return text.lower()
    return _without_accents(text.casefold()).translate(_FOLD_LETTERS)


def fold_keep_case(text: str) -> str:
    """`fold` with capitals kept: "Zoë Ørsted" -> "Zoe Orsted"."""
    if text.isascii():
        return text
    return _without_accents(text).translate(_FOLD_LETTERS_KEEP_CASE)


def fold_spaced(text: str) -> str:
    """`fold` with white space squeezed: "ZOË  Ünal " -> "zoe unal"."""
    return " ".join(fold(text).split())


def fold_words(text: str) -> str:
    """`fold` with punctuation as spaces, one space between words and one at each end:
    "Hi, Zoë!" -> " hi zoe "."""
    return " " + _NOT_ALNUM.sub(" ", fold(text)).strip() + " "
