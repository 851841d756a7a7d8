"""The team's labelled news set (benchmarks/data/news-dev) stays valid: every row's fields and
offsets, and the held-out splits guarded from the error listing. No detector runs here."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

NEWS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "news-dev"


@pytest.fixture(scope="module")
def check_labels():
    spec = importlib.util.spec_from_file_location("check_labels", NEWS / "check_labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_row_is_valid(check_labels):
    rows = [json.loads(line) for line in (NEWS / "sentences.jsonl").read_text("utf-8").splitlines()]
    check_labels.check_rows(rows)
    splits = {r["split"] for r in rows}
    assert {"dev", "heldout"} <= splits <= set(check_labels.SPLITS)


def test_a_row_whose_text_does_not_match_its_article_is_refused(check_labels):
    rows = [json.loads(line) for line in (NEWS / "sentences.jsonl").read_text("utf-8").splitlines()]
    rows[3] = dict(rows[3], text=rows[3]["text"] + " ")
    with pytest.raises(AssertionError):
        check_labels.check_rows(rows)


@pytest.mark.parametrize("split", ["heldout", "heldout-fresh"])
def test_the_error_listing_never_reads_a_held_out_split(split, capsys):
    sys.path.insert(0, str(NEWS.parents[1]))
    try:
        import bench_checkworthy
    finally:
        sys.path.remove(str(NEWS.parents[1]))
    with pytest.raises(SystemExit):
        bench_checkworthy.main(["--news-split", split, "--news-only", "--errors"])
    assert "dev split only" in capsys.readouterr().err


# the last id of round 6's rows, the ones the second labeller of round 7 labelled again
ROUND6_LAST_ID = 2077


def test_the_second_labellers_file_labels_each_real_dev_sentence_once():
    """agreement/second-labeller.jsonl covers exactly the sentences of round 6's wd-* dev reports
    (ids up to 2077; the reports added in round 9 were labelled once)."""
    rows = [json.loads(line) for line in (NEWS / "sentences.jsonl").read_text("utf-8").splitlines()]
    wanted = {r["id"] for r in rows if r["split"] == "dev" and r["article"].startswith("wd-")
              and r["unit"] == "sentence" and r["id"] <= ROUND6_LAST_ID}
    second = [json.loads(line) for line in
              (NEWS / "agreement" / "second-labeller.jsonl").read_text("utf-8").splitlines()]
    ids = [r["id"] for r in second]
    assert len(ids) == len(set(ids))
    assert set(ids) == wanted
    assert all(isinstance(r["checkworthy"], bool) for r in second)


def test_kappa_of_two_labellers():
    sys.path.insert(0, str(NEWS.parents[1]))
    try:
        import bench_checkworthy
    finally:
        sys.path.remove(str(NEWS.parents[1]))
    # 8 of 10 agree; each says yes 5 times: expected agreement 0.5, kappa (0.8 - 0.5) / 0.5
    a = [True] * 5 + [False] * 5
    b = [True] * 4 + [False, True] + [False] * 4
    assert bench_checkworthy._kappa(a, b) == pytest.approx(0.6)
    assert bench_checkworthy._kappa(a, a) == pytest.approx(1.0)
