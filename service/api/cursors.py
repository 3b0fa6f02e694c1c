"""Opaque pagination cursors: base64url JSON, validated on the way back in."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Annotated, Any

from fastapi import Query

from service.errors import InvalidInputError

Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Cursor = Annotated[str | None, Query(max_length=512, description="`next_cursor` of the previous page.")]


def encode(state: dict[str, Any]) -> str:
    raw = json.dumps(state, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str | None, *, field: str, kind: type) -> Any:
    """The ``field`` of a cursor made by ``encode``; InvalidInputError when malformed."""
    if not cursor:  # absent or empty: the first page
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        state = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        value = state[field]
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError) as exc:
        raise InvalidInputError("Malformed cursor: pass back the next_cursor of the previous page.") from exc
    if not isinstance(value, kind) or isinstance(value, bool) or (isinstance(value, int) and value < 0):
        raise InvalidInputError("Malformed cursor: pass back the next_cursor of the previous page.")
    return value
