"""``akg evaluate``: the model on its held-out split, and the seeds scorer on a fresh graph.

1. The NER model alone, on the held-out test split of the training corpora (the split
   ``nlp.training.train`` made, same seed): CoNLL exact-span P/R/F1 per type.
2. The whole service, the way the user measures it: a fresh embedded graph in a temporary
   directory, the API on a free loopback port, and ``score.py`` posting the seed articles
   and reading them back through the REST API.
3. The whole recogniser, as ``POST /analyze`` runs it, on held-out news: the corpora's news
   split, or any news set in CoNLL format (``akg evaluate --conll``), scored CoNLL-style.
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
from typing import TYPE_CHECKING, Any

from service.settings import Settings

if TYPE_CHECKING:
    from nlp.training.corpora import Sentence
    from nlp.training.train import Span


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

    Gold facilities are not PER/ORG/LOC, so a facility the service calls a location counts as
    a false positive. ``"micro_facilities_as_LOC"`` reads the same gold the way four-class
    news sets without a facility label (CoNLL, ANERcorp: PER/ORG/LOC/MISC) annotate: a gold
    facility (mosque, airport, market, base) is a location there, and missing one is a miss."""
    from nlp.training.corpora import read_all
    from nlp.training.train import split_documents

    docs = [d for d in split_documents(read_all(data_dir))[split] if d.corpus == corpus][:max_documents]
    return tagged_text_scores([d.sentences for d in docs], settings)


CONLL_TYPES: dict[str, str] = {
    "PER": "PER",
    "PERS": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "LOCATION": "LOC",
    "FAC": "FAC",
}
"""A CoNLL news set's types read as PER/ORG/LOC (and FAC); any other (MISC, ...) is O."""

SENTENCE_ENDS = frozenset({".", "!", "?", "؟"})
"""Where a file without blank lines is cut into sentences."""

CONLL_BLOCK = 40
"""Sentences per text posted to the recogniser (the held-out news blocks are 40 too)."""


def read_conll_news(path: Path) -> list[list[Sentence]]:
    """A CoNLL news file as texts of up to :data:`CONLL_BLOCK` sentences, tokens as written.

    One token per line, its tag in the last column (IOB1 or IOB2; a line of one column is
    ``O``); a blank line ends a sentence, ``#`` starts a comment and ``-DOCSTART-`` a
    document. A file with no blank lines at all (ANERcorp's original) is cut after . ! ? ؟
    The tokens are kept as written: the recogniser reads them as it reads any text."""
    from nlp.training.corpora import map_tag, repair_iob

    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read {path} as UTF-8 text: {exc}") from exc
    cut_at_punctuation = not any(not line.strip() for line in lines)
    texts: list[list[Sentence]] = [[]]
    sentence: list[tuple[str, str]] = []

    def end_sentence() -> None:
        if sentence:
            tags = repair_iob([tag for _, tag in sentence])
            texts[-1].append([(tok, tag) for (tok, _), tag in zip(sentence, tags, strict=True)])
            sentence.clear()
        if len(texts[-1]) >= CONLL_BLOCK:
            texts.append([])

    for line in lines:
        parts = line.split()
        if not parts:
            end_sentence()
        elif parts[0] == "-DOCSTART-":
            end_sentence()
            if texts[-1]:
                texts.append([])
        elif not line.startswith("#"):
            token, tag = parts[0], parts[-1] if len(parts) > 1 else "O"
            sentence.append((token, map_tag(tag, CONLL_TYPES)))
            if cut_at_punctuation and token in SENTENCE_ENDS:
                end_sentence()
    end_sentence()
    return [text for text in texts if text]


def conll_news_scores(paths: list[Path], settings: Settings) -> dict[str, Any]:
    """The whole recogniser on news sets in CoNLL format (files, or folders of ``*.conll``,
    ``*.txt``, ``*.tsv``), scored like :func:`held_out_news_scores`."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".conll", ".txt", ".tsv")))
        else:
            files.append(path)
    if not files:
        raise ValueError(f"no CoNLL files in {', '.join(map(str, paths))} (*.conll, *.txt, *.tsv)")
    texts = [text for file in files for text in read_conll_news(file)]
    return tagged_text_scores(texts, settings)


def tagged_text_scores(texts: list[list[Sentence]], settings: Settings) -> dict[str, Any]:
    """The whole recogniser on tagged texts, each a list of sentences of ``(token, tag)``.

    Each text is posted as one document, tokens joined by spaces and sentences by newlines; a
    mention covers the tokens it overlaps (a clitic before a name is in the name's token)."""
    from loaders import prepare
    from nlp.training.corpora import spans_of
    from nlp.training.train import prf
    from service.pipeline import analyze
    from service.runtime import load_recognizer

    recognizer = load_recognizer(settings)
    gold: list[set[Span]] = []
    gold_four_class: list[set[Span]] = []
    pred: list[set[Span]] = []
    for sentences in texts:
        offsets: list[list[tuple[int, int]]] = []  # per sentence, its tokens' spans in the text
        pos = 0
        for sentence in sentences:
            offsets.append([])
            for token, _ in sentence:
                offsets[-1].append((pos, pos + len(token)))
                pos += len(token) + 1  # a space after it, or the newline after the last one
        text = "\n".join(" ".join(token for token, _ in sentence) for sentence in sentences)
        mentions = analyze(recognizer, prepare(text))
        for sentence, spans in zip(sentences, offsets, strict=True):
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
