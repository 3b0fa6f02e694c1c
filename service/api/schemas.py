"""Request and response bodies of the REST API (the contract the evaluation reads)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nlp.types import EntityType


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text; kept exactly.")
    source: str | None = Field(default=None, max_length=500)
    title: str | None = Field(default=None, max_length=2000)
    published_at: str | None = Field(
        default=None,
        max_length=64,
        pattern=r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$",
        description="ISO 8601 date or datetime.",
    )
    url: str | None = Field(default=None, max_length=4000)


class AnalyzeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)


class IngestOut(BaseModel):
    id: str
    mentions: int
    entities: int
    created: bool = Field(description="False when the same text was already in the graph.")


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    type: EntityType
    confidence: float
    found_by: str = Field(description="`model` or the rule that found the mention.")
    title: str | None = None


class AnalyzeOut(BaseModel):
    mentions: list[MentionOut]


class DocumentSummary(BaseModel):
    id: str
    source: str | None = None
    title: str | None = None
    published_at: str | None = None
    url: str | None = None
    ingested_at: str | None = None
    mention_count: int = 0
    entity_count: int = 0
    char_count: int = 0


class FurnitureOut(BaseModel):
    start: int
    end: int
    kind: str


class DocumentOut(DocumentSummary):
    text: str
    content_hash: str
    origin: str | None = None
    byline: str | None = None
    dateline: str | None = None
    furniture: list[FurnitureOut] = []


class DocumentPage(BaseModel):
    items: list[DocumentSummary]
    next_cursor: str | None


class DocumentMentionOut(BaseModel):
    start: int
    end: int
    text: str
    type: EntityType
    entity_id: str
    entity_name: str | None = None
    name: str | None = Field(default=None, description="The mention as a name (clitics cut).")
    confidence: float | None = None
    found_by: str | None = None
    title: str | None = None
    evidence: str | None = Field(default=None, description="Why the mention joined its entity.")


class DocumentMentionPage(BaseModel):
    items: list[DocumentMentionOut]
    next_cursor: str | None


class EntitySummary(BaseModel):
    id: str
    name: str
    name_latin: str | None = None
    type: EntityType
    aliases: list[str]
    score: float | None = Field(default=None, description="Search relevance in [0, 1] (search only).")
    matched_alias: str | None = None
    mention_count: int = 0
    document_count: int = 0


class EntityPage(BaseModel):
    items: list[EntitySummary]
    next_cursor: str | None


class AliasOut(BaseModel):
    text: str
    count: int
    name_latin: str | None = None
    partial: bool = False


class EntityOut(BaseModel):
    id: str
    name: str
    name_latin: str | None = None
    type: EntityType
    aliases: list[AliasOut]
    documents: int
    mentions: int
    created_at: str | None = None


class EntityDocumentOut(BaseModel):
    id: str
    source: str | None = None
    title: str | None = None
    published_at: str | None = None
    url: str | None = None
    mentions: int


class EntityDocumentPage(BaseModel):
    items: list[EntityDocumentOut]
    next_cursor: str | None


class NeighborOut(BaseModel):
    id: str
    name: str
    name_latin: str | None = None
    type: EntityType
    documents: int = Field(description="Documents that mention both entities.")


class NeighborList(BaseModel):
    items: list[NeighborOut]


class PathNode(BaseModel):
    kind: Literal["entity", "document"]
    id: str
    name: str | None = None
    name_latin: str | None = None
    type: EntityType | None = None
    title: str | None = None
    source: str | None = None


class PathOut(BaseModel):
    found: bool
    hops: int | None = Field(default=None, description="Entity-to-entity steps (each through a document).")
    nodes: list[PathNode]


class HealthOut(BaseModel):
    status: Literal["ok", "degraded"]
    graph: bool
    model: bool
    detail: str | None = None


class StatsOut(BaseModel):
    documents: int
    mentions: int
    entities: int
    aliases: int
    entities_by_type: dict[str, int]


# -- curation -----------------------------------------------------------------------------------
class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    other: str = Field(min_length=1, max_length=64, description="The entity to merge into this one.")
    reason: str | None = Field(default=None, max_length=2000)
    by: str = Field(default="api", min_length=1, max_length=200, description="Who decides.")


class SplitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    aliases: list[str] = Field(min_length=1, max_length=500, description="Aliases that name another entity.")
    reason: str | None = Field(default=None, max_length=2000)
    by: str = Field(default="api", min_length=1, max_length=200)


class RevertIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    by: str = Field(default="api", min_length=1, max_length=200)


class JudgementOut(BaseModel):
    id: str
    kind: Literal["merge", "split"]
    entity_ids: list[str]
    subject: str
    other: str
    aliases: list[str] = []
    by: str
    at: str
    reason: str | None = None
    score: float
    reverted_at: str | None = None
    reverted_by: str | None = None


class JudgementList(BaseModel):
    items: list[JudgementOut]


class CurationOut(BaseModel):
    judgement: JudgementOut
    entity: EntityOut
    new_entity: EntityOut | None = None


class EvidenceOut(BaseModel):
    alias: str
    evidence: str | None
    mentions: int


class WhyOut(BaseModel):
    id: str
    aliases: list[EvidenceOut]
    judgements: list[JudgementOut]


# -- jobs ---------------------------------------------------------------------------------------
class JobFailure(BaseModel):
    position: int
    error: str | None = None
    source: str | None = None


class JobOut(BaseModel):
    id: str
    status: Literal["queued", "running", "done"]
    created_at: str
    total: int
    pending: int
    done: int
    failed: int
    failures: list[JobFailure] = []
