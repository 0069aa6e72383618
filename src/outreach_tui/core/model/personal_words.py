"""The word lists of `core.model.personal`: what counts as a personal detail, as data.

Each kind of personal detail (`TOPICS`) has phrases personal wherever they occur (``always``)
and nouns personal when they belong to a person (``owned``: "her kids", "their house"). The
other lists say what makes a noun someone's (`POSSESSIVES`, `FILLERS`) and what keeps a phrase
professional (`PROFESSIONAL_FOLLOWERS`, `PROFESSIONAL_PHRASES`). All lower case, whole words.
"""

from __future__ import annotations

from dataclasses import dataclass


def words_of(text: str) -> tuple[str, ...]:
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
_LOOKS = words_of("great, lovely, amazing, beautiful, young, younger, fit, stunning, tired, well")

TOPICS: tuple[TopicWords, ...] = (
    TopicWords(
        "family",
        always=words_of(
            """private life, personal life, family life, family holiday, family vacation,
            family trip, family reunion, with family, with her family, with his family,
            with their family, in-laws, grandparents"""
        ),
        owned=words_of(
            """family, families, mother, father, mom, mum, dad, parents, sister, sisters,
            brother, brothers, siblings, grandmother, grandfather, grandma, grandpa, relatives,
            birthday, birthdays"""
        ),
    ),
    TopicWords(
        "children",
        always=(
            *words_of(
                """grandchildren, grandkids, grandchild, newborn, maternity leave,
                paternity leave, parental leave, school run, soccer mom"""
            ),
            *(
                f"{parent} of {count}"
                for parent in words_of("mother, father, mom, mum, dad, parent")
                for count in words_of("two, three, four, five, twins")
            ),
            *(
                f"{verb} {count}{age} {kin}"
                for verb in ("has", "have", "with")
                for count, kins in _KIN_COUNTS
                for age in ("", " young", " little")
                for kin in words_of(kins)
            ),
        ),
        owned=words_of(
            """children, child, kids, kid, son, sons, daughter, daughters, baby, babies,
            toddler, toddlers, twins, teenagers, teens, stepson, stepdaughter"""
        ),
    ),
    TopicWords(
        "partner",
        always=words_of(
            """husband, husbands, wife, wives, spouse, boyfriend, girlfriend, fiancé, fiancée,
            fiance, fiancee, married to, divorce, divorced, her ex, his ex, their ex, your ex,
            dating profile, dating app, love life, relationship status"""
        ),
        owned=words_of("partner, marriage"),
    ),
    TopicWords(
        "wedding",
        always=words_of(
            """wedding, weddings, honeymoon, got married, getting married, just married,
            newlywed, newlyweds, got engaged, engagement ring, engagement party, bridal"""
        ),
    ),
    TopicWords(
        "home",
        always=words_of(
            """home address, postal address, street address, private address, personal address,
            her address, his address, their address, house number, where she lives,
            where he lives, where they live, where you live, property site, property sites,
            property listing, property website, real estate listing, real-estate listing,
            estate agent, zillow, rightmove, zoopla, redfin, realtor.com, street view,
            bought a house, bought a flat, bought a home, moved house, new house, house-hunting,
            house hunting, house price, land registry, electoral roll"""
        ),
        owned=words_of(
            """home, homes, house, flat, apartment, condo, mortgage, street, garden, backyard,
            yard, driveway, kitchen, neighbourhood, neighborhood, neighbours, neighbors,
            property, front door, doorstep, car, holiday home, cottage"""
        ),
    ),
    TopicWords(
        "social media",
        always=words_of(
            """instagram, insta, facebook, tiktok, tik tok, snapchat, whatsapp, tinder, bumble,
            pinterest, onlyfans, strava, private account, private profile, personal account,
            personal profile, personal page"""
        ),
    ),
    TopicWords(
        "photos",
        always=(
            *words_of(
                """selfie, selfies, beach photos, vacation photos, holiday photos, wedding photos,
                family photos, family pictures, baby photos, baby pictures, party photos,
                dog photos, cat photos, profile picture, profile photo"""
            ),
            *(
                f"{photo} of {whom}"
                for photo in words_of("photo, photos, picture, pictures, pics")
                for whom in words_of("her, him, them, you, your, their, his")
            ),
        ),
        owned=words_of("photos, photo, pictures, picture, pics, snaps, selfies"),
    ),
    TopicWords(
        "pets",
        always=words_of("puppy, kitten"),
        owned=words_of("dog, dogs, cat, cats, pet, pets, horse, horses"),
    ),
    TopicWords(
        "health",
        always=words_of(
            """diagnosed, chemo, chemotherapy, miscarriage, pregnant, sick leave, medical leave,
            in hospital, in the hospital, hospitalised, hospitalized, recovering from surgery,
            recovering from cancer, recovering from an illness, cancer survivor,
            battle with cancer, fight with cancer, rehab, lost weight, weight loss,
            mental illness, anxiety disorder, burnout leave"""
        ),
        owned=words_of(
            """health, mental health, illness, diagnosis, surgery, cancer, condition, recovery,
            disability, therapist, therapy, medication, injury, accident, doctor, pregnancy,
            weight"""
        ),
    ),
    TopicWords(
        "religion",
        always=words_of(
            """religious, prays, praying, bible study, goes to church, go to church, at church,
            at mass, at the mosque, at synagogue, at the synagogue, worship, ramadan, atheist,
            born again"""
        ),
        owned=words_of(
            """church, mosque, synagogue, temple, faith, religion, pastor, parish, prayers,
            congregation"""
        ),
    ),
    TopicWords(
        "politics",
        always=words_of(
            """political views, political opinions, political beliefs, political leanings,
            political affiliation, political party, voted for, votes for, voting for,
            voted against, democrat, democrats, republican, republicans, tory, tories,
            labour voter, campaigned for, party member, left-wing, right-wing"""
        ),
        owned=words_of("politics, vote, votes, voting, party"),
    ),
    TopicWords(
        "holidays",
        always=words_of(
            """on holiday, on vacation, holiday photos, vacation photos, holiday pictures,
            vacation pictures, travel photos,
            ski trip, road trip, spring break, cruise, at the beach, on the beach,
            beach holiday, day off, days off"""
        ),
        owned=words_of(
            """holiday, holidays, vacation, vacations, weekend, weekends, hobby, hobbies, gym,
            workouts, marathon, yacht, boat"""
        ),
    ),
    TopicWords(
        "appearance",
        always=(
            *words_of(
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
        owned=words_of(
            """looks, appearance, hair, haircut, outfit, outfits, smile, beard, figure, body,
            tattoo, tattoos, dress, shoes, glasses, face, legs"""
        ),
    ),
)
"""Every kind of personal detail, in the order `personal_topics` reports them."""

POSSESSIVES: frozenset[str] = frozenset(words_of("your, their, his, her"))
"""Words that make an owned noun someone's. A capitalised name with 's counts too."""

FILLERS: frozenset[str] = frozenset(
    words_of(
        """new, old, little, lovely, beautiful, cute, young, adorable, two, three, four, five,
        several, first, second, own, big, small, grown, adult, teenage, elderly, late, future,
        newborn, baby, recent, latest, last, favourite, favorite, summer, winter, christmas,
        family, wedding, holiday, vacation, beach, personal, private, lake, country, dream,
        sick, ailing, beloved, dear, instagram, facebook, home, dog, cat"""
    )
)
"""Small words allowed between a possessive and an owned noun ("her two young kids")."""

PROFESSIONAL_FOLLOWERS: tuple[str, ...] = words_of(
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

PROFESSIONAL_PHRASES: tuple[str, ...] = words_of(
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

_ORGANISATION_WORDS = words_of(
    """library, libraries, museum, archive, archives, school, university, college, team,
    department, branch, organisation, organization, association, society, company, council,
    network, project, charity, hospital, clinic, firm, group"""
)
PROFESSIONAL_PHRASES += tuple(
    f"{owner}{s} {network}"
    for owner in _ORGANISATION_WORDS
    for s in ("'s", "")
    for network in words_of("instagram, facebook, tiktok, pinterest, whatsapp")
)
"""An organisation's own account on a social network is professional: "the library's Instagram"."""
