"""Requests read together: the texts of concurrent ``POST /analyze`` and ``POST /documents``
requests go to the model in one call.

A news article has about six sentences, and the model's speed on batches that small is set by
its per-step overhead, not its arithmetic: eight documents per model call read about 1.4 times
as many tokens per second as one (``python -m bench.ner_throughput``). ``akg ingest`` batches
its own documents; the API gets one text per request, so ``RequestBatcher`` collects them.

One thread reads the model. A request that finds it idle is read at once, alone: a lone
request waits for nothing. Requests that arrive while the model reads are read together
next, up to ``max_batch`` of them. A text that fails fails alone (``pipeline.analyses`` reads
the batch again one text at a time), and its request raises what it raised.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import structlog

from nlp.recognition.recognizer import Analysis, AnalysisInput, TextRegion
from service.pipeline import RECOGNITION_BATCH, TextAnalyzer, analyses

log = structlog.get_logger(__name__)


@dataclass(eq=False)
class _Request:
    text: AnalysisInput
    done: threading.Event = field(default_factory=threading.Event)
    result: Analysis | Exception | None = None


_STOP = _Request(("", (), ()))


class RequestBatcher:
    """A ``TextAnalyzer`` that reads concurrent callers' texts in shared model calls.

    ``analyze`` blocks its caller (a request's worker thread) until its text is read.
    ``analyze_many`` (ingestion jobs, which batch already) goes straight to the recogniser."""

    def __init__(self, recognizer: TextAnalyzer, max_batch: int = RECOGNITION_BATCH) -> None:
        if max_batch < 1:
            raise ValueError(f"max_batch must be at least 1, not {max_batch}")
        self.recognizer = recognizer
        self.max_batch = max_batch
        self.batches_read = 0
        self.texts_read = 0
        self._queue: queue.SimpleQueue[_Request] = queue.SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(target=self._read, name="akg-ner-batcher", daemon=True)
        self._thread.start()

    def analyze(
        self, text: str, furniture: Sequence[TextRegion] = (), metadata: Sequence[TextRegion] = ()
    ) -> Analysis:
        if self._closed:
            raise RuntimeError("The request batcher is closed.")
        request = _Request((text, furniture, metadata))
        self._queue.put(request)
        request.done.wait()
        if isinstance(request.result, Exception):
            raise request.result
        assert request.result is not None  # (set before done)
        return request.result

    def analyze_many(self, texts: Sequence[AnalysisInput]) -> list[Analysis]:
        return self.recognizer.analyze_many(texts)

    def close(self) -> None:
        """Read what is queued and stop the thread (the recogniser is its owner's to close)."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join()
        while True:  # a request that came in after the stop (it raced the closing)
            try:
                request = self._queue.get_nowait()
            except queue.Empty:
                return
            request.result = RuntimeError("The request batcher is closed.")
            request.done.set()

    def _read(self) -> None:
        while True:
            batch = [self._queue.get()]  # waits while there is nothing to read
            while len(batch) < self.max_batch and batch[-1] is not _STOP:
                try:
                    batch.append(self._queue.get_nowait())  # what came in meanwhile
                except queue.Empty:
                    break
            requests = [request for request in batch if request is not _STOP]
            if requests:
                self._answer(requests)
            if batch[-1] is _STOP:
                return

    def _answer(self, requests: list[_Request]) -> None:
        try:
            results = analyses(self.recognizer, [request.text for request in requests])
        except BaseException as exc:  # (analyses hands over a text's Exception; not others)
            log.exception("batcher.failed", texts=len(requests))
            results = [RuntimeError(f"The recogniser failed: {type(exc).__name__}: {exc}")] * len(requests)
        self.batches_read += 1
        self.texts_read += len(requests)
        for request, result in zip(requests, results, strict=True):
            request.result = result
            request.done.set()
