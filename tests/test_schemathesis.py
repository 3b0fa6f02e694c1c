"""The OpenAPI schema against the running API (schemathesis): no server error, every status
code, content type and response body as documented.

Positive-data acceptance is left out on purpose: some schema-valid inputs are refused by
design (a cursor not made by the server, the date 0000-00-00, merging an entity with itself).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_schema.store import GraphStore
from nlp.recognition.recognizer import Recognizer
from service.api import create_app
from service.settings import Settings
from tests.conftest import serving


@pytest.fixture(scope="module")
def live_api(graph_target: object, session_store: GraphStore, recognizer: Recognizer) -> Iterator[str]:
    settings = Settings(
        neo4j_uri=graph_target.uri,  # type: ignore[attr-defined]
        neo4j_user=graph_target.user,  # type: ignore[attr-defined]
        neo4j_password=graph_target.password,  # type: ignore[attr-defined,arg-type]
        neo4j_database=graph_target.database,  # type: ignore[attr-defined]
    )
    session_store.delete_all()
    with serving(create_app(settings, store=session_store, recognizer=recognizer)) as url:
        yield url


CHECKS = (
    "not_a_server_error,status_code_conformance,content_type_conformance,"
    "response_schema_conformance,response_headers_conformance,negative_data_rejection"
)


def test_api_conforms_to_its_schema(live_api: str) -> None:
    st = Path(sys.executable).with_name("st")
    run = subprocess.run(
        [
            str(st),
            "run",
            f"{live_api}/openapi.json",
            "--checks",
            CHECKS,
            "--max-examples",
            "15",
            "--workers",
            "1",
            "--seed",
            "1234",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    summary = run.stdout[-3000:]
    assert run.returncode == 0, summary
