"""Offset-preserving tokenisation and sentence splitting.

Stanza's Arabic tokenizer is not available offline, and any tokenizer that rewrites text
loses offsets. This one never rewrites: every token is a slice ``raw[start:end]`` of the
original text, and the model sees ``model_form(token.text)``. Invisible characters
(tatweel, diacritics, zero-width, bidi marks) stay inside the token whose letters they
touch, so they never shift an offset; a run made only of them is no token at all.

Tokens: a run of letters/digits/marks (Arabic or Latin), or a single punctuation
character. Sentences end at . ! ? ؟ ؛ or a line break, and are cut at ``max_tokens``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from nlp.text import is_invisible, model_form
from nlp.types import Token

# A word: letters, digits, combining marks, plus invisible characters glued inside it.
# Apostrophes and hyphens inside Latin words stay (O'Brien, al-Asad).
_WORD = (
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+"
)
_TOKEN_RE = re.compile(rf"{_WORD}(?:['’\-]{_WORD})*|[^\s]")
_SENTENCE_END = frozenset(".!?؟؛…")

MAX_SENTENCE_TOKENS = 120


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` with exact character offsets."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.start(), m.end()
        # Trim invisible characters at the edges so that a token starts and ends on a
        # visible character; a token made only of them is dropped.
        while start < end and is_invisible(text[start]):
            start += 1
        while end > start and is_invisible(text[end - 1]):
            end -= 1
        if start == end:
            continue
        surface = text[start:end]
        form = model_form(surface)
        if not form:
            continue
        tokens.append(Token(start, end, surface, form))
    return tokens


def first_token_from(tokens: Sequence[Token], start: int) -> int:
    """The index of the first of ``tokens`` (in text order) that starts at ``start`` or after:
    a binary search."""
    return bisect_left(tokens, start, key=_token_start)


def tokens_within(tokens: Sequence[Token], start: int, end: int) -> Sequence[Token]:
    """The tokens that lie wholly inside ``[start, end)``, from ``tokens`` in text order (as
    :func:`tokenize` gives them): a binary search, so that a text's every mention costs
    little however long the text."""
    first = first_token_from(tokens, start)
    last = first
    while last < len(tokens) and tokens[last].end <= end:
        last += 1
    return tokens[first:last]


def tokens_of(tokens: Sequence[Token], start: int, end: int) -> Sequence[Token]:
    """The tokens a span ``[start, end)`` covers: those wholly inside it, and the one it starts
    in when it starts after a clitic written on a word (لـ|جامعة الدول العربية: لجامعة)."""
    first = first_token_from(tokens, start)
    if first > 0 and tokens[first - 1].end > start:
        start = tokens[first - 1].start
    return tokens_within(tokens, start, end)


def _token_start(token: Token) -> int:
    return token.start


def sentences(text: str, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[list[Token]]:
    """Tokens grouped into sentences (never empty, never longer than ``max_tokens``)."""
    return list(_split(text, tokenize(text), max_tokens))


def _split(text: str, tokens: list[Token], max_tokens: int) -> Iterator[list[Token]]:
    current: list[Token] = []
    for i, tok in enumerate(tokens):
        if current and "\n" in text[current[-1].end : tok.start]:
            yield current
            current = []
        current.append(tok)
        ends_here = tok.text in _SENTENCE_END and not _is_inside_number(tokens, i)
        if ends_here or len(current) >= max_tokens:
            yield current
            current = []
    if current:
        yield current


def _is_inside_number(tokens: list[Token], i: int) -> bool:
    """A dot between two digit tokens with no space (3.5) does not end a sentence."""
    if tokens[i].text != "." or i == 0 or i + 1 >= len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    return (
        before.end == tokens[i].start
        and after.start == tokens[i].end
        and before.text[-1:].isdigit()
        and after.text[:1].isdigit()
    )
