"""An in-process mirror of the graph's entities and aliases, for look-ups in microseconds.

Resolution asks, for every document, which entities have an alias with one of a few dozen
keys; search asks the same for every query. Over Bolt each question is a round trip and a
query plan in the graph server (milliseconds, more under load); here it is a few dict
look-ups. The graph stays the source of truth: ``GraphStore`` fills this mirror from it,
re-reads every entity it writes once the transaction has committed, and catches up with
other processes' writes (see ``GraphStore.alias_index``).

Only live entities are held (merged-away ones are dropped), each with all its aliases and
the counts search ranks by. The object is thread-safe: one lock, held for microseconds by
look-ups and for the length of a batch by updates.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph_schema.records import DocumentGraph
from nlp.resolution.glossary import key_stems
from nlp.resolution.resolver import Candidate
from nlp.types import EntityType

LOOKUP_FIELDS = (
    "key",
    "first",
    "last",
    "core",
    "variant",
    "skeleton",
    "skeleton_first",
    "skeleton_last",
    "latin_key",
)
"""Alias properties that are looked up by value."""


@dataclass(slots=True)
class IndexedAlias:
    id: str
    entity_id: str
    text: str
    key: str
    first: str
    last: str
    core: str
    variant: str
    skeleton: str
    skeleton_first: str
    skeleton_last: str
    latin_key: str
    name_latin: str | None
    partial: bool
    pinned: bool
    count: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> IndexedAlias:
        return cls(
            id=row["id"],
            entity_id=row["entity_id"],
            text=row["text"],
            key=row.get("key") or "",
            first=row.get("first") or "",
            last=row.get("last") or "",
            core=row.get("core") or "",
            variant=row.get("variant") or "",
            skeleton=row.get("skeleton") or "",
            skeleton_first=row.get("skeleton_first") or "",
            skeleton_last=row.get("skeleton_last") or "",
            latin_key=row.get("latin_key") or "",
            name_latin=row.get("name_latin"),
            partial=bool(row.get("partial")),
            pinned=bool(row.get("pinned")),
            count=int(row.get("count") or 0),
        )


@dataclass(slots=True)
class IndexedEntity:
    id: str
    type: str
    name: str
    name_latin: str | None
    mention_count: int
    document_count: int
    aliases: dict[str, IndexedAlias] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """The fields of an entity in search results and lists."""
        return {
            "id": self.id,
            "name": self.name,
            "name_latin": self.name_latin,
            "type": self.type,
            "mention_count": self.mention_count,
            "document_count": self.document_count,
        }

    def alias_texts(self) -> list[str]:
        """Alias texts, most frequent first (as ``GraphStore.entity_aliases`` orders them)."""
        return [a.text for a in sorted(self.aliases.values(), key=lambda a: (-a.count, a.text))]

    def refresh_name(self) -> None:
        """The canonical name, by the rule of ``queries.REFRESH_ENTITIES``: the most frequent
        full alias; ties -> the longer, then the first in order."""
        if self.aliases:
            best = min(self.aliases.values(), key=lambda a: (a.partial, -a.count, -len(a.text), a.text))
            self.name, self.name_latin = best.text, best.name_latin

    def candidate(self) -> Candidate:
        aliases = self.aliases.values()
        return Candidate(
            id=self.id,
            type=EntityType(self.type),
            full_keys=frozenset(a.key for a in aliases if not a.partial),
            partial_keys=frozenset(a.key for a in aliases if a.partial),
            pinned_keys=frozenset(a.key for a in aliases if a.pinned),
            skeletons=frozenset(a.skeleton for a in aliases if a.skeleton),
        )


class AliasIndex:
    """Entities and aliases by id, and alias ids by the value of each look-up field."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.entities: dict[str, IndexedEntity] = {}
        self.documents: set[str] = set()
        self._by_field: dict[str, defaultdict[str, set[str]]] = {f: defaultdict(set) for f in LOOKUP_FIELDS}
        self._aliases: dict[str, IndexedAlias] = {}
        self._key_heads: Counter[str] = Counter()  # first word of alias keys -> aliases (> 0)
        self._by_stem: defaultdict[str, set[str]] = defaultdict(set)  # word stem -> alias ids
        self.judgements: tuple[int, int] = (0, 0)
        """(judgements, reverted judgements) in the graph when last synchronised."""
        self.pending: dict[str, DocumentGraph] = {}
        """Documents put in the index ahead of their write (``apply``), by id."""
        self.version = 0
        """Goes up with every change: lets readers cache what they derive from the index."""

    # -- look-ups ----------------------------------------------------------------------
    def lookup(self, field_name: str, value: str) -> list[IndexedAlias]:
        with self.lock:
            ids = self._by_field[field_name].get(value)
            return [self._aliases[i] for i in ids] if ids else []

    def lookup_stems(self, stems: Iterable[str]) -> set[str]:
        """Ids of the aliases with a word whose stem (``glossary.word_stem``) is one of ``stems``."""
        with self.lock:
            found: set[str] = set()
            for stem in stems:
                found |= self._by_stem.get(stem, set())
            return found

    def alias(self, alias_id: str) -> IndexedAlias:
        with self.lock:
            return self._aliases[alias_id]

    def entity(self, entity_id: str) -> IndexedEntity | None:
        with self.lock:
            return self.entities.get(entity_id)

    def candidates(self, keys: Iterable[str]) -> list[Candidate]:
        """Entities with an alias whose key, first or last word, core, variant or skeleton is
        one of ``keys`` (what resolution compares a document's mentions with)."""
        with self.lock:
            found: dict[str, IndexedEntity] = {}
            for k in keys:
                for name in ("key", "first", "last", "core", "variant", "skeleton"):
                    for alias_id in self._by_field[name].get(k, ()):
                        entity_id = self._aliases[alias_id].entity_id
                        found.setdefault(entity_id, self.entities[entity_id])
            return [e.candidate() for _, e in sorted(found.items())]

    def starts_a_name(self, word: str) -> bool:
        """Is ``word`` (in key form) the first word of an alias key? What a text's runs of words
        are filtered by before ``known_names`` is asked about them."""
        with self.lock:
            return word in self._key_heads

    def known_names(self, keys: Iterable[str], min_mentions: int) -> list[tuple[str, EntityType]]:
        """(text, type) of full aliases with one of ``keys`` whose entity has enough mentions."""
        with self.lock:
            out: set[tuple[str, EntityType]] = set()
            for k in keys:
                for alias_id in self._by_field["key"].get(k, ()):
                    alias = self._aliases[alias_id]
                    entity = self.entities[alias.entity_id]
                    if not alias.partial and entity.mention_count >= min_mentions:
                        out.add((alias.text, EntityType(entity.type)))
            return sorted(out)

    def all_aliases(self) -> list[IndexedAlias]:
        with self.lock:
            return list(self._aliases.values())

    def __len__(self) -> int:
        return len(self.entities)

    # -- updates -------------------------------------------------------------------------
    def clear(self) -> None:
        with self.lock:
            self.version += 1
            self.entities.clear()
            self.documents.clear()
            self._aliases.clear()
            self._key_heads.clear()
            self._by_stem.clear()
            for values in self._by_field.values():
                values.clear()
            self.judgements = (0, 0)

    def put_entities(self, rows: Iterable[dict[str, Any]], asked: Iterable[str] = ()) -> None:
        """Replace entities with their rows as read from the graph (``entity``: the node's
        fields and ``merged_into``; ``aliases``: every alias). Merged-away entities, and ids in
        ``asked`` that came back with no row, are removed."""
        with self.lock:
            self.version += 1
            seen: set[str] = set()
            for row in rows:
                e = row["entity"]
                seen.add(e["id"])
                self._remove(e["id"])
                if e.get("merged_into"):
                    continue
                entity = IndexedEntity(
                    id=e["id"],
                    type=e["type"],
                    name=e.get("name") or "",
                    name_latin=e.get("name_latin"),
                    mention_count=int(e.get("mention_count") or 0),
                    document_count=int(e.get("document_count") or 0),
                )
                self.entities[entity.id] = entity
                for a in row["aliases"]:
                    if a and a.get("id"):
                        self._add_alias(entity, IndexedAlias.from_row(a))
            for entity_id in set(asked) - seen:
                self._remove(entity_id)

    def apply(self, graph: DocumentGraph) -> None:
        """What a document adds, before it is committed, so that the documents resolved after
        it (in the same batch) see its entities. Then ``commit`` once it is written, or
        ``forget`` (and a re-read of its entities) if the write failed."""
        with self.lock:
            self.version += 1
            self.pending[graph.document.id] = graph
            self._apply(graph)

    def commit(self, graphs: Iterable[DocumentGraph]) -> None:
        """These documents are in the graph now: what they add is in the index (applied here if
        it was not ahead of the write), exactly as the write transaction added it."""
        with self.lock:
            self.version += 1
            for graph in graphs:
                if self.pending.pop(graph.document.id, None) is None:
                    self._apply(graph)
                self.documents.add(graph.document.id)

    def forget(self, document_ids: Iterable[str]) -> None:
        with self.lock:
            for doc_id in document_ids:
                self.pending.pop(doc_id, None)

    def reapply_pending(self, only: set[str] | None = None) -> None:
        """After entities were re-read from the graph: what documents still waiting for their
        write add to them counts again (``only``: just these entities; None: all)."""
        with self.lock:
            for graph in self.pending.values():
                self._apply(graph, only)

    def pending_co_mentions(self, entity_id: str) -> set[str]:
        """Entities mentioned with ``entity_id`` in documents applied but not written yet (the
        graph does not know them; resolution must, or it would depend on the writer's pace)."""
        with self.lock:
            out: set[str] = set()
            for graph in self.pending.values():
                ids = {e.id for e in graph.entities}
                if entity_id in ids:
                    out |= ids
            out.discard(entity_id)
            return out

    def has_document(self, doc_id: str) -> bool:
        with self.lock:
            return doc_id in self.documents or doc_id in self.pending

    def _apply(self, graph: DocumentGraph, only: set[str] | None = None) -> None:
        """Mirror of the write transaction (``store._write_documents``) for one document."""
        touched = {e.id for e in graph.entities if only is None or e.id in only}
        for e in graph.entities:
            if e.id in touched and e.id not in self.entities:
                self.entities[e.id] = IndexedEntity(e.id, e.type.value, e.name, e.name_latin, 0, 0)
        for entity_id, count in graph.entity_mention_counts.items():
            if entity_id in touched:
                entity = self.entities[entity_id]
                entity.mention_count += count
                entity.document_count += 1
        for row in graph.aliases:
            if row.entity_id not in touched:
                continue
            entity = self.entities[row.entity_id]
            known = entity.aliases.get(row.id)
            if known is not None:
                known.count += row.count
                known.pinned = known.pinned or row.pinned
            else:
                self._add_alias(entity, IndexedAlias.from_row(vars_of(row)))
        for entity_id in touched:
            self.entities[entity_id].refresh_name()

    def _add_alias(self, entity: IndexedEntity, alias: IndexedAlias) -> None:
        entity.aliases[alias.id] = alias
        self._aliases[alias.id] = alias
        self._key_heads[_head(alias.key)] += 1
        for stem in key_stems(alias.key):
            self._by_stem[stem].add(alias.id)
        for name in LOOKUP_FIELDS:
            value = getattr(alias, name)
            if value:
                self._by_field[name][value].add(alias.id)

    def _remove(self, entity_id: str) -> None:
        entity = self.entities.pop(entity_id, None)
        if entity is None:
            return
        for alias in entity.aliases.values():
            if self._aliases.pop(alias.id, None) is not None:
                head = _head(alias.key)
                self._key_heads[head] -= 1
                if self._key_heads[head] <= 0:
                    del self._key_heads[head]
                for stem in key_stems(alias.key):
                    ids = self._by_stem.get(stem)
                    if ids is not None:
                        ids.discard(alias.id)
                        if not ids:
                            del self._by_stem[stem]
            for name in LOOKUP_FIELDS:
                value = getattr(alias, name)
                ids = self._by_field[name].get(value)
                if ids is not None:
                    ids.discard(alias.id)
                    if not ids:
                        del self._by_field[name][value]


def _head(key: str) -> str:
    return key.split(" ", 1)[0]


def vars_of(row: Any) -> dict[str, Any]:
    """A slotted dataclass row as a dict (``dataclasses.asdict`` without the deep copy)."""
    return {name: getattr(row, name) for name in row.__slots__}
