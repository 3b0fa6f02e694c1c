"""Batch ingestion as durable jobs.

``submit`` validates a whole batch first (a malformed batch is refused and changes
nothing), then stores the job and every document in one transaction: once a job id is
returned, nothing it holds can be lost. ``JobRunner`` ingests pending items one at a time in
a background thread and records each outcome on its item. After a restart the runner
simply finds the items still pending; since a document's id is the hash of its text, an
item interrupted between the document write and the item update is finished without a
duplicate.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import structlog

from graph_schema.store import GraphStore
from loaders import LoadedDocument, LoaderError, prepare
from service import memory
from service.errors import AkgError, GraphUnavailableError, InvalidInputError, ModelUnavailableError
from service.pipeline import Pipeline

log = structlog.get_logger(__name__)

DOCUMENT_FIELDS = ("text", "source", "title", "published_at", "url")


def submit(store: GraphStore, documents: list[LoadedDocument], max_documents: int) -> str:
    """Store a job of already validated documents; returns its id."""
    if not documents:
        raise InvalidInputError("A job needs at least one document.")
    if len(documents) > max_documents:
        raise InvalidInputError(
            f"A job holds at most {max_documents} documents (AKG_MAX_BATCH_DOCUMENTS); this one has "
            f"{len(documents)}: split it."
        )
    job_id = "job_" + uuid.uuid4().hex[:16]
    items = [
        {"id": f"{job_id}:{i}", "position": i, **{f: getattr(d, f) for f in DOCUMENT_FIELDS}}
        for i, d in enumerate(documents)
    ]
    store.create_job(job_id, _now(), items)
    log.info("job.accepted", job=job_id, documents=len(items))
    return job_id


def status(store: GraphStore, job_id: str) -> dict[str, Any] | None:
    job = store.job(job_id)
    if job is None:
        return None
    progress = job.pop("progress")
    pending = progress.get("pending", 0)
    return {
        **job,
        "status": "done" if pending == 0 else "running" if len(progress) > 1 else "queued",
        "pending": pending,
        "done": progress.get("done", 0),
        "failed": progress.get("failed", 0),
    }


class JobRunner:
    """Ingests pending job items in a background thread until stopped."""

    def __init__(
        self, store: GraphStore, pipeline: Callable[[], Pipeline | None], idle_wait_s: float = 2.0
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.idle_wait_s = idle_wait_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="akg-jobs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def wake(self) -> None:
        """New work arrived."""
        self._wake.set()

    def _loop(self) -> None:
        started = _now()
        recovered = False
        while not self._stop.is_set():
            if not recovered and self.pipeline() is not None:
                try:
                    self.recover_accepted(started)
                    recovered = True
                except GraphUnavailableError as exc:
                    log.warning("jobs.graph_unavailable", error=str(exc))
            try:
                worked = self.run_pending(batch=8)
            except GraphUnavailableError as exc:
                log.warning("jobs.graph_unavailable", error=str(exc))
                worked = False
            except Exception:  # the runner must survive anything; the item stays pending
                log.exception("jobs.failed")
                worked = False
            if not worked:
                self._wake.wait(self.idle_wait_s)
                self._wake.clear()

    def recover_accepted(self, before: str) -> int:
        """Ingest documents that ``POST /documents`` accepted before ``before`` but whose
        background write never happened (the service stopped first). Returns how many."""
        pipeline = self.pipeline()
        if pipeline is None:
            raise ModelUnavailableError("The NER model is not loaded yet.")
        done = 0
        while not self._stop.is_set():
            accepted = self.store.accepted_documents(before, limit=16)
            if not accepted:
                break
            for a in accepted:
                result = pipeline.ingest(_document(a, origin="api"))
                self.store.delete_accepted([a["id"]])
                log.info("accepted.recovered", id=result.id, created=result.created)
                done += 1
        return done

    def run_pending(self, batch: int) -> bool:
        """Process up to ``batch`` pending items; False when there was nothing to do."""
        pipeline = self.pipeline()
        if pipeline is None:
            return False
        items = self.store.next_job_items(batch)
        for item in items:
            if self._stop.is_set():
                break
            self._process(pipeline, item)
            memory.trim()
        return bool(items)

    def _process(self, pipeline: Pipeline, item: dict[str, Any]) -> None:
        origin = f"{item['job_id']}#{item['position']}"
        try:
            result = pipeline.ingest(_document(item, origin))
        except GraphUnavailableError:
            raise  # not the document's fault: it stays pending and is retried
        except (LoaderError, AkgError) as exc:
            self.store.finish_job_item(item["id"], "failed", None, None, str(exc), _now())
            return
        except Exception as exc:  # a bug must not retry the same item forever
            log.exception("jobs.item_failed", item=item["id"])
            self.store.finish_job_item(
                item["id"], "failed", None, None, f"internal error: {type(exc).__name__}", _now()
            )
            return
        self.store.finish_job_item(item["id"], "done", result.id, result.created, None, _now())


def _document(row: dict[str, Any], origin: str) -> LoadedDocument:
    """A stored job item or accepted document, loaded again."""
    return prepare(
        row["text"],
        source=row.get("source"),
        title=row.get("title"),
        published_at=row.get("published_at"),
        url=row.get("url"),
        origin=origin,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
