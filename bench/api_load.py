"""API latency and a bounded mixed load, on a graph of many documents, on loopback only.

    python -m bench.api_load [--docs 10000] [--clients 32] [--seconds 60] [--write-share 0.05]
                             [--mix mixed|search]

1. Builds a graph of ``--docs`` synthetic documents (names drawn from a pool of 3,564 people,
   64 organisations and 10 bases, resolved and written by the project's own code: no NER, so
   that building stays fast).
2. Starts ``akg serve`` as its own process on a free loopback port, against that graph.
3. Runs ``--clients`` concurrent clients (asyncio tasks of one process, each with its own
   connection) for ``--seconds``, then stops by itself: entity search, entity detail and
   neighbours, plus a share of document writes (``--mix mixed``), or search alone (``--mix search``).
4. Prints p50/p95/p99 latency and requests/s per kind, errors, and the server's resident
   memory at the start and the end of the load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

from bench.common import temporary_server
from graph_schema.store import GraphStore
from loaders import prepare
from nlp.resolution.resolver import probe_keys, resolve
from nlp.types import EntityType, Mention
from service.pipeline import build_document_graph, document_id

FIRST = "محمد أحمد علي حسن خالد عمر يوسف إبراهيم سامر ياسر مهدي فؤاد وليد طارق نبيل هشام رامي كريم".split()
LAST = "الحلبي العبيدي الكعبي السامرائي الدليمي الموسوي الحسيني الشمري الجبوري الزبيدي النعيمي".split()
ORG_WORDS = "حركة جبهة كتائب لواء مجلس هيئة رابطة منظمة".split()
ORG_NAMES = "النصر الفجر الأمل التحرير الشهداء الوحدة العدالة السلام".split()
BASES = "عين الأسد|حميميم|التنف|الحرير|بلد|فيكتوريا|العديد|الملك فيصل|إنجرليك|التاجي".split("|")


def synthetic_documents(n: int, seed: int = 7) -> list[tuple[str, list[tuple[str, EntityType]]]]:
    rng = random.Random(seed)
    people = [f"{first} {middle} {last}" for first in FIRST for middle in FIRST for last in LAST]
    orgs = [f"{w} {o}" for w in ORG_WORDS for o in ORG_NAMES]
    docs = []
    for i in range(n):
        spans = [(rng.choice(people), EntityType.PERSON) for _ in range(3)]
        spans += [(rng.choice(orgs), EntityType.ORGANIZATION) for _ in range(2)]
        spans.append((rng.choice(BASES), EntityType.BASE))
        body = " ".join(f"قال {name} في بيان رقم {i}-{k}." for k, (name, _) in enumerate(spans))
        docs.append((body, spans))
    return docs


def build_graph(store: GraphStore, n: int, batch: int = 200) -> None:
    """Resolve each document against the graph so far (pending ones included, through the alias
    index) and write them ``batch`` at a time, as ``akg ingest`` does."""
    started = time.perf_counter()
    pending = []
    for k, (text, spans) in enumerate(synthetic_documents(n)):
        doc = prepare(text, source="bench")
        mentions, pos = [], 0
        for surface, etype in spans:
            i = text.index(surface, pos)
            mentions.append(Mention(i, i + len(surface), surface, etype, 0.9))
            pos = i + len(surface)
        candidates = store.resolution_candidates(probe_keys(text, mentions))
        graph = build_document_graph(document_id(doc), doc, resolve(text, mentions, candidates))
        store.alias_index().apply(graph)
        pending.append(graph)
        if len(pending) == batch or k == n - 1:
            store.write_documents(pending)
            pending.clear()
        if k % 1000 == 0:
            print(f"  building: {k}/{n} documents, {time.perf_counter() - started:.0f} s", flush=True)


class LeanConnection:
    """A keep-alive HTTP/1.1 connection that does only what the load needs, so that the load
    generator, on the same two cores as the server, spends little of them (httpx's async
    client took about a core at 600 requests/s and its queues showed up as latency)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str) -> None:
        self.reader, self.writer, self.host = reader, writer, host

    @classmethod
    async def open(cls, host: str, port: int) -> LeanConnection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer, host)

    async def request(self, method: str, path: str, extra: dict[str, Any]) -> tuple[int, dict[str, str]]:
        if "params" in extra:
            path = f"{path}?{urllib.parse.urlencode(extra['params'])}"
        body = json.dumps(extra["json"]).encode() if "json" in extra else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Length: {len(body)}\r\n"
        if body:
            head += "Content-Type: application/json\r\n"
        self.writer.write(head.encode() + b"\r\n" + body)
        status_line = await self.reader.readuntil(b"\r\n")
        status = int(status_line.split()[1])
        headers = {}
        while (line := await self.reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        await self.reader.readexactly(int(headers.get("content-length", "0")))
        return status, headers

    def close(self) -> None:
        self.writer.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--write-share", type=float, default=0.05)
    ap.add_argument(
        "--mix",
        choices=("mixed", "search"),
        default="mixed",
        help="mixed: search, entity, neighbours and writes; search: GET /entities?q= only",
    )
    args = ap.parse_args()

    with temporary_server(heap="2g") as (store, graph_env):
        print(f"building a graph of {args.docs} documents ...", flush=True)
        build_graph(store, args.docs)
        print(f"graph: {store.stats()}", flush=True)
        port = free_port()
        env = os.environ | graph_env | {"AKG_LOG_LEVEL": "WARNING"}
        akg = Path(sys.executable).with_name("akg")
        server = subprocess.Popen([str(akg), "serve", "--port", str(port)], env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            run_load(base, server.pid, args)
        finally:
            server.terminate()
            server.wait(timeout=30)


def run_load(base: str, pid: int, args: argparse.Namespace) -> None:
    with httpx.Client(timeout=30) as c:
        for _ in range(300):
            try:
                if c.get(f"{base}/health").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        ids = [e["id"] for e in c.get(f"{base}/entities", params={"limit": 200}).json()["items"]]
    queries = [
        *FIRST[:6],
        *LAST[:6],
        "Mhmd",
        "Hlbi",
        *BASES[:4],
        *(f"{f} {la}" for f in FIRST[:3] for la in LAST[:3]),
    ]
    latencies: dict[str, list[float]] = defaultdict(list)
    in_app: dict[str, list[float]] = defaultdict(list)  # the server's own time (Server-Timing)
    errors: dict[str, int] = defaultdict(int)
    rss_start = rss_mib(pid)
    samples: list[tuple[float, float]] = []  # the server's memory: a plateau is warm-up, a slope a leak
    write_share = 0.0 if args.mix == "search" else args.write_share

    def next_request(rng: random.Random, seed: int, n: int) -> tuple[str, str, str, dict[str, Any]]:
        roll = rng.random()
        if roll < write_share:
            text = f"قال {rng.choice(FIRST)} {rng.choice(LAST)} إن الوضع هادئ ({seed}-{n})."
            return "write", "POST", "/documents", {"json": {"text": text, "source": "load"}}
        if args.mix == "search" or roll < 0.5:
            return "search", "GET", "/entities", {"params": {"q": rng.choice(queries), "limit": 10}}
        if roll < 0.75:
            return "entity", "GET", f"/entities/{rng.choice(ids)}", {}
        return "neighbors", "GET", f"/entities/{rng.choice(ids)}/neighbors", {}

    host, port = base.removeprefix("http://").split(":")

    async def client(seed: int, deadline: float) -> None:
        rng = random.Random(seed)
        connection = await LeanConnection.open(host, int(port))
        n = 0
        try:
            while time.monotonic() < deadline:
                n += 1
                kind, method, path, extra = next_request(rng, seed, n)
                started = time.perf_counter()
                try:
                    status, headers = await connection.request(method, path, extra)
                    ok = status < 400
                    timing = headers.get("server-timing", "")
                    if timing.startswith("app;dur="):
                        in_app[kind].append(float(timing[8:]) / 1000)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    connection.close()
                    connection = await LeanConnection.open(host, int(port))
                latencies[kind].append(time.perf_counter() - started)
                if not ok:
                    errors[kind] += 1
        finally:
            connection.close()

    async def sample_memory(deadline: float, started: float) -> None:
        while time.monotonic() < deadline:
            samples.append((time.perf_counter() - started, rss_mib(pid)))
            await asyncio.sleep(max(1.0, args.seconds / 10))

    async def load() -> float:
        started = time.perf_counter()
        deadline = time.monotonic() + args.seconds
        await asyncio.gather(
            sample_memory(deadline, started), *(client(i, deadline) for i in range(args.clients))
        )
        return time.perf_counter() - started

    wall = asyncio.run(load())
    rss_end = rss_mib(pid)

    print(f"\n{args.clients} clients, {wall:.0f} s, loopback; mix {args.mix}, write share {write_share:.0%}")
    print(f"{'kind':<10}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for kind, values in sorted(latencies.items()):
        q = statistics.quantiles(values, n=100) if len(values) > 1 else [values[0]] * 99
        print(
            f"{kind:<10}{len(values):>9}{len(values) / wall:>8.1f}{q[49] * 1000:>9.1f}{q[94] * 1000:>9.1f}"
            f"{q[98] * 1000:>9.1f}{errors[kind]:>8}"
        )
    print("time in the app (Server-Timing), the same requests:")
    for kind, values in sorted(in_app.items()):
        q = statistics.quantiles(values, n=100) if len(values) > 1 else [values[0]] * 99
        print(
            f"{kind:<10}{len(values):>9}{'':>8}{q[49] * 1000:>9.1f}{q[94] * 1000:>9.1f}{q[98] * 1000:>9.1f}"
        )
    total = sum(len(v) for v in latencies.values())
    print(f"total: {total} requests, {total / wall:.1f} req/s, errors {sum(errors.values())}")
    print(
        f"server memory: {rss_start:.0f} MiB at start, {rss_end:.0f} MiB at end "
        f"({(rss_end - rss_start) / rss_start:+.1%})"
    )
    print("server memory through the run (s MiB): " + ", ".join(f"{t:.0f} {m:.0f}" for t, m in samples))
    if len(samples) > 2:
        after_warm_up = samples[1][1]
        print(f"growth after the first tenth of the run: {(rss_end - after_warm_up) / after_warm_up:+.1%}")


if __name__ == "__main__":
    main()
