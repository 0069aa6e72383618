"""Finding the export's files: in a ZIP, an unpacked folder, or beside Connections.csv.

Pure Python: nothing here imports Textual or Rich.
"""

from __future__ import annotations

import contextlib
import zipfile
import zlib
from datetime import tzinfo
from pathlib import Path

from outreach_tui.core.linkedin.csvfiles import (
    EXPECTED_CONNECTIONS,
    ExportContents,
    LinkedInError,
    MessageHistory,
    decode,
    parse_connections,
    parse_profile_name,
)
from outreach_tui.core.linkedin.messages import parse_messages
from outreach_tui.core.platform.safeload import (
    TooLargeError,
    open_regular,
    read_problem,
    read_regular,
)

MAX_FILE_BYTES: dict[str, int] = {
    "connections.csv": 64 * 1024 * 1024,
    "messages.csv": 256 * 1024 * 1024,
    "profile.csv": 1024 * 1024,
}
"""The most bytes read of each export file (uncompressed): LinkedIn's 30,000 connections make
about 4 MB, so a larger file is refused with one line rather than filling the memory. In a ZIP
the bytes are counted as they are unpacked (a member's declared size is not trusted)."""

MAX_ZIP_BYTES = 320 * 1024 * 1024
"""The most bytes unpacked from one ZIP, all members together."""

_CHUNK = 1024 * 1024

CONNECTIONS_FILE = "connections.csv"
MESSAGES_FILE = "messages.csv"
PROFILE_FILE = "profile.csv"


def read_export(path: Path, me: str = "", tz: tzinfo | None = None) -> ExportContents:
    """Read an export from a ZIP, an unpacked folder, or Connections.csv. Raises LinkedInError.
    Dates become dates in time zone `tz` (None: this computer's)."""
    files = _find_files(path)
    connections_where, connections_raw = files[CONNECTIONS_FILE]
    notes: list[str] = []
    connections, skipped = parse_connections(
        decode(connections_raw, connections_where), connections_where, tz=tz, notes=notes
    )
    warnings: list[str] = []
    messages: list[MessageHistory] | None = None
    if MESSAGES_FILE in files:
        if not me and PROFILE_FILE in files:
            where, raw = files[PROFILE_FILE]
            with contextlib.suppress(LinkedInError):
                me = parse_profile_name(decode(raw, where))
        where, raw = files[MESSAGES_FILE]
        try:
            text = decode(raw, where)
        except LinkedInError as exc:
            messages, warning = None, f"{exc}; messages skipped"
        else:
            messages, warning = parse_messages(text, where, connections, me, tz=tz, notes=notes)
        if warning:
            warnings.append(warning)
            messages = None
    return ExportContents(
        source=path.name,
        connections=tuple(connections),
        skipped_rows=skipped,
        messages=None if messages is None else tuple(messages),
        warnings=tuple(warnings),
        notes=tuple(notes),
    )


def _find_files(path: Path) -> dict[str, tuple[str, bytes]]:
    """{lower-case file name: (where, bytes)} for the export files found at `path`."""
    wanted = (CONNECTIONS_FILE, MESSAGES_FILE, PROFILE_FILE)
    if path.is_dir():
        found = _find_in_folder(path, wanted)
        if CONNECTIONS_FILE not in found:
            raise LinkedInError(
                f"{path}: no Connections.csv in this folder; {EXPECTED_CONNECTIONS}"
            )
        return {name: (str(p), _read(p)) for name, p in found.items()}
    if not path.exists():
        raise LinkedInError(f"{path}: no such file or folder")
    if path.suffix.lower() == ".zip" or _is_zip(path):
        return _read_zip(path, wanted)
    files = {CONNECTIONS_FILE: (str(path), _read(path))}
    if path.name.lower() == CONNECTIONS_FILE:
        for sibling in path.parent.iterdir():
            name = sibling.name.lower()
            if name in (MESSAGES_FILE, PROFILE_FILE) and sibling.is_file():
                files[name] = (str(sibling), _read(sibling))
    return files


def _find_in_folder(folder: Path, wanted: tuple[str, ...], depth: int = 2) -> dict[str, Path]:
    found: dict[str, Path] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise LinkedInError(f"{folder}: {read_problem(exc)}") from None
    for entry in entries:
        if entry.name.lower() in wanted and entry.is_file():
            found.setdefault(entry.name.lower(), entry)
    if CONNECTIONS_FILE not in found and depth > 0:
        for entry in entries:
            if entry.is_dir() and not entry.name.startswith("."):
                inner = _find_in_folder(entry, wanted, depth - 1)
                if CONNECTIONS_FILE in inner:
                    return inner
    return found


def _is_zip(path: Path) -> bool:
    try:
        with open_regular(path, MAX_ZIP_BYTES) as handle:
            return zipfile.is_zipfile(handle)
    except OSError:
        return False


def _read(path: Path, limit: int | None = None) -> bytes:
    limit = limit or MAX_FILE_BYTES.get(path.name.lower(), MAX_FILE_BYTES[CONNECTIONS_FILE])
    try:
        return read_regular(path, limit)
    except TooLargeError:
        raise LinkedInError(f"{path}: {_too_large(limit)}") from None
    except OSError as exc:
        raise LinkedInError(f"{path}: {read_problem(exc)}") from None


def _too_large(limit: int) -> str:
    return f"too large for a LinkedIn export (more than {limit // (1024 * 1024)} MB)"


def _unpack_errors() -> tuple[type[BaseException], ...]:
    """What a damaged member raises while it is unpacked, by compression method."""
    errors: list[type[BaseException]] = [
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        RuntimeError,
        NotImplementedError,
        ValueError,
    ]
    with contextlib.suppress(ImportError):
        import lzma

        errors.append(lzma.LZMAError)
    return tuple(errors)


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, budget: int) -> bytes:
    """A member's bytes, counted as they are unpacked: LinkedInError past `limit` bytes (this
    member) or `budget` (what is left of the ZIP's allowance), whatever its header says."""
    cap = min(limit, budget)
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > cap:
                raise LinkedInError(f"{info.filename}: {_too_large(cap)}")
            chunks.append(chunk)
    return b"".join(chunks)


def _read_zip(path: Path, wanted: tuple[str, ...]) -> dict[str, tuple[str, bytes]]:
    try:
        with open_regular(path, MAX_ZIP_BYTES) as handle, zipfile.ZipFile(handle) as archive:
            members: dict[str, zipfile.ZipInfo] = {}
            for info in archive.infolist():
                name = info.filename.rsplit("/", 1)[-1].lower()
                if info.is_dir() or name not in wanted:
                    continue
                shallower = name not in members or (
                    info.filename.count("/") < members[name].filename.count("/")
                )
                if shallower:
                    members[name] = info
            if CONNECTIONS_FILE not in members:
                raise LinkedInError(
                    f"{path}: no Connections.csv in this ZIP; {EXPECTED_CONNECTIONS}"
                )
            files: dict[str, tuple[str, bytes]] = {}
            budget = MAX_ZIP_BYTES
            for name, info in members.items():
                limit = MAX_FILE_BYTES[name]
                if info.file_size > limit:  # refused at once; a lying header is caught below
                    raise LinkedInError(f"{path}: {info.filename}: {_too_large(limit)}")
                try:
                    raw = _unpack(archive, info, limit, budget)
                except LinkedInError as exc:
                    raise LinkedInError(f"{path}: {exc}") from None
                except _unpack_errors() as exc:
                    reason = str(exc) or type(exc).__name__
                    raise LinkedInError(
                        f"{path}: cannot unpack {info.filename} ({reason})"
                    ) from None
                budget -= len(raw)
                files[name] = (f"{path}:{info.filename}", raw)
            return files
    except LinkedInError:
        raise
    except TooLargeError:
        raise LinkedInError(f"{path}: too large for a LinkedIn export") from None
    except zipfile.BadZipFile as exc:
        raise LinkedInError(f"{path}: not a readable ZIP file ({exc})") from None
    except (RuntimeError, NotImplementedError, zlib.error, EOFError, ValueError) as exc:
        raise LinkedInError(f"{path}: cannot unpack ({exc})") from None
    except OSError as exc:
        raise LinkedInError(f"{path}: {read_problem(exc)}") from None
