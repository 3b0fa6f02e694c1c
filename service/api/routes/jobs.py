"""Batch ingestion jobs: submit many documents at once, follow their progress."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from loaders import LoadedDocument, load_jsonl_bytes, prepare
from service import jobs
from service.api.deps import ServicesDep, StoreDep, Writer
from service.api.schemas import DocumentIn, JobOut
from service.errors import InvalidInputError, NotFoundError

router = APIRouter(tags=["jobs"])

JSON_LINES = (
    "application/x-ndjson",
    "application/jsonl",
    "application/json-lines",
    "application/x-jsonlines",
)

_DOCUMENT = {"$ref": "#/components/schemas/DocumentIn"}  # registered by POST /documents
_BODY_DOC = {
    "description": "JSON Lines (one document object per line, Content-Type application/x-ndjson), "
    'or JSON: a list of documents, or {"documents": [...]}. Each document: {"text", "source"?, '
    '"title"?, "published_at"?, "url"?}.',
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    {"type": "array", "items": _DOCUMENT, "minItems": 1},
                    {
                        "type": "object",
                        "properties": {"documents": {"type": "array", "items": _DOCUMENT, "minItems": 1}},
                        "required": ["documents"],
                        "additionalProperties": False,
                    },
                ]
            }
        },
        "application/x-ndjson": {"schema": {"type": "string", "format": "binary"}},
    },
}


@router.post(
    "/jobs",
    status_code=202,
    response_model=JobOut,
    dependencies=[Writer],
    openapi_extra={"requestBody": _BODY_DOC},
)
async def submit_job(request: Request, services: ServicesDep) -> JSONResponse:
    """Accept a batch at once (202); documents are ingested in the background, in order."""
    raw = await request.body()
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    documents = await run_in_threadpool(_parse, raw, content_type)
    job_id = await run_in_threadpool(
        jobs.submit, services.store, documents, services.settings.max_batch_documents
    )
    if services.job_runner is not None:
        services.job_runner.wake()
    body = await run_in_threadpool(jobs.status, services.store, job_id)
    assert body is not None  # just written
    return JSONResponse(JobOut(**body).model_dump(), status_code=202, headers={"Location": f"/jobs/{job_id}"})


@router.get("/jobs/{job_id}", response_model=JobOut)
def job_status(job_id: str, store: StoreDep) -> JobOut:
    """Progress of a job: pending, done and failed documents, with each failure's reason."""
    body = jobs.status(store, job_id)
    if body is None:
        raise NotFoundError(f"No job with id {job_id!r}.")
    return JobOut(**body)


def _parse(raw: bytes, content_type: str) -> list[LoadedDocument]:
    """Every document of the body, validated; any error refuses the whole batch."""
    if content_type in JSON_LINES:
        return list(load_jsonl_bytes(raw, origin="job"))
    if content_type != "application/json":
        raise InvalidInputError(
            "Send JSON Lines (Content-Type application/x-ndjson) or JSON (application/json)."
        )
    try:
        payload: Any = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"The body is not valid JSON: {exc}") from exc
    if isinstance(payload, dict) and set(payload) == {"documents"}:
        payload = payload["documents"]
    if not isinstance(payload, list):
        raise InvalidInputError('Send a list of documents or {"documents": [...]}.')
    out = []
    for i, item in enumerate(payload):
        try:
            doc = DocumentIn.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            raise InvalidInputError(f"document {i}: {where}: {first.get('msg')}") from exc
        out.append(
            prepare(
                doc.text,
                source=doc.source,
                title=doc.title,
                published_at=doc.published_at,
                url=doc.url,
                origin=f"job document {i}",
            )
        )
    return out
