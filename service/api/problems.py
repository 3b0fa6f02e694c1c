"""Errors as RFC 9457 problem details (``application/problem+json``), mapped in one place.

Every error response has ``type``, ``title``, ``status`` and ``detail``; none carries a
stack trace. Domain errors carry their own status (``service.errors``); loader errors are
422; validation errors list the offending fields; anything unexpected is a plain 500.
"""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from loaders import DocumentTooLargeError, LoaderError
from service.errors import AkgError, EntityMergedError, GraphUnavailableError

log = structlog.get_logger(__name__)

PROBLEM_JSON = "application/problem+json"
RETRY_AFTER_S = "5"


class Problem(BaseModel):
    """RFC 9457 problem details, the body of every error response."""

    type: str
    title: str
    status: int
    detail: str


def _problem_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_JSON: {"schema": Problem.model_json_schema()}}}


# Error responses every route may give, documented in the OpenAPI schema.
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _problem_response("The request could not be read (not UTF-8 JSON)."),
    404: _problem_response("Unknown id."),
    413: _problem_response("The body is larger than AKG_MAX_BODY_BYTES."),
    422: _problem_response("Invalid input."),
    503: _problem_response("The graph or the model is unavailable; retry after Retry-After seconds."),
}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: _problem_response("A bearer token is required (AKG_API_TOKEN is set)."),
}
MOVED_RESPONSES: dict[int | str, dict[str, Any]] = {
    308: _problem_response("The entity was merged into another one: see the Location header."),
}


def problem(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    slug = title.lower().replace(" ", "-")
    body = {
        "type": f"https://arabic-kg.dev/problems/{slug}",
        "title": title,
        "status": status,
        "detail": detail,
    }
    body.update(extra)
    headers = {"Retry-After": RETRY_AFTER_S} if status == 503 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def install(app: FastAPI) -> None:
    """Register the exception handlers on ``app``."""

    @app.exception_handler(AkgError)
    async def domain_error(request: Request, exc: AkgError) -> JSONResponse:
        if isinstance(exc, GraphUnavailableError):
            log.warning("graph.unavailable", path=request.url.path, error=str(exc))
        response = problem(exc.status, exc.title, str(exc))
        if isinstance(exc, EntityMergedError):
            path = request.url.path.replace(f"/entities/{exc.entity_id}", f"/entities/{exc.survivor}", 1)
            query = request.url.query
            response.headers["Location"] = path + (f"?{query}" if query else "")
        return response

    @app.exception_handler(LoaderError)
    async def loader_error(request: Request, exc: LoaderError) -> JSONResponse:
        if isinstance(exc, DocumentTooLargeError):
            return problem(413, "Payload too large", str(exc))
        return problem(422, "Invalid input", str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "loc": [str(p) for p in e.get("loc", ())],
                "msg": str(e.get("msg", "")),
                "type": str(e.get("type", "")),
            }
            for e in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
        return problem(422, "Invalid input", detail, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {
            400: "Bad request",
            401: "Unauthorized",
            403: "Forbidden",
            404: "Not found",
            405: "Method not allowed",
            413: "Payload too large",
            415: "Unsupported media type",
        }
        detail = str(exc.detail)
        if exc.status_code == 400 and "parsing the body" in detail:
            detail = "The request body could not be read: send UTF-8 JSON with Content-Type application/json."
        response = problem(exc.status_code, titles.get(exc.status_code, "HTTP error"), detail)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("request.failed", path=request.url.path, error_type=type(exc).__name__)
        return problem(500, "Internal error", "The server failed to handle this request; see its log.")
