"""Curation through the API: merges and splits as reversible, auditable judgements.

Against the real Bolt server; documents are written with known mentions so that the test
does not depend on the model. Sentences written for these tests.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from graph_schema.store import GraphStore
from nlp.types import EntityType
from tests.test_api import seed


def ids_by_name(client: TestClient) -> dict[str, str]:
    return {e["name"]: e["id"] for e in client.get("/entities", params={"limit": 100}).json()["items"]}


def aliases(client: TestClient, entity_id: str) -> dict[str, int]:
    return {a["text"]: a["count"] for a in client.get(f"/entities/{entity_id}").json()["aliases"]}


def test_merge_moves_everything_redirects_and_reverts(client: TestClient, store: GraphStore) -> None:
    seed(
        store, "قال وزير الدفاع الأمريكي إن البنتاغون يراقب الوضع.", [("البنتاغون", EntityType.ORGANIZATION)]
    )
    seed(
        store, "أعلنت وزارة الدفاع الأمريكية نشر سفن.", [("وزارة الدفاع الأمريكية", EntityType.ORGANIZATION)]
    )
    names = ids_by_name(client)
    pentagon, dod = names["البنتاغون"], names["وزارة الدفاع الأمريكية"]
    stats = client.get("/stats").json()

    r = client.post(
        f"/entities/{dod}/merge", json={"other": pentagon, "reason": "same ministry", "by": "analyst"}
    )
    assert r.status_code == 200, r.text
    judgement = r.json()["judgement"]
    assert (judgement["kind"], judgement["by"], judgement["reason"]) == ("merge", "analyst", "same ministry")
    assert aliases(client, dod) == {"البنتاغون": 1, "وزارة الدفاع الأمريكية": 1}
    assert client.get(f"/entities/{dod}").json()["documents"] == 2
    moved = client.get(f"/entities/{pentagon}", follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"] == f"/entities/{dod}"
    after = client.get("/stats").json()
    assert after["mentions"] == stats["mentions"]  # every mention survives
    assert after["entities"] == stats["entities"] - 1
    history = client.get(f"/entities/{pentagon}/history").json()["items"]
    assert [h["id"] for h in history] == [judgement["id"]]

    reverted = client.post(f"/judgements/{judgement['id']}/revert", json={"by": "analyst"})
    assert reverted.status_code == 200
    assert reverted.json()["reverted_by"] == "analyst"
    assert aliases(client, pentagon) == {"البنتاغون": 1}
    assert aliases(client, dod) == {"وزارة الدفاع الأمريكية": 1}
    assert client.get("/stats").json() == stats
    assert client.post(f"/judgements/{judgement['id']}/revert", json={}).status_code == 422


def test_split_stays_split_on_later_ingests(
    client: TestClient, store: GraphStore, recognizer: object
) -> None:
    text = "قال جو بايدن إن الاقتصاد قوي. وأضاف بايدن أن الوظائف تزيد."
    seed(store, text, [("جو بايدن", EntityType.PERSON), ("بايدن", EntityType.PERSON)])
    joe = ids_by_name(client)["جو بايدن"]
    assert aliases(client, joe) == {"جو بايدن": 1, "بايدن": 1}

    r = client.post(f"/entities/{joe}/split", json={"aliases": ["بايدن"], "reason": "ambiguous surname"})
    assert r.status_code == 200, r.text
    new_id = r.json()["new_entity"]["id"]
    assert aliases(client, joe) == {"جو بايدن": 1}
    assert aliases(client, new_id) == {"بايدن": 1}

    # A later document that writes both forms: the surname stays where a person put it.
    later = "التقى جو بايدن الصحفيين، وقال بايدن إنه متفائل."
    seed(store, later, [("جو بايدن", EntityType.PERSON), ("بايدن", EntityType.PERSON)])
    assert aliases(client, joe) == {"جو بايدن": 2}
    assert aliases(client, new_id) == {"بايدن": 2}

    assert client.post(f"/entities/{joe}/split", json={"aliases": ["جو بايدن"]}).status_code == 422
    assert client.post(f"/entities/{joe}/split", json={"aliases": ["ليس اسما"]}).status_code == 422


def test_curation_errors(client: TestClient, store: GraphStore) -> None:
    seed(
        store,
        "زار إسماعيل هنية القاهرة وقال قاعدة حميميم بعيدة.",
        [("إسماعيل هنية", EntityType.PERSON), ("حميميم", EntityType.BASE)],
    )
    names = ids_by_name(client)
    person, base = names["إسماعيل هنية"], names["حميميم"]
    assert client.post(f"/entities/{person}/merge", json={"other": base}).status_code == 422  # types differ
    assert client.post(f"/entities/{person}/merge", json={"other": person}).status_code == 422
    assert client.post(f"/entities/{person}/merge", json={"other": "nope"}).status_code == 404
    assert client.post("/judgements/nope/revert", json={}).status_code == 404
    why = client.get(f"/entities/{person}/why").json()
    assert why["aliases"][0]["alias"] == "إسماعيل هنية"
    assert why["aliases"][0]["evidence"]
