"""Alias resolution: which entity does each mention of a document refer to?

Pure logic: the pipeline asks ``probe_keys`` what to look up, fetches the matching
entities from the graph, and passes them here as ``Candidate``s. Nothing here touches the
database, so every rule is testable on plain data.

Within a document
  1. each mention is reduced to a name (clitics and titles cut, ``names.reduce_mention``);
  2. mentions with the same type and match key (``names.cluster_key``: the key with غ and
     ج alike) form one cluster;
  3. an organisation name ending in a nisba (حزب الله اللبناني) joins the cluster of the
     name without it (حزب الله) when that name is known, unless the head is generic
     (وزارة الدفاع الأمريكية never joins وزارة الدفاع);
  4. a person name that is a contiguous part of exactly one longer person name in the
     document (أوستن, تقي) joins it; with two candidates (Joe and Hunter Biden) it joins
     neither.

Across documents, each cluster is matched against the graph's candidates of the same type:
  * a full-name alias with the same key -> that entity;
  * a partial cluster (surname only) -> the one entity whose full name has it as its first
    or last token, or the entity that already holds that partial alias;
  * a full name -> an entity known so far only by partial aliases that are parts of it,
    when no other entity with a full name shares them;
  * otherwise a new entity, whose id is derived from its type and key (deterministic).
A shared token alone never merges two full names.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from nlp.resolution.names import (
    Name,
    clitic_length,
    cluster_key,
    core_key,
    drop_trailing_nisba,
    match_key,
    partial_of,
    reduce_mention,
)
from nlp.resolution.transliteration import skeleton
from nlp.text import key_form, model_form
from nlp.types import EntityType, Mention


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity already in the graph, with the keys of its aliases."""

    id: str
    type: EntityType
    full_keys: frozenset[str]
    partial_keys: frozenset[str] = frozenset()
    pinned_keys: frozenset[str] = frozenset()
    """Alias keys a human judgement (a split) put on this entity: they always resolve here."""
    skeletons: frozenset[str] = frozenset()
    """Consonant skeletons of its aliases (``transliteration.skeleton``, spaces removed)."""
    neighbors: frozenset[str] = frozenset()
    """Entities mentioned in the same documents: context for a skeleton match."""


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    mention: Mention
    name: Name
    entity_id: str
    partial: bool
    """True when the name is a part of the entity's full name (a surname alone)."""
    evidence: str
    pinned: bool = False
    """Resolved through an alias a human judgement pinned to the entity."""


@dataclass(slots=True)
class ResolvedEntity:
    id: str
    type: EntityType
    key: str
    is_new: bool


@dataclass(slots=True)
class Resolution:
    mentions: list[ResolvedMention] = field(default_factory=list)
    entities: dict[str, ResolvedEntity] = field(default_factory=dict)


def entity_id(entity_type: EntityType, key: str) -> str:
    """The deterministic id of a new entity: type and key hashed."""
    digest = hashlib.sha256(f"{entity_type.value}|{key}".encode()).hexdigest()
    return f"E{digest[:15]}"


def probe_keys(raw: str, mentions: Sequence[Mention]) -> set[str]:
    """Keys the graph should be asked about before ``resolve``: every name key, its tokens,
    its nisba-less form and the clitic-less forms of its first word."""
    probes: set[str] = set()
    for m in mentions:
        name = _reduce(raw, m, frozenset())
        if name is None:
            continue
        probes.add(name.key)
        probes.update(name.tokens)
        shorter = drop_trailing_nisba(name.key)
        if shorter:
            probes.add(shorter)
        probes.add(core_key(name.key))
        probes.add(cluster_key(name.key))
        probes.update(match_key(t) for t in name.tokens)
        probes.add(name_skeleton(name.text))
        first = model_form(raw[m.start : m.end].split()[0]) if raw[m.start : m.end].split() else ""
        rest = key_form(raw[m.start : m.end])[len(first) :]
        for cut in (1, 2):
            if len(first) - cut >= 3 and first[:cut] in _CLITIC_PREFIXES:
                probes.add(key_form(first[cut:]) + rest)
    return probes


_CLITIC_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك"} | {c + p for c in "وف" for p in "بلك"})


def resolve(
    raw: str,
    mentions: Sequence[Mention],
    candidates: Iterable[Candidate],
    co_mentioned: Callable[[str], frozenset[str]] | None = None,
) -> Resolution:
    """Assign every mention to an entity (existing or new). ``co_mentioned(entity_id)`` gives
    the entities mentioned with a candidate when a skeleton match needs that context (asked
    only then); without it, the candidates' own ``neighbors`` are used."""
    index = _CandidateIndex(candidates)
    # Pass 1: names without knowledge, to learn the document's own keys.
    first_pass = [_reduce(raw, m, frozenset()) for m in mentions]
    known = frozenset(n.key for n in first_pass if n is not None) | index.all_keys
    names = [_reduce(raw, m, known) for m in mentions]

    clusters: dict[tuple[EntityType, str], list[int]] = defaultdict(list)
    for i, (m, n) in enumerate(zip(mentions, names, strict=True)):
        if n is not None:
            clusters[(m.type, cluster_key(n.key))].append(i)

    appositions = _apposition_pairs(mentions, names)
    target, evidence = _link_within_document(clusters, index, appositions)

    result = Resolution()
    root_entity: dict[tuple[EntityType, str], tuple[str, str]] = {}

    def names_of(root: ClusterKey) -> set[str]:
        return {names[i].text for c, r in target.items() if r == root for i in clusters[c]}  # type: ignore[union-attr]

    roots = sorted({target[c] for c in clusters}, key=lambda k: (k[0].value, -len(k[1].split()), k[1]))
    matched = {root: _match_graph(root, target, index) for root in roots}
    context = {eid for eid, is_new, _ in matched.values() if not is_new}
    for root in roots:
        eid, is_new, why = matched[root]
        if is_new:
            eid, is_new, why = _match_skeleton(root, names_of(root), index, context, co_mentioned) or (
                eid,
                is_new,
                why,
            )
        root_entity[root] = (eid, why)
        result.entities.setdefault(eid, ResolvedEntity(eid, root[0], root[1], is_new))

    for m, n in zip(mentions, names, strict=True):
        if n is None:
            continue
        ckey = (m.type, cluster_key(n.key))
        eid, why = root_entity[target[ckey]]
        partial = m.type is EntityType.PERSON and len(n.tokens) == 1
        pinned = index.pinned(*ckey) is not None
        result.mentions.append(ResolvedMention(m, n, eid, partial, evidence.get(ckey, why), pinned))
    return result


def _reduce(raw: str, m: Mention, known: frozenset[str]) -> Name | None:
    return reduce_mention(raw, m.start, m.end, strip_titles=m.type is EntityType.PERSON, known_keys=known)


ClusterKey = tuple[EntityType, str]


def _apposition_pairs(
    mentions: Sequence[Mention], names: Sequence[Name | None]
) -> list[tuple[ClusterKey, ClusterKey]]:
    """(first name, second name) cluster pairs from ``attributes["apposition_of"]``."""
    by_start = {m.start: (m, n) for m, n in zip(mentions, names, strict=True) if n is not None}
    pairs = []
    for m, n in zip(mentions, names, strict=True):
        anchor = m.attributes.get("apposition_of")
        if n is None or anchor is None or int(anchor) not in by_start:
            continue
        am, an = by_start[int(anchor)]
        if am.type is m.type:
            pairs.append(((am.type, cluster_key(an.key)), (m.type, cluster_key(n.key))))
    return pairs


def _link_within_document(
    clusters: dict[ClusterKey, list[int]],
    index: _CandidateIndex,
    appositions: Sequence[tuple[ClusterKey, ClusterKey]] = (),
) -> tuple[dict[ClusterKey, ClusterKey], dict[ClusterKey, str]]:
    """Map each cluster to the cluster it joins (itself when none), with the evidence."""
    target = {c: c for c in clusters}
    evidence: dict[tuple[EntityType, str], str] = {}
    free = {c for c in clusters if index.pinned(*c) is None}  # pinned names join no one
    for etype, key in sorted(free):
        core = core_key(key)
        if etype is EntityType.ORGANIZATION and core != key and (etype, core) in clusters:
            target[(etype, key)] = (etype, core)
            evidence[(etype, key)] = f"same name without its head word: {core}"
            continue
        if etype is EntityType.ORGANIZATION:
            shorter = drop_trailing_nisba(key)
            if shorter and ((etype, shorter) in clusters or index.full(etype, shorter)):
                if (etype, shorter) in clusters:
                    target[(etype, key)] = (etype, shorter)
                evidence[(etype, key)] = f"same name without its adjective: {shorter}"
    persons = sorted(key for etype, key in free if etype is EntityType.PERSON)
    for key in persons:
        parts = tuple(key.split())
        fulls = {f for f in persons if partial_of(parts, tuple(f.split()))}
        # Only the longest names count: جو بايدن and الرئيس جو بايدن are one full name.
        maximal = {f for f in fulls if not any(partial_of(tuple(f.split()), tuple(g.split())) for g in fulls)}
        if len(maximal) == 1:
            (full,) = maximal
            target[(EntityType.PERSON, key)] = (EntityType.PERSON, full)
            evidence[(EntityType.PERSON, key)] = f"part of {full} in the same document"
    _follow_chains(target)
    # Appositions: the second name joins the first name's cluster, with all its members.
    for first, second in appositions:
        if first not in free or second not in free:
            continue
        root_first, root_second = target[first], target[second]
        if root_first == root_second:
            continue
        for c, root in target.items():
            if root == root_second:
                target[c] = root_first
        evidence.setdefault(second, f"written as another name of {first[1]} in the same document")
    return target, evidence


def _follow_chains(target: dict[ClusterKey, ClusterKey]) -> None:
    """Point every cluster at the root of its chain (a -> b -> c becomes a -> c)."""
    for c in list(target):
        seen = {c}
        while target[target[c]] != target[c] and target[c] not in seen:
            seen.add(target[c])
            target[c] = target[target[c]]


def _match_graph(
    ckey: tuple[EntityType, str],
    target: dict[tuple[EntityType, str], tuple[EntityType, str]],
    index: _CandidateIndex,
) -> tuple[str, bool, str]:
    """The entity of a root cluster: (id, is_new, evidence)."""
    etype, key = ckey
    pinned = index.pinned(etype, key)
    if pinned is not None:
        return pinned, False, f"{key} was put on this entity by a human judgement"
    member_keys = sorted(c[1] for c, root in target.items() if root == ckey)
    exact = index.full(etype, key)
    if len(exact) == 1:
        return exact[0], False, f"alias key {key} already in the graph"
    if len(exact) > 1:
        return sorted(exact)[0], False, f"alias key {key} in the graph (several; the first by id)"
    # Another full name of the same cluster (an apposition, a nisba form) may be known.
    by_member = {
        e
        for m in member_keys
        if len(m.split()) > 1 or etype is not EntityType.PERSON
        for e in index.full(etype, m)
    }
    if len(by_member) == 1:
        (known,) = by_member
        return known, False, "another name of this entity in the document is already in the graph"
    shorter = drop_trailing_nisba(key) if etype is EntityType.ORGANIZATION else None
    if shorter:
        hits = index.full(etype, shorter)
        if len(hits) == 1:
            return hits[0], False, f"same name without its adjective: {shorter}"
    if etype is EntityType.ORGANIZATION:
        same_core = index.by_core(etype, core_key(key))
        if len(same_core) == 1:
            return same_core[0], False, f"same name up to its head word: {core_key(key)}"
    tokens = tuple(key.split())
    members = [c for c, root in target.items() if root == ckey]
    is_partial_only = all(len(c[1].split()) == 1 for c in members) and len(tokens) == 1
    if etype is EntityType.PERSON and is_partial_only:
        owners = index.full_with_edge_token(etype, key)
        if len(owners) == 1:
            return owners[0], False, f"surname or first name of a known full name ({key})"
        holders = index.partial(etype, key)
        if len(owners) == 0 and len(holders) == 1:
            return holders[0], False, f"partial alias {key} already in the graph"
    if etype is EntityType.PERSON and len(tokens) > 1:
        absorb = [
            c
            for c in index.partial_only(etype)
            if c.partial_keys and all(partial_of(tuple(p.split()), tokens) for p in c.partial_keys)
        ]
        rivals = {
            o
            for p in (c for cand in absorb for c in cand.partial_keys)
            for o in index.full_with_edge_token(etype, p)
        }
        if len(absorb) == 1 and not rivals:
            return (
                absorb[0].id,
                False,
                f"full name of an entity known only as {sorted(absorb[0].partial_keys)}",
            )
    return entity_id(etype, key), True, "new entity"


MIN_SKELETON_LETTERS = 3
"""The shortest skeleton a match may rest on (كاتس and كاتز: "gts")."""


def name_skeleton(text: str) -> str:
    """The consonant skeleton of a name, spaces removed (as stored on aliases)."""
    return skeleton(text).replace(" ", "")


def _match_skeleton(
    root: ClusterKey,
    texts: set[str],
    index: _CandidateIndex,
    context: set[str],
    co_mentioned: Callable[[str], frozenset[str]] | None,
) -> tuple[str, bool, str] | None:
    """A name spelt differently from a known entity (same type and consonant skeleton) joins
    it only with context: the entity is mentioned, in the graph, together with an entity
    this document also mentions. A skeleton alone never merges."""
    etype = root[0]
    # (two consonants tell nothing apart: جيسوس and الغيص are both "gs")
    skeletons = {k for k in (name_skeleton(t) for t in texts) if len(k) >= MIN_SKELETON_LETTERS}
    if not context or not skeletons:
        return None
    same = [c for c in index.by_id.values() if c.type is etype and c.skeletons & skeletons]
    neighbors = {c.id: c.neighbors or (co_mentioned(c.id) if co_mentioned else frozenset()) for c in same}
    hits = [c for c in same if neighbors[c.id] & context]
    if len(hits) != 1:
        return None
    shared = sorted(neighbors[hits[0].id] & context)
    return hits[0].id, False, f"same consonant skeleton as a known entity co-mentioned with {shared[0]}"


class _CandidateIndex:
    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.by_id: dict[str, Candidate] = {}
        self._full: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
        self._partial: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
        self._edge: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
        self._pinned: dict[tuple[EntityType, str], str] = {}
        self._core: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
        raw: set[str] = set()
        for c in candidates:
            self.by_id[c.id] = c
            raw.update(c.full_keys | c.partial_keys)
            for k in map(cluster_key, c.pinned_keys):
                self._pinned[(c.type, k)] = c.id
            for k in map(cluster_key, c.full_keys):
                self._full[(c.type, k)].add(c.id)
                self._core[(c.type, core_key(k))].add(c.id)
                toks = k.split()
                if len(toks) > 1:
                    self._edge[(c.type, toks[0])].add(c.id)
                    self._edge[(c.type, toks[-1])].add(c.id)
            for k in map(cluster_key, c.partial_keys):
                self._partial[(c.type, k)].add(c.id)
        # Keys as written and as compared: clitics are cut before either.
        self.all_keys = (
            frozenset(raw) | frozenset(k for (_, k) in self._full) | frozenset(k for (_, k) in self._partial)
        )

    def pinned(self, etype: EntityType, key: str) -> str | None:
        return self._pinned.get((etype, key))

    def by_core(self, etype: EntityType, core: str) -> list[str]:
        return sorted(self._core.get((etype, core), ()))

    def full(self, etype: EntityType, key: str) -> list[str]:
        return sorted(self._full.get((etype, key), ()))

    def partial(self, etype: EntityType, key: str) -> list[str]:
        return sorted(self._partial.get((etype, key), ()))

    def full_with_edge_token(self, etype: EntityType, token: str) -> list[str]:
        return sorted(self._edge.get((etype, token), ()))

    def partial_only(self, etype: EntityType) -> list[Candidate]:
        return [c for c in self.by_id.values() if c.type is etype and not c.full_keys]


__all__ = [
    "Candidate",
    "Resolution",
    "ResolvedEntity",
    "ResolvedMention",
    "clitic_length",
    "entity_id",
    "probe_keys",
    "resolve",
]
