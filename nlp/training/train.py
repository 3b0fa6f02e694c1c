"""Train the arabic-kg Arabic NER model end to end.

    python -m nlp.training.train --data ../shared/data/ner --out build/akg-ar-ner-base
    python -m nlp.training.train --data ../shared/data/ner --out nlp/models/akg-ar-ner \\
        --finetune-from build/akg-ar-ner-base --finetune-lr 0.02 --oversample newsfane=3 \\
        --select-on newsfane --max-steps 3000 --eval-interval 250

(``make train`` runs both: the bundled model is the first, trained on all corpora, then
trained on towards news.)

Steps: read the four corpora (:mod:`nlp.training.corpora`), split train/dev/test by
document (FANE and Wojood have no document boundaries: contiguous blocks of sentences are
pseudo-documents), write Stanza NER JSON, build fastText vectors on the training split
(:mod:`nlp.training.vectors`), train Stanza's own NER tagger (``stanza.models.ner_tagger``,
BIOES, CPU, fixed seed), then evaluate the saved model on the held-out test split through
:class:`nlp.recognition.tagger.StanzaTagger` (the inference code path) with CoNLL exact span
match, print per-type P/R/F1 and write ``training_report.json`` and ``MODEL_CARD.md``.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

from nlp.training.charlm import BACKWARD_FILE, FORWARD_FILE
from nlp.training.corpora import LABELS, READERS, SHARED_CORPORA, Document, Sentence, read_all, spans_of

log = logging.getLogger("nlp.training")

SEED = 1234


def split_documents(
    docs: list[Document], seed: int = SEED, dev_frac: float = 0.1, test_frac: float = 0.1
) -> dict[str, list[Document]]:
    """Split by document, per corpus (so every corpus is in every split), seeded shuffle."""
    splits: dict[str, list[Document]] = {"train": [], "dev": [], "test": []}
    by_corpus: dict[str, list[Document]] = {}
    for d in docs:
        by_corpus.setdefault(d.corpus, []).append(d)
    rng = random.Random(seed)  # noqa: S311 - a reproducible split, not security
    for corpus in sorted(by_corpus):
        group = list(by_corpus[corpus])
        rng.shuffle(group)
        n_test = max(1, round(len(group) * test_frac))
        n_dev = max(1, round(len(group) * dev_frac))
        splits["test"].extend(group[:n_test])
        splits["dev"].extend(group[n_test : n_test + n_dev])
        splits["train"].extend(group[n_test + n_dev :])
    return splits


def to_stanza_json(docs: list[Document]) -> list[list[dict[str, str]]]:
    """Stanza NER JSON: a list of sentences, each a list of ``{"text", "ner"}`` (IOB2 tags)."""
    return [[{"text": tok, "ner": tag} for tok, tag in sent] for d in docs for sent in d.sentences]


def _sentences(docs: list[Document]) -> list[Sentence]:
    return [s for d in docs for s in d.sentences]


def _stats(docs: list[Document]) -> dict[str, Any]:
    ents: Counter[str] = Counter()
    for s in _sentences(docs):
        for _, _, kind in spans_of([t for _, t in s]):
            ents[kind] += 1
    return {
        "documents": len(docs),
        "sentences": len(_sentences(docs)),
        "tokens": sum(d.n_tokens for d in docs),
        "entities": dict(sorted(ents.items())),
    }


Span = tuple[int, int, int, str]


def prf(gold: list[set[Span]], pred: list[set[Span]]) -> dict[str, Any]:
    """CoNLL exact-match P/R/F1 per type and micro-averaged, from span sets."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for span in p:
            (tp if span in g else fp)[span[3]] += 1
        for span in g - p:
            fn[span[3]] += 1

    def score(t: int, f_p: int, f_n: int) -> dict[str, float | int]:
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": t + f_n}

    out: dict[str, Any] = {k: score(tp[k], fp[k], fn[k]) for k in LABELS}
    out["micro"] = score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["micro_PER_ORG_LOC"] = score(
        sum(tp[k] for k in ("PER", "ORG", "LOC")),
        sum(fp[k] for k in ("PER", "ORG", "LOC")),
        sum(fn[k] for k in ("PER", "ORG", "LOC")),
    )
    return out


def evaluate(model_dir: Path, docs: list[Document]) -> tuple[dict[str, Any], float, int]:
    """Tag the test documents with :class:`StanzaTagger`; scores overall and per corpus."""
    from nlp.recognition.tagger import StanzaTagger
    from nlp.types import Token

    tagger = StanzaTagger.load(model_dir)
    sents = _sentences(docs)
    token_sents = [[Token(0, len(tok), tok, tok) for tok, _ in s] for s in sents]
    t0 = time.perf_counter()
    tagged = tagger.tag(token_sents)
    elapsed = time.perf_counter() - t0
    n_tokens = sum(len(s) for s in sents)
    gold = [{(i, a, b, k) for a, b, k in spans_of([t for _, t in s])} for i, s in enumerate(sents)]
    pred = [{(i, sp.first, sp.last, sp.label) for sp in spans} for i, spans in enumerate(tagged)]
    result: dict[str, Any] = {"all": prf(gold, pred)}
    offset = 0
    corpus_index: dict[str, list[int]] = {}
    for d in docs:
        corpus_index.setdefault(d.corpus, []).extend(range(offset, offset + len(d.sentences)))
        offset += len(d.sentences)
    for corpus, idx in sorted(corpus_index.items()):
        result[corpus] = prf([gold[i] for i in idx], [pred[i] for i in idx])
    return result, elapsed, n_tokens


def print_scores(scores: dict[str, Any]) -> None:
    """Per-type P/R/F1 table for every block in ``scores``."""
    for block, table in scores.items():
        print(f"\n== test: {block}")
        print(f"{'type':<18}{'P':>8}{'R':>8}{'F1':>8}{'n':>8}")
        for kind, s in table.items():
            print(f"{kind:<18}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['support']:>8}")


def oversample(docs: list[Document], factors: dict[str, int]) -> list[Document]:
    """Repeat each document of a corpus ``factors[corpus]`` times (1 where not named)."""
    return [d for d in docs for _ in range(factors.get(d.corpus, 1))]


def parse_factors(text: str) -> dict[str, int]:
    """``"newsfane=3,wojood=2"`` -> ``{"newsfane": 3, "wojood": 2}``."""
    factors: dict[str, int] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        corpus, _, times = item.partition("=")
        if corpus not in READERS or not times.isdigit() or int(times) < 1:
            known = ", ".join(READERS)
            raise argparse.ArgumentTypeError(f"expected CORPUS=N with CORPUS one of {known}, got {item!r}")
        factors[corpus] = int(times)
    return factors


def parse_corpora(text: str) -> tuple[str, ...]:
    """``"newsfane,written_news"`` -> ``("newsfane", "written_news")``, each a known corpus."""
    names = tuple(filter(None, (part.strip() for part in text.split(","))))
    unknown = [n for n in names if n not in READERS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown corpus {unknown[0]!r}; known: {', '.join(READERS)}")
    return names


def with_learning_rate(model: Path, lr: float | None, work: Path) -> Path:
    """Stanza goes on training a saved model with the optimiser settings saved in it; a copy
    with ``lr`` in its saved settings goes on at that rate."""
    if lr is None:
        return model
    import torch

    checkpoint = torch.load(model, map_location="cpu", weights_only=False)
    checkpoint["config"]["lr"] = lr
    copy = work / f"start-lr{lr}.pt"
    torch.save(checkpoint, copy)
    return copy


def train_stanza(
    work: Path,
    out: Path,
    pretrain: Path,
    max_steps: int,
    eval_interval: int,
    seed: int,
    finetune_from: Path | None = None,
    charlm: Path | None = None,
) -> None:
    """Run Stanza's NER trainer in-process on CPU; from scratch, or on from a saved model
    (``finetune_from``: its weights, vocabulary and optimiser settings). ``charlm``: a folder
    with a forward and a backward character LM (:mod:`nlp.training.charlm`), read in place of
    the model's own character LSTM."""
    import torch
    from stanza.models import ner_tagger

    torch.set_num_threads(2)
    resume = ["--finetune", "--finetune_load_name", str(finetune_from)] if finetune_from else []
    with_charlm = []
    if charlm is not None:
        # (Stanza wants a shorthand even when it is given both files.)
        with_charlm = ["--charlm", "--charlm_shorthand", "ar_akg"]
        with_charlm += ["--charlm_forward_file", str(charlm / FORWARD_FILE)]
        with_charlm += ["--charlm_backward_file", str(charlm / BACKWARD_FILE)]
    args = [
        *resume,
        *with_charlm,
        "--mode",
        "train",
        "--shorthand",
        "ar_akg",
        "--train_file",
        str(work / "train.json"),
        "--eval_file",
        str(work / "dev.json"),
        "--wordvec_pretrain_file",
        str(pretrain),
        "--save_dir",
        str(out),
        "--save_name",
        "ner.pt",
        "--scheme",
        "bioes",
        "--cpu",
        "--seed",
        str(seed),
        "--max_steps",
        str(max_steps),
        "--eval_interval",
        str(eval_interval),
        "--max_steps_no_improve",
        str(max(max_steps, 2500)),
        "--log_step",
        "50",
        "--batch_size",
        "32",
        "--hidden_dim",
        "256",
        "--char_hidden_dim",
        "100",
        "--dropout",
        "0.5",
        "--word_dropout",
        "0.05",
        "--optim",
        "sgd",
        "--lr",
        "0.05",
        "--momentum",
        "0.9",
        "--patience",
        "2",
    ]
    log.info("stanza ner_tagger %s", " ".join(args))
    ner_tagger.main(args)


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="shared/data/ner folder")
    ap.add_argument("--out", type=Path, required=True, help="model folder to write")
    ap.add_argument("--work", type=Path, default=Path("build/ner-work"), help="scratch folder (JSON data)")
    ap.add_argument("--corpora", default=",".join(SHARED_CORPORA), help="comma-separated corpora to use")
    ap.add_argument("--max-steps", type=int, default=8000)
    ap.add_argument("--eval-interval", type=int, default=500)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument(
        "--oversample",
        type=parse_factors,
        default={},
        help="repeat a corpus's training documents, e.g. newsfane=3 (default: none)",
    )
    ap.add_argument(
        "--select-on",
        type=parse_corpora,
        default=(),
        help="keep the checkpoint that is best on the dev documents of these comma-separated corpora "
        "(default: all corpora trained on)",
    )
    ap.add_argument(
        "--finetune-from",
        type=Path,
        default=None,
        help="go on training this model folder (its ner.pt and pretrain.pt) instead of starting afresh",
    )
    ap.add_argument(
        "--finetune-lr",
        type=float,
        default=None,
        help="learning rate when going on (default: the model's own)",
    )
    ap.add_argument(
        "--charlm",
        type=Path,
        default=None,
        help="folder of a character LM pair (python -m nlp.training.charlm) to read words with; "
        "copied into --out (default: none; when going on from a model that has one, that one)",
    )
    ap.add_argument("--eval-only", action="store_true", help="skip training, evaluate the model in --out")
    args = ap.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    random.seed(args.seed)
    t_start = time.time()
    corpora = parse_corpora(args.corpora)
    # Splits are always made over all the shared corpora, so that the test split stays the
    # same when one is left out of training (ablations stay comparable); the written news is
    # read (and held out in part) only when named.
    all_docs = read_all(args.data, tuple(dict.fromkeys(SHARED_CORPORA + corpora)))
    splits = split_documents(all_docs, seed=args.seed)
    splits["train"] = [d for d in splits["train"] if d.corpus in corpora]
    splits["dev"] = [d for d in splits["dev"] if d.corpus in corpora]
    if args.select_on:
        splits["dev"] = [d for d in splits["dev"] if d.corpus in args.select_on]
    stats = {name: _stats(docs) for name, docs in splits.items()}
    for name, s in stats.items():
        log.info("%s: %s", name, s)
    splits["train"] = oversample(splits["train"], args.oversample)

    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, docs in splits.items():
        (args.work / f"{name}.json").write_text(json.dumps(to_stanza_json(docs), ensure_ascii=False), "utf-8")

    pretrain = args.out / "pretrain.pt"
    t_train = 0.0
    n_vectors = None
    finetune_from = None
    charlm = args.charlm
    if args.finetune_from is not None:
        # The saved model's embedding rows belong to its own vectors: keep them; and the
        # character LMs it was trained with.
        if args.finetune_from.resolve() != args.out.resolve():
            shutil.copyfile(args.finetune_from / "pretrain.pt", pretrain)
        finetune_from = with_learning_rate(args.finetune_from / "ner.pt", args.finetune_lr, args.work)
        if charlm is None and (args.finetune_from / FORWARD_FILE).exists():
            charlm = args.finetune_from
    if charlm is not None and charlm.resolve() != args.out.resolve():
        for name in (FORWARD_FILE, BACKWARD_FILE):
            shutil.copyfile(charlm / name, args.out / name)
    if not args.eval_only:
        if finetune_from is None:
            from nlp.training.vectors import build_vectors

            t0 = time.time()
            n_vectors = build_vectors(
                [[tok for tok, _ in s] for s in _sentences(splits["train"])], pretrain, seed=args.seed
            )
            log.info("vectors built in %.0fs", time.time() - t0)
        t0 = time.time()
        train_stanza(
            args.work,
            args.out,
            pretrain,
            args.max_steps,
            args.eval_interval,
            args.seed,
            finetune_from,
            args.out if charlm is not None else None,
        )
        t_train = time.time() - t0
        log.info("stanza training took %.0fs", t_train)

    scores, tag_seconds, n_test_tokens = evaluate(args.out, splits["test"])
    print_scores(scores)
    report_path = args.out / "training_report.json"
    previous: dict[str, Any] = json.loads(report_path.read_text("utf-8")) if report_path.exists() else {}
    report = {
        "command": f"python -m nlp.training.train --data {args.data} --out {args.out}"
        + ("" if args.corpora == ",".join(SHARED_CORPORA) else f" --corpora {args.corpora}")
        + f" --max-steps {args.max_steps} --eval-interval {args.eval_interval} --seed {args.seed}"
        + (
            f" --oversample {','.join(f'{c}={n}' for c, n in args.oversample.items())}"
            if args.oversample
            else ""
        )
        + (f" --select-on {','.join(args.select_on)}" if args.select_on else "")
        + (f" --finetune-from {args.finetune_from}" if args.finetune_from else "")
        + (f" --finetune-lr {args.finetune_lr}" if args.finetune_lr else "")
        + (f" --charlm {args.charlm}" if args.charlm else ""),
        "charlm": str(charlm) if charlm else None,
        "oversample": args.oversample,
        "select_on": ",".join(args.select_on) or "all corpora",
        "finetuned_from": str(args.finetune_from) if args.finetune_from else None,
        "corpora": list(corpora),
        "split": "by document, per corpus, seeded shuffle 80/10/10; AQMAR: one article = one document; "
        "NewsFANE/WikiFANE: contiguous blocks of 40 sentences as pseudo-documents (no boundaries in the "
        "files); Wojood sample: contiguous blocks of 20 sentences of each file as pseudo-documents",
        "seed": args.seed,
        "max_steps": args.max_steps,
        "data": stats,
        "vectors": n_vectors if n_vectors is not None else previous.get("vectors"),
        "training_seconds": round(t_train) if t_train else previous.get("training_seconds"),
        "total_seconds": round(time.time() - t_start),
        "test_tagging_tokens_per_second": round(n_test_tokens / tag_seconds),
        "test": scores,
    }
    report_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    log.info("wrote %s", report_path)


if __name__ == "__main__":
    main()
