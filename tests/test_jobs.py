"""Batch jobs against the real Bolt server: durable on acceptance, resumed after a restart."""

from __future__ import annotations

import json
import time

import pytest
from fastapi.testclient import TestClient

from graph_schema.store import GraphStore
from nlp.recognition.recognizer import Recognizer
from service.api import create_app
from service.settings import Settings

ARTICLES = [
    {"text": "قال وزير الدفاع لويد أوستن إن قاعدة عين الأسد الجوية تعرضت لهجوم صاروخي.", "source": "a"},
    {"text": "أعلنت وزارة الدفاع الروسية أن قاعدة حميميم صدت هجوما بطائرات مسيرة.", "source": "b"},
    {"text": "دعت حركة حماس إلى وقف إطلاق النار في غزة بحسب وكالة رويترز.", "source": "c"},
]
NDJSON = {"content-type": "application/x-ndjson"}


def jsonl(docs: list[dict[str, str]]) -> bytes:
    return "\n".join(json.dumps(d, ensure_ascii=False) for d in docs).encode()


def wait_done(client: TestClient, job_id: str, timeout: float = 180.0) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, object] = client.get(f"/jobs/{job_id}").json()
        if body["status"] == "done":
            return body
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} not done: {body}")


@pytest.fixture
def app_factory(settings: Settings, store: GraphStore, recognizer: Recognizer) -> object:
    def make(run_jobs: bool = True, **overrides: object) -> TestClient:
        return TestClient(
            create_app(
                settings.model_copy(update=overrides), store=store, recognizer=recognizer, run_jobs=run_jobs
            )
        )

    return make


def test_json_lines_job_is_accepted_then_ingested(app_factory: object) -> None:
    with app_factory() as client:  # type: ignore[operator]
        r = client.post("/jobs", content=jsonl(ARTICLES), headers=NDJSON)
        assert r.status_code == 202, r.text
        assert r.headers["location"] == f"/jobs/{r.json()['id']}"
        assert r.json()["total"] == 3
        done = wait_done(client, r.json()["id"])
        assert (done["done"], done["failed"], done["pending"]) == (3, 0, 0)
        assert client.get("/stats").json()["documents"] == 3
        # the same documents again (as a JSON list): done, nothing new
        again = client.post("/jobs", json={"documents": ARTICLES})
        assert again.status_code == 202
        wait_done(client, again.json()["id"])
        assert client.get("/stats").json()["documents"] == 3


def test_a_restarted_service_resumes_accepted_jobs(app_factory: object, store: GraphStore) -> None:
    with app_factory(run_jobs=False) as client:  # type: ignore[operator]
        job_id = client.post("/jobs", json=ARTICLES).json()["id"]
        assert client.get(f"/jobs/{job_id}").json()["pending"] == 3
    assert store.stats()["documents"] == 0
    with app_factory() as client:  # type: ignore[operator]
        done = wait_done(client, job_id)
        assert done["done"] == 3
        assert client.get("/stats").json()["documents"] == 3


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b'{"text": "\\u0646\\u0635"}\n{broken', NDJSON),
        (b'{"text": ""}', NDJSON),
        (b'[{"text": 5}]', {"content-type": "application/json"}),
        (b'{"documents": "x"}', {"content-type": "application/json"}),
        (b"[]", {"content-type": "application/json"}),
        (b"text", {"content-type": "text/plain"}),
    ],
)
def test_bad_batches_are_refused_whole(
    app_factory: object, store: GraphStore, body: bytes, headers: dict[str, str]
) -> None:
    with app_factory() as client:  # type: ignore[operator]
        r = client.post("/jobs", content=body, headers=headers)
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
    assert store.next_job_items(10) == []


def test_batch_size_limit(app_factory: object) -> None:
    with app_factory(max_batch_documents=2) as client:  # type: ignore[operator]
        r = client.post("/jobs", json=ARTICLES)
        assert r.status_code == 422
        assert "AKG_MAX_BATCH_DOCUMENTS" in r.json()["detail"]


def test_a_failing_document_is_reported_and_the_rest_go_on(app_factory: object, store: GraphStore) -> None:
    # Written past the API's validation, as a stored job could be after a change of rules.
    store.create_job(
        "job_manual",
        "2026-01-01T00:00:00",
        [
            {
                "id": "job_manual:0",
                "position": 0,
                "text": "   ",
                "source": "empty",
                "title": None,
                "published_at": None,
                "url": None,
            },
            {
                "id": "job_manual:1",
                "position": 1,
                **ARTICLES[0],
                "title": None,
                "published_at": None,
                "url": None,
            },
        ],
    )
    with app_factory() as client:  # type: ignore[operator]
        done = wait_done(client, "job_manual")
        assert (done["done"], done["failed"]) == (1, 1)
        assert done["failures"][0]["position"] == 0
        assert "empty" in done["failures"][0]["error"]
        assert client.get("/jobs/nope").status_code == 404
