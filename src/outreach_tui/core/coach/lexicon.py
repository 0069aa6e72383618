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
    # None of connection, group or writing named in the message.
    "cold": +3,
    # A thank-you after the conversation: no longer a stranger (replaces the points above).
    "spoken": -3,
    # Personal, non-professional details.
    "personal-network": +2,
    "family": +2,
    "home": +3,
    "photos": +2,
    "noticed": +1,
    # Over-familiarity.
    "first-name": +1,
    "casual-greeting": +1,
    "emoji": +1,
    "exclamation": +1,
    # Length far beyond what a first request needs (see LONG_WORDS).
    "length": +1,
    # Notes that change nothing, shown for their advice.
    "inactive": 0,
    "follow-up-once": 0,
    "greeting": 0,
}
"""Every reason id with its points. "length" gives +1, or +2 past the second threshold."""

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


WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
PUNCTUATION = ".,;:!?\"'()[]{}<>“”‘’«»…–—-/*"


def word_set(text_l: str) -> frozenset[str]:
    """The words of a lower-case text, punctuation stripped ("children's" stays whole)."""
    return frozenset(w.strip(PUNCTUATION) for w in text_l.split())


ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{2,}\b")
STOP = frozenset(
    [
        "about",
        "after",
        "also",
        "been",
        "both",
        "could",
        "from",
        "have",
        "into",
        "just",
        "like",
        "more",
        "most",
        "only",
        "other",
        "over",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "very",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "would",
        "your",
        "yours",
    ]
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
LINK_PHRASE = re.compile(
    r"\b(?:we (?:both|are both|have both)|both (?:know|members?|belong|take part)|mutual|"
    r"in common|fellow member|members? of|connected to|came across|found your|read your|"
    r"after reading|saw your (?:post|article|talk|comment|presentation)|heard you|"
    r"referred me|suggested (?:i|that i))\b",
    re.IGNORECASE,
)

PERSONAL_NETWORK = Gated(
    ("facebook", "insta", "tiktok", "snapchat", "whatsapp", "tinder", "dating"),
    re.compile(
        r"\b(?:facebook|instagram|insta|tiktok|snapchat|whatsapp|tinder|dating app)\b",
        re.IGNORECASE,
    ),
)
POSSESSIVE = r"\b(?:your|her|his)\s+(?:lovely\s+|beautiful\s+|little\s+|new\s+|cute\s+)?"
FAMILY_WORDS = [
    "family",
    "kids",
    "kid",
    "children",
    "child",
    "husband",
    "wife",
    "spouse",
    "partner",
    "son",
    "daughter",
    "baby",
    "babies",
    "boyfriend",
    "girlfriend",
    "mom",
    "mum",
    "dad",
    "mother",
    "father",
    "parents",
    "grandkids",
    "grandchildren",
    "dog",
    "cat",
    "pet",
    "pets",
    "wedding",
    "honeymoon",
    "pregnancy",
    "pregnant",
    "birthday",
    "vacation",
    "holiday",
    "weekend",
    "private",
    "personal",
]
FAMILY = Gated(
    tuple(f" {w}" for w in FAMILY_WORDS),
    re.compile(
        POSSESSIVE + r"(?:family|kids?|children|child|husband|wife|spouse|partner|son|daughter|"
        r"baby|babies|boyfriend|girlfriend|mom|mum|dad|mother|father|parents|grandkids|"
        r"grandchildren|dog|cat|pets?|wedding|honeymoon|pregnancy|birthday|vacation|holiday|"
        r"weekend|private life|personal life)\b"
        r"(?!\s+(?:librar|organi|institution|school|program|service|department|collection|polic))"
        r"|\b(?:pregnant|honeymoon)\b",
        re.IGNORECASE,
    ),
)
HOME = Gated(
    (
        " home",
        " house",
        " flat",
        " apartment",
        " street",
        " address",
        " neighbo",
        "front door",
        "you live",
    ),
    re.compile(
        POSSESSIVE + r"(?:home|house|flat|apartment|street|address|neighbou?rhood|front door)\b"
        r"(?!\s+(?:librar|branch|page|institution|town|state|country|base|office|department|"
        r"university|club|team))"
        r"|\b(?:home address|where you live|you live (?:at|on|in)|near your (?:home|house))\b",
        re.IGNORECASE,
    ),
)
PHOTOS = Gated(
    ("photo", "pictures", "picture of", "r picture", "s picture", "pics", "selfie", "snaps"),
    re.compile(
        POSSESSIVE + r"(?:\w+\s+)?(?:photos?|pictures?|pics|selfies?|snaps)\b"
        r"|\b(?:photos?|pictures?|pics|selfies?)\s+(?:of|from)\s+(?:you|your)\b",
        re.IGNORECASE,
    ),
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
JOB_ASK = Gated(
    (
        "referral",
        "refer me",
        "recommend me",
        "a word",
        "hire me",
        "hiring",
        "me a job",
        "me a position",
        "me a role",
        "me an interview",
        "any job",
        "any open",
        "any current",
        "any position",
        "any vacanc",
        "any role",
        "openings",
        "open position",
        "résumé",
        "resume",
        "my cv",
        "cover letter",
        "my application",
    ),
    re.compile(
        r"\b(?:referrals?|refer me|recommend me|put in a (?:good )?word|"
        r"hire me|(?:give|offer|find|get) me (?:a|an) (?:job|position|role|interview)|"
        r"(?:are you|is \w+|are they) hiring|any (?:open |current )?(?:jobs|positions|openings|"
        r"vacancies|roles)|job openings?|open positions?|"
        r"(?:review|look (?:at|over)|check|read|critique|feedback on) my "
        r"(?:r[ée]sum[ée]|cv|cover letter|application)|r[ée]sum[ée] review)\b",
        re.IGNORECASE,
    ),
)
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
