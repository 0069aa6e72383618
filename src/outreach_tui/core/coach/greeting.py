"""The coach's note on the greeting: while the parse of their name is unsure (a family name that
may come first, one name with a title, capitals, letters left over; see core/names) and the user
has not set "Name in the greeting", it says so, with what to do. Worth no points: the message is
no creepier for it, but a wrong name undoes everything else."""

from __future__ import annotations

from outreach_tui.core.coach.facts import Facts
from outreach_tui.core.coach.lexicon import WEIGHTS
from outreach_tui.core.coach.report import Reason
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.names import FIELD, greeting_doubts, salutation


def greeting_reasons(answers: Answers, facts: Facts) -> list[Reason]:
    """A "greeting" note when the parse is unsure of the name the message greets them by; none
    once the user set the name in the greeting, or when the text no longer holds that name."""
    c = answers.contact
    doubts = greeting_doubts(c.name, c.honorific, c.greeting_name)
    who = salutation(c.name, c.honorific, c.greeting_name)
    if not doubts or not who or who.lower() not in facts.body_l:
        return []
    return [
        Reason(
            "greeting",
            WEIGHTS["greeting"],
            f"check the greeting “{who}”: {doubts[0]}",
            f"Confirm it in “{FIELD}” on the Contact step: it is then used in every message.",
        )
    ]
