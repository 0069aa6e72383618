"""Plain mode (`outreach-tui --plain`): the wizard as line-by-line prompts on stdin/stdout.

For screen readers and pipes: no full-screen interface, no colour, no escape sequences, and
Textual is never imported. The questions, their order, labels, help, validation and defaults
all come from core/model/questions.py (STEPS), the one declaration the wizard uses too.

How each kind of question is answered:

- text, long text, number: one line; an empty line keeps the default shown in [brackets],
  a single "-" clears it;
- list: one item per line, ending with an empty line (an empty first line keeps the default,
  "-" clears it);
- choice: its number or its value (or label); empty keeps the default;
- yes/no: y or n; empty keeps the default.

A bad answer is asked again with the validator's reason. Then the message is printed with the
coach's findings, the channel can be changed, and the draft is saved with DraftStore exactly as
the wizard saves it. End of input at any point: one line on stderr and exit status 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from outreach_tui.core.coach import BASE_SCORE, MAX_SCORE, CoachReport, coach
from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.store import DraftStore, StoreError
from outreach_tui.core.message.channels import (
    DEFAULT_CHANNEL,
    INTRODUCTION_CHANNEL,
    INTRODUCTION_SPEC,
    Channel,
    RenderError,
)
from outreach_tui.core.message.rendered import Rendered
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers, get_value, set_value
from outreach_tui.core.model.questions import (
    FORM_STEPS,
    GREETING_KEY,
    Kind,
    Question,
    as_text,
    channel_questions,
    display_value,
    from_text,
)
from outreach_tui.core.platform.safe_text import visible
from outreach_tui.plain import introduction as warm

CLEAR = "-"
EXIT_EOF = 1


def printable(text: str) -> str:
    """Text safe to print: no escape sequences, no control characters, no bidi overrides."""
    return visible(text)


class InputEnded(Exception):
    """Standard input ended before the wizard did."""


class Prompter:
    """Line-by-line questions on a pair of text streams."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout

    def say(self, text: str = "") -> None:
        self.stdout.write(printable(text) + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        """One line of input after `prompt` (without its line ending). Raises InputEnded."""
        self.stdout.write(printable(prompt))
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")
            raise InputEnded
        return line.rstrip("\r\n")

    # -- one question ---------------------------------------------------------------------------

    def question(self, question: Question, current: Any) -> Any:
        """Ask until the answer passes the question's check; returns the value to store."""
        reader: Callable[[Question, Any], tuple[str, Any]] = {
            Kind.LIST: self._list,
            Kind.CHOICE: self._choice,
            Kind.BOOL: self._bool,
        }.get(question.kind, self._line)
        self.say()
        self.say(question.label + (" (required)" if question.required else ""))
        self.say(question.help)
        while True:
            text, value = reader(question, current)
            reason = question.check(text)
            if reason is None:
                note = question.note(text) if question.note is not None else ""
                if note:
                    self.say(f"Note: {note}")
                return value
            self.say(f"Not accepted: {reason}")

    def _shown(self, question: Question, current: Any) -> str:
        shown = display_value(question, current) if current not in (None, "", []) else ""
        return " ".join(shown.split())

    def _line(self, question: Question, current: Any) -> tuple[str, Any]:
        shown = self._shown(question, current)
        default = f" [{shown}]" if shown else ""
        hint = f", {CLEAR} to clear" if shown and not question.required else ""
        text = self.ask(f"{question.label}{default}{hint}: ")
        if text == "":
            return as_text(question, current), current
        if text.strip() == CLEAR and not question.required:
            return "", from_text(question, "")
        return text, from_text(question, text)

    def _list(self, question: Question, current: Any) -> tuple[str, Any]:
        shown = self._shown(question, current)
        default = f" [{shown}]" if shown else ""
        keep = f"; an empty first line keeps the default, {CLEAR} clears it" if shown else ""
        self.say(f"{question.label}{default}: one per line, then an empty line{keep}.")
        items: list[str] = []
        while True:
            line = self.ask("> ")
            if not line.strip():
                break
            if not items and line.strip() == CLEAR:
                return "", []
            items.append(line)
        if not items:
            return as_text(question, current), current
        text = "\n".join(items)
        return text, from_text(question, text)

    def _choice(self, question: Question, current: Any) -> tuple[str, Any]:
        for number, (label, value) in enumerate(question.choices, start=1):
            mark = " (current)" if value == current else ""
            self.say(f"  {number}. {label}{mark}")
        shown = self._shown(question, current)
        default = f" [{shown}]" if current else ""
        text = self.ask(f"{_lead(question.label)} a number{default}: ").strip()
        if text == "":
            return str(current or ""), current
        for number, (label, value) in enumerate(question.choices, start=1):
            if text == str(number) or text.lower() in (value.lower(), label.lower()):
                return value, value
        self.say(f"Not accepted: choose a number from 1 to {len(question.choices)}.")
        return self._choice(question, current)

    def _bool(self, question: Question, current: Any) -> tuple[str, Any]:
        default = "Y/n" if current else "y/N"
        while True:
            text = self.ask(f"{question.label} [{default}]: ").strip().lower()
            if text == "":
                return as_text(question, current), bool(current)
            if text in ("y", "yes"):
                return "yes", True
            if text in ("n", "no"):
                return "no", False
            self.say("Not accepted: answer y or n.")

    def yes_no(self, prompt: str, default: bool) -> bool:
        while True:
            text = self.ask(f"{prompt} [{'Y/n' if default else 'y/N'}]: ").strip().lower()
            if text == "":
                return default
            if text in ("y", "yes"):
                return True
            if text in ("n", "no"):
                return False
            self.say("Not accepted: answer y or n.")


# --- the run -------------------------------------------------------------------------------------


def ask_all(prompter: Prompter, answers: Answers, channel: str = DEFAULT_CHANNEL) -> Answers:
    """Every question of every form step asked for `channel`, in the wizard's order, starting
    from `answers`."""
    result = answers.copy()
    total = len(FORM_STEPS)
    for number, step in enumerate(FORM_STEPS, start=1):
        prompter.say()
        prompter.say(f"Step {number} of {total}: {step.title}")
        prompter.say(step.hint)
        for question in step.questions:
            if not question.asked_for(channel):
                continue
            if question.key == GREETING_KEY:
                _say_greeting(prompter, result, suggest=True)
            value = prompter.question(question, get_value(result, question.key))
            set_value(result, question.key, value)
            if question.key == GREETING_KEY:
                _say_greeting(prompter, result, suggest=False)
    return result


def _say_greeting(prompter: Prompter, answers: Answers, suggest: bool) -> None:
    """The greeting as it reads now, and (before the question) the suggestion and any doubt."""
    from outreach_tui.core.names import greeting_doubts, greeting_line, suggested_name

    c = answers.contact
    if not c.name.strip() and not c.greeting_name:
        return
    prompter.say()
    prompter.say(f"The greeting reads: {greeting_line(c.name, c.honorific, c.greeting_name)}")
    if not suggest:
        return
    for doubt in greeting_doubts(c.name, c.honorific, c.greeting_name):
        prompter.say(f"Check: {doubt}")
    suggestion = suggested_name(c.name, c.honorific)
    if suggestion and not c.greeting_name:
        prompter.say(f"Suggested name in the greeting: {suggestion} (an empty answer keeps it).")


def ask_for_channel(prompter: Prompter, answers: Answers, channel: str) -> Answers:
    """The questions only `channel` asks (what was learned, for the thank-you), when switching
    to it after the others were answered."""
    questions = channel_questions(channel)
    if not questions:
        return answers
    result = answers.copy()
    prompter.say()
    for question in questions:
        value = prompter.question(question, get_value(result, question.key))
        set_value(result, question.key, value)
    return result


def report_lines(report: CoachReport) -> list[str]:
    """The coach's findings as plain lines: score, reasons, failing rules, length."""
    lines = [
        f"Creepiness: {report.score} out of {MAX_SCORE}, {report.label}"
        f" (every message starts at {BASE_SCORE}).",
        f"Length: {report.length.text}, {report.length.level}; {report.words} words.",
    ]
    if report.subject_length is not None:
        lines.append(f"Subject: {report.subject_length.text}, {report.subject_length.level}.")
    if report.reasons:
        lines.append("Why this score:")
        for reason in report.reasons:
            lines.append(f"  {reason.label()}")
            if reason.suggestion:
                lines.append(f"    Suggestion: {reason.suggestion}")
    failing = report.failing_rules
    if failing:
        lines.append(f"Rules not met ({len(failing)} of {len(report.rules)}; warnings only):")
        for rule in failing:
            lines.append(
                f"  {rule.id}: {sentence(rule.message)} {rule.explanation} ({rule.source})"
            )
    else:
        lines.append(f"All {len(report.rules)} rules met.")
    return lines


def show(prompter: Prompter, answers: Answers, channel: Channel, renderer: Renderer) -> Rendered:
    rendered = renderer.render(answers, channel.name)
    prompter.say()
    prompter.say(f"--- Message: {channel.title} ---")
    for line in rendered.as_text().splitlines():
        prompter.say(line)
    prompter.say("--- End of message ---")
    if rendered.warning:
        prompter.say(f"Template problem: {rendered.warning}")
    if channel.notice:
        prompter.say(channel.notice)
    prompter.say()
    report = coach(answers, channel, rendered.subject, rendered.body)
    for line in report_lines(report):
        prompter.say(line)
    return rendered


def sentence(text: str) -> str:
    """`text` ending with a full stop (or the ? or ! it has)."""
    text = text.rstrip()
    return text if not text or text[-1] in ".?!:" else f"{text}."


def _lead(label: str) -> str:
    """A label before "a number": "Unit," or "Do they look active on LinkedIn? Answer with"."""
    return f"{label} Answer with" if label.rstrip().endswith("?") else f"{label},"


def choose_channel(prompter: Prompter, channels: dict[str, Channel], current: str) -> str:
    """Another channel to see the message in, or `current` on an empty line (or "n")."""
    prompter.say()
    prompter.say(
        "Channels (this question comes back after each new channel's message;"
        " an empty line goes on to saving):"
    )
    names = list(channels)
    for number, name in enumerate(names, start=1):
        mark = " (current)" if name == current else ""
        prompter.say(f"  {number}. {channels[name].title} ({name}){mark}")
    while True:
        text = prompter.ask(f"Channel, a number or a name [{current}]: ").strip()
        if text.lower() in ("", "n", "no"):
            return current
        if text.isdigit() and 1 <= int(text) <= len(names):
            return names[int(text) - 1]
        if text in channels:
            return text
        prompter.say(f"Not accepted: choose a number from 1 to {len(names)}, or a name.")


def run(
    data_dir: Path,
    answers: Answers,
    renderer: Renderer,
    channel: str = DEFAULT_CHANNEL,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """The whole plain-mode session. Returns the exit status (0 done, 1 input ended, 2 error)."""
    prompter = Prompter(stdin or sys.stdin, stdout or sys.stdout)
    err = stderr or sys.stderr
    lost = "your answers were not saved"
    try:
        prompter.say("outreach-tui, plain mode: answer each question and press Enter.")
        prompter.say("An empty answer keeps the default shown in [brackets]. Ctrl-D stops.")
        channels = renderer.channels()
        current = channel if channel in channels else DEFAULT_CHANNEL
        answers = ask_all(prompter, answers, current)
        lost = "your answers and the message were not saved as a draft"
        linkedin = warm.linkedin(data_dir)
        if warm.can_introduce(answers, linkedin):  # the warm path: offered when someone could
            channels = {**channels, INTRODUCTION_CHANNEL: INTRODUCTION_SPEC}
        contact_channel = current
        while True:
            if current == INTRODUCTION_CHANNEL:
                answers = warm.with_introducer(answers, linkedin)
            else:
                contact_channel = current
            rendered = show(prompter, answers, channels[current], renderer)
            chosen = choose_channel(prompter, channels, current)
            if chosen == current:
                break
            current = chosen
            answers = ask_for_channel(prompter, answers, current)
        prompter.say()
        if not prompter.yes_no("Save this draft?", True):
            prompter.say("Not saved.")
            return 0
        draft = Draft(
            answers=answers.copy(),
            channel=current,
            message=rendered.body,
            subject=rendered.subject if channels[current].has_subject else None,
        )
        try:
            if current == INTRODUCTION_CHANNEL:
                draft = warm.save_contact_draft(
                    prompter, data_dir, answers, contact_channel, renderer
                )
                draft = warm.request(answers, rendered, draft)
            path = DraftStore(data_dir).save(draft)
        except StoreError as exc:
            err.write(printable(f"outreach-tui: error: not saved: {exc}") + "\n")
            return 2
        prompter.say(f"Saved to {path}")
        return 0
    except InputEnded:
        err.write(
            f"outreach-tui: input ended before the wizard was done: {lost}. Nothing was"
            " written; run it again to answer the rest.\n"
        )
        err.flush()
        return EXIT_EOF
    except RenderError as exc:
        err.write(printable(f"outreach-tui: error: {exc}") + "\n")
        return 2
