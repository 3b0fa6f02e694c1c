"""``akg evaluate --conll``: a news NER set in CoNLL format, read and scored through the
whole recogniser (the code behind ``POST /analyze``). The sentences are written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli import main
from service.evaluation import conll_news_scores, read_conll_news
from service.settings import Settings

# Two sentences, IOB2, clitics attached to their word as in ANERcorp.
NEWS = """\
-DOCSTART-\tO

# a comment line
بغداد\tB-LOC
-\tO
أعلن\tO
رئيس\tO
الوزراء\tO
العراقي\tO
محمد\tB-PERS
شياع\tI-PERS
السوداني\tI-PERS
أن\tO
وفدا\tO
من\tO
شركة\tO
أرامكو\tB-ORG
السعودية\tI-ORG
سيزور\tO
وبغداد\tB-LOC
الأسبوع\tO
المقبل\tO
.\tO

وقال\tO
السوداني\tB-PERS
إن\tO
المحادثات\tO
مع\tO
صندوق\tB-ORG
النقد\tI-ORG
الدولي\tI-ORG
ستتواصل\tO
في\tO
واشنطن\tB-GPE
خلال\tO
الصيف\tO
.\tO
"""


def test_reader_maps_types_repairs_iob_and_keeps_tokens_as_written(tmp_path: Path) -> None:
    path = tmp_path / "news.conll"
    path.write_text(NEWS, encoding="utf-8")
    [text] = read_conll_news(path)
    assert len(text) == 2
    first, second = text
    assert ("محمد", "B-PER") in first
    assert ("وبغداد", "B-LOC") in first
    assert ("أرامكو", "B-ORG") in first  # the hamza is kept: the recogniser reads real text
    assert ("واشنطن", "B-LOC") in second  # GPE is a location
    assert all(token != "-DOCSTART-" and not token.startswith("#") for token, _ in first)


def test_reader_cuts_a_file_without_blank_lines_at_sentence_ends(tmp_path: Path) -> None:
    # ANERcorp's original file has no blank lines; IOB1 (I- at a span's start), MISC read as O.
    path = tmp_path / "flat.txt"
    path.write_text(
        "زار O\nنور I-PERS\nالدين I-PERS\nالقاهرة I-LOC\n. O\nوشارك O\nفي O\nمؤتمر B-MISC\n. O\n",
        encoding="utf-8",
    )
    [text] = read_conll_news(path)
    assert [len(s) for s in text] == [5, 4]
    assert [tag for _, tag in text[0]] == ["O", "B-PER", "I-PER", "B-LOC", "O"]
    assert [tag for _, tag in text[1]] == ["O", "O", "O", "O"]


def test_reader_refuses_what_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.conll"
    path.write_bytes("بغداد B-LOC\n".encode("cp1256"))
    with pytest.raises(ValueError, match="UTF-8"):
        read_conll_news(path)


def test_the_whole_recogniser_is_scored_on_exact_token_spans(tmp_path: Path) -> None:
    (tmp_path / "news.conll").write_text(NEWS, encoding="utf-8")
    scores = conll_news_scores([tmp_path], Settings())
    micro = scores["micro_PER_ORG_LOC"]
    assert micro["support"] == 7
    # A clitic-bearing token (وبغداد) is matched through the mention inside it; a wrong offset
    # between the joined text and the tokens would leave next to nothing matched.
    assert micro["f1"] >= 0.75, scores
    assert scores["PER"]["recall"] == 1.0, scores


def test_cli_prints_the_table_and_names_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "news.conll").write_text(NEWS, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["evaluate", "--conll", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "micro_PER_ORG_LOC" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = runner.invoke(main, ["evaluate", "--conll", str(empty)])
    assert refused.exit_code != 0
    assert "no CoNLL files" in refused.output
