"""Turning one text into a :class:`~loaders.types.LoadedDocument`.

:func:`prepare` is the single entry point every reader (and the API) goes through:

1. validate: the text must be a ``str``, not empty or whitespace-only, free of NUL
   characters (a sign of a binary file) and unpaired surrogates, and at most :data:`MAX_DOCUMENT_CHARS` long;
2. detect page furniture (:mod:`loaders.furniture`);
3. extract metadata carried by the text (:mod:`loaders.metadata`);
4. merge: an argument given explicitly (not None, not blank) wins over a detected value.

The text itself is never changed.
"""

from __future__ import annotations

from datetime import datetime

from . import furniture, metadata
from .errors import DocumentTooLargeError, EmptyDocumentError, EncodingError, LoaderError
from .types import LoadedDocument

MAX_DOCUMENT_CHARS = 2_000_000
"""Longest accepted document text (a long news article is under 100,000 characters)."""


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
