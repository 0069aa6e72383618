"""Hostile LinkedIn exports, imported as a user would (`import-linkedin` as a real process): a
zip bomb, a ZIP that lies about its sizes, too many rows, a damaged compressed member. Each is
refused with one line and exit status 2, and nothing is written; a real export of 30,000
connections still imports."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from test_cli_bad_files import assert_one_line_error, scrubbed_env, tree_snapshot

HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def run(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    (tmp_path / "work").mkdir(exist_ok=True)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "outreach_tui",
            "--data-dir",
            str(tmp_path / "data"),
            *map(str, args),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=scrubbed_env(tmp_path),
        cwd=tmp_path / "work",
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def connections(count: int) -> bytes:
    rows = (
        f"Given{i},Family{i},https://www.linkedin.com/in/p{i},,Org {i % 700},Librarian,"
        f"14 Jun 2021\n"
        for i in range(count)
    )
    return HEADER + "".join(rows).encode()


def write_zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method, compresslevel=None) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def assert_refused(tmp_path: Path, export: Path, *needles: str) -> str:
    (tmp_path / "work").mkdir(exist_ok=True)
    before = tree_snapshot(tmp_path)
    result = run(tmp_path, "import-linkedin", export)
    line = assert_one_line_error(result)
    for needle in needles:
        assert needle in line, line
    assert tree_snapshot(tmp_path) == before, "a refused export wrote something"
    assert not (tmp_path / "data").exists()
    return line


def test_a_real_export_of_30000_connections_imports(tmp_path: Path) -> None:
    export = write_zip(tmp_path / "export.zip", {"Connections.csv": connections(30_000)})
    result = run(tmp_path, "import-linkedin", export)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("30,000 connections imported")


def test_a_zip_bomb_is_refused_with_one_line(tmp_path: Path) -> None:
    """A ~100 KB ZIP whose Connections.csv unpacks to more than the 64 MB a connections file
    may hold (the attack used 255 MB; past the cap is past the cap)."""
    row = b"Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,Engineer,14 Jun 2021\n"
    bomb = HEADER + row * (65 * 1024 * 1024 // len(row) + 1)
    export = write_zip(tmp_path / "bomb.zip", {"Connections.csv": bomb})
    assert export.stat().st_size < 1024 * 1024
    assert_refused(tmp_path, export, "too large for a LinkedIn export", "Connections.csv")


def test_a_zip_that_understates_its_sizes_is_refused(tmp_path: Path) -> None:
    """The member's header claims 1 KB: its real size is counted as it unpacks, never trusted;
    the unpacking stops at the claimed size and the checksum gives the lie away."""
    row = b"Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,Engineer,14 Jun 2021\n"
    export = write_zip(tmp_path / "liar.zip", {"Connections.csv": HEADER + row * 200_000})
    real = (len(HEADER) + len(row) * 200_000).to_bytes(4, "little")
    data = export.read_bytes().replace(real, (1024).to_bytes(4, "little"))
    export.write_bytes(data)
    assert_refused(tmp_path, export, "Connections.csv")


def test_more_rows_than_any_export_holds_is_refused(tmp_path: Path) -> None:
    export = write_zip(tmp_path / "rows.zip", {"Connections.csv": connections(100_001)})
    assert_refused(tmp_path, export, "more than 100,000 rows")


def test_a_damaged_compressed_member_is_one_line(tmp_path: Path) -> None:
    for method, name in ((zipfile.ZIP_LZMA, "lzma"), (zipfile.ZIP_DEFLATED, "deflate")):
        export = write_zip(
            tmp_path / f"{name}.zip", {"Connections.csv": connections(2_000)}, method
        )
        data = bytearray(export.read_bytes())
        start = data.index(b"Connections.csv") + len("Connections.csv") + 40
        for offset in range(start, start + 200, 7):
            data[offset] ^= 0x5A
        export.write_bytes(bytes(data))
        assert_refused(tmp_path, export, str(export))
