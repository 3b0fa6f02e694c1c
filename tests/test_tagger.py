"""The committed NER model: loading, tagging a few hand-written news-like sentences, errors."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from nlp.recognition.errors import ModelNotFoundError
from nlp.recognition.tagger import DEFAULT_MODEL_DIR, StanzaTagger, TaggedSpan, load_official
from nlp.tokenize import sentences
from nlp.types import Token

# Written for these tests (not taken from any article).
TEXT = (
    "قال الرئيس الأمريكي جو بايدن في واشنطن إن بلاده ستواصل دعم أوكرانيا. "
    "واستقبل الرئيس الفرنسي إيمانويل ماكرون في باريس وفدا من الأمم المتحدة. "
    "وأعلنت وزارة الدفاع الروسية أن طائرات حربية أقلعت من قاعدة حميميم في سوريا. "
    "وذكرت وكالة رويترز أن منظمة الصحة العالمية حذرت من انتشار المرض في القاهرة."
)


@pytest.fixture(scope="module")
def tagger() -> StanzaTagger:
    return StanzaTagger.load(DEFAULT_MODEL_DIR)


@pytest.fixture(scope="module")
def tagged(tagger: StanzaTagger) -> list[tuple[list[Token], list[TaggedSpan]]]:
    sents = sentences(TEXT)
    return list(zip(sents, tagger.tag(sents), strict=True))


def _labels_of(tagged: list[tuple[list[Token], list[TaggedSpan]]], word: str) -> set[str]:
    """Labels of every span that contains a token whose surface contains ``word``."""
    found: set[str] = set()
    for toks, spans in tagged:
        for sp in spans:
            if any(word in t.text for t in toks[sp.first : sp.last + 1]):
                found.add(sp.label)
    return found


def test_sentences_and_spans_are_well_formed(tagged: list[tuple[list[Token], list[TaggedSpan]]]) -> None:
    assert len(tagged) == 4
    for toks, spans in tagged:
        for sp in spans:
            assert 0 <= sp.first <= sp.last < len(toks)
            assert sp.label in {"PER", "ORG", "LOC", "FAC"}
            assert 0.0 <= sp.confidence <= 1.0


@pytest.mark.parametrize(
    ("word", "label"),
    [
        ("ماكرون", "PER"),
        ("واشنطن", "LOC"),
        ("باريس", "LOC"),
        ("القاهرة", "LOC"),
        ("سوريا", "LOC"),
        ("الصحة", "ORG"),
    ],
)
def test_well_known_entities(
    tagged: list[tuple[list[Token], list[TaggedSpan]]], word: str, label: str
) -> None:
    assert label in _labels_of(tagged, word)


def test_empty_input(tagger: StanzaTagger) -> None:
    assert tagger.tag([]) == []
    assert tagger.tag([[]]) == [[]]


def test_missing_files_error_names_them(tmp_path: Path) -> None:
    (tmp_path / "pretrain.pt").write_bytes(b"")
    start = time.perf_counter()
    with pytest.raises(ModelNotFoundError) as err:
        StanzaTagger.load(tmp_path)
    assert time.perf_counter() - start < 1.0
    message = str(err.value)
    assert str(tmp_path) in message
    assert "ner.pt" in message
    assert "pretrain.pt" not in message.split("missing", 1)[1].split(".", 1)[0]
    assert "nlp.training.train" in message
    assert isinstance(err.value, RuntimeError)


def test_missing_official_models(tmp_path: Path) -> None:
    start = time.perf_counter()
    with pytest.raises(ModelNotFoundError) as err:
        load_official(tmp_path)
    assert time.perf_counter() - start < 1.0
    assert str(tmp_path) in str(err.value)
    assert "aqmar_charlm.pt" in str(err.value)


def test_official_file_layout_follows_stanzas_own_package_tables() -> None:
    import stanza.resources.default_packages as packages

    from nlp.recognition.tagger import OFFICIAL_CHARLM, OFFICIAL_NER, OFFICIAL_PRETRAIN

    ner = packages.default_ners["ar"]  # aqmar_charlm
    assert Path("ar") / "ner" / f"{ner}.pt" == OFFICIAL_NER
    dataset = ner.split("_")[0]
    assert Path("ar") / "pretrain" / f"{packages.ner_pretrains['ar'][dataset]}.pt" == OFFICIAL_PRETRAIN
    charlm = (packages.ner_charlms.get("ar") or {}).get(dataset) or packages.default_charlms["ar"]
    assert (
        Path("ar") / "forward_charlm" / f"{charlm}.pt",
        Path("ar") / "backward_charlm" / f"{charlm}.pt",
    ) == OFFICIAL_CHARLM


def test_half_a_character_lm_pair_is_named_as_missing(tmp_path: Path) -> None:
    # A model trained with character LMs needs both beside it: one alone is an error at once.
    for name in ("ner.pt", "pretrain.pt", "forward_charlm.pt"):
        (tmp_path / name).write_bytes(b"")
    start = time.perf_counter()
    with pytest.raises(ModelNotFoundError) as err:
        StanzaTagger.load(tmp_path)
    assert time.perf_counter() - start < 1.0
    missing = str(err.value).split("missing", 1)[1].split(".", 1)[0]
    assert "backward_charlm" in missing
    assert "forward_charlm" not in missing


def test_the_batch_decoder_gives_what_each_sentence_alone_gives() -> None:
    """Viterbi paths and forward-backward marginals over a padded batch are those of Stanza's
    own ``viterbi_decode`` and the per-sentence forward-backward, sentence by sentence."""
    import numpy as np
    from stanza.models.common.crf import viterbi_decode

    from nlp.recognition.tagger import _decode_batch

    def logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
        m = np.max(x, axis=axis, keepdims=True)
        return np.squeeze(m, axis=axis) + np.log(np.sum(np.exp(x - m), axis=axis))

    def marginals_of(unary: np.ndarray, transitions: np.ndarray) -> np.ndarray:
        """One sentence's forward-backward, the plain way (no start/end scores)."""
        n, k = unary.shape
        alpha, beta = np.empty((n, k)), np.zeros((n, k))
        alpha[0] = unary[0]
        for t in range(1, n):
            alpha[t] = logsumexp(alpha[t - 1][:, None] + transitions, axis=0) + unary[t]
        for t in range(n - 2, -1, -1):
            beta[t] = logsumexp(transitions + (unary[t + 1] + beta[t + 1])[None, :], axis=1)
        return np.exp(alpha + beta - logsumexp(alpha[-1], axis=0))

    rng = np.random.default_rng(7)
    lengths = [5, 1, 9, 3, 60]
    for scale in (3.0, 40.0):  # 40: emissions far past what exp() of them could hold
        scores = rng.normal(size=(len(lengths), max(lengths), 6)) * scale
        transitions = rng.normal(size=(6, 6)) * 2
        for i, (path, marginals) in enumerate(_decode_batch(scores, lengths, transitions)):
            unary = scores[i, : lengths[i]]
            expected_path, _ = viterbi_decode(unary, transitions)
            assert path == [int(p) for p in expected_path]
            np.testing.assert_allclose(marginals, marginals_of(unary, transitions), rtol=1e-7, atol=1e-12)
            np.testing.assert_allclose(marginals.sum(axis=1), 1.0, rtol=1e-9)


def _span_bounds(tagger: StanzaTagger, sents: list[list[Token]]) -> list[list[tuple[int, int, str]]]:
    return [[(s.first, s.last, s.label) for s in spans] for spans in tagger.tag(sents)]


def test_float16_weights_give_float32s_spans(tagger: StanzaTagger) -> None:
    """The default keeps the LSTM and linear weights as float16 (packed by torch); on the
    project's sample articles every span's bounds and label are what float32 gives, and its
    confidence within a hundredth."""
    from loaders import load_path

    as_trained = StanzaTagger.load(DEFAULT_MODEL_DIR, "float32")
    assert (tagger.weights, as_trained.weights) == ("float16", "float32")
    assert "quantized" in type(tagger._trainer.model.taggerlstm.lstm).__module__
    assert "quantized" not in type(as_trained._trainer.model.taggerlstm.lstm).__module__
    docs = list(load_path(Path(__file__).resolve().parent.parent / "samples"))
    assert len(docs) >= 5
    for doc in docs:
        sents = sentences(doc.text)
        assert _span_bounds(tagger, sents) == _span_bounds(as_trained, sents)
        for half, full in zip(tagger.tag(sents), as_trained.tag(sents), strict=True):
            for a, b in zip(half, full, strict=True):
                assert abs(a.confidence - b.confidence) < 0.01


def test_int8_weights_still_find_the_well_known_entities() -> None:
    small = StanzaTagger.load(DEFAULT_MODEL_DIR, "int8")
    assert small.weights == "int8"
    assert small.weights_unavailable is None
    sents = sentences(TEXT)
    found = list(zip(sents, small.tag(sents), strict=True))
    assert "PER" in _labels_of(found, "بايدن")
    assert "LOC" in _labels_of(found, "القاهرة")
    assert "ORG" in _labels_of(found, "رويترز")


def test_weights_this_cpu_cannot_pack_fall_back_to_float32() -> None:
    """QNNPACK (torch's engine on ARM) has no float16 matrix product: the tagger runs the
    weights as trained and says why, rather than failing to load."""
    import torch

    engine = torch.backends.quantized.engine
    torch.backends.quantized.engine = "qnnpack"
    try:
        fallen = StanzaTagger.load(DEFAULT_MODEL_DIR, "float16")
    finally:
        torch.backends.quantized.engine = engine
    assert fallen.weights == "float32"
    assert fallen.weights_unavailable is not None
    assert "QNNPACK" in fallen.weights_unavailable
    sents = sentences(TEXT)
    assert "PER" in _labels_of(list(zip(sents, fallen.tag(sents), strict=True)), "ماكرون")


def test_unknown_weights_are_refused_before_loading(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="float16, float32, int8"):
        StanzaTagger.load(tmp_path, "float8")  # an empty folder: refused before files are looked for
