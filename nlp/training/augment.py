"""Name-swap augmentation: training copies of documents with other names in the same places.

The model's weak side on news it never read is recall of names it never saw. A copy of a
sentence whose names are replaced by other names of the same type (drawn from the whole
training split) keeps the context (قال, وزير الخارجية, في مدينة) and changes the name, so the
tagger cannot lean on having memorised the name and must read the context and the letters.

Clitics: a name written with a proclitic and the article (بالقاهرة, والجيش, للأمم) keeps the
proclitic, put in front of the new name (ب + الرياض -> بالرياض, ل + الاتحاد -> للاتحاد). A
name whose first word begins with a letter that may be a proclitic but is not followed by the
article (بغداد, وليد, لندن) is left as it is, and never taken into the pool, since the letter
cannot be told from the name.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from nlp.training.corpora import Document, Sentence

_PROCLITIC_LETTERS = frozenset("وفبلك")
_PROCLITICS_BEFORE_ARTICLE = ("وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل")


@dataclass(frozen=True)
class _Mention:
    """A name's tokens with its proclitic (if any) taken off the first one."""

    clitic: str
    tokens: tuple[str, ...]


def _split_clitic(tokens: tuple[str, ...]) -> _Mention | None:
    """``("بالقاهرة",)`` -> ``ب`` + ``("القاهرة",)``; None where the first letter may or may
    not be a proclitic (بغداد)."""
    first = tokens[0]
    for prefix in _PROCLITICS_BEFORE_ARTICLE:
        if first.startswith(prefix) and len(first) > len(prefix) + 1:
            if prefix.endswith("لل"):  # ل + ال written لل
                return _Mention(prefix[:-1], ("ال" + first[len(prefix) :], *tokens[1:]))
            return _Mention(prefix[:-2], (first[len(prefix) - 2 :], *tokens[1:]))
    if first[:1] in _PROCLITIC_LETTERS:
        return None
    return _Mention("", tokens)


def _with_clitic(clitic: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
    if not clitic:
        return tokens
    first = tokens[0]
    # ل + الرياض -> للرياض
    first = clitic + first[1:] if clitic.endswith("ل") and first.startswith("ال") else clitic + first
    return (first, *tokens[1:])


def _mentions(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, type) of each IOB2 span of a sentence."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, (_, tag) in enumerate([*sentence, ("", "O")]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            spans.append((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return spans


def name_pool(docs: list[Document]) -> dict[str, list[tuple[str, ...]]]:
    """Every name occurrence of each type in ``docs`` (without its proclitic), in corpus
    order: a name is drawn as often as it is written, so the lengths and kinds of names drawn
    are those of the corpus."""
    pool: dict[str, list[tuple[str, ...]]] = {}
    for doc in docs:
        for sentence in doc.sentences:
            for start, end, kind in _mentions(sentence):
                mention = _split_clitic(tuple(tok for tok, _ in sentence[start:end]))
                if mention is not None:
                    pool.setdefault(kind, []).append(mention.tokens)
    return pool


def swap_names(sentence: Sentence, pool: dict[str, list[tuple[str, ...]]], rng: random.Random) -> Sentence:
    """The sentence with each name replaced by a random name of its type from ``pool``."""
    out: Sentence = []
    at = 0
    for start, end, kind in _mentions(sentence):
        out.extend(sentence[at:start])
        at = end
        mention = _split_clitic(tuple(tok for tok, _ in sentence[start:end]))
        if mention is None or not pool.get(kind):
            out.extend(sentence[start:end])
            continue
        tokens = _with_clitic(mention.clitic, rng.choice(pool[kind]))
        out.extend((tok, ("B-" if i == 0 else "I-") + kind) for i, tok in enumerate(tokens))
    out.extend(sentence[at:])
    return out


def with_swapped_copies(
    docs: list[Document], copies: dict[str, int], pool: dict[str, list[tuple[str, ...]]], seed: int
) -> list[Document]:
    """``docs`` plus, for each document of a corpus named in ``copies``, that many copies with
    their names swapped (a seeded generator: the same copies every run)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible augmentation, not security
    extra = [
        Document(d.corpus, f"{d.name}#swap{n}", [swap_names(s, pool, rng) for s in d.sentences])
        for d in docs
        for n in range(copies.get(d.corpus, 0))
    ]
    return docs + extra
