"""Small text helpers shared by :mod:`loaders.furniture` and :mod:`loaders.metadata`.

Detection never rewrites the document: every pattern runs on the original text, so
every match offset is an offset into ``LoadedDocument.text``. To tolerate spelling
variants the patterns themselves are lenient (:func:`ar_pattern`): each alef form
matches every other (ا أ إ آ ٱ), ي matches ى, ه matches ة, and harakat / tanween /
tatweel may follow any letter (so أيضا, أيضاً and أيضًا all match "أيضا").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

MARKS = "\u0640\u064b-\u065f\u0670"
"""Tatweel, harakat (tanween included) and superscript alef."""

HSPACE = "[ \\t\\u00a0\\u202f\\u2009]"
"""Horizontal whitespace: never crosses a line break."""

DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
"""ASCII, Arabic-Indic and Extended Arabic-Indic (Persian) digits."""

AR_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc"
WORD = f"[{AR_LETTER}][{AR_LETTER}{MARKS}]*"
"""One Arabic word (letters, with any marks), no punctuation or digits."""


def name_pattern(max_words: int) -> str:
    """1 to ``max_words`` Arabic words on one line, separated by horizontal space."""
    return f"{WORD}(?:{HSPACE}+{WORD}){{0,{max_words - 1}}}"


_VARIANTS = {
    "ا": "[اأإآٱ]",
    "أ": "[اأإآٱ]",
    "إ": "[اأإآٱ]",
    "آ": "[اأإآٱ]",
    "ي": "[يىی]",
    "ى": "[يىی]",
    "ه": "[هة]",
    "ة": "[هة]",
    "ك": "[كک]",
}


def ar_pattern(phrase: str) -> str:
    """A regex source matching ``phrase`` with alef/yeh/teh-marbuta variants and optional marks."""
    parts: list[str] = []
    for ch in phrase:
        if ch == " ":
            parts.append(f"{HSPACE}+")
        elif "\u0600" <= ch <= "\u06ff":
            parts.append(_VARIANTS.get(ch, re.escape(ch)) + f"[{MARKS}]*")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """``(?:p1|p2|...)`` of :func:`ar_pattern` forms, longest phrase first."""
    return "(?:" + "|".join(ar_pattern(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


_MARK_RE = re.compile(f"[{MARKS}\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك"})
_SPACE_RE = re.compile(r"\s+")


def fold(text: str) -> str:
    """A comparison key (never stored): marks dropped, letters folded, spaces collapsed, lower case."""
    return _SPACE_RE.sub(" ", _MARK_RE.sub("", text).translate(_FOLD)).strip().lower()


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: ``text == doc[start:end]`` (the line break excluded)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def content_start(self) -> int:
        """Offset of the first non-space character (``end`` for a blank line)."""
        return self.start + (len(self.text) - len(self.text.lstrip()))

    @property
    def content_end(self) -> int:
        """Offset just after the last non-space character (``start`` for a blank line)."""
        return self.start + len(self.text.rstrip())


_BREAK_RE = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[Line]:
    """All lines of ``text`` with their offsets; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    lines: list[Line] = []
    pos = 0
    for m in _BREAK_RE.finditer(text):
        lines.append(Line(len(lines), pos, m.start(), text[pos : m.start()]))
        pos = m.end()
    lines.append(Line(len(lines), pos, len(text), text[pos:]))
    return lines


def lines_inside(lines: list[Line], starts: list[int], start: int, end: int) -> range:
    """Indices of the non-blank lines whose content lies wholly in ``[start, end)``.

    ``starts`` is ``[line.start for line in lines]``; blank lines in the range may be included.
    """
    first = bisect_left(starts, start)
    if first > 0 and lines[first - 1].content_start >= start and lines[first - 1].content_end <= end:
        first -= 1  # the line begins before ``start`` with spaces only
    last = bisect_right(starts, end) - 1
    while last >= first and lines[last].content_end > end:
        last -= 1
    return range(first, last + 1)


# Cities that commonly open a dateline ("القاهرة - ..."). Used only to tell a place from a
# person or an agency in "X - Y" openers; folded with :func:`fold` before comparison.
_DATELINE_PLACES = """
القاهرة الإسكندرية أسوان الأقصر بغداد البصرة الموصل أربيل كركوك النجف كربلاء الأنبار الفلوجة الرمادي
السليمانية دهوك الناصرية تكريت بعقوبة الحلة دمشق حلب حمص حماة اللاذقية طرطوس إدلب درعا دير_الزور الرقة
الحسكة القامشلي بيروت صيدا صور طرابلس النبطية بعلبك عمان الزرقاء إربد العقبة الرياض جدة مكة المدينة_المنورة
الدمام الدوحة أبوظبي أبو_ظبي دبي الشارقة الكويت المنامة مسقط صنعاء عدن تعز الحديدة مأرب الخرطوم أم_درمان
بنغازي مصراتة تونس صفاقس الجزائر وهران قسنطينة الرباط الدار_البيضاء مراكش فاس طنجة نواكشوط مقديشو جيبوتي
القدس القدس_المحتلة رام_الله غزة خان_يونس رفح الخليل نابلس جنين طولكرم بيت_لحم الناصرة حيفا يافا تل_أبيب
طهران أنقرة إسطنبول إسلام_آباد كابول واشنطن نيويورك موسكو لندن باريس برلين بروكسل جنيف فيينا روما مدريد
بكين طوكيو نيودلهي كييف أثينا ستوكهولم أوتاوا العواصم
"""
DATELINE_PLACES = frozenset(fold(p.replace("_", " ")) for p in _DATELINE_PLACES.split())


def is_place(name: str) -> bool:
    """True if ``name`` is a known dateline city."""
    return fold(name) in DATELINE_PLACES


# Month names, all calendars' Arabic spellings: Egyptian/Gulf (يناير...), Levantine/Iraqi
# (كانون الثاني...), Maghrebi (يناير... ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر) and Algerian/
# Tunisian (جانفي، فيفري، أفريل، جوان، جويلية، أوت), plus English names and abbreviations.
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "January", "Jan"),
    2: ("فبراير", "شباط", "فيفري", "February", "Feb"),
    3: ("مارس", "آذار", "March", "Mar"),
    4: ("أبريل", "إبريل", "نيسان", "أفريل", "April", "Apr"),
    5: ("مايو", "أيار", "ماي", "May"),
    6: ("يونيو", "يونيه", "حزيران", "جوان", "June", "Jun"),
    7: ("يوليو", "يوليه", "تموز", "يوليوز", "جويلية", "July", "Jul"),
    8: ("أغسطس", "آب", "غشت", "أوت", "August", "Aug"),
    9: ("سبتمبر", "أيلول", "شتنبر", "September", "Sep", "Sept"),
    10: ("أكتوبر", "تشرين الأول", "October", "Oct"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر", "November", "Nov"),
    12: ("ديسمبر", "كانون الأول", "دجنبر", "December", "Dec"),
}
MONTH_NUMBERS: dict[str, int] = {fold(name): num for num, names in _MONTHS.items() for name in names}
"""Folded month name -> month number."""

MONTH = alternation([name for names in _MONTHS.values() for name in names]) + f"(?![{AR_LETTER}a-zA-Z])"
"""Regex source matching any month name (not followed by another letter)."""

WEEKDAY = (
    alternation(["الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"])
    + f"(?![{AR_LETTER}])"
)
"""Regex source matching an Arabic weekday name."""
