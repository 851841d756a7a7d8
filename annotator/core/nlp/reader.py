"""The sentence reader: how a sentence reads, as one number for the news priority model.

The rules and the debate-trained model see words, numbers, sources and cues; what they cannot
see is whether a sentence *reads* as a checkable report ("The council approved the plan on
Tuesday") or as a judgement, a hope, an appeal or colour said in the same words ("The plan is a
betrayal of every family here"). A small pretrained sentence encoder does: the first
:data:`LAYERS` layers of all-MiniLM-L6-v2 (a 6-layer BERT of 384 dimensions trained for sentence
similarity by the sentence-transformers project, Apache 2.0; see resources/models/README.md),
mean-pooled, then a logistic head; the layers and the head are fine-tuned together on the team's
labelled news (`train_reader.py finetune`). Its logit is one feature of :mod:`priority`
("reader"); the priority model weighs it with the rest.

Runs in numpy (no PyTorch): the weights ship in ``resources/models/reader.npz`` (the word
embeddings as int8 with one scale per row, the layers as float16; 26 MB), made by
``python -m annotator.core.nlp.train_reader`` from the model's own files. The tokenizer
is BERT's uncased WordPiece, written out here (its output matches the model's own tokenizer on
every sentence of the news and ClaimBuster sets: `train_reader.py check`).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Sequence

import numpy as np

MODEL_FILENAME = "reader.npz"
MODEL_FORMAT = "annotator-reader-1"
# of 6: frozen, the fourth layer's pooled output separated news claims best (dev, nested CV);
# fine-tuned, six read about as well once stacked (dev, 6-fold) at 1.5 times the cost
LAYERS = 4
MAX_TOKENS = 64  # word pieces read per sentence, [CLS] and [SEP] included; news sentences are shorter
BATCH = 8  # sentences of about the same length: little padding is computed
HEADS = 12
MAX_WORD_CHARS = 100  # BERT's own limit: a longer "word" is [UNK]


def default_model_path() -> Path:
    from annotator.resources import model_path

    return model_path(MODEL_FILENAME, "ANNOTATOR_READER_MODEL")


# --- BERT's uncased WordPiece tokenizer ----------------------------------------------------


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    # BERT counts every non-letter, non-digit ASCII character as punctuation ("$", "^", "`")
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _basic_words(text: str) -> list[str]:
    """Lower-cased, accent-stripped words and punctuation marks, as BERT's basic tokenizer."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD:
            continue
        if ch in "\t\n\r" or unicodedata.category(ch) == "Zs":
            out.append(" ")
        elif unicodedata.category(ch).startswith("C"):
            continue
        elif _is_cjk(cp):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    words = []
    for word in "".join(out).split():
        word = unicodedata.normalize("NFD", word.lower())
        word = "".join(c for c in word if unicodedata.category(c) != "Mn")
        piece = []
        for ch in word:
            if _is_punctuation(ch):
                if piece:
                    words.append("".join(piece))
                    piece = []
                words.append(ch)
            else:
                piece.append(ch)
        if piece:
            words.append("".join(piece))
    return words


class WordPiece:
    """Text to word-piece ids (greedy longest match, "##" for a word's later pieces)."""

    def __init__(self, vocab: Sequence[str]):
        self.ids = {token: i for i, token in enumerate(vocab)}
        self.unk = self.ids["[UNK]"]
        self.cls = self.ids["[CLS]"]
        self.sep = self.ids["[SEP]"]
        self._cache: dict[str, tuple[int, ...]] = {}

    def _word(self, word: str) -> tuple[int, ...]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(word) > MAX_WORD_CHARS:
            pieces: tuple[int, ...] = (self.unk,)
        else:
            found, start = [], 0
            while start < len(word):
                end = len(word)
                while end > start:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    if piece in self.ids:
                        found.append(self.ids[piece])
                        break
                    end -= 1
                if end == start:  # nothing matched: the whole word is unknown
                    found = [self.unk]
                    break
                start = end
            pieces = tuple(found)
        if len(self._cache) < 200_000:  # news vocabulary is far smaller; bounded all the same
            self._cache[word] = pieces
        return pieces

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids = [self.cls]
        for word in _basic_words(text):
            ids.extend(self._word(word))
            if len(ids) >= max_tokens - 1:
                break
        return ids[:max_tokens - 1] + [self.sep]


# --- the encoder ---------------------------------------------------------------------------


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, -1, keepdims=True)
    return centred / np.sqrt(var + 1e-12) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), with erf by Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7;
    numpy has no erf). In place where it can be: on a (tokens, 1536) array the temporaries cost
    more than the arithmetic."""
    z = np.abs(x)
    z *= np.float32(0.7071067811865476)
    t = z * np.float32(0.3275911)
    t += 1.0
    np.reciprocal(t, out=t)
    poly = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += np.float32(c)
        poly *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    poly *= z  # 1 - erf(|x| / sqrt 2)
    # x * Phi(x) = x * (1 + sign(x) erf) / 2 = x - x * poly / 2 for x >= 0, x * poly / 2 below
    poly *= np.float32(0.5)
    poly *= x
    return np.where(x >= 0, x - poly, poly)


class SentenceReader:
    """Pooled sentence vectors and the head's logit, from the weights in ``reader.npz``."""

    def __init__(self, arrays: dict[str, np.ndarray], path: Path | None = None):
        from annotator.core.errors import ModelError

        if str(arrays.get("format", "")) != MODEL_FORMAT:
            raise ModelError(f"{path or 'the reader model'} is not an annotator reader model "
                             f"(format {MODEL_FORMAT})")
        self.path = path
        vocab = bytes(arrays["vocab"]).decode("utf-8").split("\n")
        self.tokenizer = WordPiece(vocab)
        self.words = arrays["word_embeddings"]  # int8, one scale per row
        self.word_scale = arrays["word_scale"].astype(np.float32)
        # position and token-type (always type 0) embeddings added once
        self.positions = (arrays["position_embeddings"].astype(np.float32)
                          + arrays["token_type_embedding"].astype(np.float32))
        self.embed_norm = (arrays["embed_ln_weight"].astype(np.float32),
                           arrays["embed_ln_bias"].astype(np.float32))
        self.layers = []
        n_layers = int(arrays["layers"])
        for i in range(n_layers):
            def get(name: str) -> np.ndarray:
                return arrays[f"layer{i}_{name}"].astype(np.float32)
            # query, key and value as one matrix: one product instead of three
            qkv = np.concatenate([get("query_w"), get("key_w"), get("value_w")], axis=1)
            qkv_b = np.concatenate([get("query_b"), get("key_b"), get("value_b")])
            self.layers.append((qkv, qkv_b, get("attn_out_w"), get("attn_out_b"),
                                get("attn_ln_w"), get("attn_ln_b"), get("ffn_in_w"),
                                get("ffn_in_b"), get("ffn_out_w"), get("ffn_out_b"),
                                get("out_ln_w"), get("out_ln_b")))
        self.head_coef = arrays["head_coef"].astype(np.float32)
        self.head_bias = float(arrays["head_bias"])
        if (self.words.shape[0] != len(vocab) or not np.all(np.isfinite(self.head_coef))
                or self.head_coef.shape != (self.words.shape[1],)):
            raise ModelError(f"{path or 'the reader model'} is damaged (its arrays disagree)")

    @classmethod
    def load(cls, path: Path | str | None = None) -> "SentenceReader":
        import zipfile

        from annotator.core.errors import ModelError

        path = Path(path) if path is not None else default_model_path()
        try:
            with np.load(path, allow_pickle=False) as data:
                arrays = {name: data[name] for name in data.files}
        except FileNotFoundError:
            raise ModelError(f"the reader model {path} is missing: reinstall annotator") from None
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError) as exc:
            raise ModelError(f"the reader model {path} cannot be read ({exc})") from None
        try:
            return cls(arrays, path)
        except KeyError as exc:
            raise ModelError(f"the reader model {path} lacks {exc}") from None

    def _encode_batch(self, batch: list[list[int]]) -> np.ndarray:
        width = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), width), np.int64)
        mask = np.zeros((len(batch), width), np.float32)
        for row, seq in enumerate(batch):
            ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1.0
        n, dim = len(batch), self.words.shape[1]
        x = self.words[ids].astype(np.float32) * self.word_scale[ids][..., None]
        x = _layer_norm(x + self.positions[:width], *self.embed_norm)
        heads, size = HEADS, dim // HEADS
        blocked = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]  # padding is never attended
        scale = np.float32(1.0 / np.sqrt(size))
        for (qkv, qkv_b, out_w, out_b, ln1_w, ln1_b, in_w, in_b, ffn_w, ffn_b,
             ln2_w, ln2_b) in self.layers:
            flat = x.reshape(n * width, dim)
            q, k, v = np.split((flat @ qkv + qkv_b).reshape(n, width, 3, heads, size), 3, axis=2)
            q = q[:, :, 0].transpose(0, 2, 1, 3)
            k = k[:, :, 0].transpose(0, 2, 3, 1)
            v = v[:, :, 0].transpose(0, 2, 1, 3)
            scores = (q @ k) * scale + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * width, dim)
            flat = _layer_norm(context @ out_w + out_b + flat, ln1_w, ln1_b)
            hidden = _gelu(flat @ in_w + in_b)
            flat = _layer_norm(hidden @ ffn_w + ffn_b + flat, ln2_w, ln2_b)
            x = flat.reshape(n, width, dim)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length pooled vectors, one row per text (sorted by length into batches so that
        little padding is computed, then put back in order)."""
        encoded = [self.tokenizer.encode(text) for text in texts]
        out = np.zeros((len(texts), self.words.shape[1]), np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))
        for start in range(0, len(order), BATCH):
            rows = order[start:start + BATCH]
            out[rows] = self._encode_batch([encoded[i] for i in rows])
        return out

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """The head's log-odds that each text is a check-worthy news sentence, in [-8, 8]."""
        if not len(texts):
            return np.zeros(0)
        return np.clip(self.embed(texts) @ self.head_coef + self.head_bias, -8.0, 8.0)
