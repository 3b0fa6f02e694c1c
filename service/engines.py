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
from nlp.recognition.recognizer import Analysis, Recognizer, TextRegion
from service import memory
from service.errors import ModelUnavailableError
from service.pipeline import FirstPasses, Pipeline, text_regions
from service.runtime import WARM_UP_TEXT, load_recognizer
from service.settings import Settings

IN_FLIGHT_PER_WORKER = 2
TRIM_EVERY = 16
"""A worker returns freed heap memory to the system every this many texts (a trim costs ms)."""
_worker_recognizer: Recognizer | None = None
_analyses = 0


def worker_config(settings: Settings) -> str:
    """The settings a recognition worker (process or Ray actor) loads its model with."""
    return settings.model_dump_json(
        include={"ner_model", "stanza_resources_dir", "ner_threads", "disabled_rules"}
    )


def process_first_passes(pipeline: Pipeline, settings: Settings, workers: int) -> FirstPasses:
    """First passes on ``workers`` local processes, each loading the model once."""
    config = worker_config(settings)

    def run(docs: Iterable[LoadedDocument]) -> Iterator[tuple[LoadedDocument, Analysis | Exception | None]]:
        context = multiprocessing.get_context("spawn")  # no fork of a process holding torch and threads
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_leave_interrupts) as pool:
            window: deque[tuple[LoadedDocument, Future[Analysis] | None]] = deque()
            for doc in docs:
                skip = pipeline.already_ingested(doc)
                furniture, metadata = text_regions(doc)
                future = (
                    None if skip else pool.submit(_analyze, config, doc.text, (*furniture,), (*metadata,))
                )
                window.append((doc, future))
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
            pool.submit(_analyze, self._config, WARM_UP_TEXT, (), ()).result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        return pool

    def analyze(
        self, text: str, furniture: Sequence[TextRegion] = (), metadata: Sequence[TextRegion] = ()
    ) -> Analysis:
        pool = self._pool
        try:
            return pool.submit(_analyze, self._config, text, furniture, metadata).result()
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


def _analyze(
    config: str, text: str, furniture: Sequence[TextRegion], metadata: Sequence[TextRegion]
) -> Analysis:
    """The first pass, in a worker process; the first call there loads the model (its errors,
    a missing model's files named, reach the caller as they are)."""
    global _worker_recognizer, _analyses
    if _worker_recognizer is None:
        _worker_recognizer = load_recognizer(Settings.model_validate_json(config))
    analysis = _worker_recognizer.analyze(text, furniture, metadata)
    _analyses += 1
    if _analyses % TRIM_EVERY == 0:  # the model's buffers go back to the system now and then
        memory.trim()
    return analysis
