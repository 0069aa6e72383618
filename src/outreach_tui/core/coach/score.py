"""The creepiness score, 1 (natural) to 10 (alarming): a base of 5, then points added or removed,
each given as a `Reason` a user can read, with a suggestion."""

from __future__ import annotations

from outreach_tui.core.answers import FIRST_NAME_ONLY, HONORIFICS, Answers
from outreach_tui.core.coach.facts import Facts, addressee, mentioned, quote
from outreach_tui.core.coach.greeting import greeting_reasons
from outreach_tui.core.coach.lexicon import (
    BASE_SCORE,
    CASUAL_GREETINGS,
    EMOJI,
    EXCLAMATION_RUN,
    FAMILY,
    HOME,
    LONG_WORDS,
    MAX_SCORE,
    MIN_SCORE,
    NOTICED,
    PERSONAL_NETWORK,
    PHOTOS,
    PROFESSIONAL,
    WEIGHTS,
    WORD,
)
from outreach_tui.core.coach.report import Reason
from outreach_tui.core.names import family_name, first_name
from outreach_tui.core.render import FOLLOW_UP, THANK_YOU, Channel


def _contact_reasons(answers: Answers, facts: Facts) -> list[Reason]:
    who = addressee(answers)
    r = answers.research
    connections = [i for i in r.shared_connections if i.strip()]
    groups = [i for i in r.groups if i.strip()]
    writing = [i for i in r.public_activity if i.strip()]
    web = r.web_search.strip()
    said_connections = [
        i for i in connections if mentioned(i, facts.text_l, facts.words, loose_names=True)
    ]
    said_groups = [i for i in groups if mentioned(i, facts.text_l, facts.words)]
    said_writing = [i for i in writing if mentioned(i, facts.text_l, facts.words)]
    said_web = bool(web) and mentioned(web, facts.text_l, facts.words)

    lowering: list[tuple[str, str]] = []
    if said_connections:
        lowering.append(
            ("shared-connection", f"you both know {quote(said_connections[0])}, and you say so")
        )
    if said_groups:
        lowering.append(("group", f"you are both in {quote(said_groups[0])}, and you say so"))
    if said_writing:
        lowering.append(("writing", f"you mention their public writing, {quote(said_writing[0])}"))
    if said_web:
        lowering.append(("web-search", "you mention a professional find from a web search"))

    reasons: list[Reason] = []
    running = BASE_SCORE
    cold = not (said_connections or said_groups or said_writing)
    if cold:
        if connections:
            tip = f"You both know {connections[0]}: say so in your first two sentences."
        elif groups:
            tip = f"You are both in {groups[0]}: say so in your first two sentences."
        elif writing:
            tip = f"Mention {writing[0]} early: it shows why you chose {who}."
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
    for reason_id, text in lowering:
        points = max(WEIGHTS[reason_id], MIN_SCORE - running)
        running += points
        if points == 0:
            text += " (the score is already as low as it goes)"
        reasons.append(Reason(reason_id, points, text))
    return reasons


def _personal_reasons(answers: Answers, facts: Facts) -> list[Reason]:
    who = addressee(answers)
    reasons: list[Reason] = []
    masked = facts.masked
    if match := PERSONAL_NETWORK.search(masked, masked):
        reasons.append(
            Reason(
                "personal-network",
                WEIGHTS["personal-network"],
                f"mentions {quote(match.group(0))}: a personal network, not a professional one",
                "Leave personal networks out; refer to LinkedIn or to their professional writing.",
            )
        )
    if match := FAMILY.search(masked, masked):
        reasons.append(
            Reason(
                "family",
                WEIGHTS["family"],
                f"touches on {who}'s family or private life ({quote(match.group(0))})",
                "Leave family and private life out: keep to their work.",
            )
        )
    if match := HOME.search(masked, masked):
        reasons.append(
            Reason(
                "home",
                WEIGHTS["home"],
                f"refers to where {who} lives ({quote(match.group(0))})",
                "Never mention a stranger's home or address.",
            )
        )
    if match := PHOTOS.search(masked, masked):
        reasons.append(
            Reason(
                "photos",
                WEIGHTS["photos"],
                f"mentions photos ({quote(match.group(0))})",
                "Leave photos out: it says you looked closely at their pictures.",
            )
        )
    for match in NOTICED.finditer(masked, masked):
        tail = match.group("tail")
        if "¤" in tail or PROFESSIONAL.search(tail):
            continue
        reasons.append(
            Reason(
                "noticed",
                WEIGHTS["noticed"],
                f"{quote(match.group(0))} about something other than their work reads as watching",
                "If you mention something you saw, make it their work: a post, a talk, an article.",
            )
        )
        break
    return reasons


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
    else:
        contact = _contact_reasons(answers, facts)
        reasons.extend(contact)
        shared_context = any(r.id in ("shared-connection", "group") for r in contact)
    reasons.extend(_personal_reasons(answers, facts))
    reasons.extend(_familiarity_reasons(answers, facts, shared_context))
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


# --- length ------------------------------------------------------------------------------------
