"""Background writes for ``POST /documents``: the request answers once its document is
stored durably, and the graph write is batched and overlapped with the next recognition.

A request recognises and resolves its document (against the alias index, where the
documents still waiting here are already visible), stores the text and metadata as an
``Accepted`` node (one small write), hands the resolved graph to ``DocumentWriter`` and
answers. The writer thread writes whatever has queued up, up to ``max_batch`` documents per
transaction; the same transaction deletes their ``Accepted`` nodes. If the service dies in
between, the ``Accepted`` nodes are still there and the job runner ingests them again when
it restarts (``JobRunner.recover_accepted``): nothing accepted is lost.

Reads that must see a document just posted wait for the writer first: for the documents
or entities they read (``wait_for``, ``wait_for_entities``), or for everything queued
(``wait_idle``: lists, statistics, curation). Search does not need to: the alias index has
the pending documents already.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass

import structlog

from graph_schema.records import DocumentGraph
from graph_schema.store import GraphStore
from service.errors import GraphUnavailableError

log = structlog.get_logger(__name__)

RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0)


@dataclass(frozen=True, slots=True)
class PendingWrite:
    graph: DocumentGraph
    accepted_id: str


class DocumentWriter:
    """One thread that writes queued document graphs in batches, in the order they came."""

    def __init__(self, store: GraphStore, max_batch: int = 32) -> None:
        self.store = store
        self.max_batch = max_batch
        self._queue: deque[PendingWrite] = deque()
        self._pending: set[str] = set()  # queued or being written, by document id
        self._entities: Counter[str] = Counter()  # entity id -> pending documents that touch it (> 0)
        self._changed = threading.Condition()
        self._stop = False
        self._thread = threading.Thread(target=self._loop, name="akg-writer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 60.0) -> None:
        """Write what is queued (within ``timeout``), then stop."""
        self.wait_idle(timeout)
        with self._changed:
            self._stop = True
            self._changed.notify_all()
        self._thread.join(timeout=5)

    def submit(self, graph: DocumentGraph, accepted_id: str) -> bool:
        """Queue a document; False (nothing queued) when the same document is queued already."""
        with self._changed:
            if graph.document.id in self._pending:
                return False
            self._pending.add(graph.document.id)
            self._entities.update(e.id for e in graph.entities)
            self._queue.append(PendingWrite(graph, accepted_id))
            self._changed.notify_all()
            return True

    def is_pending(self, doc_id: str) -> bool:
        with self._changed:
            return doc_id in self._pending

    def idle(self) -> bool:
        with self._changed:
            return not self._pending

    def wait_for(self, doc_id: str, timeout: float = 30.0) -> bool:
        """Wait until a document is written (True), or ``timeout`` (False)."""
        with self._changed:
            return self._changed.wait_for(lambda: doc_id not in self._pending, timeout)

    def touches(self, entity_ids: Iterable[str]) -> bool:
        """Does a document still to be written mention one of these entities?"""
        with self._changed:
            return any(i in self._entities for i in entity_ids)

    def wait_for_entities(self, entity_ids: Iterable[str], timeout: float = 30.0) -> bool:
        """Wait until no document still to be written mentions these entities (True), or
        ``timeout`` (False): what reads of one entity need, not the whole queue."""
        ids = list(entity_ids)
        with self._changed:
            return self._changed.wait_for(lambda: not any(i in self._entities for i in ids), timeout)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until everything queued so far is written (True), or ``timeout`` (False)."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._pending, timeout)

    def _loop(self) -> None:
        while True:
            with self._changed:
                while not self._queue and not self._stop:
                    self._changed.wait()
                if not self._queue:
                    return
                batch = [self._queue.popleft() for _ in range(min(self.max_batch, len(self._queue)))]
            self._write(batch)
            with self._changed:
                for item in batch:
                    self._pending.discard(item.graph.document.id)
                    self._entities.subtract(e.id for e in item.graph.entities)
                self._entities = +self._entities  # drop the zeros
                self._changed.notify_all()

    def _write(self, batch: list[PendingWrite]) -> None:
        """Write a batch, retrying while the graph is unavailable. A batch that cannot be written
        keeps its ``Accepted`` nodes: the next start of the service ingests them again."""
        graphs = [item.graph for item in batch]
        accepted = [item.accepted_id for item in batch]
        for attempt, pause in enumerate((*RETRY_SECONDS, None)):
            try:
                self.store.write_documents(graphs, accepted)
                log.info("documents.written", documents=len(batch))
                return
            except GraphUnavailableError as exc:
                if pause is None or self._stop:
                    break
                log.warning("documents.write_retry", attempt=attempt + 1, error=str(exc))
                time.sleep(pause)
            except Exception:
                log.exception("documents.write_failed", documents=[g.document.id for g in graphs])
                break
        try:
            self.store.forget_unwritten(graphs)
        except Exception:  # the graph is still away: the index reloads when next asked
            self.store.invalidate_index()
        log.error(
            "documents.kept_for_restart",
            documents=[g.document.id for g in graphs],
            detail="their Accepted nodes stay in the graph; they are ingested when the service restarts",
        )
