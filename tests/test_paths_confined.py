"""Paths: no answer, slug, draft id or command-line argument makes the app write outside the data
folder, except where the user names a path explicitly (`--data-dir`, an export target).

Each test snapshots every file under the test's temporary folder, acts, and checks that every
file created or changed lies inside the data folder or is the explicit target.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from outreach_tui.cli import main
from outreach_tui.core.drafts.draft import Draft, DraftError
from outreach_tui.core.drafts.library import Library
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.model.answers import Answers
from outreach_tui.core.model.answers_load import answers_from_dict

READY = {
    "sender": {"name": "Jordan Lee"},
    "contact": {"name": "../../Alex", "organization": "../../etc"},
    "goal": {"learn": "../../how"},
}

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "linkedin"

HOSTILE_NAMES = [
    "../../etc/passwd",
    "/etc/passwd",
    "..",
    ".",
    "..\\..\\Windows\\system32",
    "a/../../b",
    "~/.ssh/authorized_keys",
    "$HOME/x",
    "name\x00.json",
    "CON",
    "",
    "\u202e../../x",
    "....//....//x",
]
HOSTILE_IDS = [
    "../../etc/passwd",
    "../x",
    "/etc/passwd",
    "..",
    "x/../../y",
    "x/../x",
    "-rf",
    ".hidden",
    "UPPER",
    "a" * 200,
    "x.json",
    "",
]


def snapshot(root: Path) -> dict[str, tuple[int, int, bytes | None]]:
    """Every path under root (files and folders) with its inode, size and bytes."""
    result: dict[str, tuple[int, int, bytes | None]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            path = os.path.join(folder, name)
            st = os.stat(path)
            result[path] = (st.st_ino, -1, None)
        for name in files:
            path = os.path.join(folder, name)
            st = os.stat(path)
            with open(path, "rb") as handle:
                result[path] = (st.st_ino, st.st_size, handle.read())
    return result


def changed(before: dict[str, tuple[int, int, bytes | None]], root: Path) -> list[Path]:
    after = snapshot(root)
    paths = {p for p in after if before.get(p) != after[p]} | {p for p in before if p not in after}
    return sorted(Path(p) for p in paths)


def assert_confined(paths: list[Path], *allowed: Path) -> None:
    roots = [a.resolve() for a in allowed]
    for path in paths:
        resolved = path.resolve()
        assert any(resolved == r or r in resolved.parents for r in roots), (
            f"{path} was written outside {allowed}"
        )


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder for CLI calls, so `../x` points inside tmp_path."""
    folder = tmp_path / "work" / "here"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    return folder


def hostile_answers(name: str) -> Answers:
    return answers_from_dict(
        {
            "sender": {"name": name, "location": name},
            "contact": {"name": name, "title": name, "organization": name},
            "research": {"groups": [name], "shared_connections": [name]},
            "goal": {"learn": name},
            name if name and "\x00" not in name else "x": {"unknown": name},
        }
    )


def test_hostile_answers_and_names_are_saved_inside_drafts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lib = Library(DraftStore(data))
    before = snapshot(tmp_path)
    for name in HOSTILE_NAMES:
        draft = Draft(hostile_answers(name), "message", f"Dear {name}", subject=name, title=name)
        lib.save(draft)
        lib.mark(draft.id, "sent")
        lib.rename(draft.id, name)
        lib.duplicate(draft.id, name)
    lib.refresh()
    written = changed(before, tmp_path)
    assert written
    assert_confined(written, data)
    for path in written:
        if path.is_file():
            assert path.parent in (data, data / "drafts")


@pytest.mark.parametrize("draft_id", HOSTILE_IDS)
def test_hostile_ids_are_refused_by_the_store(tmp_path: Path, draft_id: str) -> None:
    store = DraftStore(tmp_path / "data")
    before = snapshot(tmp_path)
    for action in (store.load, store.path_for, store.trash, store.restore):
        with pytest.raises(DraftError):
            action(draft_id)
    draft = Draft(answers_from_dict({}), "message", "x", id=draft_id)
    if draft_id:  # "" means "new": it gets a fresh id
        with pytest.raises(DraftError):
            store.save(draft)
    written = changed(before, tmp_path)
    assert_confined(written, tmp_path / "data")
    if draft_id:
        assert [p for p in written if p.is_file()] == []


@pytest.mark.parametrize("draft_id", [i for i in HOSTILE_IDS if i and not i.startswith("-")])
@pytest.mark.parametrize(
    "argv",
    [
        ["drafts", "show", "{id}"],
        ["drafts", "mark", "{id}", "sent"],
        ["drafts", "export", "{id}", "--txt", "out.txt"],
        ["drafts", "export", "{id}", "--ics", "out.ics"],
    ],
    ids=["show", "mark", "export-txt", "export-ics"],
)
def test_hostile_ids_on_the_command_line_write_nothing(
    tmp_path: Path,
    work: Path,
    draft_id: str,
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    DraftStore(data).save(Draft(answers_from_dict({"contact": {"name": "Alex"}}), "message", "m"))
    before = snapshot(tmp_path)
    args = [a.replace("{id}", draft_id) for a in argv]
    assert main(["--data-dir", str(data), *args]) == 2
    assert "not a draft id" in capsys.readouterr().err
    assert changed(before, tmp_path) == []


def test_export_writes_only_the_explicit_target(
    tmp_path: Path, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    draft = Draft(answers_from_dict({"contact": {"name": "../../Alex"}}), "message", "Hello")
    DraftStore(data).save(draft)
    assert main(["--data-dir", str(data), "drafts", "mark", draft.id, "sent"]) == 0
    before = snapshot(tmp_path)
    target = Path("..") / "exported.txt"  # relative, with ../: the user's explicit choice
    assert main(["--data-dir", str(data), "drafts", "export", draft.id, "--txt", str(target)]) == 0
    assert main(["--data-dir", str(data), "drafts", "export", "--ics", "../due.ics"]) == 0
    written = changed(before, tmp_path)
    assert sorted(p.name for p in written if p.is_file()) == ["due.ics", "exported.txt"]
    assert_confined(written, work.parent / "exported.txt", work.parent / "due.ics", data)
    assert (work.parent / "exported.txt").read_text(
        encoding="utf-8"
    ) == "Subject: None\n\nHello\n" or (work.parent / "exported.txt").read_text(
        encoding="utf-8"
    ).endswith("Hello\n")
    capsys.readouterr()


def test_export_refuses_the_drafts_folder_itself(
    tmp_path: Path, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    draft = Draft(answers_from_dict({"contact": {"name": "Alex"}}), "message", "Hello")
    DraftStore(data).save(draft)
    before = snapshot(tmp_path)
    for target in (data / "drafts" / f"{draft.id}.json", data / "drafts" / "other.txt"):
        argv = ["--data-dir", str(data), "drafts", "export", draft.id, "--txt", str(target)]
        assert main(argv) == 2
    assert changed(before, tmp_path) == []
    capsys.readouterr()


def test_a_copied_draft_file_is_saved_under_its_own_name(
    tmp_path: Path, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A draft file's own `id` field must not choose where it is written: a copied file (or one
    edited by hand to name another draft, or `../../x`) is saved under its file name."""
    data = tmp_path / "data"
    store = DraftStore(data)
    original = Draft(answers_from_dict({"contact": {"name": "Alex"}}), "message", "Original")
    store.save(original)
    copy_path = data / "drafts" / "copy-of-alex.json"
    shutil.copyfile(store.path_for(original.id), copy_path)
    hostile = json.loads(copy_path.read_text(encoding="utf-8"))
    hostile_path = data / "drafts" / "hostile.json"
    hostile_path.write_text(json.dumps({**hostile, "id": "../../escaped"}), encoding="utf-8")
    original_bytes = store.path_for(original.id).read_bytes()
    before = snapshot(tmp_path)

    assert main(["--data-dir", str(data), "drafts", "mark", "copy-of-alex", "sent"]) == 0
    assert main(["--data-dir", str(data), "drafts", "mark", "hostile", "replied"]) == 0
    capsys.readouterr()

    assert store.path_for(original.id).read_bytes() == original_bytes
    assert store.load("copy-of-alex").tracking.status == "sent"
    assert store.load("hostile").tracking.status == "replied"
    assert store.load("hostile").id == "hostile"
    assert_confined(changed(before, tmp_path), data)


def test_data_dir_flag_confines_every_write_to_that_folder(
    tmp_path: Path, work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--data-dir` at a fresh, nested folder: it is created (private) and every write lands in
    it; the environment's folder and the platform folder stay untouched."""
    fresh = tmp_path / "fresh" / "nested" / "data"
    env_dir = tmp_path / "env-data"
    monkeypatch.setenv("OUTREACH_TUI_DATA_DIR", str(env_dir))
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(READY))
    before = snapshot(tmp_path)

    assert main(["--data-dir", str(fresh), "import-linkedin", str(FIXTURES)]) == 0
    assert main(["--data-dir", str(fresh), "drafts", "list"]) == 0
    assert main(["render", str(answers)]) == 0
    assert main(["check", str(answers)]) == 0
    store = DraftStore(fresh)
    draft = Draft(answers_from_dict({"contact": {"name": "../../Alex"}}), "message", "m")
    store.save(draft)
    assert main(["--data-dir", str(fresh), "drafts", "mark", draft.id, "sent"]) == 0
    capsys.readouterr()

    written = changed(before, tmp_path)
    assert written
    assert_confined(written, tmp_path / "fresh")
    assert not env_dir.exists()
    assert not (tmp_path / "xdg-data").exists()
    assert (os.stat(fresh).st_mode & 0o777) == 0o700


def test_reading_commands_write_nothing(
    tmp_path: Path, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """render and check read the named file and write nowhere (no data folder is made)."""
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(READY))
    data = tmp_path / "data"
    before = snapshot(tmp_path)
    for argv in (["render", str(answers)], ["check", "--json", str(answers)]):
        assert main(["--data-dir", str(data), *argv]) == 0
    capsys.readouterr()
    assert changed(before, tmp_path) == []
