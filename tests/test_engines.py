"""`akg ingest --engine processes`: first passes on worker processes build the same graph as
the local engine, skip what is in already, and hand a document's failure over in order; texts
the model reads together are read as one at a time."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from graph_schema.store import GraphStore
from loaders import LoadedDocument, load_path
from nlp.recognition.recognizer import Analysis, AnalysisInput, Recognizer, TextRegion
from service.cli import SAMPLES_DIR
from service.engines import process_first_passes
from service.pipeline import RECOGNITION_BATCH, Pipeline, document_id, text_regions
from service.settings import Settings
from tests.test_ray_engine import snapshot


def test_worker_processes_and_the_local_engine_build_the_same_graph(
    store: GraphStore, recognizer: Recognizer
) -> None:
    pipeline = Pipeline(recognizer, store)
    local = list(pipeline.ingest_many(load_path(SAMPLES_DIR)))
    expected = snapshot(store)
    store.delete_all()
    store.ensure_schema()

    passes = process_first_passes(pipeline, Settings(), workers=2)
    results = list(pipeline.ingest_many(load_path(SAMPLES_DIR), first_passes=passes))
    assert [r.id for r in results] == [r.id for r in local]
    assert all(r.created for r in results)
    assert snapshot(store) == expected
    again = list(pipeline.ingest_many(load_path(SAMPLES_DIR), first_passes=passes))
    assert not any(r.created for r in again)  # what is in is skipped
    assert snapshot(store) == expected


def test_with_worker_processes_the_main_process_loads_no_model(store: GraphStore) -> None:
    from service.runtime import LazyRecognizer

    lazy = LazyRecognizer(Settings())
    pipeline = Pipeline(lazy, store)
    passes = process_first_passes(pipeline, Settings(), workers=1)
    results = list(pipeline.ingest_many(load_path(SAMPLES_DIR), first_passes=passes))
    assert results
    assert all(r.created for r in results)
    assert not lazy.loaded  # the workers recognised everything


def test_a_lazy_recogniser_reports_a_missing_model_when_first_used(tmp_path: Path) -> None:
    from service.errors import ModelUnavailableError
    from service.runtime import LazyRecognizer

    lazy = LazyRecognizer(Settings(ner_model=str(tmp_path)))  # nothing is loaded yet
    with pytest.raises(ModelUnavailableError, match=r"ner\.pt"):
        lazy.analyze("نص قصير")
    assert not lazy.loaded


def test_a_failed_worker_is_handed_over_with_each_document_of_its_chunk() -> None:
    from concurrent.futures import Future

    from service.engines import _results

    docs = list(load_path(SAMPLES_DIR))[:3]
    failed: Future[list[object]] = Future()
    failed.set_exception(ValueError("the worker could not read it"))
    outcomes = list(_results(docs, [False, True, False], failed))  # type: ignore[arg-type]
    assert [d for d, _ in outcomes] == docs
    assert isinstance(outcomes[0][1], ValueError)
    assert outcomes[1][1] is None  # in the graph already: nothing was recognised
    assert isinstance(outcomes[2][1], ValueError)
    done: Future[list[object]] = Future()
    done.set_result(["first", "third"])
    assert list(_results(docs, [False, True, False], done)) == [  # type: ignore[arg-type]
        (docs[0], "first"),
        (docs[1], None),
        (docs[2], "third"),
    ]


def test_texts_analysed_together_are_analysed_as_one_at_a_time(recognizer: Recognizer) -> None:
    from nlp.recognition.recognizer import finish

    docs = list(load_path(SAMPLES_DIR))
    together = recognizer.analyze_many([(d.text, *text_regions(d)) for d in docs])
    assert len(together) == len(docs) > 1
    for doc, analysis in zip(docs, together, strict=True):
        assert analysis.text == doc.text
        assert finish(analysis) == recognizer.recognize(doc.text, *text_regions(doc))


class _FailsOn:
    """The real recogniser, except on one text (a document the model cannot read)."""

    def __init__(self, recognizer: Recognizer, bad: str) -> None:
        self.recognizer, self.bad = recognizer, bad

    def analyze(
        self, text: str, furniture: Sequence[TextRegion] = (), metadata: Sequence[TextRegion] = ()
    ) -> Analysis:
        if text == self.bad:
            raise ValueError("the model could not read this text")
        return self.recognizer.analyze(text, furniture, metadata)

    def analyze_many(self, texts: Sequence[AnalysisInput]) -> list[Analysis]:
        return [self.analyze(*text) for text in texts]


def test_a_document_that_fails_among_others_fails_alone(store: GraphStore, recognizer: Recognizer) -> None:
    docs = list(load_path(SAMPLES_DIR))[: RECOGNITION_BATCH + 2]
    bad = docs[1]
    pipeline = Pipeline(_FailsOn(recognizer, bad.text), store)
    failed: list[LoadedDocument] = []
    results = list(pipeline.ingest_many(docs, on_error=lambda doc, exc: failed.append(doc)))
    assert failed == [bad]
    assert [r.id for r in results] == [document_id(d) for d in docs if d is not bad]
    assert all(r.created for r in results)
    assert not store.document_exists(document_id(bad))


def test_the_servers_model_in_a_worker_process_recognises_the_same(
    recognizer: Recognizer, tmp_path: Path
) -> None:
    from nlp.recognition.recognizer import finish
    from service.engines import RecognizerProcess
    from service.errors import ModelUnavailableError

    doc = next(iter(load_path(SAMPLES_DIR)))
    worker = RecognizerProcess(Settings())
    try:
        here = recognizer.recognize(doc.text, *text_regions(doc))
        assert here
        assert finish(worker.analyze(doc.text, *text_regions(doc))) == here
        # Ctrl-C reaches the whole process group; the worker leaves it to the server
        for pid in list(worker._pool._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGINT)
        time.sleep(0.5)
        assert finish(worker.analyze(doc.text, *text_regions(doc))) == here
    finally:
        worker.close()
    # a model that is not there: the worker's error, with the missing files named, not a hang
    with pytest.raises(ModelUnavailableError, match=str(tmp_path)):
        RecognizerProcess(Settings(ner_model="stanza-official", stanza_resources_dir=tmp_path))
