"""Ingestion end to end vs recognition alone, on the same documents, in one run.

    python -m bench.ingest [--docs 60] [--articles-per-doc 4]

Recognition is the physical limit of ingestion; the ratio says how little the rest
(look-ups in the alias index, resolution, batched writes) adds. Documents are news-length
(``--articles-per-doc`` sample articles joined; 1 for the short samples alone). The graph
server is warmed up first on other documents (a cold JIT makes the first writes slow).
"""

from __future__ import annotations

import argparse
import time

from bench.common import news_length_documents, temporary_graph
from nlp.tokenize import tokenize
from service.cli import AUTO_PROCESSES_FROM
from service.engines import process_first_passes
from service.pipeline import Pipeline
from service.runtime import load_recognizer
from service.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--articles-per-doc", type=int, default=4)
    ap.add_argument("--workers", type=int, default=1, help="worker processes of the processes engine")
    args = ap.parse_args()
    every = news_length_documents(args.docs + 20, args.articles_per_doc)
    warm_up, docs = every[:20], every[20:]
    tokens = sum(len(tokenize(d.text)) for d in docs)
    recognizer = load_recognizer(Settings())
    with temporary_graph() as store:
        pipeline = Pipeline(recognizer, store)
        for d in warm_up:  # the model's first calls and the graph server's JIT
            pipeline.ingest(d)

        started = time.perf_counter()
        for d in docs:
            pipeline.recognize(d, use_graph=False)
        recognize_s = time.perf_counter() - started

        started = time.perf_counter()
        for d in docs[: len(docs) // 2]:
            pipeline.ingest(d)
        one_by_one_s = (time.perf_counter() - started) * len(docs) / (len(docs) // 2)

        started = time.perf_counter()
        consumed = sum(1 for _ in pipeline.ingest_many(docs[len(docs) // 2 :]))
        ingest_s = (time.perf_counter() - started) * len(docs) / consumed

        # the same, the first pass on a worker process (akg ingest --engine processes); the
        # worker loads its model before the clock starts, on the warm-up documents
        store.delete_all()
        store.ensure_schema()
        passes = process_first_passes(pipeline, Settings(), workers=args.workers)
        every_doc = [*warm_up, *docs]
        results = pipeline.ingest_many(every_doc, first_passes=passes)
        started = time.perf_counter()
        next(results)  # the worker's start-up: a new process, imports, the model, one document
        start_up_s = time.perf_counter() - started
        for _ in warm_up[1:]:
            next(results)
        started = time.perf_counter()
        consumed = sum(1 for _ in results)
        processes_s = (time.perf_counter() - started) * len(docs) / consumed

    print(f"documents: {len(docs)}, tokens: {tokens}")
    print(f"recognition alone: {len(docs) / recognize_s:7.1f} docs/s  {tokens / recognize_s:8,.0f} tokens/s")
    print(
        f"ingest, one by one: {len(docs) / one_by_one_s:6.1f} docs/s  {tokens / one_by_one_s:8,.0f} tokens/s"
    )
    print(f"ingest, overlapped: {len(docs) / ingest_s:6.1f} docs/s  {tokens / ingest_s:8,.0f} tokens/s")
    print(
        f"ingest, {args.workers} worker process(es): {len(docs) / processes_s:6.1f} docs/s"
        f"  {tokens / processes_s:8,.0f} tokens/s"
    )
    print(f"worker process start-up (with its first document): {start_up_s:.1f} s")
    print(
        f"ingest ({args.workers} worker process(es); akg ingest from {AUTO_PROCESSES_FROM} documents)"
        f" / recognition throughput ratio: {recognize_s / processes_s:.2f}  (goal >= 0.9)"
    )
    print(
        f"ingest (overlapped thread; akg ingest below {AUTO_PROCESSES_FROM} documents)"
        f" / recognition ratio: {recognize_s / ingest_s:.2f}"
    )
    saved = 1 / (len(docs) / ingest_s) - 1 / (len(docs) / processes_s)
    if saved > 0:
        print(f"worker start-up pays for itself from about {start_up_s / saved:.0f} documents")


if __name__ == "__main__":
    main()
