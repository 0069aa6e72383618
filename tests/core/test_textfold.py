"""Text folded for matching: one rule (core/platform/textfold.py) in four shapes, each pinned."""

from __future__ import annotations

import pytest

from outreach_tui.core.platform.textfold import fold, fold_keep_case, fold_spaced, fold_words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Alex Morgan", "alex morgan"),
        ("Bibliothèque Ørsted", "bibliotheque orsted"),
        ("Nguyễn Đặng", "nguyen dang"),
        ("Łódź Æsir Œuvre Þór", "lodz aesir oeuvre thor"),
        ("Straße", "strasse"),
        ("Сбербанк Йошкар-Ола", "сбербанк иошкар-ола"),
        ("Ἀθῆναι", "αθηναι"),
        ("NTTデータ", "nttデータ"),  # the dakuten makes デ a letter of its own: kept
        ("मुंबई", "मुंबई"),  # vowel signs are part of the letters
        ("  Dr.  Zoë,  PhD ", "  dr.  zoe,  phd "),  # spaces and punctuation as they were
        ("ﬁle ①", "file 1"),  # compatibility forms become plain letters and digits
    ],
)
def test_fold_lowers_and_drops_only_the_accents_spelling_drops(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_keeps_a_letter_and_its_mark_one_character() -> None:
    assert len(fold("デ")) == 1
    assert fold("デ") != fold("テ")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Zoë Ørsted", "Zoe Orsted"),
        ("ÆSIR Łódź", "AESIR Lodz"),
        ("İstanbul ılık", "Istanbul ilik"),
        ("Priya Shah", "Priya Shah"),
    ],
)
def test_fold_keep_case_is_fold_with_capitals_kept(text: str, folded: str) -> None:
    assert fold_keep_case(text) == folded
    assert fold_keep_case(text).lower() == fold(text).lower()


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ZOË  Ünal", "zoe unal"),
        ("\tRiverside\n Archive  ", "riverside archive"),
        ("Dr. Zoë, PhD", "dr. zoe, phd"),  # punctuation is kept: "phd" and "phd," differ
        ("", ""),
    ],
)
def test_fold_spaced_squeezes_white_space_for_search(text: str, folded: str) -> None:
    assert fold_spaced(text) == folded


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hi, Zoë!", " hi zoe "),
        ("Dr. Priya Shah, MLIS (she/her)", " dr priya shah mlis she her "),
        ("snake_case and dashes-too", " snake case and dashes too "),
        ("", "  "),
    ],
)
def test_fold_words_pads_whole_words_for_phrase_search(text: str, folded: str) -> None:
    assert fold_words(text) == folded


def test_fold_words_finds_whole_words_only() -> None:
    text = fold_words("I will be brief; Jackson Library is where I started.")
    assert f" {fold('Jackson Library')} " in text
    assert " son " not in text
    assert " will jackson " not in text
