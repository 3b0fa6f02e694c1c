"""The FastAPI application factory.

``create_app(settings)`` returns an app whose lifespan connects the graph (starting the
embedded server when no Neo4j URI is set), creates the schema, and loads the NER model in
a worker thread so that ``/health`` answers while it loads.
"""

from __future__ import annotations

import asyncio
import gc
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_schema.store import GraphStore
from nlp.recognition.recognizer import Recognizer
from service.api import problems
from service.api.deps import Services
from service.api.routes import documents, entities, explore, jobs, system
from service.batching import RequestBatcher
from service.errors import AkgError
from service.jobs import JobRunner
from service.pipeline import Pipeline
from service.runtime import (
    WARM_UP_TEXT,
    GraphWatchdog,
    IndexRefresher,
    embedded_server,
    load_recognizer,
    open_store,
)
from service.search import EntitySearch
from service.settings import Settings, get_settings
from service.writer import DocumentWriter

log = structlog.get_logger(__name__)


def create_app(
    settings: Settings | None = None,
    *,
    store: GraphStore | None = None,
    recognizer: Recognizer | None = None,
    run_jobs: bool = True,
) -> FastAPI:
    """Build the app. ``store`` and ``recognizer`` may be passed in (tests share them);
    ``run_jobs=False`` accepts jobs without processing them (tests of restarts)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        graph = store if store is not None else await asyncio.to_thread(open_store, settings)
        await asyncio.to_thread(graph.ensure_schema)
        await asyncio.to_thread(graph.alias_index)  # loaded before the first search, not by it
        refresher = IndexRefresher(graph, graph.index_refresh_seconds)
        refresher.start()
        services = Services(settings=settings, store=graph, search=EntitySearch(graph))
        app.state.services = services
        loader: asyncio.Task[None] | None = None
        if recognizer is not None:
            services.pipeline = Pipeline(RequestBatcher(recognizer), graph)
        else:
            loader = asyncio.create_task(_load_model(services))
        if settings.write_behind:
            services.writer = DocumentWriter(graph)
            services.writer.start()
        if run_jobs:
            services.job_runner = JobRunner(graph, lambda: services.pipeline)
            services.job_runner.start()
        watchdog = (
            GraphWatchdog(embedded_server(settings))
            if store is None and settings.uses_embedded_graph
            else None
        )
        if watchdog is not None:
            watchdog.start()
        try:
            yield
        finally:
            if watchdog is not None:
                await asyncio.to_thread(watchdog.stop)
            await asyncio.to_thread(refresher.stop)
            if services.writer is not None:  # what was accepted is written before the graph closes
                await asyncio.to_thread(services.writer.stop)
            if services.job_runner is not None:
                await asyncio.to_thread(services.job_runner.stop)
            if loader is not None and not loader.done():
                loader.cancel()
            if services.pipeline is not None and isinstance(services.pipeline.recognizer, RequestBatcher):
                batcher = services.pipeline.recognizer
                await asyncio.to_thread(batcher.close)
                close = getattr(batcher.recognizer, "close", None)
                if store is None and close is not None:  # the model's worker process
                    await asyncio.to_thread(close)
            if store is None:
                graph.close()

    app = FastAPI(
        title="arabic-kg",
        version="0.1.0",
        summary="Arabic news in, a knowledge graph of people, bases and organisations out.",
        lifespan=lifespan,
    )
    problems.install(app)
    errors = problems.COMMON_RESPONSES | problems.WRITE_RESPONSES
    app.include_router(documents.router, responses=errors)
    app.include_router(entities.router, responses=errors | problems.MOVED_RESPONSES)
    app.include_router(jobs.router, responses=errors)
    app.include_router(system.router, responses=problems.COMMON_RESPONSES)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.include_router(explore.router)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)

    app.add_middleware(RequestLog)
    return app


async def _load_model(services: Services) -> None:
    try:
        if services.settings.ner_process:
            from service.engines import RecognizerProcess

            # (the worker warms its model up on WARM_UP_TEXT before this returns)
            recognizer: Recognizer | RecognizerProcess = await asyncio.to_thread(
                RecognizerProcess, services.settings
            )
        else:
            recognizer = await asyncio.to_thread(load_recognizer, services.settings)
            await asyncio.to_thread(recognizer.recognize, WARM_UP_TEXT)
    except AkgError as exc:
        services.model_error = str(exc)
        log.error("model.unavailable", error=str(exc))
        return
    except Exception as exc:  # a broken model file must not take the API down
        services.model_error = f"The NER model failed to load: {type(exc).__name__}: {exc}"
        log.exception("model.failed")
        return
    services.pipeline = Pipeline(RequestBatcher(recognizer), services.store)
    # The model, its vocabularies and the alias index are hundreds of thousands of long-lived
    # objects: out of the cyclic collector's sight, its full passes stop pausing requests.
    gc.freeze()


class RequestLog:
    """One structured log record per request, with a request id (taken from ``X-Request-ID``
    or made) bound to every record logged meanwhile and sent back in the response header,
    and the time spent in the app in a ``Server-Timing`` header.
    Plain ASGI: Starlette's ``BaseHTTPMiddleware`` costs a task and a queue per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"x-request-id")
        request_id = header.decode("latin-1")[:64] if header else uuid.uuid4().hex[:16]
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                # Server-Timing: the time in the app, for clients and load tests to tell it from
                # the time on the wire and in their own queues.
                took = f"app;dur={(time.perf_counter() - started) * 1000:.1f}".encode()
                extra = [(b"x-request-id", request_id.encode("latin-1")), (b"server-timing", took)]
                message = {**message, "headers": [*headers, *extra]}
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id):
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                log.info(
                    "request",
                    method=scope["method"],
                    path=scope["path"],
                    status=status,
                    ms=round((time.perf_counter() - started) * 1000, 1),
                )


class BodySizeLimit:
    """Refuses request bodies over ``max_bytes`` with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problems.problem(
            413,
            "Payload too large",
            f"The request body is larger than {self.max_bytes} bytes (AKG_MAX_BODY_BYTES); "
            "split the batch or raise the limit.",
        )
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass
