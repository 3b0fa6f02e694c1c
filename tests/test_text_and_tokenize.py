"""Normalisation and offset-preserving tokenisation, with property-based tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text import clean, key_form, model_form
from nlp.tokenize import sentences, tokenize

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةئؤ"
INVISIBLE = (
    "\u064e\u064f\u0650\u0651\u0652\u064b\u0640\u200b\u200c\u200d\u200e\u200f\u202b\u202c\u2067\u2069\ufeff"
)
arabic_words = st.text(alphabet=ARABIC_LETTERS, min_size=1, max_size=8)
texts = st.lists(
    st.tuples(arabic_words, st.sampled_from([" ", "  ", "\n", "، ", ". ", "\u00a0", " «", "» ", "\n\n"])),
    min_size=1,
    max_size=30,
).map(lambda parts: "".join(w + s for w, s in parts))


def test_model_form_folds_letters_and_strips_marks() -> None:
    assert model_form("أَحْمَدُ") == "احمد"
    assert model_form("إسرائيل") == "اسرائيل"
    assert model_form("مصطفى") == "مصطفي"
    assert model_form("ایران") == "ايران"  # Persian yeh
    assert model_form("کرمان") == "كرمان"  # Persian keheh
    assert model_form("بـــايدن") == "بايدن"
    assert model_form("غا\u200cلانت") == "غالانت"


def test_key_form_folds_teh_marbuta_and_spaces() -> None:
    assert key_form("حركة  حماس") == "حركه حماس"
    assert key_form("هنيّة") == key_form("هنيه")


@given(texts)
def test_normalisation_is_idempotent(text: str) -> None:
    for f in (clean, model_form, key_form):
        assert f(f(text)) == f(text)


@given(arabic_words, st.lists(st.tuples(st.integers(0, 8), st.sampled_from(INVISIBLE)), max_size=6))
def test_keys_ignore_diacritics_tatweel_and_invisible_marks(
    word: str, inserts: list[tuple[int, str]]
) -> None:
    noisy = word
    for pos, ch in inserts:
        noisy = noisy[: pos % (len(noisy) + 1)] + ch + noisy[pos % (len(noisy) + 1) :]
    assert key_form(noisy) == key_form(word)


@settings(max_examples=200)
@given(texts)
def test_every_token_is_an_exact_slice(text: str) -> None:
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text
        assert tok.form == model_form(tok.text)
        assert tok.form


@settings(max_examples=200)
@given(texts, st.lists(st.tuples(st.integers(0, 400), st.sampled_from(INVISIBLE + "  \n")), max_size=10))
def test_invisible_characters_never_shift_offsets(text: str, inserts: list[tuple[int, str]]) -> None:
    noisy = text
    for pos, ch in inserts:
        p = pos % (len(noisy) + 1)
        noisy = noisy[:p] + ch + noisy[p:]
    tokens = tokenize(noisy)
    for tok in tokens:
        assert noisy[tok.start : tok.end] == tok.text
    # The same words are found, in the same order, whatever was inserted.
    assert [t.form for t in tokens if t.form.strip()] == [
        t for t in (model_form(x.text) for x in tokenize(model_form(noisy))) if t.strip()
    ]


def test_sentences_split_on_stops_and_lines_not_numbers() -> None:
    text = "قال المتحدث إن 3.5 مليون شخص تأثروا. ثم غادر؟\nسطر جديد"
    sents = sentences(text)
    assert [" ".join(t.text for t in s) for s in sents] == [
        "قال المتحدث إن 3 . 5 مليون شخص تأثروا .",
        "ثم غادر ؟",
        "سطر جديد",
    ]


def test_long_sentences_are_cut() -> None:
    text = " ".join(["كلمة"] * 300)
    assert max(len(s) for s in sentences(text, max_tokens=50)) == 50


def test_latin_names_stay_whole() -> None:
    assert [t.text for t in tokenize("قال Lloyd Austin لقناة al-Arabiya")] == [
        "قال",
        "Lloyd",
        "Austin",
        "لقناة",
        "al-Arabiya",
    ]


@given(texts, st.integers(0, 300), st.integers(0, 300))
def test_tokens_within_a_span_are_those_wholly_inside_it(text: str, a: int, b: int) -> None:
    from nlp.tokenize import tokens_within

    start, end = min(a, b), max(a, b)
    tokens = tokenize(text)
    expected = [t for t in tokens if start <= t.start and t.end <= end]
    assert list(tokens_within(tokens, start, end)) == expected
