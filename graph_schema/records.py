"""The rows a document becomes in the graph: typed, built by the pipeline, written by the store."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from nlp.types import EntityType


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: str
    content_hash: str
    text: str
    source: str | None
    title: str | None
    published_at: str | None
    url: str | None
    origin: str | None
    byline: str | None
    dateline: str | None
    furniture: str
    """JSON list of [start, end, kind] ranges that hold page furniture."""
    ingested_at: str
    mention_count: int
    entity_count: int
    char_count: int


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: str
    type: EntityType
    name: str
    name_latin: str
    now: str


@dataclass(frozen=True, slots=True)
class AliasRow:
    id: str
    entity_id: str
    text: str
    key: str
    first: str
    """First and last word of the match key (غ and ج alike)."""
    last: str
    core: str
    """The match key without an organisation head word (حركه حماس -> حماس)."""
    variant: str
    """The match key (غ and ج alike): what resolution compares across documents."""
    skeleton: str
    """Consonant skeleton of the whole name, spaces removed (cross-script search)."""
    skeleton_first: str
    skeleton_last: str
    name_latin: str
    latin_key: str
    partial: bool
    count: int
    pinned: bool = False
    """Put on this entity by a human judgement (a split): resolution never moves it away."""


@dataclass(frozen=True, slots=True)
class MentionRow:
    id: str
    entity_id: str
    alias_id: str
    start: int
    end: int
    text: str
    name: str
    type: EntityType
    confidence: float
    found_by: str
    title: str | None
    evidence: str
    partial: bool
    pinned: bool = False


@dataclass(frozen=True, slots=True)
class DocumentGraph:
    """Everything one document adds to the graph, written in one transaction."""

    document: DocumentRow
    entities: tuple[EntityRow, ...] = ()
    aliases: tuple[AliasRow, ...] = ()
    mentions: tuple[MentionRow, ...] = ()
    entity_mention_counts: dict[str, int] = field(default_factory=dict)


def params(row: Any) -> dict[str, Any]:
    """A row as Cypher parameters (enums as their values). Rows hold only scalars, so a shallow
    read of the fields does (``dataclasses.asdict`` deep-copies, a fifth of a write's CPU)."""
    return {
        f.name: (v.value if isinstance(v := getattr(row, f.name), EntityType) else v) for f in fields(row)
    }
