"""No network access anywhere in the product.

1. A full wizard run (start, every step filled with keys, save) and the `render`, `check`,
   `drafts list`, `drafts show` and `import-linkedin` commands, with every way to open a
   connection or resolve a name patched to record and refuse: nothing is recorded.
   (asyncio's own wake-up uses a local socketpair; that is left alone.)
2. No module under src/ imports a networking module (checked by parsing, not by grepping).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import socket
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from outreach_tui.cli import main
from outreach_tui.ui.app import OutreachApp

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src" / "outreach_tui"
FIXTURES = TESTS / "fixtures" / "linkedin"

FORBIDDEN = (
    "socket",
    "ssl",
    "urllib.request",
    "http.client",
    "http.server",
    "requests",
    "httpx",
    "urllib3",
    "aiohttp",
    "ftplib",
    "smtplib",
    "webbrowser",
)


def _wizard_flow() -> ModuleType:
    """The keyboard flow of tests/ui/test_wizard.py, reused rather than copied."""
    spec = importlib.util.spec_from_file_location("_wizard_flow", TESTS / "ui" / "test_wizard.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def network_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Patch every way out; each attempt is recorded, then refused with OSError."""
    calls: list[tuple[str, str]] = []

    def refuse(name: str) -> Callable[..., Any]:
        def attempt(*args: Any, **kwargs: Any) -> Any:
            calls.append((name, repr(args[1:] if name.startswith("socket.socket") else args)))
            raise OSError(f"test: network access refused ({name})")

        return attempt

    for attr in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, attr, refuse(f"socket.socket.{attr}"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    return calls


def test_the_patches_do_catch_a_connection(network_calls: list[tuple[str, str]]) -> None:
    """The guard itself works: a connection attempt is recorded (so an empty list means none)."""
    with pytest.raises(OSError):
        socket.create_connection(("example.invalid", 80), timeout=0.1)
    with socket.socket() as sock, pytest.raises(OSError):
        sock.connect(("127.0.0.1", 9))
    assert [name for name, _ in network_calls] == [
        "socket.create_connection",
        "socket.socket.connect",
    ]


async def test_full_wizard_run_and_every_command_open_no_connection(
    network_calls: list[tuple[str, str]],
    make_app: Callable[..., OutreachApp],
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    flow = _wizard_flow()
    app = make_app()
    async with app.run_test(size=flow.SIZE) as pilot:
        await flow.fill_all_steps(pilot)
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = sorted((data_dir / "drafts").glob("*.json"))
    assert len(saved) == 1, "the wizard run did not save a draft"

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(json.loads(saved[0].read_text())["answers"]), encoding="utf-8")
    data = ["--data-dir", str(data_dir)]
    for argv in (
        ["render", str(answers)],
        ["render", str(saved[0]), "--channel", "email"],
        ["check", str(answers)],
        ["check", "--json", str(saved[0])],
        [*data, "drafts", "list"],
        [*data, "drafts", "list", "--json"],
        [*data, "drafts", "show", saved[0].stem],
        [*data, "import-linkedin", str(FIXTURES)],
    ):
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    assert (data_dir / "linkedin").is_dir()

    assert network_calls == []


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in _DYNAMIC
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


_DYNAMIC = ("import_module", "__import__")


def _forbidden(name: str) -> bool:
    return any(name == bad or name.startswith(f"{bad}.") for bad in FORBIDDEN)


def test_no_module_imports_a_networking_library() -> None:
    modules = sorted(SRC.rglob("*.py"))
    assert len(modules) > 10
    offenders = [
        f"{path.relative_to(SRC.parent)}:{line}: {name}"
        for path in modules
        for line, name in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        if _forbidden(name)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        "import socket",
        "import urllib.request",
        "from urllib import request",
        "from http.client import HTTPSConnection",
        "import requests as r",
        "import httpx",
        "importlib.import_module('socket')",
        "def f():\n    import ssl",
    ],
)
def test_the_import_check_sees_each_form(source: str) -> None:
    assert any(_forbidden(name) for _, name in _imports(ast.parse(source)))


def test_the_import_check_allows_harmless_neighbours() -> None:
    source = "import urllib.parse\nfrom urllib.parse import quote\nimport http\nimport email.utils"
    assert not any(_forbidden(name) for _, name in _imports(ast.parse(source)))
