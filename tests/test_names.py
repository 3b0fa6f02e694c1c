"""Reducing mentions to names: clitics cut with care, titles held apart."""

from __future__ import annotations

import pytest

from nlp.resolution.names import drop_trailing_nisba, partial_of, reduce_mention


def name(text: str, known: set[str] = frozenset(), titles: bool = True) -> tuple[str, str, str | None]:  # type: ignore[assignment]
    n = reduce_mention(text, 0, len(text), strip_titles=titles, known_keys=frozenset(known))
    assert n is not None
    return n.text, text[n.start : n.end], n.title


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("والعراق", "العراق"),
        ("بالعراق", "العراق"),
        ("وبالعراق", "العراق"),
        ("للبنتاغون", "البنتاغون"),
        ("وغالانت", "غالانت"),
        ("وجو بايدن", "جو بايدن"),
        # a head word that belongs to the name (لحزب الله, no رزب), even before the name is known
        ("لحزب الله", "حزب الله"),
        ("وكتائب حزب الله", "كتائب حزب الله"),
        ("بمنظمة الصحة العالمية", "منظمة الصحة العالمية"),
        ("بلجنة الانتخابات", "لجنة الانتخابات"),
    ],
)
def test_clitics_are_cut(written: str, expected: str) -> None:
    assert name(written)[0] == expected


@pytest.mark.parametrize(
    "word",
    ["لبنان", "بغداد", "وزارة الدفاع", "واشنطن", "بلينكن", "كتائب حزب الله", "وليد", "لجنة الانتخابات"],
)
def test_letters_that_belong_to_the_name_stay(word: str) -> None:
    assert name(word)[0] == word


def test_a_known_name_lets_a_preposition_go() -> None:
    assert name("لرويترز")[0] == "لرويترز"
    assert name("لرويترز", {"رويترز"})[0] == "رويترز"
    assert name("وأوستن", {"اوستن"})[0] == "أوستن"


def test_span_of_a_lam_lam_word_is_the_slice_after_the_prepositions() -> None:
    text, raw, _ = name("للبنتاغون")
    assert (text, raw) == ("البنتاغون", "بنتاغون")


def test_titles_are_held_apart() -> None:
    assert name("وزير الدفاع الأمريكي لويد أوستن") == ("لويد أوستن", "لويد أوستن", "وزير الدفاع الأمريكي")
    assert name("الرئيس جو بايدن")[2] == "الرئيس"
    assert name("اللواء باترك رايدر")[0] == "باترك رايدر"


def test_titles_are_not_cut_from_organisations() -> None:
    assert name("الرئاسة الفلسطينية", titles=False)[0] == "الرئاسة الفلسطينية"


def test_partial_names() -> None:
    assert partial_of(("اوستن",), ("لويد", "اوستن"))
    assert partial_of(("تقي",), ("مهدي", "تقي", "امرلي"))
    assert not partial_of(("بايدن",), ("بايدن",))
    assert not partial_of(("عبد",), ("عبد", "الله"))


def test_nisba_is_dropped_only_from_specific_names() -> None:
    assert drop_trailing_nisba("حزب الله اللبناني") == "حزب الله"
    assert drop_trailing_nisba("وزاره الدفاع الامريكيه") is None
    assert drop_trailing_nisba("وزاره الدفاع الروسيه") is None
    assert drop_trailing_nisba("حماس") is None
