"""Sample answers shared by the tests (invented people)."""

from __future__ import annotations

from typing import Any

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
