"""bench_polnear's reading and scoring, on a small article written for this test (no PolNeAR
text: the corpus's articles are copyrighted and never enter the repository)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_polnear  # noqa: E402

TEXT = ("Council to shut library.\n\n"
        "The council will close the library next year, Mayor Jane Porter said on Monday. "
        "Officials said the budget was short by two million pounds. "
        "The library opened in 1920.\n\n"
        "Residents fear the town will lose its only meeting place.\n\n"
        "\"We have no choice,\" Porter said.")


def _span(tid: str, label: str, piece: str, after: int = 0) -> tuple[str, int, int]:
    start = TEXT.index(piece, after)
    return f"{tid}\t{label} {start} {start + len(piece)}\t{piece}", start, start + len(piece)


def _ann() -> str:
    lines = []
    for tid, label, piece in [
        ("T1", "Content", "The council will close the library next year"),
        ("T2", "Source", "Mayor Jane Porter"), ("T3", "Cue", "said on Monday"),
        ("T4", "Source", "Officials"), ("T5", "Cue", "said the"),
        ("T6", "Content", "the budget was short by two million pounds"),
        ("T7", "Source", "Residents"), ("T8", "Cue", "fear"),
        ("T9", "Content", "the town will lose its only meeting place"),
        ("T10", "Content", "\"We have no choice,\""),
    ]:
        lines.append(_span(tid, label, piece)[0])
    quote = TEXT.index("We have no choice")
    lines.append(_span("T11", "Source", "Porter", quote)[0])
    lines.append(_span("T12", "Cue", "said", quote)[0])
    lines += ["E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
              "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
              "E3\tAttribution:T8 Content:T9 Cue:T8 Source:T7",
              "E4\tAttribution:T12 Cue:T12 Source:T11 Content:T10"]
    return "\n".join(lines) + "\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "council.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "council_aaaa.ann").write_text(_ann(), encoding="utf-8")
    # a second annotator's file for the same article is ignored (first in sorted order wins)
    (tmp_path / "attributions" / "council_zzzz.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_the_annotation_is_read_and_its_offsets_check_out(corpus):
    [article] = bench_polnear.read_corpus(corpus)
    assert article.offset_errors == []
    assert len(article.attributions) == 4
    assert article.attributions[3].source.text == "Porter"


def test_a_span_whose_offsets_do_not_match_the_text_is_reported():
    article = bench_polnear.parse_ann("T1\tSource 0 5\tHello\n", "Howdy there", "x")
    assert len(article.offset_errors) == 1


def test_a_second_content_joins_the_same_attribution():
    text = "A said B and C."
    ann = ("T1\tSource 0 1\tA\nT2\tCue 2 6\tsaid\nT3\tContent 7 8\tB\nT4\tContent 13 14\tC\n"
           "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3 Content2:T4\n")
    [attr] = bench_polnear.parse_ann(ann, text).attributions
    assert attr.content.pieces == [(7, 8), (13, 14)]


def test_gold_per_sentence_follows_the_documented_rule(corpus):
    [article] = bench_polnear.read_corpus(corpus)

    def gold(sentence: str):
        start = TEXT.index(sentence)
        return bench_polnear.gold_attribution(article, start, start + len(sentence))

    assert gold("Officials said the budget was short by two million pounds.").source.text \
        == "Officials"
    assert gold("The library opened in 1920.") is None
    fear = gold("Residents fear the town will lose its only meeting place.")
    assert bench_polnear.is_mental(fear)


def test_scoring_the_synthetic_article_with_the_app_detector(corpus, capsys):
    assert bench_polnear.main(["--data", str(corpus), "--errors", "2"]) == 0
    out = capsys.readouterr().out
    assert "1 articles" in out
    res = bench_polnear.evaluate(bench_polnear.read_corpus(corpus))
    # the headline is left out; the four attributed sentences and the writer's own are kept
    assert res["sentences"] == 5
    assert res["attributed_all"] == 4
    assert res["mental_state_all"] == 1
    assert res["sources"]["anonymous"]["sentences"] == 2  # Officials, Residents
    # the detector finds the plainly sourced sentences and invents none
    assert res["attribution"]["a_all"]["precision"] == 1.0
    assert res["attribution"]["c_sourced_no_mental"]["recall"] >= 0.66
