"""The name in the greeting: from the parse, or as the user set it, and the doubts about it.

Three inputs everywhere: the contact's display name as typed, the form of address chosen
(``Ms.``, ``Mr.``, ``Mx.``, ``Dr.``, ``first-name``, ``none`` or ``""``) and the user's own
"Name in the greeting" (``""``: use the parse).

- `salutation` is what follows "Dear": ``Dr. van der Berg``, ``María José``,
  ``Willem van der Berg``; "" when there is no name to greet by.
- `suggested_name` is the parse's name for the form of address, shown as the suggestion in the
  "Name in the greeting" field.
- `greeting_doubts` says, in a sentence each, why the parse may have it wrong.

The user's name in the greeting wins. Without a title of its own (``Wang``) it follows the
chosen title (``Ms. Wang``); with one (``Prof. Wang``) it is used exactly as typed, so a title is
never doubled.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from dataclasses import replace

from outreach_tui.core.model.answers import FIRST_NAME_ONLY, HONORIFICS, Answers
from outreach_tui.core.names.clean import is_credential, squeeze, word_set
from outreach_tui.core.names.model import PersonName, clean_name, parse_name
from outreach_tui.core.platform.textfold import fold

FIELD = "Name in the greeting"
"""The field's label, as the doubts name it."""

_TITLE_WORDS = word_set(
    "ms mr mrs mx dr prof professor miss sir dame rev fr lord lady madam mme mlle herr frau "
    "sr sra srta dra don dona mevrouw mevr meneer dhr madame monsieur signora signore sig "
    "señor señora senhor senhora pani pan fru"
)
_PATRONYMIC = frozenset({"bin", "binti", "bint", "ibn"})
_ODD = re.compile(r"[^\w\s.'’\-]|\d")


def _starts_with_title(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return fold(first).rstrip(".") in _TITLE_WORDS


def _without_title(text: str) -> str:
    words = text.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def _name_for(person: PersonName, honorific: str) -> str:
    if honorific in HONORIFICS:
        return person.family or person.given
    if honorific == FIRST_NAME_ONLY:
        return person.known_as or person.family
    return person.full


def suggested_name(name: str, honorific: str) -> str:
    """The parse's name for this form of address, without the title: ``van der Berg`` for
    Ms./Mr./Mx./Dr., ``María José`` for first name only, ``Willem van der Berg`` for the full
    name. "" when the text holds no name."""
    return _name_for(parse_name(name), honorific) if name.strip() else ""


def _chosen(greeting_name: str) -> str:
    """The user's name in the greeting, cleaned as every name written into a message is: no
    emoji, symbols, pronouns or letters after the name ("Lin 🌱 (she/her), PhD" -> "Lin"); a
    title typed into it stays ("Prof. Wang")."""
    return squeeze(clean_name(greeting_name)) if greeting_name.strip() else ""


def salutation(name: str, honorific: str, greeting_name: str = "") -> str:
    """What follows "Dear": the user's name in the greeting if set, else the parse's.

    ``salutation("Dr. Willem van der Berg", "Dr.")`` -> ``"Dr. van der Berg"``;
    ``salutation("Wang Fang", "Ms.", "Wang")`` -> ``"Ms. Wang"``.
    """
    chosen = _chosen(greeting_name)
    if chosen:
        if honorific in HONORIFICS and not _starts_with_title(chosen):
            return f"{honorific} {chosen}"
        return chosen
    part = suggested_name(name, honorific)
    if not part:
        return ""
    return f"{honorific} {part}" if honorific in HONORIFICS else part


def greeting_line(name: str, honorific: str, greeting_name: str = "") -> str:
    """The greeting as a message opens: ``Dear Dr. van der Berg,`` (``Hello,`` with no name)."""
    who = salutation(name, honorific, greeting_name)
    return f"Dear {who}," if who else "Hello,"


def first_name(name: str, honorific: str = "", greeting_name: str = "") -> str:
    """The first name they go by; the user's name in the greeting when they greet by it."""
    chosen = _chosen(greeting_name)
    if chosen and honorific == FIRST_NAME_ONLY:
        return chosen
    return parse_name(name).known_as if name.strip() else ""


def family_name(name: str, honorific: str = "", greeting_name: str = "") -> str:
    """The family name (particles kept); the user's name in the greeting when a title is
    chosen and they set it."""
    chosen = _chosen(greeting_name)
    if chosen and honorific in HONORIFICS:
        return _without_title(chosen)
    if not name.strip():
        return ""
    person = parse_name(name)
    return person.family or person.given


def greeting_doubts(name: str, honorific: str, greeting_name: str = "") -> list[str]:
    """Why the greeting may be wrong, one sentence each, with what to do; [] when it looks
    right, and always [] once the user set a name in the greeting that is part of the name.
    """
    if not name.strip():
        return []
    person = parse_name(name)
    chosen = _chosen(greeting_name)
    if chosen:
        said = {fold(w).strip(".,") for w in _without_title(chosen).split()}
        known = {fold(w).strip(".,") for w in re.split(r"[\s\-]+", name) if w}
        known |= {fold(w) for w in person.full.replace("-", " ").split()}
        if said and not said & known:
            return [
                f"“{chosen}” is not part of their name as typed ({person.full or name.strip()}):"
                " check it is the name they use."
            ]
        return []
    part = _name_for(person, honorific)
    if not part:
        return []
    doubts: list[str] = []
    if person.family_first:
        given = person.known_as if person.family_first != person.known_as else ""
        rest = [w for w in person.full.split() if w != person.family_first]
        use = person.family_first if honorific in HONORIFICS else (rest[-1] if rest else given)
        doubts.append(
            f"“{person.family_first}” may be their family name, written first: if so, type "
            f"“{use}” in {FIELD}."
        )
    if honorific in HONORIFICS and person.words == 1:
        doubts.append(
            f"Only one name, “{part}”: if it is not their family name, type the name to greet "
            f"them by in {FIELD}."
        )
    if person.all_caps or any(len(w) > 2 and w.isupper() and w.isalpha() for w in part.split()):
        doubts.append(
            f"Their name is typed in capitals: check “{part}” is spelt as they write it, "
            f"or correct it in {FIELD}."
        )
    leftover = [w for w in part.split() if _ODD.search(w) or is_credential(w)]
    if leftover:
        doubts.append(
            f"“{' '.join(leftover)}” may not be part of their name: correct the greeting in "
            f"{FIELD}."
        )
    if honorific in HONORIFICS and fold(part.split()[0]) in _PATRONYMIC:
        doubts.append(
            f"“{part}” names their father: many people with such a name are greeted by their "
            f"own, “{honorific} {person.given}”; confirm it in {FIELD}."
        )
    if honorific == FIRST_NAME_ONLY and len(part.rstrip(".")) == 1 and part[0].isascii():
        doubts.append(f"“{part}” is only an initial: type their first name in {FIELD}.")
    typed_title = fold(person.honorific).replace(".", "").split()
    if honorific in ("Ms.", "Mr.", "Mx.") and {"dr", "prof", "professor"} & set(typed_title):
        doubts.append(
            f"Their name carries the title “{person.honorific}”: you may want to greet them "
            "with it (Dr.)."
        )
    return doubts


def message_names(answers: Answers, *, sender: bool = True) -> dict[str, str]:
    """The names a template sees, worked out from the answers (README, "Template variables"):
    ``salutation``, ``first_name``, ``surname`` and ``sender_first_name``.

    With `sender` False, ``sender_first_name`` is "" without parsing the sender's name: for a
    template that never reads it, while the user types their own name (a parse on every key)."""
    contact = answers.contact
    args = (contact.name, contact.honorific, contact.greeting_name)
    wanted = sender and answers.sender.name.strip()
    return {
        "salutation": salutation(*args),
        "first_name": first_name(*args),
        "surname": family_name(*args),
        "sender_first_name": parse_name(answers.sender.name).known_as if wanted else "",
    }


def answers_for_message(answers: Answers) -> Answers:
    """The answers with every person's name cleaned of decorations (emoji, symbols, pronouns,
    credentials, taglines) before it is written into a message: the contact, the shared
    connections and the sender. A shallow copy: the answers given are not changed."""
    sender = replace(answers.sender, name=clean_name(answers.sender.name))
    contact = replace(answers.contact, name=clean_name(answers.contact.name))
    research = replace(
        answers.research,
        shared_connections=[clean_name(n) for n in answers.research.shared_connections],
    )
    return replace(answers, sender=sender, contact=contact, research=research)
