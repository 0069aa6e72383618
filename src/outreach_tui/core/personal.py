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
text), so a 2,000-character message costs a fraction of a millisecond: the coach runs this on
every key. Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache


def _words(text: str) -> tuple[str, ...]:
    """Data helper: "a, b c, d" -> ("a", "b c", "d")."""
    return tuple(" ".join(w.split()) for w in text.split(",") if w.strip())


# --- the data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TopicWords:
    """The words of one kind of personal detail (lower case, whole words)."""

    label: str
    """Short label shown to the user: "family", "home", "health"..."""
    always: tuple[str, ...] = ()
    """Phrases personal wherever they occur."""
    owned: tuple[str, ...] = ()
    """Nouns personal when they belong to a person ("her kids", "their house")."""


_KIN_COUNTS = (
    ("a", "son, daughter, baby, child, toddler"),
    ("two", "kids, children, sons, daughters, boys, girls"),
    ("three", "kids, children, sons, daughters, boys, girls"),
    ("four", "kids, children, sons, daughters"),
    ("young", "kids, children"),
)
_LOOKS = _words("great, lovely, amazing, beautiful, young, younger, fit, stunning, tired, well")

TOPICS: tuple[TopicWords, ...] = (
    TopicWords(
        "family",
        always=_words(
            """private life, personal life, family life, family holiday, family vacation,
            family trip, family reunion, with family, with her family, with his family,
            with their family, in-laws, grandparents"""
        ),
        owned=_words(
            """family, families, mother, father, mom, mum, dad, parents, sister, sisters,
            brother, brothers, siblings, grandmother, grandfather, grandma, grandpa, relatives,
            birthday, birthdays"""
        ),
    ),
    TopicWords(
        "children",
        always=(
            *_words(
                """grandchildren, grandkids, grandchild, newborn, maternity leave,
                paternity leave, parental leave, school run, soccer mom"""
            ),
            *(
                f"{parent} of {count}"
                for parent in _words("mother, father, mom, mum, dad, parent")
                for count in _words("two, three, four, five, twins")
            ),
            *(
                f"{verb} {count}{age} {kin}"
                for verb in ("has", "have", "with")
                for count, kins in _KIN_COUNTS
                for age in ("", " young", " little")
                for kin in _words(kins)
            ),
        ),
        owned=_words(
            """children, child, kids, kid, son, sons, daughter, daughters, baby, babies,
            toddler, toddlers, twins, teenagers, teens, stepson, stepdaughter"""
        ),
    ),
    TopicWords(
        "partner",
        always=_words(
            """husband, husbands, wife, wives, spouse, boyfriend, girlfriend, fiancé, fiancée,
            fiance, fiancee, married to, divorce, divorced, her ex, his ex, their ex, your ex,
            dating profile, dating app, love life, relationship status"""
        ),
        owned=_words("partner, marriage"),
    ),
    TopicWords(
        "wedding",
        always=_words(
            """wedding, weddings, honeymoon, got married, getting married, just married,
            newlywed, newlyweds, got engaged, engagement ring, engagement party, bridal"""
        ),
    ),
    TopicWords(
        "home",
        always=_words(
            """home address, postal address, street address, private address, personal address,
            her address, his address, their address, house number, where she lives,
            where he lives, where they live, where you live, property site, property sites,
            property listing, property website, real estate listing, real-estate listing,
            estate agent, zillow, rightmove, zoopla, redfin, realtor.com, street view,
            bought a house, bought a flat, bought a home, moved house, new house, house-hunting,
            house hunting, house price, land registry, electoral roll"""
        ),
        owned=_words(
            """home, homes, house, flat, apartment, condo, mortgage, street, garden, backyard,
            yard, driveway, kitchen, neighbourhood, neighborhood, neighbours, neighbors,
            property, front door, doorstep, car, holiday home, cottage"""
        ),
    ),
    TopicWords(
        "social media",
        always=_words(
            """instagram, insta, facebook, tiktok, tik tok, snapchat, whatsapp, tinder, bumble,
            pinterest, onlyfans, strava, private account, private profile, personal account,
            personal profile, personal page"""
        ),
    ),
    TopicWords(
        "photos",
        always=(
            *_words(
                """selfie, selfies, beach photos, vacation photos, holiday photos, wedding photos,
                family photos, family pictures, baby photos, baby pictures, party photos,
                dog photos, cat photos, profile picture, profile photo"""
            ),
            *(
                f"{photo} of {whom}"
                for photo in _words("photo, photos, picture, pictures, pics")
                for whom in _words("her, him, them, you, your, their, his")
            ),
        ),
        owned=_words("photos, photo, pictures, picture, pics, snaps, selfies"),
    ),
    TopicWords(
        "pets",
        always=_words("puppy, kitten"),
        owned=_words("dog, dogs, cat, cats, pet, pets, horse, horses"),
    ),
    TopicWords(
        "health",
        always=_words(
            """diagnosed, chemo, chemotherapy, miscarriage, pregnant, sick leave, medical leave,
            in hospital, in the hospital, hospitalised, hospitalized, recovering from surgery,
            recovering from cancer, recovering from an illness, cancer survivor,
            battle with cancer, fight with cancer, rehab, lost weight, weight loss,
            mental illness, anxiety disorder, burnout leave"""
        ),
        owned=_words(
            """health, mental health, illness, diagnosis, surgery, cancer, condition, recovery,
            disability, therapist, therapy, medication, injury, accident, doctor, pregnancy,
            weight"""
        ),
    ),
    TopicWords(
        "religion",
        always=_words(
            """religious, prays, praying, bible study, goes to church, go to church, at church,
            at mass, at the mosque, at synagogue, at the synagogue, worship, ramadan, atheist,
            born again"""
        ),
        owned=_words(
            """church, mosque, synagogue, temple, faith, religion, pastor, parish, prayers,
            congregation"""
        ),
    ),
    TopicWords(
        "politics",
        always=_words(
            """political views, political opinions, political beliefs, political leanings,
            political affiliation, political party, voted for, votes for, voting for,
            voted against, democrat, democrats, republican, republicans, tory, tories,
            labour voter, campaigned for, party member, left-wing, right-wing"""
        ),
        owned=_words("politics, vote, votes, voting, party"),
    ),
    TopicWords(
        "holidays",
        always=_words(
            """on holiday, on vacation, holiday photos, vacation photos, holiday pictures,
            vacation pictures, travel photos,
            ski trip, road trip, spring break, cruise, at the beach, on the beach,
            beach holiday, day off, days off"""
        ),
        owned=_words(
            """holiday, holidays, vacation, vacations, weekend, weekends, hobby, hobbies, gym,
            workouts, marathon, yacht, boat"""
        ),
    ),
    TopicWords(
        "appearance",
        always=(
            *_words(
                """gorgeous, handsome, sexy, good-looking, good looking, attractive,
                beautiful smile, beautiful eyes, beautiful hair, lovely smile, great smile"""
            ),
            *(
                f"{who} {verb} {how}"
                for who, verb in (("you", "look"), ("she", "looks"), ("he", "looks"))
                for how in _LOOKS
            ),
            *(f"they look {how}" for how in _LOOKS),
        ),
        owned=_words(
            """looks, appearance, hair, haircut, outfit, outfits, smile, beard, figure, body,
            tattoo, tattoos, dress, shoes, glasses, face, legs"""
        ),
    ),
)
"""Every kind of personal detail, in the order `personal_topics` reports them."""

POSSESSIVES: frozenset[str] = frozenset(_words("your, their, his, her"))
"""Words that make an owned noun someone's. A capitalised name with 's counts too."""

FILLERS: frozenset[str] = frozenset(
    _words(
        """new, old, little, lovely, beautiful, cute, young, adorable, two, three, four, five,
        several, first, second, own, big, small, grown, adult, teenage, elderly, late, future,
        newborn, baby, recent, latest, last, favourite, favorite, summer, winter, christmas,
        family, wedding, holiday, vacation, beach, personal, private, lake, country, dream,
        sick, ailing, beloved, dear, instagram, facebook, home, dog, cat"""
    )
)
"""Small words allowed between a possessive and an owned noun ("her two young kids")."""

PROFESSIONAL_FOLLOWERS: tuple[str, ...] = _words(
    """librar, servic, section, department, program, literature, book, collection, room, area,
    hospital, literacy, history, team, office, page, institution, organi, school, agenc,
    network, site, universit, college, compan, firm, group, faculty, polic, research, stud,
    scien, law, practice, medicine, information, outcome, equity, system, technolog, board,
    committee, project, council, campus, base, country, state, town, city, region, record,
    data, archive, catalog, portal, platform, metadata, analys, strateg, framework, rights,
    dog, partner"""
)
"""Word beginnings that, right after an owned noun, make it professional ("their partner
libraries", "her home institution", "his family history research")."""

PROFESSIONAL_PHRASES: tuple[str, ...] = _words(
    """family literacy, family history, family historian, family historians, family histories,
    family services, family programs, family programmes, family programming, family engagement,
    family learning, family storytime, family story time, family law, family medicine,
    family practice, family therapy, family support, family-friendly,
    children's librarian, children's librarians, children's library, children's libraries,
    children's services, children's department, children's room, children's books,
    children's literature, children's programming, children's programs, children's programmes,
    children's hospital, children's health, children's rights, child development, child care,
    childcare, child welfare, early childhood, mental health services, mental health first aid,
    public health, health sciences, health science, health information, health literacy,
    health care, healthcare, health policy, health records, religious studies,
    religious archives, political science, political history, home page, homepage,
    home institution, home library, home office, work from home, working from home,
    house style, in-house, open house, publishing house, clearing house, house of commons,
    house of lords, house of representatives, wedding planner, holiday opening hours,
    holiday hours, photo archive, photo archives, photo collection, photograph collection,
    photo conservation, photo digitisation, photo digitization, partner libraries,
    partner organisations, partner organizations, partner institutions, business partner,
    managing partner, senior partner, facebook group for, body of work"""
)
"""Professional phrases masked before looking, whoever writes them ("a family literacy
programme", "the children's librarian")."""

_ORGANISATION_WORDS = _words(
    """library, libraries, museum, archive, archives, school, university, college, team,
    department, branch, organisation, organization, association, society, company, council,
    network, project, charity, hospital, clinic, firm, group"""
)
PROFESSIONAL_PHRASES += tuple(
    f"{owner}{s} {network}"
    for owner in _ORGANISATION_WORDS
    for s in ("'s", "")
    for network in _words("instagram, facebook, tiktok, pinterest, whatsapp")
)
"""An organisation's own account on a social network is professional: "the library's Instagram"."""

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

    __slots__ = ("bases", "masked", "text", "texts")

    def __init__(self, text: str) -> None:
        self.text = text.translate(_APOSTROPHES)
        self.texts: list[str] = _TOKEN.findall(self.text.lower())
        self.bases: list[str] = (
            [w[:-2] if w.endswith("'s") else w for w in self.texts]
            if "'s" in self.text
            else self.texts
        )
        self.masked: list[bool] = [False] * len(self.texts)
        if "¤" in self.text:
            self.masked = [w == "¤" for w in self.texts]

    @property
    def raw(self) -> list[str]:
        """The words as written (case kept), for "Alex's"."""
        return _TOKEN.findall(self.text)

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
    _words(
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
