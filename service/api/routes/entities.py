"""Entities: search and list, read, their documents, neighbours, and paths between two."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from graph_schema.queries import PATH_HOPS
from graph_schema.store import GraphStore
from nlp.types import EntityType
from service import curation
from service.api import cursors
from service.api.cursors import Cursor, Limit
from service.api.deps import SearchDep, ServicesDep, Settled, SettledEntity, StoreDep, Writer, settle
from service.api.schemas import (
    AliasOut,
    CurationOut,
    EntityDocumentPage,
    EntityOut,
    EntityPage,
    EntitySummary,
    JudgementList,
    JudgementOut,
    MergeIn,
    NeighborList,
    PathOut,
    RevertIn,
    SplitIn,
    WhyOut,
)
from service.errors import EntityMergedError, NotFoundError

router = APIRouter(tags=["entities"])


@router.get("/entities", response_model=EntityPage)
async def list_entities(
    services: ServicesDep,
    store: StoreDep,
    search: SearchDep,
    q: Annotated[str | None, Query(max_length=200, description="Any alias, Arabic or Latin.")] = None,
    type: Annotated[EntityType | None, Query(description="Only entities of this type.")] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> EntityPage:
    """Search by alias (with `q`), or all entities by mention count."""
    skip = cursors.decode(cursor, field="skip", kind=int) or 0
    if q is not None and q.strip():
        # From the in-process alias index, on the event loop: microseconds of work once the index
        # is up to date; bringing it up to date (a graph round trip, once a second) and the rare
        # fuzzy scan of a query nothing matched go to a worker thread.
        index = store.fresh_alias_index() or await run_in_threadpool(store.alias_index)
        found = search.search(q.strip(), type, skip + limit + 1, index, fuzzy=False)
        if not found:
            found = await run_in_threadpool(search.search, q.strip(), type, skip + limit + 1, index)
        rows = found[skip:]
    else:
        await settle(services)
        rows = await run_in_threadpool(_by_mentions, store, type, skip, limit + 1)
    more = len(rows) > limit
    items = [EntitySummary(**r) for r in rows[:limit]]
    return EntityPage(items=items, next_cursor=cursors.encode({"skip": skip + limit}) if more else None)


def _by_mentions(
    store: GraphStore, entity_type: EntityType | None, skip: int, limit: int
) -> list[dict[str, Any]]:
    rows = store.list_entities(entity_type, skip, limit)
    aliases = store.entity_aliases([r["id"] for r in rows])
    return [{**r, "aliases": [a["text"] for a in aliases.get(r["id"], [])]} for r in rows]


def _entity_or_404(store: StoreDep, entity_id: str) -> dict[str, Any]:
    """The entity, 404 when unknown, 308 to the survivor when it was merged away."""
    entity = store.get_entity(entity_id)
    if entity is None:
        raise NotFoundError(f"No entity with id {entity_id!r}.")
    if entity.get("merged_into"):
        raise EntityMergedError(entity_id, entity["merged_into"])
    return entity


@router.get("/entities/{entity_id}", response_model=EntityOut, dependencies=[SettledEntity])
def get_entity(entity_id: str, store: StoreDep) -> EntityOut:
    e = _entity_or_404(store, entity_id)
    aliases = store.entity_aliases([entity_id])[entity_id]
    return EntityOut(
        id=entity_id,
        name=str(e["name"]),
        name_latin=e.get("name_latin"),
        type=EntityType(e["type"]),
        aliases=[AliasOut(**a) for a in aliases],
        documents=int(e.get("document_count") or 0),
        mentions=int(e.get("mention_count") or 0),
        created_at=e.get("created_at"),
    )


@router.get(
    "/entities/{entity_id}/documents", response_model=EntityDocumentPage, dependencies=[SettledEntity]
)
def entity_documents(
    entity_id: str, store: StoreDep, limit: Limit = 50, cursor: Cursor = None
) -> EntityDocumentPage:
    _entity_or_404(store, entity_id)
    skip = cursors.decode(cursor, field="skip", kind=int) or 0
    rows = store.entity_documents(entity_id, skip, limit + 1)
    more = len(rows) > limit
    return EntityDocumentPage(
        items=rows[:limit],  # type: ignore[arg-type]
        next_cursor=cursors.encode({"skip": skip + limit}) if more else None,
    )


@router.get("/entities/{entity_id}/neighbors", response_model=NeighborList, dependencies=[SettledEntity])
def entity_neighbors(
    entity_id: str,
    store: StoreDep,
    type: Annotated[EntityType | None, Query()] = None,
    limit: Limit = 20,
) -> NeighborList:
    """Entities mentioned in the same documents, by number of shared documents."""
    _entity_or_404(store, entity_id)
    return NeighborList(items=store.entity_neighbors(entity_id, type, limit))  # type: ignore[arg-type]


@router.get("/paths", response_model=PathOut)
def shortest_path(
    store: StoreDep,
    services: ServicesDep,
    from_id: Annotated[str, Query(alias="from", max_length=64)],
    to_id: Annotated[str, Query(alias="to", max_length=64)],
    max_hops: Annotated[int, Query(ge=PATH_HOPS.start, le=PATH_HOPS.stop - 1)] = 3,
) -> PathOut:
    """The shortest chain of entities linking two entities, each step through a shared document."""
    if services.writer is not None:
        services.writer.wait_for_entities([from_id, to_id])
    _entity_or_404(store, from_id)
    _entity_or_404(store, to_id)
    if from_id == to_id:
        e = store.get_entity(from_id) or {}
        return PathOut(found=True, hops=0, nodes=[{**e, "kind": "entity"}])  # type: ignore[list-item]
    nodes = store.shortest_path(from_id, to_id, max_hops)
    if not nodes:
        return PathOut(found=False, hops=None, nodes=[])
    return PathOut(found=True, hops=(len(nodes) - 1) // 2, nodes=nodes)  # type: ignore[arg-type]


# -- curation ---------------------------------------------------------------------------------
@router.post("/entities/{entity_id}/merge", response_model=CurationOut, dependencies=[Writer, Settled])
def merge_entities(entity_id: str, body: MergeIn, store: StoreDep) -> CurationOut:
    """Merge `other` into this entity: its mentions and aliases move here; it answers 308 after."""
    judgement = curation.merge(store, entity_id, body.other, by=body.by, reason=body.reason)
    return CurationOut(judgement=JudgementOut(**judgement), entity=get_entity(entity_id, store))


@router.post("/entities/{entity_id}/split", response_model=CurationOut, dependencies=[Writer, Settled])
def split_entity(entity_id: str, body: SplitIn, store: StoreDep) -> CurationOut:
    """Move the mentions written as `aliases` to a new entity; later ingests keep them there."""
    judgement = curation.split(store, entity_id, body.aliases, by=body.by, reason=body.reason)
    return CurationOut(
        judgement=JudgementOut(**judgement),
        entity=get_entity(entity_id, store),
        new_entity=get_entity(judgement["other"], store),
    )


@router.post("/judgements/{judgement_id}/revert", response_model=JudgementOut, dependencies=[Writer, Settled])
def revert_judgement(judgement_id: str, body: RevertIn, store: StoreDep) -> JudgementOut:
    """Undo a merge or a split."""
    return JudgementOut(**curation.revert(store, judgement_id, by=body.by))


@router.get("/entities/{entity_id}/history", response_model=JudgementList, dependencies=[SettledEntity])
def entity_history(entity_id: str, store: StoreDep) -> JudgementList:
    """The judgements that touched this entity, newest first (also for merged-away ids)."""
    if store.get_entity(entity_id) is None:
        raise NotFoundError(f"No entity with id {entity_id!r}.")
    return JudgementList(items=store.entity_judgements(entity_id))  # type: ignore[arg-type]


@router.get("/entities/{entity_id}/why", response_model=WhyOut, dependencies=[SettledEntity])
def entity_why(entity_id: str, store: StoreDep) -> WhyOut:
    """For each alias, the evidence that joined its mentions to this entity."""
    _entity_or_404(store, entity_id)
    return WhyOut(
        id=entity_id,
        aliases=store.entity_evidence(entity_id),  # type: ignore[arg-type]
        judgements=store.entity_judgements(entity_id),  # type: ignore[arg-type]
    )
