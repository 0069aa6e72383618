"""`outreach-tui templates list / copy`, and `render` / `check` using your templates and
settings."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from outreach_tui.cli import main
from outreach_tui.core.message.channels import CHANNELS
from outreach_tui.core.message.renderer import Renderer, builtin_template_names
from outreach_tui.core.model.answers_load import answers_from_dict

ANSWERS = {
    "sender": {"name": "Jordan Lee"},
    "contact": {"name": "Alex Morgan", "organization": "Westerly Public Library"},
    "goal": {"learn": "how new staff are trained"},
}


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("OUTREACH_TUI_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "alex.json"
    path.write_text(json.dumps(ANSWERS), encoding="utf-8")
    return path


def lines_of(text: str) -> dict[str, str]:
    """`templates list` rows by template file name -> what is in use."""
    rows = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1].endswith(".j2"):
            rows[parts[1]] = " ".join(parts[2:])
    return rows


def test_list_all_builtin(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "list"]) == 0
    out = capsys.readouterr().out
    assert str(config / "templates") in out and "not created yet" in out
    rows = lines_of(out)
    assert set(rows) == set(builtin_template_names())
    assert set(rows.values()) == {"built-in"}
    for channel in CHANNELS:
        assert f"\n{channel} " in out


def test_list_shows_user_files_and_added_channels(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = config / "templates"
    folder.mkdir(parents=True)
    (folder / "email.txt.j2").write_text("Hi\n", encoding="utf-8")
    (folder / "coffee.txt.j2").write_text("Coffee?\n", encoding="utf-8")
    assert main(["templates", "list"]) == 0
    rows = lines_of(capsys.readouterr().out)
    assert rows["email.txt.j2"] == str(folder / "email.txt.j2")
    assert rows["email.subject.txt.j2"] == "built-in"
    assert rows["coffee.txt.j2"] == str(folder / "coffee.txt.j2")


def test_copy_a_channel_then_refuse_then_force(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["templates", "copy", "message"]) == 0
    folder = config / "templates"
    body, subject = folder / "message.txt.j2", folder / "message.subject.txt.j2"
    assert body.is_file() and subject.is_file()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    out = capsys.readouterr().out
    assert str(body) in out and str(subject) in out
    # a copy renders exactly as the built-in one
    answers = answers_from_dict(ANSWERS)
    copied = Renderer([folder]).render(answers, "message")
    assert copied == Renderer().render(answers, "message") and not copied.problems

    body.write_text("my own\n", encoding="utf-8")
    assert main(["templates", "copy", "message"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "--force" in err and str(body) in err
    assert body.read_text(encoding="utf-8") == "my own\n"

    assert main(["templates", "copy", "message", "--force"]) == 0
    assert body.read_text(encoding="utf-8") != "my own\n"


def test_copy_a_single_template_file(config: Path) -> None:
    assert main(["templates", "copy", "connection-note-short.txt.j2"]) == 0
    assert [p.name for p in (config / "templates").iterdir()] == ["connection-note-short.txt.j2"]


def test_copy_unknown_name(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "copy", "../../etc/passwd"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "no built-in template" in err
    assert not (config / "templates").exists()


def test_copy_into_a_folder_that_is_a_file(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config.mkdir()
    (config / "templates").write_text("not a folder", encoding="utf-8")
    assert main(["templates", "copy", "email"]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_render_and_check_use_your_templates(
    config: Path, answers_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = config / "templates"
    folder.mkdir(parents=True)
    (folder / "email.txt.j2").write_text("Hello {{ salutation }}, {{ learn }}?\n", encoding="utf-8")
    (folder / "coffee.txt.j2").write_text("Coffee, {{ first_name }}?\n", encoding="utf-8")
    assert main(["render", str(answers_file), "--channel", "email"]) == 0
    out = capsys.readouterr().out
    assert "Hello Alex Morgan, how new staff are trained?" in out
    assert main(["render", str(answers_file), "--channel", "coffee"]) == 0
    assert capsys.readouterr().out == "Coffee, Alex?\n"
    assert main(["check", str(answers_file), "--channel", "coffee", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["channel"] == "coffee"


def test_render_reports_a_broken_template_and_uses_the_builtin(
    config: Path, answers_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = config / "templates"
    folder.mkdir(parents=True)
    broken = folder / "message.txt.j2"
    broken.write_text("Hi\n{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    assert main(["render", str(answers_file)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[2] == "Dear Alex Morgan,"
    assert len(captured.err.splitlines()) == 1
    assert f"warning: {broken}, line 2:" in captured.err
    assert "built-in template was used" in captured.err


def test_settings_give_render_its_defaults(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config.mkdir()
    (config / "settings.toml").write_text(
        'channel = "connection-note"\n[sender]\nname = "Sam Writer"\n', encoding="utf-8"
    )
    path = tmp_path / "no-sender.json"
    path.write_text(json.dumps({**ANSWERS, "sender": {}}), encoding="utf-8")
    assert main(["render", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Subject:" not in out  # the connection note has none
    assert "Sam" in out


def test_damaged_settings_warn_and_change_nothing(
    config: Path, answers_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config.mkdir()
    settings = config / "settings.toml"
    settings.write_bytes(b"channel = \n")
    assert main(["render", str(answers_file)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Subject:")
    assert len(captured.err.splitlines()) == 1
    assert str(settings) in captured.err and "invalid TOML" in captured.err
    assert settings.read_bytes() == b"channel = \n"


def test_unknown_channel_lists_added_ones(
    config: Path, answers_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = config / "templates"
    folder.mkdir(parents=True)
    (folder / "coffee.txt.j2").write_text("Coffee?\n", encoding="utf-8")
    assert main(["render", str(answers_file), "--channel", "tea"]) == 2
    err = capsys.readouterr().err
    assert "unknown channel 'tea'" in err and "coffee" in err
