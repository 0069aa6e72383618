"""The preview leaves out what a template does not read (the sender's name is parsed on every key
while the user types it): what is written must not change for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_tui.core.message.channels import CHANNELS
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from samples import WARM_ANSWERS

SENDERS = ["Jordan Lee", "Dr. Jordan Lee, PhD", "LEE Jordan", "María José García López", "J"]


def _everything_read(renderer: Renderer) -> Renderer:
    renderer._reads = lambda names: None  # type: ignore[method-assign]
    return renderer


@pytest.mark.parametrize("channel", sorted(set(CHANNELS) - {"introduction"}))
@pytest.mark.parametrize("sender", SENDERS)
def test_every_built_in_channel_writes_the_same_as_with_the_whole_context(
    channel: str, sender: str
) -> None:
    answers = answers_from_dict(WARM_ANSWERS)
    answers.sender.name = sender
    assert Renderer().render(answers, channel) == _everything_read(Renderer()).render(
        answers, channel
    )


def test_the_connection_note_still_signs_with_the_senders_first_name() -> None:
    answers = answers_from_dict(WARM_ANSWERS)
    answers.sender.name = "Dr. Jordan Lee, PhD"
    assert Renderer().render(answers, "connection-note").body.endswith("Jordan")


def test_a_template_of_your_own_sees_every_variable(tmp_path: Path) -> None:
    (tmp_path / "message.txt.j2").write_text("Best, {{ sender_first_name }}\n", encoding="utf-8")
    answers: Answers = answers_from_dict(WARM_ANSWERS)
    assert Renderer([tmp_path]).render(answers, "message").body == "Best, Jordan"


def test_the_built_in_message_does_not_need_the_senders_first_name() -> None:
    reads = Renderer()._reads(["message.txt.j2", "message.subject.txt.j2"])
    assert reads is not None and "salutation" in reads
    assert "sender_first_name" not in reads
