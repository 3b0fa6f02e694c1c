"""Readers for the input formats: ``.txt``, ``.jsonl``, ``.json``, ``.html``/``.htm``, streams.

* ``.txt`` -- one article per file, UTF-8. A leading BOM is dropped; nothing else is
  touched (CRLF, trailing spaces and blank lines are kept: offsets refer to this text).
* ``.jsonl`` (also ``.ndjson``) -- one JSON object per line with a string ``text`` and
  optional string ``source``, ``title``, ``published_at``, ``url``; blank lines are
  skipped; any other line is an error that names its line number. Origins are
  ``"file.jsonl:12"``.
* ``.json`` -- one such object, or an array of them (origins ``"file.json[3]"``).
* ``.html`` / ``.htm`` -- the article body is extracted with trafilatura (navigation,
  footers and most related-link boxes are dropped); the document text is the extracted
  text, and the page's title, date, URL, site name and author are kept.
* a folder -- every supported file below it, recursively, in sorted path order; hidden
  files and folders and files of other types are skipped.
* a stream (``akg ingest -``) -- JSONL when every non-blank line is a JSON object, HTML
  when it starts like an HTML page, otherwise one ``.txt`` article.

Every document goes through :func:`loaders.document.prepare`.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import trafilatura

from .document import prepare
from .errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    EncodingError,
    LoaderError,
    MalformedJsonError,
    NotArabicError,
    UnsupportedFormatError,
)
from .types import LoadedDocument

MAX_INPUT_BYTES = 256 * 1024 * 1024
"""Largest file or stream read (a JSONL file may hold many articles)."""
MAX_HTML_BYTES = 10 * 1024 * 1024
"""Largest HTML page accepted."""

SUFFIX_FORMATS = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}
STREAM_FORMATS = ("auto", "txt", "jsonl", "json", "html")
_OPTIONAL_FIELDS = ("source", "title", "published_at", "url")
_BOM = b"\xef\xbb\xbf"
_HTML_START_RE = re.compile(rb"\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)


def decode_utf8(data: bytes, *, origin: str) -> str:
    """Strict UTF-8 decoding; only a leading BOM is removed.

    Raises :class:`EncodingError` naming the byte offset (and line) of the first bad byte.
    """
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        line = data.count(b"\n", 0, offset) + 1
        raise EncodingError(
            f"{origin}: not valid UTF-8 at byte offset {offset} (line {line}, byte "
            f"0x{data[offset]:02x}); save the file as UTF-8, e.g. `iconv -f WINDOWS-1256 -t UTF-8`"
        ) from None


def _check_size(size: int, limit: int, origin: str) -> None:
    if size > limit:
        raise DocumentTooLargeError(
            f"{origin}: {size:,} bytes exceeds the limit of {limit:,}; split the input into smaller files"
        )


def _record(obj: Any, origin: str) -> LoadedDocument:
    """One JSON object -> document; ``origin`` names the line or item."""
    if not isinstance(obj, dict):
        raise MalformedJsonError(
            f'{origin}: expected a JSON object like {{"text": "..."}}, got {type(obj).__name__}'
        )
    text = obj.get("text")
    if not isinstance(text, str):
        problem = 'has no "text" field' if text is None else f'has a "text" of type {type(text).__name__}'
        raise MalformedJsonError(f'{origin}: the object {problem}; each record needs a string "text"')
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise MalformedJsonError(
                f'{origin}: "{name}" must be a string or null, not {type(value).__name__}'
            )
        fields[name] = value
    try:
        return prepare(text, origin=origin, **fields)
    except (EmptyDocumentError, EncodingError, DocumentTooLargeError, NotArabicError):
        raise
    except LoaderError as exc:
        raise MalformedJsonError(str(exc)) from None


OnError = Callable[[LoaderError], None]
"""Receives what cannot be loaded (a bad line, an unreadable file) when loading should go on
with the rest; without one, the first such error is raised."""


def _failed(exc: LoaderError, on_error: OnError | None) -> None:
    if on_error is None:
        raise exc
    on_error(exc)


def _record_or_failed(obj: Any, origin: str, on_error: OnError | None) -> LoadedDocument | None:
    """``_record``, or None once its error went to ``on_error`` (raised without one)."""
    try:
        return _record(obj, origin)
    except LoaderError as exc:
        _failed(exc, on_error)
        return None


def load_jsonl_bytes(data: bytes, *, origin: str) -> Iterator[LoadedDocument]:
    """Documents from JSONL bytes; errors name ``origin:line``. Blank lines are skipped."""
    _check_size(len(data), MAX_INPUT_BYTES, origin)
    text = decode_utf8(data, origin=origin)
    return _iter_jsonl(text, origin)


def _iter_jsonl(text: str, origin: str, on_error: OnError | None = None) -> Iterator[LoadedDocument]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            message = f"{where}: invalid JSON ({exc.msg} at column {exc.colno}); "
            _failed(MalformedJsonError(message + "each line must be one complete JSON object"), on_error)
            continue
        doc = _record_or_failed(obj, where, on_error)
        if doc is not None:
            yield doc


def _iter_json(text: str, origin: str, on_error: OnError | None = None) -> Iterator[LoadedDocument]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedJsonError(
            f"{origin}: invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    items = enumerate(value) if isinstance(value, list) else [(None, value)]
    for index, item in items:
        doc = _record_or_failed(item, origin if index is None else f"{origin}[{index}]", on_error)
        if doc is not None:
            yield doc


def load_html(html: str | bytes, *, origin: str | None = None, url: str | None = None) -> LoadedDocument:
    """Extract the article of an HTML page with trafilatura and prepare it.

    Bytes are handed to trafilatura as they are (it honours the page's declared charset).
    Raises :class:`EmptyDocumentError` when no article text can be found.
    """
    where = origin or "html"
    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "surrogatepass"))
    _check_size(size, MAX_HTML_BYTES, where)
    raw = trafilatura.extract(
        html,
        url=url,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
    )
    extracted: dict[str, Any] = json.loads(raw) if raw else {}
    text = extracted.get("text")
    if not isinstance(text, str) or not text.strip():
        raise EmptyDocumentError(
            f"{where}: no article text found in the HTML; check that the page holds the article "
            "(not a script-rendered shell) or give its text as .txt"
        )

    def meta(key: str) -> str | None:
        value = extracted.get(key)
        return value if isinstance(value, str) and value.strip() else None

    doc = prepare(
        text,
        source=meta("source-hostname") or meta("hostname"),
        title=meta("title"),
        published_at=meta("date"),
        url=url or meta("source"),
        origin=origin,
    )
    author = meta("author")
    return dataclasses.replace(doc, byline=author) if author and doc.byline is None else doc


def _load_bytes(
    data: bytes, fmt: str, origin: str, on_error: OnError | None = None
) -> Iterator[LoadedDocument]:
    if fmt == "html":
        yield load_html(data, origin=origin)
        return
    text = decode_utf8(data, origin=origin)
    if fmt == "jsonl":
        yield from _iter_jsonl(text, origin, on_error)
    elif fmt == "json":
        yield from _iter_json(text, origin, on_error)
    else:
        yield prepare(text, origin=origin)


def _format_of(path: Path) -> str:
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormatError(
            f"{path}: unsupported file type {path.suffix or '(no suffix)'!r}; "
            f"give one of {', '.join(SUFFIX_FORMATS)} or a folder"
        )
    return fmt


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        _check_size(size, MAX_INPUT_BYTES, str(path))
        return path.read_bytes()
    except OSError as exc:
        raise LoaderError(
            f"{path}: cannot read the file ({exc.strerror}); check the path and permissions"
        ) from None


def _folder_files(folder: Path) -> list[Path]:
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIX_FORMATS:
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).parts)


def load_path(path: Path, on_error: OnError | None = None) -> Iterator[LoadedDocument]:
    """Documents of a file (by suffix) or of every supported file below a folder, in sorted order.

    Raises :class:`UnsupportedFormatError` at once for a file of another type, and
    :class:`LoaderError` for a path that does not exist. ``on_error``: a bad line or record,
    or a file of the folder that cannot be read, goes there and loading goes on.
    """
    path = Path(path)
    if path.is_dir():
        return _iter_folder(path, on_error)
    if not path.exists():
        raise LoaderError(f"{path}: no such file or folder")
    fmt = _format_of(path)
    return _iter_file(path, fmt, on_error)


def _iter_file(path: Path, fmt: str, on_error: OnError | None = None) -> Iterator[LoadedDocument]:
    yield from _load_bytes(_read(path), fmt, str(path), on_error)


def _iter_folder(folder: Path, on_error: OnError | None = None) -> Iterator[LoadedDocument]:
    for path in _folder_files(folder):
        try:
            yield from _iter_file(path, _format_of(path), on_error)
        except LoaderError as exc:  # this file as a whole (unreadable, not UTF-8, no article)
            _failed(exc, on_error)


def _is_jsonl(text: str) -> bool:
    """Every non-blank line starts like a JSON object and the first one is one: JSON Lines,
    where a malformed line later is reported as that line (not the stream read as one text)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines or not all(line.lstrip().startswith("{") for line in lines):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except json.JSONDecodeError:
        return False


def load_stream(
    stream: BinaryIO, *, name: str = "stdin", format: str = "auto", on_error: OnError | None = None
) -> Iterator[LoadedDocument]:
    """Documents read from a binary stream (``akg ingest -``).

    ``format`` is ``auto`` (JSONL if every non-blank line is a JSON object, HTML if it
    starts with ``<!DOCTYPE html`` or ``<html``, else one text article), ``txt``,
    ``jsonl``, ``json`` or ``html``.
    """
    if format not in STREAM_FORMATS:
        raise UnsupportedFormatError(
            f"{name}: unknown format {format!r}; use one of {', '.join(STREAM_FORMATS)}"
        )
    data = stream.read(MAX_INPUT_BYTES + 1)
    _check_size(len(data), MAX_INPUT_BYTES, name)
    fmt = format
    if fmt == "auto":
        if _HTML_START_RE.match(data.removeprefix(_BOM)):
            fmt = "html"
        else:
            fmt = "jsonl" if _is_jsonl(decode_utf8(data, origin=name)) else "txt"
    return _load_bytes(data, fmt, name, on_error)
