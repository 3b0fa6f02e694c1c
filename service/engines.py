"""Where the first pass of recognition runs, for ``akg ingest``: ``--engine local`` (a thread
of this process, ``Pipeline.ingest_many``'s default), ``processes`` (worker processes of
this machine, one model each) or ``ray`` (``service/ray_engine.py``); ``auto``, the default,
picks local or processes by the size of the input (``service.cli.choose_engine``).

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
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from loaders import LoadedDocument
from nlp.recognition.recognizer import Analysis, AnalysisInput, Recognizer, TextRegion
from service import memory
from service.errors import ModelUnavailableError
from service.pipeline import (
    RECOGNITION_BATCH,
    FirstPasses,
    Pipeline,
    analyses,
    in_chunks,
    in_order,
    to_analyse,
)
from service.runtime import WARM_UP_TEXT, load_recognizer
from service.settings import Settings

IN_FLIGHT_PER_WORKER = 2
TRIM_EVERY = 16
"""A worker returns freed heap memory to the system every this many texts (a trim costs ms)."""
_worker_recognizer: Recognizer | None = None
_texts_analysed = 0


def worker_config(settings: Settings) -> str:
    """The settings a recognition worker (process or Ray actor) loads its model with."""
    return settings.model_dump_json(
        include={"ner_model", "stanza_resources_dir", "ner_threads", "ner_weights", "disabled_rules"}
    )


def process_first_passes(pipeline: Pipeline, settings: Settings, workers: int) -> FirstPasses:
    """First passes on ``workers`` local processes, each loading the model once."""
    config = worker_config(settings)

    def run(docs: Iterable[LoadedDocument]) -> Iterator[tuple[LoadedDocument, Analysis | Exception | None]]:
        context = multiprocessing.get_context("spawn")  # no fork of a process holding torch and threads
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_leave_interrupts) as pool:
            window: deque[tuple[list[LoadedDocument], list[bool], Future[list[Analysis | Exception]]]] = (
                deque()
            )
            for chunk in in_chunks(docs, RECOGNITION_BATCH):  # the model reads a chunk in one go
                skipped = pipeline.already_ingested_in(chunk)
                window.append((chunk, skipped, pool.submit(_analyses, config, to_analyse(chunk, skipped))))
                while len(window) > IN_FLIGHT_PER_WORKER * workers:  # a bounded window
                    yield from _results(*window.popleft())
            while window:
                yield from _results(*window.popleft())

    return run


def _results(
    chunk: list[LoadedDocument], skipped: list[bool], future: Future[list[Analysis | Exception]]
) -> Iterator[tuple[LoadedDocument, Analysis | Exception | None]]:
    """A chunk's documents in order with their first passes (None: skipped)."""
    try:
        found: list[Analysis | Exception] = future.result()
    except Exception as exc:  # the worker failed (its model, or the process): every document's failure
        found = [exc] * skipped.count(False)
    yield from in_order(chunk, skipped, found)


class RecognizerProcess:
    """The recogniser of ``akg serve``, its model in a worker process (``AKG_NER_PROCESS``).

    The same ``analyze`` as ``Recognizer`` (the pipeline's ``TextAnalyzer``), so the pipeline
    does not know the difference. The point is the interpreter lock: in the server's own process the model's
    Python (tokenising, rules, decoding) took turns with the background writer and the
    requests; in a worker it does not. A worker that dies is started again, and the request
    that found it dead gets ``ModelUnavailableError`` (503, retry).
    """

    def __init__(self, settings: Settings) -> None:
        self._config = worker_config(settings)
        self._lock = threading.Lock()
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(1, mp_context=context, initializer=_leave_interrupts)
        try:  # loads the model, and raises what loading raised (a missing model names its files)
            pool.submit(_analyze_many, self._config, [(WARM_UP_TEXT, (), ())]).result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        return pool

    def analyze(
        self, text: str, furniture: Sequence[TextRegion] = (), metadata: Sequence[TextRegion] = ()
    ) -> Analysis:
        return self.analyze_many([(text, furniture, metadata)])[0]

    def analyze_many(self, texts: Sequence[AnalysisInput]) -> list[Analysis]:
        pool = self._pool
        try:
            return pool.submit(_analyze_many, self._config, texts).result()
        except BrokenProcessPool as exc:
            with self._lock:
                if self._pool is pool:
                    self._pool = self._start()
            raise ModelUnavailableError("The NER worker process died and was restarted; retry.") from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _leave_interrupts() -> None:
    """A worker leaves Ctrl-C to its parent, which shuts the pool down. (Ctrl-C reaches the
    whole process group: each worker printed a KeyboardInterrupt traceback of its own.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker(config: str) -> Recognizer:
    """This worker process's recogniser, loaded by the first call (its errors, a missing
    model's files named, reach the caller as they are)."""
    global _worker_recognizer
    if _worker_recognizer is None:
        _worker_recognizer = load_recognizer(Settings.model_validate_json(config))
    return _worker_recognizer


def _analyze_many(config: str, texts: Sequence[AnalysisInput]) -> list[Analysis]:
    """First passes in a worker process (``RecognizerProcess``): all of them, or the error."""
    found = _worker(config).analyze_many(texts)
    _trim_now_and_then(len(texts))
    return found


def _analyses(config: str, texts: Sequence[AnalysisInput]) -> list[Analysis | Exception]:
    """First passes in a worker process (``akg ingest --engine processes``), each text's
    failure its own (``pipeline.analyses``)."""
    found = analyses(_worker(config), texts)
    _trim_now_and_then(len(texts))
    return found


def _trim_now_and_then(texts: int) -> None:
    """The model's buffers go back to the system every ``TRIM_EVERY`` texts or so."""
    global _texts_analysed
    before, _texts_analysed = _texts_analysed, _texts_analysed + texts
    if before // TRIM_EVERY != _texts_analysed // TRIM_EVERY:
        memory.trim()
