"""The pure core never imports Textual or Rich; Jinja2 waits for the first render.

Two kinds of check. The subprocess checks import each module in a fresh interpreter, so modules
the test session already loaded do not count; they see what importing does, not what a function
would import when called. The source scan reads every core module and finds any import statement
anywhere in it (inside functions, methods, `if` blocks, `try` blocks) of Textual, Rich or a front
end (ui, cli, plain), and `importlib.import_module` / `__import__` calls naming one.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import outreach_tui

CORE_DIR = Path(outreach_tui.__file__).parent / "core"
UI_PACKAGES = ("textual", "rich")
FRONT_ENDS = ("outreach_tui.ui", "outreach_tui.cli", "outreach_tui.plain")

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


def _is_forbidden(module: str) -> bool:
    top = module.split(".")[0]
    return top in UI_PACKAGES or any(
        module == front or module.startswith(f"{front}.") for front in FRONT_ENDS
    )


def _absolute(node: ast.ImportFrom, package: str) -> str:
    """The module an ImportFrom names, with a relative one resolved against `package`."""
    if not node.level:
        return node.module or ""
    base = package.split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def forbidden_imports(source: str, package: str) -> list[tuple[int, str]]:
    """(line, module) for every import of Textual, Rich, ui, cli or plain anywhere in `source`.

    `package` is the dotted package the module lives in (for relative imports). Walks the whole
    tree, so an import inside a function body counts as much as one at the top.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Import | ast.ImportFrom | ast.Call):
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, package)
            # `from outreach_tui import ui` imports outreach_tui.ui
            names = (
                [module]
                if _is_forbidden(module)
                else [f"{module}.{alias.name}" for alias in node.names]
            )
        elif node.args:
            func = node.func
            called = (
                func.attr
                if isinstance(func, ast.Attribute)
                else func.id
                if isinstance(func, ast.Name)
                else ""
            )
            first = node.args[0]
            if (
                called in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                names = [first.value]
        found.extend((node.lineno, name) for name in names if _is_forbidden(name))
    return found


def core_files() -> list[Path]:
    return sorted(CORE_DIR.rglob("*.py"))


def _package_of(path: Path) -> str:
    parts = path.relative_to(CORE_DIR).parent.parts
    return ".".join(("outreach_tui.core", *parts))


def test_the_scan_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    # guards the guard: a planted import in a function body, in a temporary module
    planted = tmp_path / "planted.py"
    planted.write_text(
        "from __future__ import annotations\n"
        "import json\n\n\n"
        "def coach(text: str) -> str:\n"
        "    if text:\n"
        "        import rich\n"
        "        return str(rich)\n"
        "    return json.dumps(text)\n",
        encoding="utf-8",
    )
    assert forbidden_imports(planted.read_text(encoding="utf-8"), "outreach_tui.core.coach") == [
        (7, "rich")
    ]


@pytest.mark.parametrize(
    ("statement", "module"),
    [
        ("from textual.widgets import Input", "textual.widgets"),
        ("import rich.text as text", "rich.text"),
        ("from outreach_tui import ui", "outreach_tui.ui"),
        ("from outreach_tui.cli import main", "outreach_tui.cli"),
        ("from ...plain import run", "outreach_tui.plain"),
        ("import importlib; importlib.import_module('textual.app')", "textual.app"),
        ("__import__('rich')", "rich"),
    ],
)
def test_the_scan_sees_every_form_of_import(statement: str, module: str) -> None:
    source = f"class Rules:\n    def check(self) -> None:\n        {statement}\n"
    assert [name for _, name in forbidden_imports(source, "outreach_tui.core.coach")] == [module]


def test_the_scan_passes_imports_the_core_may_make() -> None:
    source = (
        "import json\n"
        "from outreach_tui.core.model.answers import Answers\n"
        "from . import lexicon\n"
        "def f() -> None:\n"
        "    import platformdirs\n"
        "    from outreach_tui.core.platform import files\n"
        "    import richer_text\n"
    )
    assert forbidden_imports(source, "outreach_tui.core.coach") == []


def test_the_scan_reads_every_core_package() -> None:
    packages = {_package_of(path) for path in core_files()}
    for expected in ("coach", "drafts", "linkedin", "message", "model", "names", "platform"):
        assert f"outreach_tui.core.{expected}" in packages


@pytest.mark.parametrize("path", core_files(), ids=lambda path: str(path.relative_to(CORE_DIR)))
def test_no_core_module_imports_the_terminal_or_a_front_end_anywhere(path: Path) -> None:
    found = forbidden_imports(path.read_text(encoding="utf-8"), _package_of(path))
    assert found == [], f"{path.relative_to(CORE_DIR)} imports {found} (line, module)"


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
