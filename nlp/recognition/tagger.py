"""The NER tagger: a Stanza NER model run on ``Token.form`` of pre-tokenised sentences.

The model is Stanza's BiLSTM-CRF NER tagger (``stanza.models.ner``), trained by
:mod:`nlp.training.train`. It is run through Stanza's own NER ``Trainer`` (the same object
``stanza.Pipeline``'s NER processor uses) so that the CRF scores are available:

* the labels are the Viterbi path, exactly as Stanza's pipeline decodes it;
* ``confidence`` of a span is the mean, over the span's tokens, of the CRF **marginal**
  probability of the decoded tag at that token (forward-backward over the emission scores
  and the transition matrix). It is a real probability in [0, 1]: 1.0 means the model puts
  all its mass on that tag; a low value means the model hesitated (other types or O).

Labels are PER, ORG, LOC, FAC.

The LSTM and linear layers' weights are stored as ``float16`` by default (``weights``;
``AKG_NER_WEIGHTS``): torch's dynamic quantisation packs them for its half-precision matrix
products, the arithmetic stays ``float32``. The tagger runs about a quarter faster and its
spans are the same as ``float32``'s on every evaluation set (BENCHMARKS.md). ``int8`` is
faster still and changes a few spans; ``float32`` runs the weights as trained.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

from nlp.recognition.errors import ModelNotFoundError
from nlp.types import Token

MODEL_FILE = "ner.pt"
PRETRAIN_FILE = "pretrain.pt"
CHARLM_FILES = (Path("forward_charlm.pt"), Path("backward_charlm.pt"))
"""A model trained with character LMs (``nlp.training.charlm``) has both beside it."""
LABELS: frozenset[str] = frozenset({"PER", "ORG", "LOC", "FAC"})
REBUILD = "make train (python -m nlp.training.train, two stages: see nlp/models/akg-ar-ner/MODEL_CARD.md)"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "akg-ar-ner"
BATCH_SIZE = 64
Weights = Literal["float16", "float32", "int8"]
"""How the model's LSTM and linear weights are stored at inference (see the module docstring)."""
WEIGHTS: tuple[Weights, ...] = get_args(Weights)
DEFAULT_WEIGHTS: Weights = "float16"

# Official Stanza Arabic models, as laid out by stanza.download under STANZA_RESOURCES_DIR.
OFFICIAL_NER = Path("ar") / "ner" / "aqmar_charlm.pt"
# Stanza pairs the Arabic NER model (aqmar) with the fasttextwiki vectors
# (stanza.resources.default_packages.ner_pretrains), not with the default conll17 ones.
OFFICIAL_PRETRAIN = Path("ar") / "pretrain" / "fasttextwiki.pt"
OFFICIAL_CHARLM = (Path("ar") / "forward_charlm" / "ccwiki.pt", Path("ar") / "backward_charlm" / "ccwiki.pt")


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """An entity span of one sentence: token indices ``first..last`` inclusive."""

    first: int
    last: int
    label: str
    confidence: float


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """Spans of one sentence, plus per-token evidence that rules may use."""

    spans: list[TaggedSpan]
    person_prob: list[float]
    """Per token: the CRF marginal probability that the token is part of a person's name."""
    known: list[bool]
    """Per token: the word is in the model's word-vector vocabulary (frequent in the training
    text); names of foreign people are usually not."""
    org_prob: list[float] = field(default_factory=list)
    """Per token: the CRF marginal probability that the token is part of an organisation's name."""


def _missing(directory: Path, names: list[Path]) -> list[str]:
    return [str(n) for n in names if not (directory / n).is_file()]


def _not_found(directory: Path, missing: list[str], how: str) -> ModelNotFoundError:
    return ModelNotFoundError(f"NER model not found in {directory}: missing {', '.join(missing)}. {how}")


class StanzaTagger:
    """Runs a Stanza NER model on pre-tokenised sentences; see the module docstring."""

    def __init__(
        self, trainer: Any, label_map: dict[str, str] | None = None, weights: str = DEFAULT_WEIGHTS
    ) -> None:
        _check_weights(weights)
        self._trainer = trainer
        self._label_map = label_map or {}
        _skip_the_training_loss(trainer.model)
        self.weights = weights
        """How the weights are stored: ``weights``, or ``float32`` where this torch cannot pack them."""
        self.weights_unavailable: str | None = None
        """Why ``weights`` could not be used (torch's error), or None."""
        if weights != "float32":
            try:
                trainer.model = _packed(trainer.model, weights)
            except (RuntimeError, AttributeError) as exc:  # no quantisation engine for this CPU
                self.weights, self.weights_unavailable = "float32", f"{type(exc).__name__}: {exc}"

    @classmethod
    def load(cls, model_dir: Path, weights: str = DEFAULT_WEIGHTS) -> StanzaTagger:
        """Load ``ner.pt`` and ``pretrain.pt`` from ``model_dir`` (CPU), and the character LM
        pair beside them when the model has one; ``weights`` as in the module docstring.

        Raises :class:`ModelNotFoundError` at once (before importing torch) when a file is
        missing: one of the pair without the other, or a model that was trained with the pair
        without it.
        """
        _check_weights(weights)
        model_dir = Path(model_dir)
        needed = [Path(MODEL_FILE), Path(PRETRAIN_FILE)]
        has_charlm = any((model_dir / f).is_file() for f in CHARLM_FILES)
        missing = _missing(model_dir, needed + (list(CHARLM_FILES) if has_charlm else []))
        if missing:
            raise _not_found(model_dir, missing, f"Rebuild it with: {REBUILD}")
        # A pair is read from beside the model, never from the paths saved where it was trained
        # (a model without one ignores these).
        charlm = {
            "charlm_forward_file": str(model_dir / CHARLM_FILES[0]),
            "charlm_backward_file": str(model_dir / CHARLM_FILES[1]),
        }
        try:
            trainer = _load_trainer(model_dir / MODEL_FILE, model_dir / PRETRAIN_FILE, charlm)
        except FileNotFoundError as e:  # Stanza's Forward/BackwardCharlmNotFoundError
            raise _not_found(model_dir, [str(f) for f in CHARLM_FILES], f"Rebuild it with: {REBUILD}") from e
        return cls(trainer, weights=weights)

    @classmethod
    def load_official(cls, resources_dir: Path, weights: str = DEFAULT_WEIGHTS) -> StanzaTagger:
        """Load the official Stanza Arabic NER model (AQMAR, charlm) from ``resources_dir``.

        That model predicts PER/ORG/LOC/MISC; MISC is dropped. Raises
        :class:`ModelNotFoundError` at once when a file is missing.
        """
        return load_official(resources_dir, weights)

    def knows(self, form: str) -> bool:
        """Is ``form`` (a model form) in the model's word-vector vocabulary?"""
        vocab = self._trainer.model.vocab["word"] if "word" in self._trainer.model.vocab else None  # noqa: SIM401
        return vocab is not None and form in vocab

    def tag(self, sentences: list[list[Token]]) -> list[list[TaggedSpan]]:
        """Entity spans per sentence, from the model run on the tokens' ``form``."""
        return [s.spans for s in self.analyze(sentences)]

    def analyze(self, sentences: list[list[Token]]) -> list[TaggedSentence]:
        """Spans per sentence with per-token entity probabilities and vocabulary flags."""
        out: list[TaggedSentence] = [TaggedSentence([], [], []) for _ in sentences]
        index = [i for i, s in enumerate(sentences) if s]
        if not index:
            return out
        forms = [[t.form for t in sentences[i]] for i in index]
        config = dict(self._trainer.args)
        loader = _forms_loader()(
            forms, BATCH_SIZE, config, vocab=self._trainer.vocab, evaluation=True, preprocess_tags=False
        )
        results: list[TaggedSentence] = []
        for batch in loader:
            results.extend(self._tag_batch(batch))
        vocab = self._trainer.model.vocab["word"] if "word" in self._trainer.model.vocab else None  # noqa: SIM401
        for i, tagged in zip(index, results, strict=True):
            known = [vocab is not None and t.form in vocab for t in sentences[i]]
            out[i] = TaggedSentence(tagged.spans, tagged.person_prob, known, tagged.org_prob)
        return out

    def _tag_batch(self, batch: Any) -> list[TaggedSentence]:
        import numpy as np
        import torch
        from stanza.models.common import utils
        from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
        from stanza.models.ner.trainer import unpack_batch

        trainer = self._trainer
        model = trainer.model
        unpacked = unpack_batch(batch, "cpu")
        inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = unpacked
        word, wordchars, wordchars_mask, chars, tags = inputs
        model.eval()
        with torch.no_grad():
            _, logits, trans = model(
                word,
                wordchars,
                wordchars_mask,
                tags,
                word_orig_idx,
                sentlens,
                wordlens,
                chars,
                charoffsets,
                charlens,
                char_orig_idx,
            )
        tagset = int(trainer.args.get("predict_tagset") or 0)
        scores = logits[tagset].cpu().numpy().astype(np.float64)
        transitions = trans[tagset].detach().cpu().numpy().astype(np.float64)
        tag_vocab = trainer.vocab["tag"]
        person = _type_indices(tag_vocab, tagset, "PER")
        org = _type_indices(tag_vocab, tagset, "ORG")
        sents: list[TaggedSentence] = []
        decoded = _decode_batch(scores, [int(n) for n in sentlens], transitions)
        for path, marginals in decoded:
            path = [p if p >= VOCAB_PREFIX_SIZE else VOCAB_PREFIX_SIZE for p in path]
            probs = [float(marginals[t, p]) for t, p in enumerate(path)]
            labels = [_tag_name(tag_vocab, p, tagset) for p in path]
            person_prob: list[float] = marginals[:, person].sum(axis=1).tolist()
            org_prob: list[float] = marginals[:, org].sum(axis=1).tolist()
            sents.append(TaggedSentence(self._spans(labels, probs), person_prob, [], org_prob))
        unsorted: list[TaggedSentence] = utils.unsort(sents, orig_idx)
        return unsorted

    def _spans(self, tags: list[str], probs: list[float]) -> list[TaggedSpan]:
        """Spans from BIOES (or BIO) tags, lenient: a B/S/I after a different type starts a span."""
        spans: list[TaggedSpan] = []
        start = -1
        kind = ""

        def close(end: int) -> None:
            label = self._label_map.get(kind, kind)
            if label in LABELS:
                conf = sum(probs[start : end + 1]) / (end + 1 - start)
                spans.append(TaggedSpan(start, end, label, round(min(1.0, max(0.0, conf)), 4)))

        for t, tag in enumerate(tags):
            prefix, _, typ = tag.partition("-")
            if prefix in ("B", "S") or (prefix in ("I", "E") and typ != kind) or prefix not in "BIES":
                if kind:
                    close(t - 1)
                    kind = ""
                if prefix in ("B", "S", "I", "E") and typ:
                    start, kind = t, typ
            if kind and prefix in ("S", "E"):
                close(t)
                kind = ""
        if kind:
            close(len(tags) - 1)
        return spans


@lru_cache(maxsize=1)  # one class, made on first use (stanza is imported lazily)
def _forms_loader() -> Any:
    """Stanza's NER ``DataLoader`` (the same batches, sorted and padded as Stanza's pipeline
    has them) over lists of word forms instead of a ``Document``, which it would only read the
    forms back out of. A model without character LMs gets no character-LM inputs: Stanza's
    loader builds them for every model, and that model never reads them."""
    from stanza.models.ner.data import DataLoader

    class FormsLoader(DataLoader):  # type: ignore[misc]
        def _load_doc(self, doc: list[list[str]], scheme: Any) -> list[list[list[Any]]]:
            return [[[form, (None,)] for form in sentence] for sentence in doc]

        def process_chars(self, sents: list[Any]) -> tuple[list[Any], ...]:
            if self.args.get("charlm"):
                return tuple(super().process_chars(sents))
            n = len(sents)
            return [[0]] * n, [[0]] * n, [[]] * n, [[]] * n, [1] * n

    return FormsLoader


def _type_indices(tag_vocab: Any, tagset: int, entity_type: str) -> list[int]:
    """Indices of the tags of one entity type (B-PER, I-PER, E-PER, S-PER) in the tag vocabulary."""
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE

    size = len(tag_vocab._id2unit[tagset]) if hasattr(tag_vocab, "_id2unit") else len(tag_vocab)
    return [
        i
        for i in range(VOCAB_PREFIX_SIZE, size)
        if _tag_name(tag_vocab, i, tagset).endswith("-" + entity_type)
    ]


@lru_cache(maxsize=1024)  # the model's few tags, asked of every token
def _tag_name(tag_vocab: Any, index: int, tagset: int) -> str:
    name = tag_vocab.unmap([[index]])[0]
    while isinstance(name, (list, tuple)):
        name = name[tagset] if len(name) > tagset else name[0]
    return str(name)


def _check_weights(weights: str) -> None:
    if weights not in WEIGHTS:
        raise ValueError(f"unknown weights {weights!r}; one of {', '.join(WEIGHTS)}")


def _packed(model: Any, weights: str) -> Any:
    """A copy of ``model`` whose LSTM and linear layers keep their weights as ``weights``
    (torch's dynamic quantisation; the original is left as it was if torch cannot)."""
    import torch

    dtype = torch.float16 if weights == "float16" else torch.qint8
    with warnings.catch_warnings():
        # torch.ao.quantization announces its move to torchao; int8 notes its rounding. Both
        # are torch's own notes, not ours to show at every model load.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        quantize: Any = torch.ao.quantization.quantize_dynamic  # untyped in torch
        return quantize(model, {torch.nn.LSTM, torch.nn.Linear}, dtype=dtype)


def _skip_the_training_loss(model: Any) -> None:
    """Stanza's NER model computes its CRF training loss on every forward pass, to return it
    with the transition scores; tagging needs only the scores (a tenth of the tagger's time
    went to the loss). Each CRF layer is replaced by one that returns its transitions and a
    zero loss. The tagger never trains the model it runs."""
    import torch

    class TransitionsOnly(torch.nn.Module):
        def __init__(self, transitions: torch.nn.Parameter) -> None:
            super().__init__()
            self._transitions = transitions

        def forward(self, inputs: Any, masks: Any, tag_indices: Any) -> tuple[Any, Any]:
            return inputs.new_zeros(()), self._transitions

    crits = getattr(model, "crits", None)
    if crits is not None:
        for i, crit in enumerate(crits):
            crits[i] = TransitionsOnly(crit._transitions)


def _decode_batch(scores: Any, lengths: list[int], transitions: Any) -> list[tuple[list[int], Any]]:
    """Per sentence of a padded batch (``scores``: sentences x tokens x tags): the best tag path
    of the linear-chain CRF (Viterbi, in log space as Stanza's ``viterbi_decode``) and the
    per-token tag marginals (forward-backward, no start/end scores), for the whole batch one
    token position at a time.

    The forward-backward runs in probability space, each step rescaled to sum to one: a matrix
    product per position instead of a log-sum-exp over every pair of tags. Emissions are
    divided by their largest value per token and transitions by theirs, which the rescaling
    cancels, so nothing overflows."""
    import numpy as np

    b, n, k = scores.shape
    trellis = np.empty((b, n, k))
    back = np.zeros((b, n, k), dtype=np.int64)
    trellis[:, 0] = scores[:, 0]
    for t in range(1, n):
        v = trellis[:, t - 1, :, None] + transitions[None]
        back[:, t] = best = np.argmax(v, axis=1)
        trellis[:, t] = scores[:, t] + np.take_along_axis(v, best[:, None, :], axis=1)[:, 0]

    emit = np.exp(scores - scores.max(axis=2, keepdims=True))
    moves = np.exp(transitions - transitions.max())
    alpha = np.empty((b, n, k))
    alpha[:, 0] = emit[:, 0] / emit[:, 0].sum(axis=1, keepdims=True)
    for t in range(1, n):
        forward = (alpha[:, t - 1] @ moves) * emit[:, t]
        alpha[:, t] = forward / forward.sum(axis=1, keepdims=True)
    beta = np.ones((b, n, k))
    going_on = np.asarray(lengths)[:, None]
    for t in range(n - 2, -1, -1):
        after = (emit[:, t + 1] * beta[:, t + 1]) @ moves.T
        beta[:, t] = np.where(t + 1 < going_on, after / after.sum(axis=1, keepdims=True), 1.0)
    posterior = alpha * beta
    posterior /= posterior.sum(axis=2, keepdims=True)

    out = []
    for i, length in enumerate(lengths):
        path = [int(np.argmax(trellis[i, length - 1]))]
        for t in range(length - 1, 0, -1):
            path.append(int(back[i, t, path[-1]]))
        out.append((path[::-1], posterior[i, :length]))
    return out


def _load_trainer(model_path: Path, pretrain_path: Path, extra: dict[str, Any] | None = None) -> Any:
    from stanza.models.common.pretrain import Pretrain
    from stanza.models.ner.trainer import Trainer

    pretrain = Pretrain(str(pretrain_path), save_to_file=False)
    return Trainer(args=extra or {}, model_file=str(model_path), pretrain=pretrain, device="cpu")


def load_official(resources_dir: Path | None = None, weights: str = DEFAULT_WEIGHTS) -> StanzaTagger:
    """The official Stanza Arabic NER model from ``resources_dir`` (default ``$STANZA_RESOURCES_DIR``).

    Never downloads. Raises :class:`ModelNotFoundError` naming the directory and the missing
    files when they are not there.
    """
    if resources_dir is None:
        env = os.environ.get("STANZA_RESOURCES_DIR")
        resources_dir = Path(env) if env else Path.home() / "stanza_resources"
    _check_weights(weights)
    resources_dir = Path(resources_dir)
    needed = [OFFICIAL_NER, OFFICIAL_PRETRAIN, *OFFICIAL_CHARLM]
    missing = _missing(resources_dir, needed)
    if missing:
        raise _not_found(
            resources_dir,
            missing,
            "Copy the official Stanza Arabic models there (stanza.download('ar') on a machine with "
            "access to the Stanza model hub), or use the project's own model (unset AKG_NER_MODEL).",
        )
    extra = {
        "charlm_forward_file": str(resources_dir / OFFICIAL_CHARLM[0]),
        "charlm_backward_file": str(resources_dir / OFFICIAL_CHARLM[1]),
    }
    trainer = _load_trainer(resources_dir / OFFICIAL_NER, resources_dir / OFFICIAL_PRETRAIN, extra)
    return StanzaTagger(trainer, label_map={"PER": "PER", "ORG": "ORG", "LOC": "LOC"}, weights=weights)
