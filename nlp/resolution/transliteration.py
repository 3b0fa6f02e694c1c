"""Arabic -> Latin romanisation and the name keys used to match Arabic and Latin names.

Three public helpers and one language pack:

``to_latin(text)``
    Readable, deterministic, ASCII-only romanisation of Arabic (stored as ``name_latin``).
``latin_key(text)``
    A search key for Latin spellings (Arabic input is romanised with ``to_latin`` first).
``skeleton(text)``
    A consonant-class key for Arabic *or* Latin names, equal across scripts for most
    transcriptions of the same name. Evidence for matching, never a merge by itself.
``ArabicLanguagePack``
    A pack for the ``transliterate`` package, registered as ``"ar"`` on import, so that
    ``transliterate.translit(text, "ar", reversed=True)`` gives the lowercase romanisation
    (``to_latin`` is that output, ASCII-folded, whitespace-collapsed and title-cased).

Romanisation scheme (``to_latin``)
==================================

A simplified news / ALA-LC-like scheme: ASCII only, no dots or macrons, no hamza or ayn
marks (both are dropped: best for search). Input first goes through ``nlp.text.clean``
(diacritics, tatweel, invisible marks dropped), so shadda is not doubled and short vowels
are never written.

==============  ===========  =====================================================
Arabic          Latin        Note
==============  ===========  =====================================================
ب ت ج د ر ز     b t j d r z
س ف ق ك ل م ن   s f q k l m n
ث ذ خ ش غ       th dh kh sh gh  digraphs, via ``pre_processor_mapping``
ح ه             h            ح and ه are not distinguished
ص ض ط ظ         s d t z      emphatics fold into the plain letter
ع               (dropped)    word-initial -> ``a``; between a consonant and a
                             following consonant/long vowel -> ``a`` (سعيد Said)
ء               (dropped)
أ آ ٱ           a            إ -> i (and إي -> i: إيران Iran)
ؤ               u            dropped before و
ئ               i            dropped before ي ا ة ى and word-finally
ا ى             a
ة               a            word-final; ``t`` elsewhere
و               u / w        ``u`` after a consonant when not followed by ا ى آ ة
ي               i / y        (long vowel), else ``w`` / ``y`` (word-initial, after a
                             vowel, before ا: وليد Wlid, بايدن Baydn, سوريا Surya)
ال              al-          word-initial article (word of 4+ letters), no sun-letter
                             assimilation: الشام al-Sham
الله            allah        also word-final: عبدالله Abdallah; عبدال... -> Abd al-...
پ چ ژ گ ڤ       p ch zh g v  Persian/Urdu letters; ک -> k, ی -> y/i (as ي)
٠-٩ ۰-۹ ، ؛ ؟   0-9 , ; ?
==============  ===========  =====================================================

Examples: لويد أوستن -> ``Luyd Awstn``, عين الأسد -> ``Ain al-Asd``,
حزب الله -> ``Hzb Allah``, إسماعيل هنية -> ``Ismail Hnya``. Clitics (و، ب، ل، لل) are not
split off. Letters outside the table are left to the final ASCII fold (dropped).

The pack follows the ``transliterate`` conventions: ``mapping`` is the 1:1 Latin<->Arabic
table (the reversed table keeps the *last* Latin letter given for an Arabic letter, so
upper case and the vowels e/i/o/u come first and ي/و reverse to y/w), multi-character
rules are in ``pre_processor_mapping`` (both directions) and
``reversed_specific_pre_processor_mapping`` (Arabic -> Latin only), many-to-one letters in
``reversed_specific_mapping``. Context (word position, neighbouring letters) cannot be
expressed with those tables, so ``translit(..., reversed=True)`` first runs
``_contextual_pass`` which writes the context-dependent letters (article, vowels, ayn,
hamza seats, ta marbuta) in Latin and leaves every other letter to the tables.
Forward transliteration (Latin -> Arabic) is a crude letter-for-letter inverse.

Latin search key (``latin_key``)
================================

NFKD + ASCII, lowercase; articles dropped (``al``/``el`` as words or hyphenated prefixes,
plus the assimilated hyphenated forms ``ad- ar- as- ash- at- az- an- ...``); ``abd-el/-ul``
and ``abu-l`` lose the article's ``l`` (Abdelaziz = Abd al-Aziz); per word a final ``h``
after a vowel is dropped (Haniyeh/Haniya, Allah); words joined; doubled letters collapsed;
the first letter is kept (a leading vowel is written ``a``: Omar/Umar, Osama/Usama) and
the vowels ``a e i o u y`` **and ``w``** are dropped from the rest; doubles collapsed again.
Lloyd Austin / Luyd Awstn -> ``ldstn``; Ain al-Asad / Ain al-Asd -> ``ansd``;
Hezbollah / Hzb Allah -> ``hzbl``.

Consonant skeleton (``skeleton``)
=================================

One class letter per consonant, vowels dropped, words concatenated **without** a separator
(so Hezbollah = حزب الله and Abdullah = عبد الله):

=====  ==========================  ============================================
class  Arabic                      Latin
=====  ==========================  ============================================
b      ب پ                         b p
t      ت ط ث                       t th
s      س ص                         s, c before e/i/y
z      ز ذ ظ ژ                     z dh zh
d      د ض                         d
h      ح ه ة خ                     h kh
f      ف ڤ                         f v ph
g      ج غ ق ك گ ڨ ڭ               g j k q gh dj ck, c elsewhere; x -> gs
x      ش چ                         sh ch sch
l m n r                            l m n r
-      ا أ إ آ ى و ي ء ؤ ئ ع       a e i o u w y, apostrophes
=====  ==========================  ============================================

Arabic: ``model_form`` first (چ -> ش and ژ -> ز before it), word-initial ال dropped (words
of 4+ letters; also عبدال -> عبد, ابوال -> ابو). Latin: articles as in ``latin_key``,
``abd[aeiou]l`` -> abd, ``ab[ou]l`` -> abu. Then on both sides, per word: doubled classes
collapsed, ``tx`` -> ``x`` (تشاد Chad, Tashkent), a final ``h`` dropped (ة/ه/ح/خ endings vs
-a/-ah/-eh: هنية Haniyeh, رفح Rafah), a final ``z`` written ``s`` (English plural -s is ز:
رويترز Reuters); then words joined and doubles collapsed again. Word-initial و/ي are
dropped too (Latin w/y are always dropped, so keeping them on one side would break
وليد = Walid). ث is in the t class because Latin ``th`` is written ت as often as ث
(Thomas توماس, Smith سميث). Known limits: Turkish/German/Portuguese spellings
(Recep, Hochstein, Guterres), construct -at (Hayat), exonyms, Latin plural -s on Arabic
words (Houthis), ``dh`` for ض (Ridha) and ``t``+``h`` split wrongly (Fathi).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from transliterate import get_available_language_codes
from transliterate.base import TranslitLanguagePack, registry

from nlp.text import ARABIC_LETTER_RE, clean, has_arabic, model_form

__all__ = [
    "LANGUAGE_CODE",
    "ArabicLanguagePack",
    "latin_key",
    "register",
    "skeleton",
    "to_latin",
]

LANGUAGE_CODE: Final = "ar"

# --------------------------------------------------------------------------------------
# The language pack
# --------------------------------------------------------------------------------------

# Latin -> Arabic, one letter each. Reversal keeps the last Latin letter per Arabic letter.
_LETTER_PAIRS: Final = (
    ("e", "ي"),
    ("i", "ي"),
    ("o", "و"),
    ("u", "و"),
    ("a", "ا"),
    ("b", "ب"),
    ("t", "ت"),
    ("j", "ج"),
    ("h", "ه"),
    ("d", "د"),
    ("r", "ر"),
    ("z", "ز"),
    ("s", "س"),
    ("f", "ف"),
    ("q", "ق"),
    ("k", "ك"),
    ("l", "ل"),
    ("m", "م"),
    ("n", "ن"),
    ("w", "و"),
    ("y", "ي"),
    ("p", "پ"),
    ("g", "گ"),
    ("v", "ڤ"),
)
_DIGRAPHS: Final = (
    ("th", "ث"),
    ("dh", "ذ"),
    ("kh", "خ"),
    ("sh", "ش"),
    ("gh", "غ"),
    ("ch", "چ"),
    ("zh", "ژ"),
)
# Arabic -> Latin only, one character each.
_REVERSED_SPECIFIC: Final = {
    "ح": "h",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ى": "a",
    "ة": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ٱ": "a",
    "ؤ": "u",
    "ئ": "i",
    "ک": "k",
    "ی": "y",
    "ې": "y",
    "ٹ": "t",
    "ڈ": "d",
    "ڑ": "r",
    "ں": "n",
    "ھ": "h",
    "ہ": "h",
    "ۀ": "h",
    "ە": "h",
    "ۃ": "a",
    "ڨ": "g",
    "ڭ": "g",
    "ۋ": "v",
    "ے": "e",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "۔": ".",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}
# Arabic -> Latin only, to zero characters (str.translate tables of the package need one).
_REVERSED_SPECIFIC_PRE: Final = {"ع": "", "ء": "", "\u0640": ""}


class ArabicLanguagePack(TranslitLanguagePack):  # type: ignore[misc]  # untyped base class
    """Arabic for ``transliterate``; see the module docstring for the scheme."""

    language_code = LANGUAGE_CODE
    language_name = "Arabic"
    character_ranges = (
        (0x0600, 0x06FF),  # Arabic
        (0x0750, 0x077F),  # Arabic Supplement
        (0x08A0, 0x08FF),  # Arabic Extended-A
        (0xFB50, 0xFDFF),  # Presentation Forms-A
        (0xFE70, 0xFEFF),  # Presentation Forms-B
    )
    mapping = (
        "".join(lat.upper() for lat, _ in _LETTER_PAIRS) + "".join(lat for lat, _ in _LETTER_PAIRS),
        "".join(ar for _, ar in _LETTER_PAIRS) * 2,
    )
    # Capitalised first so that the reversal (last wins) gives lowercase digraphs.
    pre_processor_mapping = {lat.capitalize(): ar for lat, ar in _DIGRAPHS} | dict(_DIGRAPHS)
    reversed_specific_mapping = (
        "".join(_REVERSED_SPECIFIC),
        "".join(_REVERSED_SPECIFIC.values()),
    )
    reversed_specific_pre_processor_mapping = _REVERSED_SPECIFIC_PRE
    detectable = True

    def translit(
        self, value: str, reversed: bool = False, strict: bool = False, fail_silently: bool = True
    ) -> str:
        """Latin -> Arabic (crude), or with ``reversed=True`` Arabic -> Latin (lowercase)."""
        if reversed:
            value = _contextual_pass(clean(value))
        return str(super().translit(value, reversed=reversed, strict=strict, fail_silently=fail_silently))


def register() -> bool:
    """Register the pack as ``"ar"``; True when this call registered it.

    The package only autodiscovers its own packs while its registry is empty, so that runs
    first (otherwise registering "ar" first would hide "ru", "el", ...). ``force=True``
    makes our pack win over any "ar" pack shipped by a later version of the package; a
    second call (or a module reload) returns False and keeps the first class registered.
    """
    get_available_language_codes()  # triggers the package's autodiscovery
    if registry.get(LANGUAGE_CODE) is ArabicLanguagePack:
        return False
    return bool(registry.register(ArabicLanguagePack, force=True))


register()

# --------------------------------------------------------------------------------------
# Contextual romanisation (article, vowels, ayn, hamza seats, ta marbuta)
# --------------------------------------------------------------------------------------

_WORD_RE: Final = re.compile(f"(?:{ARABIC_LETTER_RE.pattern})+")
_PASS_FOLD: Final = str.maketrans({"ی": "ي", "ې": "ي", "ک": "ك", "ٱ": "ا"})
_ALEFS: Final = frozenset("اأآ")
_LONG_A: Final = frozenset("اىآة")  # a following one of these makes و/ي consonantal
_START, _VOWEL, _CONS = 0, 1, 2


def _romanise_letters(word: str) -> str:
    """Word (no article) -> mixed string: contextual letters in Latin, the rest in Arabic."""
    out: list[str] = []
    prev = _START
    i, n = 0, len(word)
    while i < n:
        c = word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        if c in _ALEFS:
            out.append("a")
            prev = _VOWEL
        elif c == "إ":
            out.append("i")
            prev = _VOWEL
            if nxt == "ي":  # إي is one long i
                i += 1
        elif c == "ى":
            out.append("a")
            prev = _VOWEL
        elif c == "ة":
            out.append("a" if not nxt else "t")
            prev = _VOWEL if not nxt else _CONS
        elif c == "ء":
            prev = _CONS
        elif c == "ؤ":
            if nxt == "و":
                prev = _CONS
            else:
                out.append("u")
                prev = _VOWEL
        elif c == "ئ":
            if not nxt or nxt in "ياةى":
                prev = _CONS
            else:
                out.append("i")
                prev = _VOWEL
        elif c == "ع":
            # Written as the short a it usually carries; the ayn itself stays a consonant
            # for its neighbours (so سعيد -> said, عين -> ain).
            if (prev == _START and nxt not in _LONG_A) or (prev == _CONS and nxt and nxt not in _LONG_A):
                out.append("a")
            prev = _CONS
        elif c in "وي":
            if prev != _CONS or nxt in _LONG_A:
                out.append("w" if c == "و" else "y")
                prev = _CONS
            else:
                out.append("u" if c == "و" else "i")
                prev = _VOWEL
        else:
            out.append(c)
            prev = _CONS
        i += 1
    return "".join(out)


def _romanise_word(word: str) -> str:
    word = word.translate(_PASS_FOLD)
    if word == "الله":
        return "allah"
    if word.endswith("الله") and len(word) > 4:
        return _romanise_letters(word[:-4]) + "allah"
    if word.startswith("عبدال") and len(word) >= 7:
        return "abd al-" + _romanise_letters(word[5:])
    if word.startswith("ال") and len(word) >= 4:
        return "al-" + _romanise_letters(word[2:])
    return _romanise_letters(word)


def _contextual_pass(text: str) -> str:
    """Write the context-dependent letters of every Arabic word in Latin."""
    return _WORD_RE.sub(lambda m: _romanise_word(m.group()), text)


_PACK: Final = ArabicLanguagePack()
_SPACES_RE: Final = re.compile(r"\s+")
_TITLE_RE: Final = re.compile(r"^(al-)?([^A-Za-z0-9]*)([a-z])")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _title(token: str, first: bool) -> str:
    def up(m: re.Match[str]) -> str:
        art = m.group(1) or ""
        if art and first:
            art = "Al-"
        return art + m.group(2) + m.group(3).upper()

    return _TITLE_RE.sub(up, token, count=1)


@lru_cache(maxsize=1 << 16)
def to_latin(text: str) -> str:
    """Deterministic ASCII romanisation of ``text``, title-cased per word (``al-`` stays
    lowercase except in first position). Latin input passes through ASCII-folded."""
    raw = _ascii(_PACK.translit(text, reversed=True))
    tokens = _SPACES_RE.sub(" ", raw).strip().split(" ")
    return " ".join(_title(tok, i == 0) for i, tok in enumerate(tokens) if tok)


# --------------------------------------------------------------------------------------
# Latin words (shared by latin_key and skeleton)
# --------------------------------------------------------------------------------------

_STANDALONE_ARTICLES: Final = frozenset({"al", "el"})
_HYPHEN_ARTICLES: Final = frozenset(
    {"al", "el", "il", "ul"}
    | {v + c for v in "aeu" for c in ("d", "r", "s", "sh", "t", "th", "z", "dh", "n")}
)
_APOSTROPHES_RE: Final = re.compile("['`\u00b4\u2018\u2019\u02bb\u02bc\u02be\u02bf]")
_LATIN_EXTRA: Final = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"})
_NON_WORD_RE: Final = re.compile(r"[^a-z0-9\s-]+")
_ABD_RE: Final = re.compile(r"^abd[aeiou]l")
_ABU_RE: Final = re.compile(r"^ab([ou])l")


def latin_words(text: str) -> list[str]:
    """Lowercase ASCII words with articles removed (kept when nothing else is left)."""
    s = _APOSTROPHES_RE.sub("", text.lower().translate(_LATIN_EXTRA))
    s = _NON_WORD_RE.sub(" ", _ascii(s))
    words: list[tuple[str, bool]] = []
    for chunk in s.split():
        parts = [p for p in chunk.split("-") if p]
        for j, part in enumerate(parts):
            article = (j < len(parts) - 1 and part in _HYPHEN_ARTICLES) or (
                len(parts) == 1 and part in _STANDALONE_ARTICLES
            )
            words.append((part, article))
    kept = [w for w, art in words if not art]
    if not kept:
        kept = [w for w, _ in words]
    return [_ABU_RE.sub(r"ab\1", _ABD_RE.sub("abd", w)) for w in kept]


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


_KEY_VOWELS_RE: Final = re.compile("[aeiouyw]")
_FINAL_VOWEL_H_RE: Final = re.compile("(?<=[aeiouy])h$")


def latin_key(text: str) -> str:
    """Search key for a Latin spelling (Arabic is romanised with ``to_latin`` first)."""
    if has_arabic(text):
        text = to_latin(text)
    joined = _collapse("".join(_FINAL_VOWEL_H_RE.sub("", w) for w in latin_words(text)))
    if not joined:
        return ""
    head = "a" if joined[0] in "aeiou" else joined[0]
    return _collapse(head + _KEY_VOWELS_RE.sub("", joined[1:]))


# --------------------------------------------------------------------------------------
# Consonant skeleton
# --------------------------------------------------------------------------------------

_SK_PREFOLD: Final = str.maketrans({"چ": "ش", "ژ": "ز", "ڨ": "ق", "ڭ": "ك", "ۋ": "و"})
_AR_CLASSES: Final = {
    **dict.fromkeys("بپ", "b"),
    **dict.fromkeys("تطث", "t"),
    **dict.fromkeys("سص", "s"),
    **dict.fromkeys("زذظژ", "z"),
    **dict.fromkeys("دض", "d"),
    **dict.fromkeys("حهةخ", "h"),
    **dict.fromkeys("فڤ", "f"),
    **dict.fromkeys("جغقكگ", "g"),
    "ش": "x",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ر": "r",
}
# Latin digraphs -> class letter (upper case marks "already a class" until the end).
_LATIN_DIGRAPHS: Final = (
    ("sch", "X"),
    ("sh", "X"),
    ("ch", "X"),
    ("kh", "H"),
    ("gh", "G"),
    ("th", "T"),
    ("dh", "Z"),
    ("zh", "Z"),
    ("ph", "F"),
    ("dj", "G"),
)
_LATIN_CLASSES: Final = {
    **{c: c for c in "bdfhlmnrstz"},
    **dict.fromkeys("gjkqc", "g"),
    "p": "b",
    "v": "f",
    "x": "gs",
}
_SOFT_C_RE: Final = re.compile("c(?=[eiy])")


def _finish(classes: str) -> str:
    """Per-word rules shared by both scripts."""
    s = _collapse(classes).replace("tx", "x")
    if s.endswith("h"):
        s = s[:-1]
    if s.endswith("z"):
        s = s[:-1] + "s"
    return s


def _arabic_word_classes(word: str) -> str:
    if word.startswith(("عبدال", "ابوال")) and len(word) >= 6:
        word = word[:3] + word[5:]
    elif word.startswith("ال") and len(word) >= 4:
        word = word[2:]
    return "".join(_AR_CLASSES.get(c, "") for c in word)


def _latin_word_classes(word: str) -> str:
    for src, dst in _LATIN_DIGRAPHS:
        word = word.replace(src, dst)
    word = _SOFT_C_RE.sub("S", word)
    return "".join(c.lower() if c.isupper() else _LATIN_CLASSES.get(c, "") for c in word)


def skeleton(text: str) -> str:
    """Consonant-class key of an Arabic or Latin name (see the module docstring)."""
    parts: list[str] = []
    latin_run: list[str] = []  # consecutive Latin chunks share the article handling

    def flush() -> None:
        parts.extend(_finish(_latin_word_classes(w)) for w in latin_words(" ".join(latin_run)))
        latin_run.clear()

    for chunk in text.split():
        if has_arabic(chunk):
            flush()
            form = model_form(clean(chunk).translate(_SK_PREFOLD))
            parts.extend(_finish(_arabic_word_classes(w)) for w in _WORD_RE.findall(form))
        else:
            latin_run.append(chunk)
    flush()
    return _collapse("".join(parts))
