"""Readers for the four Arabic NER corpora under ``shared/data/ner``.

Every reader yields :class:`Document` values: a name plus a list of sentences, each a list
of ``(token, tag)`` pairs where ``token`` is already in :func:`nlp.text.model_form` (the
form the model sees at inference) and ``tag`` is a coarse IOB2 tag over
``PER ORG LOC FAC`` (or ``O``).

Quirks handled (see the data README):

* AQMAR: one file per Wikipedia article (= one document); tag typos (``B-MIS-1``,
  ``B-MISS1``, ``B-MIS1``` ``, ``I--ORG``, ``IO``/``OO``); MIS*/ENGLISH/SPANISH -> ``O``.
* NewsFANE / WikiFANE: BOM, CRLF, a U+200E before each Arabic token, sentence ends at a line
  holding only a tab; clitics split off by whitespace. Standalone proclitics (و ف ب ل ك and
  combinations such as وب ول فل, plus لل) are re-joined to the following word, and standalone
  pronoun enclitics (ه ها هم هما هن نا كم كما كن ي) to the preceding word, so that tokens look
  like the output of :func:`nlp.tokenize.sentences`. A joined token takes the tag of the word it
  joins. Fine-grained tags are mapped to coarse ones. The files have no document
  boundaries: contiguous blocks of sentences are used as pseudo-documents.
* Wojood: nested layers, one IOB2 column per layer, outermost first. Per sentence, spans of
  all layers are read; spans whose type is outside the coarse set are dropped, and then the
  outermost remaining spans win (an inner span is kept only if no kept outer span overlaps it;
  so ``[OCC سكرتير [ORG اللجنة القومية]]`` keeps the ORG). ``$#$`` (a line break marker) is
  removed. No document boundaries either: contiguous blocks of each file are pseudo-documents.

After mapping, every sentence is repaired to valid IOB2 (an ``I-X`` that does not continue an
``X`` span becomes ``B-X``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nlp import tokenize
from nlp.text import ARABIC_LETTER_RE, model_form

LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "FAC")

Sentence = list[tuple[str, str]]


@dataclass(frozen=True)
class Document:
    """A unit for splitting: ``corpus`` name, ``name`` within it, sentences of (token, tag)."""

    corpus: str
    name: str
    sentences: list[Sentence]

    @property
    def n_tokens(self) -> int:
        """Number of tokens in the document."""
        return sum(len(s) for s in self.sentences)


# ---------------------------------------------------------------------------------------------
# Tag mapping

FANE_COARSE: dict[str, str] = {
    **dict.fromkeys(
        [
            "Politician",
            "Athlete",
            "Artist",
            "Scientist",
            "Businessperson",
            "Police",
            "Religious_PER",
            "Engineer",
            "Lawyer",
            "Other_PER",
        ],
        "PER",
    ),
    **dict.fromkeys(
        [
            "Government",
            "Non-Governmental",
            "Commercial",
            "Educational",
            "Media",
            "Religious_ORG",
            "Sports",
            "Medical-Science",
            "Entertainment",
        ],
        "ORG",
    ),
    **dict.fromkeys(
        [
            "Nation",
            "Population-Center",
            "State-or-Province",
            "County-or-District",
            "GPE-Cluster",
            "Continent",
            "Water-Body",
            "Land-Region-Natural",
            "Celestial",
        ],
        "LOC",
    ),
    **dict.fromkeys(["Building-Grounds", "Airport", "Subarea-Facility", "Path", "Plant"], "FAC"),
}
"""FANE fine type -> coarse type (GPE and LOC both -> LOC); anything absent -> O."""

WOJOOD_COARSE: dict[str, str] = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "FAC"}
"""Wojood type -> coarse type; the other 16 types -> O."""

AQMAR_COARSE: dict[str, str] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}


def map_tag(tag: str, table: dict[str, str]) -> str:
    """Map ``B-fine``/``I-fine`` through ``table``; unknown types and malformed tags give ``O``."""
    tag = tag.strip()
    m = re.fullmatch(r"([BI])-+(.+)", tag)
    if not m:
        return "O"
    coarse = table.get(m.group(2))
    return f"{m.group(1)}-{coarse}" if coarse else "O"


def repair_iob(tags: list[str]) -> list[str]:
    """Make a tag sequence valid IOB2: an ``I-X`` not continuing an ``X`` span becomes ``B-X``."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans ``(first, last, type)`` (inclusive) of an IOB2 sequence; stray I- starts a span."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if kind and not (tag.startswith("I-") and tag[2:] == kind):
            spans.append((start, i - 1, kind))
            kind = ""
        if tag.startswith("B-") or (tag.startswith("I-") and not kind):
            start, kind = i, tag[2:]
    return spans


def _clean_sentence(pairs: list[tuple[str, str]]) -> Sentence:
    """Apply ``model_form`` to tokens, drop tokens that become empty, repair IOB."""
    kept = [(model_form(tok), tag) for tok, tag in pairs]
    kept = [(tok, tag) for tok, tag in kept if tok and not tok.isspace()]
    tags = repair_iob([tag for _, tag in kept])
    return [(tok, tag) for (tok, _), tag in zip(kept, tags, strict=True)]


def _blocks(corpus: str, sentences: list[Sentence], block: int, prefix: str = "") -> Iterator[Document]:
    """Cut a sentence stream into contiguous pseudo-documents of ``block`` sentences."""
    for n, i in enumerate(range(0, len(sentences), block)):
        yield Document(corpus, f"{prefix}block{n:04d}", sentences[i : i + block])


# ---------------------------------------------------------------------------------------------
# AQMAR

_AQMAR_FIX = {
    "B-MIS-1": "B-MIS1",
    "B-MIS-2": "B-MIS2",
    "B-MISS1": "B-MIS1",
    "B-MIS1`": "B-MIS1",
    "IO": "O",
    "OO": "O",
    "I--ORG": "I-ORG",
}


def read_aqmar(root: Path) -> Iterator[Document]:
    """AQMAR articles (``aqmar/articles/*.txt``), one document per article."""
    for path in sorted((root / "aqmar" / "articles").glob("*.txt")):
        sentences: list[Sentence] = []
        current: list[tuple[str, str]] = []
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            parts = line.split()
            if not parts:
                if current:
                    sentences.append(_clean_sentence(current))
                    current = []
                continue
            tok, tag = parts[0], parts[-1] if len(parts) > 1 else "O"
            tag = _AQMAR_FIX.get(tag, tag)
            current.append((tok, map_tag(tag, AQMAR_COARSE)))
        if current:
            sentences.append(_clean_sentence(current))
        sentences = [s for s in sentences if s]
        if sentences:
            yield Document("aqmar", path.stem, sentences)


# ---------------------------------------------------------------------------------------------
# FANE

PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل", "فلل"})
"""Standalone tokens re-joined to the following word."""
ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "كم", "كما", "كن", "ي"})
"""Standalone pronoun suffixes re-joined to the preceding word."""


def _is_word(tok: str) -> bool:
    return len(tok) >= 2 and ARABIC_LETTER_RE.match(tok) is not None


def rejoin_clitics(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Re-join whitespace-split clitics (FANE) to their host word.

    Enclitics first (left to right, to the preceding Arabic word; kept apart when tagged
    ``B-``), then proclitics (right to left, to the following Arabic word of two letters or
    more, so chains like ``و ب الرباط`` become ``وبالرباط`` while letter abbreviations such as
    ``ا ف ب`` stay apart). The joined token takes the tag of its host word. Tags are the
    fine-grained FANE tags (the function is tag-agnostic).
    """
    out: list[tuple[str, str]] = []
    for tok, tag in pairs:
        if (
            tok in ENCLITICS
            and out
            and _is_word(out[-1][0])
            and out[-1][0] not in PROCLITICS
            and not tag.startswith("B-")
        ):
            prev_tok, prev_tag = out[-1]
            out[-1] = (prev_tok + tok, prev_tag)
        else:
            out.append((tok, tag))
    joined: list[tuple[str, str]] = []
    for tok, tag in reversed(out):
        if tok in PROCLITICS and joined and _is_word(joined[-1][0]) and not tag.startswith("B-"):
            next_tok, next_tag = joined[-1]
            joined[-1] = (tok + next_tok, next_tag)
        else:
            joined.append((tok, tag))
    joined.reverse()
    return joined


def _read_fane_sentences(path: Path) -> list[Sentence]:
    """Sentences of a FANE file with clitics re-joined and coarse tags."""
    sentences: list[Sentence] = []
    current: list[tuple[str, str]] = []
    text = path.read_text(encoding="utf-8-sig")
    for line in text.split("\n"):
        line = line.rstrip("\r")
        parts = line.split("\t")
        tok = parts[0].replace("\u200e", "").strip()
        if not tok:  # a line holding only a tab (or nothing): sentence end
            if current:
                sentences.append(current)
                current = []
            continue
        tag = parts[1].strip() if len(parts) > 1 else "O"
        current.append((tok, tag))
    if current:
        sentences.append(current)
    out: list[Sentence] = []
    for sent in sentences:
        pairs = [(tok, map_tag(tag, FANE_COARSE)) for tok, tag in rejoin_clitics(sent)]
        cleaned = _clean_sentence(pairs)
        if cleaned:
            out.append(cleaned)
    return out


FANE_BLOCK = 40
"""Sentences per FANE pseudo-document (the files have no document boundaries)."""


def read_newsfane(root: Path, block: int = FANE_BLOCK) -> Iterator[Document]:
    """NewsFANE Gold as contiguous pseudo-documents of ``block`` sentences."""
    path = next((root / "newsfane").glob("NewsFANE*.txt"))
    yield from _blocks("newsfane", _read_fane_sentences(path), block)


def read_wikifane(root: Path, block: int = FANE_BLOCK) -> Iterator[Document]:
    """WikiFANE Gold as contiguous pseudo-documents of ``block`` sentences."""
    path = next((root / "wikifane").glob("WikiFANE*.txt"))
    yield from _blocks("wikifane", _read_fane_sentences(path), block)


# ---------------------------------------------------------------------------------------------
# Wojood

LINE_BREAK = "$#$"


def outermost_kept(layers: list[list[str]], table: dict[str, str]) -> list[str]:
    """One coarse IOB2 sequence from nested layers (outermost first) of raw tags.

    Spans are read per layer and mapped with ``table``; unmapped spans are dropped; then spans
    are taken outermost-first (layer order, then longer first), skipping any that overlaps one
    already taken.
    """
    n = len(layers[0]) if layers else 0
    candidates: list[tuple[int, int, int, str]] = []
    for depth, layer in enumerate(layers):
        for first, last, kind in spans_of(layer):
            coarse = table.get(kind)
            if coarse:
                candidates.append((depth, -(last - first), first, coarse))
    taken = [False] * n
    tags = ["O"] * n
    for _depth, neg_len, first, coarse in sorted(candidates):
        last = first - neg_len
        if any(taken[first : last + 1]):
            continue
        for i in range(first, last + 1):
            taken[i] = True
            tags[i] = ("B-" if i == first else "I-") + coarse
    return tags


def _wojood_sentence(rows: list[list[str]]) -> Sentence:
    rows = [r for r in rows if r[0] != LINE_BREAK]
    if not rows:
        return []
    depth = max(len(r) - 1 for r in rows)
    layers = [[r[1 + d] if len(r) > 1 + d else "O" for r in rows] for d in range(depth)]
    layers = [[t if re.fullmatch(r"[BI]-\S+", t) else "O" for t in layer] for layer in layers]
    tags = outermost_kept(layers, WOJOOD_COARSE) if layers else ["O"] * len(rows)
    return _clean_sentence([(r[0], t) for r, t in zip(rows, tags, strict=True)])


WOJOOD_BLOCK = 20


def read_wojood(root: Path, block: int = WOJOOD_BLOCK) -> Iterator[Document]:
    """Wojood sample (train/val/test files) as contiguous pseudo-documents of ``block`` sentences."""
    for name in ("train", "val", "test"):
        path = root / "wojood_sample" / f"{name}.txt"
        sentences: list[Sentence] = []
        rows: list[list[str]] = []
        for line in [*path.read_text(encoding="utf-8-sig").splitlines(), ""]:
            parts = line.split()
            if not parts:
                if rows:
                    sent = _wojood_sentence(rows)
                    if sent:
                        sentences.append(sent)
                    rows = []
                continue
            rows.append(parts)
        yield from _blocks("wojood", sentences, block, prefix=f"{name}-")


# ---------------------------------------------------------------------------------------------
# News written for this project

WRITTEN_NEWS_DIR = Path(__file__).parent / "written_news"
_INLINE_TAG_RE = re.compile(r"<(/?)(" + "|".join(LABELS) + r")>")


class InlineTagError(ValueError):
    """An article's inline tags are unbalanced or nested."""


def parse_inline(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``marked`` without its ``<PER>...</PER>`` tags, and each tagged span as
    ``(start, end, label)`` in the text without tags."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    open_label: str | None = None
    open_at = 0
    length = 0
    last = 0
    for m in _INLINE_TAG_RE.finditer(marked):
        parts.append(marked[last : m.start()])
        length += m.start() - last
        last = m.end()
        closing, label = m.group(1) == "/", m.group(2)
        if not closing and open_label is None:
            open_label, open_at = label, length
        elif closing and open_label == label and length > open_at:
            spans.append((open_at, length, label))
            open_label = None
        else:
            raise InlineTagError(f"tag {m.group(0)} at character {m.start()} does not balance")
    if open_label is not None:
        raise InlineTagError(f"<{open_label}> at character {open_at} is never closed")
    parts.append(marked[last:])
    return "".join(parts), spans


def read_written_news(root: Path, folder: Path = WRITTEN_NEWS_DIR) -> Iterator[Document]:
    """The news articles written and annotated for this project (``written_news/*.txt``, one
    article a document; ``root`` is not read: the articles live in the repository).

    Each article is tokenised by :func:`nlp.tokenize.sentences`, the tokeniser the service
    runs, and a token takes the label of the tagged span it overlaps, so that a clitic
    written outside a tag (و<LOC>بغداد</LOC>) still gives the token وبغداد its label.
    """
    for path in sorted(folder.glob("*.txt")):
        text, spans = parse_inline(path.read_text(encoding="utf-8"))
        document: list[Sentence] = []
        for sentence in tokenize.sentences(text):
            pairs: list[tuple[str, str]] = []
            previous: tuple[int, int, str] | None = None
            for token in sentence:
                span = next((s for s in spans if s[0] < token.end and token.start < s[1]), None)
                if span is None:
                    pairs.append((token.text, "O"))
                else:
                    pairs.append((token.text, ("I-" if span == previous else "B-") + span[2]))
                previous = span
            document.append(_clean_sentence(pairs))
        yield Document("written_news", path.stem, [s for s in document if s])


READERS = {
    "aqmar": read_aqmar,
    "newsfane": read_newsfane,
    "wikifane": read_wikifane,
    "wojood": read_wojood,
    # Sorts after the others: the split's shuffle runs corpus by corpus in name order, so a
    # corpus named later leaves the shared corpora's splits as they were.
    "written_news": read_written_news,
}


SHARED_CORPORA: tuple[str, ...] = ("aqmar", "newsfane", "wikifane", "wojood")
"""The corpora of shared/data/ner: the default training data, and what the held-out scores read.
The news written for this project is read only where a run names it."""


def read_all(root: Path, corpora: tuple[str, ...] = SHARED_CORPORA) -> list[Document]:
    """All documents of the named corpora (by default the shared ones), in a fixed order."""
    docs: list[Document] = []
    for name in corpora:
        docs.extend(READERS[name](root))
    return docs
