"""Alias records: ids and the search keys stored with every surface form of an entity."""

from __future__ import annotations

import hashlib

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
    key = key_form(text)
    tokens = match_key(key).split()
    words = text.split()
    latin = to_latin(text)
    return AliasRow(
        id=alias_id(entity_id, text),
        entity_id=entity_id,
        text=text,
        key=key,
        first=tokens[0],
        last=tokens[-1],
        core=core_key(match_key(key)),
        variant=match_key(key),
        skeleton=search_skeleton(text),
        skeleton_first=search_skeleton(words[0]),
        skeleton_last=search_skeleton(words[-1]),
        name_latin=latin,
        latin_key=latin_key(latin),
        partial=partial,
        count=count,
        pinned=pinned,
    )
