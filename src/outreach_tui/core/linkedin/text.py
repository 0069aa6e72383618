"""The text of an export's files: which encoding, garbled letters repaired, names undecorated.

- `decode(raw, where)`: UTF-8 (BOM or not), UTF-16/32 with a BOM, UTF-16 without one (told
  from its NUL bytes), else a legacy encoding a spreadsheet program wrote (Windows-1252, Mac
  Roman, Latin-1, Windows-1251, Shift JIS...). Candidates come from charset-normalizer and from
  what spreadsheet programs write; the first whose words read as words wins. When none does,
  LinkedInError (one line: save the file as "CSV UTF-8").
- `repair(text)`: names LinkedIn itself garbled ("InÃ©s PeÃ±alver" -> "Inés Peñalver"), with
  ftfy.
- `plain_name(text)`: a name without emoji and symbols ("🌟 Dana Kim ✨" -> "Dana Kim"), by
  core/names.

charset-normalizer and ftfy are imported only when a file needs them.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata

from outreach_tui.core.names.clean import split_decorations

SAVE_AS_UTF8 = 'save it again as "CSV UTF-8" in your spreadsheet program, or import the ZIP'


class LinkedInError(Exception):
    """An export (or a stored import) that cannot be used; str() is one line for the user."""


_SPREADSHEET_ENCODINGS = (
    "cp1252",  # Excel on Windows, Western Europe and the Americas (a superset of Latin-1)
    "mac_roman",  # Excel on older Macs
    "cp1250",  # Central Europe
    "cp1251",  # Cyrillic
    "cp1253",  # Greek
    "cp1254",  # Turkish
    "cp1257",  # Baltic
    "shift_jis",
    "cp932",
    "gb18030",
    "big5",
    "cp949",
)
_ALSO_SEEN = (
    "latin_1",
    "iso8859_15",
    "iso8859_2",
    "mac_cyrillic",
    "mac_latin2",
    "koi8_r",
    "euc_jp",
)
_KNOWN = frozenset(codecs.lookup(name).name for name in (*_SPREADSHEET_ENCODINGS, *_ALSO_SEEN))
"""Encodings a CSV file is ever saved in; others charset-normalizer may propose (DOS code pages,
Kazakh...) fit random bytes too easily to be believed."""
_SAMPLE_LINES = 2000
_WORD = re.compile(r"[^\s,;\"'()\[\]/|<>:@.\-_0-9]+")
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f0][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _utf16_without_bom(raw: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when half the bytes are NULs on one side, else None."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def oddness(text: str) -> int:
    """How many words of `text` (with letters beyond ASCII) do not look like words of any
    language: a symbol among letters, a capital after a small letter ("InŽs"), two scripts in
    one word, a letter of another script inside a Latin word ("In茅s"), or a Latin word made
    mostly of accented letters ("Ñáåðáàíê")."""
    odd = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        letters = [c for c in word if c.isalpha()]
        foreign = [c for c in word if not c.isascii()]
        if any(not (c.isalpha() or unicodedata.category(c).startswith("M")) for c in foreign):
            odd += 1
            continue
        scripts = {_script(c) for c in letters} - {""}
        if len(scripts) > 1 and not scripts <= {"CJK", "HIRAGANA", "KATAKANA", "LATIN"}:
            odd += 1
            continue
        if "LATIN" in scripts and any(
            _is_latin_letter(before)
            and not middle.isascii()
            and _is_latin_letter(after)
            and _script(middle) != "LATIN"
            for before, middle, after in zip(word, word[1:], word[2:], strict=False)
        ):
            odd += 1  # "In茅s": another script's letter inside a Latin word
            continue
        if any(
            prev.islower() and char.isupper() and not char.isascii()
            for prev, char in itertools.pairwise(word)
        ) or (
            not (word.islower() or word.isupper() or word.istitle())
            and any(c.isupper() and not c.isascii() for c in word[1:])
        ):
            odd += 1  # "InŽs", "ЃЌЏђќяю": capitals where no language puts them
            continue
        if scripts == {"LATIN"} and len(foreign) * 2 > len(letters) and len(letters) > 3:
            odd += 1
    return odd


def _sample(raw: bytes) -> bytes:
    """The lines of `raw` with bytes beyond ASCII (at most a few thousand), for judging."""
    lines = [line for line in raw.split(b"\n") if not line.isascii()]
    return b"\n".join(lines[:_SAMPLE_LINES])


def _detected(sample: bytes) -> list[str]:
    """charset-normalizer's encodings for the sample, most likely first."""
    from charset_normalizer import from_bytes

    return [match.encoding for match in from_bytes(sample)]


def decode(raw: bytes, where: str = "the file") -> str:
    """The text of a CSV file. Raises LinkedInError (one line) when its encoding cannot be told."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    wide = _utf16_without_bom(raw)
    if wide is not None:
        return raw.decode(wide, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = _sample(raw)
    tried: set[str] = set()
    for encoding in (*_SPREADSHEET_ENCODINGS[:2], *_detected(sample), *_SPREADSHEET_ENCODINGS):
        name = codecs.lookup(encoding).name
        if name in tried or name not in _KNOWN:
            continue
        tried.add(name)
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        if oddness(text) == 0 and "\x00" not in text:
            try:
                return raw.decode(name)
            except UnicodeDecodeError:
                continue
    raise LinkedInError(f"{where}: cannot tell which text encoding it is in; {SAVE_AS_UTF8}")


def repair(text: str) -> str:
    """`text` with letters garbled by a wrong decoding put right ("PeÃ±alver" -> "Peñalver");
    text that is not garbled comes back as it was."""
    if text.isascii() or not _MOJIBAKE.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)


_PLAIN = re.compile(r"^[A-Za-z][A-Za-z .,']*$")


def plain_name(text: str) -> str:
    """A name without decorations: emoji, symbols, pronouns and taglines taken off, spaces
    squeezed ("🌟 Dana Kim ✨" -> "Dana Kim", "Okonkwo (she/her)" -> "Okonkwo"), letters of
    every script and post-nominals kept (see core/names/clean.py, which does the work)."""
    if _PLAIN.match(text):  # most names: nothing to take off, and 30,000 of them to read
        return " ".join(text.split())
    return split_decorations(text).name
