"""``akg evaluate``: the model on its held-out split, and the seeds scorer on a fresh graph.

1. The NER model alone, on the held-out test split of the training corpora (the split
   ``nlp.training.train`` made, same seed): CoNLL exact-span P/R/F1 per type.
2. The whole service, the way the user measures it: a fresh embedded graph in a temporary
   directory, the API on a free loopback port, and ``score.py`` posting the seed articles
   and reading them back through the REST API.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from service.settings import Settings


def held_out_scores(data_dir: Path, model_dir: Path) -> dict[str, Any]:
    """Per-type scores of the model on the test split of ``data_dir``'s corpora."""
    from nlp.training.corpora import read_all
    from nlp.training.train import evaluate, split_documents

    splits = split_documents(read_all(data_dir))
    scores, seconds, tokens = evaluate(model_dir, splits["test"])
    return {"scores": scores, "tokens": tokens, "tokens_per_second": round(tokens / seconds)}


SERVICE_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "BASE": "LOC"}
"""The service's types as CoNLL PER/ORG/LOC (a base is a location there)."""


def held_out_news_scores(
    data_dir: Path,
    settings: Settings,
    split: str = "test",
    corpus: str = "newsfane",
    max_documents: int | None = None,
) -> dict[str, Any]:
    """The whole recogniser (model and rules), as ``POST /analyze`` runs it, on the held-out
    news of the training corpora, scored CoNLL-style (exact token spans) on PER/ORG/LOC.

    Each pseudo-document (a block of sentences) becomes one text, tokens joined by spaces and
    sentences by newlines; a mention covers the tokens it overlaps. Gold facilities are not
    PER/ORG/LOC, so a facility the service calls a location counts as a false positive.

    ``"micro_facilities_as_LOC"`` reads the same gold the way four-class news sets without a
    facility label (CoNLL, ANERcorp: PER/ORG/LOC/MISC) annotate: a gold facility (mosque,
    airport, market, base) is a location there, and missing one is a miss."""
    from loaders import prepare
    from nlp.training.corpora import read_all, spans_of
    from nlp.training.train import prf, split_documents
    from service.pipeline import analyze
    from service.runtime import load_recognizer

    docs = [d for d in split_documents(read_all(data_dir))[split] if d.corpus == corpus][:max_documents]
    recognizer = load_recognizer(settings)
    gold: list[set[tuple[int, int, int, str]]] = []
    gold_four_class: list[set[tuple[int, int, int, str]]] = []
    pred: list[set[tuple[int, int, int, str]]] = []
    for doc in docs:
        lines: list[str] = []
        offsets: list[list[tuple[int, int]]] = []  # per sentence, its tokens' spans in the text
        pos = 0
        for sentence in doc.sentences:
            offsets.append([])
            for token, _ in sentence:
                offsets[-1].append((pos, pos + len(token)))
                pos += len(token) + 1  # a space after it, or the newline after the last one
            lines.append(" ".join(token for token, _ in sentence))
        mentions = analyze(recognizer, prepare("\n".join(lines)))
        for sentence, spans in zip(doc.sentences, offsets, strict=True):
            i = len(gold)
            tags = [tag for _, tag in sentence]
            gold.append({(i, a, b, t) for a, b, t in spans_of(tags) if t in ("PER", "ORG", "LOC")})
            gold_four_class.append({(i, a, b, "LOC" if t == "FAC" else t) for a, b, t in spans_of(tags)})
            found = set()
            for m in mentions:
                covered = [k for k, (a, b) in enumerate(spans) if a < m.end and m.start < b]
                if covered and m.type.value in SERVICE_TYPES:
                    found.add((i, covered[0], covered[-1], SERVICE_TYPES[m.type.value]))
            pred.append(found)
    scores = prf(gold, pred)
    result = {k: scores[k] for k in ("PER", "ORG", "LOC", "micro_PER_ORG_LOC")}
    result["micro_facilities_as_LOC"] = prf(gold_four_class, pred)["micro_PER_ORG_LOC"]
    return result


def seeds_scores(settings: Settings, scorer: Path, gold: Path, seeds: Path) -> dict[str, Any]:
    """Run ``scorer`` against a fresh service (own temporary graph) after ingesting ``seeds``."""
    import uvicorn

    from service.api import create_app
    from service.runtime import embedded_server

    with tempfile.TemporaryDirectory(prefix="akg-evaluate-") as tmp:
        isolated = settings.model_copy(update={"data_dir": Path(tmp), "neo4j_uri": None})
        server = embedded_server(isolated)
        port = _free_port()
        app = create_app(isolated)
        web = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=web.run, daemon=True)
        thread.start()
        try:
            _wait_for_health(port)
            out_json = Path(tmp) / "score.json"
            run = subprocess.run(
                [
                    sys.executable,
                    str(scorer),
                    "--api",
                    f"http://127.0.0.1:{port}",
                    "--gold",
                    str(gold),
                    "--ingest",
                    str(seeds),
                    "--json",
                    str(out_json),
                ],
                capture_output=True,
                text=True,
                check=True,
                timeout=1800,
            )
            result: dict[str, Any] = json.loads(out_json.read_text("utf-8"))
            result["summary"] = run.stdout.strip().splitlines()[-1]
            return result
        finally:
            web.should_exit = True
            thread.join(timeout=30)
            server.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_health(port: int, timeout: float = 300.0) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"the API on port {port} did not become healthy within {timeout:.0f}s")
