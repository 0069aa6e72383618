"""Names: a display name parsed with care, the greeting it gives for every form of address,
the doubts the parse has, and the same greeting in every channel of a draft."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_tui.core.drafts.draft import Draft
from outreach_tui.core.drafts.library import duplicate_draft
from outreach_tui.core.message.channels import CHANNELS
from outreach_tui.core.message.context import message_context
from outreach_tui.core.message.renderer import Renderer
from outreach_tui.core.message.shorten import short_note
from outreach_tui.core.model.answers import HONORIFICS
from outreach_tui.core.model.answers_load import answers_from_dict
from outreach_tui.core.names import (
    clean_name,
    greeting_doubts,
    greeting_line,
    parse_name,
    salutation,
    same_person,
    suggested_name,
)

# (display name as typed, family name greeted after Ms./Mr./Mx./Dr., first name only, full
# name, doubts) -- doubts: "T" the parse is unsure with a title (Ms.), "F" with first name only.
NAMES: list[tuple[str, str, str, str, str]] = [
    # particles, with their capitals as written
    ("Dr. Willem van der Berg", "van der Berg", "Willem", "Willem van der Berg", "T"),
    ("Annelies van der Berg", "van der Berg", "Annelies", "Annelies van der Berg", ""),
    ("Carlos De Silva", "De Silva", "Carlos", "Carlos De Silva", ""),
    ("Ludwig von Trapp", "von Trapp", "Ludwig", "Ludwig von Trapp", ""),
    ("Pieter ten Brink", "ten Brink", "Pieter", "Pieter ten Brink", ""),
    ("Anouk ter Horst", "ter Horst", "Anouk", "Anouk ter Horst", ""),
    ("Jean-Luc Le Blanc", "Le Blanc", "Jean-Luc", "Jean-Luc Le Blanc", ""),
    ("Paolo di Stefano", "di Stefano", "Paolo", "Paolo di Stefano", ""),
    ("Luca da Costa", "da Costa", "Luca", "Luca da Costa", ""),
    ("Ana dos Santos", "dos Santos", "Ana", "Ana dos Santos", ""),
    ("Jean du Pont", "du Pont", "Jean", "Jean du Pont", ""),
    ("Amélie de La Fontaine", "de La Fontaine", "Amélie", "Amélie de La Fontaine", ""),
    ("Dominique de Villepin", "de Villepin", "Dominique", "Dominique de Villepin", ""),
    ("Ingrid Van Dyke", "Van Dyke", "Ingrid", "Ingrid Van Dyke", ""),
    ("Omar al-Farsi", "al-Farsi", "Omar", "Omar al-Farsi", ""),
    ("Leila El-Amin", "El-Amin", "Leila", "Leila El-Amin", ""),
    ("Fatima Zahra El Idrissi", "El Idrissi", "Fatima", "Fatima Zahra El Idrissi", ""),
    ("Abdul Rahman al Saud", "al Saud", "Abdul Rahman", "Abdul Rahman al Saud", ""),
    ("Ahmad bin Ismail", "bin Ismail", "Ahmad", "Ahmad bin Ismail", "T"),
    ("Siti binti Rahman", "binti Rahman", "Siti", "Siti binti Rahman", "T"),
    ("Yusuf ibn Khalid", "ibn Khalid", "Yusuf", "Yusuf ibn Khalid", "T"),
    ("Sean MacDonald", "MacDonald", "Sean", "Sean MacDonald", ""),
    ("Aoife McCarthy", "McCarthy", "Aoife", "Aoife McCarthy", ""),
    # two family names, compound given names (Spanish, Portuguese)
    ("José Luis García Márquez", "García Márquez", "José Luis", "José Luis García Márquez", ""),
    ("Gabriel García Márquez", "García Márquez", "Gabriel", "Gabriel García Márquez", ""),
    ("María José de la Cruz", "de la Cruz", "María José", "María José de la Cruz", ""),
    ("María del Carmen López", "López", "María del Carmen", "María del Carmen López", ""),
    ("Juan de Dios Pérez", "Pérez", "Juan de Dios", "Juan de Dios Pérez", ""),
    ("Mónica Da Silva Lopes", "Da Silva Lopes", "Mónica", "Mónica Da Silva Lopes", ""),
    # suffixes
    ("Marcus Whitfield III", "Whitfield", "Marcus", "Marcus Whitfield", ""),
    ("Robert Smith Jr.", "Smith", "Robert", "Robert Smith", ""),
    ("Tom Wright Sr.", "Wright", "Tom", "Tom Wright", ""),
    ("Henry Okafor II", "Okafor", "Henry", "Henry Okafor", ""),
    ("Joe Bloggs IV", "Bloggs", "Joe", "Joe Bloggs", ""),
    # post-nominals as LinkedIn shows them, with or without a comma
    ("Priyanka Desai, PhD", "Desai", "Priyanka", "Priyanka Desai", ""),
    ("Priyanka Desai PhD", "Desai", "Priyanka", "Priyanka Desai", ""),
    ("Jane Doe, MLIS", "Doe", "Jane", "Jane Doe", ""),
    ("Jane Smith MLIS", "Smith", "Jane", "Jane Smith", ""),
    ("John Roe MBA, CPA", "Roe", "John", "John Roe", ""),
    ("Kate Brown, PE", "Brown", "Kate", "Kate Brown", ""),
    ("Olusegun Obasanjo PE", "Obasanjo", "Olusegun", "Olusegun Obasanjo", ""),
    ("Sam Lee RN", "Lee", "Sam", "Sam Lee", ""),
    ("Ann Park, Esq.", "Park", "Ann", "Ann Park", ""),
    ("Chidi Okeke, MD", "Okeke", "Chidi", "Chidi Okeke", ""),
    ("Aiyana Redcloud, MSW, LCSW", "Redcloud", "Aiyana", "Aiyana Redcloud", ""),
    ("Ngozi Okonjo-Iweala, CPHIMS", "Okonjo-Iweala", "Ngozi", "Ngozi Okonjo-Iweala", ""),
    ("Sarah Jones, MLIS | Archivist", "Jones", "Sarah", "Sarah Jones", ""),
    # pronouns, emoji, taglines, hashtags
    ("Jordan Okonkwo (she/her)", "Okonkwo", "Jordan", "Jordan Okonkwo", ""),
    ("Alex Rivera (They/Them)", "Rivera", "Alex", "Alex Rivera", ""),
    ("Bob Smith, PhD (he/him)", "Smith", "Bob", "Bob Smith", ""),
    ("Rangi Parata (he/him) | Kaiako", "Parata", "Rangi", "Rangi Parata", ""),
    ("Kiri 🌿 Tane-Whaanga", "Tane-Whaanga", "Kiri", "Kiri Tane-Whaanga", ""),
    ("Hana Novák 🇨🇿", "Novák", "Hana", "Hana Novák", ""),
    ("Oluwaseun Adeyemi-Bello 🚀", "Adeyemi-Bello", "Oluwaseun", "Oluwaseun Adeyemi-Bello", ""),
    ("Lars Ødegård ✨ | Librarian", "Ødegård", "Lars", "Lars Ødegård", ""),
    ("Jane Doe #OpenToWork", "Doe", "Jane", "Jane Doe", ""),
    ("Jane Doe, Open to work", "Doe", "Jane", "Jane Doe", ""),
    # titles typed into the name
    ("Dr. Sofia Meierhof", "Meierhof", "Sofia", "Sofia Meierhof", "T"),
    ("Prof. Dr. Hans Müller", "Müller", "Hans", "Hans Müller", "T"),
    ("Mx. Alex Rivera", "Rivera", "Alex", "Alex Rivera", ""),
    # family name first: cannot be known, so flagged
    ("Nguyễn Thị Lan", "Lan", "Nguyễn", "Nguyễn Thị Lan", "TF"),
    ("Wang Fang", "Fang", "Wang", "Wang Fang", "TF"),
    ("Lin Wei 🌱", "Wei", "Lin", "Lin Wei", "TF"),
    ("Park Ji-hoon", "Ji-hoon", "Park", "Park Ji-hoon", "TF"),
    ("Tran Van Minh", "Van Minh", "Tran", "Tran Van Minh", "TF"),
    ("王 芳", "王", "芳", "王 芳", ""),  # in Chinese script the parser knows the order
    ("김민준", "김", "민준", "김민준", ""),
    ("王芳", "王芳", "王芳", "王芳", "T"),  # unspaced Han: one word, so unsure
    # others, from many places
    ("Søren Kierkegaard", "Kierkegaard", "Søren", "Søren Kierkegaard", ""),
    ("Ewa Nowak-Kowalska", "Nowak-Kowalska", "Ewa", "Ewa Nowak-Kowalska", ""),
    ("Giulia Rossi-Bianchi", "Rossi-Bianchi", "Giulia", "Giulia Rossi-Bianchi", ""),
    ("Anne-Marie Dupont", "Dupont", "Anne-Marie", "Anne-Marie Dupont", ""),
    ("Élodie Marchand-Lefèvre", "Marchand-Lefèvre", "Élodie", "Élodie Marchand-Lefèvre", ""),
    ("Kofi A. Mensah", "Mensah", "Kofi", "Kofi A. Mensah", ""),
    ("Jack Ma", "Ma", "Jack", "Jack Ma", ""),
    ("Minh Do", "Do", "Minh", "Minh Do", ""),
    ('Robert "Bob" Smith', "Smith", "Bob", "Robert Smith", ""),
    ("Smith, Jane", "Smith", "Jane", "Jane Smith", ""),
    # what the parse cannot be sure of
    ("MARIA GONZALEZ", "Gonzalez", "Maria", "Maria Gonzalez", "TF"),
    ("Sean MACDONALD", "MACDONALD", "Sean", "Sean MACDONALD", "T"),
    ("Madonna", "Madonna", "Madonna", "Madonna", "T"),
    ("J. Smith", "Smith", "J.", "J. Smith", "F"),
]


def test_the_table_is_big_enough() -> None:
    assert len(NAMES) >= 60
    assert len({row[0] for row in NAMES}) == len(NAMES)


@pytest.mark.parametrize(("name", "family", "first", "full", "doubts"), NAMES)
def test_greeting_for_every_form_of_address(
    name: str, family: str, first: str, full: str, doubts: str
) -> None:
    for honorific in HONORIFICS:
        assert salutation(name, honorific) == f"{honorific} {family}"
    assert salutation(name, "first-name") == first
    assert salutation(name, "none") == full
    assert salutation(name, "") == full
    assert suggested_name(name, "Dr.") == family


@pytest.mark.parametrize(("name", "family", "first", "full", "doubts"), NAMES)
def test_the_parse_says_when_it_is_unsure(
    name: str, family: str, first: str, full: str, doubts: str
) -> None:
    assert bool(greeting_doubts(name, "Ms.")) is ("T" in doubts), greeting_doubts(name, "Ms.")
    flagged = greeting_doubts(name, "first-name")
    assert bool(flagged) is ("F" in doubts), flagged
    for doubt in greeting_doubts(name, "Ms.") + flagged:
        assert doubt.endswith((".", ")")) and "\n" not in doubt


@pytest.mark.parametrize(("name", "family", "first", "full", "doubts"), NAMES)
def test_no_greeting_uses_a_suffix_credential_pronoun_title_or_half_a_surname(
    name: str, family: str, first: str, full: str, doubts: str
) -> None:
    person = parse_name(name)
    for honorific in (*HONORIFICS, "first-name", "none"):
        words = salutation(name, honorific).split()
        for leftover in (person.suffix, *person.post_nominals.split(", "), person.pronouns):
            assert not leftover or leftover not in words
        assert not any(w.startswith(("(", "#")) or "/" in w for w in words)
        assert words.count(honorific) <= 1  # never "Dr. Dr."
        assert "Prof." not in words
        if honorific in HONORIFICS:
            assert words[1:] == family.split()  # the whole family name, particles and all


# --- the user's own name in the greeting ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "honorific", "own", "expected"),
    [
        ("Wang Fang", "Ms.", "Wang", "Ms. Wang"),
        ("Wang Fang", "Ms.", "Ms. Wang", "Ms. Wang"),  # a title of its own is not doubled
        ("Wang Fang", "Dr.", "  Prof.   Wang ", "Prof. Wang"),
        ("Dr. Sofia Meierhof", "Dr.", "Dr. Meierhof", "Dr. Meierhof"),
        ("Nguyễn Thị Lan", "first-name", "Lan", "Lan"),
        ("Nguyễn Thị Lan", "none", "Nguyễn Thị Lan", "Nguyễn Thị Lan"),
        ("", "Ms.", "Okafor", "Ms. Okafor"),
    ],
)
def test_the_users_name_in_the_greeting_wins(
    name: str, honorific: str, own: str, expected: str
) -> None:
    assert salutation(name, honorific, own) == expected
    assert greeting_line(name, honorific, own) == f"Dear {expected},"
    assert greeting_doubts(name, honorific, own) == []


def test_a_name_in_the_greeting_that_is_not_their_name_is_questioned() -> None:
    (doubt,) = greeting_doubts("Annelies van der Berg", "Ms.", "Wang")
    assert "“Wang” is not part of their name" in doubt
    assert greeting_doubts("Annelies van der Berg", "Ms.", "Ms. Van Der Berg") == []


def test_no_name_no_greeting() -> None:
    assert salutation("", "Ms.") == ""
    assert salutation("🦉 ✨", "Dr.") == ""
    assert greeting_line("  ", "Ms.") == "Hello,"
    assert greeting_doubts("", "Ms.") == []


# --- cleaning names for a message ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("Lin Wei 🌱", "Lin Wei"),
        ("Kiri 🌿 Tane-Whaanga", "Kiri Tane-Whaanga"),
        ("Priyanka Desai, PhD", "Priyanka Desai"),
        ("Jordan Okonkwo (she/her)", "Jordan Okonkwo"),
        ("Sarah Jones, MLIS | Archivist", "Sarah Jones"),
        ("Marcus Whitfield III", "Marcus Whitfield III"),  # a suffix is part of a full name
        ("Dr. Willem van der Berg", "Dr. Willem van der Berg"),
        ("Hana Novák 🇨🇿", "Hana Novák"),
        ("Sam {{ sender }} Patel", "Sam {{ sender }} Patel"),  # data stays data, only cleaned
        ("🦉", ""),
        ("", ""),
    ],
)
def test_clean_name_takes_decorations_away_and_nothing_else(typed: str, clean: str) -> None:
    assert clean_name(typed) == clean


def test_same_person_whatever_surrounds_the_name() -> None:
    assert same_person("Dr. Willem van der Berg, PhD", "willem VAN DER BERG 🌱")
    assert same_person("Nguyễn Thị Lan", "Nguyen Thi Lan")
    assert not same_person("Wang Fang", "Wang Wei")
    assert not same_person("", "")


# --- every channel of a draft --------------------------------------------------------------

BASE: dict[str, Any] = {
    "sender": {"name": "Jordan Lee (they/them) 🌻"},
    "contact": {"organization": "Westerly Public Library"},
    "research": {"shared_connections": ["Priyanka Desai, PhD 🌱"]},
    "goal": {"learn": "how the archive plans its work"},
}


def _answers(name: str, honorific: str, own: str = "") -> Any:
    contact = {**BASE["contact"], "name": name, "honorific": honorific}
    if own:
        contact["greeting_name"] = own
    return answers_from_dict({**BASE, "contact": contact})


def _opening(text: str) -> str:
    return text.splitlines()[0].split(",")[0] + ","


@pytest.mark.parametrize(("name", "family", "first", "full", "doubts"), NAMES)
def test_every_channel_greets_by_the_parse(
    name: str, family: str, first: str, full: str, doubts: str
) -> None:
    renderer = Renderer()
    for honorific, expected in (("Dr.", f"Dr. {family}"), ("first-name", first), ("none", full)):
        answers = _answers(name, honorific)
        for channel in CHANNELS:
            body = renderer.render(answers, channel).body
            word = "Hi" if channel == "connection-note" and honorific == "first-name" else "Dear"
            assert _opening(body) == f"{word} {expected},", (channel, body)
        assert _opening(short_note(answers, renderer).body).endswith(f" {expected},")


def test_every_channel_and_the_short_note_use_the_name_in_the_greeting() -> None:
    renderer = Renderer()
    answers = _answers("Wang Fang", "Ms.", "Wang")
    for channel in CHANNELS:
        assert _opening(renderer.render(answers, channel).body) == "Dear Ms. Wang,"
    tight = answers_from_dict(
        {**answers.to_dict(), "research": {"groups": ["The Very Long " * 12 + "Society"]}}
    )
    assert _opening(short_note(tight, renderer).body) == "Dear Ms. Wang,"


def test_names_reach_the_message_without_decorations() -> None:
    renderer = Renderer()
    text = renderer.render(_answers("Lin Wei 🌱", "Ms."), "message").as_text()
    assert "Priyanka Desai" in text and "PhD" not in text
    assert "🌱" not in text and "🌻" not in text and "they/them" not in text
    note = renderer.render(_answers("Lin Wei 🌱", "Ms."), "connection-note").body
    assert note.endswith("Thanks, Jordan")


def test_the_template_names() -> None:
    context = message_context(_answers("Dr. Willem van der Berg, PhD", "Dr."))
    assert context["salutation"] == "Dr. van der Berg"
    assert context["first_name"] == "Willem"
    assert context["surname"] == "van der Berg"
    assert context["sender_first_name"] == "Jordan"
    assert context["contact"]["name"] == "Dr. Willem van der Berg"
    assert context["contact"]["greeting_name"] == ""
    context = message_context(_answers("Nguyễn Thị Lan", "first-name", "Lan"))
    assert (context["salutation"], context["first_name"]) == ("Lan", "Lan")
    assert context["contact"]["greeting_name"] == "Lan"


# --- a duplicate keeps the greeting only for the same person -----------------------------------


def test_a_duplicate_keeps_the_greeting_only_for_the_same_person() -> None:
    draft = Draft(_answers("Wang Fang (she/her)", "Ms.", "Wang"), "message", "Dear Ms. Wang,")
    same = duplicate_draft(draft, "Wang Fang")
    assert (same.answers.contact.honorific, same.answers.contact.greeting_name) == (
        "Ms.",
        "Wang",
    )
    other = duplicate_draft(draft, "Li Na")
    assert (other.answers.contact.honorific, other.answers.contact.greeting_name) == ("", "")
    blank = duplicate_draft(draft)
    assert blank.answers.contact.greeting_name == ""


# --- purity and the coach ----------------------------------------------------------------------


def test_names_import_no_ui_and_the_parser_only_when_a_name_is_parsed() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import outreach_tui.core.names, outreach_tui.core.names.model\n"
        "import outreach_tui.core.names.clean, outreach_tui.core.names.greeting\n"
        "import outreach_tui.core.message.renderer, outreach_tui.core.message.shorten\n"
        "import outreach_tui.core.model.questions\n"
        "top = lambda: {m.split('.')[0] for m in sys.modules}\n"
        "before = top() & {'textual', 'rich', 'jinja2', 'nameparser'}\n"
        "outreach_tui.core.names.parse_name('Ann Lee')\n"
        "after = top() & {'textual', 'rich', 'nameparser'}\n"
        "print(sorted(before), sorted(after))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "['nameparser']"]


def test_decorations_in_names_never_earn_the_emoji_point() -> None:
    from outreach_tui.core.coach import coach

    renderer = Renderer()
    answers = _answers("Lin Wei 🌱", "Ms.", "Lin")
    for channel in CHANNELS:
        rendered = renderer.render(answers, channel)
        report = coach(answers, channel, rendered.subject, rendered.body)
        assert "emoji" not in {r.id for r in report.reasons}, channel


def test_the_coach_notes_an_unsure_greeting_until_the_user_sets_it() -> None:
    from outreach_tui.core.coach import coach

    renderer = Renderer()
    for name, honorific, own in (
        ("Wang Fang", "Ms.", ""),
        ("Madonna", "Dr.", ""),
        ("MARIA GONZALEZ", "Ms.", ""),
        ("Wang Fang", "Ms.", "Wang"),
        ("Annelies van der Berg", "Ms.", ""),
    ):
        answers = _answers(name, honorific, own)
        rendered = renderer.render(answers, "message")
        report = coach(answers, "message", rendered.subject, rendered.body)
        notes = [r for r in report.reasons if r.id == "greeting"]
        unsure = not own and name != "Annelies van der Berg"
        assert len(notes) == int(unsure), (name, notes)
        if notes:
            assert notes[0].points == 0
            assert "Name in the greeting" in notes[0].suggestion
            # A greeting the user wrote themselves is theirs to judge: no note.
            edited = rendered.body.replace(rendered.body.splitlines()[0], "Dear Colleague,")
            again = coach(answers, "message", rendered.subject, edited)
            assert "greeting" not in {r.id for r in again.reasons}


def test_the_coach_knows_the_first_name_behind_a_title() -> None:
    from outreach_tui.core.coach import coach

    answers = _answers("Dr. Sofia Meierhof", "first-name")
    answers.research.shared_connections = []
    body = Renderer().render(answers, "message").body
    assert body.startswith("Dear Sofia,")
    reasons = {r.id: r for r in coach(answers, "message", "Hello", body).reasons}
    assert reasons["first-name"].text == "calls Sofia by first name with no shared context"


@settings(max_examples=300, deadline=None)
@given(
    name=st.text(max_size=60),
    honorific=st.sampled_from([*HONORIFICS, "first-name", "none", ""]),
    own=st.text(max_size=20),
)
def test_any_text_gives_a_greeting_and_never_raises(name: str, honorific: str, own: str) -> None:
    who = salutation(name, honorific, own)
    assert "\n" not in who and who == who.strip()
    assert isinstance(greeting_doubts(name, honorific, own), list)
    assert isinstance(suggested_name(name, honorific), str)
    assert "\n" not in clean_name(name)


# --- the user's own name in the greeting is cleaned like every other name --------------------


@pytest.mark.parametrize(
    ("greeting_name", "honorific", "expected"),
    [
        ("Lin 🌱 (she/her), PhD", "Ms.", "Ms. Lin"),
        ("Fang PhD", "Dr.", "Dr. Fang"),
        ("Wang, MBA", "Mr.", "Mr. Wang"),
        ("Lan ✨", "first-name", "Lan"),
        ("Prof. Wang", "Ms.", "Prof. Wang"),  # a title typed into it is the user's choice
    ],
)
def test_name_in_the_greeting_is_cleaned_of_decorations(
    greeting_name: str, honorific: str, expected: str
) -> None:
    from outreach_tui.core.names import salutation

    assert salutation("Wang Fang", honorific, greeting_name) == expected


def test_name_in_the_greeting_of_only_decorations_falls_back_to_the_parse() -> None:
    from outreach_tui.core.names import salutation

    assert salutation("Wang Fang", "Ms.", "🌱 (she/her)") == "Ms. Fang"
