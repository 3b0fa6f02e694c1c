"""The REST API against the real Bolt server and the real NER model.

Contract shapes (the evaluation reads them), idempotent ingest, problem+json errors,
authentication, limits. Texts are written for these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from graph_schema.store import GraphStore
from loaders import prepare
from nlp.recognition.recognizer import Recognizer
from nlp.resolution.resolver import probe_keys, resolve
from nlp.types import EntityType
from service.api import create_app
from service.pipeline import build_document_graph, document_id
from service.settings import Settings
from tests.conftest import mentions_in

ARTICLE = (
    "قال وزير الدفاع الأمريكي لويد أوستن إن صاروخين سقطا على قاعدة عين الأسد الجوية في العراق. "
    "وأضاف أوستن أن حزب الله يتحمل مسؤولية التصعيد، بحسب ما نقلت وكالة “رويترز”.\n\n"
    "كلمات دلالية: العراق أوستن"
)
PROBLEM = "application/problem+json"


def assert_problem(response: object, status: int) -> dict[str, object]:
    r = response  # an httpx.Response
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    assert r.headers["content-type"].startswith(PROBLEM)  # type: ignore[attr-defined]
    body: dict[str, object] = r.json()  # type: ignore[attr-defined]
    assert {"type", "title", "detail"} <= body.keys()
    assert "Traceback" not in r.text  # type: ignore[attr-defined]
    return body


def seed(store: GraphStore, text: str, spans: list[tuple[str, EntityType]]) -> str:
    """Write a document with known mentions (search tests must not depend on the model)."""
    doc = prepare(text, source="test")
    mentions = mentions_in(text, spans)
    candidates = store.resolution_candidates(probe_keys(text, mentions))
    graph = build_document_graph(document_id(doc), doc, resolve(text, mentions, candidates))
    assert store.write_document(graph)
    return graph.document.id


# -- ingest, analyse, read ------------------------------------------------------------------
def test_ingest_then_same_text_again(client: TestClient) -> None:
    first = client.post("/documents", json={"text": ARTICLE, "source": "test.txt", "title": "t"})
    assert first.status_code == 201, first.text
    body = first.json()
    assert set(body) >= {"id", "mentions", "entities"}
    assert body["mentions"] > 0
    assert body["entities"] > 0
    stats = client.get("/stats").json()
    again = client.post("/documents", json={"text": ARTICLE, "source": "test.txt"})
    assert again.status_code == 200
    assert again.json()["id"] == body["id"]
    assert client.get("/stats").json() == stats


def test_document_text_and_mentions_are_exact(client: TestClient) -> None:
    doc_id = client.post("/documents", json={"text": ARTICLE, "source": "s"}).json()["id"]
    doc = client.get(f"/documents/{doc_id}").json()
    assert doc["text"] == ARTICLE
    assert doc["source"] == "s"
    assert any(f["kind"] == "keywords" for f in doc["furniture"])
    mentions = client.get(f"/documents/{doc_id}/mentions").json()
    assert mentions["next_cursor"] is None
    keywords_start = ARTICLE.index("كلمات دلالية")
    for m in mentions["items"]:
        assert ARTICLE[m["start"] : m["end"]] == m["text"]
        assert m["type"] in {"PERSON", "ORGANIZATION", "BASE", "LOCATION"}
        assert m["entity_id"]
        assert m["start"] < keywords_start  # nothing from page furniture
    found = {(m["text"], m["type"]) for m in mentions["items"]}
    assert ("عين الأسد", "BASE") in found
    assert ("رويترز", "ORGANIZATION") in found


def test_analyze_returns_offsets_and_writes_nothing(client: TestClient) -> None:
    before = client.get("/stats").json()
    r = client.post("/analyze", json={"text": ARTICLE})
    assert r.status_code == 200
    mentions = r.json()["mentions"]
    assert mentions
    for m in mentions:
        assert set(m) >= {"start", "end", "text", "type", "confidence"}
        assert ARTICLE[m["start"] : m["end"]] == m["text"]
        assert 0.0 <= m["confidence"] <= 1.0
    assert client.get("/stats").json() == before


def test_documents_are_paged_with_cursors(client: TestClient, store: GraphStore) -> None:
    ids = {seed(store, f"خبر رقم {i} عن قاعدة عين الأسد", [("عين الأسد", EntityType.BASE)]) for i in range(5)}
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/documents", params=params).json()
        seen += [d["id"] for d in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(ids)
    assert len(seen) == 5


# -- entities ---------------------------------------------------------------------------------
@pytest.fixture
def small_graph(store: GraphStore) -> dict[str, str]:
    seed(
        store,
        "قال وزير الدفاع لويد أوستن إن قاعدة عين الأسد آمنة، وأكد أوستن أن حزب الله مسؤول.",
        [
            ("لويد أوستن", EntityType.PERSON),
            ("عين الأسد", EntityType.BASE),
            ("أوستن", EntityType.PERSON),
            ("حزب الله", EntityType.ORGANIZATION),
        ],
    )
    seed(
        store,
        "بحث يوآف غالانت مع لويد أوستن تهديدات حزب الله، فيما التزم بشار الأسد الصمت.",
        [
            ("يوآف غالانت", EntityType.PERSON),
            ("لويد أوستن", EntityType.PERSON),
            ("حزب الله", EntityType.ORGANIZATION),
            ("بشار الأسد", EntityType.PERSON),
        ],
    )
    return {e["name"]: e["id"] for e in store.list_entities(None, 0, 100)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("لويد أوستن", "لويد أوستن"),
        ("اوستن", "لويد أوستن"),
        ("Lloyd Austin", "لويد أوستن"),
        ("Austin", "لويد أوستن"),
        ("Gallant", "يوآف غالانت"),
        ("جالانت", "يوآف غالانت"),
        ("Ain al-Asad", "عين الأسد"),
        ("عين الاسد", "عين الأسد"),
        ("Hezbollah", "حزب الله"),
    ],
)
def test_search_finds_spelling_variants_and_latin(
    client: TestClient, small_graph: dict[str, str], query: str, expected: str
) -> None:
    items = client.get("/entities", params={"q": query, "limit": 3}).json()["items"]
    assert items, query
    assert items[0]["id"] == small_graph[expected], [i["name"] for i in items]
    assert set(items[0]) >= {"id", "name", "type", "aliases", "score"}


def test_search_keeps_bashar_and_the_base_apart(client: TestClient, small_graph: dict[str, str]) -> None:
    items = client.get("/entities", params={"q": "عين الأسد", "limit": 3}).json()["items"]
    assert items[0]["id"] == small_graph["عين الأسد"]
    assert items[0]["type"] == "BASE"


def test_one_word_of_a_query_is_no_match_for_a_whole_name(client: TestClient, store: GraphStore) -> None:
    # "Bank" and "Boeing" share a consonant skeleton (bng); the bank matches the whole query
    seed(
        store,
        "وقعت شركة Boeing عقدا مع بنك قطر الوطني لتمويل الصفقة.",
        [("Boeing", EntityType.ORGANIZATION), ("بنك قطر الوطني", EntityType.ORGANIZATION)],
    )
    items = client.get("/entities", params={"q": "Qatar National Bank", "limit": 3}).json()["items"]
    assert items[0]["name"] == "بنك قطر الوطني", [(i["name"], i["score"]) for i in items]


def test_a_latin_query_that_reads_as_a_word_of_a_name_beats_a_look_alike(
    client: TestClient, store: GraphStore
) -> None:
    # تياني and ثاني share the skeleton tn; only تياني reads as Tiani. The look-alikes come
    # first by mention count when nothing else tells them apart.
    seed(
        store,
        "استقبل تميم بن حمد آل ثاني الملك عبد الله الثاني، وأشاد تميم بن حمد آل ثاني والملك "
        "عبد الله الثاني بالعلاقات، فيما التقى عبد الرحمن تياني وفدا.",
        [
            ("تميم بن حمد آل ثاني", EntityType.PERSON),
            ("عبد الله الثاني", EntityType.PERSON),
            ("تميم بن حمد آل ثاني", EntityType.PERSON),
            ("عبد الله الثاني", EntityType.PERSON),
            ("عبد الرحمن تياني", EntityType.PERSON),
        ],
    )
    items = client.get("/entities", params={"q": "Tiani", "limit": 3}).json()["items"]
    assert items[0]["name"] == "عبد الرحمن تياني", [(i["name"], i["score"]) for i in items]
    items = client.get("/entities", params={"q": "Al Thani", "limit": 3}).json()["items"]
    assert items[0]["name"] == "تميم بن حمد آل ثاني", [(i["name"], i["score"]) for i in items]


@pytest.fixture
def translated_graph(store: GraphStore) -> dict[str, str]:
    """Names an English reader knows by their translation, beside look-alikes."""
    seed(
        store,
        "اتهمت منظمة الصحة العالمية قوات الدعم السريع بقصف مستشفى، فيما رحبت منظمة التجارة العالمية "
        "بقرار البنك المركزي المصري، وخفض البنك الأهلي المصري الفائدة. وقالت قوات الاحتلال إن "
        "طيران الإمارات علق رحلاته. وهبطت الطائرة في إنجرليك، والتقى عباس عراقجي قادة الحوثيين. "
        "ودعا أنطونيو غوتيريش إلى التهدئة، وفاز الرجاء البيضاوي بالكأس. وانتشرت مجموعة فاغنر، "
        "وأبحر الأسطول الخامس، وهاجم حزب العمال الكردستاني البرج 22. وهبطت طائرات في ليمونييه "
        "وحتسريم، وتحدث ماركوس غرونفالد عن الحشد الشعبي وحركة العدل والمساواة.",
        [
            ("منظمة الصحة العالمية", EntityType.ORGANIZATION),
            ("قوات الدعم السريع", EntityType.ORGANIZATION),
            ("منظمة التجارة العالمية", EntityType.ORGANIZATION),
            ("البنك المركزي المصري", EntityType.ORGANIZATION),
            ("البنك الأهلي المصري", EntityType.ORGANIZATION),
            ("قوات الاحتلال", EntityType.ORGANIZATION),
            ("طيران الإمارات", EntityType.ORGANIZATION),
            ("إنجرليك", EntityType.BASE),
            ("عباس عراقجي", EntityType.PERSON),
            ("الحوثيين", EntityType.ORGANIZATION),
            ("أنطونيو غوتيريش", EntityType.PERSON),
            ("الرجاء البيضاوي", EntityType.ORGANIZATION),
            ("مجموعة فاغنر", EntityType.ORGANIZATION),
            ("الأسطول الخامس", EntityType.ORGANIZATION),
            ("حزب العمال الكردستاني", EntityType.ORGANIZATION),
            ("البرج 22", EntityType.BASE),
            ("ليمونييه", EntityType.BASE),
            ("حتسريم", EntityType.BASE),
            ("ماركوس غرونفالد", EntityType.PERSON),
            ("الحشد الشعبي", EntityType.ORGANIZATION),
            ("حركة العدل والمساواة", EntityType.ORGANIZATION),
        ],
    )
    return {e["name"]: e["id"] for e in store.list_entities(None, 0, 100)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("World Health Organization", "منظمة الصحة العالمية"),
        ("WHO", "منظمة الصحة العالمية"),
        ("Rapid Support Forces", "قوات الدعم السريع"),
        ("RSF", "قوات الدعم السريع"),
        ("Central Bank of Egypt", "البنك المركزي المصري"),
        ("Egypt's central bank", "البنك المركزي المصري"),
        ("Emirates airline", "طيران الإمارات"),
        ("Incirlik Air Base", "إنجرليك"),
        ("Araghchi", "عباس عراقجي"),
        ("Houthis", "الحوثيين"),
        ("Guterres", "أنطونيو غوتيريش"),
        ("Raja Casablanca", "الرجاء البيضاوي"),
        ("Wagner Group", "مجموعة فاغنر"),  # a German w read as v
        ("Fifth Fleet", "الأسطول الخامس"),  # an ordinal and a unit word translated
        ("PKK", "حزب العمال الكردستاني"),
        ("Tower 22", "البرج 22"),
        ("Camp Lemonnier", "ليمونييه"),  # a French -ier, ييه in Arabic
        ("Hatzerim", "حتسريم"),  # tz read as ts
        ("Grunwald", "ماركوس غرونفالد"),  # a German w inside a name read as v
        ("Popular Mobilization Forces", "الحشد الشعبي"),  # Arabic leaves "forces" out
        ("Justice and Equality Movement", "حركة العدل والمساواة"),
        ("عراقتشي", "عباس عراقجي"),  # تش for the ج others write
    ],
)
def test_search_reads_english_translations_and_spellings(
    client: TestClient, translated_graph: dict[str, str], query: str, expected: str
) -> None:
    items = client.get("/entities", params={"q": query, "limit": 3}).json()["items"]
    assert items, query
    assert items[0]["id"] == translated_graph[expected], [(i["name"], i["score"]) for i in items]


def test_a_translation_needs_every_word(client: TestClient, translated_graph: dict[str, str]) -> None:
    # the WHO's name holds منظمة and عالمية too, but not تجارة ("trade")
    items = client.get("/entities", params={"q": "World Trade Organization", "limit": 3}).json()["items"]
    wto = translated_graph["منظمة التجارة العالمية"]
    assert [i["id"] for i in items] == [wto], [i["name"] for i in items]


def test_list_entities_by_mentions_and_type(client: TestClient, small_graph: dict[str, str]) -> None:
    items = client.get("/entities").json()["items"]
    counts = [i["mention_count"] for i in items]
    assert counts == sorted(counts, reverse=True)
    assert items[0]["name"] == "لويد أوستن"
    bases = client.get("/entities", params={"type": "BASE"}).json()["items"]
    assert [b["name"] for b in bases] == ["عين الأسد"]


def test_entity_detail_documents_neighbors_path(client: TestClient, small_graph: dict[str, str]) -> None:
    austin = small_graph["لويد أوستن"]
    e = client.get(f"/entities/{austin}").json()
    assert e["name"] == "لويد أوستن"
    assert e["type"] == "PERSON"
    assert {(a["text"], a["count"]) for a in e["aliases"]} == {("لويد أوستن", 2), ("أوستن", 1)}
    assert e["documents"] == 2
    assert e["mentions"] == 3
    docs = client.get(f"/entities/{austin}/documents").json()["items"]
    assert len(docs) == 2
    neighbors = client.get(f"/entities/{austin}/neighbors", params={"type": "PERSON"}).json()["items"]
    assert {n["name"] for n in neighbors} == {"يوآف غالانت", "بشار الأسد"}
    path = client.get(
        "/paths", params={"from": small_graph["عين الأسد"], "to": small_graph["يوآف غالانت"]}
    ).json()
    assert path["found"]
    assert path["hops"] == 2
    assert path["nodes"][0]["id"] == small_graph["عين الأسد"]
    assert path["nodes"][-1]["id"] == small_graph["يوآف غالانت"]


# -- errors -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/documents/nope", 404),
        ("/documents/nope/mentions", 404),
        ("/entities/nope", 404),
        ("/entities/nope/neighbors", 404),
        ("/paths?from=nope&to=nope2", 404),
        ("/documents?limit=0", 422),
        ("/documents?limit=100000", 422),
        ("/documents?cursor=%%%", 422),
        ("/entities?cursor=eyJza2lwIjotNX0", 422),  # {"skip":-5}
        ("/entities?type=PLANET", 422),
        ("/paths?from=a&to=b&max_hops=99", 422),
    ],
)
def test_read_errors_are_problems(client: TestClient, path: str, status: int) -> None:
    assert_problem(client.get(path), status)


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "   \n\t "},
        {"text": 42},
        {"text": "نص\u0000مع صفر"},
        {"source": "no text"},
        {"text": "نص", "unknown": 1},
    ],
)
def test_bad_documents_are_422_and_write_nothing(client: TestClient, body: dict[str, object]) -> None:
    before = client.get("/stats").json()
    assert_problem(client.post("/documents", json=body), 422)
    assert client.get("/stats").json() == before


def test_malformed_json_and_binary_bodies(client: TestClient) -> None:
    assert_problem(
        client.post("/documents", content=b"{not json", headers={"content-type": "application/json"}), 422
    )
    assert_problem(
        client.post(
            "/documents", content=b"\xff\xfe\x00binary", headers={"content-type": "application/json"}
        ),
        400,
    )
    assert_problem(client.post("/documents", content=b"text=1", headers={"content-type": "text/plain"}), 422)


def test_non_arabic_text_is_refused_and_changes_nothing(client: TestClient) -> None:
    before = client.get("/stats").json()
    english = {"text": "The weather in Oslo was mild today, the ministry said."}
    r = client.post("/documents", json=english)
    assert_problem(r, 422)
    assert "Arabic" in r.json()["detail"]
    assert_problem(client.post("/analyze", json=english), 422)
    assert client.get("/stats").json() == before


# -- access and limits ---------------------------------------------------------------------------
@pytest.fixture
def token_client(settings: Settings, store: GraphStore, recognizer: Recognizer) -> Iterator[TestClient]:
    guarded = settings.model_copy(update={"api_token": SecretStr("s3cret-token"), "max_body_bytes": 5_000})
    with TestClient(create_app(guarded, store=store, recognizer=recognizer)) as c:
        yield c


def test_writes_need_the_token(token_client: TestClient) -> None:
    body = {"text": ARTICLE}
    assert_problem(token_client.post("/documents", json=body), 401)
    assert_problem(token_client.post("/documents", json=body, headers={"Authorization": "Bearer wrong"}), 401)
    assert token_client.get("/stats").json()["documents"] == 0
    ok = token_client.post("/documents", json=body, headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 201
    assert token_client.get("/documents").status_code == 200  # reads stay open


def test_oversized_body_is_413(token_client: TestClient) -> None:
    r = token_client.post(
        "/documents", json={"text": "كلمة " * 5_000}, headers={"Authorization": "Bearer s3cret-token"}
    )
    assert_problem(r, 413)
    assert token_client.get("/stats").json()["documents"] == 0


def test_health_and_openapi(client: TestClient) -> None:
    health = client.get("/health")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "graph": True, "model": True, "detail": None}
    schema = client.get("/openapi.json").json()
    assert {"/documents", "/analyze", "/entities", "/paths", "/health", "/stats"} <= set(schema["paths"])


def test_health_reports_a_missing_model(settings: Settings, store: GraphStore, tmp_path: Path) -> None:
    broken = settings.model_copy(update={"ner_model": str(tmp_path / "no-model")})
    with TestClient(create_app(broken, store=store)) as c:
        import time

        for _ in range(50):
            if c.app.state.services.model_error:  # type: ignore[attr-defined]
                break
            time.sleep(0.1)
        r = c.get("/health")
        assert r.status_code == 503
        assert "no-model" in r.json()["detail"]
        assert_problem(c.post("/analyze", json={"text": "نص"}), 503)
