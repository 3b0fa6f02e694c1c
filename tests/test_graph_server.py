"""The embedded ArcadeDB server: start, reuse, status, stop, and data surviving a restart."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from graph_schema.store import GraphStore
from service.graph_server import DATABASE, USER, EmbeddedGraphServer

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("AKG_NEO4J_URI")), reason="tests the embedded server, not AKG_NEO4J_URI"
)


def test_lifecycle_and_persistence(tmp_path: Path) -> None:
    server = EmbeddedGraphServer(tmp_path)
    assert server.status() is None
    info = server.start()
    try:
        assert server.start().pid == info.pid  # reused, not started twice
        assert server.status() == info
        mode = stat.S_IMODE(server.password_file.stat().st_mode)
        assert mode == 0o600
        store = GraphStore.connect(info.uri, USER, server.password(), DATABASE)
        from service.runtime import _wait_until_ready

        _wait_until_ready(store)
        store.ensure_schema()
        store.ensure_schema()  # idempotent
        store._write("CREATE (:Probe {id: $id})", id="kept")
        store.close()
    finally:
        assert server.stop()
    assert server.status() is None
    assert not server.stop()

    again = server.start()
    try:
        assert again.pid != info.pid
        store = GraphStore.connect(again.uri, USER, server.password(), DATABASE)
        from service.runtime import _wait_until_ready

        _wait_until_ready(store)
        assert store._read("MATCH (p:Probe) RETURN p.id AS id") == [{"id": "kept"}]
        store.close()
    finally:
        server.stop()


def test_wrong_password_is_a_clear_error(graph_target: object, tmp_path: Path) -> None:
    from service.errors import GraphUnavailableError

    uri = graph_target.uri  # type: ignore[attr-defined]
    store = GraphStore.connect(uri, USER, "not-the-password", DATABASE)
    with pytest.raises(GraphUnavailableError, match="credentials"):
        store._read("RETURN 1 AS x")
    store.close()
