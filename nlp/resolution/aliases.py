"""Alias records: ids and the search keys stored with every surface form of an entity."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import NamedTuple

from graph_schema.records import AliasRow
from nlp.resolution.names import core_key, match_key
from nlp.resolution.transliteration import latin_key, skeleton, to_latin
from nlp.text import key_form


def alias_id(entity_id: str, text: str) -> str:
    """One alias node per (entity, surface form): the id is derived from both."""
    return "A" + hashlib.sha256(f"{entity_id}|{text}".encode()).hexdigest()[:20]


def search_skeleton(text: str) -> str:
    """The consonant skeleton used as a search key (spaces removed: Hezbollah = حزب الله)."""
    return skeleton(text).replace(" ", "")


def alias_row(entity_id: str, text: str, *, partial: bool, count: int, pinned: bool = False) -> AliasRow:
    """The alias row of ``text`` for ``entity_id``, with its keys for matching and search."""
    return AliasRow(
        id=alias_id(entity_id, text),
        entity_id=entity_id,
        text=text,
        **alias_keys(text)._asdict(),
        partial=partial,
        count=count,
        pinned=pinned,
    )


class AliasKeys(NamedTuple):
    """The fields of an ``AliasRow`` that depend on its text alone."""

    key: str
    first: str
    last: str
    core: str
    variant: str
    skeleton: str
    skeleton_first: str
    skeleton_last: str
    name_latin: str
    latin_key: str


@lru_cache(maxsize=1 << 16)
def alias_keys(text: str) -> AliasKeys:
    """The matching and search keys of a surface form. They depend on the text alone, and
    news repeats its names: every document's alias rows come from here, so it is cached."""
    key = key_form(text)
    variant = match_key(key)
    tokens = variant.split()
    words = text.split()
    latin = to_latin(text)
    return AliasKeys(
        key=key,
        first=tokens[0],
        last=tokens[-1],
        core=core_key(variant),
        variant=variant,
        skeleton=search_skeleton(text),
        skeleton_first=search_skeleton(words[0]),
        skeleton_last=search_skeleton(words[-1]),
        name_latin=latin,
        latin_key=latin_key(latin),
    )
