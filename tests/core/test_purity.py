"""The pure core never imports Textual or Rich; Jinja2 waits for the first render.

Each check runs in a fresh interpreter, so modules the test session already loaded do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import outreach_tui

CORE_DIR = Path(outreach_tui.__file__).parent / "core"
UI_PACKAGES = ("textual", "rich")

REPORT = (
    "import sys; import json; "
    "print(json.dumps(sorted(m for m in sys.modules "
    "if m.split('.')[0] in ('textual', 'rich', 'jinja2'))))"
)


def loaded_after(code: str, tmp_path: Path | None = None) -> list[str]:
    """The textual/rich/jinja2 modules loaded after running `code` in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\n{REPORT}"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    modules: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return modules


def top_level(modules: list[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def core_module_names() -> list[str]:
    """Every module under core/, packages (core/coach/) and their modules included."""
    names = set()
    for path in CORE_DIR.rglob("*.py"):
        parts = path.relative_to(CORE_DIR).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.add(".".join(("outreach_tui.core", *parts)))
    return sorted(names)


def test_the_check_sees_textual_when_it_is_loaded() -> None:
    # guards the guard: the report does notice a UI import
    assert "textual" in top_level(loaded_after("import textual.app"))


def test_core_and_cli_import_no_ui_and_no_jinja2() -> None:
    code = (
        "import outreach_tui.core.model.answers, outreach_tui.core.model.questions, "
        "outreach_tui.core.message.renderer, outreach_tui.core.message.shorten, "
        "outreach_tui.core.drafts.store, "
        "outreach_tui.core.platform.paths, "
        "outreach_tui.cli, outreach_tui.cli.output, outreach_tui.cli.config, "
        "outreach_tui.cli.render, outreach_tui.cli.drafts, outreach_tui.cli.linkedin, "
        "outreach_tui.cli.templates, outreach_tui.cli.wizard"
    )
    assert loaded_after(code) == []


def test_known_core_modules_found_by_glob() -> None:
    names = core_module_names()
    for expected in (
        "model.answers",
        "model.answers_load",
        "model.questions",
        "message.channels",
        "message.context",
        "message.renderer",
        "message.shorten",
        "drafts.draft",
        "drafts.store",
        "platform.paths",
        "coach",
        "coach.score",
    ):
        assert f"outreach_tui.core.{expected}" in names


@pytest.mark.parametrize("module", core_module_names())
def test_every_core_module_imports_no_ui(module: str) -> None:
    loaded = top_level(loaded_after(f"import {module}"))
    assert not loaded & set(UI_PACKAGES), f"{module} imports {sorted(loaded)}"
    assert "jinja2" not in loaded, f"{module} loads jinja2 at import time"


def test_all_core_modules_together_import_no_ui() -> None:
    code = "\n".join(f"import {m}" for m in core_module_names())
    assert not top_level(loaded_after(code)) & set(UI_PACKAGES)


def test_rendering_loads_jinja2_but_no_ui() -> None:
    code = (
        "from outreach_tui.core.model.answers import Answers\n"
        "from outreach_tui.core.message.renderer import Renderer\n"
        "Renderer().render(Answers(), 'message')"
    )
    loaded = top_level(loaded_after(code))
    assert "jinja2" in loaded
    assert not loaded & set(UI_PACKAGES)


def test_render_command_loads_no_ui(tmp_path: Path) -> None:
    answers = {
        "sender": {"name": "Jordan Lee"},
        "contact": {"name": "Alex Morgan", "organization": "Westerly Public Library"},
        "goal": {"learn": "how new staff are trained"},
    }
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    code = (
        "import contextlib, io\n"
        "from outreach_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = main(['render', {str(path)!r}])\n"
        "assert status == 0, status\n"
        "assert 'Westerly Public Library' in out.getvalue()"
    )
    loaded = top_level(loaded_after(code, tmp_path))
    assert "jinja2" in loaded
    assert not loaded & set(UI_PACKAGES)


def test_version_loads_no_ui_and_no_jinja2() -> None:
    code = (
        "import contextlib, io\n"
        "from outreach_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--version'])\n"
        "    except SystemExit:\n"
        "        pass"
    )
    assert loaded_after(code) == []
