"""Decorations people put in their LinkedIn display names, taken apart from the name itself.

A display name such as ``"Dr. Priyanka Desai, PhD (she/her) 🌱 | Archivist"`` holds a name
(``Dr. Priyanka Desai``), post-nominals (``PhD``), pronouns (``she/her``), an emoji and a
tagline. `split_decorations` separates them; `strip_post_nominals` takes the letters after a
name (credentials, and generational suffixes such as ``Jr.`` or ``III``) off its end.

Pure Python, no third-party imports: this runs before the name parser sees the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def word_set(text: str) -> frozenset[str]:
    """The words of `text` as a set: for the word lists below and in model.py."""
    return frozenset(text.split())


PARTICLES: frozenset[str] = frozenset(
    {
        "van", "von", "der", "den", "de", "del", "della", "delle", "dei", "degli", "di", "da",
        "das", "do", "dos", "du", "des", "la", "le", "lo", "ten", "ter", "te", "zu", "zum",
        "zur", "bin", "binti", "bint", "ibn", "al", "el", "y", "e", "st.", "san", "santa",
        "dela", "abu", "ap", "af", "av", "op", "in", "'t",
    }
)  # fmt: skip
"""Words that belong to the family name that follows them ("van der Berg", "bin Ismail")."""

GENERATIONAL: frozenset[str] = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "v", "2nd", "3rd", "4th", "junior", "senior"}
)
"""Generational suffixes, lower case and without dots."""

CREDENTIALS: frozenset[str] = frozenset(
    {
        "PHD", "DPHIL", "MD", "DO", "DDS", "DMD", "DVM", "JD", "LLM", "LLB", "MBA", "EMBA",
        "MPA", "MPH", "MPP", "MA", "MS", "MSC", "MPHIL", "BA", "BS", "BSC", "BED", "MED",
        "EDD", "EDS", "PSYD", "MFA", "MLIS", "MLS", "MSLS", "MSIS", "MIS", "MLIT", "MIM",
        "MSW", "LCSW", "LMSW", "LPC", "CPA", "CFA", "CFP", "CMA", "CIA", "CISA", "CISM",
        "CISSP", "PE", "PENG", "CENG", "MENG", "BENG", "RN", "BSN", "MSN", "NP", "FNP",
        "APRN", "PA", "PAC", "ESQ", "PMP", "CSM", "CSPO", "SHRMCP", "SHRMSCP", "SPHR", "PHR",
        "CAE", "CRM", "CA", "ACA", "FCA", "ACCA", "CIMA", "FRSA", "FRS", "OBE", "MBE", "CBE",
        "KBE", "DBE", "QC", "KC", "AHIP", "MAT", "MBBS", "MBCHB", "MRCP", "FRCP", "FRCS",
        "PHARMD", "RPH", "DPT", "OTR", "EA", "CPHR", "CHRP", "FCIPD", "MCIPD", "CIPD", "RIBA",
        "AIA", "LEED", "LEEDAP", "PMPR", "ITIL", "CDMP", "CRA", "DLIS", "MARCH", "DBA",
        "MMUS", "DMA", "MTS", "MDIV", "DMIN", "THD", "MSED", "MAED", "MSCS", "MSEE",
    }
)  # fmt: skip
"""Post-nominal letters, upper case without dots or hyphens."""

_AMBIGUOUS = frozenset({"MA", "MS", "DO", "PA", "PE", "CA", "NP", "EA", "BA", "BS", "MAT", "CIA"})
"""Credentials that are also names ("Jack Ma", "Minh Do"): only taken in capitals."""
_MIXED_FORMS = frozenset(
    {"PhD", "DPhil", "MSc", "BSc", "MEd", "EdD", "EdS", "PsyD", "Esq", "MEng", "BEng", "MPhil",
     "PharmD", "MBChB", "PEng", "CEng", "MDiv", "DMin", "ThD", "MArch", "MMus", "MLitt"}
)  # fmt: skip
"""Credentials written with lower-case letters, exactly so."""

PRONOUN_WORDS: frozenset[str] = frozenset(
    {
        "she", "her", "hers", "he", "him", "his", "they", "them", "their", "theirs", "ze",
        "zir", "hir", "xe", "xem", "xyr", "fae", "faer", "ey", "em", "eir", "it", "its",
        "any", "all", "pronouns", "pronoun", "elle", "ella", "él", "sie", "ihr", "er", "ihm",
        "il", "lui", "iel",
    }
)  # fmt: skip
_NOISE_WORDS = frozenset({"hiring", "opentowork", "open to work", "looking for work", "seeking"})

_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_SEPARATOR = re.compile(r"\s*(?:[|•·‖¦]|\s[-–—~/]\s|:\s)\s*")
_PRONOUN_TOKEN = re.compile(r"^[^\W\d_]+(?:/[^\W\d_]+)+$")
_SPACE = re.compile(r"\s+")
_HANDLE = re.compile(r"^[#@][^\W_]")
_EDGE_JUNK = re.compile(r"^[\s,;:.\-–—/*_~+=]+|[\s,;:\-–—/*_~+=]+$")


@dataclass(frozen=True)
class Decorations:
    """A display name taken apart: the name, and what was around it."""

    name: str
    """The name with every decoration removed, spaces squeezed (post-nominals still there)."""
    pronouns: str = ""
    """e.g. ``she/her``; "" when none were given."""
    removed: tuple[str, ...] = ()
    """What was taken out besides pronouns: emoji, symbols, taglines, hashtags."""


def _is_symbol(char: str) -> bool:
    if char in "\u200d\ufe0f\ufe0e\u20e3":  # joiners and variation selectors of emoji
        return True
    if char in "|~\u200c":  # separators (split on later); the non-joiner of Persian names
        return False
    category = unicodedata.category(char)
    return category in ("So", "Sk", "Cs", "Co", "Cn", "Sm") or (
        category == "Cf" and char not in "\u00ad"
    )


def _pronouns_in(text: str) -> str:
    """`text` as pronouns ("she/her", "they / them") or "" when it is something else."""
    words = [w for w in re.split(r"[\s/,;:&+]+|\band\b", text.lower()) if w]
    if words and all(w in PRONOUN_WORDS for w in words) and len(words) <= 6:
        cleaned = re.sub(r"(?i)^\s*pronouns?\s*[:\-]?\s*", "", text.strip())
        return re.sub(r"\s*/\s*", "/", cleaned)
    return ""


def split_decorations(text: str) -> Decorations:
    """Take emoji, symbols, pronouns, hashtags and a tagline off a display name.

    ``"Jordan Okonkwo (she/her) 🌿 | Archivist"`` gives name ``"Jordan Okonkwo"``, pronouns
    ``"she/her"``. Brackets holding one or two words that are not pronouns (a nickname,
    ``"(Bob)"``, or a maiden name) stay for the parser; longer bracketed text goes.
    """
    removed: list[str] = []
    pronouns: list[str] = []
    kept_chars: list[str] = []
    for char in text:
        if _is_symbol(char):
            kept_chars.append(" ")
            if not char.isspace() and char not in "\u200d\ufe0f\ufe0e":
                removed.append(char)
        elif unicodedata.category(char) == "Cc":
            kept_chars.append(" ")
        else:
            kept_chars.append(char)
    work = "".join(kept_chars)

    def bracket(match: re.Match[str]) -> str:
        inner = next(g for g in match.groups() if g is not None)
        found = _pronouns_in(inner)
        if found:
            pronouns.append(found)
            return " "
        words = inner.split()
        if not words:
            return " "
        if len(words) > 2 or inner.strip().lower() in _NOISE_WORDS:
            removed.append(match.group(0))
            return " "
        return match.group(0)

    work = _BRACKETS.sub(bracket, work)
    # A tagline after a separator: "Jane Doe | Archivist", "Jane Doe - Librarian".
    parts = _SEPARATOR.split(work, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        work = parts[0]
        removed.append(parts[1].strip())
    tokens: list[str] = []
    for token in work.split():
        bare = token.strip(",;")
        if _HANDLE.match(bare) or "http" in bare.lower() or ".com" in bare.lower():
            removed.append(bare)
            continue
        if _PRONOUN_TOKEN.match(bare) and _pronouns_in(bare):
            pronouns.append(_pronouns_in(bare))
            if token.endswith(","):
                tokens.append(",")
            continue
        if bare.lower() in _NOISE_WORDS:
            removed.append(bare)
            continue
        tokens.append(token)
    name = _SPACE.sub(" ", " ".join(tokens)).replace(" ,", ",")
    name = _EDGE_JUNK.sub("", name.strip())
    name = re.sub(r",\s*(?:,\s*)+", ", ", name)
    return Decorations(name, ", ".join(dict.fromkeys(pronouns)), tuple(r for r in removed if r))


def _letters(token: str) -> str:
    return re.sub(r"[.\-]", "", token.strip(",;"))


def is_generational(token: str) -> bool:
    """Jr., Sr., II, III, IV, 2nd…: roman numerals only in capitals."""
    bare = _letters(token)
    if bare.lower() in ("ii", "iii", "iv", "v"):
        return bare.isupper()
    return bare.lower() in GENERATIONAL


def is_credential(token: str, *, all_caps_name: bool = False) -> bool:
    """Post-nominal letters: PhD, MLIS, M.B.A., Esq. …

    Letters that are also names (MA, DO, PA…) count only in capitals in a name that is not
    all in capitals itself, so "Jack Ma" and "JACK MA" keep their family name.
    """
    bare = _letters(token)
    if not bare or not bare.isalpha():
        return False
    upper = bare.upper()
    if upper not in CREDENTIALS:
        return False
    if bare in _MIXED_FORMS:
        return True
    if upper in _AMBIGUOUS:
        return bare.isupper() and not all_caps_name
    return sum(1 for c in bare if c.isupper()) >= 2 or (len(bare) <= 3 and bare.isupper())


def _looks_like_letters(token: str) -> bool:
    """After a comma, capitals such as "CPHIMS" or "P.Eng." are letters after the name."""
    bare = _letters(token)
    return bool(bare) and bare.isalpha() and sum(1 for c in bare if c.isupper()) >= 2


@dataclass(frozen=True)
class Trailing:
    """A name without the letters after it."""

    name: str
    suffix: str = ""
    """Generational: ``Jr.``, ``III``."""
    post_nominals: str = ""
    """Credentials as written, joined by ", ": ``PhD, MLIS``."""


def strip_post_nominals(name: str) -> Trailing:
    """Take credentials and generational suffixes off the end of a (decoration-free) name.

    Credentials go with or without a comma ("Priyanka Desai, PhD", "Jane Smith MLIS"); at least
    one word of the name is always left. After a comma, a part that is neither letters after the
    name nor a given name after "Family," (a tagline: "Jane Doe, Open to work") is dropped.
    """
    all_caps = name.upper() == name and any(c.isalpha() for c in name)
    parts = [p.strip() for p in name.split(",")]
    head, rest = parts[0], [p for p in parts[1:] if p]
    suffixes: list[str] = []
    credentials: list[str] = []

    def take(part: str, loose: bool) -> bool:
        tokens = part.split()
        if not tokens:
            return True
        kinds = []
        for token in tokens:
            if is_generational(token):
                kinds.append("s")
            elif is_credential(token, all_caps_name=all_caps) or (
                loose and _looks_like_letters(token)
            ):
                kinds.append("c")
            else:
                return False
        for token, kind in zip(tokens, kinds, strict=True):
            (suffixes if kind == "s" else credentials).append(token.strip(",;"))
        return True

    kept_rest: list[str] = []
    for part in rest:
        if not take(part, loose=True):
            kept_rest.append(part)
    # Trailing letters without a comma: "Jane Smith MLIS", "Marcus Whitfield III".
    words = head.split()
    trailing: list[str] = []
    while len(words) > 1 and (
        is_generational(words[-1]) or is_credential(words[-1], all_caps_name=all_caps)
    ):
        trailing.insert(0, words.pop())
    for token in trailing:
        (suffixes if is_generational(token) else credentials).insert(0, token)
    head = " ".join(words)
    if kept_rest and len(words) == 1 and len(kept_rest) == 1 and len(kept_rest[0].split()) <= 3:
        head = f"{head}, {kept_rest[0]}"  # "Berg, Willem van der": the family name first
    return Trailing(head, " ".join(suffixes), ", ".join(credentials))


def squeeze(text: str) -> str:
    """Spaces squeezed to one, ends stripped."""
    return _SPACE.sub(" ", text).strip()
