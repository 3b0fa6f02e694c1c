"""The graph store: named queries run through the official neo4j driver.

``GraphStore`` is the only class that talks to the database. It speaks Bolt to Neo4j 5 or to
the embedded ArcadeDB server alike, turns connection failures into
``GraphUnavailableError`` and writes one document per transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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
from graph_schema.records import DocumentGraph, params
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

    def __init__(self, driver: Driver, database: str | None) -> None:
        self.driver = driver
        self.database = database

    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str | None) -> GraphStore:
        driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=5.0,
            max_transaction_retry_time=10.0,
            connection_acquisition_timeout=10.0,
        )
        return cls(driver, database)

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

    def _write(self, query: str, **parameters: Any) -> list[dict[str, Any]]:
        return self.write_transaction(_run, query, parameters)

    def ping(self) -> bool:
        """True when the graph answers a query."""
        try:
            return self._read(Q.PING) == [{"ok": 1}]
        except (GraphUnavailableError, Neo4jError):
            return False

    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent)."""
        for statement in Q.SCHEMA:
            self._write(statement)

    # -- writes -----------------------------------------------------------------------
    def document_exists(self, doc_id: str) -> bool:
        return bool(self._read(Q.DOCUMENT_EXISTS, id=doc_id))

    def write_document(self, graph: DocumentGraph) -> bool:
        """Write a document with its mentions, entities and aliases in one transaction.

        Returns False (and writes nothing) when a document with the same id exists.
        """
        try:
            self.write_transaction(_write_document, graph)
        except ConstraintError:
            if self.document_exists(graph.document.id):
                return False
            raise
        return True

    def write_transaction(self, work: Callable[..., T], *args: Any) -> T:
        """Run ``work(tx, *args)`` in one write transaction (retried on transient errors)."""
        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_write(work, *args)
        except _UNAVAILABLE as exc:
            raise GraphUnavailableError(f"The graph server cannot be reached: {exc}") from exc

    def entity_judgements(self, entity_id: str) -> list[dict[str, Any]]:
        return [r["judgement"] for r in self._read(Q.ENTITY_JUDGEMENTS, id=entity_id)]

    def entity_evidence(self, entity_id: str) -> list[dict[str, Any]]:
        return self._read(Q.ENTITY_EVIDENCE, id=entity_id)

    # -- jobs -------------------------------------------------------------------------------
    def create_job(self, job_id: str, at: str, items: list[dict[str, Any]]) -> None:
        """Store a job and all its documents in one transaction (accepted = durable)."""
        self.write_transaction(_create_job, job_id, at, items)

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
        """Entities whose aliases match any of ``keys``."""
        if not keys:
            return []
        rows = self._read(Q.RESOLUTION_CANDIDATES, keys=sorted(keys))
        out = []
        for row in rows:
            aliases = row["aliases"]
            out.append(
                Candidate(
                    id=row["id"],
                    type=EntityType(row["type"]),
                    full_keys=frozenset(a["key"] for a in aliases if not a["partial"]),
                    partial_keys=frozenset(a["key"] for a in aliases if a["partial"]),
                    pinned_keys=frozenset(a["key"] for a in aliases if a.get("pinned")),
                    skeletons=frozenset(a["skeleton"] for a in aliases if a.get("skeleton")),
                )
            )
        return out

    def co_mentioned(self, entity_id: str) -> frozenset[str]:
        """Entities mentioned in the same documents (up to ``NEIGHBOR_CONTEXT`` documents)."""
        rows = self._read(Q.ENTITY_NEIGHBOR_IDS, id=entity_id, documents=NEIGHBOR_CONTEXT)
        return frozenset(rows[0]["neighbors"]) if rows else frozenset()

    def known_names(self, keys: set[str], min_mentions: int) -> list[tuple[str, EntityType]]:
        """(alias text, type) of full aliases among ``keys`` whose entity has enough mentions."""
        if not keys:
            return []
        rows = self._read(Q.KNOWN_NAMES, keys=sorted(keys), min_mentions=min_mentions)
        return [(r["text"], EntityType(r["type"])) for r in rows]

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

    def entities_by_id(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        return {r["entity"]["id"]: r["entity"] for r in self._read(Q.ENTITIES_BY_ID, ids=ids)}

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

    def search_aliases(self, arabic: list[str], latin: list[str]) -> list[dict[str, Any]]:
        """Aliases matching the probes, each with its (live) entity."""
        if not arabic and not latin:
            return []
        return self._read(Q.SEARCH_ALIASES, arabic=arabic, latin=latin)

    def all_aliases(self) -> list[dict[str, Any]]:
        return [r["alias"] for r in self._read(Q.ALL_ALIAS_KEYS)]

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


def _write_document(tx: ManagedTransaction, graph: DocumentGraph) -> None:
    doc = graph.document
    _run(tx, Q.CREATE_DOCUMENT, {"doc": params(doc)})
    for entity_type in EntityType:
        rows = [params(e) for e in graph.entities if e.type is entity_type]
        if rows:
            _expect(tx, Q.UPSERT_ENTITIES[entity_type], len(rows), rows=rows)
    if graph.aliases:
        _expect(tx, Q.UPSERT_ALIASES, len(graph.aliases), rows=[params(a) for a in graph.aliases])
    if graph.mentions:
        _expect(
            tx,
            Q.CREATE_MENTIONS,
            len(graph.mentions),
            doc_id=doc.id,
            rows=[params(m) for m in graph.mentions],
        )
    links = [{"entity_id": k, "count": v} for k, v in sorted(graph.entity_mention_counts.items())]
    if links:
        _expect(tx, Q.LINK_DOCUMENT_ENTITIES, len(links), doc_id=doc.id, rows=links)
        _run(tx, Q.REFRESH_ENTITY_NAMES, {"ids": [link["entity_id"] for link in links]})
