"""Typed values passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """The four entity types the service knows. Values are the API's type names."""

    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    BASE = "BASE"
    LOCATION = "LOCATION"

    @property
    def label(self) -> str:
        """The Neo4j label of this type (also an allow-list for interpolated labels)."""
        return ENTITY_LABELS[self]


ENTITY_LABELS: dict[EntityType, str] = {
    EntityType.PERSON: "Person",
    EntityType.ORGANIZATION: "Organization",
    EntityType.BASE: "Base",
    EntityType.LOCATION: "Location",
}


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the raw text: ``raw[start:end] == text``; ``form`` is what the model sees."""

    start: int
    end: int
    text: str
    form: str


APPOSITION_OF = "apposition_of"
"""``Mention.attributes`` key: the start of another mention that names the same entity
(وزارة الدفاع الأمريكية (البنتاغون); ترمب of ترامب); the resolver joins the two."""


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention: ``text == raw[start:end]`` of the original document text."""

    start: int
    end: int
    text: str
    type: EntityType
    confidence: float
    source: str = "model"
    """What found it: ``model`` or the name of a rule."""
    title: str | None = None
    """A title or descriptor written before the name (وزير الدفاع الأمريكي), kept apart from the name."""
    attributes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
