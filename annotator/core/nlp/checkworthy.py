"""Check-worthiness scores for sentences, from a small exported linear model.

The model is trained by ``python -m annotator.core.nlp.train_checkworthy`` (scikit-learn, training
only) and exported to ``resources/models/checkworthy.json.gz``. This module reproduces the trained
pipeline with the standard library and numpy alone, so the app never imports scikit-learn:

* two TF-IDF blocks that behave exactly like scikit-learn's ``TfidfVectorizer`` (word n-grams with
  the default token pattern, and ``char_wb`` character n-grams; ``sublinear_tf``, smoothed idf,
  l2 norm per block), both over the text lowercased with every digit replaced by ``0``;
* a third TF-IDF block of word n-grams over the sentence as spaCy tokenised it, with every named
  entity replaced by its label (``"unemployment fell by ENTPERCENT in ENTDATE"``);
* a few hand features from cheap regular expressions (numbers, percentages, money, dates,
  comparisons, opinion markers...), computed by :func:`hand_features`, which training uses too;
* counts of spaCy's fine-grained tags, dependency labels and entity labels in the sentence
  (``log(1 + n)``, standardised), computed by :func:`spacy_features`;
* one logistic regression over the concatenation: ``p = 1 / (1 + exp(-(w . x + b)))``.

The spaCy features come from the app's own pipeline (en_core_web_sm: tagger, parser, ner), which
has already run over every sentence by the time it is scored: pass the sentence spans to
:meth:`CheckWorthinessModel.scores`. Given texts alone, the model parses them itself with the same
pipeline (loaded once, lazily), so a score never silently drops features.

Training data: the ClaimBuster dataset (Arslan, Hassan, Li, Tremayne, ICWSM 2020; CC BY 4.0),
sentences from US presidential debates. Scores on news text are expected to be lower in quality.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import re
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import numpy as np

from annotator.core.errors import ModelError
from annotator.core.nlp.casefold import fold, sensitive

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Span

MODEL_FILENAME = "checkworthy.json.gz"
MODEL_FORMAT = "annotator-checkworthy"
MODEL_VERSION = 2
PREPROCESSOR = "lower-digits0"
BLOCK_INPUTS = ("text", "entity_masked")
# The spaCy pipeline that makes the spaCy features: the app's (see detector.load_pipeline), which
# this module cannot import (the detector imports us). Official package first.
PIPELINE_EXCLUDE = ["lemmatizer"]  # as trained; the tagger, parser and NER are what it reads

# scikit-learn's defaults, copied so the tokenisation is identical.
WORD_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_WHITE_SPACES = re.compile(r"\s\s+")
_WORD_CACHE_LIMIT = 200_000  # distinct words whose char n-grams are remembered
_DIGIT = re.compile(r"\d")


def default_model_path() -> Path:
    """The shipped model, or the file ANNOTATOR_CHECKWORTHY_MODEL names (for evaluation)."""
    from annotator.resources import model_path  # the bundle's folder when frozen

    return model_path(MODEL_FILENAME, "ANNOTATOR_CHECKWORTHY_MODEL")


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
# The case-insensitive patterns run case-sensitively over the lowercased batch (see .casefold).
_FAST_PATTERNS = [sensitive(rx) if rx.flags & re.I else None for _, _, rx in HAND_FEATURES]


def hand_features(texts: list[str]) -> np.ndarray:
    """The hand features of each text, shape (len(texts), len(HAND_FEATURE_NAMES)), float64.

    Each pattern runs once over the whole batch joined with NUL (which no
    pattern can match or look behind across), and its matches are assigned to
    texts by offset: the same counts as one `findall` per text, 14 times fewer
    regex calls.
    """
    n = len(texts)
    out = np.zeros((n, len(HAND_FEATURE_NAMES)), dtype=np.float64)
    if not n:
        return out
    joined = "\x00".join(texts)
    lowered = fold(joined)
    starts = np.zeros(n, dtype=np.int64)
    if n > 1:
        starts[1:] = np.cumsum(np.fromiter((len(t) + 1 for t in texts[:-1]), np.int64, n - 1))
    for j, (_, _, rx) in enumerate(HAND_FEATURES):
        fast = _FAST_PATTERNS[j]
        if fast is not None and lowered is not None:
            matches = fast.finditer(lowered)
        else:
            matches = rx.finditer(joined)
        positions = np.fromiter((m.start() for m in matches), dtype=np.int64)
        if positions.size:
            owners = np.searchsorted(starts, positions, side="right") - 1
            out[:, j] = np.log1p(np.bincount(owners, minlength=n))
    out[:, -1] = np.log1p(np.fromiter((len(t.split()) for t in texts), np.float64, n)) / 4.0
    return out


# --- spaCy features -----------------------------------------------------------------------------
# Label sets of en_core_web_sm 3.x. The model file stores the lists it was trained with and
# refuses to load if they differ from these.

SPACY_TAGS: list[str] = [
    "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "HYPH",
    "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS", "PRP",
    "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
    "WDT", "WP", "WP$", "WRB", "XX", "_SP", "``"]
SPACY_DEPS: list[str] = [
    "ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass",
    "case", "cc", "ccomp", "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det", "dobj",
    "expl", "intj", "mark", "meta", "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod",
    "oprd", "parataxis", "pcomp", "pobj", "poss", "preconj", "predet", "prep", "prt", "punct",
    "quantmod", "relcl", "xcomp"]
SPACY_ENTS: list[str] = [
    "CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP", "ORDINAL",
    "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART"]
SPACY_FEATURE_NAMES: list[str] = ([f"tag:{t}" for t in SPACY_TAGS]
                                  + [f"dep:{d}" for d in SPACY_DEPS]
                                  + [f"ent:{e}" for e in SPACY_ENTS])
_TAG_INDEX = {t: i for i, t in enumerate(SPACY_TAGS)}
_DEP_INDEX = {d: len(SPACY_TAGS) + i for i, d in enumerate(SPACY_DEPS)}
_ENT_INDEX = {e: len(SPACY_TAGS) + len(SPACY_DEPS) + i for i, e in enumerate(SPACY_ENTS)}
ENTITY_PREFIX = "ENT"


def spacy_features(spans: Sequence["Span"]) -> tuple[list[str], np.ndarray]:
    """For each span: its entity-masked text, and its tag/dep/entity counts as log(1 + n).

    The masked text is the span's tokens, lowercased, space tokens dropped, with every entity
    inside the span replaced by one token ``ENT<label>``. The counts have shape
    (len(spans), len(SPACY_FEATURE_NAMES)); space tokens are not counted.
    """
    masked: list[str] = []
    counts = np.zeros((len(spans), len(SPACY_FEATURE_NAMES)), dtype=np.float64)
    tag_get, dep_get, ent_get = _TAG_INDEX.get, _DEP_INDEX.get, _ENT_INDEX.get
    for r, span in enumerate(spans):
        row = counts[r]
        for tok in span:
            if tok.is_space:
                continue
            j = tag_get(tok.tag_)
            if j is not None:
                row[j] += 1.0
            j = dep_get(tok.dep_)
            if j is not None:
                row[j] += 1.0
        starts = {}
        for ent in span.ents:
            starts[ent.start] = ent
            j = ent_get(ent.label_)
            if j is not None:
                row[j] += 1.0
        words: list[str] = []
        doc = span.doc
        i, end = span.start, span.end
        while i < end:
            ent = starts.get(i)
            if ent is not None:
                words.append(ENTITY_PREFIX + ent.label_)
                i = ent.end
                continue
            tok = doc[i]
            if not tok.is_space:
                words.append(tok.lower_)
            i += 1
        masked.append(" ".join(words))
    np.log1p(counts, out=counts)
    return masked, counts


_pipeline_lock = threading.Lock()
_pipeline: "Language | None" = None


def spacy_pipeline() -> "Language":
    """The app's English pipeline (without the claim detector), loaded once on first use."""
    global _pipeline
    with _pipeline_lock:
        if _pipeline is None:
            from annotator.core.nlp.pipeline import load_english

            _pipeline = load_english(PIPELINE_EXCLUDE)
        return _pipeline


def parse(texts: Sequence[str], batch_size: int = 256) -> list["Span"]:
    """Each text parsed as its own document by :func:`spacy_pipeline`, as a whole-doc span."""
    nlp = spacy_pipeline()
    return [doc[:] for doc in nlp.pipe(list(texts), batch_size=batch_size)]


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
        self.input = spec.get("input", "text")
        if self.input not in BLOCK_INPUTS:
            raise ValueError(f"unknown block input {self.input!r}")
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
        self._word_cache: dict[str, np.ndarray] = {}

    def analyze(self, doc: str) -> list[str]:
        if self.analyzer == "word":
            return word_ngrams(doc, self.min_n, self.max_n, self.token_re)
        return char_wb_ngrams(doc, self.min_n, self.max_n)

    def sparse(self, docs: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, cols, tf-idf values before the l2 norm) of the in-vocabulary terms."""
        get = self.index.get
        # each document's term ids as an array, joined once (a Python list of every id, turned
        # into an array, cost more than finding them)
        pieces: list[np.ndarray] = []
        per_doc = np.zeros(len(docs), dtype=np.int64)
        if self.analyzer == "char_wb":
            # char_wb n-grams never cross a word: work them out once per distinct
            # word (a batch repeats most of its words) and keep only known ones.
            cache = self._word_cache
            for r, doc in enumerate(docs):
                total = 0
                for word in _WHITE_SPACES.sub(" ", doc).split():
                    ids = cache.get(word)
                    if ids is None:
                        ids = np.fromiter(
                            (j for j in map(get, char_wb_ngrams(word, self.min_n, self.max_n))
                             if j is not None), dtype=np.int64)
                        if len(cache) < _WORD_CACHE_LIMIT:
                            cache[word] = ids
                    pieces.append(ids)
                    total += len(ids)
                per_doc[r] = total
        else:
            flat: list[int] = []
            for r, doc in enumerate(docs):
                ids = [j for j in map(get, self.analyze(doc)) if j is not None]
                flat += ids
                per_doc[r] = len(ids)
            pieces.append(np.array(flat, dtype=np.int64))
        if not per_doc.any():
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float64)
        cols = np.concatenate(pieces)
        rows = np.repeat(np.arange(len(docs), dtype=np.int64), per_doc)
        keys, counts = np.unique(rows * len(self.terms) + cols, return_counts=True)
        rows_a, cols_a = np.divmod(keys, len(self.terms))
        vals = (np.log(counts.astype(np.float64)) + 1.0) * self.idf[cols_a]
        return rows_a, cols_a, vals

    def decision(self, docs: list[str]) -> np.ndarray:
        """This block's share of w . x for each document (l2-normalised tf-idf times coef)."""
        n = len(docs)
        rows, cols, vals = self.sparse(docs)
        norms = np.sqrt(np.bincount(rows, weights=vals * vals, minlength=n))
        dots = np.bincount(rows, weights=vals * self.coef[cols], minlength=n)
        safe = np.where(norms > 0.0, norms, 1.0)
        return np.where(norms > 0.0, dots / safe, 0.0)


def _entity_token_label(word: str) -> str:
    """``entpercent`` (a masked entity, lowercased) -> ``<PERCENT>``; other words unchanged."""
    if word.startswith(ENTITY_PREFIX.lower()):
        label = word[len(ENTITY_PREFIX):].upper()
        if label in _ENT_INDEX:
            return f"<{label}>"
    return word


class _SpacyCounts:
    """The standardised tag/dep/entity counts and their slice of the coefficients."""

    def __init__(self, spec: dict):
        if list(spec["names"]) != SPACY_FEATURE_NAMES:
            raise ValueError("spaCy features differ from this version of the code")
        self.mean = _decode_floats(spec["mean"], "spacy mean")
        self.scale = _decode_floats(spec["scale"], "spacy scale")
        self.coef = _decode_floats(spec["coef"], "spacy coef")
        if not len(self.mean) == len(self.scale) == len(self.coef) == len(SPACY_FEATURE_NAMES):
            raise ValueError("spacy mean, scale and coef sizes differ")

    def contributions(self, counts: np.ndarray) -> np.ndarray:
        return (counts - self.mean) * self.scale * self.coef

    def decision(self, counts: np.ndarray) -> np.ndarray:
        return ((counts - self.mean) * self.scale) @ self.coef


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
        self.spacy = _SpacyCounts(spec["spacy"]) if spec.get("spacy") is not None else None
        self.intercept = float(spec["intercept"])
        self.threshold: float = float(spec["threshold"])
        if not (math.isfinite(self.intercept) and 0.0 < self.threshold < 1.0):
            raise ValueError("bad intercept or threshold")

    @property
    def needs_spacy(self) -> bool:
        """True if scores use spaCy features (then pass spans, or texts are parsed here)."""
        return self.spacy is not None or any(b.input != "text" for b in self.blocks)

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

    def _spans_for(self, texts: list[str], spans: Sequence["Span"] | None) -> Sequence["Span"]:
        if spans is None:
            return parse(texts)
        if len(spans) != len(texts):
            raise ValueError(f"{len(spans)} spans for {len(texts)} texts")
        return spans

    def decision_function(self, texts: list[str], spans: Sequence["Span"] | None = None
                          ) -> np.ndarray:
        """w . x + b for each text (the logit of the score).

        ``spans``: the spaCy spans the texts come from (``texts[i] == spans[i].text``), parsed by
        the app's pipeline; if None and the model uses spaCy features, the texts are parsed here.
        """
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        z = np.full(len(texts), self.intercept, dtype=np.float64)
        if not texts:
            return z
        docs = [preprocess(t) for t in texts]
        masked_docs: list[str] = []
        counts = None
        if self.needs_spacy:
            masked, counts = spacy_features(self._spans_for(texts, spans))
            masked_docs = [preprocess(t) for t in masked]
        for block in self.blocks:
            z += block.decision(docs if block.input == "text" else masked_docs)
        z += hand_features(texts) @ self.hand_coef
        if self.spacy is not None:
            z += self.spacy.decision(counts)
        return z

    def scores_array(self, texts: list[str], spans: Sequence["Span"] | None = None) -> np.ndarray:
        z = self.decision_function(texts, spans)
        # 1 / (1 + exp(-z)) without overflow warnings for large |z|
        return np.exp(-np.logaddexp(0.0, -z))

    def scores(self, texts: list[str], spans: Sequence["Span"] | None = None) -> list[float]:
        """Probability (0..1) that each text is check-worthy; compare with ``self.threshold``.

        Pass ``spans`` (spaCy spans aligned with ``texts``) when the app's pipeline has already
        parsed the sentences; without them the texts are parsed here, each as its own document.
        """
        return self.scores_array(texts, spans).tolist()

    def is_checkworthy(self, texts: list[str], spans: Sequence["Span"] | None = None
                       ) -> list[bool]:
        return (self.scores_array(texts, spans) >= self.threshold).tolist()

    # --- explanation ---

    def explain(self, text: str, top: int = 3, span: "Span | None" = None) -> list[str]:
        """The features that push ``text`` most towards check-worthy, in words.

        E.g. ``['number: 3', 'word: "unemployment"', 'percentage: percent']``. Character n-gram
        weights are summed onto the words they come from; word n-grams are shown as written
        (entities in the entity-masked block as ``<LABEL>``); tag and dependency counts together
        are "sentence structure". ``span`` as in :meth:`scores` (parsed here if None).
        """
        contrib: dict[str, float] = {}

        def add(label: str, value: float) -> None:
            contrib[label] = contrib.get(label, 0.0) + value

        original = text.lower()
        doc = preprocess(text)
        masked = masked_doc = None
        counts = None
        if self.needs_spacy:
            span = self._spans_for([text], None if span is None else [span])[0]
            masked_list, counts_all = spacy_features([span])
            masked, counts = masked_list[0], counts_all[0]
            masked_doc = preprocess(masked)
        for block in self.blocks:
            if block.input == "entity_masked":
                rows, cols, vals = block.sparse([masked_doc])
                if len(vals) == 0:
                    continue
                norm = math.sqrt(float(np.dot(vals, vals)))
                shown = dict(zip(block.analyze(masked_doc), block.analyze(masked.lower())))
                for c, v in zip(cols, vals):
                    term = block.terms[c]
                    label = " ".join(_entity_token_label(w) for w in shown.get(term, term).split())
                    kind = "word" if " " not in label else "words"
                    add(f'{kind}: "{label}"', v * block.coef[c] / norm)
                continue
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
        if self.spacy is not None and counts is not None:
            values = self.spacy.contributions(counts)
            n_syntax = len(SPACY_TAGS) + len(SPACY_DEPS)
            add("sentence structure", float(values[:n_syntax].sum()))
            first = {}
            for ent in span.ents:
                first.setdefault(ent.label_, ent.text)
            for name, v in zip(SPACY_ENTS, values[n_syntax:]):
                if counts[n_syntax + SPACY_ENTS.index(name)] > 0.0:
                    add(f"entity: {first.get(name, name)}", float(v))
        ranked = sorted(((v, k) for k, v in contrib.items() if v > 0.0), reverse=True)
        return [k for _, k in ranked[:top]]
