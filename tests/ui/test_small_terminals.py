"""Tiny terminals and resizes: nothing crashes, and the field being typed in stays on screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Region
from textual.pilot import Pilot

from outreach_tui.core.model.answers import Answers
from outreach_tui.ui.app import OutreachApp
from outreach_tui.ui.screens.modals import ChoiceModal
from outreach_tui.ui.screens.wizard import WizardScreen


def focused_is_visible(pilot: Pilot[int]) -> bool:
    focused = pilot.app.focused
    assert focused is not None
    region = focused.region
    return region.area > 0 and pilot.app.screen.region.contains_region(region)


async def test_every_step_at_40x12(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("enter")
        for _ in range(7):
            assert isinstance(app.screen, WizardScreen)
            assert focused_is_visible(pilot), app.focused
            await pilot.press("tab")
            assert focused_is_visible(pilot), app.focused
            await pilot.press("ctrl+n")
        assert "Preview" in str(app.screen.query_one("#step-indicator").render())
        await pilot.press("end", *"!")
        assert focused_is_visible(pilot)


async def test_resize_while_a_dialog_is_open(make_app: Callable[..., OutreachApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"Jordan")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceModal)
        for size in ((40, 12), (120, 40), (30, 8), (80, 24)):
            await pilot.resize_terminal(*size)
            assert isinstance(app.screen, ChoiceModal)
            assert focused_is_visible(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, WizardScreen)
        assert app.focused is not None and app.focused.id == "q-sender-name"
        assert focused_is_visible(pilot)
        assert app.screen.answers.sender.name == "Jordan"


def on_screen(pilot: Pilot[int], selector: str) -> bool:
    """True when the widget is shown, wholly inside the screen, and not under the footer."""
    widget = pilot.app.screen.query_one(selector)
    region = widget.region
    screen = pilot.app.screen.region
    usable = Region(0, 0, screen.width, screen.height - 1)  # the footer is on the last row
    return widget.display and region.area > 0 and usable.contains_region(region)


async def test_preview_and_save_at_80x24_shows_the_message_its_counter_the_score_and_save(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    from outreach_tui.ui.widgets.footer import QuietFooter

    app = make_app(answers=full_answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 6)
        assert "Preview & save" in str(app.screen.query_one("#step-indicator").render())
        for selector in ("#message", "#counter", "#coach-scroll", "#save", "#reset"):
            assert on_screen(pilot, selector), selector
        message = app.screen.query_one("#message")
        assert message.content_region.height >= 6  # more than the greeting
        rows = [strip.text for strip in app.screen._compositor.render_strips()]
        assert any("Creepiness" in row and "/10" in row for row in rows), rows
        assert any("/ 2,000 characters" in row for row in rows), rows
        footer = app.screen.query_one(QuietFooter)
        assert {"^q", "f1", "^s"} <= set(footer.keys_shown), footer.keys_shown
        # By keyboard: from the message, tab reaches Save draft, and Enter saves.
        assert app.focused is message
        for _ in range(6):
            await pilot.press("tab")
            if app.focused is not None and app.focused.id == "save":
                break
        assert app.focused is not None and app.focused.id == "save"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert list(app.screen.store.drafts_dir.glob("*.json"))


async def test_the_footer_keeps_quit_and_help_when_it_is_narrow(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    from outreach_tui.ui.widgets.footer import QuietFooter

    app = make_app(answers=full_answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        for _step in range(7):
            await pilot.pause()
            for width in (80, 60, 40):
                await pilot.resize_terminal(width, 24)
                await pilot.pause()
                shown = app.screen.query_one(QuietFooter).keys_shown
                assert "^q" in shown and "f1" in shown, (width, shown)
            await pilot.resize_terminal(80, 24)
            await pilot.press("ctrl+n")


def screen_rows(pilot: Pilot[int]) -> list[str]:
    return [strip.text for strip in pilot.app.screen._compositor.render_strips()]


LONG_LEARN = (
    "how the reference desk shares its evenings between staff, which skills helped most in "
    "the first year, and what the team wishes new colleagues knew about the local archives"
)


async def test_review_wraps_a_long_value_within_its_own_column(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    from outreach_tui.ui.widgets.review import LABEL_WIDTH

    full_answers.goal.learn = LONG_LEARN
    for size in ((80, 24), (100, 32)):
        app = make_app(answers=full_answers)
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter", *["ctrl+n"] * 5)
            assert "Review" in str(app.screen.query_one("#step-indicator").render())
            await pilot.press("end")
            await pilot.pause()
            box = app.screen.query_one("#review-list").region
            rows = [row[box.x : box.right] for row in screen_rows(pilot)]
            first = next(i for i, row in enumerate(rows) if "how the" in row)
            value_column = rows[first].index("how the")
            assert value_column >= LABEL_WIDTH
            # The rest of the value is on the next rows, under the value, not under the label.
            continued: list[str] = []
            for row in rows[first + 1 :]:
                continued.append(row)
                if "archives" in row:
                    break
            assert continued and "archives" in continued[-1], "\n".join(rows)
            for row in continued:
                # Only the label's own words may stand left of the value (a long label wraps
                # in its column); the value goes on in its column, after the gap.
                assert row[value_column - 1] == " ", (size, row)
                assert row[value_column] != " ", (size, row)


async def test_review_a_wrapped_label_keeps_its_indent(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    from outreach_tui.core.model.questions import FORM_STEPS

    headings = {step.title for step in FORM_STEPS}
    app = make_app(answers=full_answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 5)
        assert "Review" in str(app.screen.query_one("#step-indicator").render())
        seen: list[str] = []
        for _ in range(40):  # walk the list to its end, a screenful at a time
            box = app.screen.query_one("#review-list").region
            rows = [row[box.x : box.right] for row in screen_rows(pilot)[box.y : box.bottom]]
            seen.extend(rows)
            if any("learn" in row for row in rows) and any("How far" in r for r in seen):
                break
            await pilot.press("pagedown")
            await pilot.pause()
        edge = " ▊▎▁▂▃▄▅▆▇█"  # the list's border and scroll bar
        heading = next((r for r in seen if r.strip(edge) in headings), None)
        assert heading is not None, "\n".join(seen)
        margin = heading.index(heading.strip(edge))
        wrapped = [r for r in seen if r.strip(edge) in ("Premium", "home?", "learn?")]
        assert wrapped, "\n".join(seen)  # a label long enough to wrap at 80x24
        for row in wrapped:
            assert row[margin : margin + 2] == "  " and row[margin + 2] != " ", row


async def test_review_coach_line_names_the_strongest_reason(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    from textual.widgets import Static

    full_answers.contact.active_on_linkedin = "no"  # a note worth no points
    app = make_app(answers=full_answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *["ctrl+n"] * 5)
        assert isinstance(app.screen, WizardScreen)
        report = app.screen._report()
        assert any(r.points == 0 for r in report.reasons)
        strongest = max(abs(r.points) for r in report.reasons)
        assert strongest > 0
        line = str(app.screen.query_one("#review-score", Static).render())
        assert "note:" not in line
        assert any(
            f"{r.points:+d}" in line and r.text in line.replace("\n", " ")
            for r in report.reasons
            if abs(r.points) == strongest
        ), line


async def test_the_preview_at_80x24_shows_what_the_step_changes(
    make_app: Callable[..., OutreachApp], full_answers: Answers
) -> None:
    app = make_app(answers=full_answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+n")  # You, Contact, Research
        expected = {
            "Research": "Samir Patel",
            "Distance": "250 miles away",
            "Goal": "Would you be open to",
        }
        for title, words in expected.items():
            assert title in str(app.screen.query_one("#step-indicator").render())
            preview = app.screen.query_one("#preview")
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            shown = "\n".join(
                row[preview.region.x : preview.region.right]
                for row in screen_rows(pilot)[preview.region.y : preview.region.bottom]
            )
            assert words in shown, (title, shown)
            await pilot.press("ctrl+n")
