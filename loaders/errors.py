"""Errors raised by the loaders.

Every error is a :class:`LoaderError` (a ``ValueError``) whose message names where the
problem is (file, line, byte offset) and how to fix it, so that a command-line user can
act on it without reading a traceback.
"""

from __future__ import annotations


class LoaderError(ValueError):
    """Base class: the input could not be turned into documents."""


class EmptyDocumentError(LoaderError):
    """The text is empty or only whitespace."""


class EncodingError(LoaderError):
    """The bytes are not valid UTF-8, or the text holds NUL characters (a binary file)."""


class MalformedJsonError(LoaderError):
    """A JSON / JSONL record is not valid JSON, not an object, or lacks a string ``text``."""


class UnsupportedFormatError(LoaderError):
    """The file suffix or requested format is not one the loaders read."""


class DocumentTooLargeError(LoaderError):
    """A document or input is larger than the configured limit."""


class NotArabicError(LoaderError):
    """The text is not Arabic: too few of its letters are Arabic, or it reads as Persian/Urdu."""
