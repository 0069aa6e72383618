"""Shared fixtures: every test runs against a temporary data folder, never the user's real one,
with the environment scrubbed of variables that change how Textual draws."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from copy import deepcopy
from pathlib import Path

import pytest

from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.ui.app import OutreachApp, create_app
from samples import SENDER_AND_CONTACT

SCRUBBED = ("NO_COLOR", "COLUMNS", "LINES", "TEXTUAL", "ESCDELAY", "FORCE_COLOR")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("TEXTUAL_SNAPSHOT"):  # set by pytest-textual-snapshot itself
            continue
        if name in SCRUBBED or name.startswith("TEXTUAL_"):
            monkeypatch.delenv(name, raising=False)
    # Anything that falls back to the platform folders lands in the temporary folder.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("OUTREACH_TUI_DATA_DIR", str(tmp_path / "env-data"))


@pytest.fixture(autouse=True)
def _private_umask() -> Iterator[None]:
    """Files a test makes by hand are private, like the app's own: the start-up permissions
    check then only speaks up in the tests that loosen a file on purpose."""
    import os

    old = os.umask(0o077)
    yield
    os.umask(old)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> DraftStore:
    return DraftStore(data_dir)


FULL_ANSWERS = {
    **deepcopy(SENDER_AND_CONTACT),
    "research": {
        "shared_connections": ["Samir Patel"],
        "groups": ["Rhode Island Library Association"],
        "public_activity": ["your blog post on weeding the collection"],
        "web_search": "your talk at the state library conference",
    },
    "job": {"distance": 250, "unit": "miles"},
    "goal": {
        "learn": "what a typical week in reference services looks like",
        "ask_minutes": "15-20",
    },
    "premium": False,
}


@pytest.fixture
def full_answers() -> Answers:
    return answers_from_dict(FULL_ANSWERS)


@pytest.fixture
def make_app(data_dir: Path) -> Callable[..., OutreachApp]:
    def factory(answers: Answers | None = None, source: str | None = None) -> OutreachApp:
        return create_app(
            data_dir,
            answers=answers,
            source=source,
            store=DraftStore(data_dir),
            renderer=Renderer(),
        )

    return factory
