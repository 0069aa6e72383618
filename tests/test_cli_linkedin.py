"""`outreach-tui import-linkedin`, run as a real process against a temporary data folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "linkedin"


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("outreach-tui: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def export_zip(tmp_path: Path) -> Path:
    path = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(FIXTURES / "Connections.csv", "Connections.csv")
        archive.write(FIXTURES / "messages.csv", "messages.csv")
    return path


def test_import_zip_prints_summary(export_zip: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run("--data-dir", data, "import-linkedin", export_zip)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "9 connections imported, 8 with a company"
    assert "messages: you have written to 2 people" in lines
    stored = data / "linkedin" / "connections.json"
    assert f"saved in {stored}" in result.stdout
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600


def test_import_csv_alone_and_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    alone = tmp_path / "just-the-csv.csv"
    alone.write_bytes((FIXTURES / "Connections.csv").read_bytes())
    result = run("--data-dir", data, "import-linkedin", alone)
    assert result.returncode == 0, result.stderr
    assert "9 connections imported" in result.stdout
    assert "messages" not in result.stdout  # a file not named Connections.csv: read alone
    result = run("--data-dir", data, "import-linkedin", FIXTURES)
    assert result.returncode == 0, result.stderr
    assert "messages: you have written to 2 people" in result.stdout


def test_remove(export_zip: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run("--data-dir", data, "import-linkedin", export_zip).returncode == 0
    result = run("--data-dir", data, "import-linkedin", "--remove")
    assert result.returncode == 0
    assert result.stdout.startswith("removed ")
    assert not (data / "linkedin" / "connections.json").exists()
    assert export_zip.is_file()
    again = run("--data-dir", data, "import-linkedin", "--remove")
    assert again.returncode == 0 and again.stdout.startswith("nothing to remove")


def test_environment_data_folder(export_zip: Path, tmp_path: Path) -> None:
    env = {**os.environ, "OUTREACH_TUI_DATA_DIR": str(tmp_path / "from-env")}
    result = run("import-linkedin", export_zip, env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-env" / "linkedin" / "connections.json").is_file()


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("answers.toml", b'[contact]\nname = "Alex"\n', "not a LinkedIn connections export"),
        ("empty.csv", b"", "expected LinkedIn's Connections.csv"),
        ("broken.zip", b"PK\x03\x04 broken", "not a readable ZIP"),
    ],
)
def test_bad_input_is_one_line(tmp_path: Path, name: str, content: bytes, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("--data-dir", tmp_path / "data", "import-linkedin", path)
    assert_one_line_error(result, fragment, str(path))
    assert not (tmp_path / "data" / "linkedin").exists()


def test_missing_path_and_usage_errors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert_one_line_error(
        run("--data-dir", data, "import-linkedin", tmp_path / "nowhere.zip"), "no such file"
    )
    assert_one_line_error(run("--data-dir", data, "import-linkedin"), "--remove")
    assert_one_line_error(
        run("--data-dir", data, "import-linkedin", FIXTURES, "--remove"), "or --remove"
    )


def test_data_folder_is_a_file(export_zip: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    assert_one_line_error(run("--data-dir", blocker, "import-linkedin", export_zip), "not a folder")
