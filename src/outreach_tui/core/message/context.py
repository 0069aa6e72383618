"""The template context: what a template sees, built from the answers.

Answers are passed to templates as values and never compiled. An item about the person's
private life (core/model/personal.py) is never a hook and never written into a message.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from typing import Any

from outreach_tui.core.message.channels import CHANNELS, NOTE_CHANNEL
from outreach_tui.core.model.answers import Answers, answers_to_dict

# core/names and core/message/wording are imported where they are used: the first screen is
# drawn without them (start-up budget, benchmarks/README.md).


def salutation_name(answers: Answers) -> str:
    """How the person is addressed: "Ms. Morgan", "Alex", or "Alex Morgan"; the user's "Name
    in the greeting" when set. Names are parsed with care: see core/names."""
    from outreach_tui.core import names

    c = answers.contact
    return names.salutation(c.name, c.honorific, c.greeting_name)


def phrase(text: str) -> str:
    """An answer as a phrase to set inside a sentence: spaces squeezed, and no final full stop,
    comma, colon or question mark (the template adds its own), so "your post on weeding." never
    gives "..", nor "Archivist." gives "Archivist. involves".
    """
    return " ".join(text.split()).rstrip(" .,;:!?")


def _phrases(items: Sequence[str]) -> list[str]:
    return [p for p in (phrase(i) for i in items) if p]


def _professional(items: Sequence[str], answers: Answers, *, with_groups: bool) -> list[str]:
    """The items as phrases, leaving out any about the person's private life
    (core/model/personal.py): such an item is never a hook and never written into a message.
    The contact's name, title and organisation, the shared connections' names and (for items
    other than groups themselves) the groups are professional names, masked before looking."""
    c = answers.contact
    innocent = [c.name, c.title, c.organization, *answers.research.shared_connections]
    if with_groups:
        innocent += answers.research.groups
    return list(_not_personal(tuple(_phrases(items)), tuple(i for i in innocent if i.strip())))


@functools.lru_cache(maxsize=256)
def _not_personal(items: tuple[str, ...], innocent: tuple[str, ...]) -> tuple[str, ...]:
    # Cached: the preview renders on every key, and most keys change neither.
    from outreach_tui.core.model.personal import is_personal

    return tuple(p for p in items if not is_personal(p, innocent))


def strongest_hook(answers: Answers) -> dict[str, Any]:
    """The honest reason this person was chosen: one kind, the strongest there is, never an
    item about their private life.

    A person you know who introduced you (``introduction.introduced``), then shared
    connection, then group in common, then public writing, then a web search find.
    Returns ``kind`` ("introduced", "connection", "group", "writing", "web" or ""),
    ``items`` (that kind's items), ``text`` (them joined "A, B and C"), ``first`` (the one
    item a message names), ``phrase`` (that item set in a sentence: "the Rhode Island
    Library Association"),
    ``count``, and ``verb`` / ``gerund`` ("read"/"reading", "heard"/"hearing", "saw"/"seeing",
    "watched"/"watching", or "came across"/"coming across") for writing and web finds.
    """
    from outreach_tui.core.message.wording import (
        NEUTRAL_VERB,
        hook_verb,
        join_human,
        name_in_sentence,
    )

    r = answers.research
    intro = answers.introduction
    if intro.introduced and intro.introducer.strip():
        from outreach_tui.core.names import clean_name

        name = clean_name(intro.introducer)
        if name:
            return {
                "kind": "introduced",
                "items": [name],
                "text": name,
                "first": name,
                "phrase": name,
                "count": 1,
                "verb": "",
                "gerund": "",
            }
    kinds = (
        ("connection", _professional(r.shared_connections, answers, with_groups=True)),
        ("group", _professional(r.groups, answers, with_groups=False)),
        ("writing", _professional(r.public_activity, answers, with_groups=True)),
        ("web", _professional([r.web_search], answers, with_groups=True)),
    )
    for kind, items in kinds:
        if items:
            first = items[0]
            verb, gerund = hook_verb(first) if kind in ("writing", "web") else ("", "")
            if kind == "web" and verb == "heard":  # found online: heard is more than they know
                verb, gerund = NEUTRAL_VERB
            return {
                "kind": kind,
                "items": items,
                "text": join_human(items),
                "first": first,
                "phrase": name_in_sentence(first) if kind == "group" else first,
                "count": len(items),
                "verb": verb,
                "gerund": gerund,
            }
    return {
        "kind": "",
        "items": [],
        "text": "",
        "first": "",
        "phrase": "",
        "count": 0,
        "verb": "",
        "gerund": "",
    }


def message_context(answers: Answers, reads: Collection[str] | None = None) -> dict[str, Any]:
    """Everything a template sees. Documented in the README ("Template variables").

    `reads`: the variables the templates to be rendered read, when known (None: all of them);
    what costs time to work out and is not read is left empty."""
    from outreach_tui.core import names
    from outreach_tui.core.message.wording import (
        distance_words,
        join_human,
        learned_phrase,
        minutes_adjective,
        name_in_sentence,
        with_article,
    )

    sender = reads is None or "sender_first_name" in reads
    worked_out = names.message_names(answers, sender=sender)  # salutation, first_name...
    answers = names.answers_for_message(answers)  # no emoji, pronouns, PhD... in any name
    data = answers_to_dict(answers)
    data["contact"].setdefault("greeting_name", "")
    # Set inside sentences by the templates: no final punctuation of their own.
    data["sender"]["location"] = phrase(answers.sender.location)
    data["contact"]["title"] = phrase(answers.contact.title)
    hook = strongest_hook(answers)
    writing = _professional(answers.research.public_activity, answers, with_groups=True)
    distance = answers.job.distance
    organization = " ".join(answers.contact.organization.split()).rstrip(" ,;:")
    return {
        **data,
        **worked_out,
        "organization": organization or "your organisation",
        "organization_in_text": name_in_sentence(organization) or "your organisation",
        "title_as": with_article(phrase(answers.contact.title)),
        "hook": hook,
        "also_read": join_human(writing) if hook["kind"] in ("connection", "group") else "",
        "far": answers.job.is_far,
        "distance_text": distance_words(distance, answers.job.unit).removeprefix("about "),
        "minutes": answers.goal.ask_minutes,
        "minutes_adjective": minutes_adjective(answers.goal.ask_minutes),
        "learn": phrase(answers.goal.learn),
        "learned": learned_phrase(answers.goal.learned),
        "note_limit": CHANNELS[NOTE_CHANNEL].limit_for(answers.premium),
    }
