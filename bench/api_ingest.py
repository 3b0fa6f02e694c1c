"""The service's ingestion against its recognition: ``POST /analyze`` vs ``POST /documents``
over the same texts, one client, one request at a time.

    python -m bench.api_ingest [--docs 40] [--articles-per-doc 4] [--warm-up 20]

1. Starts a throw-away graph and ``akg serve`` on it (loopback), waits for the model, and
   ingests ``--warm-up`` other documents (a cold graph server is several times slower).
2. Sends every text to ``POST /analyze`` (recognition and resolution, nothing written), then
   the same texts to ``POST /documents`` (recognition, look-ups, resolution, the write).
3. Prints both totals and their ratio (goal >= 0.9): what the rest of ingestion adds to
   recognition, seen from a client.

Texts are news-length: each joins ``--articles-per-doc`` of the project's sample articles.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.api_load import free_port
from bench.common import news_length_documents, temporary_server
from nlp.tokenize import tokenize


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--articles-per-doc", type=int, default=4)
    ap.add_argument("--warm-up", type=int, default=20, help="documents ingested before timing (JIT warm-up)")
    args = ap.parse_args()
    all_texts = [d.text for d in news_length_documents(args.warm_up + args.docs, args.articles_per_doc)]
    warm_up, texts = all_texts[: args.warm_up], all_texts[args.warm_up :]
    tokens = sum(len(tokenize(t)) for t in texts)

    with temporary_server() as (_, graph_env):
        port = free_port()
        env = os.environ | graph_env | {"AKG_LOG_LEVEL": "WARNING"}
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("akg")), "serve", "--port", str(port)], env=env
        )
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=120) as client:
                wait_for_model(client)
                for text in warm_up:  # the graph server's JIT compiler and the model's first calls
                    client.post("/analyze", json={"text": text}).raise_for_status()
                    client.post("/documents", json={"text": text}).raise_for_status()
                timings = {}
                for path in ("/analyze", "/documents"):
                    started = time.perf_counter()
                    for text in texts:
                        client.post(path, json={"text": text}).raise_for_status()
                    timings[path] = time.perf_counter() - started
                stats = client.get("/stats").json()
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"documents: {len(texts)}, tokens: {tokens} ({tokens / len(texts):.0f} a document)")
    for path, seconds in timings.items():
        per_doc = 1000 * seconds / len(texts)
        print(
            f"POST {path:<11} {seconds:6.2f} s  {per_doc:6.1f} ms a document"
            f"  {tokens / seconds:7,.0f} tokens/s"
        )
    print(
        f"graph: {stats['documents']} documents, {stats['mentions']} mentions, {stats['entities']} entities"
    )
    ratio = timings["/analyze"] / timings["/documents"]
    print(f"analyze / documents time ratio: {ratio:.2f}  (goal >= 0.9)")


def wait_for_model(client: httpx.Client) -> None:
    for _ in range(600):
        try:
            if client.get("/health").status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the service did not get ready in 5 minutes")


if __name__ == "__main__":
    main()
