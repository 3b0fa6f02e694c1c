"""The /explore page in headless Chromium, against a live server and the session's graph.

Debian's ``chromium`` (``make browser``) is driven by Playwright's Python client with
``executable_path``; Playwright's own browser download is never used. The graph library
comes from ``make explore-assets`` (npm). The run leaves a screenshot in its temporary
directory; with ``AKG_UPDATE_SCREENSHOT=1`` it also refreshes ``docs/explore.png`` (shown in
the README).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Page, expect, sync_playwright

from graph_schema.store import GraphStore
from loaders import prepare
from nlp.recognition.recognizer import Recognizer
from nlp.resolution.resolver import resolve
from nlp.types import EntityType
from service.api import create_app
from service.api.routes import explore
from service.pipeline import build_document_graph, document_id
from service.settings import Settings
from tests.conftest import REPO, mentions_in, serving

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = REPO / "docs" / "explore.png"
BROWSER_GUIDE = REPO / "graph_schema" / "browser" / "README.md"

PER, ORG, BASE, LOC = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.BASE, EntityType.LOCATION
ARTICLES = [
    (
        "أوستن: هجوم على عين الأسد",
        "2024-01-10",
        "قال وزير الدفاع الأمريكي لويد أوستن إن قاعدة عين الأسد الجوية في العراق تعرضت لهجوم، "
        "وأكد أوستن أن حزب الله يتحمل مسؤولية التصعيد.",
        [("لويد أوستن", PER), ("عين الأسد", BASE), ("العراق", LOC), ("أوستن", PER), ("حزب الله", ORG)],
    ),
    (
        "غالانت وأوستن يبحثان التهديدات",
        "2024-01-12",
        "بحث وزير الدفاع الإسرائيلي يوآف غالانت مع نظيره الأمريكي لويد أوستن في واشنطن تهديدات حزب الله.",
        [("يوآف غالانت", PER), ("لويد أوستن", PER), ("واشنطن", LOC), ("حزب الله", ORG)],
    ),
    (
        "زيارة إلى القاعدة",
        "2024-01-15",
        "أعلنت وزارة الدفاع الأمريكية أن لويد أوستن زار قاعدة عين الأسد والتقى الجنود هناك.",
        [("وزارة الدفاع الأمريكية", ORG), ("لويد أوستن", PER), ("عين الأسد", BASE)],
    ),
    (
        "غالانت في تل أبيب",
        "2024-01-16",
        "التقى يوآف غالانت رئيس الوزراء بنيامين نتنياهو في تل أبيب.",
        [("يوآف غالانت", PER), ("بنيامين نتنياهو", PER), ("تل أبيب", LOC)],
    ),
    (
        "الأنبار",
        "2024-01-17",
        "تقع عين الأسد في محافظة الأنبار غرب العراق.",
        [("عين الأسد", LOC), ("الأنبار", LOC), ("العراق", LOC)],  # the base's name, tagged as a place
    ),
]

# Resolves once the graph's node positions stop moving (the physics simulation is done).
WAIT_STABLE = """async () => {
  const snapshot = () => JSON.stringify(explorer.network.getPositions());
  let before = snapshot();
  for (let i = 0; i < 60; i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = snapshot();
    if (now === before) return true;
    before = now;
  }
  return false;
}"""


def seed(store: GraphStore, title: str, day: str, text: str, spans: list[tuple[str, EntityType]]) -> None:
    """Write a document with known mentions (the page is tested, not the model)."""
    doc = prepare(text, source="test", title=title, published_at=day)
    mentions = mentions_in(text, spans)
    assert store.write_document(build_document_graph(document_id(doc), doc, resolve(text, mentions, [])))


@pytest.fixture
def articles(store: GraphStore) -> GraphStore:
    for title, day, text, spans in ARTICLES:
        seed(store, title, day, text, spans)
    return store


@pytest.fixture
def live_url(settings: Settings, articles: GraphStore, recognizer: Recognizer) -> Iterator[str]:
    with serving(create_app(settings, store=articles, recognizer=recognizer)) as url:
        yield url


@pytest.fixture
def page() -> Iterator[Page]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser`")
    if explore.vendor_file("vis-network.min.js") is None:
        pytest.skip(f"vis-network is not installed: {explore.INSTALL_HINT}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 820}, locale="ar")
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield page
        browser.close()
        assert not errors, errors


def click_node(page: Page, entity_id: str) -> None:
    """A real mouse click on a node of the graph canvas."""
    assert page.evaluate(WAIT_STABLE), "the graph layout never settled"
    x, y = page.evaluate(
        """(id) => {
          const p = explorer.network.canvasToDOM(explorer.network.getPositions([id])[id]);
          return [p.x, p.y];
        }""",
        entity_id,
    )
    box = page.locator("#graph canvas").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + x, box["y"] + y)


def node_names(page: Page) -> set[str]:
    return set(page.evaluate("() => explorer.nodes.get().map((n) => n.label.split('\\n')[0])"))


def test_search_card_and_graph_in_chromium(live_url: str, page: Page, tmp_path: Path) -> None:
    page.goto(f"{live_url}/explore")
    expect(page.locator("#result-list li").first).to_be_visible()  # the most mentioned entities
    expect(page.locator("#notice")).to_be_hidden()

    page.fill("#q", "Austin")
    page.press("#q", "Enter")
    expect(page.locator("#results-title")).to_contain_text("Austin")
    first = page.locator("#result-list button").first
    expect(first).to_contain_text("لويد أوستن")
    first.click()

    card = page.locator("#card")
    expect(page.locator("#card-name")).to_contain_text("لويد أوستن")
    expect(card.locator(".aliases li")).to_have_count(2)  # لويد أوستن ×3, أوستن ×1
    expect(card.locator(".documents > li")).to_have_count(3)
    marks = card.locator(".documents mark")
    expect(marks).to_have_count(4)
    assert set(marks.all_text_contents()) == {"لويد أوستن", "أوستن"}

    # Austin and his six neighbours; Netanyahu is not one of them.
    page.wait_for_function("() => explorer.nodes.length === 7")
    assert "بنيامين نتنياهو" not in node_names(page)
    gallant = page.evaluate("() => explorer.nodes.get().find((n) => n.label.startsWith('يوآف غالانت')).id")
    click_node(page, gallant)
    expect(page.locator("#card-name")).to_contain_text("يوآف غالانت")
    page.wait_for_function("() => explorer.nodes.length === 9")  # + Netanyahu and Tel Aviv
    assert {"بنيامين نتنياهو", "تل أبيب"} <= node_names(page)
    expect(card.locator(".documents > li")).to_have_count(2)

    page.evaluate(WAIT_STABLE)
    page.screenshot(path=tmp_path / "explore.png")
    if os.environ.get("AKG_UPDATE_SCREENSHOT"):  # refresh the README's picture on purpose only
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOT)


def test_without_the_graph_library_the_page_says_how_to_install_it(
    live_url: str, page: Page, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(explore.VENDOR, "vis-network.min.js", (tmp_path / "absent.js",))
    page.goto(f"{live_url}/explore")
    expect(page.locator("#notice")).to_contain_text("make explore-assets")
    page.fill("#q", "اوستن")
    page.press("#q", "Enter")
    page.locator("#result-list button").first.click()
    expect(page.locator("#card-name")).to_contain_text("لويد أوستن")  # search and cards still work
    expect(page.locator("#card .documents > li")).to_have_count(3)


# -- without a browser ---------------------------------------------------------------------------
def test_page_and_files_are_served(client: TestClient) -> None:
    r = client.get("/explore")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert 'dir="rtl"' in r.text
    for name in ("explore.js", "explore.css"):
        assert client.get(f"/explore/static/{name}").status_code == 200
    assert client.get("/explore/static/index.html").status_code == 404
    assert client.get("/explore/static/..%2Fapi%2Fapp.py").status_code == 404
    assert "/explore" not in client.get("/openapi.json").json()["paths"]


def test_missing_graph_library_names_the_make_target(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(explore.VENDOR, "vis-network.min.js", (tmp_path / "absent.js",))
    r = client.get("/explore/vendor/vis-network.min.js")
    assert r.status_code == 404
    assert "make explore-assets" in r.json()["detail"]
    assert client.get("/explore").status_code == 200
    assert "make explore-assets" in client.get("/explore/static/explore.js").text


# -- the Neo4j Browser guide ---------------------------------------------------------------------
def test_the_ten_browser_queries_run_on_the_graph_server(articles: GraphStore) -> None:
    guide = BROWSER_GUIDE.read_text(encoding="utf-8")
    queries = [q.strip() for q in re.findall(r"```cypher\n(.*?)```", guide, flags=re.DOTALL)]
    assert len(queries) == 10
    readme = (REPO / "README.md").read_text(encoding="utf-8").split("## Queries worth pasting", 1)[1]
    in_readme = re.search(r"```cypher\n(.*?)```", readme, flags=re.DOTALL).group(1)  # type: ignore[union-attr]
    assert [q.strip() for q in in_readme.split(";\n") if q.strip()] == queries  # the same ten
    assert ":params {name: 'لويد أوستن', other: 'حزب الله'}" in guide
    parameters = {"name": "لويد أوستن", "other": "حزب الله"}
    with articles.driver.session(database=articles.database) as session:
        for query in queries:
            rows = session.run(query, parameters).data()
            assert rows, query.splitlines()[0]
