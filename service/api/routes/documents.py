"""Documents: ingest, analyse, list, read, and their mentions."""

from __future__ import annotations

import json

from fastapi import APIRouter, Response

from loaders import prepare
from service import memory
from service.api import cursors
from service.api.cursors import Cursor, Limit
from service.api.deps import PipelineDep, ServicesDep, Settled, SettledDocument, StoreDep, Writer
from service.api.schemas import (
    AnalyzeIn,
    AnalyzeOut,
    DocumentIn,
    DocumentMentionPage,
    DocumentOut,
    DocumentPage,
    IngestOut,
    MentionOut,
)
from service.errors import NotFoundError

router = APIRouter(tags=["documents"])


@router.post(
    "/documents",
    status_code=201,
    response_model=IngestOut,
    dependencies=[Writer],
    responses={200: {"model": IngestOut, "description": "The same text was already ingested."}},
)
def ingest_document(
    body: DocumentIn, pipeline: PipelineDep, services: ServicesDep, response: Response
) -> IngestOut:
    """Recognise, resolve and store an article. The same text again returns 200 and the same id.

    With `AKG_WRITE_BEHIND` (the default) the answer comes once the text is stored; the graph
    write follows within milliseconds, batched with other documents. Reads of documents and
    entities wait for it; search sees the document's entities at once."""
    doc = prepare(
        body.text,
        source=body.source,
        title=body.title,
        published_at=body.published_at,
        url=body.url,
        origin="api",
    )
    result = pipeline.accept(doc, services.writer) if services.writer else pipeline.ingest(doc)
    if not services.settings.ner_process:  # (a worker process trims its own heap)
        memory.trim()  # the model's buffers of this document go back to the system
    if not result.created:
        response.status_code = 200
    return IngestOut(id=result.id, mentions=result.mentions, entities=result.entities, created=result.created)


@router.post("/analyze", response_model=AnalyzeOut)
def analyze(body: AnalyzeIn, pipeline: PipelineDep) -> AnalyzeOut:
    """Recognition only: the mentions of a text, with offsets into it. Writes nothing."""
    doc = prepare(body.text, origin="api")
    mentions = pipeline.analyze(doc)
    return AnalyzeOut(
        mentions=[
            MentionOut(
                start=m.start,
                end=m.end,
                text=m.text,
                type=m.type,
                confidence=m.confidence,
                found_by=m.source,
                title=m.title,
            )
            for m in mentions
        ]
    )


@router.get("/documents", response_model=DocumentPage, dependencies=[Settled])
def list_documents(store: StoreDep, limit: Limit = 50, cursor: Cursor = None) -> DocumentPage:
    after = cursors.decode(cursor, field="after", kind=str) or ""
    rows = store.list_documents(after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = cursors.encode({"after": rows[-1]["id"]}) if more and rows else None
    return DocumentPage(items=rows, next_cursor=next_cursor)  # type: ignore[arg-type]


@router.get("/documents/{doc_id}", response_model=DocumentOut, dependencies=[SettledDocument])
def get_document(doc_id: str, store: StoreDep) -> DocumentOut:
    doc = store.get_document(doc_id)
    if doc is None:
        raise NotFoundError(f"No document with id {doc_id!r}.")
    furniture = [{"start": s, "end": e, "kind": k} for s, e, k in json.loads(doc.get("furniture") or "[]")]
    return DocumentOut(**{**doc, "furniture": furniture})


@router.get(
    "/documents/{doc_id}/mentions", response_model=DocumentMentionPage, dependencies=[SettledDocument]
)
def document_mentions(
    doc_id: str, store: StoreDep, limit: Limit = 100, cursor: Cursor = None
) -> DocumentMentionPage:
    skip = cursors.decode(cursor, field="skip", kind=int) or 0
    if skip == 0 and not store.document_exists(doc_id):
        raise NotFoundError(f"No document with id {doc_id!r}.")
    rows = store.document_mentions(doc_id, skip, limit + 1)
    more = len(rows) > limit
    next_cursor = cursors.encode({"skip": skip + limit}) if more else None
    return DocumentMentionPage(items=rows[:limit], next_cursor=next_cursor)  # type: ignore[arg-type]
