"""Whole-graph export: JSON (documents, entities with aliases, mentions) and GraphML."""

from __future__ import annotations

import json
from typing import IO
from xml.sax.saxutils import quoteattr

from graph_schema.store import GraphStore


def write_json(store: GraphStore, out: IO[str]) -> None:
    payload = {
        "documents": list(store.export_documents()),
        "entities": list(store.export_entities()),
        "mentions": list(store.export_mentions()),
    }
    json.dump(payload, out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_graphml(store: GraphStore, out: IO[str]) -> None:
    """Documents and entities as nodes, document-entity mention counts as edges."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for key, target, kind in (
        ("kind", "node", "string"),
        ("name", "node", "string"),
        ("name_latin", "node", "string"),
        ("type", "node", "string"),
        ("aliases", "node", "string"),
        ("title", "node", "string"),
        ("source", "node", "string"),
        ("count", "edge", "int"),
    ):
        out.write(f'  <key id="{key}" for="{target}" attr.name="{key}" attr.type="{kind}"/>\n')
    out.write('  <graph id="arabic-kg" edgedefault="directed">\n')
    for d in store.export_documents():
        out.write(
            f"    <node id={quoteattr(d['id'])}>{_data('kind', 'document')}{_data('title', d.get('title'))}"
            f"{_data('source', d.get('source'))}</node>\n"
        )
    for e in store.export_entities():
        aliases = " | ".join(a["text"] for a in e.get("aliases") or [])
        out.write(
            f"    <node id={quoteattr(e['id'])}>{_data('kind', 'entity')}{_data('name', e.get('name'))}"
            f"{_data('name_latin', e.get('name_latin'))}{_data('type', e.get('type'))}"
            f"{_data('aliases', aliases)}</node>\n"
        )
    counts: dict[tuple[str, str], int] = {}
    for m in store.export_mentions():
        pair = (m["doc_id"], m["entity_id"])
        counts[pair] = counts.get(pair, 0) + 1
    for i, ((doc_id, entity_id), n) in enumerate(sorted(counts.items())):
        out.write(
            f'    <edge id="m{i}" source={quoteattr(doc_id)} target={quoteattr(entity_id)}>'
            f"{_data('count', n)}</edge>\n"
        )
    out.write("  </graph>\n</graphml>\n")


def _data(key: str, value: object) -> str:
    if value is None or value == "":
        return ""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<data key="{key}">{text}</data>'
