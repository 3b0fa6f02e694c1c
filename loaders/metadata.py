"""Metadata carried by the article text: source, byline, dateline and date.

Every value found is also returned as a :class:`~loaders.types.Span` of the text (kind
``source``, ``byline``, ``dateline`` or ``date``) so that the recogniser can turn a byline
into a PERSON mention and a dateline into a LOCATION mention. These spans are content,
not furniture.

Where we look. Each article segment (the main article, and each embedded article after
a "read also" header, see :class:`loaders.furniture.Layout`) has a *head*: its first four
non-blank lines that are not wholly furniture. The opener rules are tried at the start of
each head line and right after a date or update stamp on it:

* ``كتب: فلان`` / ``بقلم فلان`` / ``إعداد: فلان`` (optionally ``- المدينة``) -> byline (+ dateline);
* ``المدينة (وكالة) -`` -> dateline + source;
* ``متابعة/المدى``, ``خاص/ الجريدة`` -> source; ``المستقلة/-`` -> source;
  ``بغداد/ شبكة أخبار العراق-`` -> dateline + source;
* ``فلان الفلاني - المدينة - أفاد ...`` -> byline + dateline (when the first part is a
  known city and the second is not, it reads dateline + source instead; two known cities
  are two datelines);
* a line ``رام الله - دنيا الوطن`` -> dateline + source when one side is a known city;
* ``القاهرة - أفادت ...`` -> dateline, for a known city.

``المصدر: ...`` lines anywhere in a segment give the source.

Dates (``أغسطس 6, 2024``, ``6 أغسطس 2024``, ``2024-08-06``, ``06/08/2024``, month names of
every Arabic calendar spelling, Arabic-Indic digits) are read from short head lines, from the
opening words of head paragraphs, from lines that hold nothing but a date, and from
update stamps (a date further inside the prose is an event date, not a publication
date). ``published_at`` is the main article's first date labelled as a publication
date, else its first head date, else its update stamp. Document-level values come from the main article only.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from ._text import (
    DIGIT,
    HSPACE,
    MONTH,
    MONTH_NUMBERS,
    WEEKDAY,
    alternation,
    fold,
    is_place,
    lines_inside,
    name_pattern,
    split_lines,
)
from .furniture import Layout, is_prose
from .types import Span

HEAD_LINES = 4
OPENER_WORDS = 4
"""A date inside a head paragraph counts only when at most this many words precede it."""

_DASH = f"{HSPACE}*[-–—]{HSPACE}*"
_EOL = "(?=[\\r\\n]|$)"
_N4 = name_pattern(4)
_N3 = name_pattern(3)

_BYLINE_RE = re.compile(
    f"(?:{alternation(['كتب', 'كتبت', 'بقلم', 'إعداد', 'تحرير'])}|By)"
    f"(?:{HSPACE}*[:：/\\-–]{HSPACE}*|{HSPACE}+(?=(?:{_N4}){HSPACE}*(?:[-–—]|{_EOL})))"
    f"(?P<name>{_N4})"
    f"(?:{_DASH}(?P<place>{_N3})(?={HSPACE}*(?:[-–—:،,]|{_EOL})))?"
    f"(?={HSPACE}*(?:[-–—،,.:]|{_EOL}))",
)
# an agency in letters: أ ف ب, أ ش أ, و م ع
_LETTERS = f"[\u0621-\u064a](?:{HSPACE}+[\u0621-\u064a]){{1,3}}"
# the agency in parentheses: (أ ف ب), (رويترز)
_PAREN_SOURCE = "\\((?P<src>[^()\\r\\n]{2,40})\\)"
_PAREN_RE = re.compile(f"(?P<place>{_N3})?{HSPACE}*{_PAREN_SOURCE}{HSPACE}*[-–—:]")
# برلين - (أ ف ب), on a line of its own or before a dash or a colon: the place, then the agency
_PLACE_PAREN_RE = re.compile(f"(?P<place>{_N3}){_DASH}{_PAREN_SOURCE}{HSPACE}*(?:[-–—:]|{_EOL})")
_LETTERS_RE = re.compile(_LETTERS)
_SLASH_RE = re.compile(
    f"(?P<a>{_N4}){HSPACE}*/{HSPACE}*(?:(?P<b>{_N4}){HSPACE}*(?:[-–—:]|{_EOL})|(?P<dash>[-–—]))"
)
_THREE_RE = re.compile(f"(?P<a>{_N4}){_DASH}(?P<b>{_N3}){_DASH}(?=\\S)")
# (a site's name may carry its domain: العربية.نت, الجزيرة.نت)
_TWO_LINE_RE = re.compile(f"(?P<a>{_N4}){_DASH}(?P<b>{_N4}(?:\\.(?:نت|كوم|net|com))?){HSPACE}*{_EOL}")
_PLACE_RE = re.compile(f"(?P<a>{_N3}){_DASH}(?=\\S)")
# الرباط - هسبريس: صادق ... (the place, then the agency or the site in one word or in letters,
# أ ف ب, and a colon; not بغداد - قال الوزير: ...)
_PLACE_SOURCE_RE = re.compile(
    f"(?P<a>{_N3}){_DASH}(?P<b>[^\\s:،,.()\\-–—]{{2,20}}(?:\\.(?:نت|كوم|net|com))?|{_LETTERS}){HSPACE}*:"
)
_SOURCE_LINE_RE = re.compile(
    f"{HSPACE}*(?:{alternation(['المصدر', 'مصدر الخبر', 'المصادر'])}|Source){HSPACE}*[:：]{HSPACE}*"
    f"(?P<src>[^\\r\\n]{{2,80}}?)[{HSPACE[1:-1]}.]*{_EOL}",
    re.IGNORECASE,
)
_AGENCY_VERBS = frozenset(fold(w) for w in ["متابعة", "خاص", "ترجمة", "وكالات", "تقرير", "حوار", "تغطية"])
_AUTHOR_VERBS = frozenset(fold(w) for w in ["كتب", "كتبت", "بقلم", "إعداد", "تحرير"])

_NB = "(?<![0-9\u0660-\u0669\u06f0-\u06f9])"
_NA = "(?![0-9\u0660-\u0669\u06f0-\u06f9])"
_YEAR = f"(?:19|20|١٩|٢٠|۱۹|۲۰){DIGIT}{{2}}"
_COMMA = f"{HSPACE}*[,،]?{HSPACE}*"
_ALT_MONTH = f"(?:{HSPACE}*[/(]{HSPACE}*{MONTH}{HSPACE}*\\)?)?"
_DATE_RE = re.compile(
    f"(?P<mname1>{MONTH}){HSPACE}*(?P<d1>{DIGIT}{{1,2}}){_NA}{_COMMA}(?P<y1>{_YEAR}){_NA}"
    f"|{_NB}(?P<d2>{DIGIT}{{1,2}}){HSPACE}*(?:من{HSPACE}+)?(?P<mname2>{MONTH}){_ALT_MONTH}{_COMMA}"
    f"(?P<y2>{_YEAR}){_NA}"
    f"|{_NB}(?P<y3>{_YEAR})[-/.](?P<m3>{DIGIT}{{1,2}})[-/.](?P<d3>{DIGIT}{{1,2}}){_NA}"
    f"|{_NB}(?P<d4>{DIGIT}{{1,2}})[-/.](?P<m4>{DIGIT}{{1,2}})[-/.](?P<y4>{_YEAR}){_NA}",
    re.IGNORECASE,
)
_HIJRI_RE = re.compile(f"{HSPACE}*(?:هـ|هجري|ه(?![\u0621-\u064a]))")
_DATE_ONLY_LINE_RE = re.compile(
    f"^(?:{HSPACE}|[,،\\-–|:/.]|{DIGIT}|{WEEKDAY}|{MONTH}|يوم|الساعة|ص|م|صباحا|مساء)*$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What :func:`extract` found. Document-level values come from the main article."""

    spans: tuple[Span, ...]
    source: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published_at: str | None = None


def parse_date(text: str) -> str | None:
    """The ISO date (``YYYY-MM-DD``) of the first date written in ``text``, or None."""
    for m in _DATE_RE.finditer(text):
        iso = _date_of(m)
        if iso is not None:
            return iso
    return None


def _date_of(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        if g["mname1"] or g["mname2"]:
            month = MONTH_NUMBERS[fold(g["mname1"] or g["mname2"])]
            day, year = int(g["d1"] or g["d2"]), int(g["y1"] or g["y2"])
        elif g["y3"]:
            year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
        else:
            year, first, second = int(g["y4"]), int(g["d4"]), int(g["m4"])
            # Arabic sites write day/month; month/day only when the day cannot be the month.
            day, month = (second, first) if second > 12 >= first else (first, second)
        return date(year, month, day).isoformat()
    except (KeyError, ValueError):
        return None


class _Collector:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[tuple[int, int, str], Span] = {}
        self.first: dict[str, str] = {}

    def add(self, start: int, end: int, kind: str, *, main: bool) -> None:
        value = self.text[start:end]
        if not value.strip():
            return
        self.spans.setdefault((start, end, kind), Span(start, end, kind, value))
        if main:
            self.first.setdefault(kind, value.strip())


def _add_parenthesised_source(m: re.Match[str], out: _Collector, main: bool) -> None:
    """The agency in the parentheses of an opener (``src``), without trailing spaces."""
    out.add(m.start("src"), m.start("src") + len(m.group("src").rstrip()), "source", main=main)


def _try_opener(text: str, pos: int, out: _Collector, main: bool) -> None:
    """Apply the opener rules at ``pos``; the first that matches wins."""
    m = _BYLINE_RE.match(text, pos)
    if m:
        out.add(*m.span("name"), "byline", main=main)
        if m.group("place"):
            out.add(*m.span("place"), "dateline", main=main)
        return
    m = _PAREN_RE.match(text, pos)
    if m:
        if m.group("place"):
            out.add(*m.span("place"), "dateline", main=main)
        _add_parenthesised_source(m, out, main)
        return
    m = _PLACE_PAREN_RE.match(text, pos)
    if m and (is_place(m.group("place")) or _LETTERS_RE.fullmatch(m.group("src").strip())):
        out.add(*m.span("place"), "dateline", main=main)
        _add_parenthesised_source(m, out, main)
        return
    m = _SLASH_RE.match(text, pos)
    if m:
        a, b = m.group("a"), m.group("b")
        if b is None:
            out.add(*m.span("a"), "source", main=main)
        elif fold(a) in _AUTHOR_VERBS:
            out.add(*m.span("b"), "byline", main=main)
        elif fold(a) in _AGENCY_VERBS:
            out.add(*m.span("b"), "source", main=main)
        else:
            out.add(*m.span("a"), "dateline", main=main)
            out.add(*m.span("b"), "source", main=main)
        return
    m = _THREE_RE.match(text, pos)
    if m:
        if is_place(m.group("a")) and is_place(m.group("b")):  # غزة - رام الله - وكالات
            out.add(*m.span("a"), "dateline", main=main)
            out.add(*m.span("b"), "dateline", main=main)
        elif is_place(m.group("a")):
            out.add(*m.span("a"), "dateline", main=main)
            out.add(*m.span("b"), "source", main=main)
        else:
            out.add(*m.span("a"), "byline", main=main)
            out.add(*m.span("b"), "dateline", main=main)
        return
    m = _TWO_LINE_RE.match(text, pos)
    if m and (is_place(m.group("a")) or is_place(m.group("b"))):
        if is_place(m.group("a")):
            out.add(*m.span("a"), "dateline", main=main)
            out.add(*m.span("b"), "source", main=main)
        else:
            out.add(*m.span("a"), "byline", main=main)
            out.add(*m.span("b"), "dateline", main=main)
        return
    m = _PLACE_SOURCE_RE.match(text, pos)
    if m and is_place(m.group("a")) and not is_place(m.group("b")):
        out.add(*m.span("a"), "dateline", main=main)
        out.add(*m.span("b"), "source", main=main)
        return
    m = _PLACE_RE.match(text, pos)
    if m and is_place(m.group("a")):
        out.add(*m.span("a"), "dateline", main=main)


def _add_dates(
    text: str,
    start: int,
    end: int,
    out: _Collector,
    found: list[tuple[int, int, str]],
    rank: int,
    *,
    max_words_before: int | None = None,
) -> list[int]:
    """Record the dates in ``text[start:end]``; return their end offsets."""
    ends: list[int] = []
    if max_words_before is not None:
        end = min(end, start + 40 * (max_words_before + 1))
    for m in _DATE_RE.finditer(text, start, end):
        if max_words_before is not None and len(text[start : m.start()].split()) > max_words_before:
            break
        iso = _date_of(m)
        if iso is None or _HIJRI_RE.match(text, m.end()):
            continue
        out.add(m.start(), m.end(), "date", main=False)
        found.append((rank, m.start(), iso))
        ends.append(m.end())
    return ends


def extract(text: str, layout: Layout) -> Metadata:
    """Find source, byline, dateline and date in ``text``; see the module docstring."""
    lines = split_lines(text)
    line_starts = [line.start for line in lines]
    out = _Collector(text)
    main_dates: list[tuple[int, int, str]] = []
    other_dates: list[tuple[int, int, str]] = []

    in_furniture: set[int] = set()
    stamps_by_line: dict[int, list[Span]] = {}
    for span in layout.furniture:
        in_furniture.update(lines_inside(lines, line_starts, span.start, span.end))
        if span.kind == "timestamp":
            stamps_by_line.setdefault(bisect_right(line_starts, span.start) - 1, []).append(span)

    starts = list(layout.article_starts)
    for n, seg_start in enumerate(starts):
        seg_end = starts[n + 1] if n + 1 < len(starts) else len(text)
        main = n == 0
        if main:
            seg_end = min(seg_end, layout.main_end)
        first, last = bisect_right(line_starts, seg_start) - 1, bisect_left(line_starts, seg_end)
        seg_lines = [ln for ln in lines[max(first, 0) : last] if not ln.blank and ln.end > seg_start]
        dates = main_dates if main else other_dates
        head = [ln for ln in seg_lines if ln.index not in in_furniture][:HEAD_LINES]
        head_indices = {ln.index for ln in head}
        for line in seg_lines:
            stamps = stamps_by_line.get(line.index, [])
            for stamp in stamps:
                update = any(w in fold(stamp.text) for w in ("تحديث", "تعديل", "updated"))
                _add_dates(text, stamp.start, stamp.end, out, dates, 2 if update else 0)
            if line.index in head_indices:
                # In a paragraph, only a date in its opening words ("القاهرة - 6 أغسطس 2024 - ...").
                limit = OPENER_WORDS if is_prose(line) else None
                positions = [max(line.content_start, seg_start), *(s.end for s in stamps)]
                positions += _add_dates(text, line.start, line.end, out, dates, 1, max_words_before=limit)
                for pos in sorted(set(positions)):
                    while pos < line.end and text[pos] in " \t\u00a0":
                        pos += 1
                    _try_opener(text, pos, out, main)
            elif len(line.text) <= 80 and _DATE_ONLY_LINE_RE.match(line.text):
                _add_dates(text, line.start, line.end, out, dates, 1)
            m = _SOURCE_LINE_RE.match(text, line.start)
            if m and line.index not in in_furniture:
                out.add(*m.span("src"), "source", main=main)
                if main:
                    out.first.setdefault("source_line", m.group("src").strip())

    source = out.first.get("source_line") or out.first.get("source")
    published = min(main_dates)[2] if main_dates else None
    spans = tuple(sorted(out.spans.values(), key=lambda s: (s.start, s.end, s.kind)))
    return Metadata(spans, source, out.first.get("byline"), out.first.get("dateline"), published)
