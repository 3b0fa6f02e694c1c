"""Where the first pass of recognition runs, for ``akg ingest``: ``--engine local`` (a thread
of this process, ``Pipeline.ingest_many``'s default), ``processes`` (worker processes of
this machine, one model each) or ``ray`` (``service/ray_engine.py``).

Only the first pass (``Recognizer.analyze``: the model and the rules, no graph) leaves this
process. The rest stays with the one process that writes: each document is finished with the
names the graph knows at that moment, resolved and written in document order, in batches
(``Pipeline.ingest_many``), so every engine builds the same graph.

Worker processes are what the local engine lacks: in one process the resolution, the
driver and the recogniser's rules take turns holding Python's interpreter lock; a worker
process recognises while this one writes.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from loaders import LoadedDocument
from nlp.recognition.recognizer import Analysis, Recognizer
from service.pipeline import FirstPasses, Pipeline
from service.settings import Settings

IN_FLIGHT_PER_WORKER = 2
_worker_recognizer: Recognizer | None = None


def process_first_passes(pipeline: Pipeline, settings: Settings, workers: int) -> FirstPasses:
    """First passes on ``workers`` local processes, each loading the model once."""
    config = settings.model_dump_json(
        include={"ner_model", "stanza_resources_dir", "ner_threads", "disabled_rules"}
    )

    def run(docs: Iterable[LoadedDocument]) -> Iterator[tuple[LoadedDocument, Analysis | Exception | None]]:
        context = multiprocessing.get_context("spawn")  # no fork of a process holding torch and threads
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_load, initargs=(config,)) as pool:
            window: deque[tuple[LoadedDocument, Future[Analysis] | None]] = deque()
            for doc in docs:
                skip = pipeline.already_ingested(doc)
                window.append((doc, None if skip else pool.submit(_first_pass, doc)))
                while len(window) > IN_FLIGHT_PER_WORKER * workers:  # a bounded window
                    yield _result(*window.popleft())
            while window:
                yield _result(*window.popleft())

    return run


def _result(
    doc: LoadedDocument, future: Future[Analysis] | None
) -> tuple[LoadedDocument, Analysis | Exception | None]:
    if future is None:
        return doc, None
    try:
        return doc, future.result()
    except Exception as exc:  # this document's failure, handed over in order
        return doc, exc


def _load(settings_json: str) -> None:
    global _worker_recognizer
    from service.runtime import load_recognizer

    _worker_recognizer = load_recognizer(Settings.model_validate_json(settings_json))


def _first_pass(doc: LoadedDocument) -> Analysis:
    from service.pipeline import text_regions

    assert _worker_recognizer is not None, "the worker's initializer loads the model"
    return _worker_recognizer.analyze(doc.text, *text_regions(doc))
