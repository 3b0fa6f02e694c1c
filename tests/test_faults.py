"""Faults: the graph server killed in the middle of an ingest, restarted, the ingest finished.

The resulting graph must equal the graph of a clean run: a document is written all or
nothing, and re-ingesting what was already written changes nothing.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph_schema.store import GraphStore
from loaders import LoadedDocument, load_path
from nlp.recognition.recognizer import Recognizer
from service.cli import SAMPLES_DIR
from service.errors import GraphUnavailableError
from service.graph_server import DATABASE, USER, EmbeddedGraphServer
from service.pipeline import Pipeline
from service.runtime import GraphWatchdog, _wait_until_ready

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("AKG_NEO4J_URI")), reason="kills the embedded server, not AKG_NEO4J_URI"
)


def snapshot(store: GraphStore) -> tuple[Any, ...]:
    mentions = sorted(
        (m["doc_id"], m["start"], m["end"], m["type"], m["entity_id"]) for m in store.export_mentions()
    )
    entities = sorted(
        (
            e["id"],
            e["name"],
            e["type"],
            e["mention_count"],
            e["document_count"],
            tuple(sorted((a["text"], a["count"]) for a in e["aliases"])),
        )
        for e in store.export_entities()
    )
    return tuple(mentions), tuple(entities), store.stats()["documents"]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EmbeddedGraphServer]:
    server = EmbeddedGraphServer(tmp_path)
    server.start()
    yield server
    server.stop()


def connect(server: EmbeddedGraphServer) -> GraphStore:
    info = server.status()
    assert info is not None
    store = GraphStore.connect(info.uri, USER, server.password(), DATABASE)
    _wait_until_ready(store)
    store.ensure_schema()
    return store


def ingest(pipeline: Pipeline, docs: list[LoadedDocument]) -> list[str]:
    """Ingest in order until the graph fails, like a run that crashes; the origins not done."""
    for i, doc in enumerate(docs):
        try:
            pipeline.ingest(doc)
        except GraphUnavailableError:
            return [d.origin or "" for d in docs[i:]]
    return []


def test_killed_during_ingest_then_resumed_equals_a_clean_run(tmp_path: Path, recognizer: Recognizer) -> None:
    samples = list(load_path(SAMPLES_DIR))
    docs = [
        dataclasses.replace(d, text=f"{d.text}\n\n({i})", origin=f"{d.origin}#{i}")
        for i in range(5)
        for d in samples
    ]

    clean_server = EmbeddedGraphServer(tmp_path / "clean")
    clean_server.start()
    try:
        clean = connect(clean_server)
        assert ingest(Pipeline(recognizer, clean), docs) == []
        expected = snapshot(clean)
        clean.close()
    finally:
        clean_server.stop()

    faulty_server = EmbeddedGraphServer(tmp_path / "faulty")
    faulty_server.start()
    try:
        store = connect(faulty_server)
        pipeline = Pipeline(recognizer, store)
        failures: list[str] = []
        worker = threading.Thread(target=lambda: failures.extend(ingest(pipeline, docs)))
        worker.start()
        while store.stats()["documents"] < 3:  # some are written; the next is in flight
            time.sleep(0.05)
        faulty_server.kill()
        worker.join(timeout=300)
        assert failures, "the kill came after the whole ingest: nothing was tested"
        faulty_server.start()  # same ports: the driver reconnects by itself
        _wait_until_ready(store)
        assert ingest(pipeline, docs) == []  # resume: everything again
        assert snapshot(store) == expected
        store.close()
    finally:
        faulty_server.stop()


def test_the_watchdog_restarts_a_dead_server(server: EmbeddedGraphServer) -> None:
    store = connect(server)
    store._write("CREATE (:Probe {id: 'before'})")
    watchdog = GraphWatchdog(server, interval_s=0.3)
    watchdog.start()
    try:
        server.kill()
        deadline = time.monotonic() + 90
        while server.status() is None and time.monotonic() < deadline:
            time.sleep(0.3)
        assert server.status() is not None
        _wait_until_ready(store)  # the same store object works again
        assert store._read("MATCH (p:Probe) RETURN p.id AS id") == [{"id": "before"}]
    finally:
        watchdog.stop()
        store.close()
