"""How fast would a Stanza character language model pair run here? (Before training one.)

    python -m bench.charlm_speed [--hidden 128 256 1024] [--threads 2]

Stanza's NER can read a forward and a backward character LM (``--charlm``). Their weights do
not change their speed, so this builds untrained pairs of each hidden size and runs them the
way the tagger does (``build_char_representation``, batches of 32 sentences) on the project's
sample articles, tokenised as the recogniser tokenises them. Prints tokens/s of the two LMs
alone and, beside it, the recogniser's own speed and the two combined (time per token adds).
"""

from __future__ import annotations

import argparse
import time

import torch
from stanza.models.common.char_model import CharacterLanguageModel
from stanza.models.common.vocab import CharVocab

from bench.ner_throughput import corpus
from nlp.recognition.recognizer import Recognizer
from nlp.recognition.tagger import DEFAULT_MODEL_DIR, StanzaTagger
from nlp.tokenize import sentences


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hidden", type=int, nargs="+", default=[128, 256, 1024])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--tokens", type=int, default=20_000)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    texts = corpus(args.tokens)
    sents = [[t.form for t in s] for text in texts for s in sentences(text)]
    n_tokens = sum(map(len, sents))
    recognizer = Recognizer(StanzaTagger.load(DEFAULT_MODEL_DIR))
    t0 = time.perf_counter()
    for text in texts:
        recognizer.recognize(text)
    recognizer_rate = n_tokens / (time.perf_counter() - t0)
    print(f"recogniser today: {recognizer_rate:,.0f} tokens/s ({n_tokens:,} tokens, {args.threads} threads)")

    vocab = {"char": CharVocab([[[w] for w in s] for s in sents], idx=0)}
    print(f"{'charlm hidden':>14} {'LMs tokens/s':>13} {'with recogniser':>16}")
    for hidden in args.hidden:
        config = {
            "char_emb_dim": 100,
            "char_hidden_dim": hidden,
            "char_num_layers": 1,
            "char_dropout": 0.0,
            "char_rec_dropout": 0.0,
        }
        pair = [CharacterLanguageModel(config, vocab, pad=True, is_forward_lm=f) for f in (True, False)]
        for lm in pair:
            lm.eval()
        t0 = time.perf_counter()
        for i in range(0, len(sents), 32):
            for lm in pair:
                lm.build_char_representation(sents[i : i + 32])
        rate = n_tokens / (time.perf_counter() - t0)
        combined = 1 / (1 / rate + 1 / recognizer_rate)
        print(f"{hidden:>14} {rate:>13,.0f} {combined:>16,.0f}")


if __name__ == "__main__":
    main()
