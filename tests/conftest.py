"""Shared fixtures: a real Bolt graph server for the session, the real NER model, an API client.

Graph tests run against the embedded ArcadeDB server that this session starts on free
loopback ports in a temporary directory, or against ``AKG_NEO4J_URI`` (with
``AKG_NEO4J_USER`` / ``AKG_NEO4J_PASSWORD``) when it is set, so the same suite runs
against a real Neo4j 5. Each graph test starts from an empty graph.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from graph_schema.store import GraphStore
from nlp.recognition.recognizer import Recognizer
from nlp.types import EntityType, Mention
from service.api import create_app
from service.graph_server import DATABASE, USER, EmbeddedGraphServer
from service.runtime import load_recognizer
from service.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@dataclass(frozen=True)
class GraphTarget:
    uri: str
    user: str
    password: str
    database: str | None

    def env(self) -> dict[str, str]:
        env = {"AKG_NEO4J_URI": self.uri, "AKG_NEO4J_USER": self.user, "AKG_NEO4J_PASSWORD": self.password}
        if self.database:
            env["AKG_NEO4J_DATABASE"] = self.database
        return env


@pytest.fixture(scope="session")
def graph_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphTarget]:
    """A running Bolt server for the whole session."""
    if os.environ.get("AKG_NEO4J_URI"):
        yield GraphTarget(
            os.environ["AKG_NEO4J_URI"],
            os.environ.get("AKG_NEO4J_USER", "neo4j"),
            os.environ.get("AKG_NEO4J_PASSWORD", ""),
            os.environ.get("AKG_NEO4J_DATABASE"),
        )
        return
    server = EmbeddedGraphServer(tmp_path_factory.mktemp("graph"))
    info = server.start()
    try:
        yield GraphTarget(info.uri, USER, server.password(), DATABASE)
    finally:
        server.stop()


@pytest.fixture(scope="session")
def session_store(graph_target: GraphTarget) -> Iterator[GraphStore]:
    # index_refresh_seconds=0: the alias index checks for other processes' writes (the CLI tests
    # ingest in subprocesses) on every look-up, so no test depends on timing.
    store = GraphStore.connect(
        graph_target.uri, graph_target.user, graph_target.password, graph_target.database, 0.0
    )
    from service.runtime import _wait_until_ready

    _wait_until_ready(store)
    store.ensure_schema()
    yield store
    store.close()


@pytest.fixture
def store(session_store: GraphStore) -> GraphStore:
    """The session's store, emptied before the test."""
    session_store.delete_all()
    return session_store


@pytest.fixture(scope="session")
def recognizer() -> Recognizer:
    """The committed NER model, loaded once."""
    return load_recognizer(Settings())


@pytest.fixture
def settings(graph_target: GraphTarget, tmp_path: Path) -> Settings:
    return Settings(
        neo4j_uri=graph_target.uri,
        neo4j_user=graph_target.user,
        neo4j_password=graph_target.password,  # type: ignore[arg-type]
        neo4j_database=graph_target.database,
        data_dir=tmp_path,
    )


@pytest.fixture
def client(settings: Settings, store: GraphStore, recognizer: Recognizer) -> Iterator[TestClient]:
    app = create_app(settings, store=store, recognizer=recognizer)
    with TestClient(app) as c:
        yield c


@contextlib.contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread on a free loopback port; yields its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def mentions_in(text: str, spans: list[tuple[str, EntityType]]) -> list[Mention]:
    """Mentions of the given surfaces, found in ``text`` in the order they are listed."""
    out, pos = [], 0
    for surface, etype in spans:
        i = text.index(surface, pos)
        out.append(Mention(i, i + len(surface), surface, etype, 0.9))
        pos = i + len(surface)
    return out


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the test is skipped when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
