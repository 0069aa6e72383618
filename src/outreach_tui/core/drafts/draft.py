"""A draft as saved: the answers, the channel and the final text; its id; its JSON schema.

Schema history (each step has a migration in `migrate()`):
  1  answers, channel, subject, message, id, created, updated
  2  adds `title` (a display title the user can rename; "" means "from the contact") and
     `tracking` (status, dates, due follow-up / thank-you: see core/drafts/tracking.py)

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from outreach_tui.core.drafts.tracking import Tracking, TrackingError, tracking_from_dict
from outreach_tui.core.message.channels import DEFAULT_CHANNEL
from outreach_tui.core.model.answers import Answers, AnswersError, answers_to_dict
from outreach_tui.core.model.answers_load import answers_from_dict

SCHEMA_VERSION = 2
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
_SLUG_MAX = 40
_KNOWN_KEYS = (
    "schema_version",
    "id",
    "created",
    "updated",
    "channel",
    "answers",
    "subject",
    "message",
    "title",
    "tracking",
    "for_draft",
)
_V2_KEYS = ("title", "tracking")


class DraftError(Exception):
    """A draft that cannot be loaded (missing, damaged, foreign, or from a newer version)."""


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def slugify(name: str) -> str:
    """A file-name-safe form of a contact's name: ASCII letters, digits and dashes, never empty.

    Path separators, dots, NUL, emoji and accents all fold away, so no name can point outside
    the drafts folder. Pronouns, credentials and taglines are left out first, as a message
    would write the name ("Anna van der Berg, PhD (she/her)" -> "anna-van-der-berg").
    """
    from outreach_tui.core.names import clean_name

    name = clean_name(name) or name
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    slug = slug[:_SLUG_MAX].rstrip("-")
    return slug or "draft"


def is_valid_id(draft_id: str) -> bool:
    return bool(_ID_RE.match(draft_id))


@dataclass
class Draft:
    """A draft as saved: the answers, the chosen channel and the final text (with user edits)."""

    answers: Answers
    channel: str
    message: str
    subject: str | None = None
    id: str = ""
    created: str = ""
    updated: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    """The name shown in the drafts list; "" shows the contact and organisation instead."""
    tracking: Tracking = field(default_factory=Tracking)
    for_draft: str = ""
    """An introduction request: the id of the draft to the contact it asks an introduction
    for; "" for every other draft. Written only when set."""

    @property
    def via(self) -> str:
        """The person who introduces the user (an introduction request), or who introduced
        them (a draft to the contact after "introduced"), as a message names them; "" when
        neither."""
        intro = self.answers.introduction
        if self.channel != "introduction" and not intro.introduced:
            return ""
        from outreach_tui.core.names import clean_name

        return clean_name(intro.introducer)

    @property
    def display_title(self) -> str:
        """The title, or "Contact (Organisation)" when none was given, the contact's name as it
        would be written into a message (no emoji, pronouns or credentials: "Lin Wei 🌱 (she/her),
        PhD" is "Lin Wei")."""
        if self.title.strip():
            return " ".join(self.title.split())
        from outreach_tui.core.names import display_name

        contact = self.answers.contact
        name = display_name(contact.name) or "(no name yet)"
        org = " ".join(contact.organization.split())
        return f"{name} ({org})" if org else name

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "created": self.created,
            "updated": self.updated,
            "channel": self.channel,
            "answers": answers_to_dict(self.answers),
            "subject": self.subject,
            "message": self.message,
            "title": self.title,
            "tracking": self.tracking.to_dict(),
            **({"for_draft": self.for_draft} if self.for_draft else {}),
        }


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older draft's data up to SCHEMA_VERSION. Raises DraftError for a newer one.

    Each future schema change adds one step here (v1 -> v2, v2 -> v3...), so every old draft
    still loads.
    """
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DraftError(f"schema_version must be a whole number, not {version!r}")
    if version > SCHEMA_VERSION:
        raise DraftError(
            f"made by a newer version of outreach-tui (schema {version}; this one reads up to "
            f"{SCHEMA_VERSION}): upgrade to open it"
        )
    if version < 1:
        raise DraftError(f"unknown schema_version {version}")
    if version == 1:
        data = _migrate_v1_to_v2(data)
    return data


def _migrate_v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v1 -> v2: add an empty title and a fresh tracking (status "draft").

    A v1 file's own unknown keys named `title` or `tracking` are kept as `v1_title` /
    `v1_tracking`, so nothing in the file is lost or misread. Returns a new dict.
    """
    migrated = {k: v for k, v in data.items() if k not in _V2_KEYS}
    for key in _V2_KEYS:
        if key in data:
            migrated[f"v1_{key}"] = data[key]
    migrated["title"] = ""
    migrated["tracking"] = Tracking().to_dict()
    migrated["schema_version"] = 2
    return migrated


def draft_from_dict(data: Any) -> Draft:
    """Build a Draft from its JSON data. Raises DraftError with a reason fit for one line."""
    if not isinstance(data, dict):
        raise DraftError("not an outreach-tui draft (expected a JSON object)")
    if "schema_version" not in data or "answers" not in data:
        raise DraftError("not an outreach-tui draft (no schema_version or answers)")
    data = migrate(data)
    try:
        answers = answers_from_dict(data["answers"])
    except AnswersError as exc:
        raise DraftError(f"answers: {exc}") from None
    for key in ("id", "created", "updated", "channel", "message"):
        if not isinstance(data.get(key, ""), str):
            raise DraftError(f"{key} must be text")
    subject = data.get("subject")
    if subject is not None and not isinstance(subject, str):
        raise DraftError("subject must be text or null")
    title = data.get("title", "")
    if not isinstance(title, str):
        raise DraftError("title must be text")
    try:
        tracking = tracking_from_dict(data.get("tracking", {}))
    except TrackingError as exc:
        raise DraftError(str(exc)) from None
    for_draft = data.get("for_draft", "")
    if not isinstance(for_draft, str) or (for_draft and not is_valid_id(for_draft)):
        raise DraftError("for_draft must be a draft id")
    return Draft(
        answers=answers,
        channel=data.get("channel", "") or DEFAULT_CHANNEL,
        message=data.get("message", ""),
        subject=subject,
        id=data.get("id", ""),
        created=data.get("created", ""),
        updated=data.get("updated", ""),
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
        title=title,
        tracking=tracking,
        for_draft=for_draft,
    )
