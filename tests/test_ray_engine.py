"""`akg ingest --engine ray` on a local Ray cluster builds the same graph as the local engine."""

from __future__ import annotations

from typing import Any

import pytest

from graph_schema.store import GraphStore
from loaders import load_path
from nlp.recognition.recognizer import Recognizer
from service.cli import SAMPLES_DIR
from service.pipeline import Pipeline
from service.settings import Settings

ray = pytest.importorskip("ray")


def snapshot(store: GraphStore) -> tuple[Any, ...]:
    mentions = sorted(
        (m["doc_id"], m["start"], m["end"], m["type"], m["entity_id"]) for m in store.export_mentions()
    )
    entities = sorted(
        (e["id"], e["name"], e["type"], tuple(sorted((a["text"], a["count"]) for a in e["aliases"])))
        for e in store.export_entities()
    )
    return tuple(mentions), tuple(entities), store.stats()


def test_ray_and_local_engines_build_the_same_graph(store: GraphStore, recognizer: Recognizer) -> None:
    from service.ray_engine import ingest_with_ray

    pipeline = Pipeline(recognizer, store)
    local = list(pipeline.ingest_many(load_path(SAMPLES_DIR)))
    expected = snapshot(store)
    store.delete_all()
    store.ensure_schema()

    results = list(ingest_with_ray(pipeline, load_path(SAMPLES_DIR), Settings(), workers=2))
    assert [r.id for r in results] == [r.id for r in local]
    assert all(r.created for r in results)
    assert snapshot(store) == expected
    again = list(ingest_with_ray(pipeline, load_path(SAMPLES_DIR), Settings(), workers=2))
    assert not any(r.created for r in again)  # resumable: what is in is skipped
    assert snapshot(store) == expected
