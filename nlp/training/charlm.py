"""A pair of character language models (forward and backward) for the NER model.

    python -m nlp.training.charlm --data ../shared/data/ner --out build/akg-ar-charlm

Stanza's NER tagger can read each word through two character LSTMs trained as language
models on raw text (``--charlm``) instead of its own character LSTM. They are trained here
with Stanza's own trainer (``stanza.models.charlm``) on the ``model_form`` text of the
training split only (the same split as the NER model: no dev or test sentence), one sentence
per line; the dev split's text measures perplexity. The two directions train at the same
time, one CPU thread each.

The hidden size is small (128) on purpose: both LMs run over every character of every
sentence at inference, and ``bench/charlm_speed.py`` measured that only a hidden size of 128
keeps the recogniser above 5,000 tokens/s on two cores.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from nlp.recognition.tagger import CHARLM_FILES
from nlp.training.corpora import Document, read_all

log = logging.getLogger("nlp.training.charlm")

# The names the tagger looks for beside a model (``StanzaTagger.load``).
FORWARD_FILE, BACKWARD_FILE = (f.name for f in CHARLM_FILES)
DIRECTIONS = {"forward": FORWARD_FILE, "backward": BACKWARD_FILE}


def sentence_lines(docs: list[Document]) -> list[str]:
    """One line per sentence: its tokens (already ``model_form``) joined by spaces."""
    return [" ".join(token for token, _ in sentence) for doc in docs for sentence in doc.sentences]


def charlm_command(direction: str, work: Path, out: Path, hidden: int, epochs: int, seed: int) -> list[str]:
    """Stanza's character-LM trainer, for one direction."""
    return [
        sys.executable,
        "-m",
        "stanza.models.charlm",
        "--mode",
        "train",
        "--direction",
        direction,
        "--train_dir",
        str(work / "train"),
        "--eval_file",
        str(work / "dev.txt"),
        "--shorthand",
        "ar_akg",
        "--char_hidden_dim",
        str(hidden),
        "--char_emb_dim",
        "100",
        "--cutoff",
        "5",  # characters seen fewer than 5 times are UNK (Stanza assumes a huge corpus: 1000)
        "--epochs",
        str(epochs),
        "--eval_steps",
        "-1",  # evaluate after each epoch, keep the best
        "--save_dir",
        str(out),
        "--save_name",
        DIRECTIONS[direction],
        "--cpu",
        "--seed",
        str(seed),
    ]


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    from nlp.training.train import SEED, split_documents

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="shared/data/ner folder")
    ap.add_argument(
        "--out", type=Path, required=True, help="folder for forward_charlm.pt and backward_charlm.pt"
    )
    ap.add_argument("--work", type=Path, default=Path("build/charlm-work"), help="scratch folder (text)")
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    splits = split_documents(read_all(args.data), seed=args.seed)
    (args.work / "train").mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, path in (("train", args.work / "train" / "train.txt"), ("dev", args.work / "dev.txt")):
        lines = sentence_lines(splits[name])
        path.write_text("\n".join(lines) + "\n", "utf-8")
        log.info("%s text: %d sentences, %d characters", name, len(lines), sum(map(len, lines)))

    env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    t0 = time.time()
    runs = {
        d: subprocess.Popen(
            charlm_command(d, args.work, args.out, args.hidden, args.epochs, args.seed), env=env
        )
        for d in DIRECTIONS
    }
    failed = [d for d, p in runs.items() if p.wait() != 0]
    if failed:
        raise SystemExit(f"character LM training failed for {', '.join(failed)}: see the log above")
    log.info(
        "character LMs trained in %.0fs: %s",
        time.time() - t0,
        ", ".join(str(args.out / f) for f in DIRECTIONS.values()),
    )


if __name__ == "__main__":
    main()
