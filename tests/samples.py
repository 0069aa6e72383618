"""Sample answers shared by the tests (invented people)."""

from __future__ import annotations

import copy
from typing import Any

from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict

SENDER_AND_CONTACT: dict[str, Any] = {
    "sender": {"name": "Jordan Lee", "location": "Dayton, Ohio"},
    "contact": {
        "name": "Alex Morgan",
        "honorific": "Ms.",
        "title": "Head of Reference Services",
        "organization": "Westerly Public Library",
        "active_on_linkedin": "yes",
    },
}
"""The sender and the contact of most tests; each test file adds the research it checks."""

WARM_ANSWERS: dict[str, Any] = {
    **SENDER_AND_CONTACT,
    "research": {
        "shared_connections": ["Priya Shah"],
        "groups": ["Rhode Island Library Association"],
        "public_activity": ["your post on weeding"],
        "web_search": "",
    },
    "job": {"distance": 250, "unit": "miles"},
    "goal": {"learn": "how the library supports new staff", "ask_minutes": "15-20"},
}
"""A warm approach (a shared connection, a group, their writing): the channel and CLI tests."""


def answers_with(base: dict[str, Any], **sections: dict[str, Any]) -> Answers:
    """Answers from `base` (not changed) with each section's values updated by `sections`."""
    data = copy.deepcopy(base)
    for section, values in sections.items():
        data.setdefault(section, {}).update(values)
    return answers_from_dict(data)
