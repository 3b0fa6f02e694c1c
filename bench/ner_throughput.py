"""NER throughput and model load time on this machine, on the project's own sample articles.

    python -m bench.ner_throughput [--tokens 20000] [--threads N]

Prints: model load time; tokens/s of the tagger alone, of the whole recogniser (tagger plus
rules and propagation), and of tokenisation, each on the same texts, with the ratio.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import torch

from loaders import load_path
from nlp.recognition.recognizer import Recognizer
from nlp.recognition.tagger import DEFAULT_MODEL_DIR, StanzaTagger
from nlp.tokenize import sentences

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def corpus(min_tokens: int) -> list[str]:
    texts = [d.text for d in load_path(SAMPLES)]
    out, count = [], 0
    while count < min_tokens:
        for t in texts:
            out.append(t)
            count += sum(len(s) for s in sentences(t))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tokens", type=int, default=20_000)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    started = time.perf_counter()
    tagger = StanzaTagger.load(args.model)
    load_s = time.perf_counter() - started
    recognizer = Recognizer(tagger)
    texts = corpus(args.tokens)

    started = time.perf_counter()
    sents = [sentences(t) for t in texts]
    tokenise_s = time.perf_counter() - started
    n_tokens = sum(len(s) for doc in sents for s in doc)

    tagger.tag(sents[0])  # warm-up
    started = time.perf_counter()
    for doc in sents:
        tagger.tag(doc)
    tag_s = time.perf_counter() - started

    started = time.perf_counter()
    for t in texts:
        recognizer.recognize(t)
    recognize_s = time.perf_counter() - started

    print(f"machine: {os.cpu_count()} cores, torch threads {args.threads}")
    print(f"model load: {load_s:.2f} s ({args.model})")
    print(f"documents: {len(texts)}, tokens: {n_tokens}")
    print(f"tokenise:        {n_tokens / tokenise_s:>10,.0f} tokens/s")
    print(f"tagger alone:    {n_tokens / tag_s:>10,.0f} tokens/s")
    print(f"recogniser:      {n_tokens / recognize_s:>10,.0f} tokens/s  (tagger + rules + propagation)")
    print(f"recogniser / tagger: {tag_s / recognize_s:.2f}")


if __name__ == "__main__":
    main()
