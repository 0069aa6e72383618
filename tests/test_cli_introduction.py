"""`render` and `check --channel introduction`, run as a real process: the introducer chosen
from the answers or the LinkedIn import, and one line, exit 2, when there is no one to ask."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from samples import SENDER_AND_CONTACT

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_tui", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def answers_file(tmp_path: Path, **sections: dict[str, Any]) -> Path:
    data: dict[str, Any] = json.loads(json.dumps(SENDER_AND_CONTACT))
    data["goal"] = {"learn": "how the reference team plans its outreach"}
    for section, values in sections.items():
        data.setdefault(section, {}).update(values)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def import_people(tmp_path: Path, data: Path) -> None:
    csv = tmp_path / "Connections.csv"
    csv.write_text(
        f"{HEADER}\n"
        "Ben,Okafor,,,Westerly Public Library,Librarian,01 Jan 2020\n"
        "Chen,Jing,,,Westerly Public Library,Archivist,09 Feb 2024\n"
        "Dana,Cole,,,Easterly Public Library,Archivist,10 Feb 2024\n",
        encoding="utf-8",
    )
    result = run("--data-dir", data, "import-linkedin", csv)
    assert result.returncode == 0, result.stderr


def test_no_possible_introducer_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("--data-dir", tmp_path / "data", "render", answers_file(tmp_path), "--channel",
                 "introduction")  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("outreach-tui: error: no one to ask for an introduction")
    assert "shared connection" in lines[0] and "import-linkedin" in lines[0]


def test_a_typed_shared_connection_is_asked_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    import_people(tmp_path, data)
    path = answers_file(tmp_path, research={"shared_connections": ["Priya Shah"]})
    result = run("--data-dir", data, "render", path, "--channel", "introduction")
    assert result.returncode == 0, result.stderr
    assert "Subject: A small favour: an introduction to Alex Morgan" in result.stdout
    assert "\nHi Priya,\n" in result.stdout
    assert "LinkedIn shows the two of you are connected." in result.stdout


def test_without_one_the_most_recently_connected_at_the_organisation_is_asked(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    import_people(tmp_path, data)
    result = run("--data-dir", data, "render", answers_file(tmp_path), "--channel", "introduction")
    assert result.returncode == 0, result.stderr
    assert "\nHi Chen,\n" in result.stdout
    assert "because you work there too, so you may know each other." in result.stdout
    assert "Dana" not in result.stdout  # Easterly is another library


def test_the_user_chooses_with_introducer_and_check_scores_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    import_people(tmp_path, data)
    path = answers_file(tmp_path)
    result = run("--data-dir", data, "check", path, "--channel", "introduction", "--introducer",
                 "ben okafor", "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    rules = {r["id"]: r["ok"] for r in report["rules"]}
    assert rules["note-short"] and rules["note-self-contained"] and rules["no-vouch"]
    assert rules["one-request"]
    assert any("Ben Okafor" in r["text"] for r in report["reasons"])
    wrong = run("--data-dir", data, "render", path, "--introducer", "Ben Okafor")
    assert wrong.returncode == 2 and len(wrong.stderr.splitlines()) == 1
    assert "--introducer is for --channel introduction" in wrong.stderr


def test_drafts_mark_introduced_updates_the_contacts_draft(tmp_path: Path) -> None:
    from outreach_tui.core.drafts.draft import Draft
    from outreach_tui.core.drafts.store import DraftStore
    from outreach_tui.core.introduction.requests import new_request
    from outreach_tui.core.message.renderer import Renderer
    from outreach_tui.core.model.answers_load import load_answers_file

    data = tmp_path / "data"
    answers = load_answers_file(
        answers_file(tmp_path, research={"shared_connections": ["Priya Shah"]})
    )
    renderer = Renderer(template_dirs=[])
    store = DraftStore(data)
    first = renderer.render(answers, "message")
    contact = Draft(answers, "message", first.body, first.subject)
    store.save(contact)
    asking = renderer.render(answers, "introduction")
    request = new_request(answers, asking.subject, asking.body, contact)
    store.save(request)
    result = run("--data-dir", data, "drafts", "mark", request.id, "introduced")
    assert result.returncode == 0, result.stderr
    assert "now names Priya Shah" in result.stdout
    assert "Priya Shah kindly put us in touch," in store.load(contact.id).message
    listing = run("--data-dir", data, "drafts", "list")
    assert "via Priya Shah" in listing.stdout


def test_the_contact_as_their_own_introducer_is_refused(tmp_path: Path) -> None:
    path = answers_file(tmp_path, research={"shared_connections": ["Priya Shah"]})
    for name in ("Alex Morgan", "alex MORGAN 🌻", "Dr. Alex Morgan, PhD"):
        for command in ("render", "check"):
            result = run("--data-dir", tmp_path / "data", command, path, "--channel",
                         "introduction", "--introducer", name)  # fmt: skip
            assert result.returncode == 2, (name, command, result.stdout)
            assert result.stdout == ""
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and "Traceback" not in result.stderr
            assert "is the person you want to meet" in lines[0]
    inside = answers_file(
        tmp_path,
        research={"shared_connections": ["Priya Shah"]},
        introduction={"introducer": "Alex Morgan"},
    )
    result = run("--data-dir", tmp_path / "data", "render", inside, "--channel", "introduction")
    assert result.returncode == 2 and "I asked Alex Morgan" not in result.stdout
    assert len(result.stderr.splitlines()) == 1
