"""Agreement between checkers: Cohen's kappa and Krippendorff's alpha (nominal).

Pure functions over plain mappings, no storage: `ratings` is
`{checker: {unit: category}}` where a unit is anything hashable (a claim id)
and a category any hashable value (a verdict). A missing unit, or a category
of `None`, is a missing value. Both coefficients are *undefined* when only one
category occurs at all (no chance disagreement to correct for): they return
`None` then, never a made-up 1.0 or 0.0.

Cohen's kappa (Cohen 1960) compares two checkers over the units both rated:
    kappa = (p_o - p_e) / (1 - p_e)
with p_o the share of units they agree on and p_e = sum_k p_1k * p_2k the
agreement their own marginal frequencies would give by chance.

Krippendorff's alpha, nominal (Krippendorff 2011, "Computing Krippendorff's
Alpha-Reliability"): every unit rated by m_u >= 2 checkers adds 1/(m_u - 1)
to the coincidence o_ck for each ordered pair of its values (c, k) from two
different checkers; n_c = sum_k o_ck, n = sum_c n_c, and
    alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k.
Units rated by a single checker are not pairable and are left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Hashable, Iterable, Mapping

Ratings = Mapping[str, Mapping[Hashable, Hashable | None]]


@dataclass(frozen=True)
class PairAgreement:
    """Cohen's kappa of two checkers over the units both rated."""

    first: str
    second: str
    units: int  # rated by both
    agreed: int  # same category
    kappa: float | None  # None: undefined (one category only, or no shared unit)

    @property
    def observed(self) -> float | None:
        return self.agreed / self.units if self.units else None


def cohen_kappa(first: Iterable[Hashable], second: Iterable[Hashable]) -> float | None:
    """Cohen's kappa of two equally long sequences of categories (no missing values)."""
    a, b = list(first), list(second)
    if len(a) != len(b):
        raise ValueError("both checkers must rate the same units")
    n = len(a)
    if n == 0:
        return None
    p_o = sum(x == y for x, y in zip(a, b)) / n
    count_a, count_b = Counter(a), Counter(b)
    p_e = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def _present(ratings: Ratings) -> dict[str, dict[Hashable, Hashable]]:
    return {rater: {u: v for u, v in units.items() if v is not None}
            for rater, units in ratings.items()}


def pair_agreement(ratings: Ratings, first: str, second: str) -> PairAgreement:
    given = _present(ratings)
    a, b = given.get(first, {}), given.get(second, {})
    shared = sorted(set(a) & set(b), key=repr)
    agreed = sum(a[u] == b[u] for u in shared)
    kappa = cohen_kappa([a[u] for u in shared], [b[u] for u in shared])
    return PairAgreement(first, second, len(shared), agreed, kappa)


def pairwise_kappa(ratings: Ratings) -> list[PairAgreement]:
    """Cohen's kappa for every pair of checkers, in name order."""
    return [pair_agreement(ratings, a, b) for a, b in combinations(sorted(ratings), 2)]


def coincidences(ratings: Ratings) -> dict[tuple[Hashable, Hashable], float]:
    """Krippendorff's coincidence matrix o_ck (ordered pairs of values within a unit)."""
    by_unit: dict[Hashable, list[Hashable]] = defaultdict(list)
    for units in _present(ratings).values():
        for unit, value in units.items():
            by_unit[unit].append(value)
    matrix: dict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for values in by_unit.values():
        m = len(values)
        if m < 2:
            continue
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    matrix[(c, k)] += 1.0 / (m - 1)
    return dict(matrix)


def krippendorff_alpha(ratings: Ratings) -> float | None:
    """Krippendorff's alpha for nominal data, with missing values."""
    matrix = coincidences(ratings)
    totals: dict[Hashable, float] = defaultdict(float)
    for (c, _k), weight in matrix.items():
        totals[c] += weight
    n = sum(totals.values())
    disagreement = sum(w for (c, k), w in matrix.items() if c != k)
    expected = n * n - sum(t * t for t in totals.values())  # sum over c != k of n_c * n_k
    if n <= 1 or expected <= 1e-12:
        return None
    return 1.0 - (n - 1) * disagreement / expected


def alpha_for_checker(ratings: Ratings, checker: str) -> float | None:
    """Alpha over the units `checker` rated, with everyone who rated those units."""
    mine = set(_present(ratings).get(checker, {}))
    return krippendorff_alpha({rater: {u: v for u, v in units.items() if u in mine}
                               for rater, units in ratings.items()})
