"""The API's dependencies, injected with ``Annotated[..., Depends()]``.

They do no I/O, so they are ``async``: FastAPI would run plain functions in its thread pool,
a thread hop per dependency per request."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from graph_schema.store import GraphStore
from service.errors import ModelUnavailableError
from service.jobs import JobRunner
from service.pipeline import Pipeline
from service.search import EntitySearch
from service.settings import Settings
from service.writer import DocumentWriter


@dataclass
class Services:
    """What the running app holds: built once in the lifespan, shared by all requests."""

    settings: Settings
    store: GraphStore
    search: EntitySearch
    pipeline: Pipeline | None = None
    model_error: str | None = None
    job_runner: JobRunner | None = None
    writer: DocumentWriter | None = None
    """Background graph writes of ``POST /documents`` (``AKG_WRITE_BEHIND``)."""


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def get_store(services: ServicesDep) -> GraphStore:
    return services.store


async def get_search(services: ServicesDep) -> EntitySearch:
    return services.search


async def get_pipeline(services: ServicesDep) -> Pipeline:
    if services.pipeline is None:
        raise ModelUnavailableError(services.model_error or "The NER model is still loading; retry shortly.")
    return services.pipeline


async def require_writer(request: Request, services: ServicesDep) -> None:
    """Writes need ``Authorization: Bearer <AKG_API_TOKEN>`` when a token is configured."""
    token = services.settings.api_token
    if token is None:
        return
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    expected = token.get_secret_value().encode()
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), expected):
        raise HTTPException(
            status_code=401,
            detail="A valid bearer token is required for writes: "
            "send 'Authorization: Bearer <AKG_API_TOKEN>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def settle(services: Services) -> None:
    """Wait until documents accepted so far are written (reads see what was posted before)."""
    writer = services.writer
    if writer is not None and not writer.idle():
        await run_in_threadpool(writer.wait_idle)


async def settled(services: ServicesDep) -> None:
    await settle(services)


async def settled_entity(entity_id: str, services: ServicesDep) -> None:
    """Reads of one entity wait only for the pending documents that mention it."""
    writer = services.writer
    if writer is not None and writer.touches([entity_id]):
        await run_in_threadpool(writer.wait_for_entities, [entity_id])


async def settled_document(doc_id: str, services: ServicesDep) -> None:
    """Reads of one document wait only for that document's write."""
    writer = services.writer
    if writer is not None and writer.is_pending(doc_id):
        await run_in_threadpool(writer.wait_for, doc_id)


StoreDep = Annotated[GraphStore, Depends(get_store)]
SearchDep = Annotated[EntitySearch, Depends(get_search)]
PipelineDep = Annotated[Pipeline, Depends(get_pipeline)]
Writer = Depends(require_writer)
Settled = Depends(settled)
"""For reads that must see every document posted before them (lists, statistics, curation)."""
SettledEntity = Depends(settled_entity)
SettledDocument = Depends(settled_document)
