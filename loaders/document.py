"""Turning one text into a :class:`~loaders.types.LoadedDocument`.

:func:`prepare` is the single entry point every reader (and the API) goes through:

1. validate: the text must be a ``str``, not empty or whitespace-only, free of NUL
   characters (a sign of a binary file) and unpaired surrogates, at most :data:`MAX_DOCUMENT_CHARS` long,
   and Arabic (:func:`check_arabic`);
2. detect page furniture (:mod:`loaders.furniture`);
3. extract metadata carried by the text (:mod:`loaders.metadata`);
4. merge: an argument given explicitly (not None, not blank) wins over a detected value.

The text itself is never changed.
"""

from __future__ import annotations

import re
from datetime import datetime

from . import furniture, metadata
from .errors import DocumentTooLargeError, EmptyDocumentError, EncodingError, LoaderError, NotArabicError
from .types import LoadedDocument

MAX_DOCUMENT_CHARS = 2_000_000
"""Longest accepted document text (a long news article is under 100,000 characters)."""


MIN_ARABIC_SHARE = 0.3
"""Least share of a text's letters that must be Arabic script. An Arabic article with English
names, quotes or furniture stays far above it; an English article naming a few Arabic places
falls far below it."""

_PERSIAN_URDU_WORDS = frozenset(
    ["است", "این", "را", "برای", "می", "های", "یک", "شده", "ہے", "کے", "کی", "میں", "اور"]
)
"""Frequent Persian and Urdu function words that Arabic never writes (Persian ی/ک, Urdu ہ/ے)."""
_ARABIC_WORDS = frozenset(["في", "من", "على", "علي", "إلى", "الى", "أن", "ان", "التي", "الذي", "عن", "مع"])
"""Frequent Arabic function words."""
_TOKEN = re.compile(r"\w+")


def _is_arabic_script(ch: str) -> bool:
    return (
        "\u0600" <= ch <= "\u06ff"
        or "\u0750" <= ch <= "\u077f"
        or "\u08a0" <= ch <= "\u08ff"
        or "\ufb50" <= ch <= "\ufdff"
        or "\ufe70" <= ch <= "\ufeff"
    )


def check_arabic(text: str, where: str = "document") -> None:
    """Raise :class:`NotArabicError` unless ``text`` is Arabic.

    Arabic means: at least :data:`MIN_ARABIC_SHARE` of its letters are in Arabic script, and
    it does not read as Persian or Urdu (more of their function words than Arabic ones). A
    text with no letters at all (numbers, punctuation) is let through: it holds nothing to
    recognise, and nothing that is wrongly so."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return
    arabic = sum(1 for ch in letters if _is_arabic_script(ch))
    if arabic / len(letters) < MIN_ARABIC_SHARE:
        raise NotArabicError(
            f"{where}: only {arabic:,} of its {len(letters):,} letters are Arabic; this service reads "
            "Arabic news, so give the Arabic text of the article"
        )
    words = _TOKEN.findall(text)
    persian = sum(1 for w in words if w in _PERSIAN_URDU_WORDS)
    if persian >= 5 and persian > sum(1 for w in words if w in _ARABIC_WORDS):
        raise NotArabicError(
            f"{where}: the text reads as Persian or Urdu ({persian} of their function words such as "
            "است، این، ہے); this service reads Arabic news, so give the Arabic text of the article"
        )


def _where(origin: str | None) -> str:
    return origin or "document"


def normalize_published_at(value: str, *, origin: str | None = None) -> str:
    """``value`` as an ISO 8601 string: ISO input is kept as written, other dates are converted.

    Accepts ISO dates/datetimes (``2024-08-06``, ``2024-08-06T10:00:00Z``) and anything
    :func:`loaders.metadata.parse_date` reads (``6 أغسطس 2024``, ``06/08/2024`` ...).
    """
    stripped = value.strip()
    try:
        datetime.fromisoformat(stripped.replace("Z", "+00:00"))
        return stripped
    except ValueError:
        pass
    parsed = metadata.parse_date(stripped)
    if parsed is None:
        raise LoaderError(
            f"{_where(origin)}: published_at {value!r} is not a date; write it as ISO 8601, e.g. 2024-08-06"
        )
    return parsed


def _given(value: str | None) -> str | None:
    return value if value is not None and value.strip() else None


def prepare(
    text: str,
    *,
    source: str | None = None,
    title: str | None = None,
    published_at: str | None = None,
    url: str | None = None,
    origin: str | None = None,
) -> LoadedDocument:
    """Validate ``text`` and build its document with furniture and metadata detected."""
    where = _where(origin)
    if not isinstance(text, str):
        raise LoaderError(f"{where}: the text must be a string, not {type(text).__name__}")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise DocumentTooLargeError(
            f"{where}: the text has {len(text):,} characters, more than the limit of "
            f"{MAX_DOCUMENT_CHARS:,}; split it into one article per document"
        )
    nul = text.find("\x00")
    if nul != -1:
        raise EncodingError(
            f"{where}: NUL character at offset {nul}; this looks like a binary file, "
            "give UTF-8 text (one article per file)"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise EncodingError(
            f"{where}: unpaired surrogate at offset {exc.start}; the text is not valid Unicode, "
            "fix the producer's escaping"
        ) from None
    if not text.strip():
        raise EmptyDocumentError(f"{where}: the document is empty or only whitespace; give the article text")
    check_arabic(text, where)

    layout = furniture.detect(text)
    found = metadata.extract(text, layout)
    given_date = _given(published_at)
    return LoadedDocument(
        text=text,
        source=_given(source) or found.source,
        title=_given(title),
        published_at=normalize_published_at(given_date, origin=origin) if given_date else found.published_at,
        url=_given(url),
        origin=origin,
        furniture=layout.furniture,
        metadata_spans=found.spans,
        byline=found.byline,
        dateline=found.dateline,
    )
