"""The claim score a checker sorts by: the debate-trained check-worthiness model's logit,
re-weighted with a few signals that separate checkable facts from opinion and colour in news.

``p = 1 / (1 + exp(-(base_logit + g * (w . f + b))))`` where ``g`` is :func:`news_gate` (1 for a
text that reads as reported news, 0 for a transcript of speech such as a debate, whose score
stays the base model's), and ``f`` holds the features of
:data:`FEATURES` (who stands behind the sentence, whether it is quoted speech, numbers, dates,
rules, causal claims, opinion and colour words, procedural lines such as "X has been contacted for
comment"...). The weights live in ``resources/models/news_priority.json`` and are trained by
``python -m annotator.core.nlp.train_priority`` on the dev part of the team's news set
(``benchmarks/data/news-dev``) together with ClaimBuster debate sentences, so the same score ranks
news and debates. Pure Python + numpy; a few microseconds per sentence.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from annotator.core.errors import ModelError

MODEL_FILENAME = "news_priority.json"
MODEL_FORMAT = "annotator-priority"

_OPINION = re.compile(
    r"\b(think|thinks|thought|believe|believes|feel|feels|felt|hope|hopes|hoping|wish|wishes|"
    r"want|wants|wanted|love|loved|hate|proud|happy|glad|sad|excited|exciting|disappointed|"
    r"disappointing|delighted|great|greatest|wonderful|amazing|fantastic|terrible|awful|"
    r"beautiful|brilliant|incredible|interesting|important|legend|magical|inspire|inspiring|"
    r"honou?red|deserves?|should|ought|must|need to|needs to|perfect|favou?rite|"
    r"shameful|outrageous|ridiculous|absurd|remarkable|extraordinary|tremendous|deeply|"
    r"truly|really|so much|very much|thank|thanks|welcome|congratulat\w*|affront|misguided)\b",
    re.I)
_COLOUR = re.compile(
    r"\b(atmosphere|style|stunning|superb|dramatic|thrilling|spectacular|colou?rful|crowded|"
    r"packed|cheer\w*|celebrat\w*|fans|crowds?|exuberant|playful\w*|substitut\w*|attacking|"
    r"glimpse|vibrant|lively|bustling|iconic|delight\w*|"
    r"scene|scenes|festive|mood|spirit|flair|impressive|sea of)\b", re.I)
_PROCEDURAL = re.compile(
    r"\b(contacted for comment|for comment|declined to comment|did not respond|has not responded|"
    r"have not responded|could not be reached|not immediately|no comment|approached for|"
    r"reached for comment|(?:read|watch|see|click|follow) (?:more|here|our|the full|below)|"
    r"full interview|additional video|this article|subscribe)\b", re.I)
_RULE = re.compile(
    r"\b(must|required|requires|mandatory|compulsory|within \w+ (?:days|weeks|months)|deadline|"
    r"law|laws|legal|illegal|banned|ban|rule|rules|regulations?|recommends?|recommendation|"
    r"ruled|court|sentenced|charged|convicted|guilty|bail|fine|fined|prohibited|permitted|"
    r"entitled|eligible)\b", re.I)
_CAUSAL = re.compile(
    r"\b(cause[sd]?|causing|lead to|leads to|led to|result(?:s|ed)? in|due to|because|"
    r"linked to|associated with|prevents?|preventable|increase[sd]? the risk|reduces?|"
    r"effects?|consequences?|contribut\w+ to|responsible for)\b", re.I)
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|"
    r"billions|dozens?|half|third|quarter|twice|double|triple|percent|per cent)\b", re.I)
_DATE = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"last (?:week|month|year)|(?:1[89]|20)\d\d)\b")
_FIRST = re.compile(r"\b(I|me|my|we|our|us|I'm|I’m|we're|we’re|I've|I’ve)\b")
_SECOND = re.compile(r"\b(you|your|you're|you’re)\b", re.I)
_MODAL = re.compile(r"\b(will|would|could|might|may|can|shall)\b", re.I)
_QUOTES = "\"“”‘’"
# Evaluation, appeal and feeling words beyond _OPINION: how a thing is judged, not what
# it is (the detector's "stated without judging" test for a source's figures and dates).
_EVALUATIVE = re.compile(
    r"\b(popular\w*|influential|unique|prominent|famous|renowned|celebrated|notable|"
    r"significant|powerful|successful|success|progress|pleased|alarmed|worried|concern(?:ed|s)?|"
    r"fear\w*|afraid|critical|critici[sz]\w*|praise\w*|hopeful|optimistic|pessimistic|"
    r"confident|grateful|thankful|sorry|regret\w*|shock\w*|surpris\w*|impress\w*|"
    r"interest(?:ed|ing)?|enjoy\w*|fun|passion\w*|obsess\w*|inspir\w*|legacy|legend\w*|"
    r"perfect|ideal|excellent|outstanding|unprecedented|historic|true win|big hit|"
    r"best|worst|better|worse|nice|good|bad|poor|strong|weak|easy|difficult|hard|"
    r"encourag\w*|urg(?:e|es|ed|ing)|appeal\w*|call(?:s|ed)? (?:on|for)|wish\w*|"
    r"welcom\w*|support\w*|oppos\w*|condemn\w*)\b", re.I)

FEATURES = [
    "base_logit", "attr_person", "attr_organisation", "attr_document", "attr_anonymous",
    "hedged", "quoted", "first_person", "opinion", "colour", "procedural",
    "number", "date", "past_tense", "proper_nouns", "rule", "causal", "modal", "question",
    "length", "sourced_fact", "sourced_opinion", "claim_cue", "reported_speech", "narrative",
]
# Cues by which a source asserts or denies a fact (rather than feels, hopes or describes).
CLAIM_CUES = {"claim", "allege", "deny", "insist", "accuse", "reveal", "confirm", "admit",
              "report", "announce", "state", "find", "estimate", "testify", "disclose",
              "according to", "show", "conclude", "warn", "assert", "statement"}


def features(span, attribution, quoted: bool, base_probability: float,
             inherited: bool = False) -> list[float]:
    """The feature vector of one sentence (`attribution`: its final Attribution; `quoted`: the
    sentence is inside or opens a quotation; `inherited`: its source is named in another
    sentence)."""
    text = span.text
    p = min(max(base_probability, 1e-6), 1 - 1e-6)
    source = attribution.source_type if attribution is not None else None
    kind = attribution.kind.value if attribution is not None else "none"
    if kind == "named" and source is None:
        source = "person"
    tags = [t.tag_ for t in span]
    n_words = sum(1 for t in span if not t.is_punct and not t.is_space)
    partial = any(c in text for c in _QUOTES)
    sourced = kind in ("named", "anonymous")
    number = bool(_NUMBER.search(text))
    date = bool(_DATE.search(text)) or any(e.label_ == "DATE" for e in span.ents)
    opinion = len(_OPINION.findall(text))
    first = bool(_FIRST.search(text))
    cue = attribution.cue if attribution is not None else None
    return [
        max(-8.0, min(8.0, math.log(p / (1 - p)))),
        float(kind == "named" and source == "person"),
        float(kind == "named" and source == "organisation"),
        float(kind == "named" and source == "document"),
        float(kind == "anonymous"),
        float(kind == "hedged"),
        float(quoted) + 0.5 * float(partial and not quoted),
        float(first),
        math.log1p(opinion),
        math.log1p(len(_COLOUR.findall(text))),
        float(bool(_PROCEDURAL.search(text))),
        float(number),
        float(date),
        float("VBD" in tags or "VBN" in tags),
        math.log1p(sum(1 for t in tags if t in ("NNP", "NNPS"))),
        float(bool(_RULE.search(text))),
        float(bool(_CAUSAL.search(text))),
        float(bool(_MODAL.search(text))),
        float("?" in text),
        math.log1p(n_words) / 4.0,
        float(sourced and (number or date)),
        float((sourced or quoted) and (opinion > 0 or first)),
        float(sourced and cue in CLAIM_CUES),
        float(sourced and not inherited and not quoted),
        # the writer's own third-person account of what happened
        float(kind == "none" and not quoted and not partial and not first and opinion == 0
              and not _SECOND.search(text) and ("VBD" in tags or "VBN" in tags)),
    ]


def default_model_path() -> Path:
    import os

    override = os.environ.get("ANNOTATOR_PRIORITY_MODEL")
    if override:
        return Path(override)
    from annotator.resources import resource_path

    return resource_path("models", MODEL_FILENAME)


class PriorityModel:
    """Logistic re-scoring of the base check-worthiness probability for news."""

    def __init__(self, spec: dict, path: Path | None = None):
        if list(spec["features"]) != FEATURES:
            raise ValueError("priority features differ from this version of the code")
        self.path = path
        self.coef = np.asarray(spec["coef"], dtype=np.float64)
        self.intercept = float(spec["intercept"])
        self.threshold = float(spec["threshold"])
        self.metadata = dict(spec.get("metadata", {}))
        if len(self.coef) != len(FEATURES) or not np.all(np.isfinite(self.coef)):
            raise ValueError("bad priority coefficients")
        if not 0.0 < self.threshold < 1.0:
            raise ValueError("bad priority threshold")

    @classmethod
    def identity(cls) -> "PriorityModel":
        coef = [0.0] * len(FEATURES)
        coef[0] = 1.0
        return cls({"features": FEATURES, "coef": coef, "intercept": 0.0, "threshold": 0.5})

    @classmethod
    def load(cls, path: str | Path | None = None) -> "PriorityModel":
        p = Path(path) if path is not None else default_model_path()
        try:
            spec = json.loads(p.read_text(encoding="utf-8"))
            if spec.get("format") != MODEL_FORMAT:
                raise ValueError("not a priority model file")
            return cls(spec, p)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"Priority model is missing, corrupt or incompatible: {p} ({exc})") \
                from None

    def score(self, feats: list[float], gate: float = 1.0) -> float:
        """``sigmoid(base_logit + gate * (w . f + b))``: with gate 0 (a transcript of speech, see
        :func:`news_gate`) the score is the base model's own."""
        z = feats[0] + gate * (float(np.dot(self.coef[1:], feats[1:])) + self.intercept)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


_SPEAKER_WORDS = re.compile(r"\b(I|me|my|we|us|our|you|your|I'm|we're|you're|I've|we've)\b", re.I)
_QUOTED_PART = re.compile(r"[\"“‘][^\"“”‘’]*[\"”’]")


def news_gate(sentences: list[str]) -> float:
    """How much a text reads as reported news (1.0) rather than a transcript of speech (0.0).

    The share of sentences that speak in the first or second person outside quotation marks:
    news reports are told in the third person (0-12 % of sentences in the team's 18 Wikinews
    articles), debate transcripts in the first (57-90 % in ClaimBuster samples of 30). Up to 20 %
    counts as news, from 45 % as speech, linearly between; fewer than 3 sentences count as news.
    """
    if len(sentences) < 3:
        return 1.0
    speaking = sum(bool(_SPEAKER_WORDS.search(_QUOTED_PART.sub("", s))) for s in sentences)
    share = speaking / len(sentences)
    return float(min(1.0, max(0.0, (0.45 - share) / 0.25)))
