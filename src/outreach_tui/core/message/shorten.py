"""The connection note shortened to fit its limit, and which channels a message fits.

A free account allows 200 characters in a connection note (300 with Premium). When the note is
too long, the short template drops optional parts, least useful first, and puts back what
still fits.
"""

from __future__ import annotations

from outreach_tui.core.message.channels import CHANNELS, NOTE_CHANNEL, RenderError, get_channel
from outreach_tui.core.message.context import strongest_hook
from outreach_tui.core.message.rendered import Rendered
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers

SHORT_NOTE_TEMPLATE = "connection-note-short.txt.j2"
_NOTE_PARTS: tuple[str, ...] = ("with_name", "with_sign", "with_org", "with_learn", "with_minutes")
"""The short note's optional parts, least useful first: the invitation already shows who sends
it, so the sender's name and signature go first; the bounded ask (minutes) goes last. The
greeting, the hook and the ask itself are never dropped."""


def short_note(answers: Answers, renderer: Renderer) -> Rendered:
    """The connection note, tightened until it fits the account's limit (200, or 300 Premium).

    Tries the normal note first. When it is too long, renders the short template with optional
    parts (`_NOTE_PARTS`) dropped one at a time, least useful first, until it fits; then puts
    back, most useful first, every dropped part that still fits (so a note never loses the
    sender's name when only the organisation was too long). The greeting, the hook and the ask
    are always kept, so when even the tightest form is too long (a very long group name, say)
    the shortest form is returned and the counter shows the overrun. Raises RenderError.
    """
    spec = get_channel(NOTE_CHANNEL)
    limit = spec.limit_for(answers.premium)
    best = renderer.render(answers, NOTE_CHANNEL)
    if len(best.body) <= limit:
        return best
    flags = dict.fromkeys(_NOTE_PARTS, True)

    def body_for(candidate: dict[str, bool]) -> str:
        return renderer.render_template(SHORT_NOTE_TEMPLATE, answers, dict(candidate))

    body = body_for(flags)
    for part in _NOTE_PARTS:
        if len(body) <= limit:
            break
        flags[part] = False
        body = body_for(flags)
    if len(body) > limit:
        return best if len(best.body) <= len(body) else Rendered(NOTE_CHANNEL, None, body)
    for part in reversed(_NOTE_PARTS):  # put back what still fits, most useful first
        if flags[part]:
            continue
        trial = body_for({**flags, part: True})
        if len(trial) <= limit:
            flags[part] = True
            body = trial
    return Rendered(NOTE_CHANNEL, None, body)


def note_too_long(answers: Answers, note: Rendered) -> str | None:
    """Why a connection note (as `short_note` gives it) does not fit, in one line; None when it
    fits. Names the limit, the account, and the longest answer it holds."""
    limit = get_channel(NOTE_CHANNEL).limit_for(answers.premium)
    if len(note.body) <= limit:
        return None
    account = "a Premium account" if answers.premium else "a free account (300 with Premium)"
    reason = (
        f"the connection note is {len(note.body)} characters even at its shortest, over the "
        f"{limit} {account} allows"
    )
    hook = strongest_hook(answers)
    longest = max(
        [
            (hook["first"], f"the {hook['kind']} hook"),
            (answers.contact.organization, "the organisation"),
            (answers.contact.name, "their name"),
        ],
        key=lambda pair: len(pair[0]),
    )
    if len(longest[0]) > limit // 3:
        reason += f": {longest[1]} alone is {len(longest[0])} characters; shorten it"
    return reason


def fits(rendered: Rendered, premium: bool) -> bool:
    """True when a rendered text is within its channel's hard limits (warnings still fit)."""
    spec = get_channel(rendered.channel)
    if spec.hard_body_limit and len(rendered.body) > spec.limit_for(premium):
        return False
    return not (
        rendered.subject is not None
        and spec.subject_limit is not None
        and len(rendered.subject) > spec.subject_limit
    )


def fitting_channels(answers: Answers, renderer: Renderer) -> dict[str, bool]:
    """For the channel switcher: does the message for these answers fit each channel?

    The note channel counts as fitting when its short variant fits. A channel whose template
    fails to render does not fit.
    """
    result: dict[str, bool] = {}
    for name in CHANNELS:
        try:
            if name == NOTE_CHANNEL:
                rendered = short_note(answers, renderer)
            else:
                rendered = renderer.render(answers, name)
        except RenderError:
            result[name] = False
            continue
        result[name] = fits(rendered, answers.premium)
    return result
