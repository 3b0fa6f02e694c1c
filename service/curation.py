"""Curation: merges and splits by people, stored as reversible judgements.

Like nomenklatura's judgements, every decision is a node of its own, ``(:Judgement {kind,
by, at, reason, score, ...})``, listing the entities and the mentions it moved, so that it
can be audited (``GET /entities/{id}/history``) and undone (``POST
/judgements/{id}/revert``). Nothing is ever deleted: a merge moves the other entity's
mentions to the survivor and leaves the other as a tombstone (``merged_into``), which the
API answers with 308; a split moves the mentions written with the given aliases to a new
entity and *pins* those aliases there, so that later ingests keep them apart.

An entity's aliases, document links and counts derive from its mentions: each operation
moves mentions, then rebuilds those for the entities it touched, in one transaction.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction

from graph_schema import queries as Q
from graph_schema.records import EntityRow, params
from graph_schema.store import GraphStore, expect, run
from nlp.resolution.aliases import alias_id, alias_row
from nlp.resolution.transliteration import to_latin
from nlp.types import EntityType
from service.errors import InvalidInputError, NotFoundError

DEFAULT_ACTOR = "api"


def merge(store: GraphStore, survivor: str, other: str, *, by: str, reason: str | None) -> dict[str, Any]:
    """Move every mention of ``other`` to ``survivor``; ``other`` answers 308 from then on."""
    if survivor == other:
        raise InvalidInputError("An entity cannot be merged with itself.")
    result = store.write_transaction(_merge, survivor, other, by, reason, keeps_index=True)
    store.reread_judged_entities()
    return result


def split(
    store: GraphStore, entity_id: str, aliases: list[str], *, by: str, reason: str | None
) -> dict[str, Any]:
    """Move the mentions written as ``aliases`` to a new entity, pinned there."""
    wanted = sorted(set(aliases))
    if not wanted:
        raise InvalidInputError("Name at least one alias to split off.")
    result = store.write_transaction(_split, entity_id, wanted, by, reason, keeps_index=True)
    store.reread_judged_entities()
    return result


def revert(store: GraphStore, judgement_id: str, *, by: str) -> dict[str, Any]:
    """Undo a merge or a split: its mentions go back where they were."""
    result = store.write_transaction(_revert, judgement_id, by, keeps_index=True)
    store.reread_judged_entities()
    return result


# -- transaction functions -------------------------------------------------------------------------
def _merge(tx: ManagedTransaction, survivor: str, other: str, by: str, reason: str | None) -> dict[str, Any]:
    a, b = _live_entity(tx, survivor), _live_entity(tx, other)
    if a["type"] != b["type"]:
        raise InvalidInputError(f"Cannot merge a {a['type']} with a {b['type']}: types must agree.")
    moved = [m["id"] for m in run(tx, Q.ENTITY_MENTIONS, id=other)]
    _move(tx, moved, survivor, pinned=False)
    _rebuild(tx, survivor)
    _rebuild(tx, other)
    run(tx, Q.SET_MERGED_INTO, id=other, into=survivor)
    return _judge(tx, "merge", [survivor, other], survivor, other, [], moved, by, reason)


def _split(
    tx: ManagedTransaction, entity_id: str, aliases: list[str], by: str, reason: str | None
) -> dict[str, Any]:
    entity = _live_entity(tx, entity_id)
    mentions = run(tx, Q.ENTITY_MENTIONS, id=entity_id)
    names = {m["name"] for m in mentions}
    unknown = [a for a in aliases if a not in names]
    if unknown:
        raise InvalidInputError(f"Not aliases of {entity_id}: {', '.join(unknown)}.")
    if names <= set(aliases):
        raise InvalidInputError("A split must leave at least one alias on the entity.")
    etype = EntityType(entity["type"])
    new_id = "E" + hashlib.sha256(f"split|{entity_id}|{'|'.join(aliases)}".encode()).hexdigest()[:15]
    now = _now()
    row = EntityRow(id=new_id, type=etype, name=aliases[0], name_latin=to_latin(aliases[0]), now=now)
    run(tx, Q.UPSERT_ENTITIES[etype], rows=[params(row)])
    run(tx, Q.SET_MERGED_INTO, id=new_id, into=None)  # a re-done split revives the same entity
    moved = [m["id"] for m in mentions if m["name"] in aliases]
    _move(tx, moved, new_id, pinned=True)
    _rebuild(tx, entity_id)
    _rebuild(tx, new_id)
    return _judge(tx, "split", [entity_id, new_id], entity_id, new_id, aliases, moved, by, reason)


def _revert(tx: ManagedTransaction, judgement_id: str, by: str) -> dict[str, Any]:
    rows = run(tx, Q.GET_JUDGEMENT, id=judgement_id)
    if not rows:
        raise NotFoundError(f"No judgement with id {judgement_id!r}.")
    j = rows[0]["judgement"]
    if j.get("reverted_at"):
        raise InvalidInputError(f"Judgement {judgement_id} was already reverted on {j['reverted_at']}.")
    subject, other, moved = j["subject"], j["other"], list(j["mention_ids"])
    if j["kind"] == "merge":  # the mentions go back to the merged-away entity, which lives again
        run(tx, Q.SET_MERGED_INTO, id=other, into=None)
        _move(tx, moved, other, pinned=False)
    else:  # split: the mentions go back to the subject; the split-off entity is a tombstone
        _move(tx, moved, subject, pinned=False)
        run(tx, Q.SET_MERGED_INTO, id=other, into=subject)
    _rebuild(tx, subject)
    _rebuild(tx, other)
    now = _now()
    run(tx, Q.MARK_REVERTED, id=judgement_id, at=now, by=by)
    return {**j, "reverted_at": now, "reverted_by": by}


# -- helpers ---------------------------------------------------------------------------------------
def _live_entity(tx: ManagedTransaction, entity_id: str) -> dict[str, Any]:
    rows = run(tx, Q.ENTITY_STATE, id=entity_id)
    if not rows:
        raise NotFoundError(f"No entity with id {entity_id!r}.")
    entity: dict[str, Any] = rows[0]["entity"]
    if entity.get("merged_into"):
        raise InvalidInputError(
            f"Entity {entity_id} was merged into {entity['merged_into']}: curate that one."
        )
    return entity


def _move(tx: ManagedTransaction, mention_ids: list[str], target: str, *, pinned: bool) -> None:
    if mention_ids:
        expect(tx, Q.MOVE_MENTIONS, len(mention_ids), ids=mention_ids, target=target, pinned=pinned)


def _rebuild(tx: ManagedTransaction, entity_id: str) -> None:
    """Aliases, document links, counts and name of an entity, recomputed from its mentions."""
    mentions = run(tx, Q.ENTITY_MENTIONS, id=entity_id)
    run(tx, Q.DELETE_ENTITY_ALIASES, id=entity_id)
    run(tx, Q.DELETE_ENTITY_LINKS, id=entity_id)
    counts = Counter(m["name"] for m in mentions)
    partial = {m["name"]: bool(m["partial"]) for m in mentions}
    pinned = {m["name"] for m in mentions if m["pinned"]}
    aliases = [
        params(alias_row(entity_id, name, partial=partial[name], count=n, pinned=name in pinned))
        for name, n in sorted(counts.items())
    ]
    if aliases:
        expect(tx, Q.UPSERT_ALIASES, len(aliases), rows=aliases)
        rows = [{"id": m["id"], "alias_id": alias_id(entity_id, m["name"])} for m in mentions]
        expect(tx, Q.SET_MENTION_ALIAS_IDS, len(rows), rows=rows)
    per_doc = Counter(m["doc_id"] for m in mentions)
    links = [{"doc_id": d, "count": n} for d, n in sorted(per_doc.items())]
    if links:
        expect(tx, Q.LINK_ENTITY_DOCUMENTS, len(links), id=entity_id, rows=links)
    run(tx, Q.SET_ENTITY_COUNTS, id=entity_id, mentions=len(mentions), documents=len(per_doc))
    run(tx, Q.REFRESH_ENTITIES, rows=[{"entity_id": entity_id, "mentions": 0, "documents": 0}])


def _judge(
    tx: ManagedTransaction,
    kind: str,
    entity_ids: list[str],
    subject: str,
    other: str,
    aliases: list[str],
    mention_ids: list[str],
    by: str,
    reason: str | None,
) -> dict[str, Any]:
    at = _now()
    digest = hashlib.sha256(f"{kind}|{subject}|{other}|{at}|{len(mention_ids)}".encode()).hexdigest()
    judgement = {
        "id": "J" + digest[:15],
        "kind": kind,
        "entity_ids": entity_ids,
        "subject": subject,
        "other": other,
        "aliases": aliases,
        "mention_ids": mention_ids,
        "by": by,
        "at": at,
        "reason": reason,
        "score": 1.0,  # a person's decision
    }
    run(tx, Q.CREATE_JUDGEMENT, j=judgement)
    return judgement


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
