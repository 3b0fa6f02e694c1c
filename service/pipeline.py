"""The ingestion pipeline: loaded document -> mentions -> entities -> graph.

The CLI and the API both call these functions, so a document ingested either way
becomes the same graph.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from queue import Empty, Queue
from typing import TYPE_CHECKING, Protocol

import structlog

from graph_schema.records import DocumentGraph, DocumentRow, EntityRow, MentionRow
from graph_schema.store import GraphStore
from loaders import LoadedDocument
from nlp.recognition.propagation import candidate_keys
from nlp.recognition.recognizer import Analysis, AnalysisInput, TextRegion, finish
from nlp.resolution.aliases import alias_id, alias_row
from nlp.resolution.resolver import Resolution, probe_keys, resolve
from nlp.resolution.transliteration import to_latin
from nlp.text import model_form
from nlp.types import EntityType, Mention

if TYPE_CHECKING:
    from service.writer import DocumentWriter

log = structlog.get_logger(__name__)

KNOWN_NAME_MIN_MENTIONS = 2
RECOGNITION_AHEAD = 64
"""How many recognised documents may wait for the graph (bounds memory)."""
WRITE_BATCH = 32
"""Documents per write transaction in ``ingest_many``."""
WRITE_DELAY = 0.5
"""Seconds a resolved document may wait for its batch to fill before it is written anyway."""
RECOGNITION_BATCH = 8
"""Documents whose sentences the model reads in one go in ``ingest_many`` (an article has a
handful of sentences; eight articles' keep the model's matrices full: ``analyses``). A slow
stream's documents wait until eight are read, or the stream ends or fails."""
_TEH_MARBUTA = str.maketrans("ة", "ه")


FirstPasses = Callable[
    [Iterable[LoadedDocument]], Iterator[tuple[LoadedDocument, "Analysis | Exception | None"]]
]
"""Runs ``Pipeline.first_pass`` over documents, yielding them in order with their analysis
(None when the document is in the graph already, an exception when its recognition failed)."""


@dataclass(frozen=True, slots=True)
class IngestResult:
    id: str
    created: bool
    """False when the same text was already in the graph (nothing was written)."""
    mentions: int
    entities: int


def text_regions(doc: LoadedDocument) -> tuple[list[TextRegion], list[TextRegion]]:
    """The loader's furniture and metadata spans, as the recogniser takes them."""
    furniture = [TextRegion(s.start, s.end, s.kind) for s in doc.furniture]
    metadata = [TextRegion(s.start, s.end, s.kind) for s in doc.metadata_spans]
    return furniture, metadata


def document_id(doc: LoadedDocument) -> str:
    """Documents are identified by the hash of their exact text."""
    return "D" + doc.content_hash()[:24]


class TextAnalyzer(Protocol):
    """What the pipeline needs of a recogniser: ``Recognizer``, ``RecognizerProcess`` (a
    worker process) or ``runtime.LazyRecognizer`` (loaded when first needed)."""

    def analyze(
        self, text: str, furniture: Sequence[TextRegion] = (), metadata: Sequence[TextRegion] = ()
    ) -> Analysis: ...

    def analyze_many(self, texts: Sequence[AnalysisInput]) -> list[Analysis]: ...


def analysis_input(doc: LoadedDocument) -> AnalysisInput:
    return (doc.text, *text_regions(doc))


def analyses(recognizer: TextAnalyzer, texts: Sequence[AnalysisInput]) -> list[Analysis | Exception]:
    """First passes of several texts, the model run once over all their sentences; when that
    fails, each text on its own, so that a failure is the failing text's alone."""
    if not texts:
        return []
    try:
        return list(recognizer.analyze_many(texts))
    except Exception:  # noqa: S110 - found again below, and handed over with its own text
        pass
    out: list[Analysis | Exception] = []
    for text in texts:
        try:
            out.append(recognizer.analyze(*text))
        except Exception as exc:
            out.append(exc)
    return out


def to_analyse(chunk: Sequence[LoadedDocument], skipped: Sequence[bool]) -> list[AnalysisInput]:
    """The inputs of a chunk's documents that are not skipped (those in the graph already)."""
    return [analysis_input(doc) for doc, skip in zip(chunk, skipped, strict=True) if not skip]


def in_order(
    chunk: Sequence[LoadedDocument], skipped: Sequence[bool], found: Iterable[Analysis | Exception]
) -> list[tuple[LoadedDocument, Analysis | Exception | None]]:
    """A chunk's documents with their first passes (``found``, for those not skipped, in
    order), None for a skipped one."""
    results = iter(found)
    return [(doc, None if skip else next(results)) for doc, skip in zip(chunk, skipped, strict=True)]


def first_passes_of(
    recognizer: TextAnalyzer, chunk: Sequence[LoadedDocument], skipped: Sequence[bool]
) -> list[tuple[LoadedDocument, Analysis | Exception | None]]:
    """A chunk's first passes, the model run once over the documents not skipped."""
    return in_order(chunk, skipped, analyses(recognizer, to_analyse(chunk, skipped)))


def in_chunks(items: Iterable[LoadedDocument], size: int) -> Iterator[list[LoadedDocument]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily. When
    reading fails, the items read before come first, then the error."""
    chunk: list[LoadedDocument] = []
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            break
        except Exception:
            if chunk:
                yield chunk
            raise
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Pipeline:
    """Recognition, resolution and graph writes for one document at a time."""

    def __init__(self, recognizer: TextAnalyzer, store: GraphStore) -> None:
        self.recognizer = recognizer
        self.store = store
        self._acceptances = ThreadPoolExecutor(max_workers=4, thread_name_prefix="akg-accept")
        """Stores the texts ``accept`` is given, beside their recognition."""

    def recognize(self, doc: LoadedDocument, *, use_graph: bool = True) -> list[Mention]:
        """Raw mentions (spans as the recogniser found them, furniture excluded).

        With ``use_graph``, names already in the graph (full aliases of entities mentioned
        at least ``KNOWN_NAME_MIN_MENTIONS`` times) are recognised in this text too.
        """
        analysis = self.first_pass(doc)
        return finish(analysis, self._known_names(analysis) if use_graph else None)

    def _known_names(self, analysis: Analysis) -> dict[tuple[str, ...], EntityType]:
        """The graph's known names among the text's word runs (its tokens, from the analysis)."""
        index = self.store.alias_index()
        runs = candidate_keys(analysis.tokens, index.starts_a_name)
        keys = {" ".join(run).translate(_TEH_MARBUTA) for run in runs}
        found = index.known_names(keys, KNOWN_NAME_MIN_MENTIONS) if keys else []
        return {tuple(model_form(name).split()): etype for name, etype in found}

    def analyze(self, doc: LoadedDocument) -> list[Mention]:
        """Mentions reduced to their names (clitics and titles cut); writes nothing."""
        return analyze(self.recognizer, doc)

    def ingest(self, doc: LoadedDocument) -> IngestResult:
        """Add a document to the graph; the same text twice changes nothing."""
        existing = self._existing(doc)
        if existing is not None:
            return existing
        return self._write([self._document_graph(doc, self.recognize(doc))])[0]

    def accept(self, doc: LoadedDocument, writer: DocumentWriter) -> IngestResult:
        """Like ``ingest``, but the graph write is left to ``writer`` (batched, in the background)
        once the document is stored durably as accepted. The result is the one ``ingest`` gives."""
        doc_id = document_id(doc)
        if writer.is_pending(doc_id):
            writer.wait_for(doc_id)
        existing = self._existing(doc)
        if existing is not None:
            return existing
        accepted_id = uuid.uuid4().hex
        # The text is stored while the model reads it: the write's round trip costs no time.
        stored = self._acceptances.submit(self.store.accept_document, _accepted_row(accepted_id, doc_id, doc))
        try:
            graph = self._document_graph(doc, self.recognize(doc))
        except BaseException:
            self._withdraw(stored, accepted_id)
            raise
        stored.result()  # raises when the text could not be stored: then nothing was accepted
        self.store.alias_index().apply(graph)  # the next documents resolve against it already
        if not writer.submit(graph, accepted_id):  # the same text, posted twice at once
            self.store.forget_unwritten([graph])
            self.store.delete_accepted([accepted_id])
            writer.wait_for(doc_id)
            return self._existing(doc) or self.ingest(doc)
        counts = graph.document.mention_count, graph.document.entity_count
        log.info("document.accepted", id=doc_id, mentions=counts[0], entities=counts[1])
        return IngestResult(doc_id, True, *counts)

    def _withdraw(self, stored: Future[None], accepted_id: str) -> None:
        """Take back the ``Accepted`` node of a document whose recognition failed."""
        try:
            stored.result()
        except Exception:
            return  # it was never stored
        try:
            self.store.delete_accepted([accepted_id])
        except Exception as exc:
            log.warning(
                "accepted.not_withdrawn",
                accepted=accepted_id,
                error=str(exc),
                detail="the document will be ingested when the service restarts",
            )

    def ingest_many(
        self,
        docs: Iterable[LoadedDocument],
        on_error: Callable[[LoadedDocument, Exception], None] | None = None,
        batch_size: int = WRITE_BATCH,
        first_passes: FirstPasses | None = None,
    ) -> Iterator[IngestResult]:
        """Ingest in order, recognising ahead while the graph work of earlier documents goes
        on, and writing up to ``batch_size`` documents per transaction.

        Throughput is then bounded by recognition rather than by the sum of recognition and
        graph work. A document is resolved against everything before it, including documents of
        the same batch not yet written (they are in the alias index already), so the graph is the
        same as one-by-one ingestion. ``first_passes`` runs the graph-independent first pass
        (``first_pass``) for a stream of documents, in order: by default in a thread of this
        process; ``service.engines`` has worker processes and Ray. Results come in input order;
        ``on_error`` receives a document whose recognition failed (its result is skipped); graph
        errors propagate."""
        queue: Queue[tuple[LoadedDocument, Analysis | Exception | None] | BaseException | None] = Queue(
            maxsize=RECOGNITION_AHEAD
        )
        stop = threading.Event()
        passes = first_passes or self._first_passes_here

        def recognise_ahead() -> None:
            try:
                for item in passes(docs):
                    if stop.is_set():
                        return
                    queue.put(item)
            except BaseException as exc:  # the documents' own iterator failed (a loader error)
                queue.put(exc)
                return
            queue.put(None)

        worker = threading.Thread(target=recognise_ahead, name="akg-recognise", daemon=True)
        worker.start()
        pending: list[DocumentGraph] = []
        oldest = 0.0
        try:
            while True:
                try:
                    wait = max(0.0, oldest + WRITE_DELAY - time.monotonic()) if pending else None
                    item = queue.get(timeout=wait)
                except Empty:  # recognition is slower than the writes: do not hold documents back
                    yield from self._write(pending)
                    pending.clear()
                    continue
                if item is None:
                    break
                failure = item if isinstance(item, BaseException) else item[1]
                if isinstance(failure, BaseException) and (failure is item or on_error is None):
                    yield from self._write(pending)  # what came before the failure is kept
                    pending.clear()
                    raise failure
                assert not isinstance(item, BaseException)
                doc, analysis = item
                if isinstance(analysis, Exception):
                    assert on_error is not None
                    on_error(doc, analysis)
                    continue
                if analysis is None or document_id(doc) in {g.document.id for g in pending}:
                    yield from self._write(pending)  # results stay in input order
                    pending.clear()
                    yield self.ingest(doc)  # present already (or gone again: then analysed anew)
                    continue
                graph = self._document_graph(doc, finish(analysis, self._known_names(analysis)))
                self.store.alias_index().apply(graph)  # the next documents resolve against it
                if not pending:
                    oldest = time.monotonic()
                pending.append(graph)
                if len(pending) >= batch_size:
                    yield from self._write(pending)
                    pending.clear()
            yield from self._write(pending)
            pending.clear()
        finally:
            if pending:  # abandoned before the write: take them out of the alias index again
                self.store.forget_unwritten(pending)
            stop.set()
            while worker.is_alive():  # unblock a producer waiting on a full queue
                with contextlib.suppress(Empty):
                    queue.get_nowait()
                worker.join(timeout=0.05)

    def _first_passes_here(
        self, docs: Iterable[LoadedDocument]
    ) -> Iterator[tuple[LoadedDocument, Analysis | Exception | None]]:
        """First passes in this process, ``RECOGNITION_BATCH`` documents at a time, in order
        (None: the graph has the text; an exception: this document's failure)."""
        for chunk in in_chunks(docs, RECOGNITION_BATCH):
            yield from first_passes_of(self.recognizer, chunk, self.already_ingested_in(chunk))

    def already_ingested(self, doc: LoadedDocument) -> bool:
        doc_id = document_id(doc)
        return self.store.may_have_document(doc_id) and self.store.document_exists(doc_id)

    def already_ingested_in(self, chunk: Sequence[LoadedDocument]) -> list[bool]:
        """For each document of a chunk, whether the graph has its text (it is skipped)."""
        return [self.already_ingested(doc) for doc in chunk]

    def first_pass(self, doc: LoadedDocument) -> Analysis:
        """The graph-independent part of recognition (the model and the rules)."""
        return self.recognizer.analyze(*analysis_input(doc))

    def _existing(self, doc: LoadedDocument) -> IngestResult | None:
        """The result of an earlier ingest of the same text, if the graph has it."""
        doc_id = document_id(doc)
        return self._stored(doc_id) if self.store.may_have_document(doc_id) else None

    def _stored(self, doc_id: str) -> IngestResult | None:
        existing = self.store.get_document(doc_id)
        if existing is None:
            return None
        return IngestResult(doc_id, False, existing["mention_count"], existing["entity_count"])

    def _document_graph(self, doc: LoadedDocument, mentions: list[Mention]) -> DocumentGraph:
        candidates = self.store.resolution_candidates(probe_keys(doc.text, mentions))
        resolution = resolve(doc.text, mentions, candidates, self.store.co_mentioned)
        return build_document_graph(document_id(doc), doc, resolution)

    def _write(self, graphs: list[DocumentGraph]) -> list[IngestResult]:
        """Write a batch in one transaction; a document written meanwhile by another request
        is reported as not created."""
        results = []
        for graph, created in zip(graphs, self.store.write_documents(graphs), strict=True):
            doc_id = graph.document.id
            if not created:
                stored = self._stored(doc_id)
                assert stored is not None
                results.append(stored)
                continue
            counts = graph.document.mention_count, graph.document.entity_count
            log.info("document.ingested", id=doc_id, mentions=counts[0], entities=counts[1])
            results.append(IngestResult(doc_id, True, *counts))
        return results


def analyze(recognizer: TextAnalyzer, doc: LoadedDocument) -> list[Mention]:
    """What ``POST /analyze`` returns: the recogniser's mentions (no names from the graph),
    reduced to their names (clitics and titles cut)."""
    analysis = recognizer.analyze(doc.text, *text_regions(doc))
    resolution = resolve(doc.text, finish(analysis), [])
    return [
        _named_mention(doc.text, r.mention, r.name.start, r.name.end, r.name.title)
        for r in resolution.mentions
    ]


def build_document_graph(doc_id: str, doc: LoadedDocument, resolution: Resolution) -> DocumentGraph:
    """The rows one document adds: its node, mentions, entities and alias counts."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    mentions: dict[str, MentionRow] = {}
    alias_counts: Counter[tuple[str, str]] = Counter()
    alias_info: dict[tuple[str, str], tuple[bool, bool]] = {}
    first_name: dict[str, str] = {}
    for r in resolution.mentions:
        alias_key = (r.entity_id, r.name.text)
        alias_counts[alias_key] += 1
        alias_info[alias_key] = (r.partial, r.pinned)
        if not r.partial:
            first_name.setdefault(r.entity_id, r.name.text)
        mention_id = f"{doc_id}:{r.name.start}-{r.name.end}"
        mentions.setdefault(
            mention_id,
            MentionRow(
                id=mention_id,
                entity_id=r.entity_id,
                alias_id=alias_id(r.entity_id, r.name.text),
                start=r.name.start,
                end=r.name.end,
                text=doc.text[r.name.start : r.name.end],
                name=r.name.text,
                type=r.mention.type,
                confidence=r.mention.confidence,
                found_by=r.mention.source,
                title=r.mention.title or r.name.title,
                evidence=r.evidence,
                partial=r.partial,
                pinned=r.pinned,
            ),
        )
    aliases = tuple(
        alias_row(entity_id, text, partial=partial, count=count, pinned=pinned)
        for (entity_id, text), count in sorted(alias_counts.items())
        for partial, pinned in [alias_info[(entity_id, text)]]
    )
    entities = tuple(
        EntityRow(
            id=e.id,
            type=e.type,
            name=first_name.get(e.id, e.key),
            name_latin=to_latin(first_name.get(e.id, e.key)),
            now=now,
        )
        for e in sorted(resolution.entities.values(), key=lambda e: e.id)
    )
    per_entity = Counter(m.entity_id for m in mentions.values())
    document = DocumentRow(
        id=doc_id,
        content_hash=doc.content_hash(),
        text=doc.text,
        source=doc.source,
        title=doc.title,
        published_at=doc.published_at,
        url=doc.url,
        origin=doc.origin,
        byline=doc.byline,
        dateline=doc.dateline,
        furniture=json.dumps([[s.start, s.end, s.kind] for s in doc.furniture]),
        ingested_at=now,
        mention_count=len(mentions),
        entity_count=len(per_entity),
        char_count=len(doc.text),
    )
    return DocumentGraph(
        document=document,
        entities=entities,
        aliases=aliases,
        mentions=tuple(sorted(mentions.values(), key=lambda m: (m.start, m.end))),
        entity_mention_counts=dict(per_entity),
    )


def _accepted_row(accepted_id: str, doc_id: str, doc: LoadedDocument) -> dict[str, object]:
    """The ``Accepted`` node of a document: its text and metadata until the graph write."""
    return {
        "id": accepted_id,
        "document_id": doc_id,
        "at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "text": doc.text,
        "source": doc.source,
        "title": doc.title,
        "published_at": doc.published_at,
        "url": doc.url,
    }


def _named_mention(text: str, m: Mention, start: int, end: int, title: str | None) -> Mention:
    return Mention(start, end, text[start:end], m.type, m.confidence, m.source, m.title or title)
