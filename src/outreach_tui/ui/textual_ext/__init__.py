"""The only place in the app that touches Textual's private API, behind one version gate.

Each module here does something Textual's public API cannot do as cheaply (see its own doc):

- `compositor` / `rows`: partial updates drawn row by row (`textual._compositor`);
- `inputs`: an Input drawn from another form of its text (Input's private drawing methods),
  and an Input whose virtual size never asks for a layout (its `virtual_size` reactive);
- `button`: a Button with a copy of Textual's Button look instead of its whole stylesheet;
- `bindings`: the footer's keys in a steady order (each node's private bindings map);
- `breakpoints`: the size classes Textual gives a screen on its first Resize, set sooner;
- `toasts`: one toast taken back before its timeout (the app's private notifications list);
- `strips`: a paragraph's drawn lines moved down without drawing them again (the "offset"
  marks Textual puts in a style's private meta).

The gate: `TESTED` is True only on the Textual releases these were checked against
(`TESTED_FROM` up to, not including, `TESTED_BELOW`; pyproject.toml pins users to that range),
and each module also checks, with a guarded import, that the private names it needs are
there. When either says no, that module stands aside and Textual's own behaviour is used: the
app still starts and works, as correctly and a little slower. `in_use()` says which are on.
"""

from __future__ import annotations

import importlib
import os
import re

import textual

TESTED_FROM = (8, 2, 8)
"""The first Textual release the extensions were checked against."""
TESTED_BELOW = (8, 3)
"""The first release they were not (its private names may differ)."""

_DIST_INFO = re.compile(r"textual-(\d+(?:\.\d+)*)[^/]*\.dist-info", re.IGNORECASE)


def parse_version(text: str) -> tuple[int, ...] | None:
    """ "8.2.8" -> (8, 2, 8); a pre-release or local part after the numbers is ignored
    ("8.3.0rc1" -> (8, 3, 0)). None for text that does not start with a number."""
    match = re.match(r"\d+(?:\.\d+)*", text.strip())
    if match is None:
        return None
    return tuple(int(part) for part in match.group().split("."))


def textual_version() -> tuple[int, ...] | None:
    """The version of the Textual imported, e.g. (8, 2, 8); None if it cannot be told.

    Read from the name of its install record beside the package (one directory listing), not
    with importlib.metadata, whose import alone would be a visible part of the start-up
    (benchmarks/README.md); that is asked only when the listing does not say (e.g. Textual run
    from a source checkout)."""
    site = os.path.dirname(os.path.dirname(os.path.abspath(textual.__file__)))
    try:
        names = [entry.name for entry in os.scandir(site)]
    except OSError:
        names = []
    found = {m.group(1) for name in names if (m := _DIST_INFO.fullmatch(name)) is not None}
    if len(found) == 1:
        return parse_version(found.pop())
    from importlib.metadata import PackageNotFoundError, version

    try:
        return parse_version(version("textual"))
    except PackageNotFoundError:
        return None


def in_tested_range(version: tuple[int, ...] | None) -> bool:
    """Whether `version` is one the extensions were checked against (unknown: no)."""
    return version is not None and TESTED_FROM <= version < TESTED_BELOW


TESTED: bool = in_tested_range(textual_version())
"""The gate: True on a tested Textual, where the extensions may use its private names."""


def has_private(module: str, *names: str) -> bool:
    """True on a tested Textual whose `module` imports and has every one of `names` (e.g.
    ``has_private("textual._compositor", "ChopsUpdate")``); never raises."""
    if not TESTED:
        return False
    try:
        found = importlib.import_module(module)
    except ImportError:
        return False
    return all(hasattr(found, name) for name in names)


def in_use() -> dict[str, bool]:
    """Which extensions are on (False: Textual's own behaviour), for the tests and bug reports."""
    from outreach_tui.ui.textual_ext.bindings import STEADY_ORDER
    from outreach_tui.ui.textual_ext.breakpoints import EARLY
    from outreach_tui.ui.textual_ext.button import OWN_LOOK
    from outreach_tui.ui.textual_ext.compositor import USABLE
    from outreach_tui.ui.textual_ext.inputs import DRAWS_OWN_FORM, FIXED_SIZE
    from outreach_tui.ui.textual_ext.strips import MOVES_MARKS
    from outreach_tui.ui.textual_ext.toasts import CAN_WITHDRAW

    return {
        "compositor": USABLE,
        "input drawing": DRAWS_OWN_FORM,
        "input size": FIXED_SIZE,
        "button look": OWN_LOOK,
        "footer order": STEADY_ORDER,
        "breakpoints": EARLY,
        "preview lines": MOVES_MARKS,
        "toast withdrawal": CAN_WITHDRAW,
    }
