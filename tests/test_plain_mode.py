"""Plain mode (`outreach-tui --plain`), driven as a real subprocess with scripted stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from outreach_tui.core.model.questions import FORM_STEPS, QUESTIONS, Kind

# One line per prompt, in the order of core/model/questions.py's STEPS. A LIST question ends with an
# empty line; an empty line elsewhere keeps the default.
FULL_RUN = [
    "Jordan Lee",  # sender.name
    "Dayton, Ohio",  # sender.location
    "y",  # premium
    "Alex Morgan",  # contact.name
    "1",  # contact.honorific -> Ms.
    "",  # contact.greeting_name: keep the suggestion
    "Head of Reference Services",  # contact.title
    "Westerly Public Library",  # contact.organization
    "Sam Patel",  # research.shared_connections ...
    "Priya Shah",
    "",
    "",  # research.groups: none
    "your post on weeding",  # research.public_activity
    "",
    "",  # research.web_search: none
    "yes",  # contact.active_on_linkedin, by value
    "250",  # job.distance
    "km",  # job.unit, by value
    "how the library supports new staff",  # goal.learn
    "20",  # goal.ask_minutes
    "",  # channel: keep the default (message)
    "y",  # save
]


def run_plain(
    tmp_path: Path, lines: list[str], *extra: str, end_newline: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "OUTREACH_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONIOENCODING": "utf-8",
    }
    text = "\n".join(lines) + ("\n" if end_newline and lines else "")
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", "--plain", "--data-dir", str(tmp_path), *extra],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


def saved_drafts(tmp_path: Path) -> list[dict[str, object]]:
    folder = tmp_path / "drafts"
    if not folder.is_dir():
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def test_full_run_saves_a_draft_with_the_answers(tmp_path: Path) -> None:
    result = run_plain(tmp_path, FULL_RUN)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    (draft,) = saved_drafts(tmp_path)
    answers = draft["answers"]
    assert isinstance(answers, dict)
    assert answers["sender"] == {"name": "Jordan Lee", "location": "Dayton, Ohio"}
    assert answers["premium"] is True
    assert answers["contact"]["honorific"] == "Ms."
    assert answers["contact"]["organization"] == "Westerly Public Library"
    assert answers["contact"]["active_on_linkedin"] == "yes"
    assert answers["research"]["shared_connections"] == ["Sam Patel", "Priya Shah"]
    assert answers["research"]["groups"] == []
    assert answers["research"]["public_activity"] == ["your post on weeding"]
    assert answers["job"] == {"distance": 250, "unit": "km"}
    assert answers["goal"] == {"learn": "how the library supports new staff", "ask_minutes": "20"}
    assert draft["channel"] == "message"
    assert isinstance(draft["message"], str) and draft["message"].startswith("Dear Ms. Morgan,")
    # the message and the coach's findings were printed, and where the draft went
    out = result.stdout
    assert draft["message"].splitlines()[0] in out
    assert "Creepiness: " in out and "out of 10" in out
    assert "Why this score:" in out
    path = tmp_path / "drafts" / f"{draft['id']}.json"
    assert f"Saved to {path}" in out
    assert (tmp_path / "drafts" / f"{draft['id']}.txt").read_text(encoding="utf-8").strip() == (
        str(draft["message"]).strip()
    )


def test_labels_help_and_steps_come_from_questions_py(tmp_path: Path) -> None:
    result = run_plain(tmp_path, FULL_RUN)
    out = result.stdout
    for key in ("sender.name", "contact.organization", "research.groups", "goal.ask_minutes"):
        question = QUESTIONS[key]
        assert question.label in out
        assert question.help in out
    # every question asked for the message, in the declared order; what was learned is for
    # the thank-you only
    asked = [q for step in FORM_STEPS for q in step.questions if q.asked_for("message")]
    positions = [out.index(f"\n{q.label}") for q in asked]
    assert positions == sorted(positions)
    assert QUESTIONS["goal.learned"].label not in out
    for label, _ in QUESTIONS["contact.honorific"].choices:
        assert label in out
    assert all(f": {step.title}" in out for step in FORM_STEPS)


def test_bad_number_is_asked_again_with_the_reason(tmp_path: Path) -> None:
    lines = list(FULL_RUN)
    distance = lines.index("250")
    lines[distance:distance] = ["far"]
    minutes = lines.index("20")
    lines[minutes:minutes] = ["all afternoon"]
    result = run_plain(tmp_path, lines)
    assert result.returncode == 0, result.stderr
    reason = QUESTIONS["job.distance"].check("far")
    assert reason is not None and f"Not accepted: {reason}" in result.stdout
    minutes_reason = QUESTIONS["goal.ask_minutes"].check("all afternoon")
    assert minutes_reason is not None and minutes_reason in result.stdout
    assert QUESTIONS["job.distance"].kind is Kind.NUMBER
    (draft,) = saved_drafts(tmp_path)
    assert draft["answers"]["job"]["distance"] == 250  # type: ignore[index]


def test_required_empty_answer_is_asked_again(tmp_path: Path) -> None:
    result = run_plain(tmp_path, ["", *FULL_RUN])
    assert result.returncode == 0, result.stderr
    assert "Your name is needed." in result.stdout


def test_eof_midway_exits_1_with_one_line(tmp_path: Path) -> None:
    result = run_plain(tmp_path, FULL_RUN[:5])
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert "input ended" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert saved_drafts(tmp_path) == []


def test_eof_at_once_and_inside_a_list(tmp_path: Path) -> None:
    for lines in ([], FULL_RUN[:8]):
        result = run_plain(tmp_path, lines)
        assert result.returncode == 1
        assert len(result.stderr.splitlines()) == 1, result.stderr


def test_no_escape_sequences_even_from_answers(tmp_path: Path) -> None:
    lines = list(FULL_RUN)
    lines[0] = "Jordan \x1b[31mLee\x1b]8;;http://x\x07"
    result = run_plain(tmp_path, lines)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    # Written into the message, the name has its control characters (and the link) taken out.
    assert "Jordan [31mLee" in result.stdout
    (draft,) = saved_drafts(tmp_path)
    assert draft["answers"]["sender"]["name"] == lines[0]  # type: ignore[index]  # saved as typed


def test_answers_file_prefills_the_defaults(tmp_path: Path) -> None:
    answers = tmp_path / "alex.json"
    answers.write_text(
        json.dumps(
            {
                "sender": {"name": "Jordan Lee"},
                "contact": {"name": "Alex Morgan", "organization": "Westerly Public Library"},
                "research": {"groups": ["New Members Round Table"]},
                "goal": {"learn": "how new staff are trained"},
            }
        ),
        encoding="utf-8",
    )
    # Enter everywhere keeps every default (lists: one empty line); then email, which shows the
    # e-mail and asks again (Enter keeps it); then save.
    keep_all = [""] * sum(1 for s in FORM_STEPS for q in s.questions if q.asked_for("message"))
    result = run_plain(tmp_path, [*keep_all, "email", "", "y"], "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    assert "Your name [Jordan Lee]" in result.stdout
    assert "[New Members Round Table]" in result.stdout
    (draft,) = saved_drafts(tmp_path)
    assert draft["channel"] == "email"
    assert draft["answers"]["research"]["groups"] == ["New Members Round Table"]  # type: ignore[index]
    assert isinstance(draft["subject"], str) and draft["subject"]


def test_settings_give_the_defaults(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text(
        '[sender]\nname = "Jordan Lee"\nlocation = "Dayton, Ohio"\n', encoding="utf-8"
    )
    lines = list(FULL_RUN)
    lines[0:2] = ["", ""]  # keep the name and place from the settings
    result = run_plain(tmp_path, lines)
    assert result.returncode == 0, result.stderr
    assert "Your name [Jordan Lee]" in result.stdout
    (draft,) = saved_drafts(tmp_path)
    assert draft["answers"]["sender"] == {"name": "Jordan Lee", "location": "Dayton, Ohio"}  # type: ignore[index]


def test_not_saving(tmp_path: Path) -> None:
    result = run_plain(tmp_path, [*FULL_RUN[:-1], "n"])
    assert result.returncode == 0
    assert "Not saved." in result.stdout
    assert saved_drafts(tmp_path) == []


def test_plain_mode_never_imports_textual(tmp_path: Path) -> None:
    env = {**os.environ, "OUTREACH_TUI_CONFIG_DIR": str(tmp_path / "config")}
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "outreach_tui",
            "--plain",
            "--data-dir",
            str(tmp_path),
        ],
        input="\n".join(FULL_RUN) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "jinja2" in imported
    assert not {m for m in imported if m.split(".")[0] in ("textual", "rich")}


def test_thank_you_asks_what_was_learned_and_names_it(tmp_path: Path) -> None:
    lines = list(FULL_RUN)
    channel = len(lines) - 2  # the channel prompt
    learned = "that new staff shadow each desk for a month"
    lines[channel : channel + 1] = ["thank-you", learned, ""]
    result = run_plain(tmp_path, lines)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count(QUESTIONS["goal.learned"].label + ":") == 1  # asked once, for the thank-you
    assert out.index(QUESTIONS["goal.learned"].label) > out.index("--- Message:")
    (draft,) = saved_drafts(tmp_path)
    assert draft["channel"] == "thank-you"
    assert f"I especially valued learning {learned}" in str(draft["message"])
    assert draft["subject"] == "Thank you for our conversation"
    answers = draft["answers"]
    assert isinstance(answers, dict)
    assert answers["goal"]["learned"] == learned


def test_a_personal_research_answer_gets_the_note_and_stays_out_of_the_message(
    tmp_path: Path,
) -> None:
    lines = list(FULL_RUN)
    at = lines.index("your post on weeding")
    lines[at] = "photos of their dog on Instagram"
    result = run_plain(tmp_path, lines)
    assert result.returncode == 0, result.stderr
    assert "Note: personal: keep it out of the message" in result.stdout
    (draft,) = saved_drafts(tmp_path)
    assert "Instagram" not in str(draft["message"])


def test_after_another_channel_an_n_goes_on_to_the_save_question(tmp_path: Path) -> None:
    # Choose e-mail, read it, then "n" (no other channel) and "n" (do not save).
    result = run_plain(tmp_path, [*FULL_RUN[:-2], "email", "n", "n"])
    assert result.returncode == 0, result.stderr
    assert "comes back after each new channel's message" in result.stdout
    assert "an empty line goes on to saving" in result.stdout
    assert "Not accepted" not in result.stdout.split("Channels")[-1]
    assert "Not saved." in result.stdout
    assert saved_drafts(tmp_path) == []


def test_yes_and_no_in_full_are_taken(tmp_path: Path) -> None:
    result = run_plain(tmp_path, [*FULL_RUN[:2], "no", *FULL_RUN[3:-1], "yes"])
    assert result.returncode == 0, result.stderr
    (draft,) = saved_drafts(tmp_path)
    assert draft["answers"]["premium"] is False  # type: ignore[index]


def test_when_input_runs_out_it_says_what_was_not_saved(tmp_path: Path) -> None:
    during = run_plain(tmp_path, FULL_RUN[:5])
    assert during.returncode == 1
    assert "your answers were not saved" in during.stderr
    at_save = run_plain(tmp_path, FULL_RUN[:-1])
    assert at_save.returncode == 1
    assert "your answers and the message were not saved as a draft" in at_save.stderr
    assert len(at_save.stderr.splitlines()) == 1
    assert saved_drafts(tmp_path) == []


def test_prompts_and_rules_read_as_sentences(tmp_path: Path) -> None:
    lines = list(FULL_RUN)
    lines[FULL_RUN.index("20")] = "45"  # longer than the usual ask: a rule not met
    result = run_plain(tmp_path, lines)
    assert result.returncode == 0, result.stderr
    assert "LinkedIn?, a number" not in result.stdout
    assert "Do they look active on LinkedIn? Answer with a number" in result.stdout
    rule = next(line for line in result.stdout.splitlines() if "one-ask:" in line)
    assert "minutes is usual. " in rule, rule


def test_the_introduction_is_offered_and_saved_beside_the_contacts_draft(tmp_path: Path) -> None:
    lines = list(FULL_RUN)
    channel = len(lines) - 2  # the channel prompt
    lines[channel : channel + 1] = ["introduction", ""]
    result = run_plain(tmp_path, lines)
    assert result.returncode == 0, result.stderr
    assert "Ask for an introduction (introduction)" in result.stdout
    assert "Hi Sam," in result.stdout  # the first shared connection typed
    drafts = {d["channel"]: d for d in saved_drafts(tmp_path)}
    assert set(drafts) == {"message", "introduction"}
    assert drafts["introduction"]["for_draft"] == drafts["message"]["id"]
    assert drafts["introduction"]["answers"]["introduction"]["introducer"] == "Sam Patel"  # type: ignore[index]


def test_without_a_shared_connection_no_introduction_is_offered(tmp_path: Path) -> None:
    lines = [line for line in FULL_RUN if line not in ("Sam Patel", "Priya Shah")]
    result = run_plain(tmp_path, lines)
    assert result.returncode == 0, result.stderr
    assert "introduction" not in result.stdout.split("Channels")[-1]
