"""Ingestion end to end vs recognition alone, on the same documents, in one run.

    python -m bench.ingest [--docs 70]

Recognition is the physical limit of ingestion; the ratio says how little the rest
(graph look-ups for resolution, resolution, one write transaction per document) adds.
"""

from __future__ import annotations

import argparse
import time

from bench.common import sample_documents, temporary_graph
from nlp.tokenize import tokenize
from service.pipeline import Pipeline
from service.runtime import load_recognizer
from service.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=70)
    args = ap.parse_args()
    docs = sample_documents(args.docs)
    tokens = sum(len(tokenize(d.text)) for d in docs)
    recognizer = load_recognizer(Settings())
    with temporary_graph() as store:
        pipeline = Pipeline(recognizer, store)
        pipeline.recognize(docs[0], use_graph=False)  # warm-up

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

    print(f"documents: {len(docs)}, tokens: {tokens}")
    print(f"recognition alone: {len(docs) / recognize_s:7.1f} docs/s  {tokens / recognize_s:8,.0f} tokens/s")
    print(
        f"ingest, one by one: {len(docs) / one_by_one_s:6.1f} docs/s  {tokens / one_by_one_s:8,.0f} tokens/s"
    )
    print(f"ingest, overlapped: {len(docs) / ingest_s:6.1f} docs/s  {tokens / ingest_s:8,.0f} tokens/s")
    print(f"ingest (overlapped) / recognition throughput ratio: {recognize_s / ingest_s:.2f}  (goal >= 0.9)")


if __name__ == "__main__":
    main()
