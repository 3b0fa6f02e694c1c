"""Concurrent requests' texts read in shared model calls (``service.batching``): each caller
gets what the recogniser gives its text alone, a failing text fails only its own request,
and requests that arrive while the model reads are read together."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest

from loaders import load_path
from nlp.recognition.recognizer import Analysis, AnalysisInput, Recognizer, TextRegion
from service.batching import RequestBatcher
from service.cli import SAMPLES_DIR
from service.pipeline import analysis_input


class _Gated:
    """The real recogniser, whose first model call waits until ``gate`` opens (so that the
    other callers queue meanwhile), and which fails on any text containing ``FAIL``."""

    def __init__(self, recognizer: Recognizer) -> None:
        self.recognizer = recognizer
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.calls: list[int] = []

    def analyze(
        self, text: str, furniture: Sequence[TextRegion] = (), metadata: Sequence[TextRegion] = ()
    ) -> Analysis:
        return self.analyze_many([(text, furniture, metadata)])[0]

    def analyze_many(self, texts: Sequence[AnalysisInput]) -> list[Analysis]:
        self.calls.append(len(texts))
        self.entered.set()
        self.gate.wait(timeout=30)
        if any("FAIL" in text for text, _, _ in texts):
            raise ValueError("this text cannot be read")
        return self.recognizer.analyze_many(texts)


def _inputs() -> list[AnalysisInput]:
    return [analysis_input(doc) for doc in load_path(SAMPLES_DIR)]


def test_concurrent_callers_get_what_their_text_alone_gives(recognizer: Recognizer) -> None:
    texts = _inputs() * 3
    alone = [recognizer.analyze(*text) for text in texts]
    batcher = RequestBatcher(recognizer, max_batch=4)
    try:
        with ThreadPoolExecutor(8) as pool:
            together = list(pool.map(lambda text: batcher.analyze(*text), texts))
    finally:
        batcher.close()
    assert together == alone
    assert batcher.texts_read == len(texts)


def test_requests_that_arrive_while_the_model_reads_are_read_together(recognizer: Recognizer) -> None:
    gated = _Gated(recognizer)
    batcher = RequestBatcher(gated, max_batch=4)
    texts = _inputs()[:1] * 7
    try:
        with ThreadPoolExecutor(7) as pool:
            first = pool.submit(batcher.analyze, *texts[0])
            assert gated.entered.wait(timeout=30)  # the first is being read, alone
            rest = [pool.submit(batcher.analyze, *text) for text in texts[1:]]
            while batcher._queue.qsize() < len(rest):  # (all six are queued)
                threading.Event().wait(0.01)
            gated.gate.set()
            results = [first.result(timeout=60)] + [future.result(timeout=60) for future in rest]
    finally:
        batcher.close()
    assert gated.calls == [1, 4, 2]  # alone, then the queued six four at a time
    assert all(result == results[0] for result in results)


def test_a_failing_text_fails_its_own_request_only(recognizer: Recognizer) -> None:
    gated = _Gated(recognizer)
    gated.gate.set()
    batcher = RequestBatcher(gated)
    good = _inputs()[0]
    bad: AnalysisInput = ("FAIL " + good[0], (), ())
    try:
        with ThreadPoolExecutor(6) as pool:
            futures = [pool.submit(batcher.analyze, *text) for text in [good, bad, good, bad, good, good]]
            outcomes = []
            for future in futures:
                try:
                    outcomes.append(future.result(timeout=60))
                except ValueError as exc:
                    outcomes.append(exc)
    finally:
        batcher.close()
    expected = recognizer.analyze(*good)
    assert [isinstance(o, ValueError) for o in outcomes] == [False, True, False, True, False, False]
    assert all(o == expected for o in outcomes if not isinstance(o, ValueError))


def test_a_closed_batcher_refuses_new_texts(recognizer: Recognizer) -> None:
    batcher = RequestBatcher(recognizer)
    batcher.close()
    batcher.close()  # (twice is harmless)
    with pytest.raises(RuntimeError, match="closed"):
        batcher.analyze("نص")
    with pytest.raises(ValueError, match="max_batch"):
        RequestBatcher(recognizer, max_batch=0)
