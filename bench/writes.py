"""Graph writes: the batched writer (UNWIND, one transaction per document) vs a naive writer
(one transaction per mention), on the same rows, in one run.

    python -m bench.writes [--docs 100]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from bench.common import sample_documents, temporary_graph
from graph_schema import queries as Q
from graph_schema.records import DocumentGraph, params
from graph_schema.store import GraphStore
from nlp.resolution.resolver import resolve
from service.pipeline import build_document_graph, document_id
from service.runtime import load_recognizer
from service.settings import Settings


def naive_write(store: GraphStore, graph: DocumentGraph) -> None:
    """What a first version would do: a transaction for every single row."""
    doc = graph.document
    store._write(Q.CREATE_DOCUMENT, doc=params(doc))
    for e in graph.entities:
        store._write(Q.UPSERT_ENTITIES[e.type], rows=[params(e)])
    for a in graph.aliases:
        store._write(Q.UPSERT_ALIASES, rows=[params(a)])
    for m in graph.mentions:
        store._write(Q.CREATE_MENTIONS, doc_id=doc.id, rows=[params(m)])
    for entity_id, count in graph.entity_mention_counts.items():
        store._write(Q.LINK_DOCUMENT_ENTITIES, doc_id=doc.id, rows=[{"entity_id": entity_id, "count": count}])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100)
    args = ap.parse_args()
    recognizer = load_recognizer(Settings())
    docs = sample_documents(args.docs)
    graphs = []
    for d in docs:  # the same rows for both writers
        mentions = recognizer.recognize(d.text)
        graphs.append(build_document_graph(document_id(d), d, resolve(d.text, mentions, [])))
    rows = sum(1 + len(g.entities) + len(g.aliases) + len(g.mentions) for g in graphs)

    timings: dict[str, Any] = {}
    for name, write in (("batched", lambda s, g: s.write_document(g)), ("naive", naive_write)):
        with temporary_graph() as store:
            started = time.perf_counter()
            for g in graphs:
                write(store, g)
            timings[name] = time.perf_counter() - started
            counts = store.stats()
        print(f"{name:>8}: {timings[name]:7.2f} s  {rows / timings[name]:8,.0f} rows/s  graph {counts}")
    print(f"documents: {len(graphs)}, rows: {rows}")
    print(f"batched / naive speed-up: {timings['naive'] / timings['batched']:.1f}x  (goal >= 10x)")


if __name__ == "__main__":
    main()
