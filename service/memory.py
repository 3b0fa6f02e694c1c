"""glibc allocator settings for the long-running server (no-ops elsewhere).

Two habits of glibc's malloc make a Python server's memory grow without a leak: one arena
per thread that ever allocated (the request thread pool), and freed memory kept in the
heap instead of being returned (the NER model allocates tensors of every size). The
server caps the arenas once at start and trims the heap after each document it ingests.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import sys
from functools import lru_cache
from typing import Any

M_ARENA_MAX = -8  # from glibc's malloc.h


@lru_cache(maxsize=1)
def _libc() -> Any:
    if sys.platform != "linux":
        return None
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def limit_arenas(arenas: int = 2) -> None:
    """Cap the number of malloc arenas (call before threads start)."""
    libc = _libc()
    if libc is not None:
        with contextlib.suppress(AttributeError):
            libc.mallopt(M_ARENA_MAX, arenas)


def trim() -> None:
    """Give the heap's free memory back to the operating system."""
    libc = _libc()
    if libc is not None:
        with contextlib.suppress(AttributeError):
            libc.malloc_trim(0)
