"""Recognition on a Ray cluster: ``akg ingest --engine ray``.

The expensive, graph-independent first pass of recognition (the model and the rules,
``Recognizer.analyze``) runs on Ray actors, each of which loads the model once. The driver
then does what the local engine does, in document order: it finishes each document with
the names the graph knows at that moment, resolves it and writes it in batches
(``Pipeline.ingest_many``). All engines share that code, so they build the same graph.

On one machine, ``ray.init()`` starts a local cluster; against a real cluster pass its
address (``--ray-address``, or ``RAY_ADDRESS``). The actors need this package and its model
on every node (install the project there); they never talk to the graph, only the driver
does, so the Neo4j cluster needs to be reachable from the driver alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import structlog

from loaders import LoadedDocument
from nlp.recognition.recognizer import Analysis
from service.engines import worker_config
from service.pipeline import RECOGNITION_BATCH, FirstPasses, IngestResult, Pipeline, in_chunks
from service.settings import Settings

log = structlog.get_logger(__name__)

IN_FLIGHT_PER_WORKER = 2
"""Chunks of ``RECOGNITION_BATCH`` documents submitted ahead per actor."""


class RecognitionWorker:
    """A Ray actor: one loaded model, first passes on demand."""

    def __init__(self, settings_json: str) -> None:
        from service.runtime import load_recognizer

        self.recognizer = load_recognizer(Settings.model_validate_json(settings_json))

    def first_passes(
        self, docs: list[LoadedDocument], skipped: list[bool]
    ) -> list[tuple[LoadedDocument, Analysis | Exception | None]]:
        """A chunk's first passes, the model run once over the documents not skipped (those
        already in the graph), each document's failure its own."""
        from service.pipeline import first_passes_of

        return first_passes_of(self.recognizer, docs, skipped)


def ingest_with_ray(
    pipeline: Pipeline,
    documents: Iterable[LoadedDocument],
    settings: Settings,
    *,
    address: str | None = None,
    workers: int | None = None,
    on_error: Callable[[LoadedDocument, Exception], None] | None = None,
) -> Iterator[IngestResult]:
    """Ingest ``documents`` in order, their first pass spread over Ray actors."""
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        ray.init(
            address=address,
            num_cpus=workers if address is None else None,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )
    try:
        passes = ray_first_passes(pipeline, settings, workers)
        yield from pipeline.ingest_many(documents, on_error=on_error, first_passes=passes)
    finally:
        if started_here:
            ray.shutdown()


def ray_first_passes(pipeline: Pipeline, settings: Settings, workers: int | None) -> FirstPasses:
    """First passes on Ray actors (one model each), in submission order, a bounded window."""

    def run(docs: Iterable[LoadedDocument]) -> Iterator[tuple[LoadedDocument, Analysis | Exception | None]]:
        import ray
        from ray.util import ActorPool

        resources: dict[str, float] = ray.available_resources()  # type: ignore[no-untyped-call]
        count = workers or max(1, int(resources.get("CPU", 1)))
        actor = ray.remote(num_cpus=1)(RecognitionWorker)
        config = worker_config(settings)
        pool = ActorPool([actor.remote(config) for _ in range(count)])
        log.info("ray.workers", workers=count)
        chunks = in_chunks(docs, RECOGNITION_BATCH)

        def submit_next() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                skipped = pipeline.already_ingested_in(chunk)
                pool.submit(lambda worker, job: worker.first_passes.remote(*job), (chunk, skipped))

        for _ in range(IN_FLIGHT_PER_WORKER * count):
            submit_next()
        while pool.has_next():  # type: ignore[no-untyped-call]
            done = pool.get_next()  # in submission order
            submit_next()
            yield from done

    return run
