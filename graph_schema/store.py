"""The graph store: named queries run through the official neo4j driver.

``GraphStore`` is the only class that talks to the database. It speaks Bolt to Neo4j 5 or to
the embedded ArcadeDB server alike, turns connection failures into
``GraphUnavailableError``, writes documents in batched transactions and keeps the in-process
alias index (``alias_index.py``) in step with the graph.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import neo4j
import structlog
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import (
    AuthError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph_schema import queries as Q
from graph_schema.alias_index import AliasIndex
from graph_schema.records import AliasRow, DocumentGraph, EntityRow, params
from nlp.resolution.resolver import Candidate
from nlp.types import EntityType
from service.errors import GraphUnavailableError

log = structlog.get_logger(__name__)

T = TypeVar("T")
NEIGHBOR_CONTEXT = 200
"""Documents of a candidate looked at for co-mentioned entities (skeleton-match context)."""
_WRITE_CLAUSE = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP|LOAD\s+CSV|FOREACH)\b", re.IGNORECASE)
_UNAVAILABLE = (ServiceUnavailable, SessionExpired, OSError, DriverError)


class GraphWriteError(RuntimeError):
    """A write did not touch the rows it had to: the transaction is rolled back."""


class GraphStore:
    """Reads and writes of the knowledge graph."""

    def __init__(self, driver: Driver, database: str | None, index_refresh_seconds: float = 1.0) -> None:
        self.driver = driver
        self.database = database
        self.index_refresh_seconds = index_refresh_seconds
        """How stale the alias index may be with respect to *other* processes' writes."""
        self._index = AliasIndex()
        self._index_loaded = False
        self._index_checked = 0.0
        self._index_sync = threading.Lock()

    @classmethod
    def connect(
        cls, uri: str, user: str, password: str, database: str | None, index_refresh_seconds: float = 1.0
    ) -> GraphStore:
        driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=5.0,
            max_transaction_retry_time=10.0,
            connection_acquisition_timeout=10.0,
        )
        return cls(driver, database, index_refresh_seconds)

    def close(self) -> None:
        self.driver.close()

    # -- plumbing ---------------------------------------------------------------------
    def _read(self, query: str, **parameters: Any) -> list[dict[str, Any]]:
        """Run a read-only statement. Statements with a write clause are refused here: Neo4j
        enforces read routing, ArcadeDB does not, so read endpoints cannot write either way."""
        if _WRITE_CLAUSE.search(query):
            raise ValueError("a write statement was sent down the read path")
        try:
            records, _, _ = self.driver.execute_query(
                query,
                parameters_=parameters,
                database_=self.database,
                routing_=neo4j.RoutingControl.READ,
            )
        except AuthError as exc:
            raise GraphUnavailableError(
                "The graph server refused the credentials: check AKG_NEO4J_USER and AKG_NEO4J_PASSWORD."
            ) from exc
        except _UNAVAILABLE as exc:
            raise GraphUnavailableError(f"The graph server cannot be reached: {exc}") from exc
        return [r.data() for r in records]

    def _write(self, query: str, keeps_index: bool = False, **parameters: Any) -> list[dict[str, Any]]:
        return self.write_transaction(_run, query, parameters, keeps_index=keeps_index)

    def ping(self) -> bool:
        """True when the graph answers a query."""
        try:
            return self._read(Q.PING) == [{"ok": 1}]
        except (GraphUnavailableError, Neo4jError):
            return False

    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent)."""
        for statement in Q.SCHEMA:
            self._write(statement, keeps_index=True)

    # -- writes -----------------------------------------------------------------------
    def document_exists(self, doc_id: str) -> bool:
        return bool(self._read(Q.DOCUMENT_EXISTS, id=doc_id))

    def write_document(self, graph: DocumentGraph) -> bool:
        """Write one document; False (and nothing written) when its id is already there."""
        return self.write_documents([graph])[0]

    def write_documents(self, graphs: list[DocumentGraph], accepted: Sequence[str] = ()) -> list[bool]:
        """Write documents with their mentions, entities and aliases, all in one transaction
        (one ``UNWIND`` statement per kind of row for the whole batch).

        Returns, per document, whether it was written: False for one whose id was already in
        the graph. If any was, the others are written one by one instead. ``accepted``: ids of
        ``Accepted`` journal nodes (``accept_document``) to delete in the same transaction.
        """
        if not graphs:
            return []
        failure: BaseException | None = None
        # Under the index's sync lock: a reload cannot fall between the commit and the update.
        with self._index_sync:
            try:
                self.write_transaction(_write_documents, graphs, list(accepted), keeps_index=True)
            except BaseException as exc:
                failure = exc
            else:
                self._index.commit(graphs)
        if failure is None:
            return [True] * len(graphs)
        # The pipeline may have put these documents in the index ahead of the write.
        self.forget_unwritten(graphs)
        if not isinstance(failure, ConstraintError):
            raise failure
        if len(graphs) > 1:
            written = [self.write_document(g) for g in graphs]
            self.delete_accepted(accepted)
            return written
        if self.document_exists(graphs[0].document.id):  # written by another request or process
            self.delete_accepted(accepted)
            return [False]
        raise failure

    def accept_document(self, accepted: dict[str, Any]) -> None:
        """Store a document's text and metadata until it is written (``Accepted`` node)."""
        self._write(Q.ACCEPT_DOCUMENT, keeps_index=True, **accepted)

    def accepted_documents(self, before: str, limit: int) -> list[dict[str, Any]]:
        """Documents accepted before ``before`` (ISO time) and never written, oldest first."""
        return [r["accepted"] for r in self._read(Q.ACCEPTED_DOCUMENTS, before=before, limit=limit)]

    def delete_accepted(self, ids: Sequence[str]) -> None:
        if ids:
            self._write(Q.DELETE_ACCEPTED, keeps_index=True, ids=list(ids))

    def write_transaction(self, work: Callable[..., T], *args: Any, keeps_index: bool = False) -> T:
        """Run ``work(tx, *args)`` in one write transaction (retried on transient errors).

        ``keeps_index``: the work changes no entity or alias, or the caller brings the alias
        index up to date itself (``write_documents``, curation). Otherwise the index is reloaded
        when next asked.
        """
        try:
            with self.driver.session(database=self.database) as session:
                result = session.execute_write(work, *args)
        except _UNAVAILABLE as exc:
            raise GraphUnavailableError(f"The graph server cannot be reached: {exc}") from exc
        if not keeps_index:
            self.invalidate_index()
        return result

    def entity_judgements(self, entity_id: str) -> list[dict[str, Any]]:
        return [r["judgement"] for r in self._read(Q.ENTITY_JUDGEMENTS, id=entity_id)]

    def entity_evidence(self, entity_id: str) -> list[dict[str, Any]]:
        return self._read(Q.ENTITY_EVIDENCE, id=entity_id)

    # -- jobs -------------------------------------------------------------------------------
    def create_job(self, job_id: str, at: str, items: list[dict[str, Any]]) -> None:
        """Store a job and all its documents in one transaction (accepted = durable)."""
        self.write_transaction(_create_job, job_id, at, items, keeps_index=True)

    def next_job_items(self, limit: int) -> list[dict[str, Any]]:
        return [r["item"] for r in self._read(Q.NEXT_JOB_ITEMS, limit=limit)]

    def finish_job_item(
        self,
        item_id: str,
        status: str,
        document_id: str | None,
        created: bool | None,
        error: str | None,
        at: str,
    ) -> None:
        self._write(
            Q.FINISH_JOB_ITEM,
            keeps_index=True,
            id=item_id,
            status=status,
            document_id=document_id,
            created=created,
            error=error,
            at=at,
        )

    def job(self, job_id: str) -> dict[str, Any] | None:
        rows = self._read(Q.GET_JOB, id=job_id)
        if not rows:
            return None
        progress = {r["status"]: r["n"] for r in self._read(Q.JOB_PROGRESS, id=job_id)}
        failures = [r["failure"] for r in self._read(Q.JOB_FAILURES, id=job_id, limit=1000)]
        return {**rows[0]["job"], "progress": progress, "failures": failures}

    def delete_all(self) -> None:
        """Remove every node (tests and `akg db reset`)."""
        self._write(Q.DELETE_ALL)

    # -- resolution -----------------------------------------------------------------------
    def resolution_candidates(self, keys: set[str]) -> list[Candidate]:
        """Entities whose aliases match any of ``keys`` (from the alias index)."""
        return self.alias_index().candidates(keys) if keys else []

    def co_mentioned(self, entity_id: str) -> frozenset[str]:
        """Entities mentioned in the same documents (up to ``NEIGHBOR_CONTEXT`` documents),
        those still waiting for their write included."""
        rows = self._read(Q.ENTITY_NEIGHBOR_IDS, id=entity_id, documents=NEIGHBOR_CONTEXT)
        written = frozenset(rows[0]["neighbors"]) if rows else frozenset()
        return written | self.alias_index().pending_co_mentions(entity_id)

    def may_have_document(self, doc_id: str) -> bool:
        """False when the document is surely absent (not in the index, which knows every
        document written through this store); True means: ask the graph."""
        return self.alias_index().has_document(doc_id)

    # -- the alias index ------------------------------------------------------------------
    def alias_index(self) -> AliasIndex:
        """The in-process mirror of entities and aliases (``graph_schema/alias_index.py``).

        Loaded from the graph when first asked. Writes through this store update it when they
        commit; writes by other processes (another ``akg`` command, curation elsewhere) are
        picked up at most ``index_refresh_seconds`` later, by a cheap count query and a read of
        the entities of the new documents.
        """
        fresh = self.fresh_alias_index()
        if fresh is not None:
            return fresh
        with self._index_sync:  # one catch-up at a time; the others wait for it, then look up
            if not self._index_loaded:
                self._load_index()
            elif time.monotonic() - self._index_checked >= self.index_refresh_seconds:
                self._catch_up_index()
        return self._index

    def fresh_alias_index(self) -> AliasIndex | None:
        """The alias index when it needs no graph round trip first (loaded, checked within
        ``index_refresh_seconds``); None otherwise. Never does I/O: async handlers call it, and
        ``akg serve`` keeps it fresh in the background (``runtime.IndexRefresher``)."""
        if self._index_loaded and time.monotonic() - self._index_checked < self.index_refresh_seconds:
            return self._index
        return None

    def invalidate_index(self) -> None:
        """Reload the whole index when next asked (after writes of unknown reach)."""
        self._index_loaded = False

    def _load_index(self) -> None:
        started = time.perf_counter()
        fingerprint = self._read(Q.INDEX_FINGERPRINT)[0]
        rows = self._read(Q.INDEX_ALL_ENTITIES)
        documents = {r["id"] for r in self._read(Q.INDEX_DOCUMENT_IDS)}
        with self._index.lock:
            self._index.clear()
            self._index.put_entities(rows)
            self._index.documents = documents
            self._index.reapply_pending()
            self._index.judgements = (fingerprint["judgements"], fingerprint["reverted"])
        self._index_checked = time.monotonic()
        self._index_loaded = True
        log.info(
            "alias_index.loaded",
            entities=len(self._index),
            documents=len(documents),
            seconds=round(time.perf_counter() - started, 3),
        )

    def _catch_up_index(self) -> None:
        """Bring the index up to date with writes made by other processes."""
        index = self._index
        fingerprint = self._read(Q.INDEX_FINGERPRINT)[0]
        self._index_checked = time.monotonic()
        if fingerprint["documents"] < len(index.documents):  # deleted: start again
            self._load_index()
            return
        if fingerprint["documents"] > len(index.documents):
            graph_documents = {r["id"] for r in self._read(Q.INDEX_DOCUMENT_IDS)}
            if not index.documents <= graph_documents:
                self._load_index()
                return
            new = sorted(graph_documents - index.documents)
            entity_ids = {r["id"] for r in self._read(Q.DOCUMENTS_ENTITY_IDS, ids=new)}
            self._reread_entities(entity_ids)
            with index.lock:
                index.documents.update(new)
        if (fingerprint["judgements"], fingerprint["reverted"]) != index.judgements:
            self.reread_judged_entities()  # curation elsewhere

    def reread_judged_entities(self) -> None:
        """Re-read the entities that judgements (merges, splits, reverts) name: after a curation,
        here or in another process."""
        if not self._index_loaded:
            return
        fingerprint = self._read(Q.INDEX_FINGERPRINT)[0]
        self._reread_entities({r["id"] for r in self._read(Q.JUDGED_ENTITY_IDS)})
        self._index.judgements = (fingerprint["judgements"], fingerprint["reverted"])

    def forget_unwritten(self, graphs: list[DocumentGraph]) -> None:
        """Take documents that were put in the index ahead of a write that never happened out of it."""
        self._reread_entities({e.id for g in graphs for e in g.entities}, failed=graphs)

    def _reread_entities(self, entity_ids: set[str], failed: Iterable[DocumentGraph] = ()) -> None:
        """Replace these entities in the index with what the graph now holds; documents of a
        failed write stop being pending."""
        self._index.forget(g.document.id for g in failed)
        if not self._index_loaded:
            return
        try:
            rows = self._read(Q.INDEX_ENTITIES, ids=sorted(entity_ids)) if entity_ids else []
        except GraphUnavailableError:
            self.invalidate_index()
            raise
        with self._index.lock:
            self._index.put_entities(rows, asked=entity_ids)
            self._index.reapply_pending(only=entity_ids)

    # -- reads ----------------------------------------------------------------------------
    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._read(Q.GET_DOCUMENT, id=doc_id)
        return rows[0]["doc"] if rows else None

    def list_documents(self, after: str, limit: int) -> list[dict[str, Any]]:
        return [r["doc"] for r in self._read(Q.LIST_DOCUMENTS, after=after, limit=limit)]

    def document_mentions(self, doc_id: str, skip: int, limit: int) -> list[dict[str, Any]]:
        return [r["mention"] for r in self._read(Q.DOCUMENT_MENTIONS, id=doc_id, skip=skip, limit=limit)]

    def list_entities(self, entity_type: EntityType | None, skip: int, limit: int) -> list[dict[str, Any]]:
        rows = self._read(
            Q.LIST_ENTITIES, type=entity_type.value if entity_type else None, skip=skip, limit=limit
        )
        return [r["entity"] for r in rows]

    def entity_aliases(self, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for r in self._read(Q.ENTITY_ALIASES, ids=ids):
            out[r["entity_id"]].append(r["alias"])
        return out

    def get_entity(self, entity_id: str) -> dict[str, Any] | None:
        rows = self._read(Q.GET_ENTITY, id=entity_id)
        return rows[0]["entity"] if rows else None

    def entity_documents(self, entity_id: str, skip: int, limit: int) -> list[dict[str, Any]]:
        rows = self._read(Q.ENTITY_DOCUMENTS, id=entity_id, skip=skip, limit=limit)
        return [r["doc"] for r in rows]

    def entity_neighbors(
        self, entity_id: str, entity_type: EntityType | None, limit: int
    ) -> list[dict[str, Any]]:
        rows = self._read(
            Q.ENTITY_NEIGHBORS, id=entity_id, type=entity_type.value if entity_type else None, limit=limit
        )
        return [r["neighbor"] for r in rows]

    def shortest_path(self, from_id: str, to_id: str, max_hops: int) -> list[dict[str, Any]] | None:
        if max_hops not in Q.SHORTEST_PATH:
            raise ValueError(f"max_hops must be one of {list(Q.PATH_HOPS)}")
        rows = self._read(Q.SHORTEST_PATH[max_hops], from_id=from_id, to_id=to_id)
        return rows[0]["nodes"] if rows else None

    def stats(self) -> dict[str, Any]:
        counts = self._read(Q.STATS)[0]
        by_type = {r["type"]: r["n"] for r in self._read(Q.ENTITY_TYPE_COUNTS)}
        return {**counts, "entities_by_type": {t.value: by_type.get(t.value, 0) for t in EntityType}}

    # -- export ---------------------------------------------------------------------------
    def export_documents(self) -> Iterator[dict[str, Any]]:
        yield from (r["doc"] for r in self._read(Q.EXPORT_DOCUMENTS))

    def export_entities(self) -> Iterator[dict[str, Any]]:
        yield from (r["entity"] for r in self._read(Q.EXPORT_ENTITIES))

    def export_mentions(self) -> Iterator[dict[str, Any]]:
        yield from (r["mention"] for r in self._read(Q.EXPORT_MENTIONS))


def run(tx: ManagedTransaction, query: str, **parameters: Any) -> list[dict[str, Any]]:
    """Run one statement inside a transaction function; rows as dicts."""
    return _run(tx, query, parameters)


def expect(tx: ManagedTransaction, query: str, expected: int, **parameters: Any) -> None:
    """Run a batch that must touch ``expected`` rows; otherwise abort the transaction."""
    _expect(tx, query, expected, **parameters)


def _run(tx: ManagedTransaction, query: str, parameters: dict[str, Any]) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(query, parameters)]


def _expect(tx: ManagedTransaction, query: str, expected: int, **parameters: Any) -> None:
    """Run a batch and check that it touched every row; otherwise abort the transaction."""
    rows = _run(tx, query, parameters)
    got = rows[0]["n"] if rows else 0
    if got != expected:
        raise GraphWriteError(f"expected {expected} rows written, the graph reported {got}")


def _create_job(tx: ManagedTransaction, job_id: str, at: str, items: list[dict[str, Any]]) -> None:
    _expect(tx, Q.CREATE_JOB, len(items), id=job_id, at=at, total=len(items), items=items)


def _write_documents(tx: ManagedTransaction, graphs: list[DocumentGraph], accepted: list[str]) -> None:
    """A batch of documents: one statement per kind of row, rows of all documents together."""
    _expect(tx, Q.CREATE_DOCUMENTS, len(graphs), docs=[params(g.document) for g in graphs])
    if accepted:  # (gone already when a restarted service ingested them meanwhile)
        _run(tx, Q.DELETE_ACCEPTED, {"ids": accepted})
    entities: dict[str, EntityRow] = {}
    aliases: dict[str, AliasRow] = {}
    mentions: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    mention_sums: Counter[str] = Counter()
    document_sums: Counter[str] = Counter()
    for g in graphs:
        for e in g.entities:
            entities.setdefault(e.id, e)
        for a in g.aliases:
            known = aliases.get(a.id)
            aliases[a.id] = (
                a
                if known is None
                else dataclasses.replace(known, count=known.count + a.count, pinned=known.pinned or a.pinned)
            )
        if g.mentions:
            mentions.append({"id": g.document.id, "mentions": [params(m) for m in g.mentions]})
        for entity_id, count in sorted(g.entity_mention_counts.items()):
            links.append({"doc_id": g.document.id, "entity_id": entity_id, "count": count})
            mention_sums[entity_id] += count
            document_sums[entity_id] += 1
    for entity_type in EntityType:
        rows = [params(e) for e in entities.values() if e.type is entity_type]
        if rows:
            _expect(tx, Q.UPSERT_ENTITIES[entity_type], len(rows), rows=rows)
    if aliases:
        _expect(tx, Q.UPSERT_ALIASES, len(aliases), rows=[params(a) for a in aliases.values()])
    if mentions:
        _expect(tx, Q.CREATE_MENTIONS, sum(len(g.mentions) for g in graphs), docs=mentions)
    if links:
        _expect(tx, Q.LINK_DOCUMENT_ENTITIES, len(links), rows=links)
        counts = [
            {"entity_id": k, "mentions": mention_sums[k], "documents": document_sums[k]}
            for k in sorted(mention_sums)
        ]
        _expect(tx, Q.REFRESH_ENTITIES, len(counts), rows=counts)
