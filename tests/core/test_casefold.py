"""The fast twins of the detector's case-insensitive patterns find exactly what the originals
find, at the same offsets (annotator.core.nlp.casefold)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from annotator.core.nlp import attribution, checkworthy, rules
from annotator.core.nlp.casefold import Folded, fold, sensitive

SHARED = Path(__file__).resolve().parents[3] / "shared"
ODD = ["ſeven ſtates BANNED it; thouſands DIED", "It Is Widely UNDERSTOOD; ſhe is REPORTEDLY ıll", "İ THİNK the LAW İS clear", "ıllegal, ıt was",
       "THE HİGHEST SINCE 1990, MORE THAN DOUBLED", "K\u212aelvin", "", "Ǆ ǅ ǆ ﬀ ẞ ß"]


def _texts() -> list[str]:
    with open(SHARED / "data" / "claimbuster" / "groundtruth.csv", encoding="utf-8",
              newline="") as fh:
        texts = [row["Text"] for row in csv.DictReader(fh)]
    texts += (SHARED / "samples" / "royal-reconciliation.txt").read_text("utf-8").splitlines()
    return texts + ODD


PATTERNS = ([rx for _, _, rx in checkworthy.HAND_FEATURES if rx.flags & re.I]
            + [p.original for p in (rules._LAW, rules._CAUSAL, rules._PREDICTION,
                                    rules._COMPARISON)]
            + [rx for rx, _ in attribution.HEDGE_PATTERNS])


@pytest.mark.parametrize("rx", PATTERNS, ids=lambda rx: rx.pattern[:30])
def test_the_fast_twin_finds_what_the_pattern_finds(rx):
    folded_rx = Folded(rx)
    for text in _texts():
        want = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in folded_rx.finditer(text)] == want, text
        first = folded_rx.search(text, fold(text))
        assert (first.span() if first else None) == (want[0] if want else None), text


def test_fold_keeps_offsets_or_says_it_cannot():
    assert fold("ſ İ ı ABC") == "s i i abc"
    assert fold("") == ""
    for text in _texts():
        folded = fold(text)
        assert folded is None or len(folded) == len(text)


def test_a_pattern_that_could_never_match_folded_text_is_refused():
    with pytest.raises(ValueError):
        sensitive(re.compile(r"\bUS\b", re.I))
    with pytest.raises(ValueError):
        Folded(re.compile(r"\bus\b"))


def test_a_hedge_is_named_in_the_words_as_written():
    assert attribution.hedge_of("The pair are REPORTEDLY in talks.") == "reportedly"
    assert attribution.hedge_of("It is widely Understood that...") == "it is understood"
    assert attribution.hedge_of("The deal is ſaid to be close.") == "is ſaid to"
    assert attribution.hedge_of("Nothing to see here.") is None
