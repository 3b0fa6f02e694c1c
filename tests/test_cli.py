"""The akg command line against the session's Bolt server (through AKG_NEO4J_URI)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_schema.store import GraphStore
from loaders import prepare
from service.cli import SAMPLES_DIR, choose_engine, main
from service.settings import get_settings
from tests.conftest import GraphTarget


@pytest.fixture
def run(graph_target: GraphTarget, store: GraphStore, tmp_path: Path) -> Iterator[object]:
    env = graph_target.env() | {"AKG_DATA_DIR": str(tmp_path)}
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> object:
        get_settings.cache_clear()
        return runner.invoke(main, list(args), env=env, input=input, catch_exceptions=False)

    yield invoke
    get_settings.cache_clear()


def test_ingest_samples_twice_then_export(run: object, store: GraphStore) -> None:
    first = run("ingest", str(SAMPLES_DIR))  # type: ignore[operator]
    assert first.exit_code == 0, first.output
    stats = store.stats()
    assert stats["documents"] == 8  # 5 txt + 2 JSON Lines records + 1 HTML page
    assert stats["entities_by_type"]["BASE"] >= 3
    second = run("ingest", str(SAMPLES_DIR))  # type: ignore[operator]
    assert second.exit_code == 0
    assert store.stats() == stats

    exported = run("export", "--format", "json")  # type: ignore[operator]
    payload = json.loads(exported.stdout)
    assert len(payload["documents"]) == 8
    assert {e["type"] for e in payload["entities"]} >= {"PERSON", "ORGANIZATION", "BASE"}
    graphml = run("export", "--format", "graphml")  # type: ignore[operator]
    root = ET.fromstring(graphml.stdout)  # noqa: S314 - our own export
    assert root.tag.endswith("graphml")


def test_ingest_from_stdin_and_bad_files(run: object, store: GraphStore, tmp_path: Path) -> None:
    text = "قال وزير الدفاع لويد أوستن إن قاعدة عين الأسد الجوية آمنة بعد الهجوم الصاروخي."
    result = run("ingest", "-", input=text)  # type: ignore[operator]
    assert result.exit_code == 0, result.output
    assert store.stats()["documents"] == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص"}\n{not json\n', encoding="utf-8")
    result = run("ingest", str(bad))  # type: ignore[operator]
    assert result.exit_code == 1
    assert "bad.jsonl:2: invalid JSON" in result.output
    # a bad line does not hide the lines after it: they are ingested, each failure listed
    mixed = tmp_path / "mixed.jsonl"
    good = "وأعلن البيت الأبيض أن الرئيس جو بايدن سيزور المنطقة الأسبوع المقبل."
    mixed.write_text(f'not json\n{json.dumps({"text": good})}\n{{"title": "no text"}}\n', encoding="utf-8")
    before = store.stats()["documents"]
    result = run("ingest", str(mixed))  # type: ignore[operator]
    assert result.exit_code == 1
    assert "mixed.jsonl:1: invalid JSON" in result.output
    assert 'mixed.jsonl:3: the object has no "text" field' in result.output
    assert store.stats()["documents"] == before + 1


def test_db_commands_refuse_when_a_uri_is_set(run: object) -> None:
    result = run("db", "status")  # type: ignore[operator]
    assert result.exit_code != 0
    assert "AKG_NEO4J_URI" in result.output


def test_settings_table_lists_every_setting(run: object) -> None:
    out = run("settings").stdout  # type: ignore[operator]
    for name in ("AKG_NEO4J_URI", "AKG_DATA_DIR", "AKG_API_TOKEN", "AKG_NER_MODEL"):
        assert name in out


def test_readme_settings_table_is_the_generated_one() -> None:
    from service.settings import settings_table
    from tests.conftest import REPO

    assert settings_table() in (REPO / "README.md").read_text(encoding="utf-8")


def test_auto_engine_starts_worker_processes_only_for_a_large_input() -> None:
    docs = [prepare(f"نص رقم {i}") for i in range(10)]
    engine, kept = choose_engine(iter(docs), threshold=10)
    assert engine == "processes"
    assert [d.text for d in kept] == [d.text for d in docs]  # nothing read to decide is lost
    engine, kept = choose_engine(iter(docs[:9]), threshold=10)
    assert engine == "local"
    assert [d.text for d in kept] == [d.text for d in docs[:9]]


def test_the_models_settings_travel_to_its_worker_processes() -> None:
    """A recognition worker loads its model as the main process would (AKG_NER_WEIGHTS too)."""
    import pydantic

    from service.engines import worker_config
    from service.settings import Settings

    sent = Settings(ner_weights="int8", ner_threads=2, disabled_rules=["titles"])
    got = Settings.model_validate_json(worker_config(sent))
    assert (got.ner_weights, got.ner_threads, got.disabled_rules) == ("int8", 2, ["titles"])
    with pytest.raises(pydantic.ValidationError, match="float16"):
        Settings(ner_weights="float8")  # type: ignore[arg-type]
