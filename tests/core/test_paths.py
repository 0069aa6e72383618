"""The data folder: --data-dir beats $OUTREACH_TUI_DATA_DIR beats the platform's data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from outreach_tui.core.platform.paths import APP_NAME, DATA_DIR_ENV, data_dir


def test_flag_beats_environment(tmp_path: Path) -> None:
    flag = tmp_path / "from-flag"
    env = {DATA_DIR_ENV: str(tmp_path / "from-env"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert data_dir(flag, env) == flag
    assert data_dir(str(flag), env) == flag


def test_environment_beats_platform(tmp_path: Path) -> None:
    env = {DATA_DIR_ENV: str(tmp_path / "from-env"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert data_dir(None, env) == tmp_path / "from-env"
    assert data_dir("", env) == tmp_path / "from-env"


def test_environment_from_os_environ(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"


def test_empty_environment_variable_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert data_dir() == tmp_path / "xdg" / APP_NAME
    else:
        assert data_dir() != Path("")


def test_tilde_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_dir("~/notes") == tmp_path / "notes"
    assert data_dir(None, {DATA_DIR_ENV: "~/env-notes"}) == tmp_path / "env-notes"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG applies on Linux")
def test_platform_folder_honours_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "outreach-tui"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other"))
    assert data_dir() == tmp_path / "other" / "outreach-tui"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG applies on Linux")
def test_platform_folder_default_without_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_dir() == tmp_path / ".local" / "share" / "outreach-tui"
