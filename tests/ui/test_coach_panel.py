"""The coach panel in a tiny app: type into a message, the counter and the score follow."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static, TextArea

from outreach_tui.core.coach import coach
from outreach_tui.core.message.channels import NOTE_QUOTA_NOTICE
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.ui.widgets.coach_panel import CoachPanel, score_gauge

ANSWERS = answers_from_dict(
    {
        "sender": {"name": "Jordan Lee"},
        "contact": {"name": "Alex Morgan", "honorific": "Ms.", "organization": "Westerly"},
        "research": {"shared_connections": ["Priya Shah"]},
        "goal": {"learn": "how the library supports new staff"},
    }
)
START = "Dear Ms. Morgan, we both know Priya Shah. May I ask you a few questions (15 min)?"


class CoachApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TextArea(START, id="message")
        yield CoachPanel()

    def on_mount(self) -> None:
        self.refresh_coach()

    def on_text_area_changed(self) -> None:
        self.refresh_coach()

    def refresh_coach(self) -> None:
        text = self.query_one("#message", TextArea).text
        report = coach(ANSWERS, "connection-note", None, text)
        self.query_one(CoachPanel).show(report, NOTE_QUOTA_NOTICE)


def plain(app: App[None], selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def test_panel_follows_typing() -> None:
    app = CoachApp()
    async with app.run_test(size=(100, 40)) as pilot:
        panel = app.query_one(CoachPanel)
        assert panel.report is not None
        before = panel.report
        assert f"{len(START)} / 200 characters" in plain(app, "#coach-length")
        assert f"{before.score}/10" in plain(app, "#coach-gauge")
        assert "5 invitations a month" in plain(app, "#coach-notice")

        area = app.query_one("#message", TextArea)
        area.move_cursor(area.document.end)
        await pilot.press(*" I saw your photos on Facebook [Name]!!")
        await pilot.pause()
        after = panel.report
        assert after is not None
        assert after.length.chars == len(START) + len(" I saw your photos on Facebook [Name]!!")
        assert after.score > before.score
        assert f"{after.length.chars} / 200 characters" in plain(app, "#coach-length")
        assert "Facebook" in plain(app, "#coach-reasons").replace("facebook", "Facebook")
        assert "! leftover placeholder “[Name]”" in plain(app, "#coach-rules")

        area.insert("x" * 120)  # pasted, not typed: fast
        await pilot.pause()
        assert panel.has_class("-length-error")
        assert "over the limit" in plain(app, "#coach-length")


async def test_user_text_is_never_markup() -> None:
    app = CoachApp()
    async with app.run_test(size=(100, 40)):
        report = coach(ANSWERS, "message", "[b]Hi[/b]", "[bold]Hello[/bold] [Name]")
        app.query_one(CoachPanel).show(report)
        assert "[Name]" in plain(app, "#coach-rules")
        assert not app.query_one("#coach-notice", Static).display


def test_score_gauge_is_one_line() -> None:
    assert score_gauge(3).plain == "███░░░░░░░ 3/10 · natural"
    assert score_gauge(10).plain.endswith("10/10 · alarming")
