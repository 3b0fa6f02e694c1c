"""Training data preparation: corpus readers, the split by document, oversampling, scoring.

The corpus files here are tiny ones written for the tests, in each corpus's format (with its
quirks); the sentences are our own."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from nlp.training.corpora import (
    Document,
    InlineTagError,
    parse_inline,
    read_aqmar,
    read_newsfane,
    read_wojood,
    read_written_news,
    spans_of,
)
from nlp.training.train import oversample, parse_corpora, parse_factors, prf, split_documents

LRM = "\u200e"


def _fane_file(root: Path, rows: list[tuple[str, str] | None]) -> None:
    """A NewsFANE file: BOM, CRLF, U+200E before each Arabic token, a tab line ends a sentence."""
    lines = ["\t" if row is None else f"{LRM}{row[0]}\t{row[1]}" for row in rows]
    (root / "newsfane").mkdir(parents=True)
    path = root / "newsfane" / "NewsFANE_Gold_test.txt"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))


def test_fane_quirks_are_undone_and_clitics_rejoined(tmp_path: Path) -> None:
    _fane_file(
        tmp_path,
        [
            ("و", "O"),
            ("قال", "O"),
            ("الرئيس", "O"),
            ("سمير", "B-Politician"),
            ("ناصر", "I-Politician"),
            ("ل", "O"),
            ("منتخب", "O"),
            ("نا", "O"),
            ("في", "O"),
            ("ب", "O"),
            ("الرباط", "B-Population-Center"),
            ("ان", "O"),
            ("العرب", "B-Group"),
            ("يدعمون", "O"),
            ("ه", "O"),
            None,
            ("ا", "O"),
            ("ف", "O"),
            ("ب", "O"),
            None,
        ],
    )
    [doc] = list(read_newsfane(tmp_path))
    first, second = doc.sentences
    assert [t for t, _ in first] == [
        "وقال",
        "الرئيس",
        "سمير",
        "ناصر",
        "لمنتخبنا",
        "في",
        "بالرباط",
        "ان",
        "العرب",
        "يدعمونه",
    ]
    assert spans_of([g for _, g in first]) == [(2, 3, "PER"), (6, 6, "LOC")]  # a Group is no person
    assert [t for t, _ in second] == ["ا", "ف", "ب"]  # a letter abbreviation stays apart


def test_aqmar_tag_typos_are_read(tmp_path: Path) -> None:
    (tmp_path / "aqmar" / "articles").mkdir(parents=True)
    text = "كتب B-PER\nالمؤرخ I-PER\nعن O\nمجلس B-MIS-1\nالمدينة I--ORG\nفي IO\nدمشق B-LOC\n\n"
    (tmp_path / "aqmar" / "articles" / "one.txt").write_text(text, encoding="utf-8")
    [doc] = list(read_aqmar(tmp_path))
    # MIS is no kept type; a stray I--ORG starts an organisation; IO is O
    assert spans_of([g for _, g in doc.sentences[0]]) == [(0, 1, "PER"), (4, 4, "ORG"), (6, 6, "LOC")]


def test_wojood_keeps_the_outermost_kept_span(tmp_path: Path) -> None:
    (tmp_path / "wojood_sample").mkdir()
    rows = (
        "عمل B-OCC O\nمدير I-OCC O\nشركة I-OCC B-ORG\nالنور I-OCC I-ORG\n$#$ O O\nفي O O\nنابلس B-GPE O\n\n"
    )
    (tmp_path / "wojood_sample" / "train.txt").write_text(rows, encoding="utf-8")
    for name in ("val", "test"):
        (tmp_path / "wojood_sample" / f"{name}.txt").write_text("", encoding="utf-8")
    [doc] = list(read_wojood(tmp_path))
    tokens = [t for t, _ in doc.sentences[0]]
    assert "$#$" not in tokens
    assert spans_of([g for _, g in doc.sentences[0]]) == [(2, 3, "ORG"), (5, 5, "LOC")]


def _docs(corpus: str, n: int) -> list[Document]:
    return [Document(corpus, f"{corpus}{i}", [[(f"w{i}", "O")]]) for i in range(n)]


def test_the_split_is_by_document_per_corpus_and_seeded() -> None:
    docs = _docs("aqmar", 30) + _docs("newsfane", 50)
    splits = split_documents(docs)
    names = [{d.name for d in splits[s]} for s in ("train", "dev", "test")]
    assert sum(map(len, names)) == len(docs)
    assert not (names[0] & names[1])
    assert not (names[0] & names[2])
    assert not (names[1] & names[2])
    for split in ("train", "dev", "test"):
        assert {d.corpus for d in splits[split]} == {"aqmar", "newsfane"}
    assert split_documents(docs) == splits


def test_a_corpus_named_after_the_others_leaves_their_split_as_it_was() -> None:
    shared = _docs("aqmar", 30) + _docs("wojood", 40)
    before = split_documents(shared)
    after = split_documents(shared + _docs("written_news", 20))
    for split in ("train", "dev", "test"):
        assert [d for d in after[split] if d.corpus != "written_news"] == before[split]


def test_written_news_labels_whole_tokens_with_their_clitics(tmp_path: Path) -> None:
    (tmp_path / "a01.txt").write_text(
        "عنوان عن <LOC>حلب</LOC>\n\n"
        "<LOC>حلب</LOC> - قال المدير <PER>سامر نعيم</PER> إن و<ORG>الهلال الأحمر</ORG> "
        "وصل إلى <FAC>مطار حلب الدولي</FAC> مع <PER>نور</PER> و<PER>كريم</PER>.",
        encoding="utf-8",
    )
    [doc] = list(read_written_news(tmp_path, tmp_path))
    assert doc.corpus == "written_news"
    assert doc.name == "a01"
    headline, body = doc.sentences
    assert headline[-1] == ("حلب", "B-LOC")
    tags = dict(body)
    assert (tags["سامر"], tags["نعيم"]) == ("B-PER", "I-PER")
    assert (tags["والهلال"], tags["الاحمر"]) == ("B-ORG", "I-ORG")  # the model's letter forms
    assert [t for _, t in body[-5:-1]] == ["I-FAC", "O", "B-PER", "B-PER"]  # two spans, two names
    assert tags["قال"] == "O"


@pytest.mark.parametrize(
    "marked", ["<PER>سامر <ORG>نعيم</ORG></PER>", "<PER>سامر", "سامر</PER>", "<PER></PER>", "<LOC>حلب</PER>"]
)
def test_unbalanced_inline_tags_are_refused(marked: str) -> None:
    with pytest.raises(InlineTagError):
        parse_inline(marked)


def test_the_bundled_written_news_parses() -> None:
    docs = list(read_written_news(Path(".")))
    assert len(docs) >= 80
    labels = {tag[2:] for d in docs for s in d.sentences for _, tag in s if tag != "O"}
    assert labels == {"PER", "ORG", "LOC", "FAC"}


def test_corpora_names_are_checked() -> None:
    assert parse_corpora("newsfane, written_news") == ("newsfane", "written_news")
    with pytest.raises(argparse.ArgumentTypeError):
        parse_corpora("newsfane,news")


def test_oversampling_repeats_one_corpus() -> None:
    docs = _docs("aqmar", 2) + _docs("newsfane", 3)
    out = oversample(docs, parse_factors("newsfane=3"))
    assert [d.corpus for d in out].count("newsfane") == 9
    assert [d.corpus for d in out].count("aqmar") == 2
    assert oversample(docs, {}) == docs


@pytest.mark.parametrize("text", ["news=3", "newsfane", "newsfane=0", "newsfane=x"])
def test_bad_oversampling_factors_are_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_factors(text)


def test_scores_are_exact_span_matches() -> None:
    gold = [{(0, 0, 1, "PER"), (0, 3, 3, "LOC")}]
    pred = [{(0, 0, 0, "PER"), (0, 3, 3, "LOC")}]  # a person cut short is a miss and a false alarm
    scores = prf(gold, pred)
    assert scores["PER"]["f1"] == 0.0
    assert scores["LOC"]["f1"] == 1.0
    assert scores["micro"]["precision"] == 0.5
    assert scores["micro"]["recall"] == 0.5


def test_going_on_at_another_learning_rate_changes_only_the_saved_rate(tmp_path: Path) -> None:
    import torch

    from nlp.training.train import with_learning_rate

    model = tmp_path / "ner.pt"
    torch.save({"model": {"w": torch.ones(2)}, "config": {"lr": 0.05, "optim": "sgd"}}, model)
    assert with_learning_rate(model, None, tmp_path) == model
    copy = with_learning_rate(model, 0.02, tmp_path)
    saved = torch.load(copy, weights_only=False)
    assert saved["config"] == {"lr": 0.02, "optim": "sgd"}
    assert torch.equal(saved["model"]["w"], torch.ones(2))
    assert torch.load(model, weights_only=False)["config"]["lr"] == 0.05
