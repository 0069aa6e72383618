"""Your own editor and the clipboard, on the Preview step."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp

SIZE = (100, 32)


def editor_script(tmp_path: Path, seen: Path) -> str:
    """An 'editor' that records the file's mode and appends a line, like a user would."""
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import os, stat, sys\n"
        "path = sys.argv[1]\n"
        f"open({str(seen)!r}, 'w').write(oct(stat.S_IMODE(os.stat(path).st_mode)) + ' ' + path)\n"
        "with open(path, 'a') as f:\n"
        "    f.write('PS: written in my own editor.\\n')\n"
    )
    return f"{sys.executable} {script}"


async def test_editor_edits_the_message(
    make_app: Callable[..., OutreachApp],
    full_answers: Answers,
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = tmp_path / "mode.txt"
    monkeypatch.setenv("VISUAL", editor_script(tmp_path, seen))
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 6)
        await pilot.press("ctrl+t")
        await pilot.pause()
        text = app.screen.query_one("#message", TextArea).text
        assert text.endswith("PS: written in my own editor.")
        assert text.startswith("Dear Ms. Morgan,")
        assert "Edited by you" in str(app.screen.query_one("#edit-note", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    mode, path = seen.read_text().split(" ", 1)
    assert mode == oct(0o600)
    # in the private data folder, never the shared temporary folder
    assert Path(path).parent == data_dir / "editing"
    assert stat.S_IMODE((data_dir / "editing").stat().st_mode) == 0o700
    assert list((data_dir / "editing").iterdir()) == []
    saved = json.loads(next((data_dir / "drafts").glob("*.json")).read_text())
    assert saved["message"].endswith("PS: written in my own editor.")
    leftovers = [p for p in Path(tempfile_dir()).glob("outreach-tui-*.txt")]
    assert leftovers == []


def tempfile_dir() -> str:
    import tempfile

    return tempfile.gettempdir()


async def test_without_an_editor_the_user_is_told_how(
    make_app: Callable[..., OutreachApp], full_answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 6, "ctrl+t")
        await pilot.pause()
        assert any("EDITOR" in n.message for n in app._notifications)


async def test_failing_editor_leaves_the_text_alone(
    make_app: Callable[..., OutreachApp], full_answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "false")
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 6)
        before = app.screen.query_one("#message", TextArea).text
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen.query_one("#message", TextArea).text == before
        assert any("status 1" in n.message for n in app._notifications)


async def test_copy_puts_the_message_on_the_clipboard(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+g")  # not on step 1: nothing happens
        await pilot.pause()
        assert app.clipboard == ""
        await pilot.press(*["ctrl+n"] * 6, "ctrl+g")
        await pilot.pause()
        assert app.clipboard == app.screen.query_one("#message", TextArea).text
        assert app.clipboard.startswith("Dear Ms. Morgan,")
        assert any("clipboard" in n.message for n in app._notifications)


async def test_preview_names_the_template_in_use(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 6)
        line = str(app.screen.query_one("#template-line", Static).render())
        assert "Template: built-in" in line


async def test_preview_names_your_template_and_its_problem(
    data_dir: Path, full_answers: Answers, tmp_path: Path
) -> None:
    from outreach_tui.core.drafts.store import DraftStore
    from outreach_tui.core.message.renderer import Renderer
    from outreach_tui.ui.app import create_app

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "message.txt.j2").write_text("Hi {{ contact.name }},\n{{ no_such_thing }}\n")
    app = create_app(
        data_dir, answers=full_answers, store=DraftStore(data_dir), renderer=Renderer([templates])
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 6)
        line = str(app.screen.query_one("#template-line", Static).render())
        assert str(templates / "message.txt.j2") in line
        assert "line 2" in line and "built-in" in line
        # the built-in template was used instead
        assert app.screen.query_one("#message", TextArea).text.startswith("Dear Ms. Morgan,")
