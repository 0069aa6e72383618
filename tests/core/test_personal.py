"""Personal, non-professional details: what is found, and what stays innocent.

Each example is a text a user might type as research or into a message, with the kinds of
personal detail the product must see in it (or none).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_tui.core.model.personal import (
    TOPICS,
    first_personal_phrase,
    is_personal,
    personal_topics,
)

PERSONAL: list[tuple[str, list[str]]] = [
    # family and children
    ("photos of her kids at the lake", ["children", "photos"]),
    ("She has two young daughters", ["children"]),
    ("a colleague with a toddler", ["children"]),
    ("her two young kids", ["children"]),
    ("Alex's kids started school this week", ["children"]),
    ("She is a mother of two", ["children"]),
    ("posted about her newborn", ["children"]),
    ("back from maternity leave in March", ["children"]),
    ("your son's football team", ["children"]),
    ("I saw your daughter graduated", ["children"]),
    ("their grandchildren visited", ["children"]),
    ("her family at the beach", ["family", "holidays"]),
    ("spending time with family in Goa", ["family"]),
    ("his parents moved in with him", ["family"]),
    ("It was your birthday last week", ["family"]),
    ("she keeps her private life private", ["family"]),
    # partner and wedding
    ("Her husband works at NASA", ["partner"]),
    ("married to a chef", ["partner"]),
    ("her partner is a nurse", ["partner"]),
    ("recently divorced", ["partner"]),
    ("her wedding photos", ["wedding", "photos"]),
    ("they got married in June", ["wedding"]),
    ("pictures from the honeymoon", ["wedding"]),
    # home, address, property
    ("their house, seen on a property site", ["home"]),
    ("I found her home address", ["home"]),
    ("her new house in Cranston", ["home"]),
    ("the listing on Zillow for their flat", ["home"]),
    ("I drove past your house", ["home"]),
    ("she lives on Elm Street, where they live", ["home"]),
    ("their garden looks lovely", ["home"]),
    ("saw it on Google Street View", ["home"]),
    # private social networks and their photos
    ("photos of their dog on Instagram", ["social media", "photos", "pets"]),
    ("I follow you on Facebook", ["social media"]),
    ("her TikTok videos", ["social media"]),
    ("found her on Tinder", ["social media"]),
    ("a selfie from the conference", ["photos"]),
    ("your profile picture", ["photos"]),
    ("pictures of you at the party", ["photos"]),
    # health
    ("I read about her cancer diagnosis", ["health"]),
    ("posts about her mental health", ["health"]),
    ("she was diagnosed with diabetes", ["health"]),
    ("on sick leave since May", ["health"]),
    ("his surgery last spring", ["health"]),
    ("she is pregnant", ["health"]),
    # religion, politics
    ("she goes to church every Sunday", ["religion"]),
    ("her faith means a lot to her", ["religion"]),
    ("posts from Ramadan", ["religion"]),
    ("he is very religious", ["religion"]),
    ("voted for the Greens", ["politics"]),
    ("her political views on immigration", ["politics"]),
    ("a lifelong Republican", ["politics"]),
    ("his politics are clear from his posts", ["politics"]),
    # holidays and leisure
    ("her holiday in Spain", ["holidays"]),
    ("on vacation in Maine", ["holidays"]),
    ("vacation photos from Crete", ["photos", "holidays"]),
    ("your hobbies look fun", ["holidays"]),
    ("his marathon times", ["holidays"]),
    # appearance
    ("you look great in that photo", ["appearance"]),
    ("she is gorgeous", ["appearance"]),
    ("I like your new haircut", ["appearance"]),
    ("your tattoos", ["appearance"]),
]

INNOCENT: list[str] = [
    "your post on weeding",
    "Family Literacy Network",
    "a family literacy programme at the branch",
    "Children's Librarian",
    "her work as a children's librarian",
    "your talk on children's services",
    "The Library's children's section",
    "Mental Health Alliance",
    "mental health services for students",
    "the Public Health Library Group",
    "health sciences librarianship",
    "your article on health literacy",
    "her family history research guides",
    "the family history centre",
    "your home page",
    "the library's Instagram account, which she manages",
    "the museum's Facebook page",
    "a post about the politics of library funding",
    "her research on parenting collections",
    "her home institution",
    "working from home",
    "an in-house digitisation team",
    "their partner libraries",
    "how your clinic manages patient referrals",
    "the father of library science",
    "she looks after the archives",
    "the job as you see it through your eyes",
    "her treatment of metadata",
    "converted to digital formats",
    "I enjoyed your keynote address to the conference",
    "your e-mail address on the staff page",
    "the photo archive at the historical society",
    "religious studies subject guides",
    "political science liaison",
    "holiday opening hours",
    "a therapy dog programme for reluctant readers",
    "story time for children and carers",
    "a talk at the NELA conference",
    "Rhode Island Library Association",
    "your comments on the DLF forum",
    "the new teen space",
    "we both know Priya Shah",
    "a 15-20 minute call",
    "what a typical week in reference services looks like",
    "their community garden project",
    "the father of modern cataloguing",
    "your work on disaster recovery plans",
    "",
    "   ",
]


@pytest.mark.parametrize(("text", "expected"), [c for c in PERSONAL if c[1]])
def test_personal_details_are_found_and_named(text: str, expected: list[str]) -> None:
    assert personal_topics(text) == expected
    assert is_personal(text)
    assert first_personal_phrase(text)


@pytest.mark.parametrize("text", INNOCENT)
def test_professional_texts_stay_innocent(text: str) -> None:
    assert personal_topics(text) == []
    assert not is_personal(text)
    assert first_personal_phrase(text) == ""


@pytest.mark.parametrize(
    ("text", "innocent"),
    [
        ("We are both in the Family Matters Book Club", ["Family Matters Book Club"]),
        ("Head of Home Library Services at Westerly", ["Head of Home Library Services"]),
        ("your work at Mercy Children's Hospital", ["Mercy Children's Hospital"]),
        ("I met Faith's colleague", []),
        ("the Wedding Planners Guild", ["wedding planners guild"]),
        ("the Instagram Archive Project", ["Instagram  Archive Project"]),
        ("your role at Church Street Library", ["Church Street Library"]),
    ],
)
def test_innocent_phrases_are_masked_exactly(text: str, innocent: list[str]) -> None:
    assert personal_topics(text, innocent) == []


def test_only_the_exact_innocent_phrase_is_masked() -> None:
    innocent = ["Family Literacy Network"]
    assert personal_topics("We are both in the Family Literacy Network", innocent) == []
    # The same words elsewhere are not masked: only the exact phrase is.
    assert personal_topics("I saw her family at the Family Literacy Network gala", innocent) == [
        "family"
    ]
    # A phrase that merely shares words is not the innocent phrase.
    assert personal_topics("a photo of her family", ["Family Literacy"]) == ["family", "photos"]


def test_innocent_matching_forgives_case_apostrophes_and_spacing() -> None:
    text = "Your work as a CHILDREN’S   librarian at the Wedding  Bells Library"
    assert personal_topics(text, ["children's librarian", "wedding bells library"]) == []
    assert personal_topics(text, ["children's librarian"]) == ["wedding"]


def test_innocent_phrases_do_not_mask_inside_words() -> None:
    # "son" as an innocent name must not blank out part of "personal life"
    assert personal_topics("her personal life", ["son"]) == ["family"]


def test_labels_come_in_topic_order_once_each() -> None:
    text = "Her husband, her kids, their house, her kids again and your husband"
    labels = personal_topics(text)
    assert labels == ["children", "partner", "home"]
    order = [t.label for t in TOPICS]
    assert labels == sorted(labels, key=order.index)


def test_first_personal_phrase_quotes_the_text_as_written() -> None:
    assert first_personal_phrase("I loved the photos of their dog on Instagram") == (
        "photos of their dog"
    )
    assert first_personal_phrase("Great talk. Her Husband was there.") == "Husband"


def test_every_topic_has_a_label_and_words() -> None:
    labels = [t.label for t in TOPICS]
    assert len(labels) == len(set(labels))
    for topic in TOPICS:
        assert topic.always or topic.owned
        assert all(p == p.lower() for p in (*topic.always, *topic.owned))


def test_a_long_innocent_text_stays_innocent() -> None:
    text = " ".join(INNOCENT) * 20
    assert personal_topics(text, ["Rhode Island Library Association"]) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(["her", "kids", "İ", "Alex's", "house", "'s", "photos of", "¤"]),
        ),
        max_size=20,
    ).map(" ".join),
    st.lists(st.text(max_size=10), max_size=3),
)
def test_any_text_is_read_without_error_and_quoted_from_itself(
    text: str, innocent: list[str]
) -> None:
    labels = personal_topics(text, innocent)
    phrase = first_personal_phrase(text, innocent)
    assert bool(labels) == bool(phrase) == is_personal(text, innocent)
    if phrase:
        assert phrase in " ".join(text.translate({0x2019: "'"}).split())


def test_a_capital_that_grows_when_lowered_keeps_the_words_in_line() -> None:
    assert first_personal_phrase("İİİ her kids İstanbul's library") == "her kids"
