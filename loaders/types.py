"""Value types produced by the loaders.

A :class:`LoadedDocument` carries the article text *exactly* as it was read (no
stripping, no normalisation: every offset used downstream refers to it), the
metadata that came with it or was found in it, and two lists of :class:`Span`:

``furniture``
    page furniture (related-article lists, keyword lines, "read also" link lists,
    advertisements, breadcrumbs, update stamps, share buttons). No entity may be
    taken from these ranges; :meth:`LoadedDocument.is_furniture` answers the question
    for a candidate mention.
``metadata_spans``
    byline / dateline / source / date ranges found in the text. They are content
    (the recogniser turns bylines into PERSON and datelines into LOCATION mentions);
    they are listed so that later stages know where they are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

FURNITURE_KINDS = frozenset(
    {"related", "keywords", "read_also", "advertisement", "breadcrumb", "timestamp", "share"}
)
"""The kinds a furniture span may have."""

METADATA_KINDS = frozenset({"byline", "dateline", "source", "date"})
"""The kinds a metadata span may have."""


@dataclass(frozen=True, slots=True)
class Span:
    """A range ``[start, end)`` of :attr:`LoadedDocument.text`; ``text`` is that slice."""

    start: int
    end: int
    kind: str
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text has {len(self.text)} characters for [{self.start}, {self.end})")

    def overlaps(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` shares a character with this span (an empty range: lies inside it)."""
        if end <= start:
            return self.start <= start < self.end
        return self.start < end and start < self.end


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """One article, ready for the NLP pipeline. ``text`` is the original text, exact."""

    text: str
    source: str | None = None
    title: str | None = None
    published_at: str | None = None
    """ISO 8601 date or datetime string."""
    url: str | None = None
    origin: str | None = None
    """Where it came from: ``"path/file.jsonl:12"``, ``"stdin"``, ``"api"``."""
    furniture: tuple[Span, ...] = ()
    """Ranges no entity may be taken from, sorted by start."""
    metadata_spans: tuple[Span, ...] = ()
    """Byline / dateline / source / date ranges found in the text, sorted by start."""
    byline: str | None = None
    dateline: str | None = None

    def __post_init__(self) -> None:
        for span in (*self.furniture, *self.metadata_spans):
            if span.end > len(self.text) or self.text[span.start : span.end] != span.text:
                raise ValueError(f"{span.kind} span [{span.start}, {span.end}) does not match the text")

    def is_furniture(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` overlaps any furniture span."""
        return any(span.overlaps(start, end) for span in self.furniture)

    def content_hash(self) -> str:
        """SHA-256 hex digest of ``text`` in UTF-8: the basis of the document id."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
