"""The wizard's steps and questions, declared once as data.

This one list drives the TUI's forms, their validation, the Review step and the `render`
command's check for required answers. Adding a question means adding it here (and to the
answers model if it is a new field).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from outreach_tui.core.model.answers import (
    FIRST_NAME_ONLY,
    HONORIFICS,
    NO_HONORIFIC,
    Answers,
    AnswersError,
    get_value,
    parse_distance,
    parse_minutes,
)


class Kind(Enum):
    TEXT = "text"
    """One line of text."""
    LIST = "list"
    """Several short items, one per line."""
    LONGTEXT = "longtext"
    """A few lines of free text."""
    CHOICE = "choice"
    """One of a fixed set of values."""
    NUMBER = "number"
    """A number (empty allowed unless required)."""
    BOOL = "bool"
    """Yes or no."""


Validator = Callable[[str], str | None]
"""Takes the text as typed; returns None when fine, or the reason it is not."""


@dataclass(frozen=True)
class Question:
    key: str
    """Dotted key into the answers, e.g. ``contact.name``."""
    label: str
    help: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    """For CHOICE: (label shown, value stored)."""
    placeholder: str = ""
    max_length: int = 0
    max_item_length: int = 0
    """For LIST: the longest one line may be (one name, group or piece of writing); 0: no limit."""
    validator: Validator | None = None
    channels: tuple[str, ...] = ()
    """Asked only for these channels (e.g. what was learned, for the thank-you); () for all."""

    def asked_for(self, channel: str) -> bool:
        """Whether the wizard asks this question when writing for `channel`."""
        return not self.channels or channel in self.channels

    note: Callable[[str], str] | None = None
    """Live advice on the text as typed, shown under the field ("" for none); never blocks."""

    def check(self, text: str) -> str | None:
        """Why `text` is not acceptable for this question, or None when it is."""
        if self.required and not text.strip():
            return f"{self.label} is needed."
        if self.max_length and len(text) > self.max_length:
            return f"{self.label} is limited to {self.max_length:,} characters."
        if self.max_item_length:
            longest = max((len(line.strip()) for line in text.splitlines()), default=0)
            if longest > self.max_item_length:
                return (
                    f"A line of {self.label} is {longest:,} characters long: one name, group or "
                    f"piece of writing per line, at most {self.max_item_length} characters each."
                )
        if self.validator is not None and text.strip():
            return self.validator(text)
        return None


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    hint: str
    """One line: why this step matters."""
    questions: tuple[Question, ...] = ()


ITEM_LENGTH = 500
"""The longest line of a research list: a name, a group or the title of a long article fits."""
SEARCH_LENGTH = 2_000
"""The longest web-search note: a few sentences of findings, not a pasted page."""


def _number(text: str) -> str | None:
    try:
        parse_distance(text)
    except AnswersError as exc:
        return str(exc).capitalize() + "."
    return None


def _minutes(text: str) -> str | None:
    try:
        parse_minutes(text)
    except AnswersError as exc:
        return str(exc).capitalize() + "."
    return None


GREETING_KEY = "contact.greeting_name"
"""The "Name in the greeting" question: empty means the name worked out from the parse."""
THANK_YOU_CHANNEL = "thank-you"
"""The channel whose note names what the user learned (its name in core/message/channels.py)."""


def _personal(text: str) -> str:
    # Imported on first use: the first screen is drawn without it.
    from outreach_tui.core.model.personal import personal_note

    return personal_note(text)


HONORIFIC_CHOICES: tuple[tuple[str, str], ...] = (
    *((h, h) for h in HONORIFICS),
    ("First name only", FIRST_NAME_ONLY),
    ("Full name, no title", NO_HONORIFIC),
)

STEPS: tuple[Step, ...] = (
    Step(
        "you",
        "You",
        "A stranger decides in seconds whether to read on: say plainly who is writing.",
        (
            Question(
                "sender.name",
                "Your name",
                "Signed at the end of the message.",
                required=True,
                placeholder="e.g. Jordan Lee",
                max_length=100,
            ),
            Question(
                "sender.location",
                "Where you live",
                "Optional. Lets the message mention a move when the job is far away.",
                placeholder="e.g. Dayton, Ohio",
                max_length=100,
            ),
            Question(
                "premium",
                "I have LinkedIn Premium",
                "Premium allows a 300-character invitation note instead of 200.",
                kind=Kind.BOOL,
            ),
        ),
    ),
    Step(
        "contact",
        "Contact",
        "Get their name and organisation exactly right: errors here read as carelessness.",
        (
            Question(
                "contact.name",
                "Their name",
                "As it appears on their profile.",
                required=True,
                placeholder="e.g. Alex Morgan",
                max_length=100,
            ),
            Question(
                "contact.honorific",
                "How to address them",
                "Formal is the safe default; the choice is yours.",
                kind=Kind.CHOICE,
                choices=HONORIFIC_CHOICES,
            ),
            Question(
                GREETING_KEY,
                "Name in the greeting",
                "Empty: the suggestion. Correct it, e.g. for a family name written first.",
                max_length=100,
            ),
            Question(
                "contact.title",
                "Their job title",
                "Optional. Shows you know what they do.",
                placeholder="e.g. Head of Reference Services",
                max_length=120,
            ),
            Question(
                "contact.organization",
                "Their organisation",
                "The library, school, archive or company they work for.",
                required=True,
                placeholder="e.g. Westerly Public Library",
                max_length=120,
            ),
        ),
    ),
    Step(
        "research",
        "Research",
        "Every genuine point of contact makes a message from a stranger feel natural, not creepy.",
        (
            Question(
                "research.shared_connections",
                "Shared connections",
                "People you both know on LinkedIn, one per line. The strongest reason to write.",
                kind=Kind.LIST,
                max_item_length=ITEM_LENGTH,
                note=_personal,
            ),
            Question(
                "research.groups",
                "Groups in common",
                "LinkedIn groups, associations or boards you both take part in, one per line.",
                kind=Kind.LIST,
                max_item_length=ITEM_LENGTH,
                note=_personal,
            ),
            Question(
                "research.public_activity",
                "Their public writing",
                "A blog, a post, a talk, an article, one per line, e.g. 'your post on weeding'.",
                kind=Kind.LIST,
                max_item_length=ITEM_LENGTH,
                note=_personal,
            ),
            Question(
                "research.web_search",
                "What a web search found",
                "Other places they are active professionally.",
                kind=Kind.LONGTEXT,
                max_length=SEARCH_LENGTH,
                note=_personal,
            ),
            Question(
                "contact.active_on_linkedin",
                "Do they look active on LinkedIn?",
                "Recent posts or activity. An inactive profile may never see your message.",
                kind=Kind.CHOICE,
                choices=(("Not sure", "unknown"), ("Yes", "yes"), ("No", "no")),
            ),
        ),
    ),
    Step(
        "distance",
        "Distance",
        "A job 100 miles (160 km) or more away is worth a conversation before any trip.",
        (
            Question(
                "job.distance",
                "How far is the job from home?",
                "Optional. Leave empty if you do not know.",
                kind=Kind.NUMBER,
                placeholder="e.g. 250",
                validator=_number,
            ),
            Question(
                "job.unit",
                "Unit",
                "Miles or kilometres.",
                kind=Kind.CHOICE,
                choices=(("miles", "miles"), ("km", "km")),
            ),
        ),
    ),
    Step(
        "goal",
        "Goal",
        "A request with a clear purpose gets answers; a vague one gets ignored.",
        (
            Question(
                "goal.learn",
                "What do you want to learn?",
                "Short and specific, e.g. 'what a typical week in youth services looks like'.",
                required=True,
                placeholder="e.g. how the library supports new staff",
                max_length=200,
            ),
            Question(
                "goal.ask_minutes",
                "Minutes to ask for",
                "A small, bounded ask: 15-20 minutes is usual.",
                required=True,
                placeholder="15-20",
                max_length=20,
                validator=_minutes,
            ),
            Question(
                "goal.learned",
                "What did you learn from the conversation?",
                "Optional, for the thank-you: one specific thing they told you, e.g. 'that new "
                "staff shadow each desk for a month'. Left empty, the note thanks them without "
                "naming it.",
                placeholder="e.g. how the weeding rota works",
                max_length=200,
                channels=(THANK_YOU_CHANNEL,),
            ),
        ),
    ),
    Step("review", "Review", "Check every answer once: click or press Enter on one to change it."),
    Step("preview", "Preview & save", "Read it as they will. Edit freely, then save (ctrl+s)."),
)

FORM_STEPS: tuple[Step, ...] = tuple(s for s in STEPS if s.questions)
QUESTIONS: dict[str, Question] = {q.key: q for s in STEPS for q in s.questions}
STEP_OF: dict[str, Step] = {q.key: s for s in STEPS for q in s.questions}


def step_index(key: str) -> int:
    """Index of a step by its key."""
    for index, step in enumerate(STEPS):
        if step.key == key:
            return index
    raise KeyError(key)


def as_text(question: Question, value: Any) -> str:
    """An answer's value as the text a form field shows."""
    if question.kind is Kind.LIST:
        return "\n".join(value or [])
    if question.kind is Kind.BOOL:
        return "yes" if value else "no"
    if question.kind is Kind.NUMBER:
        if value is None:
            return ""
        return str(int(value)) if float(value).is_integer() else str(value)
    return "" if value is None else str(value)


def from_text(question: Question, text: str) -> Any:
    """The value to store for text typed in a form field (assumes it passed `check`)."""
    if question.kind is Kind.LIST:
        return [line.strip() for line in text.splitlines() if line.strip()]
    if question.kind is Kind.BOOL:
        return text.strip().lower() in ("yes", "y", "true", "1")
    if question.kind is Kind.NUMBER:
        try:
            return parse_distance(text)
        except AnswersError:
            return None
    return text


def display_value(question: Question, value: Any) -> str:
    """An answer as the Review step shows it: readable, never empty."""
    if question.kind is Kind.LIST:
        return "; ".join(value) if value else "(none)"
    if question.kind is Kind.BOOL:
        return "yes" if value else "no"
    if question.kind is Kind.CHOICE:
        for label, choice in question.choices:
            if choice == value:
                return label
        return "(not chosen)" if not value else str(value)
    text = as_text(question, value).strip()
    return text if text else "(empty)"


def display_answer(question: Question, answers: Answers) -> str:
    """An answer as the Review step and plain mode show it, in the context of the others: the
    name in the greeting reads as the greeting does, e.g. "Dear Dr. van der Berg, (suggested)".
    """
    value = get_value(answers, question.key)
    if question.key != GREETING_KEY:
        return display_value(question, value)
    from outreach_tui.core.names import greeting_line

    c = answers.contact
    if not c.name.strip() and not c.greeting_name:
        return "(empty)"
    line = greeting_line(c.name, c.honorific, c.greeting_name)
    return f"{line} ({'yours' if c.greeting_name else 'suggested'})"


def channel_questions(channel: str) -> list[Question]:
    """The questions asked only for `channel` (none for most channels), in wizard order."""
    return [q for q in QUESTIONS.values() if q.channels and channel in q.channels]


def answer_problems(answers: Answers) -> tuple[list[Question], list[tuple[Question, str]]]:
    """(required questions left empty, other answers that fail their check with the reason).

    A goal over its length limit is a problem with its own reason ("… is limited to 200
    characters."), not a missing answer.
    """
    empty: list[Question] = []
    invalid: list[tuple[Question, str]] = []
    for key, question in QUESTIONS.items():
        text = as_text(question, get_value(answers, key))
        problem = question.check(text)
        if problem is None:
            continue
        if question.required and not text.strip():
            empty.append(question)
        else:
            invalid.append((question, problem))
    return empty, invalid


def missing_required(answers: Answers) -> list[Question]:
    """The required questions left empty or invalid, in wizard order."""
    missing: list[Question] = []
    for key, question in QUESTIONS.items():
        if question.check(as_text(question, get_value(answers, key))) is not None:
            missing.append(question)
    return missing
