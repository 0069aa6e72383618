"""The message's small grammar: a/an, "the" before names, compound minutes, rounded distances,
the hook's verb, what was learned, subject lines cut to length, and the user's text tightened."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_tui.core.message.wording import (
    cap_words,
    distance_words,
    hook_verb,
    indefinite_article,
    learned_phrase,
    minutes_adjective,
    name_in_sentence,
    needs_the,
    round_distance,
    tighten,
    with_article,
)

# --- a / an -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior UX Researcher", "a Senior UX Researcher"),
        ("Archivist", "an Archivist"),
        ("Outreach Librarian", "an Outreach Librarian"),
        ("Engineering Manager", "an Engineering Manager"),
        ("Honorary Curator", "an Honorary Curator"),  # a silent h
        ("Hospital Librarian", "a Hospital Librarian"),
        ("University Archivist", "a University Archivist"),  # "you-"
        ("European Studies Librarian", "a European Studies Librarian"),  # "you-"
        ("MLIS-qualified Cataloguer", "an MLIS-qualified Cataloguer"),  # "em-"
        ("UX Designer", "a UX Designer"),  # letters: "you-ex"
        ("UI Developer", "a UI Developer"),
        ("NHS Knowledge Manager", "an NHS Knowledge Manager"),
        ("IT Support Analyst", "an IT Support Analyst"),
        ("Youth Services Librarian", "a Youth Services Librarian"),
        ("Data Steward", "a Data Steward"),
    ],
)
def test_with_article_follows_the_sound(title: str, expected: str) -> None:
    assert with_article(title) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Head of Reference Services",
        "Director of Libraries",
        "Keeper of Manuscripts",
        "Dean for Research Services",
        "an Archivist",
        "the University Librarian",
        "",
    ],
)
def test_with_article_leaves_posts_of_one_and_given_articles(title: str) -> None:
    assert with_article(title) == title


def test_indefinite_article_of_nothing_is_a() -> None:
    assert indefinite_article("") == "a"
    assert indefinite_article("   ") == "a"


# --- "the" before names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Port of Rotterdam Authority",
        "University of Leeds",
        "Museum of London",
        "Bank of England",
        "Department of Education",
        "Office of the Chief Statistician",
        "Massachusetts Institute of Technology",
        "Centre for Research Libraries",
        "British Library",
        "National Archives",
        "Royal Society of Chemistry",
        "Rhode Island Library Association",
        "Getty Research Institute",
        "New Members Round Table",
        "Archivists Forum",
        "Frick Collection",
        "Library Leaders Network",
    ],
)
def test_names_that_take_the(name: str) -> None:
    assert needs_the(name)
    assert name_in_sentence(name) == f"the {name}"


@pytest.mark.parametrize(
    "name",
    [
        "Rijksmuseum",
        "Acme Corp",
        "Westerly Public Library",
        "Harvard University",
        "Leeds Beckett University",
        "Springfield High School",
        "Bibliotheca Alexandrina",
        "Code4Lib",
        "Friends of the Earth",
        "Museum",  # one word: nothing to go by
    ],
)
def test_names_that_go_without(name: str) -> None:
    assert not needs_the(name)
    assert name_in_sentence(name) == name


@pytest.mark.parametrize("name", ["The New York Times", "the Huntington", "The Open University"])
def test_a_name_typed_with_the_keeps_it_as_typed(name: str) -> None:
    assert name_in_sentence(name) == name


def test_name_in_sentence_squeezes_spaces_and_keeps_empty() -> None:
    assert name_in_sentence("  University   of  Leeds ") == "the University of Leeds"
    assert name_in_sentence("   ") == ""


# --- numbers in words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "adjective"),
    [("15-20", "15-20-minute"), ("20", "20-minute"), ("10-15", "10-15-minute"), ("", "")],
)
def test_minutes_adjective_is_hyphenated(minutes: str, adjective: str) -> None:
    assert minutes_adjective(minutes) == adjective


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        (612.5, 610),
        (3512, 3500),
        (3480, 3500),
        (250, 250),
        (160, 160),
        (104, 105),
        (1212.5, 1200),
        (87, 85),
        (12.4, 12),
        (0.4, 1),
        (12_345, 12_300),
    ],
)
def test_round_distance_as_a_person_says_it(value: float, rounded: int) -> None:
    assert round_distance(value) == rounded


def test_distance_words() -> None:
    assert distance_words(612.5, "km") == "about 610 km"
    assert distance_words(3512, "miles") == "about 3,500 miles"
    assert distance_words(None, "km") == ""


@given(st.floats(min_value=0.5, max_value=50_000, allow_nan=False))
def test_rounded_distance_is_never_fractional_and_near(value: float) -> None:
    words = distance_words(value, "km")
    assert "." not in words
    # A person rounds: within 2.5 under 100, and never more than 3% off from 100 on.
    assert abs(round_distance(value) - value) <= (2.5 if value < 100 else value * 0.03)


# --- the hook's verb --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "verb"),
    [
        ("your post on weeding", "read"),
        ("your article in Library Journal", "read"),
        ("your blog about zine collections", "read"),
        ("your talk at the state library conference", "heard"),
        ("the podcast episode on rural libraries", "heard"),
        ("your keynote at MozFest", "heard"),
        ("your comment on the cataloguing thread", "saw"),
        ("your comment on a blog post", "saw"),  # the first telling word decides
        ("your reply to Ana's question", "saw"),
        ("the video of your workshop", "watched"),
        ("your work on open access", "came across"),
        ("the digitisation project", "came across"),
    ],
)
def test_hook_verb_fits_the_kind_of_item(item: str, verb: str) -> None:
    assert hook_verb(item)[0] == verb


def test_hook_verb_has_an_ing_form() -> None:
    assert hook_verb("your post")[1] == "reading"
    assert hook_verb("your talk")[1] == "hearing"
    assert hook_verb("your comment")[1] == "seeing"
    assert hook_verb("your work")[1] == "coming across"


# --- what was learned -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "that new staff shadow each desk for a month.",
            "that new staff shadow each desk for a month",
        ),
        ("how the weeding rota works", "how the weeding rota works"),
        (
            "the mentoring scheme for new archivists",
            "about the mentoring scheme for new archivists",
        ),
        ("about the union's role", "about the union's role"),
        ("  ", ""),
    ],
)
def test_learned_phrase_follows_learning(text: str, phrase: str) -> None:
    assert learned_phrase(text) == phrase


# --- subjects ---------------------------------------------------------------------------------


def test_cap_words_keeps_short_text() -> None:
    assert cap_words("A few questions", 60) == "A few questions"


@pytest.mark.parametrize(
    "text",
    [
        "Questions from a fellow member of the Consolidated Regional Library Cooperative",
        "A few questions about your work at the Port of Rotterdam Authority and its archive",
        "A few questions (a connection we share: Maximiliane Featherstonehaugh-Oyelaran)",
    ],
)
def test_cap_words_cuts_at_a_word_and_marks_the_cut(text: str) -> None:
    capped = cap_words(text, 60)
    assert len(capped) <= 60
    assert capped.endswith("…")
    stem = capped.removesuffix("…")
    assert text.startswith(stem)
    assert text[len(stem)] in " (", "cut in the middle of a word"
    assert not stem.endswith((" of", " the", " at", ":", "(", ","))
    assert stem.count("(") == stem.count(")")


@given(st.text(alphabet="ab c-:(", max_size=200), st.integers(min_value=10, max_value=120))
def test_cap_words_never_exceeds_the_cap(text: str, cap: int) -> None:
    capped = cap_words(text, cap)
    assert len(capped) <= cap
    if len(" ".join(text.split())) <= cap:
        assert capped == " ".join(text.split())


# --- tightening the user's own text ------------------------------------------------------------

EDITED_NOTE = (
    "Dear Ms. Okafor,\n\nI am Jordan Lee, and I would love to hear how your team runs the "
    "summer reading programme I saw on your library's page. Could we talk for 15 minutes "
    "some time?\n\nThank you for your time.\n\nBest regards,\nJordan Lee"
)


def test_tighten_stops_as_soon_as_it_fits() -> None:
    assert tighten("Short and sweet.", 200).text == "Short and sweet."
    assert tighten("Short and sweet.", 200).changes == ()
    squeezed = tighten("Hello,\n\n\nthere   you are.", 24)
    assert squeezed.text == "Hello, there you are."
    assert squeezed.changes == ("blank lines and extra spaces squeezed",)


def test_tighten_drops_the_sign_off_then_contracts() -> None:
    result = tighten(EDITED_NOTE, 200)
    out = result.text
    assert "the sign-off dropped" in result.changes
    assert len(out) <= 200
    assert "Best regards" not in out
    assert out.startswith("Dear Ms. Okafor,")
    assert "summer reading programme I saw on your library's page" in out
    assert "Could we talk for 15 min some time?" in out


def test_tighten_never_cuts_the_users_own_words() -> None:
    long = "Dear Alex, " + "I really liked the way your archive describes its zines. " * 6
    out = tighten(long, 200).text
    assert len(out) > 200
    assert out.count("zines") == 6
