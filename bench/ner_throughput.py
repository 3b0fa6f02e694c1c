"""NER throughput and model load time on this machine, on the project's own sample articles.

    python -m bench.ner_throughput [--tokens 20000] [--threads N] [--weights float16]

Prints: model load time; tokens/s of the tagger alone, of the whole recogniser (tagger plus
rules and propagation), and of tokenisation, each on the same texts, with the ratio; the
tagger alone with its weights stored each way (``AKG_NER_WEIGHTS``), side by side; the
recogniser reading ``RECOGNITION_BATCH`` documents per model call, as ``akg ingest`` does;
the recogniser as ``akg serve`` runs it (a worker process of one torch thread), one request
at a time and ``--clients`` concurrent requests of one text each, which ``RequestBatcher``
reads together as ``POST /analyze`` and ``POST /documents`` requests are read; then
``akg ingest``'s batches on one worker process per
core, one torch thread each (``--processes 0`` skips it), the way ``akg ingest --engine
processes`` spreads documents. On two cores a
second torch thread adds little to one (small matrices, one sentence batch at a time),
where a second process doubles the Python (tokenising, decoding, rules) that runs at once.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import torch

from loaders import load_path
from nlp.recognition.recognizer import Recognizer, finish
from nlp.recognition.tagger import DEFAULT_MODEL_DIR, DEFAULT_WEIGHTS, WEIGHTS, StanzaTagger, TaggedSpan
from nlp.tokenize import sentences
from nlp.types import Token
from service.batching import RequestBatcher
from service.engines import RecognizerProcess
from service.pipeline import RECOGNITION_BATCH, TextAnalyzer
from service.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def corpus(min_tokens: int) -> list[str]:
    texts = [d.text for d in load_path(SAMPLES)]
    out, count = [], 0
    while count < min_tokens:
        for t in texts:
            out.append(t)
            count += sum(len(s) for s in sentences(t))
    return out


_worker: Recognizer | None = None


def _load_worker(model: Path, weights: str, warm_up: str) -> None:
    global _worker
    torch.set_num_threads(1)
    _worker = Recognizer(StanzaTagger.load(model, weights))
    _worker.recognize(warm_up)


def _recognize_in_worker(texts: list[str]) -> int:
    assert _worker is not None
    recognize_in_batches(_worker, texts)
    return len(texts)


def recognize_in_batches(recognizer: Recognizer, texts: list[str]) -> None:
    """As ``akg ingest`` reads documents: ``RECOGNITION_BATCH`` per model call."""
    for i in range(0, len(texts), RECOGNITION_BATCH):
        for analysis in recognizer.analyze_many([(t, (), ()) for t in texts[i : i + RECOGNITION_BATCH]]):
            finish(analysis)


def requests_seconds(recognizer: TextAnalyzer, texts: list[str], clients: int) -> float:
    """Seconds for ``clients`` concurrent callers, one text per call, as the API's request
    threads call the pipeline, to have all ``texts`` read through a ``RequestBatcher``."""
    batcher = RequestBatcher(recognizer)
    try:
        with ThreadPoolExecutor(clients) as pool:
            started = time.perf_counter()
            for analysis in pool.map(batcher.analyze, texts):
                finish(analysis)
            return time.perf_counter() - started
    finally:
        batcher.close()


def processes_tokens_per_s(
    model: Path, weights: str, texts: list[str], n_tokens: int, processes: int
) -> float:
    """The recogniser's tokens/s on ``processes`` worker processes of one torch thread each,
    models loaded and warmed up before the clock starts."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        processes, mp_context=context, initializer=_load_worker, initargs=(model, weights, texts[0])
    ) as pool:
        list(pool.map(_recognize_in_worker, [texts[:1]] * processes))  # waits for the workers to start
        chunks = [texts[i : i + RECOGNITION_BATCH] for i in range(0, len(texts), RECOGNITION_BATCH)]
        started = time.perf_counter()
        done = sum(pool.map(_recognize_in_worker, chunks))
        elapsed = time.perf_counter() - started
    assert done == len(texts)
    return n_tokens / elapsed


Spans = list[list[list[TaggedSpan]]]
"""Per document, per sentence, the tagger's spans."""


def tagging_seconds(tagger: StanzaTagger, docs: list[list[list[Token]]]) -> tuple[float, Spans]:
    """Seconds for ``tagger`` to tag ``docs`` one document at a time (after one warm-up), and its spans."""
    tagger.tag(docs[0])
    started = time.perf_counter()
    spans = [tagger.tag(doc) for doc in docs]
    return time.perf_counter() - started, spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tokens", type=int, default=20_000)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    ap.add_argument("--weights", choices=WEIGHTS, default=DEFAULT_WEIGHTS, help="AKG_NER_WEIGHTS of the runs")
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="worker processes (0: skip)")
    ap.add_argument("--clients", type=int, default=8, help="concurrent one-text callers (0: skip)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    started = time.perf_counter()
    tagger = StanzaTagger.load(args.model, args.weights)
    load_s = time.perf_counter() - started
    recognizer = Recognizer(tagger)
    texts = corpus(args.tokens)

    started = time.perf_counter()
    sents = [sentences(t) for t in texts]
    tokenise_s = time.perf_counter() - started
    n_tokens = sum(len(s) for doc in sents for s in doc)

    tag_s, spans = tagging_seconds(tagger, sents)
    by_weights = {args.weights: (tag_s, spans)}
    for weights in WEIGHTS:
        if weights not in by_weights:
            by_weights[weights] = tagging_seconds(StanzaTagger.load(args.model, weights), sents)

    started = time.perf_counter()
    for t in texts:
        recognizer.recognize(t)
    recognize_s = time.perf_counter() - started

    started = time.perf_counter()
    recognize_in_batches(recognizer, texts)
    batched_s = time.perf_counter() - started

    print(f"machine: {os.cpu_count()} cores, torch threads {args.threads}")
    print(f"model load: {load_s:.2f} s ({args.model})")
    print(f"documents: {len(texts)}, tokens: {n_tokens}")
    print(f"tokenise:        {n_tokens / tokenise_s:>10,.0f} tokens/s")
    print(f"tagger alone:    {n_tokens / tag_s:>10,.0f} tokens/s  (weights {tagger.weights})")
    base_s, base_spans = by_weights["float32"]
    n_sents = sum(len(doc) for doc in sents)
    for weights, (seconds, got) in by_weights.items():
        same = sum(
            [(s.first, s.last, s.label) for s in a] == [(s.first, s.last, s.label) for s in b]
            for doc_a, doc_b in zip(base_spans, got, strict=True)
            for a, b in zip(doc_a, doc_b, strict=True)
        )
        print(
            f"tagger alone, {weights} weights: {n_tokens / seconds:>8,.0f} tokens/s"
            f"  (x{base_s / seconds:.2f} float32; spans as float32's in {same}/{n_sents} sentences)"
        )
    print(f"recogniser:      {n_tokens / recognize_s:>10,.0f} tokens/s  (tagger + rules + propagation)")
    print(f"recogniser / tagger: {tag_s / recognize_s:.2f}")
    print(
        f"recogniser, {RECOGNITION_BATCH} documents per model call: {n_tokens / batched_s:>8,.0f} tokens/s"
        f"  (x{recognize_s / batched_s:.2f} one at a time; akg ingest)"
    )
    if args.clients:
        settings = Settings(ner_model=str(args.model), ner_threads=1, ner_weights=args.weights)
        served = RecognizerProcess(settings)
        try:
            alone_s = requests_seconds(served, texts, 1)
            together_s = requests_seconds(served, texts, args.clients)
        finally:
            served.close()
        print(f"akg serve, one request at a time: {n_tokens / alone_s:>8,.0f} tokens/s  (a worker process)")
        print(
            f"akg serve, {args.clients} concurrent requests: {n_tokens / together_s:>8,.0f} tokens/s"
            f"  (x{alone_s / together_s:.2f} one at a time; read together by RequestBatcher)"
        )
    if args.processes:
        rate = processes_tokens_per_s(args.model, args.weights, texts, n_tokens, args.processes)
        print(
            f"recogniser, {args.processes} processes x 1 thread: {rate:>8,.0f} tokens/s"
            f"  (x{rate * batched_s / n_tokens:.2f} one process; akg ingest --engine processes)"
        )


if __name__ == "__main__":
    main()
