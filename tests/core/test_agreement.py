"""Agreement figures: a hand-computed example, then the same data against
scikit-learn's `cohen_kappa_score` and the `krippendorff` package."""

from __future__ import annotations

import math
import random

import pytest

from annotator.core.agreement import (
    alpha_for_checker,
    cohen_kappa,
    coincidences,
    krippendorff_alpha,
    pair_agreement,
    pairwise_kappa,
)

# V = verified, D = disputed, U = unsourced; claims 1..8.
A = dict(enumerate("VVVVDDUU", 1))
B = dict(enumerate("VVVDDDUV", 1))
C = {1: "V", 2: "V", 3: "D", 4: "V"}  # rated claims 1-4 only


def test_hand_computed_example():
    """Two checkers, eight claims:

        A: V V V V D D U U
        B: V V V D D D U V

    Cohen's kappa
        agreed on claims 1,2,3,5,6,7:           p_o = 6/8 = 0.75
        A's marginals V 4, D 2, U 2; B's V 4, D 3, U 1
        p_e = (4*4 + 2*3 + 2*1) / 8^2 = 24/64 = 0.375
        kappa = (0.75 - 0.375) / (1 - 0.375) = 0.375 / 0.625 = 0.6

    Krippendorff's alpha (nominal), two values per claim, each ordered pair weighs
    1/(2-1) = 1:
        o_VV = 2*3 = 6, o_DD = 2*2 = 4, o_UU = 2, o_VD = o_DV = 1 (claim 4),
        o_UV = o_VU = 1 (claim 8)
        n_V = 6+1+1 = 8, n_D = 4+1 = 5, n_U = 2+1 = 3, n = 16
        sum_{c!=k} o_ck = 4;  sum_{c!=k} n_c n_k = 16^2 - (64+25+9) = 158
        alpha = 1 - (16-1) * 4 / 158 = 1 - 60/158 = 98/158 = 49/79 = 0.6203

    A third checker C rates claims 1-4 only: V V D V (missing values elsewhere).
        claims 1, 2 (V V V; m=3, each of the 6 ordered pairs weighs 1/2): o_VV += 3 each
        claim 3 (V V D): o_VV += 2*1/2 = 1, o_VD += 1, o_DV += 1
        claim 4 (V D V): o_VV += 1, o_VD += 1, o_DV += 1
        claims 5-8 as above: o_DD += 4, o_UU += 2, o_UV = o_VU = 1
        o_VV = 8, o_VD = o_DV = 2, o_DD = 4, o_UU = 2, o_UV = o_VU = 1
        n_V = 8+2+1 = 11, n_D = 2+4 = 6, n_U = 2+1 = 3, n = 20
        sum_{c!=k} o_ck = 6;  sum_{c!=k} n_c n_k = 400 - (121+36+9) = 234
        alpha = 1 - 19 * 6 / 234 = 1 - 114/234 = 120/234 = 20/39 = 0.5128

    Alpha for checker C: the claims C rated (1-4) with everyone who rated them:
        o_VV = 8, o_VD = o_DV = 2;  n_V = 10, n_D = 2, n = 12
        sum_{c!=k} o_ck = 4;  sum_{c!=k} n_c n_k = 144 - (100+4) = 40
        alpha = 1 - 11 * 4 / 40 = 1 - 1.1 = -0.1
    """
    assert cohen_kappa(A.values(), B.values()) == pytest.approx(0.6)
    pair = pair_agreement({"a": A, "b": B}, "a", "b")
    assert (pair.units, pair.agreed, pair.observed) == (8, 6, 0.75)
    assert pair.kappa == pytest.approx(0.6)

    o = coincidences({"a": A, "b": B})
    assert o[("V", "V")] == 6 and o[("D", "D")] == 4 and o[("U", "U")] == 2
    assert o[("V", "D")] == o[("D", "V")] == o[("U", "V")] == o[("V", "U")] == 1
    assert krippendorff_alpha({"a": A, "b": B}) == pytest.approx(49 / 79)

    three = {"a": A, "b": B, "c": C}
    o = coincidences(three)
    assert o[("V", "V")] == pytest.approx(8) and o[("V", "D")] == pytest.approx(2)
    assert krippendorff_alpha(three) == pytest.approx(20 / 39)
    assert alpha_for_checker(three, "c") == pytest.approx(-0.1)
    # Checker A rated every claim: their alpha is the whole article's.
    assert alpha_for_checker(three, "a") == pytest.approx(20 / 39)

    pairs = {(p.first, p.second): p for p in pairwise_kappa(three)}
    assert set(pairs) == {("a", "b"), ("a", "c"), ("b", "c")}
    assert pairs[("a", "c")].units == 4  # only the claims both rated


def test_undefined_when_one_category_only():
    same = {"a": {1: "V", 2: "V"}, "b": {1: "V", 2: "V"}}
    assert cohen_kappa("VV", "VV") is None
    assert krippendorff_alpha(same) is None
    assert krippendorff_alpha({"a": {1: "V"}, "b": {2: "D"}}) is None  # nothing pairable
    assert pair_agreement(same, "a", "nobody").kappa is None
    with pytest.raises(ValueError):
        cohen_kappa("VV", "V")


def test_missing_values_as_none_are_ignored():
    with_none = {"a": {**A, 9: None}, "b": {**B, 9: "V"}}
    assert krippendorff_alpha(with_none) == pytest.approx(49 / 79)
    assert pair_agreement(with_none, "a", "b").units == 8


def _random_ratings(seed: int, raters: int, units: int, missing: float):
    rng = random.Random(seed)
    categories = ["verified", "disputed", "unsourced"]
    ratings = {}
    for r in range(raters):
        ratings[f"checker{r}"] = {u: rng.choice(categories) for u in range(units)
                                  if rng.random() >= missing}
    return ratings, categories


def test_kappa_matches_scikit_learn():
    from sklearn.metrics import cohen_kappa_score

    assert cohen_kappa(A.values(), B.values()) == pytest.approx(
        cohen_kappa_score(list(A.values()), list(B.values())))
    for seed in range(20):
        ratings, _ = _random_ratings(seed, 2, 30, 0.0)
        a, b = ratings["checker0"], ratings["checker1"]
        units = sorted(a)
        ours = cohen_kappa([a[u] for u in units], [b[u] for u in units])
        theirs = cohen_kappa_score([a[u] for u in units], [b[u] for u in units])
        assert ours == pytest.approx(theirs, abs=1e-12)


def _reliability_data(ratings, categories, units):
    codes = {c: i for i, c in enumerate(categories)}
    return [[codes[r[u]] if u in r else math.nan for u in units] for r in ratings.values()]


def test_alpha_matches_the_krippendorff_package():
    import krippendorff

    data = {"a": A, "b": B, "c": C}
    cats = ["V", "D", "U"]
    for ratings, expected in (({"a": A, "b": B}, 49 / 79), (data, 20 / 39)):
        theirs = krippendorff.alpha(reliability_data=_reliability_data(ratings, cats,
                                                                       range(1, 9)),
                                    level_of_measurement="nominal")
        assert theirs == pytest.approx(expected)
        assert krippendorff_alpha(ratings) == pytest.approx(theirs)
    for seed in range(20):
        ratings, categories = _random_ratings(seed, 2 + seed % 4, 25, 0.3)
        units = sorted({u for r in ratings.values() for u in r})
        theirs = krippendorff.alpha(
            reliability_data=_reliability_data(ratings, categories, units),
            level_of_measurement="nominal")
        assert krippendorff_alpha(ratings) == pytest.approx(theirs, abs=1e-9)
