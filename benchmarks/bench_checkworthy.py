"""Check-worthiness on ClaimBuster groundtruth.csv: our shipped model vs a plain baseline.

    python benchmarks/bench_checkworthy.py [--data DIR] [--model PATH]

(a) the shipped model at its stored threshold, fed exactly as the app feeds it: the groundtruth
    sentences are joined one per line and run through the app's ``Detector`` (spaCy pipeline +
    claim detector); each line's unit score is used whatever kind the segmenter gives the line
    (sentence, headline, caption...). If the parser cuts a line into several units, the line gets
    the highest of their scores (the count of such lines is reported);
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

import bisect  # noqa: E402

import numpy as np  # noqa: E402

from annotator.core.nlp import checkworthy as cw  # noqa: E402
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


def app_scores(texts: list[str], model_path: Path | None) -> tuple[np.ndarray, dict]:
    """Score each text through `annotator detect --all --format json`, the command a user
    runs, on one article holding one text per line (each line its own paragraph)."""
    import json
    import subprocess
    import sys
    import tempfile

    lines = [t.replace("\r", " ").replace("\n", " ") for t in texts]  # one line per sentence
    article = "\n".join(lines) + "\n"
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "groundtruth.txt"
        path.write_text(article, encoding="utf-8")
        env = dict(os.environ)
        if model_path is not None:
            env["ANNOTATOR_CHECKWORTHY_MODEL"] = str(model_path)
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "annotator", "detect", str(path), "--all",
                               "--format", "json"], capture_output=True, text=True, env=env,
                              cwd=ROOT, check=True)
        seconds = time.perf_counter() - t
    units = json.loads(done.stdout)["claims"]
    per_line: list[list[float]] = [[] for _ in lines]
    kinds: dict[str, int] = {}
    for u in units:
        i = bisect.bisect_right(starts, u["start"]) - 1
        assert starts[i] <= u["start"] and u["end"] <= starts[i] + len(lines[i]), "unit crosses a line"
        assert article[u["start"]:u["end"]] == u["text"]
        per_line[i].append(u["score"])
        kinds[u["kind"]] = kinds.get(u["kind"], 0) + 1
    scores = np.asarray([max(s) if s else 0.0 for s in per_line])
    info = {
        "command": "annotator detect FILE --all --format json (one sentence per line)",
        "lines": len(lines), "units": len(units), "unit_kinds": kinds,
        "lines_with_one_unit": sum(len(s) == 1 for s in per_line),
        "lines_split_into_several_units (max score used)": sum(len(s) > 1 for s in per_line),
        "lines_without_unit (score 0)": sum(not s for s in per_line),
        "command_seconds_including_startup": round(seconds, 2),
    }
    return scores, info


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
    ours, app_info = app_scores(gt_texts, args.model)
    # the same model on each sentence parsed as its own document (as in training), for reference
    alone = np.asarray(model.scores(gt_texts, spans=cw.parse(gt_texts)))
    # scoring speed alone (spaCy time excluded): 10,000 crowdsourced sentences, parsed beforehand
    batch = tr_texts[:10000]
    spans = cw.parse(batch)
    t = time.perf_counter()
    model.scores(batch, spans=spans)
    speed = len(batch) / (time.perf_counter() - t)

    t = time.perf_counter()
    base = baseline_scores(tr_texts, tr_y, gt_texts)
    base_s = time.perf_counter() - t

    rows = {
        "shipped model": dict(prf(gt_y, (ours >= model.threshold).astype(int)),
                              threshold=model.threshold,
                              path="annotator detect, one sentence per line"),
        "shipped model, sentences parsed alone": dict(
            prf(gt_y, (alone >= model.threshold).astype(int)), threshold=model.threshold,
            path="CheckWorthinessModel.scores on each sentence parsed as its own doc"),
        "baseline tfidf+LR": dict(prf(gt_y, (base >= 0.5).astype(int)), threshold=0.5),
    }
    print(f"ClaimBuster groundtruth.csv: {len(gt_y)} sentences, {int(gt_y.sum())} check-worthy\n")
    print(f"{'model':38s} {'thresh':>7s} {'P':>7s} {'R':>7s} {'F1':>7s}")
    for name, r in rows.items():
        print(f"{name:38s} {r['threshold']:7.4f} {r['precision']:7.4f} {r['recall']:7.4f} "
              f"{r['f1']:7.4f}")
    print(f"\nshipped model: load {load_s:.3f}s, scoring {speed:,.0f} sentences/s "
          f"(10,000 pre-parsed sentences, spaCy excluded); `annotator detect` on all "
          f"{app_info['lines']:,} sentences took {app_info['command_seconds_including_startup']}s; "
          f"baseline trained+scored in {base_s:.1f}s")
    print(f"app path: {app_info}")

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
            "sentences_per_second_note": "scoring step only, 10,000 crowdsourced sentences "
                                         "parsed by spaCy beforehand",
            "app_path": app_info,
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
