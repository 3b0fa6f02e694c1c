"""Loaders: Arabic news articles in, :class:`LoadedDocument` values out.

Inputs are ``.txt`` (one article), ``.jsonl`` (one ``{"text": ...}`` object per line),
``.json`` and ``.html`` files, folders of those, and binary streams. The original text is
kept exactly; page furniture (related-article lists, keyword lines, "read also" lists,
ads, breadcrumbs, update stamps, share buttons) is marked as character ranges that no
entity may come from, and source / byline / dateline / date found in the text are
returned with their spans.

Public API::

    prepare(text, *, source=None, title=None, published_at=None, url=None, origin=None)
    load_path(path)                      # file by suffix, or a folder (recursive, sorted)
    load_stream(stream, *, name="stdin", format="auto")
    load_jsonl_bytes(data, *, origin)
    load_html(html, *, origin=None, url=None)
    decode_utf8(data, *, origin)
"""

from __future__ import annotations

from .document import MAX_DOCUMENT_CHARS, prepare
from .errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    EncodingError,
    LoaderError,
    MalformedJsonError,
    NotArabicError,
    UnsupportedFormatError,
)
from .formats import decode_utf8, load_html, load_jsonl_bytes, load_path, load_stream
from .furniture import Layout, detect
from .metadata import Metadata, extract, parse_date
from .types import FURNITURE_KINDS, METADATA_KINDS, LoadedDocument, Span

detect_furniture = detect
extract_metadata = extract

__all__ = [
    "FURNITURE_KINDS",
    "MAX_DOCUMENT_CHARS",
    "METADATA_KINDS",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncodingError",
    "Layout",
    "LoadedDocument",
    "LoaderError",
    "MalformedJsonError",
    "Metadata",
    "NotArabicError",
    "Span",
    "UnsupportedFormatError",
    "decode_utf8",
    "detect_furniture",
    "extract_metadata",
    "load_html",
    "load_jsonl_bytes",
    "load_path",
    "load_stream",
    "parse_date",
    "prepare",
]
