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
from service.pipeline import FirstPasses, IngestResult, Pipeline
from service.settings import Settings

log = structlog.get_logger(__name__)

IN_FLIGHT_PER_WORKER = 2


class RecognitionWorker:
    """A Ray actor: one loaded model, first passes on demand."""

    def __init__(self, settings_json: str) -> None:
        from service.runtime import load_recognizer

        self.recognizer = load_recognizer(Settings.model_validate_json(settings_json))

    def first_pass(self, doc: LoadedDocument, skip: bool) -> tuple[LoadedDocument, Analysis | None]:
        if skip:  # already in the graph: nothing to recognise
            return doc, None
        from service.pipeline import text_regions

        furniture, metadata = text_regions(doc)
        return doc, self.recognizer.analyze(doc.text, furniture, metadata)


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
        stream = iter(docs)

        def submit_next() -> None:
            doc = next(stream, None)
            if doc is not None:
                skip = pipeline.already_ingested(doc)
                pool.submit(lambda worker, d: worker.first_pass.remote(d, skip), doc)

        for _ in range(IN_FLIGHT_PER_WORKER * count):
            submit_next()
        while pool.has_next():  # type: ignore[no-untyped-call]
            doc, analysis = pool.get_next()  # in submission order
            submit_next()
            yield doc, analysis

    return run
