"""People's names: parsed with care, cleaned of decorations, and the greeting they give.

- model.py: `parse_name` (a display name -> `PersonName`), `clean_name`, `display_name`;
- clean.py: decorations, pronouns, post-nominals and suffixes taken off a display name;
- greeting.py: `salutation`, `greeting_line`, `suggested_name`, `first_name`, `family_name`
  and `greeting_doubts`.

Pure Python: nothing here imports Textual or Rich. python-nameparser is imported on the first
parse, never before.
"""

from __future__ import annotations

from outreach_tui.core.names.greeting import (
    FIELD,
    answers_for_message,
    family_name,
    first_name,
    greeting_doubts,
    greeting_line,
    message_names,
    salutation,
    suggested_name,
)
from outreach_tui.core.names.model import (
    PersonName,
    clean_name,
    display_name,
    parse_name,
    same_person,
    warm_up,
)

__all__ = [
    "FIELD",
    "PersonName",
    "answers_for_message",
    "clean_name",
    "display_name",
    "family_name",
    "first_name",
    "greeting_doubts",
    "greeting_line",
    "message_names",
    "parse_name",
    "salutation",
    "same_person",
    "suggested_name",
    "warm_up",
]
