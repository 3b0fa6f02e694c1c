"""Word vectors for the NER model, built here with gensim and saved in Stanza's pretrain format.

fastText (skip-gram with character n-grams) is trained on the ``model_form`` tokens of the
training split only (no dev/test text), lowercased as Stanza's NER model looks words up
lowercased. Only the ``max_vocab`` most frequent words with ``min_count`` or more occurrences
are written, so that ``pretrain.pt`` stays small; rarer words reach the model through its
character LSTM.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)


def build_vectors(
    sentences: Iterable[list[str]],
    out_path: Path,
    *,
    dim: int = 100,
    min_count: int = 2,
    max_vocab: int = 40000,
    epochs: int = 8,
    seed: int = 1234,
    workers: int = 2,
) -> int:
    """Train fastText on ``sentences`` (lists of tokens) and write a Stanza ``Pretrain`` ``.pt``.

    Returns the number of words written.
    """
    from gensim.models import FastText
    from stanza.models.common.pretrain import Pretrain

    corpus = [[w.lower() for w in s] for s in sentences]
    log.info("fastText on %d sentences, %d tokens", len(corpus), sum(len(s) for s in corpus))
    model = FastText(
        vector_size=dim,
        window=5,
        min_count=min_count,
        sg=1,
        min_n=2,
        max_n=5,
        workers=workers,
        seed=seed,
        epochs=epochs,
    )
    model.build_vocab(corpus_iterable=corpus)
    model.train(corpus_iterable=corpus, total_examples=len(corpus), epochs=epochs)
    words = [w for w in model.wv.index_to_key[:max_vocab] if w and not any(c.isspace() for c in w)]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        vec = Path(tmp) / "vectors.txt"
        with vec.open("w", encoding="utf-8") as f:
            f.write(f"{len(words)} {dim}\n")
            for w in words:
                f.write(w + " " + " ".join(f"{x:.5f}" for x in model.wv[w]) + "\n")
        if out_path.exists():
            out_path.unlink()
        pretrain = Pretrain(str(out_path), str(vec), max_vocab=-1, save_to_file=True)
        pretrain.load()
    log.info("wrote %d vectors of dim %d to %s", len(words), dim, out_path)
    return len(words)
