"""Access and injection: parameterised Cypher everywhere, reads that cannot write, no secrets out."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph_schema.store import GraphStore
from nlp.types import EntityType
from tests.test_api import seed

PAYLOADS = [
    "' OR 1=1 //",
    '"}) MATCH (n) DETACH DELETE n //',
    "x'}) DETACH DELETE n WITH 1 AS x MATCH (m) RETURN m //",
    "$id",
    "`Entity`",
    "\\u0027; CALL db.labels() //",
    "عين الأسد' })-[:X]->() DELETE n //",
    "%00",
    "a" * 300,
]


@pytest.fixture
def populated(client: TestClient, store: GraphStore) -> dict[str, object]:
    seed(
        store,
        "قال لويد أوستن إن قاعدة عين الأسد آمنة.",
        [("لويد أوستن", EntityType.PERSON), ("عين الأسد", EntityType.BASE)],
    )
    return client.get("/stats").json()  # type: ignore[no-any-return]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_payloads_in_every_parameter_change_nothing(
    client: TestClient, populated: dict[str, object], payload: str
) -> None:
    requests = [
        ("GET", "/entities", {"q": payload}),
        ("GET", "/entities", {"type": payload}),
        ("GET", "/entities", {"cursor": payload}),
        ("GET", "/documents", {"cursor": payload}),
        ("GET", f"/documents/{payload}", None),
        ("GET", f"/documents/{payload}/mentions", None),
        ("GET", f"/entities/{payload}", None),
        ("GET", f"/entities/{payload}/documents", None),
        ("GET", f"/entities/{payload}/neighbors", {"type": payload}),
        ("GET", f"/entities/{payload}/history", None),
        ("GET", f"/entities/{payload}/why", None),
        ("GET", "/paths", {"from": payload, "to": payload}),
        ("GET", f"/jobs/{payload}", None),
    ]
    for method, path, params in requests:
        r = client.request(method, path, params=params)
        assert r.status_code < 500, (path, params, r.text)
    for body in ({"other": payload}, {"aliases": [payload]}):
        for action in ("merge", "split"):
            r = client.post(f"/entities/{payload}/{action}", json=body)
            assert 400 <= r.status_code < 500
    r = client.post("/analyze", json={"text": payload})
    assert r.status_code < 500
    assert client.get("/stats").json() == populated


def test_documents_with_payloads_are_stored_as_text(client: TestClient, store: GraphStore) -> None:
    for payload in PAYLOADS[:4]:
        text = f"خبر عاجل من العاصمة عن اجتماع وزراء الخارجية العرب: {payload}"
        r = client.post("/documents", json={"text": text, "source": payload, "title": payload})
        assert r.status_code == 201
        doc = client.get(f"/documents/{r.json()['id']}").json()
        assert doc["source"] == payload
    assert store.stats()["documents"] == 4


def test_the_read_path_refuses_write_statements(store: GraphStore) -> None:
    with pytest.raises(ValueError, match="read path"):
        store._read("CREATE (n:Probe) RETURN n")
    with pytest.raises(ValueError, match="read path"):
        store._read("MATCH (n) DETACH DELETE n")


def test_cors_is_off_by_default(client: TestClient) -> None:
    r = client.options(
        "/entities", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in r.headers
    r = client.get("/stats", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_logs_never_show_credentials(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    client.get("/stats", headers={"Authorization": "Bearer very-secret-value"})
    client.post("/documents", json={"text": "   "}, headers={"Authorization": "Bearer very-secret-value"})
    captured = capsys.readouterr()
    assert "very-secret-value" not in captured.out + captured.err
