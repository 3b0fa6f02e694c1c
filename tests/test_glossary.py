"""English names read word by word into Arabic stems (search's translation reading)."""

from __future__ import annotations

import pytest

from nlp.resolution.glossary import gloss, key_stems, without_base_words, word_stem
from nlp.text import key_form


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (["الصحة", "صحة", "للصحة"], "صح"),
        (["العالمية", "عالمي", "العالمي"], "عالم"),
        (["قوات", "قوة", "قوى", "والقوات"], "قو"),
        (["المصري", "مصر", "المصرية"], "مصر"),
        (["الحوثيين", "الحوثيون", "حوثي"], "حوث"),
    ],
)
def test_forms_of_one_word_share_a_stem(forms: list[str], stem: str) -> None:
    assert {word_stem(key_form(f)) for f in forms} == {stem}


def test_a_translation_finds_each_word_of_the_arabic_name_in_any_order() -> None:
    read = gloss("Central Bank of Egypt")
    assert read is not None
    assert read.unknown == ()
    alias = key_stems(key_form("البنك المركزي المصري"))
    assert all(stems & set(alias) for stems in read.stems)
    other = key_stems(key_form("البنك الأهلي المصري"))
    assert not all(stems & set(other) for stems in read.stems)


def test_names_acronyms_and_arabic_queries() -> None:
    assert gloss("Hezbollah") is None  # a name: matched by sound, not translated
    assert gloss("حزب الله") is None
    read = gloss("Bank Audi")
    assert read is not None
    assert read.unknown == ("audi",)
    who = gloss("WHO")
    assert who is not None
    assert len(who.stems) == 3
    assert gloss("who") is None  # lower case: an English word, no acronym


def test_base_words_leave_a_base_query() -> None:
    assert without_base_words("Incirlik Air Base") == "Incirlik"
    assert without_base_words("Camp Lemonnier") == "Lemonnier"
    assert without_base_words("Israeli Air Force") == "Israeli Air Force"  # no base word
