"""``akg``: a thin command line over the same core functions the API uses."""

from __future__ import annotations

import ipaddress
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TypeVar

import click
import structlog
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from loaders import LoadedDocument, LoaderError, load_path, load_stream
from service import exporting, memory
from service.errors import AkgError
from service.logging import configure
from service.pipeline import IngestResult, Pipeline
from service.runtime import LazyRecognizer, embedded_server, load_recognizer, open_store
from service.settings import Settings, get_settings, settings_table

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
AUTO_PROCESSES_FROM = 500
"""``--engine auto`` starts worker processes for this many documents or more. Their start-up
(3.5 s here) costs more than they save on fewer. ``bench.ingest`` puts the break-even at
630-860 news-length documents on two cores (one worker), where 500 documents cost at most
1.5 s more than the thread would; with more cores there are more workers, and it comes
sooner."""
console = Console(stderr=True)
log = structlog.get_logger(__name__)
T = TypeVar("T")


@click.group()
@click.pass_context
def main(ctx: click.Context) -> None:
    """arabic-kg: Arabic news in, a knowledge graph out."""
    settings = get_settings()
    configure(settings)
    ctx.obj = settings


# -- ingest -------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--engine",
    type=click.Choice(["auto", "local", "processes", "ray"]),
    default="auto",
    show_default=True,
    help="Where the model runs: a thread of this process, worker processes of this machine, or "
    f"Ray actors (a local cluster, or --ray-address). auto: processes from {AUTO_PROCESSES_FROM} "
    "documents on, when their start-up pays for itself; local below.",
)
@click.option(
    "--ray-address", default=None, help="Address of a running Ray cluster (default: start one here)."
)
@click.option(
    "--workers",
    type=int,
    default=None,
    help="Worker processes or Ray actors, one model each (default: processes one per CPU but "
    "one, Ray the CPUs).",
)
@click.pass_obj
def ingest(
    settings: Settings, paths: tuple[str, ...], engine: str, ray_address: str | None, workers: int | None
) -> None:
    """Ingest files or folders (.txt, .jsonl, .html); `-` reads standard input."""
    _fail_on_error(lambda: _ingest(settings, paths, engine, ray_address, workers))


def _ingest(
    settings: Settings,
    paths: tuple[str, ...],
    engine: str = "auto",
    ray_address: str | None = None,
    workers: int | None = None,
) -> None:
    store = open_store(settings)
    try:
        store.ensure_schema()
        load_failures: list[str] = []
        documents = _documents(paths, load_failures)
        if engine == "auto":
            engine, documents = choose_engine(documents)
            log.info("ingest.engine", engine=engine)
        # Worker processes and Ray actors load their own model: here it is loaded only if needed.
        recognizer = LazyRecognizer(settings) if engine in ("processes", "ray") else load_recognizer(settings)
        pipeline = Pipeline(recognizer, store)
        if engine == "ray":
            from service.ray_engine import ingest_with_ray

            results, failures = ingest_all(
                pipeline,
                documents,
                run=lambda p, docs, on_error: ingest_with_ray(
                    p, docs, settings, address=ray_address, workers=workers, on_error=on_error
                ),
            )
        elif engine == "processes":
            from service.engines import process_first_passes

            passes = process_first_passes(pipeline, settings, workers or max(1, (os.cpu_count() or 1) - 1))
            results, failures = ingest_all(
                pipeline,
                documents,
                run=lambda p, docs, on_error: p.ingest_many(docs, on_error=on_error, first_passes=passes),
            )
        else:
            results, failures = ingest_all(pipeline, documents)
        failures = load_failures + failures
    finally:
        store.close()
    _print_summary(results, failures)
    if failures:
        sys.exit(1)


def choose_engine(
    documents: Iterator[LoadedDocument], threshold: int = AUTO_PROCESSES_FROM
) -> tuple[str, Iterator[LoadedDocument]]:
    """``processes`` when there are at least ``threshold`` documents, else ``local``; the
    documents read to find out come first in the iterator returned."""
    head = list(itertools.islice(documents, threshold))
    engine = "processes" if len(head) >= threshold else "local"
    return engine, itertools.chain(head, documents)


Engine = Callable[
    [Pipeline, Iterator[LoadedDocument], Callable[[LoadedDocument, Exception], None]], Iterator[IngestResult]
]


def ingest_all(
    pipeline: Pipeline, documents: Iterator[LoadedDocument], run: Engine | None = None
) -> tuple[list[IngestResult], list[str]]:
    """Ingest documents with a progress bar (recognition runs ahead of the graph writes);
    a document that fails is listed, not fatal. Re-running skips what is already in."""
    results: list[IngestResult] = []
    failures: list[str] = []

    def failed(doc: LoadedDocument, exc: Exception) -> None:
        failures.append(f"{doc.origin}: {exc}")

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingesting", total=None)
        engine = run or (lambda p, docs, on_error: p.ingest_many(docs, on_error=on_error))
        for result in engine(pipeline, documents, failed):
            results.append(result)
            progress.update(task, advance=1, description=f"ingesting ({len(results)} done)")
    return results, failures


def _documents(paths: tuple[str, ...], failures: list[str]) -> Iterator[LoadedDocument]:
    """Every document that loads; what does not (a path, a file, a line) is listed in
    ``failures`` and the rest is loaded all the same."""

    def failed(exc: LoaderError) -> None:
        failures.append(str(exc))

    for p in paths:
        try:
            if p == "-":
                yield from load_stream(sys.stdin.buffer, name="stdin", on_error=failed)
            else:
                yield from load_path(Path(p), on_error=failed)
        except LoaderError as exc:
            failed(exc)


def _print_summary(results: list[IngestResult], failures: list[str]) -> None:
    created = [r for r in results if r.created]
    table = Table(title="ingest summary")
    for col in ("documents added", "documents skipped (already in the graph)", "mentions added", "failed"):
        table.add_column(col, justify="right")
    table.add_row(
        str(len(created)),
        str(len(results) - len(created)),
        str(sum(r.mentions for r in created)),
        str(len(failures)),
    )
    console.print(table)
    for f in failures:
        console.print(f"failed: {f}", soft_wrap=True, markup=False, style="red")


# -- serve and demo -------------------------------------------------------------------------
@main.command()
@click.option("--host", default=None, help="Address to bind (default AKG_HOST, 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (default AKG_PORT, 8000).")
@click.pass_obj
def serve(settings: Settings, host: str | None, port: int | None) -> None:
    """Serve the REST API (OpenAPI at /docs)."""
    _serve(settings, host or settings.host, port or settings.port)


def _serve(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    memory.limit_arenas()
    from service.api import create_app

    if not _is_loopback(host) and settings.api_token is None:
        raise click.ClickException(
            f"Refusing to bind {host} without AKG_API_TOKEN: set a token, or bind 127.0.0.1."
        )
    shown = f"[{host}]" if ":" in host else host
    console.print(
        f"serving on http://{shown}:{port} (API docs /docs, graph explorer /explore); "
        "the model loads in the background, /health says when it is ready; Ctrl-C stops",
        markup=False,
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False)


@main.command()
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (default 8000).")
@click.pass_obj
def demo(settings: Settings, host: str | None, port: int | None) -> None:
    """Ingest the project's sample articles if the graph is empty, then serve."""

    def run() -> None:
        store = open_store(settings)
        try:
            store.ensure_schema()
            if store.stats()["documents"] == 0:
                pipeline = Pipeline(load_recognizer(settings), store)
                results, failures = ingest_all(pipeline, load_path(SAMPLES_DIR))
                _print_summary(results, failures)
        finally:
            store.close()

    _fail_on_error(run)
    _serve(settings, host or settings.host, port or settings.port)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# -- export ----------------------------------------------------------------------------------
@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "graphml"]), default="json", show_default=True)
@click.option(
    "--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File (default stdout)."
)
@click.pass_obj
def export(settings: Settings, fmt: str, output: IO[str]) -> None:
    """Export the whole graph as JSON or GraphML."""

    def run() -> None:
        store = open_store(settings)
        try:
            if fmt == "json":
                exporting.write_json(store, output)
            else:
                exporting.write_graphml(store, output)
        finally:
            store.close()

    _fail_on_error(run)


# -- db -------------------------------------------------------------------------------------
@main.group()
def db() -> None:
    """The embedded graph server (ArcadeDB with Bolt) used when AKG_NEO4J_URI is unset."""


@db.command("start")
@click.pass_obj
def db_start(settings: Settings) -> None:
    """Start the embedded graph server (or report the running one)."""
    _require_embedded(settings)
    info = _fail_on_error(lambda: embedded_server(settings).start())
    click.echo(
        json.dumps({"running": True, "uri": info.uri, "pid": info.pid, "data_dir": str(settings.data_dir)})
    )


@db.command("stop")
@click.pass_obj
def db_stop(settings: Settings) -> None:
    """Stop the embedded graph server."""
    _require_embedded(settings)
    stopped = embedded_server(settings).stop()
    click.echo(json.dumps({"stopped": stopped}))


@db.command("status")
@click.pass_obj
def db_status(settings: Settings) -> None:
    """Is the embedded graph server running? Exit code 3 when it is not."""
    _require_embedded(settings)
    info = embedded_server(settings).status()
    if info is None:
        click.echo(json.dumps({"running": False, "data_dir": str(settings.data_dir)}))
        sys.exit(3)
    click.echo(
        json.dumps({"running": True, "uri": info.uri, "pid": info.pid, "data_dir": str(settings.data_dir)})
    )


def _require_embedded(settings: Settings) -> None:
    if not settings.uses_embedded_graph:
        raise click.ClickException("AKG_NEO4J_URI is set: the embedded graph server is not used.")


# -- evaluate -------------------------------------------------------------------------------
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@main.command()
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    default=SHARED / "data" / "ner",
    show_default=True,
    help="The NER corpora (for the held-out split).",
)
@click.option(
    "--scorer", type=click.Path(path_type=Path), default=SHARED / "eval" / "score.py", show_default=True
)
@click.option(
    "--gold", type=click.Path(path_type=Path), default=SHARED / "eval" / "seeds_gold.json", show_default=True
)
@click.option("--seeds", type=click.Path(path_type=Path), default=SHARED / "seeds", show_default=True)
@click.option(
    "--conll",
    "conll",
    type=click.Path(exists=True, path_type=Path),
    multiple=True,
    help="Instead: the whole recogniser on a news NER set in CoNLL format (a file or a folder; "
    "tags PER/PERS, ORG, LOC/GPE, FAC; others read as O), PER/ORG/LOC exact spans. Repeatable.",
)
@click.option(
    "--ablate",
    is_flag=True,
    help="Instead: the seeds scorer once with all rules, then once with each rule off (`akg rules`).",
)
@click.pass_obj
def evaluate(
    settings: Settings,
    data: Path,
    scorer: Path,
    gold: Path,
    seeds: Path,
    conll: tuple[Path, ...],
    ablate: bool,
) -> None:
    """The model on its held-out split and the seeds scorer on a fresh graph, in one table."""
    from service import evaluation
    from service.runtime import model_dir

    if conll:
        _conll(settings, list(conll))
        return
    if ablate:
        _ablate(settings, data, scorer, gold, seeds)
        return

    table = Table(title="akg evaluate")
    for col in ("measure", "P", "R", "F1", "n"):
        table.add_column(col, justify="right" if col != "measure" else "left")
    if data.exists():
        blocks = {
            "held-out NER": evaluation.held_out_scores(data, model_dir(settings))["scores"]["all"],
            "held-out news, whole recogniser": evaluation.held_out_news_scores(data, settings),
        }
        for measure, scores in blocks.items():
            for kind, s in scores.items():
                table.add_row(
                    f"{measure} {kind}",
                    f"{s['precision']:.3f}",
                    f"{s['recall']:.3f}",
                    f"{s['f1']:.3f}",
                    str(s["support"]),
                )
    else:
        console.print(f"no corpora at {data}: held-out split skipped")
    if scorer.exists() and gold.exists() and seeds.exists():
        seeds_result = evaluation.seeds_scores(settings, scorer, gold, seeds)
        for name in ("mentions", "bcubed", "locations"):
            s = seeds_result[name]
            table.add_row(
                f"seeds {name}", f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", ""
            )
        table.add_row("seeds search hit@3", "", "", seeds_result["cross_script_hit3"], "")
        console.print(seeds_result["summary"], soft_wrap=True, markup=False)
    else:
        console.print(f"no scorer/gold/seeds under {scorer.parent.parent}: seeds score skipped")
    console.print(table)


def _conll(settings: Settings, paths: list[Path]) -> None:
    """The whole recogniser on news sets in CoNLL format, one table."""
    from service import evaluation

    try:
        scores = evaluation.conll_news_scores(paths, settings)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    table = Table(title=f"akg evaluate --conll {' '.join(map(str, paths))} (exact spans, through analyze)")
    for col in ("type", "P", "R", "F1", "n"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for kind, s in scores.items():
        table.add_row(
            kind, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["support"])
        )
    console.print(table)


def _ablate(settings: Settings, data: Path, scorer: Path, gold: Path, seeds: Path) -> None:
    """What each recognition rule adds: the seeds scorer, and the held-out news of the corpora
    (dev split: the one rules are tuned on), with every rule, then without each."""
    from nlp.recognition.recognizer import RULES
    from service import evaluation

    table = Table(title="akg evaluate --ablate (seeds mentions; held-out news dev, PER/ORG/LOC)")
    for col in ("rules", "P", "R", "F1", "ΔF1", "alias B3 F1", "news F1", "news ΔF1"):
        table.add_column(col, justify="right" if col != "rules" else "left")
    baseline: float | None = None
    news_baseline: float | None = None
    for rule in [None, *RULES]:
        run = settings.model_copy(update={"disabled_rules": [rule] if rule else []})
        result = evaluation.seeds_scores(run, scorer, gold, seeds)
        m = result["mentions"]
        baseline = m["f1"] if baseline is None else baseline
        news = (
            evaluation.held_out_news_scores(data, run, split="dev")["micro_PER_ORG_LOC"]["f1"]
            if data.exists()
            else None
        )
        news_baseline = news if news_baseline is None else news_baseline
        table.add_row(
            "all" if rule is None else f"without {rule}",
            f"{m['precision']:.3f}",
            f"{m['recall']:.3f}",
            f"{m['f1']:.3f}",
            "" if rule is None else f"{m['f1'] - baseline:+.3f}",
            f"{result['bcubed']['f1']:.3f}",
            "" if news is None else f"{news:.3f}",
            "" if rule is None or news is None or news_baseline is None else f"{news - news_baseline:+.3f}",
        )
        console.print(
            f"{'all rules' if rule is None else 'without ' + rule}: {result['summary']}", markup=False
        )
    console.print(table)


@main.command("rules")
def show_rules() -> None:
    """The recognition rules (names for AKG_DISABLED_RULES and `akg evaluate --ablate`)."""
    from nlp.recognition.recognizer import RULES

    for name, what in RULES.items():
        click.echo(f"{name:<24}{what}")


# -- settings --------------------------------------------------------------------------------
@main.command("settings")
def show_settings() -> None:
    """Print the table of settings (Markdown, as in the README)."""
    click.echo(settings_table())


def _fail_on_error(fn: Callable[[], T]) -> T:
    """Run ``fn``; a domain error becomes a one-line CLI error (exit code 1), no traceback."""
    try:
        return fn()
    except AkgError as exc:
        raise click.ClickException(str(exc)) from exc
