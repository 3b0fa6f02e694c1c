"""Search time on the in-process alias index, by kind of query, for 10k and 100k entities.

    python -m bench.search [--sizes 10000,100000] [--repeat 200]

Entities are synthetic organisations (an institution word, a genitive, a nationality:
البنك الوطني المصري, وزارة الصحة السعودية) and people, each with its alias rows built the way
the pipeline builds them (``alias_row``). Each kind of query runs ``--repeat`` times against
``EntitySearch.hits`` (no HTTP, no graph): an Arabic spelling, a Latin transliteration, an
English translation (the glossary's word-by-word reading) and a common English word alone,
the query that finds the most aliases. Printed per size and kind: hits, mean and p99
milliseconds per query, and the mean of the translation reading alone (``gloss_hits``, part of
the whole) beside its share of it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from dataclasses import asdict

from graph_schema.alias_index import AliasIndex
from nlp.resolution.aliases import alias_row
from service.search import EntitySearch, gloss_hits

HEADS = "البنك وزارة هيئة مجلس صندوق شركة منظمة جامعة".split()
GENITIVES = "الوطني الصحة الاستثمار التجارة الدفاع الطاقة الزراعة النقل التعليم الإعلام".split()
NATIONS = "المصري السعودية العراقية الأردني اللبنانية الليبية السودانية المغربي التونسية القطري".split()
FIRST = "محمد أحمد علي حسن خالد عمر يوسف إبراهيم سامر ياسر مهدي فؤاد وليد طارق نبيل هشام".split()
LAST = "الحلبي العبيدي الكعبي السامرائي الدليمي الموسوي الحسيني الشمري الجبوري الزبيدي".split()
QUERIES = {
    "Arabic spelling": "البنك الوطنى المصرى",
    "Latin name": "Khalid al-Kaabi",
    "English translation": "Saudi Ministry of Health",
    "English word alone": "National",
}


def build(size: int, rng: random.Random) -> AliasIndex:
    index = AliasIndex()
    rows = []
    for i in range(size):
        if i % 2:
            text = f"{rng.choice(HEADS)} {rng.choice(GENITIVES)} {rng.choice(NATIONS)}"
            kind = "ORGANIZATION"
        else:
            text = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            kind = "PERSON"
        entity_id = f"E{i}"
        alias = asdict(alias_row(entity_id, text, partial=False, count=1))
        entity = {"id": entity_id, "type": kind, "name": text, "mention_count": 1}
        rows.append({"entity": entity, "aliases": [alias]})
    index.put_entities(rows)
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(7)
    print(
        f"{'entities':>9} | {'query':<20} | {'hits':>6} | {'mean ms':>8} | {'p99 ms':>8} | "
        f"{'gloss ms':>8} | {'share':>5}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        index = build(size, rng)
        search = EntitySearch(store=None)  # type: ignore[arg-type]  # hits() is given the index
        for kind, q in QUERIES.items():
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                hits = search.hits(q, index, fuzzy=False)
                times.append((time.perf_counter() - t) * 1000)
            gloss_times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                gloss_hits(q, index)
                gloss_times.append((time.perf_counter() - t) * 1000)
            p99 = sorted(times)[int(0.99 * (len(times) - 1))]
            mean, gloss_mean = statistics.mean(times), statistics.mean(gloss_times)
            print(
                f"{size:>9} | {kind:<20} | {len(hits):>6} | {mean:8.2f} | {p99:8.2f} | "
                f"{gloss_mean:8.2f} | {gloss_mean / mean:5.0%}"
            )


if __name__ == "__main__":
    main()
