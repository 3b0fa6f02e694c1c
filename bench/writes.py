"""Graph writes: the batched writer vs a naive writer (one transaction per row), on the same
rows, in one run.

    python -m bench.writes [--docs 200] [--batch 50]

The batched writer is the one ``akg ingest`` uses: ``GraphStore.write_documents``, ``--batch``
documents per transaction, one ``UNWIND`` statement per kind of row. It is also timed with one
document per transaction (what ``POST /documents`` does).
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
    store._write(Q.CREATE_DOCUMENTS, docs=[params(doc)])
    for e in graph.entities:
        store._write(Q.UPSERT_ENTITIES[e.type], rows=[params(e)])
    for a in graph.aliases:
        store._write(Q.UPSERT_ALIASES, rows=[params(a)])
    for m in graph.mentions:
        store._write(Q.CREATE_MENTIONS, docs=[{"id": doc.id, "mentions": [params(m)]}])
    for entity_id, count in graph.entity_mention_counts.items():
        row = {"doc_id": doc.id, "entity_id": entity_id, "count": count}
        store._write(Q.LINK_DOCUMENT_ENTITIES, rows=[row])
        store._write(Q.REFRESH_ENTITIES, rows=[{"entity_id": entity_id, "mentions": count, "documents": 1}])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--batch", type=int, default=50)
    args = ap.parse_args()
    recognizer = load_recognizer(Settings())
    docs = sample_documents(args.docs)
    graphs = []
    for d in docs:  # the same rows for every writer
        mentions = recognizer.recognize(d.text)
        graphs.append(build_document_graph(document_id(d), d, resolve(d.text, mentions, [])))
    rows = sum(1 + len(g.entities) + len(g.aliases) + len(g.mentions) for g in graphs)

    def batched(store: GraphStore) -> None:
        for i in range(0, len(graphs), args.batch):
            store.write_documents(graphs[i : i + args.batch])

    def per_document(store: GraphStore) -> None:
        for g in graphs:
            store.write_document(g)

    def naive(store: GraphStore) -> None:
        for g in graphs:
            naive_write(store, g)

    writers = {f"batched ({args.batch} docs/tx)": batched, "per document": per_document, "naive": naive}
    timings: dict[str, Any] = {}
    graphs_written = set()
    for name, write in writers.items():
        with temporary_graph() as store:
            # The graph server's JIT compiler needs warming up (a cold first batch takes several
            # times longer): every writer first runs every writer on a throw-away graph.
            for warm_up in writers.values():
                warm_up(store)
                store.delete_all()
            started = time.perf_counter()
            write(store)
            timings[name] = time.perf_counter() - started
            counts = store.stats()
            graphs_written.add(str(counts))
        print(f"{name:>22}: {timings[name]:7.2f} s  {rows / timings[name]:8,.0f} rows/s  graph {counts}")
    same = len(graphs_written) == 1
    print(f"documents: {len(graphs)}, rows: {rows}, all writers wrote the same graph: {same}")
    naive_s = timings["naive"]
    print(
        f"speed-up over naive: batched {naive_s / timings[next(iter(writers))]:.1f}x (goal >= 10x), "
        f"per document {naive_s / timings['per document']:.1f}x"
    )


if __name__ == "__main__":
    main()
