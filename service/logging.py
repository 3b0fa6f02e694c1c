"""Structured logs (structlog): readable on a console, one JSON record per line with ``json``."""

from __future__ import annotations

import logging
import sys

import structlog

from service.settings import Settings

_SECRET_KEYS = frozenset({"password", "token", "authorization", "api_token", "neo4j_password"})


def _redact(_: object, __: str, event: structlog.types.EventDict) -> structlog.types.EventDict:
    for key in list(event):
        if key.lower() in _SECRET_KEYS:
            event[key] = "***"
    return event


def configure(settings: Settings) -> None:
    """Configure structlog and the standard library's logging to the same output (stderr)."""
    level = getattr(logging, settings.log_level)
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if settings.log_format == "json"
        # Plain tracebacks: rich's show local variables, and locals can hold secrets.
        else structlog.dev.ConsoleRenderer(
            colors=sys.stderr.isatty(), exception_formatter=structlog.dev.plain_traceback
        )
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _redact,
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )
    logging.basicConfig(
        level=max(level, logging.WARNING), stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    for noisy in ("neo4j", "stanza", "urllib3", "trafilatura", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
