"""`render` and `check`: the message of an answers file or a saved draft, printed or coached."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from outreach_tui.cli import config
from outreach_tui.cli.output import UserError, emit, print_json, shown, warn, write

if TYPE_CHECKING:
    import argparse

    from outreach_tui.core.coach import CoachReport
    from outreach_tui.core.message.renderer import Renderer
    from outreach_tui.core.model.answers import Answers


def message_of(args: argparse.Namespace) -> tuple[Renderer, Answers, str, str | None, str]:
    """What `render` and `check` work on: (renderer, answers, channel, subject, body).

    A saved draft gives its own saved text (with the user's edits) unless --channel asks for
    another channel; otherwise the answers are checked for required ones and rendered.
    """
    from outreach_tui.core.drafts.draft import DraftError, draft_from_dict
    from outreach_tui.core.message.channels import INTRODUCTION_CHANNEL, RenderError
    from outreach_tui.core.model.answers import AnswersError
    from outreach_tui.core.model.answers_load import answers_from_dict
    from outreach_tui.core.model.questions import answer_problems

    path = Path(args.file)
    renderer = config.renderer()
    if args.channel is not None:
        config.known_channel(renderer, args.channel)
    data, is_draft = config.load_file(path)
    answers: Answers
    if is_draft:
        try:
            draft = draft_from_dict(data)
        except DraftError as exc:
            raise UserError(f"{path}: {exc}") from None
        answers = draft.answers
        if args.channel is None or args.channel == draft.channel:
            config.warn_if_over(renderer, answers, draft.channel, draft.message)
            return renderer, answers, draft.channel, draft.subject, draft.message
    else:
        try:
            answers = config.with_settings(answers_from_dict(data))
        except AnswersError as exc:
            raise UserError(f"{path}: {exc}") from None
    missing, invalid = answer_problems(answers)
    if missing:
        names = ", ".join(f"{q.key} ({q.label})" for q in missing)
        raise UserError(f"{path}: missing required answer: {names}")
    if invalid:
        question, problem = invalid[0]
        raise UserError(f"{path}: {question.key}: {problem}")
    channel = args.channel or config.default_channel(renderer)
    if channel == INTRODUCTION_CHANNEL:
        answers = with_introducer(args, answers)
    elif getattr(args, "introducer", None):
        raise UserError(f"--introducer is for --channel {INTRODUCTION_CHANNEL}, not {channel}")
    try:
        rendered = config.render(renderer, answers, channel)
    except RenderError as exc:
        raise UserError(str(exc)) from None
    return renderer, answers, channel, rendered.subject, rendered.body


def with_introducer(args: argparse.Namespace, answers: Answers) -> Answers:
    """The answers with the introducer the introduction is written to: --introducer, else the
    answers' own, else the strongest candidate (a shared connection typed, then the LinkedIn
    import's people at the organisation, most recently connected first).

    The LinkedIn import is read when there is one; a damaged one is a warning. No possible
    introducer is a UserError saying what is missing.
    """
    from outreach_tui.core.introduction.people import choose_introducer
    from outreach_tui.core.linkedin.store import LinkedInError, load

    try:
        data = load(config.data_root(getattr(args, "data_dir", None)))
    except LinkedInError as exc:
        warn(str(exc))
        data = None
    try:
        return choose_introducer(answers, data, getattr(args, "introducer", None))
    except ValueError as exc:
        raise UserError(str(exc)) from None


def cmd_render(args: argparse.Namespace) -> int:
    """`render FILE [--channel NAME]`: the message on stdout, in its visible form."""
    from outreach_tui.core.message.rendered import Rendered

    _, _, channel, subject, body = message_of(args)
    return emit(Rendered(channel, subject, body).as_text())


def cmd_check(args: argparse.Namespace) -> int:
    """`check FILE [--channel NAME] [--json]`: the coach's report; exit 0 whatever the score."""
    from outreach_tui.core.coach import coach
    from outreach_tui.core.message.channels import RenderError

    renderer, answers, name, subject, body = message_of(args)
    try:
        channel = renderer.channel(name)
    except RenderError as exc:
        raise UserError(f"{args.file}: {exc}") from None
    from outreach_tui.cli.stats import own_results

    report = coach(answers, channel, subject, body)
    print_check(report, channel.title, args.json, own_results(args.data_dir))
    return 0


def print_check(
    report: CoachReport, channel_title: str, as_json: bool, own_results: str = ""
) -> None:
    """The report as text (score, reasons, rules, length) or as one JSON object; `own_results`
    is the note on the user's own results (core/results/note.py), printed after the reasons
    and in the JSON as "own_results" (null when none). It is never part of the score."""
    from outreach_tui.core.coach import BASE_SCORE, gauge_line

    if as_json:
        print_json({**report.to_json(), "own_results": own_results or None})
        return
    lines = [
        f"Creepiness  {gauge_line(report.score)}",
        f"Channel     {shown(channel_title)}",
        f"Length      {report.length.text} ({report.length.level}), {report.words} words",
    ]
    if report.subject_length is not None:
        subject = report.subject_length
        lines.append(f"Subject     {subject.text} ({subject.level})")
    lines.append("")
    lines.append(f"Why this score (every message starts at {BASE_SCORE}):")
    if not report.reasons:
        lines.append("  nothing adds or removes points")
    for reason in report.reasons:
        points = "note" if reason.points == 0 else f"{reason.points:+d}"
        lines.append(f"  {points:>4}  {shown(reason.text)}")
        if reason.suggestion:
            lines.append(f"        -> {shown(reason.suggestion)}")
    if own_results:
        lines.append(f"  note  {own_results}")
    lines.append("")
    lines.append("Rules (warnings only; sending is your call):")
    width = max((len(rule.id) for rule in report.rules), default=0)
    for rule in report.rules:
        mark = "ok" if rule.ok else " !"
        lines.append(f"  {mark} {rule.id:<{width}}  {shown(rule.message)}")
        if not rule.ok:
            lines.append(f"     {'':<{width}}  {rule.explanation} ({rule.source})")
    write("\n".join(lines) + "\n")
