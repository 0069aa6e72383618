"""Every loader of a user's file says what is wrong with it in the same words: a folder where the
file should be, a file it may not read, bytes that are not text, JSON that does not parse.

The reasons come from one place (core/platform/safeload.py: `read_problem`, `json_problem`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from outreach_tui.core.drafts.autosave import AUTOSAVE_NAME, Autosave
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.linkedin import store as linkedin_store
from outreach_tui.core.model.answers_load import read_data_file
from outreach_tui.core.model.settings import read_settings


def _answers(path: Path) -> object:
    return read_data_file(path)


def _settings(path: Path) -> object:
    return read_settings(path)


def _draft(path: Path) -> object:
    return DraftStore.load_path(path)


def _autosave(path: Path) -> object:
    return Autosave(path.parent).load()


def _linkedin(path: Path) -> object:
    return linkedin_store.load(path.parent.parent)


LOADERS: dict[str, tuple[str, Callable[[Path], object]]] = {
    "answers file": ("alex.json", _answers),
    "settings": ("settings.toml", _settings),
    "draft": ("alex-1a2b3c.json", _draft),
    "autosave": (AUTOSAVE_NAME, _autosave),
    "LinkedIn import": (
        str(linkedin_store.import_path(Path()).relative_to(Path())),
        _linkedin,
    ),
}
JSON_LOADERS = {k: v for k, v in LOADERS.items() if k != "settings"}


def _place(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "data" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _problem(load: Callable[[Path], object], path: Path) -> str:
    with pytest.raises(Exception) as caught:  # each loader has its own error class
        load(path)
    return str(caught.value)


@pytest.mark.parametrize("what", LOADERS)
def test_a_folder_where_the_file_should_be(tmp_path: Path, what: str) -> None:
    name, load = LOADERS[what]
    path = _place(tmp_path, name)
    path.mkdir()
    assert _problem(load, path) == f"{path}: is a folder, not a file"


@pytest.mark.parametrize("what", LOADERS)
def test_a_file_that_may_not_be_read(
    tmp_path: Path, what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, load = LOADERS[what]
    path = _place(tmp_path, name)
    path.write_text("{}")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: the system refuses it as it would a user
        real_open = os.open

        def refusing_open(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if Path(file) == path:
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    try:
        assert _problem(load, path) == f"{path}: permission denied"
    finally:
        path.chmod(0o600)
    assert path.read_text() == "{}"  # never rewritten


@pytest.mark.parametrize("what", JSON_LOADERS)
def test_bytes_that_are_not_text(tmp_path: Path, what: str) -> None:
    name, load = JSON_LOADERS[what]
    path = _place(tmp_path, name)
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    problem = _problem(load, path)
    assert problem.startswith(f"{path}: ")
    assert "not text" in problem or "not UTF-8 text" in problem
    assert path.read_bytes() == b"\x89PNG\r\n\x1a\n\xff\xfe"


@pytest.mark.parametrize("what", ["answers file", "draft", "autosave"])
def test_json_that_does_not_parse_names_its_line_and_column(tmp_path: Path, what: str) -> None:
    name, load = JSON_LOADERS[what]
    path = _place(tmp_path, name)
    path.write_text('{\n  "a": 1,\n  "b" 2\n}\n')
    assert _problem(load, path) == (
        f"{path}: invalid JSON at line 3, column 7: Expecting ':' delimiter"
    )
