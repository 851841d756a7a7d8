"""Check-worthiness scores for sentences, from a small exported linear model.

The model is trained by ``python -m annotator.core.nlp.train_checkworthy`` (scikit-learn, training
only) and exported to ``resources/models/checkworthy.json.gz``. This module reproduces the trained
pipeline with the standard library and numpy alone, so the app never imports scikit-learn:

* two TF-IDF blocks that behave exactly like scikit-learn's ``TfidfVectorizer`` (word n-grams with
  the default token pattern, and ``char_wb`` character n-grams; ``sublinear_tf``, smoothed idf,
  l2 norm per block), both over the text lowercased with every digit replaced by ``0``;
* a few hand features from cheap regular expressions (numbers, percentages, money, dates,
  comparisons, opinion markers...), computed by :func:`hand_features`, which training uses too;
* one logistic regression over the concatenation: ``p = 1 / (1 + exp(-(w . x + b)))``.

Training data: the ClaimBuster dataset (Arslan, Hassan, Li, Tremayne, ICWSM 2020; CC BY 4.0),
sentences from US presidential debates. Scores on news text are expected to be lower in quality.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np

from annotator.core.errors import ModelError

MODEL_FILENAME = "checkworthy.json.gz"
MODEL_FORMAT = "annotator-checkworthy"
MODEL_VERSION = 1
PREPROCESSOR = "lower-digits0"

# scikit-learn's defaults, copied so the tokenisation is identical.
WORD_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_WHITE_SPACES = re.compile(r"\s\s+")
_DIGIT = re.compile(r"\d")


def default_model_path() -> Path:
    return Path(__file__).resolve().parents[3] / "resources" / "models" / MODEL_FILENAME


def preprocess(text: str) -> str:
    """Lowercase, and map every digit to 0 so that "20" and "35" share n-grams."""
    return _DIGIT.sub("0", text.lower())


# --- hand features ---------------------------------------------------------------------------
# (name, label shown by explain(), regex). Each feature is log(1 + number of matches) in the raw
# sentence; the last feature is the sentence length. Keep in sync with the model file: the model
# stores these names and refuses to load if they differ.

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
HAND_FEATURES: list[tuple[str, str, re.Pattern[str]]] = [
    ("number", "number", re.compile(r"\d+(?:[.,]\d+)*")),
    ("percent", "percentage", re.compile(r"%|\bper ?cent(?:age)?s?\b", re.I)),
    ("money", "money", re.compile(r"[$£€¥]|\b(?:dollars?|cents?|pounds|euros?|usd)\b", re.I)),
    ("magnitude", "quantity", re.compile(
        r"\b(?:dozens?|hundreds?|thousands?|millions?|billions?|trillions?|bn|mn)\b", re.I)),
    ("number_word", "number", re.compile(
        r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
        r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|third|quarter|twice|"
        r"double|triple)\b", re.I)),
    ("month", "date", re.compile(r"\b(?:%s)\b\.?" % _MONTHS)),  # case-sensitive: "may" is a verb
    ("year", "year", re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")),
    ("comparison", "comparison", re.compile(
        r"\b(?:more|less|fewer|than|most|least|higher|lower|highest|lowest|largest|biggest|"
        r"smallest|greatest|worst|best|increased?|increases|increasing|decreased?|decreases|"
        r"rose|risen|rise|rising|fell|fallen|falls?|dropped|drops?|doubled|tripled|grew|grown|"
        r"declined?|record|times|per|average|majority|only)\b", re.I)),
    ("fact_verb", "factual verb", re.compile(
        r"\b(?:voted|passed|signed|vetoed|cut|raised|spent|spends|created|lost|killed|died|"
        r"cost|costs|paid|pays|owns|reported|according to|estimated|announced|approved|"
        r"increased|reduced|borrowed|invested|earned|won|elected|appointed)\b", re.I)),
    ("proper_noun", "name", re.compile(r"(?<=[\w,] )[A-Z][a-z]+")),
    ("opinion", "opinion marker", re.compile(
        r"\b(?:i think|i believe|i feel|i hope|i want|i'm going to|i am going to|i will|i'll|"
        r"we will|we'll|we should|we must|we need|we have to|we've got to|let me|let's|you know|"
        r"i don't think|in my opinion|should|ought|must|please|thank you|thanks)\b", re.I)),
    ("first_person", "first person", re.compile(r"\b(?:i|me|my|mine|we|us|our|ours)\b", re.I)),
    ("question", "question", re.compile(r"\?")),
]
HAND_FEATURE_NAMES: list[str] = [name for name, _, _ in HAND_FEATURES] + ["length"]


def hand_features(texts: list[str]) -> np.ndarray:
    """The hand features of each text, shape (len(texts), len(HAND_FEATURE_NAMES)), float64."""
    out = np.zeros((len(texts), len(HAND_FEATURE_NAMES)), dtype=np.float64)
    log1p = math.log1p
    for i, text in enumerate(texts):
        row = out[i]
        for j, (_, _, rx) in enumerate(HAND_FEATURES):
            n = len(rx.findall(text))
            if n:
                row[j] = log1p(n)
        row[-1] = log1p(len(text.split())) / 4.0
    return out


# --- the n-gram analyzers, as in scikit-learn ---------------------------------------------------


def word_ngrams(doc: str, min_n: int, max_n: int, token_re: re.Pattern[str]) -> list[str]:
    """scikit-learn's ``analyzer='word'`` on an already preprocessed document."""
    tokens = token_re.findall(doc)
    if max_n == 1:
        return tokens
    n_tokens = len(tokens)
    out = list(tokens) if min_n == 1 else []
    join = " ".join
    for n in range(max(min_n, 2), min(max_n + 1, n_tokens + 1)):
        for i in range(n_tokens - n + 1):
            out.append(join(tokens[i:i + n]))
    return out


def char_wb_ngrams(doc: str, min_n: int, max_n: int) -> list[str]:
    """scikit-learn's ``analyzer='char_wb'`` on an already preprocessed document."""
    doc = _WHITE_SPACES.sub(" ", doc)
    out: list[str] = []
    append = out.append
    for w in doc.split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(min_n, max_n + 1):
            offset = 0
            append(w[offset:offset + n])
            while offset + n < w_len:
                offset += 1
                append(w[offset:offset + n])
            if offset == 0:  # a short word (w_len < n) is counted only once
                break
    return out


def _decode_floats(value, what: str) -> np.ndarray:
    if isinstance(value, str):
        arr = np.frombuffer(base64.b64decode(value.encode("ascii"), validate=True), dtype="<f8")
    else:
        arr = np.asarray(value, dtype=np.float64)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"non-finite values in {what}")
    return arr.astype(np.float64, copy=True)


def encode_floats(values) -> str:
    """float64 array -> base64 text (exact, compact); used by the training script."""
    return base64.b64encode(np.ascontiguousarray(values, dtype="<f8").tobytes()).decode("ascii")


class _TfidfBlock:
    """One TfidfVectorizer block of the linear model, with its slice of the coefficients."""

    def __init__(self, spec: dict):
        self.name = str(spec["name"])
        self.analyzer = spec["analyzer"]
        if self.analyzer not in ("word", "char_wb"):
            raise ValueError(f"unknown analyzer {self.analyzer!r}")
        self.min_n, self.max_n = (int(v) for v in spec["ngram_range"])
        if not 1 <= self.min_n <= self.max_n:
            raise ValueError("bad ngram_range")
        if not spec.get("sublinear_tf") or spec.get("norm") != "l2":
            raise ValueError("only sublinear_tf with l2 norm is supported")
        self.token_re = re.compile(spec.get("token_pattern", WORD_TOKEN_PATTERN))
        self.terms: list[str] = list(spec["vocabulary"])
        self.index = {term: i for i, term in enumerate(self.terms)}
        self.idf = _decode_floats(spec["idf"], f"{self.name} idf")
        self.coef = _decode_floats(spec["coef"], f"{self.name} coef")
        if not (len(self.terms) == len(self.index) == len(self.idf) == len(self.coef)):
            raise ValueError(f"{self.name}: vocabulary, idf and coef sizes differ")

    def analyze(self, doc: str) -> list[str]:
        if self.analyzer == "word":
            return word_ngrams(doc, self.min_n, self.max_n, self.token_re)
        return char_wb_ngrams(doc, self.min_n, self.max_n)

    def sparse(self, docs: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, cols, tf-idf values before the l2 norm) of the in-vocabulary terms."""
        rows: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        get = self.index.get
        for r, doc in enumerate(docs):
            for term, c in Counter(self.analyze(doc)).items():
                j = get(term)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
                    counts.append(c)
        rows_a = np.asarray(rows, dtype=np.int64)
        cols_a = np.asarray(cols, dtype=np.int64)
        vals = (np.log(np.asarray(counts, dtype=np.float64)) + 1.0) * self.idf[cols_a]
        return rows_a, cols_a, vals

    def decision(self, docs: list[str]) -> np.ndarray:
        """This block's share of w . x for each document (l2-normalised tf-idf times coef)."""
        n = len(docs)
        rows, cols, vals = self.sparse(docs)
        norms = np.sqrt(np.bincount(rows, weights=vals * vals, minlength=n))
        dots = np.bincount(rows, weights=vals * self.coef[cols], minlength=n)
        safe = np.where(norms > 0.0, norms, 1.0)
        return np.where(norms > 0.0, dots / safe, 0.0)


class CheckWorthinessModel:
    """Probability that a sentence is a check-worthy factual claim."""

    def __init__(self, spec: dict, path: Path | None = None):
        self.path = path
        self.metadata: dict = dict(spec.get("metadata", {}))
        self.blocks = [_TfidfBlock(b) for b in spec["blocks"]]
        hand = spec["hand"]
        if list(hand["names"]) != HAND_FEATURE_NAMES:
            raise ValueError("hand features differ from this version of the code")
        self.hand_coef = _decode_floats(hand["coef"], "hand coef")
        if len(self.hand_coef) != len(HAND_FEATURE_NAMES):
            raise ValueError("hand coef size differs")
        self.intercept = float(spec["intercept"])
        self.threshold: float = float(spec["threshold"])
        if not (math.isfinite(self.intercept) and 0.0 < self.threshold < 1.0):
            raise ValueError("bad intercept or threshold")

    # --- loading ---

    @classmethod
    def load(cls, path: str | Path | None = None) -> "CheckWorthinessModel":
        p = Path(path) if path is not None else default_model_path()
        if not p.is_file():
            raise ModelError(
                f"Check-worthiness model not found: {p} "
                "(retrain with: python -m annotator.core.nlp.train_checkworthy)")
        try:
            with gzip.open(p, "rt", encoding="utf-8") as fh:
                spec = json.load(fh)
            if not isinstance(spec, dict) or spec.get("format") != MODEL_FORMAT:
                raise ValueError("not a check-worthiness model file")
            if spec.get("version") != MODEL_VERSION:
                raise ValueError(f"unsupported model version {spec.get('version')!r}")
            if spec.get("preprocessor") != PREPROCESSOR:
                raise ValueError(f"unsupported preprocessor {spec.get('preprocessor')!r}")
            return cls(spec, p)
        except (OSError, EOFError, UnicodeDecodeError, ValueError, KeyError, TypeError,
                AttributeError, re.error) as exc:
            # json.JSONDecodeError and binascii.Error are ValueErrors; gzip errors are OSErrors.
            raise ModelError(
                f"Check-worthiness model is corrupt or incompatible: {p} ({exc})") from None

    # --- scoring ---

    def decision_function(self, texts: list[str]) -> np.ndarray:
        """w . x + b for each text (the logit of the score)."""
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        docs = [preprocess(t) for t in texts]
        z = np.full(len(texts), self.intercept, dtype=np.float64)
        if not texts:
            return z
        for block in self.blocks:
            z += block.decision(docs)
        z += hand_features(texts) @ self.hand_coef
        return z

    def scores_array(self, texts: list[str]) -> np.ndarray:
        z = self.decision_function(texts)
        # 1 / (1 + exp(-z)) without overflow warnings for large |z|
        return np.exp(-np.logaddexp(0.0, -z))

    def scores(self, texts: list[str]) -> list[float]:
        """Probability (0..1) that each text is check-worthy; compare with ``self.threshold``."""
        return self.scores_array(texts).tolist()

    def is_checkworthy(self, texts: list[str]) -> list[bool]:
        return (self.scores_array(texts) >= self.threshold).tolist()

    # --- explanation ---

    def explain(self, text: str, top: int = 3) -> list[str]:
        """The features that push ``text`` most towards check-worthy, in words.

        E.g. ``['number: 3', 'word: "unemployment"', 'percentage: percent']``. Character n-gram
        weights are summed onto the words they come from; word n-grams are shown as written.
        """
        contrib: dict[str, float] = {}

        def add(label: str, value: float) -> None:
            contrib[label] = contrib.get(label, 0.0) + value

        original = text.lower()
        doc = preprocess(text)
        for block in self.blocks:
            rows, cols, vals = block.sparse([doc])
            if len(vals) == 0:
                continue
            norm = math.sqrt(float(np.dot(vals, vals)))
            weight = {block.terms[c]: v * block.coef[c] / norm for c, v in zip(cols, vals)}
            if block.analyzer == "word":
                # The digit mapping keeps lengths and \w-ness, so tokens line up one to one.
                shown = dict(zip(block.analyze(doc), block.analyze(original)))
                for term, w in weight.items():
                    label = shown.get(term, term)
                    kind = "word" if " " not in label else "words"
                    add(f'{kind}: "{label}"', w)
            else:
                # Spread each character n-gram's weight over its occurrences, onto their words.
                grams_per_word = []
                total: Counter[str] = Counter()
                for w_doc, w_orig in zip(_WHITE_SPACES.sub(" ", doc).split(), original.split()):
                    grams = char_wb_ngrams(w_doc, block.min_n, block.max_n)
                    grams_per_word.append((w_orig.strip(".,;:!?\"'()[]"), grams))
                    total.update(grams)
                for word, grams in grams_per_word:
                    if not word:
                        continue
                    s = sum(weight.get(g, 0.0) / total[g] for g in grams)
                    add(f'word: "{word}"', s)
        values = hand_features([text])[0] * self.hand_coef
        for (name, label, rx), v in zip(HAND_FEATURES, values):
            if v != 0.0:
                m = rx.search(text)
                add(f"{label}: {m.group(0).strip()}" if m else label, float(v))
        ranked = sorted(((v, k) for k, v in contrib.items() if v > 0.0), reverse=True)
        return [k for _, k in ranked[:top]]
