"""Arabic text normalisation: one place for every character-level rule.

Three levels, each built on the one before:

``clean``
    NFKC, then removes what is invisible or decorative: diacritics (harakat, shadda,
    sukun, superscript alef, Quranic marks), tatweel, zero-width and bidi controls.
``model_form``
    ``clean`` plus letter folding as in the training corpora: أ إ آ ٱ -> ا, ى -> ي,
    Persian ی -> ي and ک -> ك, ۀ -> ه. This is what the NER model sees.
``key_form``
    ``model_form`` plus ة -> ه and whitespace collapsed: used only for matching
    keys, never shown to a user.

No function here changes the original text: offsets always refer to the raw text and
these forms are computed per token or per mention.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic diacritics (U+064B-U+065F), superscript alef (U+0670), Quranic annotation marks.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08ff"
TATWEEL = "\u0640"
# Zero-width characters, bidi embeddings/overrides/isolates, BOM, Arabic letter mark.
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad"
_STRIP_RE = re.compile(f"[{_MARKS}{TATWEEL}{_INVISIBLE}]")

_LETTER_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian yeh
        "ې": "ي",
        "ک": "ك",  # Persian keheh
        "ۀ": "ه",
        "ە": "ه",
        "ٹ": "ت",
        "گ": "ك",  # Persian gaf (Gallant written گالانت)
        "ڤ": "ف",  # ve, used for Latin v
        "پ": "ب",  # pe, used for Latin p
        "چ": "ج",
    }
)
_KEY_FOLD = str.maketrans({"ة": "ه"})
_SPACE_RE = re.compile(r"\s+")

ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9]")


def is_invisible(ch: str) -> bool:
    """True for a character that ``clean`` removes (mark, tatweel, zero-width, bidi)."""
    return _STRIP_RE.fullmatch(ch) is not None


def clean(text: str) -> str:
    """NFKC, then drop diacritics, tatweel, zero-width and bidi marks."""
    return _STRIP_RE.sub("", unicodedata.normalize("NFKC", text))


def model_form(text: str) -> str:
    """The form the NER model was trained on: ``clean`` plus letter folding."""
    return clean(text).translate(_LETTER_FOLD)


def key_form(text: str) -> str:
    """A matching key: ``model_form``, ة -> ه, whitespace collapsed to one space."""
    return _SPACE_RE.sub(" ", model_form(text).translate(_KEY_FOLD)).strip()


def has_arabic(text: str) -> bool:
    """True when the text holds at least one Arabic letter."""
    return ARABIC_LETTER_RE.search(text) is not None
