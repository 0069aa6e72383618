"""The creepiness score, 1 (natural) to 10 (alarming): a base of 5, then points added or removed,
each given as a `Reason` a user can read, with a suggestion.

Points of contact count only when the message really says them (`facts.says`); a research
answer about someone's private life never counts, and any personal detail in the message puts
the score at `PERSONAL_FLOOR` or above, whatever else the message has.
"""

from __future__ import annotations

from outreach_tui.core.coach.facts import (
    CONNECTION,
    GROUP,
    WEB,
    WRITING,
    Facts,
    Item,
    addressee,
    loosely_mentioned,
    quote,
    topics_text,
)
from outreach_tui.core.coach.greeting import greeting_reasons
from outreach_tui.core.coach.lexicon import (
    BASE_SCORE,
    CASUAL_GREETINGS,
    EMOJI,
    EXCLAMATION_RUN,
    GOAL_PHRASE,
    LONG_WORDS,
    MAX_SCORE,
    MIN_SCORE,
    NO_GOAL_CHANNELS,
    NOTICED,
    PERSONAL_FLOOR,
    PROFESSIONAL,
    WEIGHTS,
    WORD,
)
from outreach_tui.core.coach.report import Reason
from outreach_tui.core.message.channels import FOLLOW_UP, INTRODUCTION, THANK_YOU, Channel
from outreach_tui.core.model.answers import FIRST_NAME_ONLY, HONORIFICS, Answers
from outreach_tui.core.names import family_name, first_name

_LOWERING: dict[str, str] = {
    CONNECTION: "shared-connection",
    GROUP: "group",
    WRITING: "writing",
    WEB: "web-search",
}
"""Research kind -> reason id."""


def _said_text(item: Item) -> str:
    if item.kind == CONNECTION:
        return f"you both know {quote(item.text)}, and you say so"
    if item.kind == GROUP:
        return f"you are both in {quote(item.text)}, and you say so"
    if item.kind == WRITING:
        return f"you mention their public writing, {quote(item.text)}"
    return f"you mention a professional find from a web search, {quote(item.text)}"


def _use_tip(item: Item, who: str) -> str:
    if item.kind == CONNECTION:
        return f"You both know {item.text}: say so in your first two sentences."
    if item.kind == GROUP:
        return f"You are both in {item.text}: say so in your first two sentences."
    if item.kind == WRITING:
        return f"Mention {item.text} early: it shows why you chose {who}."
    return f"Mention what your search found, {item.text}: it shows why you chose {who}."


def _strength(item: Item) -> int:
    return (CONNECTION, GROUP, WRITING, WEB).index(item.kind)


def _contact_reasons(answers: Answers, facts: Facts) -> list[Reason]:
    who = addressee(answers)
    hooks = facts.hooks
    said = facts.said_hooks
    reasons: list[Reason] = []
    running = BASE_SCORE
    if not any(i.kind in (CONNECTION, GROUP, WRITING) for i in said):
        usable = [i for i in hooks if i.kind != WEB]
        if usable:
            tip = _use_tip(usable[0], who)
        else:
            tip = (
                f"Find a genuine link first: a shared connection, or a group {who} posts in "
                "(join it, take part, then mention it)."
            )
        reasons.append(
            Reason(
                "cold",
                WEIGHTS["cold"],
                f"no shared connection, group or public writing links you to {who}",
                tip,
            )
        )
        running += WEIGHTS["cold"]
    elif hooks and _strength(hooks[0]) < min(_strength(i) for i in said):
        # The message uses a weaker link than the research found: say which one is better.
        reasons.append(
            Reason(
                "unused-research",
                WEIGHTS["unused-research"],
                f"your research found a stronger link than this: {quote(hooks[0].text)}",
                _use_tip(hooks[0], who),
            )
        )
    for kind, reason_id in _LOWERING.items():
        first = next((i for i in said if i.kind == kind), None)
        if first is None:
            continue
        text = _said_text(first)
        points = max(WEIGHTS[reason_id], MIN_SCORE - running)
        running += points
        if points == 0:
            text += " (the score is already as low as it goes)"
        reasons.append(Reason(reason_id, points, text))
    return reasons


def _personal_notes(facts: Facts) -> list[Reason]:
    """Kind notes on personal research answers the message leaves out (no points)."""
    left_out = [i for i in facts.items if i.personal and i not in facts.said]
    if not left_out:
        return []
    first = left_out[0]
    more = f" (and {len(left_out) - 1} more)" if len(left_out) > 1 else ""
    return [
        Reason(
            "personal-research",
            WEIGHTS["personal-research"],
            f"{quote(first.text)}{more} is personal ({topics_text(first.personal)}): "
            "keep it out of the message",
            "Private life is never a reason to write. Look for their work instead: a post, "
            "a talk, a group you both take part in.",
        )
    ]


def _personal_points(facts: Facts, running: int) -> Reason | None:
    """Personal details in the message: at least PERSONAL_FLOOR, whatever else it has."""
    if not facts.personal:
        return None
    points = max(WEIGHTS["personal"] + len(facts.personal) - 1, PERSONAL_FLOOR - running)
    return Reason(
        "personal",
        points,
        f"personal ({topics_text(facts.personal)}): {quote(facts.personal_phrase)} is about "
        "their private life",
        "Keep it out of the message: a stranger's private life is never a reason to write. "
        "Keep to their work.",
    )


def _noticed(facts: Facts) -> list[Reason]:
    for match in NOTICED.finditer(facts.body, facts.body_l):
        tail = match.group("tail")
        if PROFESSIONAL.search(tail) or any(
            i.text.lower() in tail.lower() for i in facts.said_hooks
        ):
            continue
        return [
            Reason(
                "noticed",
                WEIGHTS["noticed"],
                f"{quote(match.group(0))} about something other than their work reads as watching",
                "If you mention something you saw, make it their work: a post, a talk, an article.",
            )
        ]
    return []


def _purpose(answers: Answers, spec: Channel, facts: Facts) -> list[Reason]:
    if spec.purpose == THANK_YOU or spec.name in NO_GOAL_CHANNELS:
        return []
    learn = answers.goal.learn.strip()
    if learn and loosely_mentioned(learn, facts):
        return []
    if not learn and GOAL_PHRASE.search(facts.body):
        return []
    return [
        Reason(
            "no-purpose",
            WEIGHTS["no-purpose"],
            "the message does not say what you want to learn",
            "Add one specific thing you hope to learn: a request with a purpose gets answers.",
        )
    ]


def _uses_first_name(answers: Answers, facts: Facts) -> bool:
    c = answers.contact
    # Their given and family names as core/names parses them ("Dr. Sofia van der Berg": Sofia,
    # van der Berg), the given name being the user's name in the greeting when they greet by it.
    given = WORD.findall(first_name(c.name, c.honorific, c.greeting_name).lower())
    family = WORD.findall(family_name(c.name).lower())
    if facts.greeting_word:
        who = set(WORD.findall(facts.greeting_who))
        if not given:  # no name yet, or none made of letters ("🦉"): no first name to use
            return False
        if not family or given == family:
            return c.honorific == FIRST_NAME_ONLY and given[0] in who
        honorifics = {h.lower().rstrip(".") for h in HONORIFICS} | {"mrs", "prof", "professor"}
        return given[0] in who and not set(family) & who and not (who & honorifics)
    return c.honorific == FIRST_NAME_ONLY


def _familiarity_reasons(answers: Answers, facts: Facts, shared_context: bool) -> list[Reason]:
    reasons: list[Reason] = []
    if not shared_context and _uses_first_name(answers, facts):
        c = answers.contact
        first = first_name(c.name, c.honorific, c.greeting_name) or "them"
        reasons.append(
            Reason(
                "first-name",
                WEIGHTS["first-name"],
                f"calls {first} by first name with no shared context",
                "Use a title and surname (Ms. / Mr. / Mx. / Dr.) until they reply in kind.",
            )
        )
    if facts.greeting_word in CASUAL_GREETINGS:
        reasons.append(
            Reason(
                "casual-greeting",
                WEIGHTS["casual-greeting"],
                f"opens with {quote(facts.greeting_word.capitalize())}: too casual for a stranger",
                "Open with “Dear” or “Hello”.",
            )
        )
    if (not facts.body.isascii() or ":" in facts.body or ";" in facts.body) and EMOJI.search(
        facts.body
    ):
        reasons.append(
            Reason(
                "emoji",
                WEIGHTS["emoji"],
                "uses emoji or smileys",
                "Leave emoji out of a first message to a stranger.",
            )
        )
    if EXCLAMATION_RUN in facts.body or facts.body.count("!") > 2:
        reasons.append(
            Reason(
                "exclamation",
                WEIGHTS["exclamation"],
                "exclamation marks read as over-eager",
                "Use full stops and at most one exclamation mark; let the words carry the warmth.",
            )
        )
    return reasons


def creepiness(answers: Answers, spec: Channel, facts: Facts) -> tuple[int, list[Reason]]:
    """The creepiness score (1 natural .. 10 alarming) and the reasons for every point."""
    who = addressee(answers)
    reasons: list[Reason] = []
    if spec.purpose == THANK_YOU:
        reasons.append(Reason("spoken", WEIGHTS["spoken"], f"you have already spoken with {who}"))
        shared_context = True
    elif spec.purpose == INTRODUCTION:
        from outreach_tui.core.coach.introduction import warm_path_reason

        reasons.append(warm_path_reason(answers))
        shared_context = True
    else:
        from outreach_tui.core.coach.introduction import introduced_reason

        introduced = introduced_reason(answers, facts)
        contact = [introduced] if introduced else _contact_reasons(answers, facts)
        reasons.extend(contact)
        shared_context = any(r.id in ("shared-connection", "group", "introduced") for r in contact)
    reasons.extend(_purpose(answers, spec, facts))
    reasons.extend(_noticed(facts))
    familiarity = _familiarity_reasons(answers, facts, shared_context)
    if spec.purpose == INTRODUCTION:  # written to someone they know: "Hi Samir" is right
        familiarity = [r for r in familiarity if r.id not in ("casual-greeting", "first-name")]
    reasons.extend(familiarity)
    reasons.extend(greeting_reasons(answers, facts))
    for above, points in LONG_WORDS:
        if facts.word_count > above:
            reasons.append(
                Reason(
                    "length",
                    points,
                    f"{facts.word_count} words: far longer than a first request needs",
                    "Cut to about 100-150 words: who you are, how you found them, one ask.",
                )
            )
            break
    running = max(MIN_SCORE, min(MAX_SCORE, BASE_SCORE + sum(r.points for r in reasons)))
    personal = _personal_points(facts, running)
    if personal is not None:
        reasons.insert(0, personal)
    reasons.extend(_personal_notes(facts))
    if spec.on_linkedin and answers.contact.active_on_linkedin == "no":
        reasons.append(
            Reason(
                "inactive",
                WEIGHTS["inactive"],
                f"{who} does not look active on LinkedIn: the message may go unread",
                "Look for a work e-mail address (a staff page, say) and use the e-mail channel.",
            )
        )
    if spec.purpose == FOLLOW_UP:
        reasons.append(
            Reason(
                "follow-up-once",
                WEIGHTS["follow-up-once"],
                "follow up once, about a week after your first message",
                "If this one goes unanswered too, let it go: a third message does harm.",
            )
        )
    score = BASE_SCORE + sum(r.points for r in reasons)
    return max(MIN_SCORE, min(MAX_SCORE, score)), reasons
