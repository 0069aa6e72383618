"""The coach: how a message to a stranger will land, with every point explained.

Three things, all pure and deterministic, computed from the answers and the final text (the
subject, if the channel has one, and the body, with the user's edits):

- the **creepiness score**, 1 (natural) to 10 (alarming): a base of 5, then points added or
  removed, each given as a `Reason` a user can read, with a suggestion;
- the **length status** of the channel: ``N / LIMIT characters``, ok, warning or error;
- the **rules**: career-centre guidance, LinkedIn's limits and the domain brief, each a
  `RuleResult` with a short id, a one-line explanation and its source. A failing rule is a
  warning, never a blocker: whether to send is the user's call.

`coach(answers, channel, subject, message)` gives all three in one `CoachReport`. It runs on
every keystroke in the wizard, so every pattern is compiled once, at import, and a call on a
2,000-character message costs a fraction of a millisecond.

All weights and rules live in this module; docs/coach.md describes them for users.
Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from outreach_tui.core.answers import FIRST_NAME_ONLY, HONORIFICS, Answers
from outreach_tui.core.render import (
    FOLLOW_UP,
    THANK_YOU,
    Channel,
    get_channel,
    salutation_name,
)

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

# --- rules --------------------------------------------------------------------------------------

SOURCE_CAREER = "career-centre guidance"
SOURCE_LINKEDIN = "LinkedIn's limits"
SOURCE_DOMAIN = "the domain brief"

WORDS_FOR_FIRST_REQUEST = 150
EARLY_SENTENCES = 2
"""How you are connected should come within this many sentences after the greeting."""
ASK_MINUTES_RANGE = (10, 30)
MAX_QUESTION_MARKS = 2


@dataclass(frozen=True)
class RuleSpec:
    id: str
    explanation: str
    """One line: what the rule asks for and why."""
    source: str


RULES: dict[str, RuleSpec] = {
    spec.id: spec
    for spec in (
        RuleSpec(
            "short",
            "A first request stays under about 100-150 words; a follow-up under 100.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "connection-early",
            "Say how you are linked to them within the first two sentences after the greeting.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "one-ask",
            "Make one clear ask for a bounded time: a call of 10-30 minutes.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "no-job-ask",
            "Ask to learn, never for a job, a referral or a résumé review.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "no-placeholders",
            "No leftover placeholders such as [Name], ___, {{ or TODO.",
            SOURCE_DOMAIN,
        ),
        RuleSpec(
            "subject-why",
            "The subject line says why you are writing.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "subject-short",
            "A subject short enough to read whole: inboxes cut it after about 60 characters.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "no-attachments",
            "Promise no attachments: a stranger will not open them.",
            SOURCE_CAREER,
        ),
        RuleSpec(
            "goal",
            "Say what you want to learn: a request without a clear purpose gets ignored.",
            SOURCE_DOMAIN,
        ),
        RuleSpec(
            "fits-limit",
            "Fits the channel's character limit (note 200, or 300 with Premium; message 2,000).",
            SOURCE_LINKEDIN,
        ),
    )
}

_NO_GOAL_CHANNELS = frozenset({"connection-note"})
"""Channels too short to hold the goal: the note asks, the message that follows explains."""

# --- patterns, compiled once -------------------------------------------------------------------


@dataclass(frozen=True)
class _Gated:
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


_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_PUNCTUATION = ".,;:!?\"'()[]{}<>“”‘’«»…–—-/*"


def _word_set(text_l: str) -> frozenset[str]:
    """The words of a lower-case text, punctuation stripped ("children's" stays whole)."""
    return frozenset(w.strip(_PUNCTUATION) for w in text_l.split())


_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{2,}\b")
_STOP = frozenset(
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

_GREETING = re.compile(
    r"^\s*(?P<word>dear|hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening))"
    r"\b(?P<who>[^\n,:!?]{0,60})[,:!]?",
    re.IGNORECASE,
)
_CASUAL_GREETINGS = frozenset({"hey", "hiya", "howdy", "yo"})
_SENTENCE_END = re.compile(
    r"[.!?]+(?<!\bMs\.)(?<!\bMr\.)(?<!\bMx\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\be\.g\.)"
    r"(?<!\bi\.e\.)[\"')\]”’]*(?:\s+|$)|\n\s*\n"
)
_LINK_PHRASE = re.compile(
    r"\b(?:we (?:both|are both|have both)|both (?:know|members?|belong|take part)|mutual|"
    r"in common|fellow member|members? of|connected to|came across|found your|read your|"
    r"after reading|saw your (?:post|article|talk|comment|presentation)|heard you|"
    r"referred me|suggested (?:i|that i))\b",
    re.IGNORECASE,
)

_PERSONAL_NETWORK = _Gated(
    ("facebook", "insta", "tiktok", "snapchat", "whatsapp", "tinder", "dating"),
    re.compile(
        r"\b(?:facebook|instagram|insta|tiktok|snapchat|whatsapp|tinder|dating app)\b",
        re.IGNORECASE,
    ),
)
_POSSESSIVE = r"\b(?:your|her|his)\s+(?:lovely\s+|beautiful\s+|little\s+|new\s+|cute\s+)?"
_FAMILY_WORDS = [
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
_FAMILY = _Gated(
    tuple(f" {w}" for w in _FAMILY_WORDS),
    re.compile(
        _POSSESSIVE + r"(?:family|kids?|children|child|husband|wife|spouse|partner|son|daughter|"
        r"baby|babies|boyfriend|girlfriend|mom|mum|dad|mother|father|parents|grandkids|"
        r"grandchildren|dog|cat|pets?|wedding|honeymoon|pregnancy|birthday|vacation|holiday|"
        r"weekend|private life|personal life)\b"
        r"(?!\s+(?:librar|organi|institution|school|program|service|department|collection|polic))"
        r"|\b(?:pregnant|honeymoon)\b",
        re.IGNORECASE,
    ),
)
_HOME = _Gated(
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
        _POSSESSIVE + r"(?:home|house|flat|apartment|street|address|neighbou?rhood|front door)\b"
        r"(?!\s+(?:librar|branch|page|institution|town|state|country|base|office|department|"
        r"university|club|team))"
        r"|\b(?:home address|where you live|you live (?:at|on|in)|near your (?:home|house))\b",
        re.IGNORECASE,
    ),
)
_PHOTOS = _Gated(
    ("photo", "pictures", "picture of", "r picture", "s picture", "pics", "selfie", "snaps"),
    re.compile(
        _POSSESSIVE + r"(?:\w+\s+)?(?:photos?|pictures?|pics|selfies?|snaps)\b"
        r"|\b(?:photos?|pictures?|pics|selfies?)\s+(?:of|from)\s+(?:you|your)\b",
        re.IGNORECASE,
    ),
)
_NOTICED = _Gated(
    ("i noticed", "i saw", "i see", "i spotted", "been watching", "been following"),
    re.compile(
        r"\bI\s+(?:noticed|saw|see|spotted|have been watching|'ve been watching|"
        r"have been following|'ve been following)\s+(?:that\s+)?(?:you|your)\b"
        r"(?P<tail>[^.!?\n]{0,80})",
        re.IGNORECASE,
    ),
)
_PROFESSIONAL = re.compile(
    r"\b(?:post|posts|posted|article|blog|talk|talks|present\w*|paper|wrote|written|writing|"
    r"publish\w*|comment\w*|work|works|worked|role|job|position|team|librar\w*|school|archive\w*|"
    r"department|conference|panel|webinar|group|association|profile|project|research|book|"
    r"course|podcast|interview|award\w*|promot\w*|joined|career|linkedin|newsletter|program\w*|"
    r"service\w*|collection|organi[sz]ation|company|museum|university|college|committee|board|"
    r"speak\w*|lead\w*|manag\w*|thread|discussion|site|website|portfolio)\b",
    re.IGNORECASE,
)
_EMOJI = re.compile(
    r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]|(?<![\w:])[:;]-?[)(DPp](?!\w)"
)
_EXCLAMATION_RUN = "!!"

_MINUTES = _Gated(
    ("min",),
    re.compile(
        r"\b(\d{1,3})(?:\s*(?:-|–|—|to)\s*(\d{1,3}))?(?:\s|-)*(?:minutes?|mins?)\b",
        re.IGNORECASE,
    ),
)
_HALF_HOUR = _Gated(("half",), re.compile(r"\bhalf an hour\b|\bhalf-hour\b", re.IGNORECASE))
_HOURS = _Gated(
    ("hour", "coffee", "lunch"),
    re.compile(r"(?<!half )\b(?:an|one|two|\d+)\s+hours?\b|\bcoffee\b|\blunch\b", re.IGNORECASE),
)
_JOB_ASK = _Gated(
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
_PLACEHOLDER = _Gated(
    ("[", "___", "{", "}", "%", "todo", "tbd", "fixme", "xxx", "<"),
    re.compile(
        r"\[(?:[A-Z][A-Za-z .'/-]{0,30}|(?i:name|your name|first name|company|organi[sz]ation|"
        r"title|date|insert[^\]]{0,30}))\]"
        r"|_{3,}|\{\{|\}\}|\{%|%\}|\b(?:TODO|TBD|FIXME|XXX)\b"
        r"|<(?i:name|your name|first name|surname|company|organi[sz]ation|title)>"
    ),
)
_ATTACHMENT = _Gated(
    ("attach", "enclos", "please find", "included my"),
    re.compile(
        r"\b(?:attach(?:ed|ing|ment|ments)?|enclos(?:ed|ing|ure)|please find|"
        r"i(?:'ve| have) included my)\b",
        re.IGNORECASE,
    ),
)
_SUBJECT_PURPOSE = re.compile(
    r"\b(?:question|ask|advice|informational|interview|conversation|chat|call\b|learn|career|"
    r"insight|curious|introduc|request|perspective|working at|work at|role|job at|thank|"
    r"following up|follow-up|follow up)",
    re.IGNORECASE,
)
_GOAL_PHRASE = re.compile(
    r"\b(?:learn\b|learning (?:what|how|about what|more)|understand|curious about|"
    r"hear (?:about|how|what)|know more|insight into|find out|what \w+(?: \w+)? (?:is|looks) like)",
    re.IGNORECASE,
)


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """Points added to or removed from the score, said in words, with what to do about it."""

    id: str
    points: int
    text: str
    suggestion: str = ""

    def label(self) -> str:
        """ "+3: no shared connection…", "-2: …", or "note: …" for advice worth no points."""
        if self.points == 0:
            return f"note: {self.text}"
        return f"{self.points:+d}: {self.text}"


@dataclass(frozen=True)
class RuleResult:
    id: str
    ok: bool
    message: str
    """What this text does or should do, in one line."""
    explanation: str
    source: str


@dataclass(frozen=True)
class LengthStatus:
    chars: int
    limit: int
    warn_at: int
    level: str
    """"ok", "warning" or "error"."""
    hard: bool = True
    """False: the limit is advice (an e-mail), so going over it is only a warning."""

    @property
    def text(self) -> str:
        """ "183 / 200 characters"."""
        return f"{self.chars:,} / {self.limit:,} characters"

    def to_json(self) -> dict[str, Any]:
        return {
            "chars": self.chars,
            "limit": self.limit,
            "warn_at": self.warn_at,
            "level": self.level,
        }


LEVEL_OK = "ok"
LEVEL_WARNING = "warning"
LEVEL_ERROR = "error"


def length_status(chars: int, limit: int, warn_at: int, hard: bool = True) -> LengthStatus:
    """The level of a length: error past a hard limit, warning from `warn_at`, else ok."""
    if chars > limit:
        level = LEVEL_ERROR if hard else LEVEL_WARNING
    elif chars >= warn_at:
        level = LEVEL_WARNING
    else:
        level = LEVEL_OK
    return LengthStatus(chars, limit, warn_at, level, hard)


@dataclass(frozen=True)
class CoachReport:
    channel: str
    score: int
    reasons: tuple[Reason, ...]
    rules: tuple[RuleResult, ...]
    length: LengthStatus
    subject_length: LengthStatus | None
    words: int

    @property
    def label(self) -> str:
        return score_label(self.score)

    @property
    def failing_rules(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.rules if not r.ok)

    def top_reasons(self, count: int = 3) -> list[Reason]:
        """The reasons most worth showing: what raises the score, then advice, then the rest."""
        ranked = sorted(
            self.reasons,
            key=lambda r: (0 if r.points > 0 else 1 if r.points == 0 else 2, -abs(r.points)),
        )
        return ranked[:count]

    def to_json(self) -> dict[str, Any]:
        """The stable machine-readable form (`check --json`)."""
        return {
            "channel": self.channel,
            "score": self.score,
            "label": self.label,
            "base": BASE_SCORE,
            "reasons": [
                {"id": r.id, "points": r.points, "text": r.text, "suggestion": r.suggestion}
                for r in self.reasons
            ],
            "rules": [
                {
                    "id": r.id,
                    "ok": r.ok,
                    "message": r.message,
                    "explanation": r.explanation,
                    "source": r.source,
                }
                for r in self.rules
            ],
            "length": {**self.length.to_json(), "words": self.words},
            "subject_length": None
            if self.subject_length is None
            else self.subject_length.to_json(),
        }


def score_label(score: int) -> str:
    """A word for a score: natural, uneasy, creepy or alarming."""
    for highest, label in SCORE_LABELS:
        if score <= highest:
            return label
    return SCORE_LABELS[-1][1]


def gauge(score: int, width: int = 10) -> str:
    """The score as a bar of `width` cells: ``███░░░░░░░``."""
    filled = -(-max(MIN_SCORE, min(MAX_SCORE, score)) * width // MAX_SCORE)  # rounded up
    return "█" * filled + "░" * (width - filled)


def gauge_line(score: int, width: int = 10) -> str:
    """One line for a review screen or a terminal: ``███░░░░░░░ 3/10 · natural``."""
    return f"{gauge(score, width)} {score}/{MAX_SCORE} · {score_label(score)}"


# --- facts about a text, computed once per call ------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _significant(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in _STOP]


def _mentioned(item: str, text_l: str, words: frozenset[str], loose_names: bool = False) -> bool:
    """Whether a research answer shows in the text: verbatim, or most of its words."""
    item_n = _norm(item)
    if not item_n:
        return False
    if item_n.lower() in text_l:
        return True
    for acronym in _ACRONYM.findall(item_n):
        if acronym.lower() in words:
            return True
    if loose_names:
        # A person: their first or last name is enough ("we both know Priya").
        return any(len(w) >= 3 and w in words for w in _WORD.findall(item_n.lower()))
    significant = _significant(item_n)
    if not significant:
        return False
    hits = sum(1 for w in significant if w in words)
    return hits * 5 >= len(significant) * 3


@dataclass(frozen=True)
class _Facts:
    body: str
    body_l: str
    text_l: str
    """Subject and body, whitespace squeezed, lower case."""
    words: frozenset[str]
    word_count: int
    greeting_word: str
    greeting_who: str
    early_l: str
    """The first EARLY_SENTENCES sentences after the greeting, lower case."""
    masked: str
    """Subject and body with the user's own professional answers blanked out."""


def _facts(answers: Answers, subject: str | None, message: str) -> _Facts:
    body = message.replace("\r\n", "\n").replace("’", "'")
    full = f"{subject or ''}\n{body}"
    text_l = _norm(full).lower()
    greeting = _GREETING.match(body)
    rest = (body[greeting.end() :] if greeting else body).lstrip()
    stop = len(rest)
    for count, match in enumerate(_SENTENCE_END.finditer(rest), start=1):
        if count >= EARLY_SENTENCES:
            stop = match.end()
            break
    early_l = _norm(rest[:stop]).lower()
    # Names of groups, titles and organisations can hold words such as "family" or "children"
    # ("Family Literacy Network", "Children's Librarian"): blank the user's own professional
    # answers out before looking for personal details.
    masked = " " + _norm(full).lower() + " "
    r, c = answers.research, answers.contact
    for known in (
        *r.shared_connections,
        *r.groups,
        *r.public_activity,
        r.web_search,
        c.title,
        c.organization,
        answers.goal.learn,
        answers.sender.location,
    ):
        known_n = _norm(known).lower()
        if len(known_n) >= 3:
            masked = masked.replace(known_n, " ¤ ")
    return _Facts(
        body=body,
        body_l=body.lower(),
        text_l=text_l,
        words=_word_set(text_l),
        word_count=len(body.split()),
        greeting_word=greeting.group("word").lower() if greeting else "",
        greeting_who=greeting.group("who").lower() if greeting else "",
        early_l=early_l,
        masked=masked,
    )


def _who(answers: Answers) -> str:
    return salutation_name(answers) or "them"


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


# --- the score ---------------------------------------------------------------------------------


def _contact_reasons(answers: Answers, facts: _Facts) -> list[Reason]:
    who = _who(answers)
    r = answers.research
    connections = [i for i in r.shared_connections if i.strip()]
    groups = [i for i in r.groups if i.strip()]
    writing = [i for i in r.public_activity if i.strip()]
    web = r.web_search.strip()
    said_connections = [
        i for i in connections if _mentioned(i, facts.text_l, facts.words, loose_names=True)
    ]
    said_groups = [i for i in groups if _mentioned(i, facts.text_l, facts.words)]
    said_writing = [i for i in writing if _mentioned(i, facts.text_l, facts.words)]
    said_web = bool(web) and _mentioned(web, facts.text_l, facts.words)

    lowering: list[tuple[str, str]] = []
    if said_connections:
        lowering.append(
            ("shared-connection", f"you both know {_quote(said_connections[0])}, and you say so")
        )
    if said_groups:
        lowering.append(("group", f"you are both in {_quote(said_groups[0])}, and you say so"))
    if said_writing:
        lowering.append(("writing", f"you mention their public writing, {_quote(said_writing[0])}"))
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


def _personal_reasons(answers: Answers, facts: _Facts) -> list[Reason]:
    who = _who(answers)
    reasons: list[Reason] = []
    masked = facts.masked
    if match := _PERSONAL_NETWORK.search(masked, masked):
        reasons.append(
            Reason(
                "personal-network",
                WEIGHTS["personal-network"],
                f"mentions {_quote(match.group(0))}: a personal network, not a professional one",
                "Leave personal networks out; refer to LinkedIn or to their professional writing.",
            )
        )
    if match := _FAMILY.search(masked, masked):
        reasons.append(
            Reason(
                "family",
                WEIGHTS["family"],
                f"touches on {who}'s family or private life ({_quote(match.group(0))})",
                "Leave family and private life out: keep to their work.",
            )
        )
    if match := _HOME.search(masked, masked):
        reasons.append(
            Reason(
                "home",
                WEIGHTS["home"],
                f"refers to where {who} lives ({_quote(match.group(0))})",
                "Never mention a stranger's home or address.",
            )
        )
    if match := _PHOTOS.search(masked, masked):
        reasons.append(
            Reason(
                "photos",
                WEIGHTS["photos"],
                f"mentions photos ({_quote(match.group(0))})",
                "Leave photos out: it says you looked closely at their pictures.",
            )
        )
    for match in _NOTICED.finditer(masked, masked):
        tail = match.group("tail")
        if "¤" in tail or _PROFESSIONAL.search(tail):
            continue
        reasons.append(
            Reason(
                "noticed",
                WEIGHTS["noticed"],
                f"{_quote(match.group(0))} about something other than their work reads as watching",
                "If you mention something you saw, make it their work: a post, a talk, an article.",
            )
        )
        break
    return reasons


def _uses_first_name(answers: Answers, facts: _Facts) -> bool:
    parts = _WORD.findall(answers.contact.name.lower())
    if facts.greeting_word:
        who = set(_WORD.findall(facts.greeting_who))
        if not parts:  # no name yet, or none made of letters ("🦉"): no first name to use
            return False
        if len(parts) < 2 or parts[0] == parts[-1]:
            return answers.contact.honorific == FIRST_NAME_ONLY and parts[0] in who
        honorifics = {h.lower().rstrip(".") for h in HONORIFICS} | {"mrs", "prof", "professor"}
        return parts[0] in who and parts[-1] not in who and not (who & honorifics)
    return answers.contact.honorific == FIRST_NAME_ONLY


def _familiarity_reasons(answers: Answers, facts: _Facts, shared_context: bool) -> list[Reason]:
    reasons: list[Reason] = []
    if not shared_context and _uses_first_name(answers, facts):
        first = answers.contact.name.split()[0] if answers.contact.name.split() else "them"
        reasons.append(
            Reason(
                "first-name",
                WEIGHTS["first-name"],
                f"calls {first} by first name with no shared context",
                "Use a title and surname (Ms. / Mr. / Mx. / Dr.) until they reply in kind.",
            )
        )
    if facts.greeting_word in _CASUAL_GREETINGS:
        reasons.append(
            Reason(
                "casual-greeting",
                WEIGHTS["casual-greeting"],
                f"opens with {_quote(facts.greeting_word.capitalize())}: too casual for a stranger",
                "Open with “Dear” or “Hello”.",
            )
        )
    if (not facts.body.isascii() or ":" in facts.body or ";" in facts.body) and _EMOJI.search(
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
    if _EXCLAMATION_RUN in facts.body or facts.body.count("!") > 2:
        reasons.append(
            Reason(
                "exclamation",
                WEIGHTS["exclamation"],
                "exclamation marks read as over-eager",
                "Use full stops and at most one exclamation mark; let the words carry the warmth.",
            )
        )
    return reasons


def creepiness(
    answers: Answers, channel: str | Channel, subject: str | None, message: str
) -> tuple[int, list[Reason]]:
    """The creepiness score (1 natural .. 10 alarming) and the reasons for every point."""
    spec = channel if isinstance(channel, Channel) else get_channel(channel)
    return _creepiness(answers, spec, _facts(answers, subject, message))


def _creepiness(answers: Answers, spec: Channel, facts: _Facts) -> tuple[int, list[Reason]]:
    who = _who(answers)
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


def channel_lengths(
    channel: str | Channel, premium: bool, subject: str | None, message: str
) -> tuple[LengthStatus, LengthStatus | None]:
    """The body's length status and, for a channel with a subject, the subject's."""
    spec = channel if isinstance(channel, Channel) else get_channel(channel)
    body = length_status(
        len(message), spec.limit_for(premium), spec.warn_for(premium), spec.hard_body_limit
    )
    subject_status = None
    warn_at = spec.subject_warn_at()
    if spec.subject_limit is not None and warn_at is not None:
        subject_status = length_status(len(subject or ""), spec.subject_limit, warn_at)
    return body, subject_status


# --- rules -------------------------------------------------------------------------------------


def _result(rule_id: str, ok: bool, message: str) -> RuleResult:
    spec = RULES[rule_id]
    return RuleResult(rule_id, ok, message, spec.explanation, spec.source)


def _rule_short(spec: Channel, facts: _Facts) -> RuleResult:
    n, limit = facts.word_count, spec.word_limit
    if n <= limit:
        return _result("short", True, f"{n} words: short enough")
    return _result("short", False, f"{n} words: aim for under {limit}; keep only the essentials")


def _rule_connection_early(answers: Answers, facts: _Facts) -> RuleResult:
    r = answers.research
    early_words = frozenset(_WORD.findall(facts.early_l))
    items = [(i, True) for i in r.shared_connections] + [
        (i, False) for i in (*r.groups, *r.public_activity, r.web_search)
    ]
    linked = any(
        _mentioned(item, facts.early_l, early_words, loose_names=loose) for item, loose in items
    ) or bool(_LINK_PHRASE.search(facts.early_l))
    if linked:
        return _result("connection-early", True, "says early how you are linked")
    return _result(
        "connection-early",
        False,
        f"the first two sentences do not say how you are linked to {_who(answers)}",
    )


def _rule_one_ask(facts: _Facts) -> RuleResult:
    spans: set[tuple[int, int]] = set()
    for match in _MINUTES.finditer(facts.body, facts.body_l):
        low = int(match.group(1))
        spans.add((low, int(match.group(2) or low)))
    if _HALF_HOUR.search(facts.body, facts.body_l):
        spans.add((30, 30))
    low_ok, high_ok = ASK_MINUTES_RANGE
    if hours := _HOURS.search(facts.body, facts.body_l):
        return _result(
            "one-ask",
            False,
            f"asks for {_quote(hours.group(0))}: ask for a call of {low_ok}-{high_ok} minutes",
        )
    if not spans:
        return _result(
            "one-ask", False, f"no time is given: ask for a call of {low_ok}-{high_ok} minutes"
        )
    if len(spans) > 1:
        return _result("one-ask", False, "asks for different lengths of time: make one ask")
    low, high = next(iter(spans))
    shown = f"{low}" if low == high else f"{low}-{high}"
    if low < low_ok or high > high_ok:
        return _result(
            "one-ask", False, f"asks for {shown} minutes: {low_ok}-{high_ok} minutes is usual"
        )
    questions = facts.body.count("?")
    if questions > MAX_QUESTION_MARKS:
        return _result("one-ask", False, f"{questions} questions: keep to one clear ask")
    return _result("one-ask", True, f"one ask, for {shown} minutes")


def _rule_pattern(rule_id: str, pattern: _Gated, text: str, fail: str, ok: str) -> RuleResult:
    match = pattern.search(text, text.lower())
    if match:
        return _result(rule_id, False, fail.format(found=_quote(match.group(0))))
    return _result(rule_id, True, ok)


def _rule_subject_why(subject: str | None) -> RuleResult:
    if not (subject or "").strip():
        return _result("subject-why", False, "no subject line: say why you are writing")
    if _SUBJECT_PURPOSE.search(subject or ""):
        return _result("subject-why", True, "the subject says why you are writing")
    return _result(
        "subject-why",
        False,
        "the subject does not say why you are writing (e.g. “Questions about working at …”)",
    )


def _rule_subject_short(status: LengthStatus) -> RuleResult:
    if status.level == LEVEL_OK:
        return _result("subject-short", True, f"subject of {status.chars} characters")
    return _result(
        "subject-short",
        False,
        f"subject of {status.chars} characters: it may be cut before the end",
    )


def _rule_goal(answers: Answers, facts: _Facts) -> RuleResult:
    learn = answers.goal.learn.strip()
    if learn:
        if _mentioned(learn, facts.text_l, facts.words):
            return _result("goal", True, "says what you want to learn")
        return _result("goal", False, f"your goal, {_quote(learn)}, is not in the message")
    if _GOAL_PHRASE.search(facts.body):
        return _result("goal", True, "says what you want to learn")
    return _result("goal", False, "does not say what you want to learn: add your goal")


def _rule_fits(body: LengthStatus, subject: LengthStatus | None) -> RuleResult:
    if subject is not None and subject.level == LEVEL_ERROR:
        return _result("fits-limit", False, f"subject is over the limit: {subject.text}")
    if body.level == LEVEL_ERROR:
        return _result("fits-limit", False, f"over the limit: {body.text}; it cannot be sent")
    return _result("fits-limit", True, body.text)


def _rules(
    answers: Answers,
    spec: Channel,
    subject: str | None,
    facts: _Facts,
    body: LengthStatus,
    subject_status: LengthStatus | None,
) -> list[RuleResult]:
    asking = spec.purpose != THANK_YOU
    results = [_rule_short(spec, facts)]
    if asking:
        results.append(_rule_connection_early(answers, facts))
        results.append(_rule_one_ask(facts))
    results.append(
        _rule_pattern(
            "no-job-ask",
            _JOB_ASK,
            facts.body,
            "asks for {found}: ask to learn, not for a job, a referral or a résumé review",
            "asks to learn, not for a job",
        )
    )
    results.append(
        _rule_pattern(
            "no-placeholders",
            _PLACEHOLDER,
            f"{subject or ''}\n{facts.body}",
            "leftover placeholder {found}: fill it in or remove it",
            "no leftover placeholders",
        )
    )
    if spec.has_subject and subject_status is not None:
        results.append(_rule_subject_why(subject))
        results.append(_rule_subject_short(subject_status))
    results.append(
        _rule_pattern(
            "no-attachments",
            _ATTACHMENT,
            facts.body,
            "promises an attachment ({found}): offer to send things later, if asked",
            "promises no attachments",
        )
    )
    if spec.name not in _NO_GOAL_CHANNELS:
        results.append(_rule_goal(answers, facts))
    results.append(_rule_fits(body, subject_status))
    return results


def check_rules(
    answers: Answers, channel: str | Channel, subject: str | None, message: str
) -> list[RuleResult]:
    """The rules that apply to this channel, run on the final text."""
    spec = channel if isinstance(channel, Channel) else get_channel(channel)
    body, subject_status = channel_lengths(spec, answers.premium, subject, message)
    return _rules(answers, spec, subject, _facts(answers, subject, message), body, subject_status)


# --- everything at once ------------------------------------------------------------------------


def coach(
    answers: Answers, channel: str | Channel, subject: str | None, message: str
) -> CoachReport:
    """Score, reasons, rules and length for the final text of a message on a channel.

    `subject` is ignored (may be None) for a channel without one. Raises RenderError for an
    unknown channel name.
    """
    spec = channel if isinstance(channel, Channel) else get_channel(channel)
    if not spec.has_subject:
        subject = None
    facts = _facts(answers, subject, message)
    score, reasons = _creepiness(answers, spec, facts)
    body, subject_status = channel_lengths(spec, answers.premium, subject, message)
    rules = _rules(answers, spec, subject, facts, body, subject_status)
    return CoachReport(
        channel=spec.name,
        score=score,
        reasons=tuple(reasons),
        rules=tuple(rules),
        length=body,
        subject_length=subject_status,
        words=facts.word_count,
    )


def rule_ids(results: Sequence[RuleResult], ok: bool | None = None) -> list[str]:
    """The ids of rule results, optionally only the passing (True) or failing (False) ones."""
    return [r.id for r in results if ok is None or r.ok is ok]
