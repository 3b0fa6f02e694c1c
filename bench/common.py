"""Shared pieces of the benchmarks: a throw-away embedded graph, documents from our samples."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph_schema.store import GraphStore
from loaders import LoadedDocument, load_path, prepare
from service.graph_server import DATABASE, USER, EmbeddedGraphServer
from service.runtime import _wait_until_ready

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@contextmanager
def temporary_graph(heap: str = "2g") -> Iterator[GraphStore]:
    """A fresh embedded ArcadeDB server in a temporary directory, stopped afterwards."""
    with temporary_server(heap) as (store, _):
        yield store


@contextmanager
def temporary_server(heap: str = "2g") -> Iterator[tuple[GraphStore, dict[str, str]]]:
    """Like ``temporary_graph``, with the ``AKG_NEO4J_*`` variables that reach it."""
    with tempfile.TemporaryDirectory(prefix="akg-bench-") as tmp:
        server = EmbeddedGraphServer(Path(tmp), heap=heap)
        info = server.start()
        store = GraphStore.connect(info.uri, USER, server.password(), DATABASE)
        env = {
            "AKG_NEO4J_URI": info.uri,
            "AKG_NEO4J_USER": USER,
            "AKG_NEO4J_PASSWORD": server.password(),
            "AKG_NEO4J_DATABASE": DATABASE,
        }
        try:
            _wait_until_ready(store)
            store.ensure_schema()
            yield store, env
        finally:
            store.close()
            server.stop()


def sample_documents(n: int) -> list[LoadedDocument]:
    """``n`` distinct documents: the samples, each variant numbered so its hash differs."""
    samples = list(load_path(SAMPLES))
    return [
        dataclasses.replace(d, text=f"{d.text}\n\n({i // len(samples)})", origin=f"{d.origin}#{i}")
        for i, d in ((i, samples[i % len(samples)]) for i in range(n))
    ]


def news_length_documents(n: int, articles_per_doc: int = 4) -> list[LoadedDocument]:
    """``n`` distinct news-length documents, each joining ``articles_per_doc`` sample articles
    (a different combination and order for each, numbered so every hash differs)."""
    samples = list(load_path(SAMPLES))
    out = []
    for i in range(n):
        parts = [samples[(i + k * (1 + i % 3)) % len(samples)].text for k in range(articles_per_doc)]
        out.append(prepare("\n\n".join(parts) + f"\n\n({i})", source="bench", origin=f"bench#{i}"))
    return out
