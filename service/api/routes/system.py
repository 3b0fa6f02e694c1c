"""Health and statistics."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from service.api.deps import ServicesDep, Settled, StoreDep
from service.api.schemas import HealthOut, StatsOut

router = APIRouter(tags=["system"])


@router.get("/health", response_model=HealthOut, responses={503: {"model": HealthOut}})
def health(services: ServicesDep) -> JSONResponse:
    """200 when the graph answers and the model is loaded; 503 (with the reason) otherwise."""
    graph_ok = services.store.ping()
    model_ok = services.pipeline is not None
    problems = []
    if not graph_ok:
        problems.append("the graph server does not answer")
    if not model_ok:
        problems.append(services.model_error or "the NER model is loading")
    body = HealthOut(
        status="ok" if not problems else "degraded",
        graph=graph_ok,
        model=model_ok,
        detail="; ".join(problems) or None,
    )
    headers = {"Retry-After": "5"} if problems else None
    return JSONResponse(body.model_dump(), status_code=200 if not problems else 503, headers=headers)


@router.get("/stats", response_model=StatsOut, dependencies=[Settled])
def stats(store: StoreDep) -> StatsOut:
    """Counts of documents, mentions, entities (by type) and aliases."""
    return StatsOut(**store.stats())
