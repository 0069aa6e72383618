"""The live preview pane: the lines on screen are always the message's, however it is updated.

The pane repaints only the lines that changed (see widgets/preview.py); these tests compare what
it draws with what Textual draws for the same text from scratch.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual

from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.widgets.preview import Preview, TextView

PARAGRAPH = (
    "My name is {name} and I live in Dayton, Ohio. We are both connected to Samir Patel "
    "on LinkedIn, which is how I came across your profile."
)


def message(name: str, extra: str = "") -> Content:
    body = f"Dear Ms. Morgan,\n\n{PARAGRAPH.format(name=name)}\n\n{extra}Best wishes,\n{name}"
    return Content(body)


class ViewApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TextView(id="view")


def drawn(view: TextView) -> list[str]:
    """The lines the screen gets from the view (through Textual's line cache, as it paints)."""
    width, height = view.outer_size
    return [strip.text.rstrip() for strip in view.render_lines(Region(0, 0, width, height))]


def expected(view: TextView, content: Content) -> list[str]:
    strips = Visual.to_strips(view, content, view.size.width, None, view.visual_style)
    return [strip.text.rstrip() for strip in strips]


Marks = list[list[tuple[str, object]]]


def marks(strips: list[Strip]) -> Marks:
    """Each line's pieces of text with the place in the whole text Textual marks them with
    (column, line): what a mouse selection in the preview is made from."""
    return [
        [(seg.text, seg.style.meta.get("offset") if seg.style else None) for seg in strip]
        for strip in strips
    ]


def drawn_marks(view: TextView) -> Marks:
    width, height = view.outer_size
    lines = marks(view.render_lines(Region(0, 0, width, height)))
    return [[piece for piece in line if piece[0].strip()] for line in lines]


def expected_marks(view: TextView, content: Content) -> Marks:
    lines = marks(Visual.to_strips(view, content, view.size.width, None, view.visual_style))
    return [[piece for piece in line if piece[0].strip()] for line in lines]


async def test_changed_lines_match_a_fresh_drawing_through_edits_and_resizes() -> None:
    app = ViewApp()
    async with app.run_test(size=(40, 30)) as pilot:
        view = app.query_one(TextView)
        versions = [
            message("J"),
            message("Jo"),  # one word longer: same height, a few lines change
            message("Jordan Lee"),
            message("Jordan Lee", extra="A new paragraph that makes the message taller.\n\n"),
            message("Jordan"),  # shorter again
            Content(""),
            message("Alex {{ name }} [bold]x[/bold]"),  # shown as typed
        ]
        for content in versions:
            view.show_text(content)
            await pilot.pause()
            assert view.size.height == len(expected(view, content))
            assert drawn(view) == expected(view, content)
            assert drawn_marks(view) == expected_marks(view, content)
        await pilot.resize_terminal(25, 30)
        await pilot.pause()
        assert drawn(view) == expected(view, versions[-1])
        assert "{{ name }} [bold]x[/bold]" in " ".join(drawn(view))


async def test_typing_updates_the_preview_text_and_then_its_count(
    make_app: Callable[..., OutreachApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.press(*"Jordan")
        await pilot.pause()
        preview = app.screen.query_one(Preview)
        body = app.screen.query_one("#preview-body", TextView)
        assert "My name is Jordan" in " ".join(drawn(body))
        count_before = str(preview.border_subtitle)
        await pilot.press(*" Lee")
        await pilot.pause()
        assert "My name is Jordan Lee" in " ".join(drawn(body))
        count_after = str(preview.border_subtitle)
        assert count_before != count_after and count_after.endswith("characters")
        chars_before = int(count_before.split(" / ")[0].replace(",", ""))
        chars_after = int(count_after.split(" / ")[0].replace(",", ""))
        assert chars_after - chars_before == len(" Lee") * body_mentions(body)


def body_mentions(body: TextView) -> int:
    """How often the sender's name appears in the message (greeting line and signature)."""
    return str(body.render()).count("Jordan Lee")
