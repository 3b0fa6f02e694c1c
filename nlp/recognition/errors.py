"""Errors of the recognition stage."""

from __future__ import annotations


class ModelNotFoundError(RuntimeError):
    """The NER model files are not where they should be (raised at load time, no network)."""
