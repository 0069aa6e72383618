"""What the `introduction` channel's templates see, on top of the message context: the person
the user knows (the introducer), how to greet them, and what the answers say of their link to
the contact, never more.

- ``introducer.name``: their name as written into a message ("Samir Patel");
- ``introducer.greeting``: "Samir" (their given name; "Chen Jing" in full when the first word
  may be a family name), or the user's own "Name in the greeting" for them
  (``introduction.greeting_name``, which an import fills from its First Name column), used as
  typed;
- ``introducer.formal``: True when that greeting carries a title ("Dr. Shah"): "Dear", not "Hi";
- ``introducer.shared``: the user typed them as a shared connection with the contact, so
  LinkedIn shows them connected;
- ``introducer.works_at``: where the LinkedIn import says they work ("" when it does not say),
  ``introducer.position`` their position there; ``introducer.works_where``: "there" when that is
  the contact's organisation (named just before it), else "at" and its name;
- ``contact_name``: the contact's name as written into a message ("Alex Morgan").

The forwardable note is its own template (``introduction-note.txt.j2``), included by the body
between two lines of ``---`` (`NOTE_MARK`), so the coach and the UI can find it in the text.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from typing import Any

from outreach_tui.core.model.answers import FIRST_NAME_ONLY, Answers

NOTE_MARK = "---"
"""The line before and after the forwardable note in an introduction request."""
_MARK_LINE = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)

NO_INTRODUCER_NAMED = "introduction.introducer holds no name (only symbols or emoji)"

_TITLE = re.compile(
    r"^(?:dr|prof|professor|mr|mrs|ms|mx|miss|sir|dame|rev|lord|lady)\.?\s", re.IGNORECASE
)


def in_text(name: str) -> str:
    """A person's name as a sentence names them: cleaned of decorations and credentials, and
    with the nickname they go by in place of the given name (``Robert "Bob" Smith`` ->
    ``Bob Smith``); "" when nothing of a name is left."""
    from outreach_tui.core import names

    cleaned = names.clean_name(name)
    if not cleaned:
        return ""
    person = names.parse_name(cleaned)
    if person.nickname and person.family:
        from outreach_tui.core.names.clean import squeeze

        return squeeze(f"{person.honorific} {person.nickname} {person.family} {person.suffix}")
    return cleaned


def default_greeting(name: str) -> str:
    """The name an introducer is greeted by when the user set none: their given name (or
    nickname) as core/names parses it; their whole name as a sentence names them when the first
    word may be a family name written first ("Chen Jing": "Chen" could be either, so "Chen
    Jing", never a guess); "" for no name."""
    from outreach_tui.core import names

    if not name.strip():
        return ""
    if names.parse_name(names.clean_name(name) or name).family_first:
        return in_text(name)
    return names.salutation(name, FIRST_NAME_ONLY)


def introducer_greeting(answers: Answers) -> str:
    """The name the introducer is greeted by: the user's own greeting name for them when set
    (as typed, cleaned of decorations), else `default_greeting`; "" when there is no
    introducer."""
    from outreach_tui.core import names

    intro = answers.introduction
    if intro.greeting_name.strip():
        return names.salutation(intro.introducer, FIRST_NAME_ONLY, intro.greeting_name)
    return default_greeting(intro.introducer)


def is_shared(answers: Answers) -> bool:
    """True when the introducer is one of the shared connections the user typed."""
    from outreach_tui.core import names

    name = answers.introduction.introducer
    return bool(name.strip()) and any(
        names.same_person(name, typed) for typed in answers.research.shared_connections
    )


def introduction_context(answers: Answers) -> dict[str, Any]:
    """The variables the introduction templates add (see the module's docstring).

    Without an introducer chosen, the strongest the answers allow is used (the first shared
    connection typed). Raises ValueError (`NO_INTRODUCER` from core/introduction/choice.py)
    when there is none.
    """
    from outreach_tui.core import names
    from outreach_tui.core.message.wording import name_in_sentence, with_article

    answers = with_default_introducer(answers)
    intro = answers.introduction
    name = in_text(intro.introducer)
    if not name:
        raise ValueError(NO_INTRODUCER_NAMED)
    greeting = introducer_greeting(answers) or name
    works_at = " ".join(intro.organization.split()).rstrip(" ,;:")
    position = " ".join(intro.position.split()).rstrip(" .,;:")
    return {
        "introducer": {
            "name": name,
            "greeting": greeting,
            "formal": bool(_TITLE.match(greeting + " ")),
            "shared": is_shared(answers),
            "works_at": name_in_sentence(works_at),
            "works_where": _works_where(works_at, answers.contact.organization),
            "position": position,
            "position_as": with_article(position),
            "introduced": intro.introduced,
        },
        "contact_name": names.clean_name(answers.contact.name),
    }


def _works_where(works_at: str, organization: str) -> str:
    """Where the introducer works, as the request's reason says it: "there" when it is the
    contact's organisation, named just before; else "at" and its name; "" when unknown."""
    from outreach_tui.core.message.wording import name_in_sentence
    from outreach_tui.core.platform.textfold import fold

    if not works_at:
        return ""
    if fold(" ".join(organization.split()).rstrip(" ,;:")) == fold(works_at):
        return "there"
    return f"at {name_in_sentence(works_at)}"


def with_default_introducer(answers: Answers) -> Answers:
    """The answers as given when they name an introducer; else with the strongest candidate
    the answers alone allow (a shared connection typed). Raises ValueError(NO_INTRODUCER) when
    there is none."""
    if answers.introduction.introducer.strip():
        return answers
    from outreach_tui.core.introduction.choice import (
        NO_INTRODUCER,
        candidates,
        strongest,
        with_introducer,
    )

    best = strongest(candidates(answers))
    if best is None:
        raise ValueError(NO_INTRODUCER)
    return with_introducer(answers, best)


def split_note(text: str) -> tuple[str, str, str] | None:
    """An introduction request cut at its forwardable note: (before, note, after), the note
    without its `NOTE_MARK` lines and stripped; None when the text holds no marked note."""
    marks = list(_MARK_LINE.finditer(text))
    if len(marks) < 2:
        return None
    first, second = marks[0], marks[1]
    return text[: first.start()], text[first.end() : second.start()].strip(), text[second.end() :]
