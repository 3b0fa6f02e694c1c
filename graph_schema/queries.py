"""Every Cypher statement of the service: named constants with parameters.

Nothing user-supplied is ever interpolated. The only interpolation happens here, at
import time, for labels and path lengths taken from allow-lists (``ENTITY_LABELS``,
``PATH_HOPS``). The statements keep to what Neo4j 5 and ArcadeDB's Bolt server both
accept: 5.x schema syntax, UNWIND + MERGE batches, OPTIONAL MATCH, map projections,
CALL subqueries and shortestPath; no APOC, GDS or full-text procedures.

Two ArcadeDB habits shape some statements: UNWIND comes first in a batch (a MATCH before
UNWIND made the CREATEs after it silently do nothing), and aggregates are taken in a WITH
before a map projection uses them.

Graph model (see README):
  (:Document)-[:HAS_MENTION]->(:Mention)-[:REFERS_TO]->(:Entity:Person|Organization|Base|Location)
  (:Entity)-[:HAS_ALIAS]->(:Alias)          every surface form, with its count
  (:Document)-[:MENTIONS {count}]->(:Entity) derived from the mentions, for browsing and paths
"""

from __future__ import annotations

from typing import Final

from nlp.types import ENTITY_LABELS, EntityType

# -- schema ------------------------------------------------------------------------------
SCHEMA: Final[tuple[str, ...]] = (
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT alias_id IF NOT EXISTS FOR (a:Alias) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (m:Mention) REQUIRE m.id IS UNIQUE",
    # Look-ups by an alias's words, skeleton or Latin key are answered by the in-process alias
    # index (graph_schema/alias_index.py); the graph keeps an index on the key for Browser users.
    "CREATE INDEX alias_key IF NOT EXISTS FOR (a:Alias) ON (a.key)",
    "CREATE INDEX mention_doc IF NOT EXISTS FOR (m:Mention) ON (m.doc_id)",
    "CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type)",
    "CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (j:Judgement) REQUIRE j.id IS UNIQUE",
    "CREATE CONSTRAINT job_id IF NOT EXISTS FOR (j:Job) REQUIRE j.id IS UNIQUE",
    "CREATE CONSTRAINT accepted_id IF NOT EXISTS FOR (a:Accepted) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT job_item_id IF NOT EXISTS FOR (i:JobItem) REQUIRE i.id IS UNIQUE",
    "CREATE INDEX job_item_status IF NOT EXISTS FOR (i:JobItem) ON (i.status)",
    "CREATE INDEX job_item_job IF NOT EXISTS FOR (i:JobItem) ON (i.job_id)",
)

PING: Final = "RETURN 1 AS ok"

# -- writes: a batch of documents, one transaction --------------------------------------------
DOCUMENT_EXISTS: Final = "MATCH (d:Document {id: $id}) RETURN d.id AS id"

CREATE_DOCUMENTS: Final = """
UNWIND $docs AS doc
CREATE (d:Document {
  id: doc.id, content_hash: doc.content_hash, text: doc.text, source: doc.source,
  title: doc.title, published_at: doc.published_at, url: doc.url, origin: doc.origin,
  byline: doc.byline, dateline: doc.dateline, furniture: doc.furniture,
  ingested_at: doc.ingested_at, mention_count: doc.mention_count,
  entity_count: doc.entity_count, char_count: doc.char_count
})
RETURN count(d) AS n
"""

_UPSERT_ENTITIES = """
UNWIND $rows AS row
MERGE (e:Entity:{label} {{id: row.id}})
ON CREATE SET e.type = row.type, e.name = row.name, e.name_latin = row.name_latin,
              e.created_at = row.now, e.mention_count = 0, e.document_count = 0
RETURN count(e) AS n
"""
# (The label is part of the MERGE pattern: ArcadeDB refuses `ON CREATE SET e:Label`, and an
# entity's id is derived from its type, so both forms find the same node.)
UPSERT_ENTITIES: Final[dict[EntityType, str]] = {
    t: _UPSERT_ENTITIES.format(label=label) for t, label in ENTITY_LABELS.items()
}

UPSERT_ALIASES: Final = """
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity_id})
MERGE (a:Alias {id: row.id})
ON CREATE SET a.entity_id = row.entity_id, a.text = row.text, a.key = row.key,
              a.first = row.first, a.last = row.last, a.core = row.core, a.variant = row.variant,
              a.skeleton = row.skeleton,
              a.skeleton_first = row.skeleton_first, a.skeleton_last = row.skeleton_last,
              a.name_latin = row.name_latin, a.latin_key = row.latin_key,
              a.partial = row.partial, a.count = 0, a.pinned = false
SET a.count = a.count + row.count, a.pinned = a.pinned OR row.pinned
MERGE (e)-[:HAS_ALIAS]->(a)
RETURN count(a) AS n
"""

# Grouped by document: one document look-up for all its mentions (about a quarter faster on
# ArcadeDB than a look-up per mention row).
CREATE_MENTIONS: Final = """
UNWIND $docs AS doc
MATCH (d:Document {id: doc.id})
UNWIND doc.mentions AS row
MATCH (e:Entity {id: row.entity_id})
CREATE (m:Mention {
  id: row.id, doc_id: doc.id, start: row.start, end: row.end, text: row.text,
  name: row.name, type: row.type, confidence: row.confidence, found_by: row.found_by,
  title: row.title, alias_id: row.alias_id, evidence: row.evidence, partial: row.partial,
  pinned: row.pinned
})
CREATE (d)-[:HAS_MENTION]->(m)
CREATE (m)-[:REFERS_TO]->(e)
RETURN count(m) AS n
"""

LINK_DOCUMENT_ENTITIES: Final = """
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
MATCH (e:Entity {id: row.entity_id})
CREATE (d)-[:MENTIONS {count: row.count}]->(e)
RETURN count(e) AS n
"""

# The canonical name: the most frequent full (non-partial) alias; ties -> longer, then text.
# Rows: one per entity, with what the batch adds to its counts (0 and 0 after a curation,
# which sets the counts itself).
REFRESH_ENTITIES: Final = """
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity_id})-[:HAS_ALIAS]->(a:Alias)
WITH e, row, a ORDER BY a.partial ASC, a.count DESC, size(a.text) DESC, a.text ASC
WITH e, row, collect(a) AS aliases
SET e.name = aliases[0].text, e.name_latin = aliases[0].name_latin, e.key = aliases[0].key,
    e.mention_count = e.mention_count + row.mentions,
    e.document_count = e.document_count + row.documents
RETURN count(e) AS n
"""

# -- resolution look-ups --------------------------------------------------------------------
# Entities mentioned in the same documents as $id, over a bounded number of its documents
# (context for a skeleton match; asked only when one is considered).
ENTITY_NEIGHBOR_IDS: Final = """
MATCH (e:Entity {id: $id})<-[:MENTIONS]-(d:Document)
WITH d LIMIT $documents
MATCH (d)-[:MENTIONS]->(o:Entity)
WHERE o.id <> $id
RETURN collect(DISTINCT o.id) AS neighbors
"""


# -- the in-process alias index (graph_schema/alias_index.py) ---------------------------------
# An entity with all its aliases, as graph_schema/alias_index.py holds them.
_INDEX_ENTITY_ROWS = """
OPTIONAL MATCH (e)-[:HAS_ALIAS]->(a:Alias)
WITH e, collect(a {.id, .entity_id, .text, .key, .first, .last, .core, .variant, .skeleton,
                  .skeleton_first, .skeleton_last, .latin_key, .name_latin, .partial, .pinned,
                  .count}) AS aliases
RETURN e {.id, .type, .name, .name_latin, .mention_count, .document_count, .merged_into} AS entity,
       aliases
"""
INDEX_ALL_ENTITIES: Final = "MATCH (e:Entity)\nWHERE e.merged_into IS NULL" + _INDEX_ENTITY_ROWS
INDEX_ENTITIES: Final = "UNWIND $ids AS id\nMATCH (e:Entity {id: id})" + _INDEX_ENTITY_ROWS
INDEX_DOCUMENT_IDS: Final = "MATCH (d:Document) RETURN d.id AS id"
DOCUMENTS_ENTITY_IDS: Final = """
UNWIND $ids AS id
MATCH (d:Document {id: id})-[:MENTIONS]->(e:Entity)
RETURN DISTINCT e.id AS id
"""
JUDGED_ENTITY_IDS: Final = """
MATCH (j:Judgement)
UNWIND j.entity_ids AS id
RETURN DISTINCT id
"""
# What tells the index that another process wrote: documents added or removed, judgements.
INDEX_FINGERPRINT: Final = """
CALL { MATCH (d:Document) RETURN count(d) AS documents }
CALL { MATCH (j:Judgement) RETURN count(j) AS judgements, count(j.reverted_at) AS reverted }
RETURN documents, judgements, reverted
"""
# -- reads ----------------------------------------------------------------------------------
GET_DOCUMENT: Final = """
MATCH (d:Document {id: $id})
RETURN d {.id, .content_hash, .text, .source, .title, .published_at, .url, .origin,
          .byline, .dateline, .furniture, .ingested_at, .mention_count, .entity_count,
          .char_count} AS doc
"""

LIST_DOCUMENTS: Final = """
MATCH (d:Document)
WHERE d.id > $after
RETURN d {.id, .source, .title, .published_at, .url, .ingested_at, .mention_count,
          .entity_count, .char_count} AS doc
ORDER BY doc.id
LIMIT $limit
"""

DOCUMENT_MENTIONS: Final = """
MATCH (m:Mention {doc_id: $id})-[:REFERS_TO]->(e:Entity)
RETURN m {.id, .start, .end, .text, .name, .type, .confidence, .found_by, .title,
          .evidence, .partial, entity_id: e.id, entity_name: e.name} AS mention
ORDER BY mention.start, mention.end
SKIP $skip LIMIT $limit
"""

LIST_ENTITIES: Final = """
MATCH (e:Entity)
WHERE e.merged_into IS NULL AND ($type IS NULL OR e.type = $type)
RETURN e {.id, .name, .name_latin, .type, .mention_count, .document_count} AS entity
ORDER BY entity.mention_count DESC, entity.id ASC
SKIP $skip LIMIT $limit
"""

ENTITY_ALIASES: Final = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})-[:HAS_ALIAS]->(a:Alias)
RETURN e.id AS entity_id, a {.text, .count, .name_latin, .partial, .key} AS alias
ORDER BY alias.count DESC, alias.text ASC
"""

GET_ENTITY: Final = """
MATCH (e:Entity {id: $id})
RETURN e {.id, .name, .name_latin, .type, .key, .created_at, .mention_count,
          .document_count, .merged_into} AS entity
"""

ENTITY_DOCUMENTS: Final = """
MATCH (d:Document)-[r:MENTIONS]->(e:Entity {id: $id})
RETURN d {.id, .source, .title, .published_at, .url, mentions: r.count} AS doc
ORDER BY doc.mentions DESC, doc.id ASC
SKIP $skip LIMIT $limit
"""

ENTITY_NEIGHBORS: Final = """
MATCH (e:Entity {id: $id})<-[:MENTIONS]-(d:Document)-[:MENTIONS]->(o:Entity)
WHERE o.id <> $id AND ($type IS NULL OR o.type = $type)
WITH o, count(DISTINCT d) AS documents
RETURN o {.id, .name, .name_latin, .type, documents: documents} AS neighbor
ORDER BY neighbor.documents DESC, neighbor.id ASC
LIMIT $limit
"""


# Documents, mentions, entities and aliases; jobs are bookkeeping and are not counted.
STATS: Final = """
CALL { MATCH (d:Document) RETURN count(d) AS documents }
CALL { MATCH (m:Mention) RETURN count(m) AS mentions }
CALL { MATCH (e:Entity) WHERE e.merged_into IS NULL RETURN count(e) AS entities }
CALL { MATCH (a:Alias) RETURN count(a) AS aliases }
RETURN documents, mentions, entities, aliases
"""

ENTITY_TYPE_COUNTS: Final = (
    "MATCH (e:Entity) WHERE e.merged_into IS NULL RETURN e.type AS type, count(e) AS n"
)

# Paths between two entities through the documents that mention them. A variable-length
# bound cannot be a parameter, so one statement per allowed number of entity hops.
PATH_HOPS: Final = range(1, 6)
_SHORTEST_PATH = """
MATCH (a:Entity {{id: $from_id}}), (b:Entity {{id: $to_id}})
MATCH p = shortestPath((a)-[:MENTIONS*..{rels}]-(b))
RETURN [n IN nodes(p) | n {{.id, .name, .name_latin, .type, .title, .source,
        kind: CASE WHEN n:Document THEN 'document' ELSE 'entity' END}}] AS nodes
"""
SHORTEST_PATH: Final[dict[int, str]] = {h: _SHORTEST_PATH.format(rels=2 * h) for h in PATH_HOPS}

# -- export ---------------------------------------------------------------------------------
EXPORT_DOCUMENTS: Final = """
MATCH (d:Document)
RETURN d {.id, .source, .title, .published_at, .url, .text} AS doc ORDER BY doc.id
"""
EXPORT_ENTITIES: Final = """
MATCH (e:Entity)
OPTIONAL MATCH (e)-[:HAS_ALIAS]->(a:Alias)
WITH e, a ORDER BY a.count DESC, a.text
WITH e, collect(a {.text, .count, .name_latin}) AS aliases
RETURN e {.id, .name, .name_latin, .type, .mention_count, .document_count, aliases: aliases} AS entity
ORDER BY entity.id
"""
EXPORT_MENTIONS: Final = """
MATCH (m:Mention)-[:REFERS_TO]->(e:Entity)
RETURN m {.doc_id, .start, .end, .text, .type, .confidence, entity_id: e.id} AS mention
ORDER BY mention.doc_id, mention.start
"""

# -- curation: merges, splits and their judgements ---------------------------------------------
# An entity's aliases, document links and counts are derived from its mentions, so every
# curation moves mentions and then rebuilds what derives from them (``REBUILD_*``).
ENTITY_STATE: Final = """
MATCH (e:Entity {id: $id})
RETURN e {.id, .type, .name, .merged_into} AS entity
"""

ENTITY_MENTIONS: Final = """
MATCH (m:Mention)-[:REFERS_TO]->(e:Entity {id: $id})
RETURN m.id AS id, m.name AS name, m.doc_id AS doc_id, m.partial AS partial,
       coalesce(m.pinned, false) AS pinned
"""

MOVE_MENTIONS: Final = """
UNWIND $ids AS mention_id
MATCH (m:Mention {id: mention_id})-[r:REFERS_TO]->(:Entity)
MATCH (t:Entity {id: $target})
DELETE r
CREATE (m)-[:REFERS_TO]->(t)
SET m.pinned = $pinned
RETURN count(m) AS n
"""

DELETE_ENTITY_ALIASES: Final = "MATCH (e:Entity {id: $id})-[:HAS_ALIAS]->(a:Alias) DETACH DELETE a"
DELETE_ENTITY_LINKS: Final = "MATCH (:Document)-[r:MENTIONS]->(e:Entity {id: $id}) DELETE r"

SET_MENTION_ALIAS_IDS: Final = """
UNWIND $rows AS row
MATCH (m:Mention {id: row.id})
SET m.alias_id = row.alias_id
RETURN count(m) AS n
"""

LINK_ENTITY_DOCUMENTS: Final = """
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
MATCH (e:Entity {id: $id})
CREATE (d)-[:MENTIONS {count: row.count}]->(e)
RETURN count(e) AS n
"""

SET_ENTITY_COUNTS: Final = """
MATCH (e:Entity {id: $id})
SET e.mention_count = $mentions, e.document_count = $documents
RETURN e.id AS id
"""

SET_MERGED_INTO: Final = """
MATCH (e:Entity {id: $id})
SET e.merged_into = $into
RETURN e.id AS id
"""

CREATE_JUDGEMENT: Final = """
CREATE (j:Judgement {
  id: $j.id, kind: $j.kind, entity_ids: $j.entity_ids, subject: $j.subject, other: $j.other,
  aliases: $j.aliases, mention_ids: $j.mention_ids, by: $j.by, at: $j.at, reason: $j.reason,
  score: $j.score
})
RETURN j.id AS id
"""

GET_JUDGEMENT: Final = """
MATCH (j:Judgement {id: $id})
RETURN j {.id, .kind, .entity_ids, .subject, .other, .aliases, .mention_ids, .by, .at, .reason,
          .score, .reverted_at, .reverted_by} AS judgement
"""

ENTITY_JUDGEMENTS: Final = """
MATCH (j:Judgement)
WHERE $id IN j.entity_ids
RETURN j {.id, .kind, .entity_ids, .subject, .other, .aliases, .by, .at, .reason, .score,
          .reverted_at, .reverted_by} AS judgement
ORDER BY judgement.at DESC, judgement.id DESC
"""

MARK_REVERTED: Final = """
MATCH (j:Judgement {id: $id})
SET j.reverted_at = $at, j.reverted_by = $by
RETURN j.id AS id
"""

ENTITY_EVIDENCE: Final = """
MATCH (m:Mention)-[:REFERS_TO]->(e:Entity {id: $id})
RETURN m.name AS alias, m.evidence AS evidence, count(m) AS mentions
ORDER BY alias, mentions DESC
"""

# -- batch jobs: accepted documents are stored before anything else happens ----------------------
CREATE_JOB: Final = """
CREATE (j:Job {id: $id, created_at: $at, total: $total})
WITH j
UNWIND $items AS item
CREATE (i:JobItem {
  id: item.id, job_id: $id, position: item.position, created_at: $at, status: 'pending',
  text: item.text, source: item.source, title: item.title, published_at: item.published_at,
  url: item.url
})
RETURN count(i) AS n
"""

NEXT_JOB_ITEMS: Final = """
MATCH (i:JobItem {status: 'pending'})
RETURN i {.id, .job_id, .position, .text, .source, .title, .published_at, .url} AS item
ORDER BY i.created_at, i.job_id, i.position
LIMIT $limit
"""

FINISH_JOB_ITEM: Final = """
MATCH (i:JobItem {id: $id})
SET i.status = $status, i.document_id = $document_id, i.created = $created, i.error = $error,
    i.finished_at = $at
RETURN i.id AS id
"""

GET_JOB: Final = """
MATCH (j:Job {id: $id})
RETURN j {.id, .created_at, .total} AS job
"""

JOB_PROGRESS: Final = """
MATCH (i:JobItem {job_id: $id})
RETURN i.status AS status, count(i) AS n
"""

JOB_FAILURES: Final = """
MATCH (i:JobItem {job_id: $id, status: 'failed'})
RETURN i {.position, .error, .source} AS failure
ORDER BY failure.position
LIMIT $limit
"""

# -- documents accepted by POST /documents, until their write commits -------------------------
# The request stores the text (one small write) and answers; the document is written in the
# background, in a batch whose transaction also deletes these nodes. Left over after a crash,
# they are ingested again when the service restarts.
ACCEPT_DOCUMENT: Final = """
CREATE (a:Accepted {
  id: $id, document_id: $document_id, at: $at, text: $text, source: $source, title: $title,
  published_at: $published_at, url: $url
})
RETURN a.id AS id
"""
DELETE_ACCEPTED: Final = """
UNWIND $ids AS id
MATCH (a:Accepted {id: id})
DELETE a
RETURN count(*) AS n
"""
ACCEPTED_DOCUMENTS: Final = """
MATCH (a:Accepted)
WHERE a.at < $before
RETURN a {.id, .document_id, .at, .text, .source, .title, .published_at, .url} AS accepted
ORDER BY accepted.at, accepted.id
LIMIT $limit
"""
# -- maintenance (tests and `akg db reset`) ---------------------------------------------------
DELETE_ALL: Final = "MATCH (n) DETACH DELETE n"
