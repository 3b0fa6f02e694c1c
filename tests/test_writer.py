"""Write-behind for POST /documents: accepted means stored; the write follows in batches;
a document accepted by a service that died before writing it is ingested when it restarts."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest
from fastapi.testclient import TestClient

from graph_schema.store import GraphStore
from loaders import prepare
from nlp.recognition.recognizer import Recognizer, TaggedSpanLike
from nlp.types import EntityType, Token
from service.api import create_app
from service.pipeline import Pipeline
from service.settings import Settings
from service.writer import DocumentWriter
from tests.test_store import NEWS, graph_for

ARTICLE = "قال وزير الدفاع الأمريكي لويد أوستن إن قاعدة عين الأسد الجوية تعرضت لهجوم."


def _accepted(store: GraphStore) -> int:
    return len(store.accepted_documents("9999", limit=1000))


def test_posted_documents_are_written_in_the_background_and_read_back(
    client: TestClient, store: GraphStore
) -> None:
    ids = []
    for i in range(5):
        r = client.post("/documents", json={"text": f"{ARTICLE} ({i})", "source": "s"})
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    # search sees the entities at once (the alias index has the pending documents)
    assert client.get("/entities", params={"q": "لويد أوستن"}).json()["items"]
    # reads of documents wait for the writer: every posted document is there, whole
    for doc_id, i in zip(ids, range(5), strict=True):
        doc = client.get(f"/documents/{doc_id}").json()
        assert doc["text"] == f"{ARTICLE} ({i})"
        assert client.get(f"/documents/{doc_id}/mentions").json()["items"]
    assert client.get("/stats").json()["documents"] == 5
    assert _accepted(store) == 0  # the journal is emptied by the writes
    again = client.post("/documents", json={"text": f"{ARTICLE} (0)"})
    assert (again.status_code, again.json()["id"]) == (200, ids[0])


def test_the_writer_queues_a_document_once_and_writes_batches(store: GraphStore) -> None:
    writer = DocumentWriter(store, max_batch=2)
    graphs = [graph_for(text, spans) for text, spans in NEWS]
    for i, g in enumerate(graphs):
        store.accept_document(_accepted_row(f"a{i}", g.document.id, g.document.text))
        store.alias_index().apply(g)
        assert writer.submit(g, f"a{i}")
    assert not writer.submit(graphs[0], "again")  # the same document, queued already
    assert writer.is_pending(graphs[0].document.id)
    austin = graphs[0].entities[0].id
    assert writer.touches([austin])
    assert not writer.touches(["E-not-in-any-pending-document"])
    writer.start()
    assert writer.wait_for_entities([austin], timeout=30)
    assert not writer.touches([austin])
    assert writer.wait_idle(timeout=30)
    writer.stop()
    assert store.stats()["documents"] == 3
    assert _accepted(store) == 0


def test_a_document_accepted_by_a_service_that_died_is_ingested_on_restart(
    settings: Settings, store: GraphStore, recognizer: Recognizer
) -> None:
    # What a service killed after answering 201, before its background write, leaves behind:
    store.accept_document(_accepted_row("left-over", "D-unknown", ARTICLE))
    app = create_app(settings, store=store, recognizer=recognizer)
    with TestClient(app) as client:
        deadline = time.monotonic() + 60
        while _accepted(store) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _accepted(store) == 0
        stats = client.get("/stats").json()
        assert stats["documents"] == 1
        people = client.get("/entities", params={"q": "أوستن", "type": EntityType.PERSON.value}).json()
        assert [e["name"] for e in people["items"]] == ["لويد أوستن"]


class BrokenModel:
    def tag(self, sentences: list[list[Token]]) -> Sequence[Sequence[TaggedSpanLike]]:
        raise RuntimeError("the model broke")


def test_a_document_whose_recognition_fails_is_not_left_accepted(store: GraphStore) -> None:
    # The text is stored while the model reads it; when the model fails, it is taken back.
    pipeline = Pipeline(Recognizer(BrokenModel()), store)
    writer = DocumentWriter(store)
    with pytest.raises(RuntimeError, match="the model broke"):
        pipeline.accept(prepare(ARTICLE), writer)
    assert _accepted(store) == 0
    assert writer.idle()
    assert store.stats()["documents"] == 0


def _accepted_row(accepted_id: str, doc_id: str, text: str) -> dict[str, object]:
    return {
        "id": accepted_id,
        "document_id": doc_id,
        "at": "2000-01-01T00:00:00+00:00",
        "text": text,
        "source": "test",
        "title": None,
        "published_at": None,
        "url": None,
    }
