"""The graph store against the real Bolt server: batched transactions, idempotent, its alias index."""

from __future__ import annotations

import pytest

from graph_schema.records import DocumentGraph, MentionRow
from graph_schema.store import GraphStore, GraphWriteError
from loaders import prepare
from nlp.resolution.resolver import resolve
from nlp.types import EntityType
from service.pipeline import build_document_graph, document_id
from tests.conftest import mentions_in

TEXT = "قال وزير الدفاع لويد أوستن إن قاعدة عين الأسد آمنة، وأكد أوستن أن حزب الله مسؤول."


def graph_for(text: str, spans: list[tuple[str, EntityType]]) -> DocumentGraph:
    doc = prepare(text, source="test")
    mentions = mentions_in(text, spans)
    return build_document_graph(document_id(doc), doc, resolve(text, mentions, []))


SPANS = [
    ("لويد أوستن", EntityType.PERSON),
    ("عين الأسد", EntityType.BASE),
    ("حزب الله", EntityType.ORGANIZATION),
]


def test_write_and_read_back(store: GraphStore) -> None:
    graph = graph_for(TEXT, [*SPANS[:2], ("أوستن", EntityType.PERSON), SPANS[2]])
    assert store.write_document(graph)
    stats = store.stats()
    assert stats["documents"] == 1
    assert stats["mentions"] == 4
    assert stats["entities"] == 3
    assert stats["entities_by_type"] == {"PERSON": 1, "ORGANIZATION": 1, "BASE": 1, "LOCATION": 0}
    doc = store.get_document(graph.document.id)
    assert doc is not None
    assert doc["text"] == TEXT
    mentions = store.document_mentions(graph.document.id, 0, 100)
    assert [TEXT[m["start"] : m["end"]] for m in mentions] == [m["text"] for m in mentions]
    person = next(m for m in mentions if m["type"] == "PERSON")
    aliases = store.entity_aliases([person["entity_id"]])[person["entity_id"]]
    assert {(a["text"], a["count"]) for a in aliases} == {("لويد أوستن", 1), ("أوستن", 1)}


def test_same_document_twice_changes_nothing(store: GraphStore) -> None:
    graph = graph_for(TEXT, SPANS)
    assert store.write_document(graph)
    before = store.stats()
    assert not store.write_document(graph)
    assert store.stats() == before


def test_failed_write_leaves_no_partial_document(store: GraphStore) -> None:
    graph = graph_for(TEXT, SPANS)
    broken = MentionRow(
        id=f"{graph.document.id}:0-1",
        entity_id="E-does-not-exist",
        alias_id="A0",
        start=0,
        end=1,
        text="ق",
        name="ق",
        type=EntityType.PERSON,
        confidence=0.5,
        found_by="test",
        title=None,
        evidence="test",
        partial=False,
    )
    bad = DocumentGraph(
        document=graph.document,
        entities=graph.entities,
        aliases=graph.aliases,
        mentions=(*graph.mentions, broken),
        entity_mention_counts=graph.entity_mention_counts,
    )
    with pytest.raises(GraphWriteError):
        store.write_document(bad)
    assert store.stats()["documents"] == 0
    assert store.stats()["entities"] == 0
    assert store.write_document(graph)  # the good version still goes in


def test_alias_counts_add_up_across_documents(store: GraphStore) -> None:
    assert store.write_document(graph_for(TEXT, SPANS))
    other = "هاجمت فصائل قاعدة عين الأسد مجددا."
    assert store.write_document(graph_for(other, [("عين الأسد", EntityType.BASE)]))
    base = store.list_entities(EntityType.BASE, 0, 10)
    assert len(base) == 1
    assert base[0]["mention_count"] == 2
    assert base[0]["document_count"] == 2
    assert store.entity_aliases([base[0]["id"]])[base[0]["id"]][0]["count"] == 2


def test_neighbors_and_paths(store: GraphStore) -> None:
    assert store.write_document(graph_for(TEXT, SPANS))
    other = "دان حزب الله الهجوم على مخيم جباليا، وقال إسماعيل هنية إن الرد قادم."
    assert store.write_document(
        graph_for(other, [("حزب الله", EntityType.ORGANIZATION), ("إسماعيل هنية", EntityType.PERSON)])
    )
    entities = {e["name"]: e["id"] for e in store.list_entities(None, 0, 10)}
    neighbors = {n["name"] for n in store.entity_neighbors(entities["حزب الله"], None, 10)}
    assert neighbors == {"لويد أوستن", "عين الأسد", "إسماعيل هنية"}
    path = store.shortest_path(entities["لويد أوستن"], entities["إسماعيل هنية"], 3)
    assert path is not None
    assert [n["kind"] for n in path] == ["entity", "document", "entity", "document", "entity"]
    assert path[2]["name"] == "حزب الله"
    assert store.shortest_path(entities["لويد أوستن"], entities["إسماعيل هنية"], 1) is None


class _TaggerThatFindsNothing:
    """The recogniser's model slot filled with a tagger that finds no entity at all, so that
    whatever is recognised below comes from the graph."""

    def tag(self, sentences: list[list[object]]) -> list[list[object]]:
        return [[] for _ in sentences]


def test_names_known_to_the_graph_are_recognised_in_new_documents(store: GraphStore) -> None:
    from nlp.recognition.recognizer import Recognizer
    from service.pipeline import Pipeline

    for text in ("أعلنت حركة حماس موقفها من الاتفاق.", "ردت حركة حماس على البيان سريعا."):
        assert store.write_document(graph_for(text, [("حركة حماس", EntityType.ORGANIZATION)]))
    once = "قال إسماعيل هنية كلمته."  # a name seen once is not yet trusted
    assert store.write_document(graph_for(once, [("إسماعيل هنية", EntityType.PERSON)]))

    pipeline = Pipeline(Recognizer(_TaggerThatFindsNothing()), store)  # type: ignore[arg-type]
    text = "وقالت لحركة حماس مصادر إن إسماعيل هنية سافر."
    found = {(m.text, m.type, m.source) for m in pipeline.recognize(prepare(text))}
    assert found == {("لحركة حماس", EntityType.ORGANIZATION, "known_name")}
    assert pipeline.recognize(prepare(text), use_graph=False) == []


class _TaggerThatCallsItAPlace:
    """Tags the words عين الأسد as a place (LOC), as the model does without a base head word."""

    def tag(self, sentences: list[list[object]]) -> list[list[object]]:
        from nlp.recognition.tagger import TaggedSpan

        out: list[list[object]] = []
        for sent in sentences:
            forms = [t.form for t in sent]  # type: ignore[attr-defined]
            spans: list[object] = []
            for i in range(len(forms) - 1):
                if forms[i] == "عين" and forms[i + 1] == "الاسد":
                    spans.append(TaggedSpan(i, i + 1, "LOC", 0.8))
            out.append(spans)
        return out


class _TaggerThatFinds:
    """Tags the given names (in model form: أ as ا) and nothing else."""

    def __init__(self, names: dict[str, EntityType]) -> None:
        from nlp.text import model_form

        self.names = {tuple(model_form(n).split()): t for n, t in names.items()}

    def tag(self, sentences: list[list[object]]) -> list[list[object]]:
        from nlp.recognition.tagger import TaggedSpan

        labels = {EntityType.PERSON: "PER", EntityType.ORGANIZATION: "ORG"}
        out: list[list[object]] = []
        for sent in sentences:
            forms = [t.form for t in sent]  # type: ignore[attr-defined]
            spans: list[object] = []
            for i in range(len(forms)):
                for words, etype in self.names.items():
                    if tuple(forms[i : i + len(words)]) == words:
                        spans.append(TaggedSpan(i, i + len(words) - 1, labels[etype], 0.95))
                        break
            out.append(spans)
        return out


def test_a_place_the_graph_knows_as_a_base_is_that_base(store: GraphStore) -> None:
    from nlp.recognition.recognizer import Recognizer
    from service.pipeline import Pipeline

    for text in ("سقط صاروخ على قاعدة عين الأسد الجوية.", "استهدفت مسيرة قاعدة عين الأسد مجددا."):
        assert store.write_document(graph_for(text, [("عين الأسد", EntityType.BASE)]))
    pipeline = Pipeline(Recognizer(_TaggerThatCallsItAPlace()), store)  # type: ignore[arg-type]
    found = pipeline.recognize(prepare("انفجار قرب عين الأسد صباح اليوم."))
    assert [(m.text, m.type) for m in found] == [("عين الأسد", EntityType.BASE)]


def test_ingest_many_keeps_order_skips_duplicates_and_passes_errors_on(store: GraphStore) -> None:
    from nlp.recognition.recognizer import Recognizer
    from service.pipeline import Pipeline

    pipeline = Pipeline(Recognizer(_TaggerThatFindsNothing()), store)  # type: ignore[arg-type]
    docs = [prepare(f"خبر رقم {i} عن المنطقة.") for i in range(12)]
    first = list(pipeline.ingest_many(docs))
    assert [r.created for r in first] == [True] * 12
    again = list(pipeline.ingest_many([docs[3], docs[0]]))
    assert [(r.id, r.created) for r in again] == [(first[3].id, False), (first[0].id, False)]

    def broken() -> object:
        yield prepare("خبر أخير.")
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="disk"):
        list(pipeline.ingest_many(broken()))  # type: ignore[arg-type]
    assert store.stats()["documents"] == 13


def test_a_spelling_variant_joins_through_skeleton_and_co_mention_context(store: GraphStore) -> None:
    from nlp.resolution.resolver import probe_keys

    def ingest(text: str, spans: list[tuple[str, EntityType]]) -> dict[str, str]:
        doc = prepare(text)
        mentions = mentions_in(text, spans)
        candidates = store.resolution_candidates(probe_keys(text, mentions))
        resolution = resolve(text, mentions, candidates, store.co_mentioned)
        assert store.write_document(build_document_graph(document_id(doc), doc, resolution))
        return {r.mention.text: r.entity_id for r in resolution.mentions}

    first = ingest(
        "قال لويد أوستن إن البنتاغون مستعد.",
        [("لويد أوستن", EntityType.PERSON), ("البنتاغون", EntityType.ORGANIZATION)],
    )
    second = ingest(
        "وأكد لويد أوستين أن البنتاغون يراقب.",
        [("لويد أوستين", EntityType.PERSON), ("البنتاغون", EntityType.ORGANIZATION)],
    )
    assert second["لويد أوستين"] == first["لويد أوستن"]
    alone = ingest("تحدث لويد أوستين عن الطقس.", [("لويد أوستين", EntityType.PERSON)])
    # Its spelling is now a known alias of that entity: a key match, no context needed.
    assert alone["لويد أوستين"] == first["لويد أوستن"]


def test_a_document_not_yet_written_counts_as_co_mention_context(store: GraphStore) -> None:
    # The service applies a document to the alias index at once and writes it in the
    # background: the next document must resolve the same whether or not the write is done.
    graph = graph_for(TEXT, SPANS)
    store.alias_index().apply(graph)
    ids = {e.name: e.id for e in graph.entities}
    assert store.co_mentioned(ids["لويد أوستن"]) == {ids["عين الأسد"], ids["حزب الله"]}
    assert store.write_document(graph)  # written: the graph gives the same context
    assert store.co_mentioned(ids["لويد أوستن"]) == {ids["عين الأسد"], ids["حزب الله"]}
    store.alias_index().forget([graph.document.id])
    assert store.co_mentioned(ids["لويد أوستن"]) == {ids["عين الأسد"], ids["حزب الله"]}


def _snapshot(store: GraphStore) -> tuple[object, ...]:
    entities = sorted(
        (
            e["id"],
            e["name"],
            e["mention_count"],
            e["document_count"],
            tuple(sorted((a["text"], a["count"]) for a in e["aliases"])),
        )
        for e in store.export_entities()
    )
    mentions = sorted(tuple(sorted(m.items())) for m in store.export_mentions())
    return store.stats(), entities, mentions


NEWS = [
    ("قال وزير الدفاع لويد أوستن إن قاعدة عين الأسد آمنة.", [SPANS[0], SPANS[1]]),
    (
        "وأكد أوستن أن حزب الله مسؤول عن الهجوم على عين الأسد.",
        [("أوستن", EntityType.PERSON), SPANS[2], SPANS[1]],
    ),
    ("نفى حزب الله ما قاله لويد أوستن.", [SPANS[2], SPANS[0]]),
]


def test_a_batch_of_documents_is_the_same_graph_as_one_by_one(store: GraphStore) -> None:
    graphs = [graph_for(text, spans) for text, spans in NEWS]
    assert [store.write_document(g) for g in graphs] == [True, True, True]
    one_by_one = _snapshot(store)
    store.delete_all()
    assert store.write_documents(graphs) == [True, True, True]
    assert _snapshot(store) == one_by_one
    # a batch with one document already in: the others are still written, that one is not
    store.delete_all()
    assert store.write_document(graphs[1])
    assert store.write_documents(graphs) == [True, False, True]
    assert _snapshot(store) == one_by_one


def test_ingest_many_resolves_against_documents_of_its_own_batch(store: GraphStore) -> None:
    from nlp.recognition.recognizer import Recognizer
    from service.pipeline import Pipeline

    texts = ["قال لويد أوستن إن الوضع هادئ.", "وأكد أوستن أن الوضع هادئ."]
    tagger = _TaggerThatFinds({"لويد أوستن": EntityType.PERSON, "أوستن": EntityType.PERSON})
    pipeline = Pipeline(Recognizer(tagger), store)  # type: ignore[arg-type]
    for text in texts:
        pipeline.ingest(prepare(text))
    one_by_one = _snapshot(store)
    store.delete_all()
    results = list(pipeline.ingest_many([prepare(t) for t in texts], batch_size=10))
    assert [r.created for r in results] == [True, True]
    assert _snapshot(store) == one_by_one
    assert one_by_one[0]["entities"] == 1  # the surname joined the full name of the first document


def test_the_alias_index_catches_up_with_another_process(graph_target: object, store: GraphStore) -> None:
    from service import curation

    other = GraphStore.connect(
        graph_target.uri,
        graph_target.user,
        graph_target.password,
        graph_target.database,  # type: ignore[attr-defined]
    )
    try:
        assert store.resolution_candidates({"اوستن"}) == []  # the index is loaded, empty
        graph = graph_for(NEWS[0][0], NEWS[0][1])
        assert other.write_document(graph)  # another process writes
        (austin,) = store.resolution_candidates({"اوستن"})
        assert store.may_have_document(graph.document.id)
        assert other.write_document(graph_for("قال جو بايدن كلمته.", [("جو بايدن", EntityType.PERSON)]))
        biden = store.alias_index().lookup("key", "جو بايدن")[0].entity_id
        curation.merge(other, austin.id, biden, by="test", reason=None)  # and curates
        assert store.alias_index().lookup("key", "جو بايدن")[0].entity_id == austin.id
        assert store.alias_index().entity(biden) is None
        other.delete_all()
        assert store.resolution_candidates({"اوستن"}) == []
    finally:
        other.close()


def _index_state(store: GraphStore) -> dict[str, object]:
    index = store.alias_index()
    return {
        e.id: (
            e.type,
            e.name,
            e.name_latin,
            e.mention_count,
            e.document_count,
            sorted(
                (a.id, a.text, a.key, a.count, a.partial, a.pinned, a.skeleton) for a in e.aliases.values()
            ),
        )
        for e in index.entities.values()
    }


def test_the_index_kept_by_writes_equals_the_graph_read_afresh(store: GraphStore) -> None:
    assert store.resolution_candidates({"اوستن"}) == []  # loaded, empty
    graphs = [graph_for(text, spans) for text, spans in NEWS]
    assert store.write_document(graphs[0])
    assert store.write_documents(graphs[1:]) == [True, True]
    assert not store.write_document(graphs[0])
    kept = _index_state(store)
    store.invalidate_index()
    assert _index_state(store) == kept
    assert len(kept) == 4  # graph_for resolves without candidates: the lone surname stands apart
