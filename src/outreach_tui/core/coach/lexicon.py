"""The coach's data: the score's weights and labels, and the word lists and patterns it looks for.

Every pattern is compiled once, at import. A pattern that would have to try an alternation at
every position of a long text is `Gated`: it runs only when one of its trigger substrings is in
the lower-case text. Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# --- the score: weights -------------------------------------------------------------------------

BASE_SCORE = 5
"""Where every message starts: a first message to someone you have never met."""
MIN_SCORE = 1
MAX_SCORE = 10

WEIGHTS: dict[str, int] = {
    # Points of contact named in the message (strongest first). Together they never take the
    # score below MIN_SCORE, so that anything raising it still shows.
    "shared-connection": -3,
    "group": -2,
    "writing": -1,
    "web-search": -1,
    # None of connection, group or writing named in the message: a polite, purposeful cold
    # message is uneasy (6), not creepy.
    "cold": +1,
    # The message does not say what the sender wants to learn.
    "no-purpose": +1,
    # A thank-you after the conversation: no longer a stranger (replaces the points above).
    "spoken": -3,
    # The warm path: an introduction request to someone the sender knows, or a message after
    # that person introduced them (naming them) (replaces the points above).
    "warm-path": -3,
    "introduced": -3,
    # Personal, non-professional details in the message (core.model.personal): this many points for
    # the first kind, one more for each other kind, and never below PERSONAL_FLOOR in all.
    "personal": +3,
    "noticed": +1,
    # Over-familiarity.
    "first-name": +1,
    "casual-greeting": +1,
    "emoji": +1,
    "exclamation": +1,
    # Length far beyond what a first request needs (see LONG_WORDS).
    "length": +1,
    # Notes that change nothing, shown for their advice.
    "personal-research": 0,
    "unused-research": 0,
    "inactive": 0,
    "follow-up-once": 0,
    "greeting": 0,
}
"""Every reason id with its points. "length" gives +1, or +2 past the second threshold."""

PERSONAL_FLOOR = 8
"""A message that mentions someone's private life scores at least this, whatever else it has."""

LONG_WORDS: tuple[tuple[int, int], ...] = ((400, 2), (250, 1))
"""(words above, points): a first request needs about 100-150 words."""

SCORE_LABELS: tuple[tuple[int, str], ...] = (
    (3, "natural"),
    (6, "uneasy"),
    (9, "creepy"),
    (10, "alarming"),
)
"""(highest score, label)."""


# --- rules ----------------------------------------------------------------------------------------

EARLY_SENTENCES = 2
"""How you are connected should come within this many sentences after the greeting."""
ASK_MINUTES_RANGE = (10, 30)
MAX_QUESTION_MARKS = 2

NO_GOAL_CHANNELS = frozenset({"connection-note"})
"""Channels too short to hold the goal: the note asks, the message that follows explains."""

# --- patterns, compiled once -------------------------------------------------------------------


@dataclass(frozen=True)
class Gated:
    """A pattern run only when one of its trigger substrings is in the lower-case text.

    Python's regex engine tries an alternation at every position; a plain `in` check is a
    hundred times cheaper, so the common case (nothing to find) costs next to nothing.
    """

    triggers: tuple[str, ...]
    pattern: re.Pattern[str]

    def triggered(self, lowered: str) -> bool:
        return any(trigger in lowered for trigger in self.triggers)

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.triggered(lowered) else None

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.triggered(lowered) else iter(())


def word_list(text: str) -> frozenset[str]:
    """Data helper: the words of a text, split on white space."""
    return frozenset(text.split())


WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
PUNCTUATION = ".,;:!?\"'()[]{}<>“”‘’«»…–—-/*"


def word_set(text_l: str) -> frozenset[str]:
    """The words of a lower-case text, punctuation stripped ("children's" stays whole)."""
    return frozenset(w.strip(PUNCTUATION) for w in text_l.split())


ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{2,}\b")
STOP = word_list(
    """about after also been both could from have into just like more most only other over some
    such than that their them then there these they this very were what when where which while
    with would your yours"""
)

GREETING = re.compile(
    r"^\s*(?P<word>dear|hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening))"
    r"\b(?P<who>[^\n,:!?]{0,60})[,:!]?",
    re.IGNORECASE,
)
CASUAL_GREETINGS = frozenset({"hey", "hiya", "howdy", "yo"})
SENTENCE_END = re.compile(
    r"[.!?]+(?<!\bMs\.)(?<!\bMr\.)(?<!\bMx\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\be\.g\.)"
    r"(?<!\bi\.e\.)[\"')\]”’]*(?:\s+|$)|\n\s*\n"
)
NOTICED = Gated(
    ("i noticed", "i saw", "i see", "i spotted", "been watching", "been following"),
    re.compile(
        r"\bI\s+(?:noticed|saw|see|spotted|have been watching|'ve been watching|"
        r"have been following|'ve been following)\s+(?:that\s+)?(?:you|your)\b"
        r"(?P<tail>[^.!?\n]{0,80})",
        re.IGNORECASE,
    ),
)
PROFESSIONAL = re.compile(
    r"\b(?:post|posts|posted|article|blog|talk|talks|present\w*|paper|wrote|written|writing|"
    r"publish\w*|comment\w*|work|works|worked|role|job|position|team|librar\w*|school|archive\w*|"
    r"department|conference|panel|webinar|group|association|profile|project|research|book|"
    r"course|podcast|interview|award\w*|promot\w*|joined|career|linkedin|newsletter|program\w*|"
    r"service\w*|collection|organi[sz]ation|company|museum|university|college|committee|board|"
    r"speak\w*|lead\w*|manag\w*|thread|discussion|site|website|portfolio)\b",
    re.IGNORECASE,
)
EMOJI = re.compile(
    r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]|(?<![\w:])[:;]-?[)(DPp](?!\w)"
)
EXCLAMATION_RUN = "!!"

MINUTES = Gated(
    ("min",),
    re.compile(
        r"\b(\d{1,3})(?:\s*(?:-|–|—|to)\s*(\d{1,3}))?(?:\s|-)*(?:minutes?|mins?)\b",
        re.IGNORECASE,
    ),
)
HALF_HOUR = Gated(("half",), re.compile(r"\bhalf an hour\b|\bhalf-hour\b", re.IGNORECASE))
HOURS = Gated(
    ("hour", "coffee", "lunch"),
    re.compile(r"(?<!half )\b(?:an|one|two|\d+)\s+hours?\b|\bcoffee\b|\blunch\b", re.IGNORECASE),
)
JOB_ASK_PHRASES: tuple[str, ...] = (
    # referrals and recommendations (never "how your clinic manages patient referrals")
    r"refer me",
    r"(?:a|an|employee|internal|job) referral(?! (?:from|process|system|pathway|form|network))",
    r"referral for (?:me|the|a|an|this|that|any)\b",
    r"recommend me",
    r"put in a (?:good )?word",
    r"(?:give|offer|provide|write|get|find) me (?:a|an) (?:referral|reference|job|position|role"
    r"|post|interview|opening)",
    r"(?:put|nominate|consider) me (?:forward|for)",
    r"keep me in mind",
    r"hire me",
    # a CV or an application passed on or reviewed
    r"(?:pass|send|forward|share|give|hand)(?: on| along)? my (?:cv|c\.v\.|r[ée]sum[ée]"
    r"|application|details|portfolio)",
    r"(?:review|look (?:at|over)|check|read|critique|feedback on) my (?:r[ée]sum[ée]|cv"
    r"|cover letter|application)",
    r"(?:r[ée]sum[ée]|cv) review",
    # someone who hires
    r"(?:introduce|connect|refer|put) me (?:in touch )?(?:to|with) (?:the |a |an |your )?"
    r"(?:someone (?:in|from|on) )?(?:recruit\w*|hiring|hr\b|human resources|talent)",
    r"(?:are you|is (?:your|the) \w+|are they|is anyone|anyone|anybody|someone|who is|who's"
    r"|teams? (?:that |who )?(?:is|are)) (?:currently |still |now )?hiring",
    r"hiring (?:now|soon|at the moment|currently|right now)",
    # openings and vacancies
    r"(?:any|has|have|had) (?:open |current |upcoming |new )?(?:jobs|positions|openings"
    r"|vacancies|roles)",
    r"(?:job|current|any) openings?",
    r"open (?:positions?|roles?)",
    r"vacanc(?:y|ies)",
    r"job opportunit(?:y|ies)",
    r"(?:looking|searching|applying) for (?:a |an )?(?:new )?(?:job|position|role)\b",
    # "I would love to work at X", "I hope to join X"
    r"(?:love|like|hope|want|wish|keen|eager|dream|aim|plan|excited)\w* (?:to|of) "
    r"(?:work(?:ing)? (?:at|for) |join(?:ing)? (?:your|the) (?:team|library|organi[sz]ation"
    r"|staff|department|company|school|archive|museum|firm|practice|clinic|university|college)\b)",
)
"""What a first request must not ask for (regex fragments, whole words, any case). The
contact's organisation is added per message: "I hope to join Westerly Public Library"."""

JOB_ASK_TRIGGERS: tuple[str, ...] = (
    *("refer", "recommend", "word", "hire", "hiring", "job", "position", "role", "interview"),
    *("opening", "vacanc", "sum", "cv", "c.v", "application", "portfolio", "details"),
    *("forward", "in mind", "consider me", "recruit", "hr", "human resources", "talent"),
    *("work at", "work for", "working at", "working for", "join", "opportunit", "post"),
)
"""Substrings one of which every job ask holds: the pattern runs only when one is there."""

JOB_ASK = Gated(
    JOB_ASK_TRIGGERS,
    re.compile(r"\b(?:" + "|".join(JOB_ASK_PHRASES) + r")", re.IGNORECASE),
)
JOIN_ORGANISATION = r"\b(?:to|of) (?:work(?:ing)? (?:at|for|in) |join(?:ing)? )(?:the |your )?"
"""Before the contact's organisation's name: "hope to join Westerly Public Library"."""

VAGUE_GOAL_WORDS = word_list(
    """a about advice all an and any anything are as ask at be bit can career could do does
    everything experience few for general get guidance help how i ideas in info information
    insight insights is it job just know learn like little lot me more my of on opinion or
    perspective pick pointers role some something stuff tell that the thing things thoughts
    tip tips to views want what whatever with work would you your yours brain picking path
    hear chat talk question questions"""
)
"""Words that say nothing about what the sender wants to learn ("your advice", "things")."""
GOAL_MIN_WORDS = 2
"""A specific goal holds at least this many words outside VAGUE_GOAL_WORDS."""
GOAL_EXAMPLE = "what a typical week in youth services looks like"
"""Shown to the user as a specific goal."""
GOAL_SECOND_QUESTION = re.compile(
    r"\?.*\?|(?:\band\b|;|,)\s+(?:also\s+)?(?:how|what|whether|why|which|who|when|where)\b",
    re.IGNORECASE | re.DOTALL,
)
"""A goal that asks two things: "how X? what Y?" or "how X and what Y"."""
PLACEHOLDER = Gated(
    ("[", "___", "{", "}", "%", "todo", "tbd", "fixme", "xxx", "<"),
    re.compile(
        r"\[(?:[A-Z][A-Za-z .'/-]{0,30}|(?i:name|your name|first name|company|organi[sz]ation|"
        r"title|date|insert[^\]]{0,30}))\]"
        r"|_{3,}|\{\{|\}\}|\{%|%\}|\b(?:TODO|TBD|FIXME|XXX)\b"
        r"|<(?i:name|your name|first name|surname|company|organi[sz]ation|title)>"
    ),
)
ATTACHMENT = Gated(
    ("attach", "enclos", "please find", "included my"),
    re.compile(
        r"\b(?:attach(?:ed|ing|ment|ments)?|enclos(?:ed|ing|ure)|please find|"
        r"i(?:'ve| have) included my)\b",
        re.IGNORECASE,
    ),
)
SUBJECT_PURPOSE = re.compile(
    r"\b(?:question|ask|advice|informational|interview|conversation|chat|call\b|learn|career|"
    r"insight|curious|introduc|request|perspective|working at|work at|role|job at|thank|"
    r"following up|follow-up|follow up)",
    re.IGNORECASE,
)
GOAL_PHRASE = re.compile(
    r"\b(?:learn\b|learning (?:what|how|about what|more)|understand|curious about|"
    r"hear (?:about|how|what)|know more|insight into|find out|what \w+(?: \w+)? (?:is|looks) like)",
    re.IGNORECASE,
)
