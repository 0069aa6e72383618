"""The Jinja2 environment templates run in: sandboxed, and bounded in memory and work.

Jinja2's ImmutableSandboxedEnvironment already refuses internals (``''.__class__.__mro__``),
unsafe callables, mutation of lists and dicts, and ``range()`` past 100,000 items. It does not
bound what a template may *build*: ``{{ 'x' * 10**9 }}`` would take a gigabyte. A template a
user brings must never do that to the live preview, so this environment adds:

- a size limit (MAX_SIZE, 100,000 characters or items) on every value an operator, a call or a
  filter produces, on every block of output (the message, a macro, a ``{% set %}`` block) and
  on the ``~`` operator, checked before the allocation for the operations that multiply sizes
  (``*``, ``**``, ``%`` and format widths, ``join``, ``replace``, ``indent``...);
- a work budget (MAX_OPERATIONS calls and loop steps per render), which also ends runaway loops
  and deep recursion early;
- a budget of characters built and touched per render (MAX_BUILT): a loop of calls each within
  the size limit, or of costly filters on large text, ends early rather than take minutes;
- a deadline (MAX_SECONDS of wall time per template), checked at every call, filter and loop
  step, so a template that is slow in any other way still ends soon;
- no ``lipsum``, which can write megabytes of filler.

Anything over a limit raises jinja2's SecurityError, naming the limit. Pure Python: Jinja2 is
imported when the environment is built (on the first render), never at import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from functools import wraps
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import BaseLoader
    from jinja2.sandbox import SandboxedEnvironment

MAX_SIZE = 100_000
"""Characters in any text, items in any list, a template may build (a message is ~2,000)."""
MAX_NUMBERS = 1_000_000
"""The sum of the whole-number arguments of one call (widths, counts...)."""
MAX_WORK = 10_000_000
"""Worst-case characters one call may touch: the product of its two largest inputs."""
MAX_INT_BITS = 100_000
"""Bits in a whole number a template may build (about 30,000 digits)."""
MAX_OPERATIONS = 200_000
"""Calls, filters and loop steps in one render."""
MAX_BUILT = 20_000_000
"""Characters (or items) all the calls, filters and operators of one render may build and
read, added up (a message's render uses a few thousand)."""
MAX_SECONDS = 1.0
"""Wall time one template may take to render; the built-in ones need a tiny part of it."""

_FORMAT_FIELD = re.compile(r"%[-#0 +]*(\d*)(?:\.(\d+))?|\{[^{}]*?:[^{}]*?(\d+)(?:\.(\d+))?[^{}]*\}")


def _refuse(message: str) -> Exception:
    from jinja2.exceptions import SecurityError

    return SecurityError(message)


def _size(value: Any) -> int:
    """How big a value is for the work estimate: its length, and a list's text too."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, list | tuple | set | frozenset | dict):
        size = len(value)
        if size <= MAX_SIZE:
            size += sum(len(v) for v in value if isinstance(v, str))
        return size
    return 0


def check_size(value: Any) -> Any:
    """`value`, or SecurityError when it is bigger than a template may build."""
    sized = isinstance(value, str | bytes | list | tuple | dict | set | frozenset)
    if sized and len(value) > MAX_SIZE:
        raise _refuse(f"a value of {len(value):,} characters or items (limit {MAX_SIZE:,})")
    is_int = isinstance(value, int) and not isinstance(value, bool)
    if is_int and value.bit_length() > MAX_INT_BITS:
        raise _refuse("a number too large for a template")
    return value


def check_format(spec: str) -> None:
    """Refuse a %- or {}-format string whose widths and precisions add up past the limit."""
    total = len(spec)
    for match in _FORMAT_FIELD.finditer(spec):
        total += sum(int(g) for g in match.groups() if g)
        if total > MAX_SIZE:
            raise _refuse(f"format widths past {MAX_SIZE:,} characters")


def check_arguments(subject: Any, args: Iterable[Any], budget: Budget | None = None) -> None:
    """Refuse a call whose inputs could build more than a template may: huge numbers, or two
    large inputs (text x separator, text x replacement) multiplying each other. The inputs'
    sizes are charged to `budget` (work that reads them)."""
    values = [subject, *args]
    numbers = sum(abs(v) for v in values if isinstance(v, int) and not isinstance(v, bool))
    if numbers > MAX_NUMBERS:
        raise _refuse(f"numbers adding up to {numbers:,} (the limit is {MAX_NUMBERS:,})")
    sizes = sorted((_size(v) for v in values), reverse=True)
    if len(sizes) >= 2 and sizes[0] * max(1, sizes[1]) > MAX_WORK:
        raise _refuse("an operation on inputs too large for a template")
    if budget is not None:
        budget.build(sum(sizes))


def _materialised(value: Any) -> Any:
    """A generator or other lazy iterable as a list (at most MAX_SIZE items), so that its size
    can be checked before a filter builds from it; anything sized is returned as it is."""
    if isinstance(value, str | bytes | Sized) or not isinstance(value, Iterable):
        return value
    from itertools import islice

    items = list(islice(value, MAX_SIZE + 1))
    if len(items) > MAX_SIZE:
        raise _refuse(f"more than {MAX_SIZE:,} items")
    return items


def _indent_width(width: Any) -> int:
    if isinstance(width, str):
        return len(width)
    if isinstance(width, int) and not isinstance(width, bool):
        return max(0, width)
    return 4


def check_filter(name: str, values: list[Any], kwargs: dict[str, Any]) -> list[Any]:
    """Refuse a filter call that would build more than a template may, before it builds it:
    `indent` (every line gets the width), `join` (every item gets the separator), `center`,
    `format`. Returns the values with any lazy first argument made a list (its size known)."""
    if values:
        values = [_materialised(values[0]), *values[1:]]
    first = values[0] if values else None
    if name == "format" and isinstance(first, str):
        check_format(first)
    elif name == "indent" and isinstance(first, str):
        width = _indent_width(values[1] if len(values) > 1 else kwargs.get("width", 4))
        if len(first) + (first.count("\n") + 1) * width > MAX_SIZE:
            raise _refuse(f"indented text past {MAX_SIZE:,} characters")
    elif name == "join" and isinstance(first, list | tuple):
        separator = values[1] if len(values) > 1 else kwargs.get("d", "")
        step = len(separator) if isinstance(separator, str) else 0
        text = sum(len(v) if isinstance(v, str) else 20 for v in first)
        if text + step * max(0, len(first) - 1) > MAX_SIZE:
            raise _refuse(f"joined text past {MAX_SIZE:,} characters")
    return values


class Budget:
    """The work left in the current render: steps, characters built, and time."""

    def __init__(self, seconds: float | None = None) -> None:
        self._seconds = seconds
        self.reset()

    def reset(self) -> None:
        from time import monotonic

        self.left = MAX_OPERATIONS
        self.built = MAX_BUILT
        self.seconds = MAX_SECONDS if self._seconds is None else self._seconds
        self.deadline = monotonic() + self.seconds
        self.timed_out = False

    def spend(self, steps: int = 1) -> None:
        from time import monotonic

        self.left -= steps
        if self.left < 0:
            raise _refuse(f"more than {MAX_OPERATIONS:,} steps (a loop or recursion runs away)")
        if monotonic() > self.deadline:
            self.timed_out = True
            raise _refuse(f"took longer than {self.seconds:g} seconds (too slow for a preview)")

    def build(self, size: int) -> None:
        """Charge `size` characters or items built or read; refuse past MAX_BUILT."""
        self.built -= size
        if self.built < 0:
            raise _refuse(
                f"more than {MAX_BUILT:,} characters built or read in one render "
                "(a loop of large values)"
            )


class _Counted:
    """An iterable whose every step is charged to the budget (keeps len() when it has one)."""

    def __init__(self, iterable: Iterable[Any], budget: Budget) -> None:
        self._iterable = iterable
        self._budget = budget

    def __iter__(self) -> Iterator[Any]:
        for item in self._iterable:
            self._budget.spend()
            yield item

    def __len__(self) -> int:
        if isinstance(self._iterable, Sized):
            return len(self._iterable)
        raise TypeError("object has no len()")


def _guard_filter(func: Callable[..., Any], name: str, budget: Budget) -> Callable[..., Any]:
    from jinja2.utils import _PassArg

    passes = _PassArg.from_obj(func)  # context / environment come first: skip them

    @wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget.spend()
        skip = 1 if passes is not None else 0
        values = check_filter(name, list(args[skip:]), kwargs)
        check_arguments(None, [*values, *kwargs.values()], budget)
        result = check_size(func(*args[:skip], *values, **kwargs))
        budget.build(_size(result))
        return result

    return guarded


def guarded_environment(
    loader: BaseLoader, filters: Mapping[str, Callable[..., Any]] | None = None, **options: Any
) -> SandboxedEnvironment:
    """An ImmutableSandboxedEnvironment with the limits above, plus `filters` (guarded like the
    built-in ones). `options` go to Jinja2."""
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator, Frame
    from jinja2.runtime import Context
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    budget = Budget()

    class Generator(CodeGenerator):
        def visit_For(self, node: nodes.For, frame: Frame) -> None:
            # every loop's iterable is counted: `for x in environment.counted(items)`
            it = node.iter
            if not (isinstance(it, nodes.Call) and isinstance(it.node, nodes.EnvironmentAttribute)):
                node.iter = nodes.Call(
                    nodes.EnvironmentAttribute("counted"), [it], [], None, None, lineno=node.lineno
                )
            super().visit_For(node, frame)

        def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
            # the `~` operator: size-checked
            self.write("environment.checked(")
            super().visit_Concat(node, frame)
            self.write(")")

    class Guarded(ImmutableSandboxedEnvironment):
        code_generator_class = Generator
        intercepted_binops = frozenset({"*", "**", "+", "%"})

        def counted(self, iterable: Iterable[Any]) -> _Counted:
            return _Counted(iterable, budget)

        def checked(self, value: Any) -> Any:
            budget.build(_size(value))
            return check_size(value)

        def concat(self, parts: Iterable[str]) -> str:
            # every buffer (the message, a macro, a set block) is joined here
            total = 0
            kept: list[str] = []
            for part in parts:
                total += len(part)
                if total > MAX_SIZE:
                    raise _refuse(f"output longer than {MAX_SIZE:,} characters")
                kept.append(part)
            budget.build(total)
            return "".join(kept)

        def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
            budget.spend()
            ints = [v for v in (left, right) if isinstance(v, int) and not isinstance(v, bool)]
            if operator == "*":
                if len(ints) == 1:
                    other = right if ints[0] is left else left
                    sequence = isinstance(other, str | bytes | list | tuple)
                    if sequence and len(other) * max(0, ints[0]) > MAX_SIZE:
                        raise _refuse(f"a repetition past {MAX_SIZE:,} characters or items")
                elif len(ints) == 2 and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                    raise _refuse("a number too large for a template")
            elif operator == "**":
                if len(ints) == 2 and right > 0 and left.bit_length() * right > MAX_INT_BITS:
                    raise _refuse("a number too large for a template")
            elif operator == "%" and isinstance(left, str):
                check_format(left)
                values = right if isinstance(right, tuple) else (right,)
                check_arguments(None, values)
            result = check_size(super().call_binop(context, operator, left, right))
            budget.build(_size(result))
            return result

        def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            budget.spend()
            target = getattr(__obj, "__wrapped__", __obj)
            subject = getattr(target, "__self__", None)
            if isinstance(subject, str) and getattr(target, "__name__", "") in (
                "format",
                "format_map",
            ):
                check_format(subject)
            check_arguments(subject, [*args, *kwargs.values()], budget)
            result = check_size(super().call(__context, __obj, *args, **kwargs))
            budget.build(_size(result))
            return result

    env = Guarded(loader=loader, **options)
    env.globals.pop("lipsum", None)
    all_filters = {**env.filters, **(filters or {})}
    env.filters = {name: _guard_filter(f, name, budget) for name, f in all_filters.items()}
    env.budget = budget  # type: ignore[attr-defined]
    return env


def timed_out(env: Any) -> bool:
    """Whether the last render in `env` was stopped by the deadline."""
    budget = getattr(env, "budget", None)
    return isinstance(budget, Budget) and budget.timed_out


def mtime_ns(path: Any) -> int:
    """A file's modification time in ns (-1 when it cannot be read): a changed file is new."""
    import os

    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def reset_budget(env: Any) -> None:
    """Give a render its full work budget (called before each template is rendered)."""
    budget = getattr(env, "budget", None)
    if isinstance(budget, Budget):
        budget.reset()


__all__ = [
    "MAX_OPERATIONS",
    "MAX_SIZE",
    "Budget",
    "check_arguments",
    "check_format",
    "check_size",
    "guarded_environment",
    "reset_budget",
]
