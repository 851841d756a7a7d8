"""Train the news re-scorer of :mod:`annotator.core.nlp.priority` and write its JSON.

    python -m annotator.core.nlp.train_priority [--out PATH]

Data (nothing else is read):

the ``dev`` part of the team's labelled news set, ``benchmarks/data/news-dev/sentences.jsonl``
(12 Wikinews articles; the 6 ``heldout`` articles are never read here). Debates need no training
data: their score is the base model's (``news_gate`` 0), at the base model's threshold.

Each sentence goes through the app's own ``Detector`` (segmentation, attribution, quotation
tracking) and its :data:`priority.FEATURES` are recorded. The model is a logistic regression with
the base model's logit as a fixed **offset** (coefficient 1: the base model was fitted on all of
crowdsourced.csv and is kept as it is): ``z = base_logit + w . f + b``, L2-regularised. C and the
news threshold are chosen by leave-one-article-out cross-validation (maximum out-of-fold F1);
the threshold is then folded into ``b`` so that the app keeps the base model's threshold.
Needs scipy (with scikit-learn, the ``[train]`` extra); the app never imports it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
NEWS = ROOT / "benchmarks" / "data" / "news-dev"


def _news_rows(detector) -> list[tuple[str, list[float], int]]:
    recs: dict[str, list[dict]] = {}
    for line in (NEWS / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["split"] == "dev" and rec["unit"] == "sentence":
            recs.setdefault(rec["article"], []).append(rec)
    rows = []
    for article, items in sorted(recs.items()):
        text = (NEWS / "texts" / f"{article}.txt").read_text(encoding="utf-8")
        detector.features_out = []
        detector.detect(text)
        feats = detector.features_out
        for rec in items:
            over = [(min(e, rec["end"]) - max(s, rec["start"]), f) for s, e, f in feats
                    if s < rec["end"] and e > rec["start"]]
            if over:
                rows.append((article, max(over, key=lambda x: x[0])[1], int(rec["checkworthy"])))
    detector.features_out = None
    return rows


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """Weighted L2 logistic regression with X[:, 0] as a fixed offset."""
    from scipy.optimize import minimize

    offset, F = X[:, 0], X[:, 1:]
    mean, scale = F.mean(0), F.std(0) + 1e-9
    Z = (F - mean) / scale

    def loss(theta):
        coef, b = theta[:-1], theta[-1]
        z = offset + Z @ coef + b
        p = 1 / (1 + np.exp(-z))
        ll = np.sum(w * (np.logaddexp(0, z) - y * z))
        grad_z = w * (p - y)
        g = np.concatenate([Z.T @ grad_z + coef / c, [grad_z.sum()]])
        return ll + 0.5 * np.dot(coef, coef) / c, g

    res = minimize(loss, np.zeros(F.shape[1] + 1), jac=True, method="L-BFGS-B")
    coef = res.x[:-1] / scale
    b = res.x[-1] - float(np.dot(res.x[:-1], mean / scale))
    return np.concatenate([[1.0], coef]), b


def _f1(y, pred) -> float:
    tp = int(np.sum((y == 1) & pred))
    fp = int(np.sum((y == 0) & pred))
    fn = int(np.sum((y == 1) & ~pred))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main(argv=None) -> int:
    from annotator.core.nlp.checkworthy import CheckWorthinessModel
    from annotator.core.nlp.detector import Detector
    from annotator.core.nlp.priority import FEATURES, MODEL_FORMAT, PriorityModel

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "resources" / "models" / "news_priority.json")
    args = ap.parse_args(argv)

    detector = Detector()
    detector.component._priority = PriorityModel.identity()  # features only; score ignored
    rows = _news_rows(detector)
    X = np.asarray([f for _, f, _ in rows], dtype=np.float64)
    y = np.asarray([label for _, _, label in rows], dtype=np.float64)
    groups = [g for g, _, _ in rows]
    weights = np.ones(len(rows))
    print(f"{len(rows)} news sentences ({int(y.sum())} check-worthy), {len(set(groups))} articles")

    # The app keeps one threshold, the base model's: debates (news_gate 0) are scored and offered
    # exactly as before. The news threshold chosen here is folded into the intercept.
    base_threshold = CheckWorthinessModel.load().threshold
    base_prob = 1 / (1 + np.exp(-X[:, 0]))
    print(f"news F1 of the base model alone at {base_threshold:.4f}: "
          f"{_f1(y, base_prob >= base_threshold):.4f}; offering every sentence: "
          f"{_f1(y, np.ones(len(y), bool)):.4f}")
    folds = sorted(set(groups))
    results = {}
    for c in (0.01, 0.03, 0.1, 0.3, 1.0):
        oof = np.zeros(len(rows))
        for g in folds:
            test = np.asarray([x == g for x in groups])
            coef, b = fit(X[~test], y[~test], weights[~test], c)
            oof[test] = 1 / (1 + np.exp(-(X[test] @ coef + b)))
        best = max((_f1(y, oof >= t), t) for t in np.arange(0.2, 0.81, 0.01))
        auc = _auc(y, oof)
        results[c] = (best[0], best[1], auc)
        print(f"C={c}: out-of-fold news F1 {best[0]:.4f} at {best[1]:.2f}, ROC-AUC {auc:.4f}")
    c = max(results, key=lambda k: (round(results[k][0], 3), results[k][2]))
    news_f1, threshold, auc = results[c]
    coef, b = fit(X, y, weights, c)
    logit = lambda p: float(np.log(p / (1 - p)))  # noqa: E731
    b_shifted = b + logit(base_threshold) - logit(threshold)
    spec = {
        "format": MODEL_FORMAT, "features": FEATURES, "coef": [round(float(v), 6) for v in coef],
        "intercept": round(float(b_shifted), 6), "threshold": round(float(base_threshold), 4),
        "metadata": {
            "trained": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "data": f"news-dev 'dev' split ({len(rows)} sentences, {len(folds)} Wikinews "
                    "articles); the 'heldout' split is never read",
            "C": c, "news_threshold_before_shift": round(float(threshold), 2),
            "cv_f1_news": round(news_f1, 4), "cv_roc_auc_news": round(auc, 4),
            "credit": "Wikinews (CC BY 2.5); GUM (Zeldes 2017, CC BY 4.0)",
        },
    }
    args.out.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    print(f"C={c}, news threshold {threshold:.2f} folded into the intercept (app threshold "
          f"{base_threshold:.4f}); weights:")
    for name, v in zip(FEATURES, coef):
        print(f"  {name:20s} {v:+.3f}")
    print(f"wrote {args.out}")
    return 0


def _auc(y, scores) -> float:
    pos, neg = scores[y == 1], scores[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    ranks[order] = np.arange(1, len(order) + 1)
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
