"""The people a LinkedIn import lists at the contact's organisation, as plain data for the
choice of introducer (core/introduction/choice.py). The one module of the warm path that reads
core.linkedin; core.linkedin never reads it back.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from outreach_tui.core.introduction.choice import (
    NO_INTRODUCER,
    Candidate,
    KnownPerson,
    candidates,
    chosen,
    find,
    strongest,
    with_introducer,
)
from outreach_tui.core.linkedin.lookups import LinkedInData
from outreach_tui.core.model.answers import Answers

MIN_SCORE = 0.90
"""How close a company name must match the organisation (0-1) to count as working there: the
same name once case, accents, punctuation, legal suffixes and abbreviations are set aside
(orgmatch's tiers 1-4). A name with a word more or fewer ("Westerly Library" for "Westerly
Public Library", tier 5) is a near miss, never "works there"."""
MAX_PEOPLE = 50


def people_at(data: LinkedInData | None, organization: str) -> list[KnownPerson]:
    """The import's connections whose company matches `organization` well, as `KnownPerson`
    values (any order; the choice sorts them). [] without an import or an organisation."""
    if data is None or not organization.strip():
        return []
    return [
        KnownPerson(
            match.connection.name,
            match.connection.company,
            match.connection.position,
            match.connection.connected_on,
            match.connection.first_name,
        )
        for match in data.people_at(organization, limit=MAX_PEOPLE)
        if match.score >= MIN_SCORE
    ]


def introducers(answers: Answers, data: LinkedInData | None) -> list[Candidate]:
    """Everyone who could introduce the user to the contact, strongest first: the shared
    connections typed, then the import's people at the organisation (see `candidates`)."""
    return candidates(answers, people_at(data, answers.contact.organization))


def choose_introducer(
    answers: Answers, data: LinkedInData | None, name: str | None = None
) -> Answers:
    """The answers with an introducer: `name` when given (the candidate of that name, with what
    the import says of them; else the name as typed, its link unknown), else the one the
    answers already name, else the strongest candidate.

    Raises ValueError(NO_INTRODUCER) when no one could introduce the user.
    """
    found = introducers(answers, data)
    if name is not None and name.strip():
        typed = " ".join(name.split())
        return with_introducer(answers, find(found, typed) or Candidate(typed, ""))
    if answers.introduction.introducer.strip():
        match = chosen(answers, found)
        return answers if match is None else with_introducer(answers, match)
    best = strongest(found)
    if best is None:
        raise ValueError(NO_INTRODUCER)
    return with_introducer(answers, best)
