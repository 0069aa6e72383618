"""A person's name, parsed from one display name: honorific, given, family, suffix and the rest.

`parse_name("Dr. Willem van der Berg III, PhD (he/him) 🌱")` gives a `PersonName` with
honorific ``Dr.``, given name ``Willem``, family name ``van der Berg`` (particles kept, with
their capitals as written), suffix ``III``, post-nominals ``PhD`` and pronouns ``he/him``.

python-nameparser does the parsing proper (titles, particles, nicknames, suffixes, names in
Chinese, Japanese or Korean script); it is imported on the first parse. Around it this module
adds what a greeting needs: decorations and post-nominals taken off first (clean.py), particles
left in the middle name moved to the family name ("Pieter ten Brink"), compound given names and
two family names in Spanish and Portuguese names ("María José de la Cruz",
"José Luis García Márquez"), and a note of a possible family-name-first order ("Wang Fang").

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from outreach_tui.core.names.clean import (
    PARTICLES,
    is_generational,
    split_decorations,
    squeeze,
    strip_post_nominals,
    word_set,
)
from outreach_tui.core.platform.textfold import fold

if TYPE_CHECKING:
    from nameparser import Parser

IBERIAN_GIVEN: frozenset[str] = word_set(
    """jose maria juan luis carlos ana pedro pablo miguel angel antonio manuel francisco javier
    jesus fernando alejandro rafael andres diego jorge alberto eduardo enrique ricardo roberto
    sergio victor raul ramon oscar ignacio gabriel mario joao paulo luiz luisa carmen isabel
    rosa elena lucia laura sofia marta paula sara cristina teresa pilar dolores mercedes beatriz
    patricia fernanda gabriela andrea claudia daniela valentina camila ines juana alicia silvia
    monica veronica adriana natalia carolina catalina guadalupe jimena ximena antonia josefa
    esteban gonzalo hernan rodrigo santiago sebastian tomas emilio felipe guillermo gustavo
    hector hugo ivan jaime joaquin julio leonardo lorenzo marcos mateo nicolas ruben salvador
    vicente agustin alvaro arturo cesar cristian ernesto federico gerardo horacio leandro
    matias mauricio octavio ramiro rogelio ulises xavier joana lourdes milagros soledad yolanda
    luz paz consuelo esperanza montserrat nuria rocio concepcion"""
)
"""Spanish and Portuguese given names, folded (lower case, no accents): a second one after the
first is part of the given name ("María José"), any other word is a family name."""

DEVOTIONAL: frozenset[str] = word_set(
    "carmen jesus pilar dios rosario luz angeles mar rocio fatima lourdes guadalupe socorro "
    "mercedes dolores consuelo asuncion concepcion"
)
"""Words of a Spanish given name after "del" or "de" ("María del Carmen", "Juan de Dios")."""

EAST_ASIAN_FAMILY: frozenset[str] = word_set(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo he gao luo zheng liang
    xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu
    ding ren shen yao jin zhong cui tan fan qiu xue
    nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
    kim park choi jung jeong kang cho yoon jang lim oh seo shin kwon hwang ahn yoo hong jeon
    ko moon yang baek heo nam
    lin ma song han chan wong lee tan"""
)
"""Family names common in China, Vietnam and Korea, folded: written first, they may be the
family name of a name given family-name first."""
_AMBIGUOUS_FAMILY = word_set("lee lin ma song han chan wong tan kim hong young do ho nam")
"""Of those, also given names in English-speaking countries: flagged only with other signs."""
EAST_ASIAN_GIVEN: frozenset[str] = word_set(
    """wei fang na min jing li ying hui yan lei jun ming hong xin yu hao jie lan ling mei qing
    tao xia yang yi yun zhen zhi hua juan ping bo feng gang hai jian kai long peng qiang rui
    shan tian ting xiao xue yong yue zhong thi van duc quang huong anh linh thu thanh hoa
    tuan dung trang"""
)
"""Syllables common in Chinese given names and Vietnamese middle and given names, folded."""


@dataclass(frozen=True)
class PersonName:
    """One display name, parsed. Every part is as written (capitals kept), "" when absent."""

    original: str
    honorific: str = ""
    """A title typed into the name: ``Dr.``, ``Prof. Dr.``, ``Mrs.``."""
    given: str = ""
    """The given name(s) a greeting uses: ``Willem``, ``María José``."""
    middle: str = ""
    family: str = ""
    """The family name(s), particles included: ``van der Berg``, ``García Márquez``."""
    suffix: str = ""
    """Generational: ``Jr.``, ``III``."""
    post_nominals: str = ""
    """Credentials: ``PhD, MLIS``."""
    pronouns: str = ""
    nickname: str = ""
    """A name in quotes or brackets: ``Robert "Bob" Smith`` -> ``Bob``."""
    removed: tuple[str, ...] = ()
    """Decorations taken out: emoji, symbols, taglines."""
    all_caps: bool = False
    """The name was typed in capitals (the parts above are given normal capitals)."""
    family_first: str = ""
    """When the first word may be a family name written first ("Wang Fang"): that word."""
    written_family_first: bool = False
    """The parser read the family name first (names in Chinese, Japanese or Korean script)."""
    unspaced: bool = False
    """Family and given names written together, as in Korean script ("김민준")."""

    @property
    def words(self) -> int:
        """How many words of name there are (given, middle and family)."""
        return len(f"{self.given} {self.middle} {self.family}".split())

    @property
    def full(self) -> str:
        """Given, middle and family names in the order written: no title, suffix, credentials
        or decorations."""
        if self.written_family_first:
            parts = [p for p in (self.family, self.middle, self.given) if p]
            return ("" if self.unspaced else " ").join(parts)
        return squeeze(f"{self.given} {self.middle} {self.family}")

    @property
    def known_as(self) -> str:
        """The first name they go by: the nickname when there is one, else the given name."""
        return self.nickname or self.given

    @property
    def clean(self) -> str:
        """The name fit to write into a message: honorific and names, and a generational
        suffix; never credentials, pronouns or decorations."""
        return squeeze(f"{self.honorific} {self.full} {self.suffix}")


@functools.cache
def _parser() -> Parser:
    from nameparser import Parser

    return Parser()


def warm_up() -> None:
    """Import and build the parser now (it is slow to import), so the first name typed does not
    wait: the wizard calls this in a thread once its steps are mounted."""
    _parser().parse("Ann Lee")


def _move_particles(middle: list[str], family: list[str]) -> None:
    """Particles left at the end of the middle name start the family name: "ten Brink"."""
    while middle and middle[-1].lower() in PARTICLES:
        family.insert(0, middle.pop())


def _iberian(given: list[str], middle: list[str], family: list[str]) -> bool:
    if given and fold(given[0]) in IBERIAN_GIVEN:
        return True
    return any(c in w for w in middle + family for c in "áíóúñãõ")


def _split_iberian(given: list[str], middle: list[str], family: list[str]) -> None:
    """A second given name stays with the first; other middle words are a first family name."""
    while middle and fold(middle[0]) in IBERIAN_GIVEN:
        given.append(middle.pop(0))
    family[:0] = middle
    middle.clear()
    # "María del Carmen López": a devotional name after "del" / "de" is still a given name.
    if len(family) >= 3 and fold(family[0]) in ("de", "del") and fold(family[1]) in DEVOTIONAL:
        given.extend(family[:2])
        del family[:2]
    elif (
        len(family) >= 4
        and fold(family[0]) == "de"
        and fold(family[1]) in ("los", "las", "la")
        and fold(family[2]) in DEVOTIONAL
    ):
        given.extend(family[:3])
        del family[:3]


def _family_first(first: str, rest: list[str]) -> str:
    folded = fold(first)
    if folded not in EAST_ASIAN_FAMILY or not rest:
        return ""
    if folded in _AMBIGUOUS_FAMILY and not any(
        "-" in w or fold(w) in EAST_ASIAN_GIVEN for w in rest
    ):
        return ""
    return first


@functools.lru_cache(maxsize=512)
def parse_name(text: str) -> PersonName:
    """Parse one display name. Never raises: what cannot be read is left out."""
    decorations = split_decorations(text)
    trailing = strip_post_nominals(decorations.name)
    core = trailing.name
    cased = [c for c in core if c.lower() != c.upper()]
    all_caps = len(cased) > 1 and all(c.isupper() for c in cased)
    all_lower = bool(cased) and all(c.islower() for c in cased)
    if not core:
        return PersonName(text, pronouns=decorations.pronouns, removed=decorations.removed)
    parsed = _parser().parse(core)
    if all_caps or all_lower:
        parsed = parsed.capitalized()
    given, middle, family = parsed.given.split(), parsed.middle.split(), parsed.family.split()
    suffixes = [trailing.suffix] if trailing.suffix else []
    credentials = [trailing.post_nominals] if trailing.post_nominals else []
    for token in parsed.suffix.replace(",", " ").split():
        (suffixes if is_generational(token) else credentials).append(token)
    _move_particles(middle, family)
    family_first = ""
    if not family and len(given) > 1:  # a bound given name alone ("Abdul Rahman")
        family = [given.pop()]
    if given and _iberian(given, middle, family):
        _split_iberian(given, middle, family)
    elif given and not parsed.title.startswith(("Mr", "Ms", "Mrs", "Mx")):
        family_first = _family_first(given[0], middle + family)
    nickname = parsed.nickname
    first_at = core.find(given[0]) if given else -1
    if nickname and (nickname.lower() in ("he", "she", "they") or len(nickname.split()) > 2):
        nickname = ""
    return PersonName(
        original=text,
        honorific=parsed.title,
        given=" ".join(given),
        middle=" ".join(middle),
        family=" ".join(family),
        suffix=" ".join(suffixes),
        post_nominals=", ".join(credentials),
        pronouns=decorations.pronouns,
        nickname=nickname,
        removed=decorations.removed,
        all_caps=all_caps,
        family_first=family_first,
        written_family_first=bool(family and given)
        and "," not in core
        and core.find(family[0]) < first_at,
        unspaced=bool(family) and bool(given) and f"{family[-1]}{given[0]}" in core,
    )


@functools.lru_cache(maxsize=512)  # the preview cleans every name on every key
def clean_name(text: str) -> str:
    """A display name fit to write into a message: no emoji, symbols, pronouns, taglines or
    credentials ("Lin Wei 🌱" -> "Lin Wei", "Priyanka Desai, PhD" -> "Priyanka Desai").

    Only takes things away, never reorders or recapitalises: a title and a generational suffix
    typed into the name stay, and so does anything that is not a decoration. Text that is
    nothing but decorations ("🦉") gives "".
    """
    if not text.strip():
        return ""
    trailing = strip_post_nominals(split_decorations(text).name)
    return squeeze(f"{trailing.name} {trailing.suffix}")


def display_name(text: str) -> str:
    """A contact's name for a list or a title: as a message would write it (`clean_name`), or,
    when that leaves nothing ("🦉") or the name holds control characters (shown in their
    visible form by the caller, so a hostile name is seen for what it is), as typed with its
    spaces squeezed."""
    from outreach_tui.core.platform.safe_text import has_unsafe

    squeezed = " ".join(text.split())
    if has_unsafe(text):
        return squeezed
    return clean_name(text) or squeezed


def same_person(one: str, other: str) -> bool:
    """Whether two display names name the same person: the same given, middle and family
    names, whatever the titles, credentials, decorations, capitals or accents around them."""
    first, second = parse_name(one).full, parse_name(other).full
    return bool(first) and fold(first).split() == fold(second).split()
