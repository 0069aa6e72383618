"""The wizard's small messages and widget ids: light to import, so the first screen can be
drawn before the widgets of the later steps are loaded."""

from __future__ import annotations

from textual.message import Message


def field_id(key: str) -> str:
    """The widget id of a question's input: ``contact.name`` -> ``q-contact-name``."""
    return "q-" + key.replace(".", "-").replace("_", "-")


class JumpToQuestion(Message):
    """The user picked an answer on the Review step: go and edit it."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class ChannelChosen(Message):
    def __init__(self, channel: str) -> None:
        super().__init__()
        self.channel = channel


class IntroducerChosen(Message):
    """The user chose who to ask for an introduction (a candidate's name)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class IntroducerGreeting(Message):
    """The user typed how to greet the person asked for an introduction ("" : by given name)."""

    def __init__(self, greeting_name: str) -> None:
        super().__init__()
        self.greeting_name = greeting_name


class TextEdited(Message):
    """The user changed the subject or the message text by hand."""

    def __init__(self, subject: str, body: str) -> None:
        super().__init__()
        self.subject = subject
        self.body = body


class ResetRequested(Message):
    """The user wants the text rendered afresh from the answers."""


class ShortenRequested(Message):
    """The user wants the connection note tightened until it fits."""
