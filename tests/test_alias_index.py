"""The in-process alias index: pure logic here; its synchronisation with the graph is tested in
``test_store.py`` against the real server."""

from __future__ import annotations

from typing import Any

from graph_schema.alias_index import AliasIndex, vars_of
from loaders import prepare
from nlp.resolution.aliases import alias_row
from nlp.resolution.resolver import resolve
from nlp.types import EntityType
from service.pipeline import build_document_graph, document_id
from tests.conftest import mentions_in


def entity_row(
    entity_id: str, etype: str, aliases: list[tuple[str, int, bool]], **extra: Any
) -> dict[str, Any]:
    """A row as ``INDEX_ENTITIES`` returns it."""
    return {
        "entity": {"id": entity_id, "type": etype, "name": aliases[0][0], "mention_count": 3, **extra},
        "aliases": [
            vars_of(alias_row(entity_id, text, partial=partial, count=count))
            for text, count, partial in aliases
        ],
    }


JOE = entity_row("P:joe", "PERSON", [("جو بايدن", 3, False), ("بايدن", 1, True)])
HUNTER = entity_row("P:hunter", "PERSON", [("هانتر بايدن", 2, False)])


def test_lookups_find_every_entity_sharing_a_word_and_keep_them_apart() -> None:
    index = AliasIndex()
    index.put_entities([JOE, HUNTER])
    by_last = {a.entity_id for a in index.lookup("last", "بايدن")}
    assert by_last == {"P:joe", "P:hunter"}
    candidates = {c.id: c for c in index.candidates({"بايدن"})}
    assert set(candidates) == {"P:joe", "P:hunter"}
    assert candidates["P:joe"].full_keys == {"جو بايدن"}
    assert candidates["P:joe"].partial_keys == {"بايدن"}
    assert index.entity("P:hunter") is not None
    assert index.entity("P:hunter").alias_texts() == ["هانتر بايدن"]  # type: ignore[union-attr]


def test_known_names_are_full_aliases_of_entities_with_enough_mentions() -> None:
    index = AliasIndex()
    index.put_entities([JOE])
    assert index.known_names({"جو بايدن", "بايدن"}, min_mentions=2) == [("جو بايدن", EntityType.PERSON)]
    assert index.known_names({"جو بايدن"}, min_mentions=4) == []


def test_first_words_of_names_follow_the_aliases_in_and_out() -> None:
    index = AliasIndex()
    index.put_entities([JOE, HUNTER])
    assert all(index.starts_a_name(w) for w in ("جو", "هانتر", "بايدن"))
    assert not index.starts_a_name("لويد")
    index.put_entities([], asked=["P:hunter"])
    assert not index.starts_a_name("هانتر")
    assert index.starts_a_name("بايدن")  # Joe's surname-only alias is still there
    index.clear()
    assert not index.starts_a_name("جو")


def test_a_merged_or_vanished_entity_leaves_no_alias_behind() -> None:
    index = AliasIndex()
    index.put_entities([JOE, HUNTER])
    index.put_entities([{**HUNTER, "entity": {**HUNTER["entity"], "merged_into": "P:joe"}}])
    assert index.entity("P:hunter") is None
    assert {a.entity_id for a in index.lookup("last", "بايدن")} == {"P:joe"}
    index.put_entities([], asked=["P:joe"])  # asked for, not in the graph any more
    assert index.lookup("last", "بايدن") == []
    assert len(index) == 0
    assert index.all_aliases() == []


def test_a_pending_document_is_visible_with_its_counts() -> None:
    index = AliasIndex()
    text = "قال لويد أوستن إن أوستن سيزور بغداد."
    doc = prepare(text)
    spans = [("لويد أوستن", EntityType.PERSON), ("أوستن", EntityType.PERSON)]
    graph = build_document_graph(document_id(doc), doc, resolve(text, mentions_in(text, spans), []))
    version = index.version
    index.apply(graph)
    index.apply(graph)  # counts add up, as in the graph
    assert index.version > version
    assert index.has_document(graph.document.id)
    assert graph.document.id in index.pending
    (entity,) = index.entities.values()
    assert (entity.mention_count, entity.document_count) == (4, 2)
    assert sorted((a.text, a.count) for a in entity.aliases.values()) == [("أوستن", 2), ("لويد أوستن", 2)]
    assert [c.id for c in index.candidates({"اوستن"})] == [entity.id]
    index.commit([graph])  # written: applied already, so nothing counts twice
    assert index.pending == {}
    assert graph.document.id in index.documents
    assert (entity.mention_count, entity.document_count) == (4, 2)
    assert entity.name == "لويد أوستن"  # the full name, not the more frequent... equally frequent surname
