"""Work in progress, kept safe: `<data>/autosave.json` holds the wizard's state as the user types.

After a crash, a kill -9, a closed terminal or a lost SSH session, the next start finds it and
offers to resume exactly there (step, answers, channel, edited text). Saving the draft, or
choosing to discard the work, clears it. A damaged autosave file is reported and never rewritten
or deleted: autosave stays off until the user moves it away.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

# json, tomllib, secrets and importlib.resources are imported where they are used: the first
# screen is drawn without them (see benchmarks/README.md, start-up).
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from outreach_tui.core.message.channels import DEFAULT_CHANNEL
from outreach_tui.core.model.answers import Answers, AnswersError, answers_to_dict
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.core.platform.files import (
    WriteError,
    atomic_write,
    describe_os_error,
    ensure_private_dir,
)
from outreach_tui.core.platform.safeload import json_problem, loads_json, read_problem, read_regular

AUTOSAVE_NAME = "autosave.json"
PREVIOUS_NAME = "autosave.previous.json"
AUTOSAVE_VERSION = 1


class AutosaveError(Exception):
    """The autosave file exists but cannot be used. str() is one line with the path and reason."""


@dataclass
class WorkState:
    """Everything needed to put the wizard back where the user was."""

    answers: Answers
    step: int = 0
    channel: str = DEFAULT_CHANNEL
    edited: tuple[str, str] | None = None
    """(subject, body) when the user edited the text by hand."""
    draft_id: str = ""
    """The saved draft this work continues, if any."""
    saved_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "autosave_version": AUTOSAVE_VERSION,
            "saved_at": self.saved_at,
            "step": self.step,
            "channel": self.channel,
            "draft_id": self.draft_id,
            "edited": (
                None if self.edited is None else {"subject": self.edited[0], "body": self.edited[1]}
            ),
            "answers": answers_to_dict(self.answers),
        }

    def describe(self) -> str:
        """One line for the resume question: who it is to, and when it was saved."""
        who = self.answers.contact.name.strip() or "a new contact"
        org = self.answers.contact.organization.strip()
        when = self.saved_at.replace("T", " ")[:16]
        return f"A message to {who}{f' at {org}' if org else ''}, last typed {when} UTC"


def state_from_dict(data: Any) -> WorkState:
    if not isinstance(data, dict) or "answers" not in data:
        raise AutosaveError("not an outreach-tui autosave file")
    version = data.get("autosave_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise AutosaveError("no autosave_version")
    if version > AUTOSAVE_VERSION:
        raise AutosaveError(f"made by a newer version of outreach-tui (version {version})")
    try:
        answers = answers_from_dict(data["answers"])
    except AnswersError as exc:
        raise AutosaveError(f"answers: {exc}") from None
    step = data.get("step", 0)
    channel = data.get("channel", DEFAULT_CHANNEL)
    draft_id = data.get("draft_id", "") or ""
    edited_raw = data.get("edited")
    if not isinstance(step, int) or isinstance(step, bool):
        raise AutosaveError("step must be a whole number")
    if not isinstance(channel, str) or not isinstance(draft_id, str):
        raise AutosaveError("channel and draft_id must be text")
    edited: tuple[str, str] | None = None
    if edited_raw is not None:
        if not isinstance(edited_raw, dict):
            raise AutosaveError("edited must be an object or null")
        subject, body = edited_raw.get("subject", ""), edited_raw.get("body", "")
        if not isinstance(subject, str) or not isinstance(body, str):
            raise AutosaveError("edited text must be text")
        edited = (subject, body)
    return WorkState(
        answers=answers,
        step=step,
        channel=channel,
        edited=edited,
        draft_id=draft_id,
        saved_at=str(data.get("saved_at", "")),
    )


class Autosave:
    """The autosave file of one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / AUTOSAVE_NAME

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> WorkState | None:
        """The saved work, or None when there is none. Raises AutosaveError; never changes it."""
        try:
            raw = read_regular(self.path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AutosaveError(f"{self.path}: {read_problem(exc)}") from None
        if not raw.strip():
            raise AutosaveError(f"{self.path}: empty file")
        try:
            data = loads_json(raw)
        except ValueError as exc:  # not UTF-8, or not JSON
            raise AutosaveError(f"{self.path}: {json_problem(exc)}") from None
        try:
            return state_from_dict(data)
        except AutosaveError as exc:
            raise AutosaveError(f"{self.path}: {exc}") from None

    def save(self, state: WorkState, now: datetime | None = None) -> None:
        """Write the state atomically (0600). Raises WriteError."""
        moment = now or datetime.now(UTC)
        state.saved_at = moment.replace(microsecond=0).isoformat()
        ensure_private_dir(self.root)
        import json

        payload = json.dumps(state.to_dict(), ensure_ascii=False, indent=1) + "\n"
        atomic_write(self.path, payload)

    def clear(self) -> None:
        """Remove the autosave after the work was saved or knowingly discarded.

        The last one is kept as autosave.previous.json, so even a wrong click loses nothing.
        Only a file this version can read is moved; a damaged one is never touched.
        """
        try:
            self.load()
        except AutosaveError:
            return
        try:
            self.path.replace(self.root / PREVIOUS_NAME)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise WriteError(self.path, describe_os_error(exc)) from None
