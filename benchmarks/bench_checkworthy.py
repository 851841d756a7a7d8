"""Check-worthiness on ClaimBuster groundtruth.csv: our shipped model vs a plain baseline.

    python benchmarks/bench_checkworthy.py [--data DIR] [--model PATH]

(a) the shipped model, through ``CheckWorthinessModel`` (numpy only), at its stored threshold;
(b) a plain TF-IDF + LogisticRegression baseline trained here on crowdsourced.csv, fixed in advance
    (word 1-2grams, sublinear_tf, min_df=2; C=1, class_weight="balanced"; threshold 0.5).
Both are scored on groundtruth.csv (evaluation only: nothing is tuned on it). Precision, recall and
F1 are for the check-worthy class (Verdict == 1). Writes benchmarks/results/checkworthy.json.

Data: ClaimBuster (Arslan, Hassan, Li, Tremayne, ICWSM 2020), CC BY 4.0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from annotator.core.nlp.checkworthy import CheckWorthinessModel  # noqa: E402
from annotator.core.nlp.train_checkworthy import DEFAULT_DATA, prf, read_claimbuster  # noqa: E402


def baseline_scores(train_texts, train_y, test_texts):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
        LogisticRegression(C=1.0, class_weight="balanced", solver="liblinear", random_state=0),
    )
    pipe.fit(train_texts, train_y)
    return pipe.predict_proba(test_texts)[:, 1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", type=Path, default=None, help="model file (default: shipped)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "checkworthy.json")
    args = ap.parse_args(argv)

    gt_texts, gt_y = read_claimbuster(args.data / "groundtruth.csv")
    tr_texts, tr_y = read_claimbuster(args.data / "crowdsourced.csv")

    t = time.perf_counter()
    model = CheckWorthinessModel.load(args.model)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    ours = np.asarray(model.scores(gt_texts))
    ours_s = time.perf_counter() - t
    # throughput on a larger batch (10,000 crowdsourced sentences)
    batch = tr_texts[:10000]
    t = time.perf_counter()
    model.scores(batch)
    speed = len(batch) / (time.perf_counter() - t)

    t = time.perf_counter()
    base = baseline_scores(tr_texts, tr_y, gt_texts)
    base_s = time.perf_counter() - t

    rows = {
        "shipped model": dict(prf(gt_y, (ours >= model.threshold).astype(int)),
                              threshold=model.threshold),
        "baseline tfidf+LR": dict(prf(gt_y, (base >= 0.5).astype(int)), threshold=0.5),
    }
    print(f"ClaimBuster groundtruth.csv: {len(gt_y)} sentences, {int(gt_y.sum())} check-worthy\n")
    print(f"{'model':20s} {'thresh':>7s} {'P':>7s} {'R':>7s} {'F1':>7s}")
    for name, r in rows.items():
        print(f"{name:20s} {r['threshold']:7.4f} {r['precision']:7.4f} {r['recall']:7.4f} "
              f"{r['f1']:7.4f}")
    print(f"\nshipped model: load {load_s:.3f}s, {speed:,.0f} sentences/s "
          f"(10,000-sentence batch), groundtruth scored in {ours_s:.2f}s; "
          f"baseline trained+scored in {base_s:.1f}s")

    meta = model.metadata
    result = {
        "benchmark": "check-worthiness, ClaimBuster groundtruth.csv (evaluation only)",
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "n": int(len(gt_y)), "n_checkworthy": int(gt_y.sum()),
        "results": rows,
        "shipped_model": {
            "path": str(model.path), "size_bytes": model.path.stat().st_size,
            "load_seconds": round(load_s, 4), "sentences_per_second": round(speed),
            "trained": meta.get("trained"), "description": meta.get("model"),
            "held_out_crowdsourced": meta.get("held_out"), "cv_f1": meta.get("cv_f1"),
        },
        "baseline": "TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=2) + "
                    "LogisticRegression(C=1, class_weight='balanced', liblinear), threshold 0.5, "
                    "trained on crowdsourced.csv",
        "data_credit": "ClaimBuster: Arslan, Hassan, Li, Tremayne, ICWSM 2020; CC BY 4.0",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
