"""Building the service's parts from settings: graph store, recogniser, pipeline.

The CLI and the API call the same functions, so both run the same stack.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import structlog

from graph_schema.store import GraphStore
from nlp.recognition.errors import ModelNotFoundError
from nlp.recognition.recognizer import Analysis, AnalysisInput, Recognizer, TextRegion
from service.errors import GraphUnavailableError, ModelUnavailableError
from service.graph_server import DATABASE, USER, EmbeddedGraphServer
from service.settings import BUNDLED_MODEL, OFFICIAL_MODEL, Settings

log = structlog.get_logger(__name__)

BUNDLED_MODEL_DIR = Path(__file__).resolve().parent.parent / "nlp" / "models" / BUNDLED_MODEL


def embedded_server(settings: Settings) -> EmbeddedGraphServer:
    return EmbeddedGraphServer(settings.data_dir, heap=settings.embedded_heap)


def open_store(settings: Settings, *, start_embedded: bool = True) -> GraphStore:
    """Connect to the configured graph (starting the embedded server when none is set)."""
    if settings.neo4j_uri:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        store = GraphStore.connect(
            settings.neo4j_uri,
            settings.neo4j_user,
            password,
            settings.neo4j_database,
            settings.index_refresh_seconds,
        )
    else:
        server = embedded_server(settings)
        info = server.start() if start_embedded else server.status()
        if info is None:
            raise GraphUnavailableError("The embedded graph server is not running: run `akg db start`.")
        store = GraphStore.connect(
            info.uri,
            USER,
            server.password(),
            settings.neo4j_database or DATABASE,
            settings.index_refresh_seconds,
        )
    _wait_until_ready(store)
    return store


def _wait_until_ready(store: GraphStore, attempts: int = 40) -> None:
    """The embedded server opens Bolt a moment before its database exists: wait for it."""
    import time

    for _ in range(attempts):
        if store.ping():
            return
        time.sleep(0.25)
    if not store.ping():
        raise GraphUnavailableError("The graph server accepts connections but does not answer queries.")


WARM_UP_TEXT = "قال وزير الدفاع إن قاعدة عين الأسد الجوية آمنة بعد الهجوم، بحسب وكالة رويترز. " * 8
"""Recognised once before serving: the model's buffers are allocated then, not under the
first requests (first-request latency; memory stays flat under load)."""


def model_dir(settings: Settings) -> Path:
    """The folder of the configured project model (bundled, or a path; not ``stanza-official``)."""
    return BUNDLED_MODEL_DIR if settings.ner_model == BUNDLED_MODEL else Path(settings.ner_model)


def load_recognizer(settings: Settings) -> Recognizer:
    """Load the configured NER model; ModelUnavailableError names what is missing."""
    import torch

    from nlp.recognition.tagger import StanzaTagger, load_official

    torch.set_num_threads(settings.ner_threads)
    try:
        if settings.ner_model == OFFICIAL_MODEL:
            tagger = load_official(settings.stanza_resources_dir, settings.ner_weights)
        else:
            tagger = StanzaTagger.load(model_dir(settings), settings.ner_weights)
    except ModelNotFoundError as exc:
        raise ModelUnavailableError(str(exc)) from exc
    if tagger.weights_unavailable:
        log.warning(
            "model.weights_unavailable",
            wanted=settings.ner_weights,
            using=tagger.weights,
            cause=tagger.weights_unavailable,
            fix="set AKG_NER_WEIGHTS=float32 to silence this; the spans are the same, the tagger slower",
        )
    log.info(
        "model.loaded",
        model=settings.ner_model,
        weights=tagger.weights,
        disabled_rules=settings.disabled_rules,
    )
    try:
        return Recognizer(tagger, frozenset(settings.disabled_rules))
    except ValueError as exc:
        raise ModelUnavailableError(f"AKG_DISABLED_RULES: {exc}") from exc


class LazyRecognizer:
    """The configured recogniser, loaded when first asked for. For engines whose workers hold
    their own model (``akg ingest --engine processes|ray``): the main process needs one only
    for a document that left the graph between the check and the write, so most runs never
    load it (a model's load time and memory saved)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._loaded: Recognizer | None = None

    @property
    def loaded(self) -> bool:
        return self._loaded is not None

    def analyze(
        self, text: str, furniture: Sequence[TextRegion] = (), metadata: Sequence[TextRegion] = ()
    ) -> Analysis:
        return self._recognizer().analyze(text, furniture, metadata)

    def analyze_many(self, texts: Sequence[AnalysisInput]) -> list[Analysis]:
        return self._recognizer().analyze_many(texts)

    def _recognizer(self) -> Recognizer:
        with self._lock:
            if self._loaded is None:
                self._loaded = load_recognizer(self._settings)
            return self._loaded


class _Periodic:
    """A daemon thread that calls ``tick`` every ``interval_s`` seconds until stopped."""

    name = "akg-periodic"

    def __init__(self, interval_s: float) -> None:
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.tick()

    def tick(self) -> None:
        raise NotImplementedError


class GraphWatchdog(_Periodic):
    """Restarts the embedded graph server when it dies (``akg serve`` runs one)."""

    name = "akg-graph-watchdog"

    def __init__(self, server: EmbeddedGraphServer, interval_s: float = 5.0) -> None:
        self.server = server
        super().__init__(interval_s)

    def tick(self) -> None:
        if self.server.status() is not None:
            return
        log.warning("graph_server.down", action="restarting")
        try:
            self.server.start()
        except Exception:  # keep watching; the next round tries again
            log.exception("graph_server.restart_failed")


class IndexRefresher(_Periodic):
    """Keeps the store's alias index up to date in the background (``akg serve``), so that a
    search never waits for the catch-up query itself."""

    name = "akg-index-refresh"

    def __init__(self, store: GraphStore, interval_s: float) -> None:
        self.store = store
        super().__init__(max(interval_s / 2, 0.05))

    def tick(self) -> None:
        try:
            self.store.alias_index()
        except Exception as exc:  # the graph is away: searches use the index as it is
            log.warning("alias_index.refresh_failed", error=str(exc))
