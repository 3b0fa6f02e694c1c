"""Entity search by any alias, tolerant of Arabic spelling variants and Latin spellings.

A query becomes a handful of *probes* looked up through indexed alias properties:

=================  ==========================================  =====
probe              from                                        score
=================  ==========================================  =====
``key``            the Arabic key of the query (hamza, ة/ه...)  1.00
``token``          the query is one word of a longer name       0.85
``latin``          the Latin key of a Latin query               0.95
``skeleton``       the consonant skeleton of the whole query    0.80
``skeleton_token`` the skeleton of one word of a name           0.70
=================  ==========================================  =====

Each hit is then refined by a fuzzy similarity (rapidfuzz) between the query and the
alias in the same script, so exact spellings rank first; an entity's score is its best
alias's. Nothing found through the indexes -> a fuzzy scan over all aliases, kept for
small graphs only (``FUZZY_SCAN_LIMIT``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from graph_schema.store import GraphStore
from nlp.resolution.aliases import search_skeleton
from nlp.resolution.names import match_key, reduce_mention
from nlp.resolution.transliteration import latin_key, to_latin
from nlp.text import has_arabic, key_form
from nlp.types import EntityType

FIELD_SCORES = {"key": 1.0, "latin": 0.95, "token": 0.85, "skeleton": 0.8, "skeleton_token": 0.7}
FUZZY_SCAN_LIMIT = 50_000
FUZZY_MIN = 80.0


@dataclass(frozen=True, slots=True)
class Hit:
    entity_id: str
    score: float
    alias: str


class EntitySearch:
    """Finds entities from Arabic or Latin text (the backend of ``GET /entities?q=``)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def search(self, q: str, entity_type: EntityType | None, limit: int) -> list[dict[str, Any]]:
        hits, entities = self.hits(q)
        out = []
        for h in hits:
            e = entities.get(h.entity_id)
            if e is None or (entity_type is not None and e["type"] != entity_type.value):
                continue
            out.append({**e, "score": round(h.score, 4), "matched_alias": h.alias})
        out.sort(key=lambda e: (-e["score"], -(e.get("mention_count") or 0), e["id"]))
        return out[:limit]

    def hits(self, q: str) -> tuple[list[Hit], dict[str, dict[str, Any]]]:
        """Scored hits, best first, and the entities they point to."""
        arabic, latin = query_probes(q)
        rows = self.store.search_aliases(sorted(arabic), sorted(latin))
        best: dict[str, Hit] = {}
        entities: dict[str, dict[str, Any]] = {}
        for row in rows:
            alias = row["alias"]
            entities[alias["entity_id"]] = row["entity"]
            score = FIELD_SCORES.get(row["field"], 0.5) * (0.8 + 0.2 * _similarity(q, alias) / 100)
            _keep_best(best, Hit(alias["entity_id"], score, alias["text"]))
        if not best:
            for alias in self.store.all_aliases()[:FUZZY_SCAN_LIMIT]:
                sim = _similarity(q, alias)
                if sim >= FUZZY_MIN:
                    _keep_best(best, Hit(alias["entity_id"], 0.6 * sim / 100, alias["text"]))
            if best:
                entities = self.store.entities_by_id(list(best))
        return sorted(best.values(), key=lambda h: -h.score), entities


def query_probes(q: str) -> tuple[set[str], set[str]]:
    """The index keys a query is looked up by: Arabic keys, and Latin keys and skeletons."""
    arabic: set[str] = set()
    if has_arabic(q):
        name = reduce_mention(q, 0, len(q), strip_titles=True)
        keys = {key_form(q)} | ({name.key} if name else set())
        for key in keys | {match_key(k) for k in keys}:
            arabic.add(key)
            arabic.update(key.split())
        latin_text = to_latin(q)
    else:
        latin_text = q
    latin = {latin_key(latin_text), search_skeleton(q)} | {search_skeleton(w) for w in q.split() if w}
    return arabic - {""}, latin - {""}


def _similarity(q: str, alias: dict[str, Any]) -> float:
    if has_arabic(q):
        return float(fuzz.ratio(key_form(q), alias.get("key") or ""))
    return float(fuzz.WRatio(q.lower(), (alias.get("name_latin") or "").lower()))


def _keep_best(best: dict[str, Hit], hit: Hit) -> None:
    if hit.entity_id not in best or best[hit.entity_id].score < hit.score:
        best[hit.entity_id] = hit
