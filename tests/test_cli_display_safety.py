"""The CLI's lines never carry an escape sequence from a file name or a ZIP member's name:
`drafts list` with a hostile file in the drafts folder, `import-linkedin` with a hostile
member name in its warnings. Real subprocesses; stdout and stderr checked byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")

NAME = "evil\x1b]2;PWNED\x07\x1b[2J\x9b6n\x07"
LIVE = ("\x1b", "\x07", "\x9b", "\x9d", "\x90")


def run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "LANG": "C.UTF-8",
        "PYTHONUTF8": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )


def assert_no_live(text: str) -> None:
    for ch in LIVE:
        assert ch not in text, repr(text)


def test_drafts_list_shows_a_hostile_file_name_in_its_visible_form(tmp_path: Path) -> None:
    drafts = tmp_path / "data" / "drafts"
    drafts.mkdir(parents=True)
    (drafts / f"{NAME}.json").write_text("{ damaged", encoding="utf-8")
    result = run(["--data-dir", str(tmp_path / "data"), "drafts", "list"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert_no_live(result.stdout)
    assert_no_live(result.stderr)
    assert "evil\\x1b]2;PWNED\\x07\\x1b[2J\\x9b6n\\x07" in result.stdout
    assert len(result.stdout.splitlines()) >= 2  # the heading and the damaged file's row


def test_import_linkedin_warns_about_a_hostile_member_name_in_its_visible_form(
    tmp_path: Path,
) -> None:
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr(
            f"{NAME}/Connections.csv",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Samir,Patel,https://www.linkedin.com/in/x,,Westerly Public Library,Archivist,"
            "14 Jun 2021\n",
        )
        # A messages file that cannot tell which sender is the user: a warning naming it.
        archive.writestr(
            f"{NAME}/messages.csv",
            "CONVERSATION ID,FROM,TO,DATE,CONTENT\n1,A B,C D,2024-01-01 10:00:00 UTC,hi\n",
        )
    result = run(["--data-dir", str(tmp_path / "data"), "import-linkedin", str(export)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert_no_live(result.stdout)
    assert_no_live(result.stderr)
    assert "warning:" in result.stderr
    assert "evil\\x1b]2;PWNED\\x07" in result.stderr
    assert len(result.stderr.strip().splitlines()) == len(
        [line for line in result.stderr.splitlines() if line.startswith("outreach-tui:")]
    )
