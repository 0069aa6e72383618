"""Shared helpers for the benchmarks (scripts run on demand, never collected by pytest).

- `Sandbox`: a temporary HOME, XDG folders, data folder and config folder, and an environment
  scrubbed of what changes Textual's behaviour (NO_COLOR, COLUMNS, LINES, TEXTUAL_*, ...), so a
  benchmark never reads or writes the user's own drafts and settings.
- `Tmux`: a private tmux server per run (`tmux -L <unique>`, no config file) that only ever
  touches its own sessions; `wait_for` polls `capture-pane -p` until texts are on screen.
- Small statistics (median and spread), `Check` (one budget) and `finish` (print the checks,
  optionally write them as JSON for run_all.py, exit status 1 when a budget is missed).

Figures on the project's 2-core machines vary by 15-20% between runs: every budget that can be
is a ratio against a bare Textual app measured in the same run, interleaved A B A B.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path


def _src_first() -> None:
    """With `--src DIR`, import the app from DIR in this process too: done on import, before
    any benchmark module imports outreach_tui."""
    for i, arg in enumerate(sys.argv):
        value = sys.argv[i + 1] if arg == "--src" and i + 1 < len(sys.argv) else None
        if arg.startswith("--src="):
            value = arg.removeprefix("--src=")
        if value:
            sys.path.insert(0, str(Path(value).resolve()))


_src_first()

SIZE = (100, 30)
"""The terminal every benchmark uses: 100 columns, 30 lines."""

SCRUB = frozenset(
    {
        "NO_COLOR",
        "FORCE_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "LINES",
        "ESCDELAY",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "PYTHONPATH",
        "PYTHONSTARTUP",
        "PYTHONPROFILEIMPORTTIME",
        "TMUX",
        "TMUX_PANE",
    }
)
"""Environment variables removed for every app run (plus TEXTUAL* and OUTREACH_TUI_*)."""

WELCOME_READY = ("nothing is ever sent for you", "Open saved drafts", "Quit")
"""The welcome step is on screen: its text, its last button and the footer (drawn last)."""

HELLO_TEXT = "Hello, Textual!"
HELLO_APP = '''\
"""A bare Textual app: the baseline for start-up time."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class HelloApp(App):
    def compose(self) -> ComposeResult:
        yield Static("Hello, Textual!")


if __name__ == "__main__":
    HelloApp().run()
'''

INPUT_READY = "Type here"
INPUT_APP = '''\
"""A bare Textual app with one Input: the baseline for keystroke-to-paint."""

from textual.app import App, ComposeResult
from textual.widgets import Input


class OneInputApp(App):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="Type here")


if __name__ == "__main__":
    OneInputApp().run()
'''


# --- environment -------------------------------------------------------------------------------


def scrubbed_environ(base: dict[str, str] | None = None) -> dict[str, str]:
    """os.environ without what changes Textual/Rich or points at the user's data."""
    env = dict(os.environ if base is None else base)
    for key in list(env):
        if key in SCRUB or key.startswith(("TEXTUAL", "OUTREACH_TUI_")):
            del env[key]
    env["TERM"] = "tmux-256color"
    env.setdefault("LANG", "C.UTF-8")
    return env


def compile_package(src: str | None = None) -> None:
    """Byte-compile the outreach_tui package that will be measured (`src`'s, or the installed one).

    A user's install runs from cached bytecode: pip compiles a wheel's modules as it installs
    them, and Python caches an editable install's on its first run. Modules edited since their
    last cache (or a machine with PYTHONDONTWRITEBYTECODE set, as some CI images have) would
    otherwise be compiled from source on every timed start, which no user waits for twice.
    """
    import compileall
    import importlib.util

    if src is not None:
        package = Path(src) / "outreach_tui"
    else:
        spec = importlib.util.find_spec("outreach_tui")
        if spec is None or spec.origin is None:
            return
        package = Path(spec.origin).parent
    compileall.compile_dir(package, quiet=1)


class Sandbox:
    """A temporary folder with home/, data/, config/ and XDG folders, and the environment for
    an app run inside it. Use as a context manager; everything is removed afterwards.

    `src`: a source tree (the folder holding `outreach_tui/`) to run instead of the installed
    package, e.g. a `git archive` snapshot; put first on PYTHONPATH.
    """

    def __init__(self, prefix: str = "outreach-bench-", src: str | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix=prefix))
        self.home = self.root / "home"
        self.data = self.root / "data"
        self.config = self.root / "config"
        for folder in (self.home, self.config):
            folder.mkdir(mode=0o700)
        self.env = scrubbed_environ()
        self.env.update(
            {
                "HOME": str(self.home),
                "XDG_DATA_HOME": str(self.home / ".local" / "share"),
                "XDG_CONFIG_HOME": str(self.home / ".config"),
                "XDG_CACHE_HOME": str(self.home / ".cache"),
                "XDG_STATE_HOME": str(self.home / ".local" / "state"),
                "OUTREACH_TUI_DATA_DIR": str(self.data),
                "OUTREACH_TUI_CONFIG_DIR": str(self.config),
            }
        )
        if src:
            self.env["PYTHONPATH"] = str(Path(src).resolve())
        compile_package(src)

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.write_text(text, encoding="utf-8")
        return path

    def apply_in_process(self) -> None:
        """Use this sandbox's environment in this process too (for Pilot-driven runs)."""
        for key in list(os.environ):
            if key not in self.env:
                del os.environ[key]
        os.environ.update(self.env)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def python() -> str:
    """The interpreter running the benchmark: the project's venv python."""
    return sys.executable


def app_command(data_dir: Path | None = None) -> str:
    """Shell command launching outreach-tui: the venv's console script (else `python -m`)."""
    script = Path(sys.executable).with_name("outreach-tui")
    cmd = [str(script)] if script.exists() else [python(), "-m", "outreach_tui"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return shlex.join(cmd)


def python_command(script: Path) -> str:
    return shlex.join([python(), str(script)])


# --- a private tmux server ---------------------------------------------------------------------


class Tmux:
    """A private tmux server (own socket, no config) that only touches its own sessions."""

    def __init__(self, env: dict[str, str], size: tuple[int, int] = SIZE) -> None:
        self.socket = f"outreach-bench-{os.getpid()}-{random.randrange(1 << 30):x}"
        self.env = env
        self.width, self.height = size
        self.sessions: set[str] = set()
        self._count = 0
        # A keeper session keeps the server alive between runs: its start-up is never timed.
        self.run("new-session", "-d", "-s", "keeper", *self._size(), "sleep 86400")
        self.sessions.add("keeper")
        self.socket_path = self.run("display-message", "-p", "#{socket_path}").stdout.strip()
        for option in (
            ("default-terminal", "tmux-256color"),
            ("remain-on-exit", "on"),  # a crash stays readable
            ("history-limit", "0"),
            ("status", "off"),  # the pane is the whole window
            ("escape-time", "0"),
        ):
            self.run("set-option", "-g", *option)

    def _size(self) -> list[str]:
        return ["-x", str(self.width), "-y", str(self.height)]

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=check,
            env=self.env,
            timeout=20,
        )

    def start(self, command: str, name: str | None = None) -> str:
        """Start `command` in a new session; returns the session name."""
        self._count += 1
        name = name or f"s{self._count}"
        self.sessions.add(name)
        self.run("new-session", "-d", "-s", name, *self._size(), f"exec {command}")
        return name

    def capture(self, name: str) -> tuple[str, bool]:
        """The pane's text and whether its process has exited (one tmux call)."""
        r = self.run(
            "capture-pane", "-p", "-t", name, ";", "display-message", "-p", "-t", name,
            "@@#{pane_dead}", check=False,
        )  # fmt: skip
        text, _, dead = r.stdout.rpartition("@@")
        return text, dead.strip() == "1"

    def wait_for(
        self,
        name: str,
        texts: Sequence[str],
        *,
        start: float | None = None,
        timeout: float = 30.0,
        any_of: bool = False,
        poll: float = 0.002,
    ) -> float:
        """Seconds from `start` (default: now) until all of `texts` (or one, with `any_of`)
        are on screen. Raises RuntimeError with the screen on timeout or exit."""
        t0 = time.perf_counter() if start is None else start
        test = any if any_of else all
        while True:
            screen, dead = self.capture(name)
            now = time.perf_counter()
            if test(t in screen for t in texts):
                return now - t0
            if dead or now - t0 > timeout:
                why = "exited" if dead else f"timed out after {timeout:.0f} s"
                raise RuntimeError(f"waiting for {list(texts)!r}: app {why}; screen:\n{screen}")
            time.sleep(poll)

    def send(self, name: str, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", name, *(["-l"] if literal else []), *keys)

    def pid(self, name: str) -> int | None:
        r = self.run("display-message", "-p", "-t", name, "#{pane_pid}", check=False)
        value = r.stdout.strip()
        return int(value) if value.isdigit() else None

    def kill(self, name: str, wait: float = 5.0) -> None:
        """Kill one of our sessions and wait for its process (by pid) to be gone."""
        pid = self.pid(name)
        self.run("kill-session", "-t", name, check=False)
        self.sessions.discard(name)
        if pid is None:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
            time.sleep(0.01)
        if Path(f"/proc/{pid}").exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)  # the pane process we started, by id

    def close(self) -> None:
        for name in list(self.sessions):
            self.kill(name, wait=2.0)
        self.run("kill-server", check=False)
        if self.socket_path and Path(self.socket_path).name == self.socket:
            Path(self.socket_path).unlink(missing_ok=True)  # only our own socket file

    def __enter__(self) -> Tmux:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def vm_hwm_kib(pid: int) -> int:
    """Peak resident set size (VmHWM) of a live process, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for pid {pid}")


# --- statistics and order ----------------------------------------------------------------------


def interleaved(labels: Sequence[str], runs: int) -> list[tuple[int, str]]:
    """(run, label) pairs in A B A B ... order."""
    return [(i, label) for i in range(runs) for label in labels]


@dataclass
class Spread:
    n: int
    median: float
    q1: float
    q3: float
    lo: float
    hi: float


def spread(xs: Iterable[float]) -> Spread:
    values = sorted(xs)
    if not values:
        raise ValueError("no measurements")
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return Spread(len(values), statistics.median(values), q[0], q[2], values[0], values[-1])


def describe(label: str, xs: Iterable[float]) -> str:
    s = spread(xs)
    return (
        f"{label:<28} median {s.median * 1000:7.1f} ms  IQR {s.q1 * 1000:6.1f}-{s.q3 * 1000:6.1f}"
        f"  min {s.lo * 1000:6.1f}  max {s.hi * 1000:6.1f}  (n={s.n})"
    )


# --- budgets -----------------------------------------------------------------------------------


@dataclass
class Check:
    """One budget: `value` must be at most `limit` (both in the same unit)."""

    name: str
    budget: str
    """How the budget reads, e.g. '<= 1.30x bare Textual'."""
    measured: str
    """The figures behind it, e.g. '612 ms vs 455 ms'."""
    value: float
    limit: float
    note: str = ""
    relative: bool = False
    """True: `value` is already a ratio against a baseline measured in the same run."""

    @property
    def met(self) -> bool:
        return self.value <= self.limit

    @property
    def ratio(self) -> float:
        """value/limit for absolute budgets; the app/base ratio for ratio budgets."""
        if self.relative:
            return self.value
        return self.value / self.limit if self.limit else (0.0 if self.met else float("inf"))


def common_parser(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--json", metavar="FILE", help="also write the checks as JSON here")
    parser.add_argument(
        "--src",
        metavar="DIR",
        help="run the app from this source tree (the folder holding outreach_tui/) instead "
        "of the installed package, e.g. a `git archive HEAD src` snapshot",
    )
    return parser


def print_checks(checks: Sequence[Check]) -> None:
    print()
    for c in checks:
        verdict = "met" if c.met else "MISSED"
        print(f"[{verdict}] {c.name}: {c.measured} (budget {c.budget})")
        if c.note:
            print(f"        {c.note}")


def finish(checks: Sequence[Check], json_path: str | None) -> int:
    """Print the checks, write them as JSON if asked; exit status 1 if one is missed."""
    print_checks(checks)
    if json_path:
        rows = [{**asdict(c), "met": c.met, "ratio": c.ratio} for c in checks]
        Path(json_path).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0 if all(c.met for c in checks) else 1


# --- -X importtime -----------------------------------------------------------------------------


def importtime(args: Sequence[str], env: dict[str, str]) -> list[tuple[str, int, int, int]]:
    """Run `python -X importtime ARGS`; (module, self us, cumulative us, depth) per import."""
    r = subprocess.run(
        [python(), "-X", "importtime", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if r.returncode != 0:
        raise RuntimeError(f"python -X importtime {' '.join(args)} failed:\n{r.stderr[-2000:]}")
    rows = []
    for line in r.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        first, cum_us, name = line.split("|", 2)
        own_us = int(first.removeprefix("import time:"))
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append((name.strip(), own_us, int(cum_us), depth))
    return rows


def print_importtime(title: str, rows: list[tuple[str, int, int, int]], top: int = 12) -> None:
    total = sum(r[1] for r in rows)
    print(f"\n{title}: {len(rows)} modules, {total / 1000:.0f} ms of imports in all")
    print("  top by own time:")
    for name, own, cum, _ in sorted(rows, key=lambda r: -r[1])[:top]:
        print(f"    {own / 1000:7.1f} ms own {cum / 1000:7.1f} ms cumulative  {name}")
    ours = [r for r in rows if r[0].startswith("outreach_tui")]
    print("  outreach_tui modules (cumulative, includes what they import first):")
    for name, own, cum, _ in sorted(ours, key=lambda r: -r[2])[:top]:
        print(f"    {own / 1000:7.1f} ms own {cum / 1000:7.1f} ms cumulative  {name}")
    heavy = [r for r in rows if r[0] in ("jinja2", "platformdirs", "hypothesis", "icalendar")]
    for name, _, cum, _ in heavy:
        print(f"  note: {name} imported ({cum / 1000:.1f} ms cumulative)")


# --- key to paint, in process ------------------------------------------------------------------


class PaintClock:
    """Times a key to the paint it causes, through the app's own hooks (for Pilot runs).

    Wraps `app._display` (where every screen update reaches the terminal) and, since headless
    mode skips it, encodes each update to terminal sequences as a real run would
    (`render_segments`), then notes the time. `press` sends one key event straight to the
    driver, as Pilot does, and waits until the screen has been quiet for `quiet` seconds; the
    result is the time from sending the key to the end of the last paint it caused. Pilot's own
    waits (pitfall 1 of docs/measuring.md) are not inside the measurement.
    """

    def __init__(self, app: object) -> None:
        from textual._compositor import CompositorUpdate

        self.app = app
        self.paints: list[float] = []
        original = app._display  # type: ignore[attr-defined]

        def display(screen: object, renderable: object) -> None:
            original(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)  # type: ignore[attr-defined]
            if renderable is not None:
                self.paints.append(time.perf_counter())

        app._display = display  # type: ignore[attr-defined]

    async def press(self, key: str, quiet: float = 0.08, timeout: float = 3.0) -> float:
        import asyncio

        from textual import events

        app = self.app
        char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)  # type: ignore[arg-type]
        self.paints.clear()
        start = time.perf_counter()
        app._driver.send_message(event)  # type: ignore[attr-defined]
        while True:
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            if self.paints and now - self.paints[-1] >= quiet:
                return self.paints[-1] - start
            if now - start > timeout:
                if self.paints:
                    return self.paints[-1] - start
                raise RuntimeError(f"no paint within {timeout} s of pressing {key!r}")


def no_cursor_blink(app: object) -> None:
    """Stop blinking cursors, whose repaints would count as paints caused by a key."""
    for widget in app.screen.walk_children():  # type: ignore[attr-defined]
        if hasattr(widget, "cursor_blink"):
            widget.cursor_blink = False
