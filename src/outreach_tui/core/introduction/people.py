"""The people a LinkedIn import lists at the contact's organisation, as plain data for the
choice of introducer (core/introduction/choice.py). The one module of the warm path that reads
core.linkedin; core.linkedin never reads it back.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

from dataclasses import replace

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
from outreach_tui.core.names.model import clean_name, same_person

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

    Raises ValueError(NO_INTRODUCER) when no one could introduce the user, and ValueError
    (one line) when the introducer named is the contact themselves.
    """
    found = introducers(answers, data)
    if name is not None and name.strip():
        typed = " ".join(name.split())
        _not_the_contact(answers, typed)
        return with_introducer(answers, find(found, typed) or Candidate(typed, ""))
    if answers.introduction.introducer.strip():
        _not_the_contact(answers, answers.introduction.introducer)
        match = chosen(answers, found)
        return answers if match is None else with_introducer(answers, match)
    best = strongest(found)
    if best is None:
        raise ValueError(NO_INTRODUCER)
    return with_introducer(answers, best)


def without_the_contact(answers: Answers) -> Answers:
    """The answers, their introducer left out when it names the contact themselves (an
    answers file written by hand): the wizard then offers the strongest candidate."""
    introducer = answers.introduction.introducer
    if not introducer.strip() or not same_person(introducer, answers.contact.name):
        return answers
    return replace(answers, introduction=replace(answers.introduction, introducer=""))


def _not_the_contact(answers: Answers, name: str) -> None:
    """Raises ValueError when `name` is the contact (any case, title or decoration)."""
    contact = answers.contact.name
    if contact.strip() and same_person(name, contact):
        shown = clean_name(contact) or " ".join(contact.split())
        raise ValueError(
            f"{shown} is the person you want to meet, not someone to introduce you: "
            "name a shared connection or a colleague of theirs"
        )
