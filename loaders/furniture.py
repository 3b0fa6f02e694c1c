"""Page-furniture detection: which ranges of an article are not article text.

Scraped news carries page furniture around the article. It is *marked*, never removed
(the text stays exact), as :class:`~loaders.types.Span` ranges that no entity may be
taken from. The rules, all line based and tolerant of spelling variants
(اقرأ/إقرأ/أقرأ, أيضا/أيضاً, optional colon, trailing spaces):

Headed blocks (the header is at the start of a line, after an optional bullet):

* ``related`` -- "مقالات مشابهة", "مقالات ذات صلة", "قد تقرأ أيضا", "قد يهمك", "اقرأ المزيد",
  "الأكثر قراءة" ...: the header and the headline-like lines after it, up to the first
  prose paragraph or the next header.
* ``keywords`` -- "كلمات دلالية", "الكلمات المفتاحية", "وسوم", "Tags" ...: the header line
  (the keywords usually follow on it) and any following tag-list lines; the block ends
  where real content resumes.
* ``read_also`` -- "اقرأ أيضا", "طالع أيضا", "شاهد أيضا": decided by what follows. When
  a prose paragraph comes within the next three lines, an embedded *article* follows:
  it is content, only the header itself is furniture (and a new article segment starts
  there, see :attr:`Layout.article_starts`). Otherwise a list of headlines follows and
  the header with the list is furniture. A headline written on the header line itself
  ("اقرأ أيضا: عنوان") is a link and is furniture.
* ``advertisement`` -- a line that is only "Advertisements", "إعلان", "محتوى ممول" ...

Other rules:

* ``related`` -- a run of bullet lines (•, -, *, –, ...) after the body, i.e. with no
  prose paragraph after it; and a trailing block of at least three short headline-like
  lines after the last prose paragraph (and after the "المصدر:" line).
* ``breadcrumb`` -- a short line of path segments ("الارشيف / اخبار العالم",
  "الرئيسية » أخبار"), near the top or starting with a site-root word.
* ``timestamp`` -- "آخر تحديث: ...", "تاريخ النشر: ...", "نشر في ..." with the date and
  time that follow (only those: the text after the time is content).
* ``share`` -- a short line made only of share words and network names.

A *prose* line has at least 25 words, or at least 10 words and ends with a full stop;
a *headline-like* line is any other non-blank line of at most 25 words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._text import (
    DIGIT,
    HSPACE,
    MONTH,
    WEEKDAY,
    Line,
    alternation,
    fold,
    is_place,
    lines_inside,
    split_lines,
)
from .types import Span

PROSE_MIN_WORDS = 25
HEADLINE_MAX_WORDS = 25
READ_ALSO_LOOKAHEAD = 3
"""How many headline-like lines may precede the prose of an embedded article."""

_RELATED = [
    "مقالات مشابهة",
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
    "موضوعات ذات صلة",
    "مواد ذات صلة",
    "ذات صلة",
    "أخبار متعلقة",
    "مقالات متعلقة",
    "أخبار مشابهة",
    "قد تقرأ أيضا",
    "قد تقرأ",
    "قد يهمك أيضا",
    "قد يهمك",
    "قد يعجبك أيضا",
    "قد يعجبك",
    "ربما يهمك",
    "اقرأ المزيد",
    "المزيد من الأخبار",
    "المزيد",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "الأكثر تداولا",
    "اخترنا لك",
    "ننصحك بقراءة",
    "أخبار أخرى",
    "Related",
    "Related posts",
    "Related articles",
    "Related news",
    "Read more",
    "More stories",
    "You may also like",
    "You might also like",
]
_READ_ALSO = [
    "اقرأ أيضا",
    "اقرأ كذلك",
    "اقرأ ايضا",
    "طالع أيضا",
    "طالع كذلك",
    "شاهد أيضا",
    "اقرأ",
    "طالع",
    "Read also",
    "See also",
    "Also read",
]
_KEYWORDS = [
    "كلمات دلالية",
    "الكلمات الدلالية",
    "كلمات مفتاحية",
    "الكلمات المفتاحية",
    "الكلمات الدالة",
    "كلمات البحث",
    "وسوم",
    "الوسوم",
    "هاشتاغ",
    "هاشتاج",
    "Tags",
    "Keywords",
]
_ADS = ["Advertisements", "Advertisement", "إعلانات", "إعلان", "محتوى ممول", "محتوى مدعوم", "مساحة إعلانية"]
_ADS += ["Sponsored", "Ad", "Ads"]

_BULLET = r"[•·●▪■◦‣○►▸◀◄»*\-–—]"
_LEAD = f"^{HSPACE}*(?:{_BULLET}{HSPACE}*)?"
_SEP = f"{HSPACE}*[:：\\-–—]+{HSPACE}*"


def _header_re(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(
        f"{_LEAD}(?P<h>{alternation(phrases)})(?![\\w])(?P<sep>{_SEP}|{HSPACE}*$)?(?P<rest>.*)$",
        re.IGNORECASE,
    )


_HEADERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("keywords", _header_re(_KEYWORDS)),
    ("related", _header_re(_RELATED)),
    ("read_also", _header_re(_READ_ALSO)),
)
_AD_RE = re.compile(f"^[\\W_]*{alternation(_ADS)}[\\W_]*$", re.IGNORECASE)
_BULLET_RE = re.compile(f"^{HSPACE}*(?:[•·●▪■◦‣○►▸◀◄]|[»*\\-–—]{HSPACE})")
_SENTENCE_END_RE = re.compile(r"[.…][\"”»'’)\]]*\s*$")

_TIME_TOKEN = (
    f"(?:{DIGIT}{{1,4}}(?:[:/.\\-]{DIGIT}{{1,4}})*|{MONTH}|{WEEKDAY}|"
    r"(?:ص|م|صباحا|صباحاً|مساء|مساءً|الساعة|AM|PM|am|pm|GMT|UTC)(?![\w]))"
)
_TIMESTAMP_RE = re.compile(
    "(?<![^\\W\\d_])"
    + alternation(
        [
            "آخر تحديث",
            "تاريخ التحديث",
            "آخر تعديل",
            "تم التحديث",
            "تاريخ النشر",
            "نشر في",
            "نشر بتاريخ",
            "تم النشر في",
            "تم النشر",
            "تاريخ الإضافة",
            "Last updated",
            "Updated",
            "Published",
            "Published on",
        ]
    )
    + f"{HSPACE}*(?:[:：\\-–]{HSPACE}*)?"
    + f"(?:{_TIME_TOKEN}(?:{HSPACE}*[,،\\-–|]?{HSPACE}*{_TIME_TOKEN})*)",
    re.IGNORECASE,
)

_CRUMB_SPLIT_RE = re.compile(f"{HSPACE}+(?:[»›>|/\\\\]|&gt;){HSPACE}+")
_CRUMB_ROOTS = frozenset(fold(w) for w in ["الرئيسية", "الرئيسيه", "الأرشيف", "الصفحة الرئيسية", "Home"])
_CRUMB_SECTIONS = frozenset(
    fold(w)
    for w in [
        "أخبار",
        "الأخبار",
        "العالم",
        "عربي",
        "عربي ودولي",
        "دولي",
        "محليات",
        "محلي",
        "سياسة",
        "اقتصاد",
        "رياضة",
        "منوعات",
        "تقارير",
        "ثقافة",
        "News",
    ]
)
_AGENCY_WORDS = frozenset(fold(w) for w in ["متابعة", "خاص", "وكالات", "ترجمة", "كتب", "بقلم", "تقرير"])

_SHARE_STRONG = frozenset(
    fold(w)
    for w in [
        "شارك",
        "شاركها",
        "شاركوا",
        "مشاركة",
        "المشاركة",
        "فيسبوك",
        "فيس",
        "تويتر",
        "إكس",
        "واتساب",
        "واتس",
        "تلغرام",
        "تيليجرام",
        "تليجرام",
        "لينكدإن",
        "لينكدان",
        "انستغرام",
        "انستجرام",
        "يوتيوب",
        "ماسنجر",
        "طباعة",
        "اطبع",
        "انسخ",
        "تابعونا",
        "تابعنا",
        "أرسل",
        "ارسل",
        "share",
        "facebook",
        "twitter",
        "whatsapp",
        "telegram",
        "linkedin",
        "email",
        "print",
        "messenger",
        "pinterest",
        "reddit",
    ]
)
_SHARE_WEAK = frozenset(
    fold(w)
    for w in [
        "على",
        "عبر",
        "في",
        "المقال",
        "الخبر",
        "الموضوع",
        "هذا",
        "هذه",
        "بوك",
        "اب",
        "آب",
        "x",
        "البريد",
        "بريد",
        "الإلكتروني",
        "الالكتروني",
        "نسخ",
        "الرابط",
        "رابط",
        "مختصر",
        "المختصر",
        "لصديق",
        "صديق",
        "صفحتنا",
        "حساباتنا",
        "this",
        "on",
        "via",
        "link",
        "copy",
        "like",
        "loading",
    ]
)


@dataclass(frozen=True, slots=True)
class Layout:
    """What :func:`detect` found: the furniture and where the article(s) lie."""

    furniture: tuple[Span, ...]
    article_starts: tuple[int, ...]
    """Offset of the main article (0) and of each embedded article after a "read also" header."""
    main_end: int
    """Where the main article ends: the first headed furniture block or embedded article."""


def is_prose(line: Line) -> bool:
    """A paragraph of running text, not a headline."""
    words = line.words
    if words >= PROSE_MIN_WORDS:
        return True
    return words >= 10 and _SENTENCE_END_RE.search(line.text) is not None


def is_headline(line: Line) -> bool:
    """A non-blank line short enough to be a headline or a list item."""
    return not line.blank and not is_prose(line) and line.words <= HEADLINE_MAX_WORDS


def is_bullet(line: Line) -> bool:
    return _BULLET_RE.match(line.text) is not None


@dataclass(frozen=True, slots=True)
class _Header:
    kind: str
    start: int
    """Offset of the header word (after any bullet)."""
    end: int
    """Offset after the header and its separator."""
    rest: str
    """What follows the header on its line."""


def _match_header(line: Line) -> _Header | None:
    if _AD_RE.match(line.text):
        return _Header("advertisement", line.content_start, line.content_end, "")
    for kind, regex in _HEADERS:
        m = regex.match(line.text)
        if m is None or (m.group("sep") is None and kind != "keywords"):
            continue
        rest = m.group("rest").strip()
        if m.group("sep") is None and len(m.group("h").split()) == 1:
            continue  # "وسوم ..." without a colon may be a sentence
        return _Header(
            kind, line.start + m.start("h"), line.start + m.end("sep" if m.group("sep") else "h"), rest
        )
    return None


def _is_source_line(line: Line) -> bool:
    return fold(line.text).startswith(("المصدر", "مصدر الخبر", "source:"))


def _is_tag_line(line: Line) -> bool:
    text = line.text.strip()
    if not text or is_prose(line):
        return False
    return line.words <= 3 or text.startswith("#") or len(re.findall(r"[،,|#]", text)) >= 2


def _is_breadcrumb(line: Line, near_top: bool) -> bool:
    """Path segments separated by a spaced » › > / \\ or | (| only after a site-root word)."""
    text = line.text.strip()
    if not text or line.words > 12 or "«" in text:
        return False
    parts = _CRUMB_SPLIT_RE.split(text)
    if len(parts) < 2 or any(len(p.split()) > 4 or not re.search(r"[^\W\d_]", p) for p in parts):
        return False
    folded = [fold(p) for p in parts]
    if folded[0] in _CRUMB_ROOTS:
        return True
    if "|" in text or any(p in _AGENCY_WORDS for p in folded) or is_place(parts[0]):
        return False
    if near_top and any(p in _CRUMB_SECTIONS for p in folded):
        return True
    return len(parts) >= 3 or near_top


def _is_share(line: Line) -> bool:
    tokens = [t for t in (fold(w).strip(":：|-–—/.,،()") for w in line.text.split()) if t]
    if not tokens or len(tokens) > 10:
        return False
    vocab = _SHARE_STRONG | _SHARE_WEAK
    return all(t in vocab for t in tokens) and any(t in _SHARE_STRONG for t in tokens)


class _Builder:
    def __init__(self, text: str, lines: list[Line]) -> None:
        self.text = text
        self.lines = lines
        self.starts = [line.start for line in lines]
        self.spans: list[Span] = []
        self.covered: set[int] = set()
        """Indices of the lines wholly inside a span."""

    def add(self, start: int, end: int, kind: str) -> None:
        if end > start:
            self.spans.append(Span(start, end, kind, self.text[start:end]))
            self.covered.update(lines_inside(self.lines, self.starts, start, end))

    def covers_line(self, line: Line) -> bool:
        return line.index in self.covered

    def result(self) -> tuple[Span, ...]:
        ordered = sorted(self.spans, key=lambda s: (s.start, -s.end))
        kept: list[Span] = []
        for span in ordered:
            if kept and kept[-1].start <= span.start and span.end <= kept[-1].end:
                continue
            kept.append(span)
        return tuple(kept)


def _consume_list(lines: list[Line], i: int) -> int:
    """Index of the last line of the headline list starting at ``i`` (``i - 1`` if none).

    Blank and headline-like lines are taken, up to a prose line or a header. In a
    bulleted list only bullet lines are taken; in a plain list the last headline is
    given back when prose follows it directly (it is the title of that prose).
    """
    last = i - 1
    bulleted = False
    j = i
    while j < len(lines):
        line = lines[j]
        if line.blank:
            j += 1
            continue
        if _match_header(line) is not None or not is_headline(line) or _is_source_line(line):
            break
        if is_bullet(line):
            bulleted = True
        elif bulleted:
            break
        last = j
        j += 1
    if not bulleted and last >= i and j < len(lines) and is_prose(lines[j]):
        previous = [k for k in range(i, last) if not lines[k].blank]
        last = previous[-1] if previous else i - 1
    return last


def _next_nonblank(lines: list[Line], i: int) -> int:
    while i < len(lines) and lines[i].blank:
        i += 1
    return i


def _embedded_article_follows(lines: list[Line], i: int) -> bool:
    """True if prose comes within :data:`READ_ALSO_LOOKAHEAD` headline lines from line ``i``."""
    short = 0
    j = _next_nonblank(lines, i)
    while j < len(lines):
        line = lines[j]
        if is_prose(line):
            return True
        if short >= READ_ALSO_LOOKAHEAD or _match_header(line) is not None or is_bullet(line):
            return False
        short += 1
        j = _next_nonblank(lines, j + 1)
    return False


def detect(text: str) -> Layout:
    """Find the furniture of ``text`` and the article segments; see the module docstring."""
    lines = split_lines(text)
    out = _Builder(text, lines)
    article_starts = [0]
    main_end = len(text)

    i = 0
    while i < len(lines):
        line = lines[i]
        header = None if line.blank else _match_header(line)
        if header is None:
            i += 1
            continue
        last = i
        if header.kind == "advertisement":
            out.add(header.start, header.end, "advertisement")
        elif header.kind == "keywords":
            j = _next_nonblank(lines, i + 1)
            while j < len(lines) and _match_header(lines[j]) is None and _is_tag_line(lines[j]):
                last = j
                j = _next_nonblank(lines, j + 1)
            out.add(header.start, lines[last].content_end, "keywords")
            main_end = min(main_end, header.start)
        elif header.kind == "read_also" and not header.rest and _embedded_article_follows(lines, i + 1):
            out.add(header.start, header.end, "read_also")
            nxt = _next_nonblank(lines, i + 1)
            article_starts.append(lines[nxt].content_start)
            main_end = min(main_end, header.start)
        else:
            last = max(i, _consume_list(lines, i + 1))
            out.add(header.start, lines[last].content_end, header.kind)
            if header.kind == "related":
                main_end = min(main_end, header.start)
        i = last + 1

    _mark_tail_lists(lines, out)
    nonblank = [line for line in lines if not line.blank]
    top = {line.index for line in nonblank[:3]}
    for line in nonblank:
        if out.covers_line(line):
            continue
        if _is_breadcrumb(line, line.index in top):
            out.add(line.content_start, line.content_end, "breadcrumb")
        elif _is_share(line):
            out.add(line.content_start, line.content_end, "share")
    for m in _TIMESTAMP_RE.finditer(text):
        if re.search(DIGIT, m.group()):
            out.add(m.start(), m.start() + len(m.group().rstrip(" \t\u00a0,،-–|")), "timestamp")
    return Layout(out.result(), tuple(sorted(set(article_starts))), main_end)


def _mark_tail_lists(lines: list[Line], out: _Builder) -> None:
    """Bullet runs after the body, and a trailing block of three or more headlines."""
    live = [line for line in lines if not line.blank and not out.covers_line(line)]
    prose_after = [False] * (len(live) + 1)
    for k in range(len(live) - 1, -1, -1):
        prose_after[k] = prose_after[k + 1] or is_prose(live[k])
    run: list[Line] = []
    for k in range(len(live) + 1):
        if k < len(live) and is_bullet(live[k]) and is_headline(live[k]):
            run.append(live[k])
            continue
        if run and not prose_after[k]:
            out.add(run[0].content_start, run[-1].content_end, "related")
        run = []

    last_body = max(
        (k for k, line in enumerate(live) if is_prose(line) or _is_source_line(line)), default=None
    )
    if last_body is None or not any(is_prose(line) for line in live):
        return
    tail = [line for line in live[last_body + 1 :] if not out.covers_line(line)]
    if len(tail) >= 3 and all(is_headline(line) for line in tail):
        out.add(tail[0].content_start, tail[-1].content_end, "related")
