"""The introduction request as a draft of its own: linked to the contact's draft, its statuses,
"introduced" turning the contact's draft into a message that names the introducer, and the
drafts list showing "via ...". Real files in tmp_path."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest

from outreach_tui.core.coach import coach
from outreach_tui.core.drafts.draft import Draft, DraftError, draft_from_dict
from outreach_tui.core.drafts.library import Library
from outreach_tui.core.drafts.store import DraftStore
from outreach_tui.core.drafts.tracking import DECLINED, INTRODUCED, INTRODUCTION_STATUSES, SENT
from outreach_tui.core.introduction.choice import candidates, strongest, with_introducer
from outreach_tui.core.introduction.requests import mark_introduced, new_request, request_for
from outreach_tui.core.message.channels import INTRODUCTION_CHANNEL
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.model.answers import Answers

TODAY = date(2025, 3, 17)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(DraftStore(tmp_path / "data"), today=lambda: TODAY)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(template_dirs=[])


def saved_pair(library: Library, renderer: Renderer, answers: Answers) -> tuple[Draft, Draft]:
    """The contact's draft (message channel) and its introduction request, both saved."""
    message = renderer.render(answers, "message")
    contact = Draft(answers.copy(), "message", message.body, message.subject)
    library.save(contact)
    best = strongest(candidates(answers))
    assert best is not None
    asking = with_introducer(answers, best)
    rendered = renderer.render(asking, INTRODUCTION_CHANNEL)
    request = new_request(asking, rendered.subject, rendered.body, contact)
    library.save(request)
    return contact, request


def test_the_request_is_its_own_private_file_linked_to_the_contacts_draft(
    library: Library, renderer: Renderer, full_answers: Answers
) -> None:
    contact, request = saved_pair(library, renderer, full_answers)
    assert request.id != contact.id and request.for_draft == contact.id
    path = library.store.path_for(request.id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["for_draft"] == contact.id and data["channel"] == INTRODUCTION_CHANNEL
    assert "for_draft" not in json.loads(library.store.path_for(contact.id).read_text())
    found = request_for(library, contact.id)
    assert found is not None and found.id == request.id
    rows = {row.id: row for row in library.rows()}
    assert rows[request.id].title.endswith(" · via Samir Patel")
    assert "via" not in rows[contact.id].title
    assert [r.id for r in library.rows("samir introduction")] == [request.id]


def test_a_request_goes_sent_then_declined_and_leaves_the_contacts_draft_alone(
    library: Library, renderer: Renderer, full_answers: Answers
) -> None:
    contact, request = saved_pair(library, renderer, full_answers)
    assert INTRODUCTION_STATUSES == ("draft", "sent", "introduced", "declined")
    library.mark(request.id, SENT)
    library.mark(request.id, DECLINED)
    assert library.load(request.id).tracking.status == DECLINED
    assert library.load(contact.id).message == contact.message


def test_introduced_turns_the_contacts_draft_into_a_message_naming_the_introducer(
    library: Library, renderer: Renderer, full_answers: Answers
) -> None:
    contact, request = saved_pair(library, renderer, full_answers)
    before = coach(contact.answers, "message", contact.subject, contact.message)
    outcome = mark_introduced(library, request.id, renderer)
    assert outcome.rewritten
    assert "now names Samir Patel" in outcome.line
    assert library.load(request.id).tracking.status == INTRODUCED
    updated = library.load(contact.id)
    assert updated.answers.introduction.introduced
    assert "Samir Patel kindly put us in touch, and I am grateful" in updated.message
    assert updated.subject is not None and "Introduction via Samir Patel" in updated.subject
    after = coach(updated.answers, "message", updated.subject, updated.message)
    assert "introduced" in [r.id for r in after.reasons]
    assert after.score <= before.score
    row = library.row(contact.id)
    assert row is not None and row.title.endswith(" · via Samir Patel")


def test_introduced_keeps_text_the_user_edited(
    library: Library, renderer: Renderer, full_answers: Answers
) -> None:
    contact, request = saved_pair(library, renderer, full_answers)
    contact.message = contact.message.replace("Thank you for considering it.", "Many thanks.")
    library.save(contact)
    outcome = mark_introduced(library, request.id, renderer)
    assert not outcome.rewritten and "your edited text was kept" in outcome.line
    updated = library.load(contact.id)
    assert "Many thanks." in updated.message
    assert updated.answers.introduction.introduced  # Reset to template then names Samir


def test_introduced_keeps_what_was_sent_and_records_it_in_the_history(
    library: Library, renderer: Renderer, full_answers: Answers
) -> None:
    contact, request = saved_pair(library, renderer, full_answers)
    library.mark(contact.id, SENT, date(2025, 3, 10))
    outcome = mark_introduced(library, request.id, renderer)
    assert not outcome.rewritten
    assert "already sent" in outcome.line and "Samir Patel" in outcome.line
    updated = library.load(contact.id)
    assert (updated.subject, updated.message) == (contact.subject, contact.message)
    assert updated.tracking.status == SENT and updated.tracking.sent_on == date(2025, 3, 10)
    last = updated.tracking.history[-1]
    assert last["action"] == INTRODUCED and last["on"] == TODAY.isoformat()
    assert last["via"] == "Samir Patel"
    assert updated.answers.introduction.introduced
    assert library.load(request.id).tracking.status == INTRODUCED


def test_only_a_request_can_be_marked_introduced_and_bad_links_are_refused(
    library: Library, renderer: Renderer, full_answers: Answers
) -> None:
    contact, _ = saved_pair(library, renderer, full_answers)
    with pytest.raises(DraftError, match="not an introduction request"):
        mark_introduced(library, contact.id, renderer)
    data = library.store.path_for(contact.id).read_text(encoding="utf-8")
    with pytest.raises(DraftError, match="for_draft must be a draft id"):
        draft_from_dict({**json.loads(data), "for_draft": "../elsewhere"})
