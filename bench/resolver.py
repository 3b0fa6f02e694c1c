"""Alias resolution time for 10k, 100k and 1M synthetic mentions, side by side.

    python -m bench.resolver [--sizes 10000,100000,1000000]

Mentions come in documents of 20 (names drawn from a pool of people, organisations and
bases); each document is resolved against the candidates an in-memory index returns for
its probe keys, the way the pipeline asks the graph. The last column should stay flat
if the time grows linearly.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict

from nlp.resolution.resolver import Candidate, probe_keys, resolve
from nlp.types import EntityType, Mention

FIRST = "محمد أحمد علي حسن خالد عمر يوسف إبراهيم سامر ياسر مهدي فؤاد وليد طارق نبيل هشام رامي كريم".split()
LAST = "الحلبي العبيدي الكعبي السامرائي الدليمي الموسوي الحسيني الشمري الجبوري الزبيدي النعيمي بايدن".split()
ORGS = [f"{w} {o}" for w in "حركة جبهة كتائب مجلس هيئة".split() for o in "النصر الفجر الأمل التحرير".split()]
PER_DOCUMENT = 20


class MemoryIndex:
    """What the graph would answer: candidates by alias key, first and last word."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.entities: dict[str, tuple[EntityType, set[str], set[str]]] = {}

    def candidates(self, keys: set[str]) -> list[Candidate]:
        ids = {i for k in keys for i in self.by_key.get(k, ())}
        return [
            Candidate(i, t, frozenset(full), frozenset(part))
            for i in ids
            for t, full, part in [self.entities[i]]
        ]

    def add(self, entity_id: str, etype: EntityType, key: str, partial: bool) -> None:
        _, full, part = self.entities.setdefault(entity_id, (etype, set(), set()))
        (part if partial else full).add(key)
        words = key.split()
        for k in {key, words[0], words[-1]}:
            self.by_key[k].add(entity_id)


def document(rng: random.Random) -> tuple[str, list[Mention]]:
    parts, mentions, pos = [], [], 0
    for _ in range(PER_DOCUMENT):
        roll = rng.random()
        if roll < 0.6:
            name, etype = f"{rng.choice(FIRST)} {rng.choice(LAST)}", EntityType.PERSON
        elif roll < 0.75:
            name, etype = rng.choice(LAST), EntityType.PERSON
        else:
            name, etype = rng.choice(ORGS), EntityType.ORGANIZATION
        sentence = f"وقال {name} كلاما. "
        start = pos + len("وقال ")
        mentions.append(Mention(start, start + len(name), name, etype, 0.9))
        parts.append(sentence)
        pos += len(sentence)
    return "".join(parts), mentions


def run(n_mentions: int, seed: int = 1) -> float:
    rng = random.Random(seed)
    index = MemoryIndex()
    elapsed = 0.0
    for _ in range(n_mentions // PER_DOCUMENT):
        text, mentions = document(rng)
        started = time.perf_counter()
        result = resolve(text, mentions, index.candidates(probe_keys(text, mentions)))
        elapsed += time.perf_counter() - started
        for r in result.mentions:  # what writing the document would add
            index.add(r.entity_id, r.mention.type, r.name.key, r.partial)
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    args = ap.parse_args()
    print(f"{'mentions':>10}{'seconds':>10}{'mentions/s':>12}{'µs/mention':>12}")
    for size in (int(s) for s in args.sizes.split(",")):
        seconds = run(size)
        print(f"{size:>10,}{seconds:>10.2f}{size / seconds:>12,.0f}{seconds / size * 1e6:>12.1f}", flush=True)


if __name__ == "__main__":
    main()
