// The arabic-kg explorer: a search box, an entity card and a neighbour graph over the REST API.
// Hand-written, no build step. The graph is drawn by vis-network (window.vis), which
// `make explore-assets` installs with npm; without it, search and cards still work.
"use strict";

const TYPES = {
  PERSON: { label: "شخص", color: "#4C8EDA" },
  ORGANIZATION: { label: "منظمة", color: "#F79767" },
  BASE: { label: "قاعدة", color: "#D9534F" },
  LOCATION: { label: "مكان", color: "#57A773" },
};
const DOCUMENTS_ON_CARD = 10;
const EXCERPT_CONTEXT = 70; // characters shown on each side of a mention
const NEIGHBOURS = 15;

const $ = (id) => document.getElementById(id);

// -- the REST API ---------------------------------------------------------------------------
async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

const entityPath = (id) => `/entities/${encodeURIComponent(id)}`;
const documentPath = (id) => `/documents/${encodeURIComponent(id)}`;

// -- small DOM helpers (text only: nothing from the API is ever parsed as HTML) --------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "onclick") node.addEventListener("click", value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function typeBadge(type) {
  const t = TYPES[type] || { label: type, color: "#888" };
  return el("span", { class: "badge", style: `background:${t.color}`, title: type }, t.label);
}

function latin(text) {
  return text ? el("span", { class: "latin", lang: "en", dir: "ltr" }, text) : null;
}

function showNotice(message) {
  $("notice").textContent = message;
  $("notice").hidden = !message;
}

// -- search ----------------------------------------------------------------------------------
let lastSearch = 0; // an older search that answers late must not replace a newer one

async function search(q) {
  const ticket = ++lastSearch;
  const path = q ? `/entities?limit=20&q=${encodeURIComponent(q)}` : "/entities?limit=20";
  const list = $("result-list");
  try {
    const { items } = await api(path);
    if (ticket !== lastSearch) return;
    $("results-title").textContent = q ? `نتائج «${q}»` : "الأكثر ذكراً";
    list.replaceChildren(...items.map(resultItem));
    if (!items.length) list.append(el("li", { class: "empty" }, "لا نتائج · no match"));
  } catch (error) {
    showNotice(`Search failed: ${error.message}`);
  }
}

function resultItem(entity) {
  const button = el(
    "button",
    { type: "button", "data-id": entity.id, onclick: () => openEntity(entity.id, { newGraph: true }) },
    typeBadge(entity.type),
    el("strong", {}, entity.name),
    latin(entity.name_latin),
    el("span", { class: "count", title: "mentions" }, `(${entity.mention_count})`),
  );
  return el("li", {}, button);
}

// -- the entity card -------------------------------------------------------------------------
async function openEntity(requested, { newGraph = false } = {}) {
  let entity;
  try {
    entity = await api(entityPath(requested));
  } catch (error) {
    showNotice(`Cannot open ${requested}: ${error.message}`);
    return;
  }
  const id = entity.id; // a merged-away id redirects to the entity it was merged into
  if (location.hash !== `#${id}`) history.replaceState(null, "", `#${id}`);
  $("card").hidden = false;
  $("card").dataset.id = id;
  $("card-name").replaceChildren(entity.name, " ", latin(entity.name_latin));
  $("card-meta").replaceChildren(
    typeBadge(entity.type),
    ` ${entity.mentions} إشارة في ${entity.documents} وثيقة · `,
    latin(`${entity.mentions} mentions in ${entity.documents} documents`),
  );
  $("card-aliases").replaceChildren(
    ...entity.aliases.map((a) =>
      el("li", {}, a.text, el("span", { class: "count" }, `${a.count}`), latin(a.name_latin)),
    ),
  );
  $("card-documents").replaceChildren(el("li", { class: "empty" }, "…"));
  if (newGraph) graph.reset();
  graph.expand(entity);
  await showDocuments(id).catch((error) => showNotice(`Cannot read the documents: ${error.message}`));
}

async function showDocuments(entityId) {
  const { items } = await api(`${entityPath(entityId)}/documents?limit=${DOCUMENTS_ON_CARD}`);
  const cards = await Promise.all(items.map((doc) => documentItem(doc, entityId)));
  if ($("card").dataset.id === entityId) $("card-documents").replaceChildren(...cards);
}

async function documentItem(summary, entityId) {
  const [doc, mentions] = await Promise.all([
    api(documentPath(summary.id)),
    api(`${documentPath(summary.id)}/mentions?limit=1000`),
  ]);
  const own = mentions.items.filter((m) => m.entity_id === entityId).sort((a, b) => a.start - b.start);
  const heading = el(
    "p",
    { class: "doc-title" },
    el("strong", {}, doc.title || doc.source || doc.origin || doc.id),
    doc.published_at ? el("time", {}, doc.published_at) : null,
    doc.title && doc.source ? el("span", { class: "source" }, doc.source) : null,
  );
  return el("li", { "data-id": doc.id }, heading, ...excerpts(doc.text, own));
}

// Paragraphs of text around the mentions, each mention in a <mark>. API offsets count code
// points (Python), so the text is sliced as an array of code points, not UTF-16 units.
function excerpts(text, mentions) {
  const chars = Array.from(text);
  const slice = (from, to) => chars.slice(from, to).join("");
  const windows = [];
  for (const m of mentions) {
    const from = Math.max(0, m.start - EXCERPT_CONTEXT);
    const to = Math.min(chars.length, m.end + EXCERPT_CONTEXT);
    const last = windows[windows.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.marks.push(m);
    } else {
      windows.push({ from, to, marks: [m] });
    }
  }
  return windows.map(({ from, to, marks }) => {
    const p = el("p", { class: "excerpt" }, from > 0 ? "… " : "");
    let pos = from;
    for (const m of marks) {
      p.append(slice(pos, m.start), el("mark", { title: m.evidence || m.found_by }, slice(m.start, m.end)));
      pos = m.end;
    }
    p.append(slice(pos, to), to < chars.length ? " …" : "");
    return p;
  });
}

// -- the neighbour graph ---------------------------------------------------------------------
// Nodes are entities; an edge joins two entities mentioned in the same documents (its width
// grows with their number). Clicking a node opens its card and adds its neighbours.
function createGraph(container) {
  if (!window.vis) {
    showNotice(
      "مكتبة الرسم غير مثبتة · The graph library (vis-network) is not installed: " +
        "run `make explore-assets` (npm ci --prefix service/explore), then reload.",
    );
    container.classList.add("missing");
    return { reset() {}, expand() {} };
  }
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const expanded = new Set();
  const network = new vis.Network(
    container,
    { nodes, edges },
    {
      nodes: { shape: "dot", size: 14, font: { size: 20, face: "Noto Sans Arabic, DejaVu Sans, sans-serif" } },
      edges: { color: { color: "#bbb", highlight: "#555" }, smooth: false, scaling: { min: 1, max: 6 } },
      physics: {
        barnesHut: { gravitationalConstant: -5000, springLength: 150, avoidOverlap: 0.3 },
        stabilization: { iterations: 200 },
      },
      layout: { randomSeed: 7 }, // the same graph is drawn the same way each time
      interaction: { hover: true },
    },
  );
  // Once new neighbours have settled, zoom so that the whole graph is in view.
  let fitPending = false;
  network.on("stabilized", () => {
    if (fitPending) network.fit();
    fitPending = false;
  });

  function addNode(entity, style = {}) {
    const color = (TYPES[entity.type] || {}).color || "#888";
    nodes.update({
      ...style,
      id: entity.id,
      label: entity.name_latin ? `${entity.name}\n${entity.name_latin}` : entity.name,
      title: `${entity.name} (${entity.type})`,
      color: { background: color, border: color, highlight: { background: color, border: "#1f2328" } },
    });
  }

  async function expand(entity) {
    const id = entity.id;
    addNode(entity, { borderWidth: 3, size: 20 }); // expanded nodes are drawn larger
    if (expanded.has(id)) return;
    expanded.add(id);
    try {
      const { items } = await api(`${entityPath(id)}/neighbors?limit=${NEIGHBOURS}`);
      fitPending = true;
      for (const n of items) {
        addNode(n);
        const edgeId = [id, n.id].sort().join("|");
        edges.update({ id: edgeId, from: id, to: n.id, value: n.documents, title: `${n.documents} documents` });
      }
    } catch (error) {
      expanded.delete(id);
      showNotice(`Cannot expand ${id}: ${error.message}`);
    }
  }

  network.on("click", (event) => {
    if (event.nodes.length) openEntity(event.nodes[0]);
  });

  // Exposed for the browser console and the browser test.
  window.explorer = { network, nodes, edges };
  return {
    reset() {
      nodes.clear();
      edges.clear();
      expanded.clear();
    },
    expand,
  };
}

const graph = createGraph($("graph"));

$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  search($("q").value.trim());
});

search("");
if (location.hash.length > 1) openEntity(decodeURIComponent(location.hash.slice(1)), { newGraph: true });
