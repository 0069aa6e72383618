"""Text as terminals deliver it: lines pasted into a one-line field, paths dragged in."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_tui.core.platform.pasted import dropped_path, one_line


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("\nRowan Tillery\n", "Rowan Tillery"),
        ("Rowan\r\nTillery", "Rowan Tillery"),
        ("Rowan\rTillery", "Rowan Tillery"),  # invented: an old Mac's line ends
        ("  Head of\n\n  Digital Collections \t\n", "Head of Digital Collections"),  # invented
        ("Rowan\u2029Tillery\x85Lee", "Rowan Tillery Lee"),  # invented: Unicode separators
        ("Rowan  Tillery", "Rowan  Tillery"),  # spaces inside a line are the user's
        ("\n \r\n\t", ""),
        ("", ""),
    ],
)
def test_one_line(pasted: str, expected: str) -> None:
    assert one_line(pasted) == expected


def test_paths_as_terminals_drop_them(tmp_path: Path) -> None:
    export = tmp_path / "Down loads" / "Export (1).zip"
    export.parent.mkdir()
    export.write_bytes(b"")
    plain = str(export)
    escaped = "".join(f"\\{c}" if c in " ()" else c for c in plain)
    dropped = [
        f"'{plain}'",  # GNOME Terminal, iTerm2, Kitty
        f"'{plain}' ",  # ... with the space some add
        escaped,  # macOS Terminal, Konsole
        f'"{plain}"',  # invented: double quotes
        "file://" + plain.replace(" ", "%20").replace("(", "%28").replace(")", "%29"),
        f"\n{plain}\n",  # invented: a pasted line
        plain,  # typed: as it is
    ]
    for text in dropped:
        assert dropped_path(text) == plain, text
        assert Path(dropped_path(text)).exists()


def test_text_that_is_not_one_dropped_path_is_left_as_typed(tmp_path: Path) -> None:
    odd = tmp_path / "it's \\ here.zip"  # a real name with a quote and a backslash
    odd.write_bytes(b"")
    assert dropped_path(str(odd)) == str(odd)
    assert dropped_path("'/a/one.zip' '/a/two.zip'") == "'/a/one.zip' '/a/two.zip'"
    assert dropped_path("'/a/unclosed.zip") == "'/a/unclosed.zip"
    assert dropped_path("~/Downloads/Export.zip") == "~/Downloads/Export.zip"
    assert dropped_path("   ") == ""
