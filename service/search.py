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
``gloss``          an English translation, word by word         0.90
=================  ==========================================  =====

A Latin query is also read as a translation (``nlp/resolution/glossary.py``: "Rapid Support
Forces" is قوات الدعم السريع): an alias matches when each glossed word finds its Arabic stem
among the alias's words and each other word sounds like one of them; the share of the alias's
words so accounted for refines the score. Words that say a place is a base ("Incirlik Air
Base") are also left out of the Latin probes, since a base's alias is its bare name, and
letters Latin spellings read several ways get a probe for each reading (``latin_readings``).

An alias a Latin probe found whose words, some run of them, read as the query key for key
counts as a ``token`` match, so Tiani finds تياني before the ثاني (al-Thani) its skeleton also
finds. Each hit is then refined by a fuzzy similarity (rapidfuzz) between the query and the
alias in the same script, so exact spellings rank first; an entity's score is its best
alias's. Nothing found through the probes -> a fuzzy scan over the aliases (up to
``FUZZY_SCAN_LIMIT``). All of it runs on the store's in-process alias index
(``graph_schema/alias_index.py``), without a graph round trip.
"""

from __future__ import annotations

import functools
import heapq
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from graph_schema.alias_index import AliasIndex, IndexedAlias
from graph_schema.store import GraphStore
from nlp.resolution.aliases import search_skeleton
from nlp.resolution.glossary import coverage, gloss, key_stems, without_base_words, without_unit_words
from nlp.resolution.names import match_key, reduce_mention
from nlp.resolution.transliteration import latin_key, latin_words, to_latin
from nlp.text import has_arabic, key_form
from nlp.types import EntityType

FIELD_SCORES = {
    "key": 1.0,
    "latin": 0.95,
    "token": 0.85,
    "skeleton": 0.8,
    "skeleton_token": 0.7,
    "gloss": 0.9,
}
FUZZY_SCAN_LIMIT = 50_000
FUZZY_MIN = 80.0


@dataclass(frozen=True, slots=True)
class Hit:
    entity_id: str
    score: float
    alias: str


# (indexed property, kind of match) looked up for a probe made from the whole query, and for
# one made from one word of a longer query: a word of the query is at best one word of a name
# (Bank in "Qatar National Bank" is no match for the whole name Boeing, same skeleton bng).
WHOLE_ARABIC = (("key", "key"), ("variant", "key"), ("first", "token"), ("last", "token"))
WORD_ARABIC = (("key", "token"), ("variant", "token"), ("first", "token"), ("last", "token"))
WHOLE_LATIN = (
    ("latin_key", "latin"),
    ("skeleton", "skeleton"),
    ("skeleton_first", "skeleton_token"),
    ("skeleton_last", "skeleton_token"),
)
WORD_LATIN = (
    ("skeleton", "skeleton_token"),
    ("skeleton_first", "skeleton_token"),
    ("skeleton_last", "skeleton_token"),
)


class EntitySearch:
    """Finds entities from Arabic or Latin text (the backend of ``GET /entities?q=``).

    Everything is answered from the store's in-process alias index: no graph round trip.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._scan_version = -1
        self._scan: tuple[list[IndexedAlias], list[str], list[str]] = ([], [], [])

    def search(
        self,
        q: str,
        entity_type: EntityType | None,
        limit: int,
        index: AliasIndex | None = None,
        *,
        fuzzy: bool = True,
    ) -> list[dict[str, Any]]:
        """Entity summaries, best first, each with ``score``, ``matched_alias`` and ``aliases``.
        ``index``: the alias index to use (default: the store's, brought up to date);
        ``fuzzy=False``: no fuzzy scan when no probe matches (an empty list instead)."""
        index = index or self.store.alias_index()
        wanted = entity_type.value if entity_type is not None else None
        ranked = []
        with index.lock:
            for h in self.hits(q, index, fuzzy=fuzzy):
                e = index.entities.get(h.entity_id)
                if e is not None and (wanted is None or e.type == wanted):
                    ranked.append((-h.score, -e.mention_count, e.id, h.alias, e))
            # only the page is sorted out and turned into dicts: a first name hits hundreds
            return [
                {**e.summary(), "aliases": e.alias_texts(), "score": round(-neg, 4), "matched_alias": alias}
                for neg, _, _, alias, e in heapq.nsmallest(limit, ranked, key=lambda r: r[:3])
            ]

    def hits(self, q: str, index: AliasIndex | None = None, *, fuzzy: bool = True) -> list[Hit]:
        """Scored hits, the best alias of each entity found (unordered)."""
        index = index or self.store.alias_index()
        # The best field of every alias any probe finds, then one similarity call for them all
        # (rapidfuzz's C loop: a common first name finds hundreds of aliases).
        found: dict[str, tuple[float, IndexedAlias]] = {}
        for probes, fields in query_probes(q):
            for probe in sorted(probes):
                for field_name, kind in fields:
                    field_score = FIELD_SCORES[kind]
                    for alias in index.lookup(field_name, probe):
                        known = found.get(alias.id)
                        if known is None or known[0] < field_score:
                            found[alias.id] = (field_score, alias)
        best: dict[str, Hit] = {}
        if found:
            arabic_query, form = _query_form(q)
            scored = list(found.values()) if arabic_query else _with_latin_word_runs(q, found.values())
            choices = [a.key if arabic_query else (a.name_latin or "").lower() for _, a in scored]
            scorer = fuzz.ratio if arabic_query else fuzz.WRatio
            similarities = process.cdist([form], choices, scorer=scorer, dtype=np.float32)[0]
            for (field_score, alias), sim in zip(scored, similarities.tolist(), strict=True):
                _keep_best(best, Hit(alias.entity_id, field_score * (0.8 + 0.2 * sim / 100), alias.text))
        for hit in gloss_hits(q, index):
            _keep_best(best, hit)
        if not best and fuzzy:
            for alias, sim in self._fuzzy_scan(q, index):
                _keep_best(best, Hit(alias.entity_id, 0.6 * sim / 100, alias.text))
        return list(best.values())

    def _fuzzy_scan(self, q: str, index: AliasIndex) -> list[tuple[IndexedAlias, float]]:
        """Aliases similar to a query no probe found (rapidfuzz's C loop over cached strings)."""
        with self._lock:
            if self._scan_version != index.version:
                aliases = index.all_aliases()[:FUZZY_SCAN_LIMIT]
                latin = [(a.name_latin or "").lower() for a in aliases]
                self._scan = (aliases, [a.key for a in aliases], latin)
                self._scan_version = index.version
            aliases, keys, latin = self._scan
        if has_arabic(q):
            found = process.extract(key_form(q), keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=None)
        else:
            found = process.extract(q.lower(), latin, scorer=fuzz.WRatio, score_cutoff=FUZZY_MIN, limit=None)
        return [(aliases[i], float(score)) for _, score, i in found]


def query_probes(q: str) -> list[tuple[set[str], tuple[tuple[str, str], ...]]]:
    """The index keys a query is looked up by, each group with the properties it is looked up
    in: Arabic keys of the whole query and of its words, Latin keys and skeletons likewise."""
    whole_arabic: set[str] = set()
    word_arabic: set[str] = set()
    if has_arabic(q):
        name = reduce_mention(q, 0, len(q), strip_titles=True)
        keys = {key_form(q)} | ({name.key} if name else set())
        for key in keys | {match_key(k) for k in keys}:
            whole_arabic.add(key)
            word_arabic.update(key.split())
        latin_text = to_latin(q)
        readings = arabic_readings(q)
        whole_latin = {latin_key(latin_text)} | {search_skeleton(r) for r in readings}
        word_latin = {search_skeleton(w) for r in readings for w in r.split() if w}
    else:
        bare = without_base_words(q)
        readings = latin_readings(bare)
        whole_latin = {latin_key(bare)} | {search_skeleton(r) for r in readings}
        word_latin = {search_skeleton(w) for r in readings for w in r.split() if w}
    return [
        (whole_arabic - {""}, WHOLE_ARABIC),
        (word_arabic - whole_arabic - {""}, WORD_ARABIC),
        (whole_latin - {""}, WHOLE_LATIN),
        (word_latin - whole_latin - {""}, WORD_LATIN),
    ]


def gloss_hits(q: str, index: AliasIndex) -> list[Hit]:
    """Aliases a Latin query translates (see the module docstring): the query as it is, then,
    when that finds nothing, without the words that say a place is a base, then without the
    word "forces" of an armed group."""
    for query in dict.fromkeys((q, without_base_words(q), without_unit_words(q))):
        read = gloss(query)
        if read is None:
            continue
        found = [index.lookup_stems(stems) for stems in read.stems]
        ids = set.intersection(*found) if found else set()
        # each name in the query by the skeletons of its readings (Wagner: فاغنر)
        unknown = [{search_skeleton(r) for r in latin_readings(w)} - {""} for w in read.unknown]
        sounds = set().union(*unknown)
        glossed = set().union(*read.stems)
        hits = []
        for alias_id in sorted(ids):
            alias = index.alias(alias_id)
            stems = key_stems(alias.key)
            # (skeletons only for a query with a name in it: a glossed word alone finds many)
            words = [search_skeleton(w) for w in alias.key.split()] if unknown else [""] * len(stems)
            present = set(words)
            if not all(u & present for u in unknown):
                continue  # a name in the query that is not in the alias
            matched = sum(s in glossed or w in sounds for s, w in zip(stems, words, strict=True))
            score = FIELD_SCORES["gloss"] * (0.8 + 0.2 * coverage(stems, matched))
            hits.append(Hit(alias.entity_id, score, alias.text))
        if hits:
            return hits
    return []


Found = tuple[float, IndexedAlias]  # an alias a probe found, with its field's score


def _with_latin_word_runs(q: str, found: Iterable[Found]) -> list[Found]:
    """A Latin query that reads as a run of an alias's words, key for key, is a word of that
    name (``token``), like an Arabic word of the name: Tiani is the تياني of عبد الرحمن تياني,
    while the skeleton probes that found it also find every ثاني (al-Thani)."""
    query_key = latin_key(q)
    size = len(latin_words(q))
    return [
        (FIELD_SCORES["token"], alias)
        if field_score < FIELD_SCORES["token"]
        and _reads_as_a_word_run(query_key, size, alias.name_latin or "")
        else (field_score, alias)
        for field_score, alias in found
    ]


@functools.lru_cache(maxsize=4096)
def _reads_as_a_word_run(query_key: str, size: int, alias_latin: str) -> bool:
    words = latin_words(alias_latin)
    return any(
        latin_key(" ".join(words[i : i + n])) == query_key
        for n in {max(size - 1, 1), size, size + 1}
        for i in range(len(words) - n + 1)
    )


def arabic_readings(q: str) -> set[str]:
    """An Arabic query, and the query with تش read as the ج other writers give the same
    Persian or foreign ch (عراقتشي, عراقجي). Each gives its own skeleton probe."""
    return {q, q.replace("تش", "ج")}


def latin_readings(q: str) -> set[str]:
    """The query, and the query with the letters Latin spells several Arabic letters with
    read the other way: ch as ج/ك (Persian چ, Turkish ç: Araghchi عراقجي, Sonatrach
    سوناطراك), c before e/i as ج (Turkish: Incirlik إنجرليك), and a plural -is as the Arabic
    sound plural (Houthis الحوثيين), a Portuguese final -es as -esh (Guterres غوتيريش,
    Soares سواريش), a German or Russian w as v (Wagner فاغنر, Grunwald غرونفالد), a French
    final -ier as Arabic writes it, ييه with the r silent (Lemonnier ليمونييه), and a German or
    Hebrew tz as ts (Hatzerim حتسريم). Each gives its own skeleton probe."""
    lower = q.lower()
    readings = {q, lower.replace("ch", "j"), _SOFT_C_RE.sub("j", lower)}
    readings.add(_PLURAL_IS_RE.sub("iyin", lower))
    readings.add(_FINAL_ES_RE.sub("esh", lower))
    readings.add(_W_AS_V_RE.sub("v", lower))
    readings.add(_FRENCH_IER_RE.sub("iyeh", lower))
    readings.add(lower.replace("tz", "ts"))
    return readings


_SOFT_C_RE = re.compile("(?<!s)c(?=[eiy])")
_PLURAL_IS_RE = re.compile(r"(?<=[a-z]{3})is\b")
_FINAL_ES_RE = re.compile(r"(?<=[a-z]{3})es\b")
_W_AS_V_RE = re.compile(r"(?:\b|(?<=[bcdfgklmnprst]))w(?=[aeiou])")
_FRENCH_IER_RE = re.compile(r"(?<=[a-z]{3})ier\b")


@functools.lru_cache(maxsize=1024)
def _query_form(q: str) -> tuple[bool, str]:
    return (True, key_form(q)) if has_arabic(q) else (False, q.lower())


def _keep_best(best: dict[str, Hit], hit: Hit) -> None:
    if hit.entity_id not in best or best[hit.entity_id].score < hit.score:
        best[hit.entity_id] = hit
