"""The claim score a checker sorts by: the debate-trained check-worthiness model's logit,
re-weighted with a few signals that separate checkable facts from opinion and colour in news.

``p = 1 / (1 + exp(-(base_logit + g * (w . f + b))))`` where ``g`` is :func:`news_gate` (1 for a
text that reads as reported news, 0 for a transcript of speech such as a debate, whose score
stays the base model's), and ``f`` holds the features of
:data:`FEATURES` (who stands behind the sentence, whether it is quoted speech, numbers, dates,
rules, causal claims, opinion and colour words, procedural lines such as "X has been contacted for
comment"...). The weights live in ``resources/models/news_priority.json`` and are trained by
``python -m annotator.core.nlp.train_priority`` on the dev part of the team's news set
(``benchmarks/data/news-dev``); debates keep the base model's score (gate 0). Pure Python +
numpy; the word vocabularies are matched as sets (:class:`_Lexicon`), a fraction of a
millisecond per sentence.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Sequence

import numpy as np

from annotator.core.errors import ModelError
from annotator.core.nlp.rules import _plausible
from annotator.core.nlp.spantext import ents_of, text_of

MODEL_FILENAME = "news_priority.json"
# The same model with one more feature, the sentence reader's logit (reader.py): used when the
# reader reads the text (every news article; see detector.READER_MAX_SENTENCES)
READER_MODEL_FILENAME = "news_priority_reader.json"
MODEL_FORMAT = "annotator-priority"

_WORDS = re.compile(r"[a-z]+")


class _Lexicon:
    """A vocabulary matched on the whole words (and word beginnings) of the lowercased text:
    one set lookup a word, where a regex alternation would try every entry at every word (the
    claim component's share of the detection time). Phrases stay a regex."""

    def __init__(self, words: str, prefixes: str = "", phrases: str = ""):
        self.words = frozenset(words.split())
        self.prefixes = tuple(prefixes.split())
        self.phrases = re.compile(rf"\b(?:{phrases})\b") if phrases else None

    def count(self, words: list[str], lower: str) -> int:
        """Matches among `words` (the _WORDS of `lower`, the lowercased text)."""
        known, prefixes = self.words, self.prefixes
        n = sum(1 for w in words if w in known or (prefixes and w.startswith(prefixes)))
        return n + (len(self.phrases.findall(lower)) if self.phrases else 0)

    def search(self, text: str) -> bool:
        lower = text.lower()
        return self.count(_WORDS.findall(lower), lower) > 0


class _Gated:
    """A regex of whole-word alternatives run only when the text holds one of the words every
    match contains (as a word of the lowercased text, see _WORDS): most sentences hold none,
    and a set lookup a word is far cheaper than trying the alternation at every position. The
    answer is the regex's own."""

    def __init__(self, regex: "re.Pattern[str]", words: str, prefixes: str = ""):
        self.regex = regex
        self.words = frozenset(words.split())
        self.prefixes = tuple(prefixes.split())

    def search(self, text: str, present: frozenset) -> bool:
        if self.words.isdisjoint(present) and not (
                self.prefixes and any(w.startswith(self.prefixes) for w in present)):
            return False
        return self.regex.search(text) is not None


_OPINION = _Lexicon(
    "think thinks thought believe believes feel feels felt hope hopes hoping wish wishes want "
    "wants wanted love loved hate proud happy glad sad excited exciting disappointed "
    "disappointing delighted great greatest wonderful amazing fantastic terrible awful "
    "beautiful brilliant incredible interesting important legend magical inspire inspiring "
    "honored honoured deserve deserves should ought must perfect favorite favourite shameful "
    "outrageous ridiculous absurd remarkable extraordinary tremendous deeply truly really "
    "thank thanks welcome affront misguided",
    prefixes="congratulat", phrases=r"need to|needs to|so much|very much")
_COLOUR = _Lexicon(
    "atmosphere style stunning superb dramatic thrilling spectacular colorful colourful crowded "
    "packed fans crowd crowds exuberant attacking glimpse vibrant lively bustling iconic "
    "festive mood spirit flair impressive",
    prefixes="cheer celebrat playful substitut delight", phrases=r"sea of|scenes of")
# Crowd words are colour in a scene ("the crowd roared") and a figure with a count ("the crowd
# had grown to 10,000").
_CROWD_WORDS = frozenset({"crowd", "crowds", "fans", "packed", "crowded"})
_DIGIT = re.compile(r"\d")
# "Substitute Jo Reyes scored the winner": the word names who scored, not a substitution
_SUBSTITUTE_NAMED = re.compile(r"\b[Ss]ubstitutes?\s+(?:[a-z]+\s+)?[A-Z]")


def _colour(words: list[str], lower: str, text: str) -> int:
    n = _COLOUR.count(words, lower)
    if n and _DIGIT.search(text):
        n -= sum(1 for w in words if w in _CROWD_WORDS)
    if n:
        n -= len(_SUBSTITUTE_NAMED.findall(text))
    return max(n, 0)


def showy(text: str) -> bool:
    """The writer's show words ("a stunning strike", "the festive mood"): colour other than the
    crowd words, which crisis copy uses for where it happened ("a crowded market")."""
    lower = text.lower()
    words = [w for w in _WORDS.findall(lower) if w not in _CROWD_WORDS]
    n = _COLOUR.count(words, lower)
    return n > 0 and n - len(_SUBSTITUTE_NAMED.findall(text)) > 0


# Speech acts with nothing to check (the guidelines' appeals and hopes): an appeal ("He called
# on Ms Ashworth to publish the costings", "urged residents to stay indoors"), a slogan on
# placards, a vow of defiance ("We will not back down"), where to get in touch. The reader may
# sink them, never lift them (round 25: a reader retrained on more copy lifted the unit tests'
# appeal, slogan and vow, and the testers' questions and contact lines).
_NO_CLAIM_ACTS = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon)\s+[^.;:]{1,60}?\s+to\s+[a-z]+|"
    r"urg(?:e|es|ed|ing)\s+[^.;:]{1,60}?\s+to\s+[a-z]+|"
    r"(?:appealed|appealing)\s+(?:to|for)\b|"
    # how to get in touch: "should contact Jo Smith, dean of admissions, at 555-0100"
    r"\b(?:contact|call|e-?mail|phone|ring)\b[^.;]{0,80}?\b(?:at|on)\s+(?:\(?\d|[\w.]+@)|"
    r"(?:placards?|banners?|signs?|slogans?)\s+(?:reading|saying|that\s+read)|"
    r"will\s+(?:not|never)\s+(?:back\s+down|give\s+up|give\s+in|surrender|be\s+silenced|"
    r"be\s+intimidated|be\s+beaten|stop\s+fighting)|"
    r"will\s+(?:fight\s+on|keep\s+fighting|carry\s+on\s+fighting))", re.I)


def no_claim_act(text: str) -> bool:
    """An appeal, a slogan, a vow of defiance, where to get in touch, or a question (the
    guidelines: an interviewer's questions are no claim): words that ask, defy or direct, with
    nothing to check."""
    return text.rstrip().rstrip("\"”’'").endswith("?") or \
        _NO_CLAIM_ACTS.search(text) is not None


_PROCEDURAL = re.compile(
    r"\b(contacted for comment|for comment|declined to comment|did not respond|has not responded|"
    r"(?:does|do|did|would|will) not comment|(?:has|have|had) not (?:yet )?(?:publicly )?"
    r"commented|refused to comment|anyone with information|"
    r"(?:declined|refused) to (?:discuss|speculate|elaborate|be drawn)|"
    r"would not (?:discuss|speculate|elaborate)|"
    r"crimestoppers|"
    r"have not responded|could not be reached|not immediately|no comment|approached for|"
    # "Wikinews contacted the Church for a statement, but the Church has yet to reply"
    r"for a statement|(?:has|have|had) yet to (?:reply|respond|comment)|"
    r"(?:did|has|have|had) not (?:yet )?replied|(?:has|have|had) not (?:yet )?responded|"
    r"did not (?:receive|get) (?:a|any) (?:reply|response)|"
    r"(?:did|has|have|had) not (?:yet )?(?:provided|provide|offered|offer|given|give) (?:any )?"
    r"evidence|(?:has|have|had) not (?:yet )?(?:officially )?confirmed|"
    # a live blog's or a report's housekeeping: "The court has risen for a short break.", "The
    # trial continues.", "The following is an edited transcript of ..."
    r"court (?:has )?(?:risen|rose) for|(?:trial|hearing|inquest)(?:, [^,]+,)? continues(?:\W*$| (?:on|"
    r"tomorrow|today|after|next|this)\b)|^\W*the following is (?:an?|the) |"
    # wire copy's sourcing notes: "Reuters could not independently verify the reports", "He did
    # not say what had caused the blast", "They spoke on condition of anonymity because ..."
    r"independently (?:verify|verified|confirm|confirmed)|"
    r"(?:did|would|could) not say (?:what|why|how|whether|when|where|who|if)|"
    r"declined to say|(?:did|would) not give (?:any )?(?:further |more )?details|"
    r"gave no (?:further |more )?details|"
    r"^\W*(?:they|he|she|both|the \w+) (?:spoke|speak|speaks|asked) (?:on condition of "
    r"anonymity|not to be (?:named|identified)) because|"
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
_COMPARISON = re.compile(
    r"\b(more|less|fewer|higher|lower|larger|smaller|bigger|greater)\s+than\b|"
    r"\bthe\s+(?:highest|lowest|largest|biggest|smallest|greatest|most|least|first|worst|best|"
    r"youngest|oldest)\b|\b(record|doubled|tripled|halved|(?:rose|fell|increased|decreased|"
    r"dropped|declined|grew|climbed|jumped|surged|plunged)\s+(?:by|to|from)|up\s+from|"
    r"down\s+from|compared\s+(?:with|to))\b", re.I)
# (case-sensitive, so that "US" is not "us"; a sentence may open with "We", "Our", "My")
_FIRST = re.compile(
    r"\b(I|me|my|we|our|us|I'm|I’m|we're|we’re|I've|I’ve|We|Our|My|We're|We’re)\b")
_SECOND = re.compile(r"\b(you|your|you're|you’re)\b", re.I)
_QUOTES = "\"“”‘’"
# Evaluation, appeal and feeling words beyond _OPINION: how a thing is judged, not what
# it is (the detector's "stated without judging" test for a source's figures and dates).
_EVALUATIVE = _Lexicon(
    "influential unique prominent famous renowned celebrated notable significant powerful "
    "successful success progress pleased alarmed worried concern concerned concerns afraid "
    "critical hopeful optimistic pessimistic confident grateful thankful sorry interest "
    "interested interesting fun legacy perfect ideal excellent outstanding unprecedented "
    "historic best worst better worse nice good bad poor strong weak easy difficult hard urge "
    "urges urged urging willing eager keen thrilled nervous upset angry furious overjoyed "
    "devastated heartbroken satisfied frustrated relieved moved touched "
    # round 5: the feelings and verdicts of tabloid and political copy
    "betrayal betrayed waste disgrace disgraceful shambles fiasco farce nonsense madness unfair "
    "unacceptable pathetic embarrassing humiliating humiliated gutted livid fuming seething "
    "distraught ecstatic elated dismayed appalled appalling horrified outraged disgusted baffled "
    "bemused miserable bitter relaxed",
    prefixes="popular fear critici praise regret shock surpris impress enjoy passion obsess "
             "inspir legend encourag appeal wish welcom support oppos condemn",
    phrases=r"true win|big hit|call(?:s|ed)? (?:again |once more |repeatedly |also |publicly |"
            r"renewed )?(?:on|for)|looking forward|over the moon|"
            r"on cloud nine|in tears|makes? sense|made sense|open mind|fed up|sick and tired|"
            r"slap in the face|at loggerheads")

# Verbs by which a source judges, feels, asks or describes (what a checker cannot verify),
# against verbs of acts and events a record can confirm.
_ASSESSING = _Lexicon(
    "noted notes noting explained explains expressed expresses described describes dubbed "
    "praised hailed urged urges asked asks requested requests encouraged encourages appealed "
    "wishes wished hopes hoped motivated considered considers regarded seems seemed appears "
    "appeared looked looks attracted attract enjoyed observed attended offered featured",
    phrases=r"pointed out|came to the conclusion|admitted she|spoke (?:with|to)")
_ACTING = _Lexicon(
    "arrested detained charged convicted sentenced killed died injured wounded collapsed fired "
    "shot attacked crashed destroyed won lost awarded elected appointed resigned signed passed "
    "approved rejected banned released launched closed opened announced denied granted paid "
    "cost raised sold bought voted filed sued ruled arrived travel traveled travelled deployed "
    "evacuated rescued questioned posted published increased decreased fell rose dropped "
    "doubled occurred happened",
    phrases=r"found guilty")
# Meta lines about the reporting itself ("Wikinews spoke with...", "reporters attended").
# ("told reporters", "said to reporters": the cue of a claim, not a line about the reporting)
_REPORTING_META = re.compile(
    r"\b(wikinews|(?<!told )(?<!tell )(?<!tells )(?<!telling )(?<!to )(?<!briefed )reporters?|"
    r"our readers|this reporter|correspondent|interview(?:ed)?)\b", re.I)
_GENERIC_MODAL = re.compile(
    r"\b(can|could|may|might|will|won['’]t|would|cannot|can['’]t)\s+(?:\w+\s+)?"
    r"(lead|cause|result|develop|grow|make|prevent|reduce|increase|affect|damage|kill|harm|"
    r"help|protect|function|get|need|be)\b", re.I)
_LINE_OR_REFERENCE = re.compile(
    r"\b(?:call|calls|ring|dial|phone|text|contact)\b[^.;]{0,60}?\bon\s+$|"
    r"\b(?:reference|ref\.?|quoting|quote|case number|crime number|extension)\s+$", re.I)


def dialled_or_quoted(number: str, text: str) -> bool:
    """`number` (as written in `text`) is a telephone line or a reference to quote ("call police
    on 101, quoting reference 4471"), not a figure."""
    at = text.find(number)
    return at > 0 and _LINE_OR_REFERENCE.search(text, max(0, at - 80), at) is not None


_SPECIFIC = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LAW", "EVENT")
# The words without which each regex cannot match (one of them is in every alternative).
_PROCEDURAL_GATE = _Gated(_PROCEDURAL, "comment respond responded reached immediately approached "
                          "statement reply replied "
                          "more here our full below interview video article subscribe anyone "
                          "crimestoppers commented discuss speculate elaborate drawn "
                          "independently say details anonymity named identified "
                          "responded risen rose continues following evidence confirmed")
_RULE_GATE = _Gated(_RULE, "must required requires mandatory compulsory within deadline law laws "
                    "legal illegal banned ban rule rules regulation regulations recommend "
                    "recommends recommendation ruled court sentenced charged convicted guilty "
                    "bail fine fined prohibited permitted entitled eligible")
_CAUSAL_GATE = _Gated(_CAUSAL, "cause caused causes causing lead leads led result results resulted "
                      "due because linked associated prevent prevents preventable increase "
                      "increased increases reduce reduces effect effects consequence "
                      "consequences responsible", prefixes="contribut")
_COMPARISON_GATE = _Gated(_COMPARISON, "than highest lowest largest biggest smallest greatest most "
                          "least first worst best youngest oldest record doubled tripled halved "
                          "rose fell increased decreased dropped declined grew climbed jumped "
                          "surged plunged from compared")
_REPORTING_META_GATE = _Gated(_REPORTING_META, "wikinews reporter reporters readers correspondent "
                              "interview interviewed")
_GENERIC_MODAL_GATE = _Gated(_GENERIC_MODAL, "can could may might will won would cannot")

FEATURES = [
    "base_logit", "attr_person", "attr_organisation", "attr_document", "attr_anonymous",
    "first_person", "opinion", "colour", "procedural", "date", "rule", "causal", "question",
    "length", "sourced_fact", "claim_cue", "narrative",
    # round 3: the base logit again (news may weigh the debate-trained model less), judging
    # words, figures and dates whose entity label is believable, verbs of assessment against
    # verbs of action, lines about the reporting itself, generic modal claims ("can lead to"),
    # and what a quotation holds (a fact or a judgement)
    "base_logit_news", "evaluative", "comparison", "figure", "specific_names", "assessing",
    "acting", "reporting_meta", "generic_modal", "second_person", "quoted_fact",
    "quoted_opinion", "writer_judges",
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
    text = text_of(span)
    p = min(max(base_probability, 1e-6), 1 - 1e-6)
    logit = max(-8.0, min(8.0, math.log(p / (1 - p))))
    source = attribution.source_type if attribution is not None else None
    kind = attribution.kind.value if attribution is not None else "none"
    if kind == "named" and source is None:
        source = "person"
    cue = attribution.cue if attribution is not None else None
    tokens = list(span)  # each pass over a span or its entities builds the objects anew
    ents = list(ents_of(span))
    tags = [t.tag_ for t in tokens]
    n_words = sum(1 for t in tokens if not t.is_punct and not t.is_space)
    speech = quoted or any(c in text for c in _QUOTES)
    sourced = kind in ("named", "anonymous")
    plausible = [_plausible(e) for e in ents]  # the labels a reason may show
    figures = sum(label in ("number", "percentage", "money", "quantity")
                  and not (label == "number" and dialled_or_quoted(text_of(e), text))
                  for label, e in zip(plausible, ents))
    date = bool(_DATE.search(text)) or any(e.label_ == "DATE" for e in ents)
    lower = text.lower()
    words = _WORDS.findall(lower)
    present = frozenset(words)
    opinion = _OPINION.count(words, lower)
    evaluative = _EVALUATIVE.count(words, lower)
    first = bool(_FIRST.search(text))
    second = bool(_SECOND.search(text))
    causal = _CAUSAL_GATE.search(text, present)
    rule = _RULE_GATE.search(text, present)
    generic_modal = _GENERIC_MODAL_GATE.search(text, present)
    judging = opinion > 0 or evaluative > 0 or first
    factual = bool(figures or "date" in plausible or causal or rule or generic_modal)
    return [
        logit,
        float(kind == "named" and source == "person"),
        float(kind == "named" and source == "organisation"),
        float(kind == "named" and source == "document"),
        float(kind == "anonymous"),
        float(first),
        math.log1p(opinion),
        math.log1p(_colour(words, lower, text)),
        float(_PROCEDURAL_GATE.search(text, present)),
        float(date),
        float(rule),
        float(causal),
        float("?" in text),
        math.log1p(n_words) / 4.0,
        float(sourced and (bool(_NUMBER.search(text)) or date)),
        float(sourced and cue in CLAIM_CUES),
        # the writer's own third-person account of what happened
        float(kind == "none" and not speech and not first and opinion == 0 and not second
              and ("VBD" in tags or "VBN" in tags)),
        logit,
        math.log1p(evaluative),
        float(_COMPARISON_GATE.search(text, present)),
        math.log1p(figures),
        math.log1p(sum(e.label_ in _SPECIFIC for e in ents)),
        float(_ASSESSING.count(words, lower) > 0),
        float(_ACTING.count(words, lower) > 0),
        float(_REPORTING_META_GATE.search(text, present)),
        float(generic_modal),
        float(second),
        float(speech and factual and not judging),
        float(speech and judging),
        float(kind == "none" and not speech and judging),
    ]


# Where the sentence stands in the article, for the re-scorer with the reader (round 24): its
# place from the first sentence (0) to the last (1), whether it is the first (news puts the
# facts first and the reactions and background after), and the reader's logits of the
# sentences before and after it (a sentence among reports reads as one more). On the 2,592 dev
# sentences neither model had learned from, the re-scorer alone: F1 0.925 -> 0.929, ROC-AUC
# 0.937 -> 0.941.
CONTEXT_FEATURES = ["position", "lead", "reader_before", "reader_after"]
# A text of fewer sentences has no article around them: its sentences get the context of an
# average sentence of the training articles (the model file's "neutral_context"; a file without
# one, the middle of an article with nothing read around it).
CONTEXT_MIN_SENTENCES = 4
_NO_CONTEXT = (0.5, 0.0, 0.0, 0.0)
READER_FEATURES = FEATURES + ["reader", *CONTEXT_FEATURES]


def reading_context(logits: Sequence[float], neutral: Sequence[float] | None = None
                    ) -> list[list[float]]:
    """The CONTEXT_FEATURES of each sentence of an article, in order, from the reader's logits
    of all of them; `neutral` for each when they are too few to make an article."""
    n = len(logits)
    if n < CONTEXT_MIN_SENTENCES:
        return [list(neutral if neutral is not None else _NO_CONTEXT) for _ in range(n)]
    return [[k / (n - 1), float(k == 0), float(logits[k - 1]) if k else 0.0,
             float(logits[k + 1]) if k + 1 < n else 0.0] for k in range(n)]
# Signals of a line about the reporting itself ("declined to say how many ...", "The following is
# an edited transcript"): where one fires, the sentence reader may lower the score but not raise it
# (detector.ClaimDetector.decide). Until round 22 the signals of judging and feeling (opinion,
# colour, first person, evaluative, a quoted opinion, the writer judging) did the same; on the
# 1,800 dev sentences that neither model had seen, that cap dropped more check-worthy sentences
# than it held back ("'They were cleaning the street when this huge explosion rocked the entire
# neighbourhood,' he said."): F1 0.898 -> 0.905 on 62 crisis reports, 0.946 -> 0.948 on 59
# business reports, while these two cost nothing there.
ABOUT_THE_REPORTING = ("procedural", "reporting_meta")
_ABOUT_THE_REPORTING_AT = tuple(FEATURES.index(name) for name in ABOUT_THE_REPORTING)


def about_the_reporting(feats: Sequence[float]) -> bool:
    return any(feats[i] > 0 for i in _ABOUT_THE_REPORTING_AT)


# What the re-scorer with the reader weighs: the reader reads the words, so the rules' signals of
# the words (opinion, colour, a date, a figure ...) are left to it; the re-scorer adds what it
# cannot see: the base model's logit, who the attribution engine says stands behind the
# sentence, and the two signals of a line about the reporting. Trained on the dev rows up to id
# 4204 and tested on the 1,800 later ones, this did at least as well as all the features (62
# crisis reports F1 0.906 -> 0.907, 59 business reports 0.952 -> 0.956): the rules were written
# looking at dev, so their weights learnt there are too large. The other weights stay 0
# (train_priority).
READER_RESCORER_WEIGHS = ("base_logit", "base_logit_news", "attr_person", "attr_organisation",
                          "attr_document", "attr_anonymous", *ABOUT_THE_REPORTING, "reader",
                          *CONTEXT_FEATURES)


_ANONYMOUS_AT = FEATURES.index("attr_anonymous")
_QUOTED_OPINION_AT = FEATURES.index("quoted_opinion")


def quoted_judgement_of_an_unnamed_source(feats: Sequence[float]) -> bool:
    """An unnamed source's words quoted, and they judge or feel ('"They behaved appallingly,"
    one parent said.'): a reaction, no claim the source puts its name to."""
    return feats[_ANONYMOUS_AT] > 0 and feats[_QUOTED_OPINION_AT] > 0


_PROCEDURAL_AT = FEATURES.index("procedural")


def procedural(feats: Sequence[float]) -> bool:
    """A line about the reporting itself ("declined to say how many ...", "could not be
    reached"): no claim, whoever is its source."""
    return feats[_PROCEDURAL_AT] > 0


_LENGTH_AT = FEATURES.index("length")
_SHORT = math.log1p(12) / 4.0  # the length feature of a sentence of 12 words


def a_note_only(feats: Sequence[float]) -> bool:
    """A short line about the reporting and nothing else ("It did not say what type of missile
    hit the city.", "He has not yet responded."): no claim to check."""
    return procedural(feats) and feats[_LENGTH_AT] <= _SHORT + 1e-9


def default_model_path(with_reader: bool = False) -> Path:
    from annotator.resources import model_path

    if with_reader:
        return model_path(READER_MODEL_FILENAME, "ANNOTATOR_PRIORITY_READER_MODEL")
    return model_path(MODEL_FILENAME, "ANNOTATOR_PRIORITY_MODEL")


class PriorityModel:
    """Logistic re-scoring of the base check-worthiness probability for news."""

    def __init__(self, spec: dict, path: Path | None = None):
        if list(spec["features"]) not in (FEATURES, READER_FEATURES):
            raise ValueError("priority features differ from this version of the code")
        self.with_reader = list(spec["features"]) == READER_FEATURES
        self.neutral_context = [float(v) for v in spec.get("neutral_context", _NO_CONTEXT)]
        self.path = path
        self.coef = np.asarray(spec["coef"], dtype=np.float64)
        self.intercept = float(spec["intercept"])
        self.threshold = float(spec["threshold"])
        self.metadata = dict(spec.get("metadata", {}))
        if len(self.coef) != len(spec["features"]) or not np.all(np.isfinite(self.coef)):
            raise ValueError("bad priority coefficients")
        if not 0.0 < self.threshold < 1.0:
            raise ValueError("bad priority threshold")

    @classmethod
    def identity(cls) -> "PriorityModel":
        coef = [0.0] * len(FEATURES)
        coef[0] = 1.0
        return cls({"features": FEATURES, "coef": coef, "intercept": 0.0, "threshold": 0.5})

    @classmethod
    def load(cls, path: str | Path | None = None, with_reader: bool = False) -> "PriorityModel":
        p = Path(path) if path is not None else default_model_path(with_reader)
        try:
            spec = json.loads(p.read_text(encoding="utf-8"))
            if spec.get("format") != MODEL_FORMAT:
                raise ValueError("not a priority model file")
            return cls(spec, p)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"Priority model is missing, corrupt or incompatible: {p} ({exc})") \
                from None

    def score(self, feats: list[float], gate: float = 1.0, reader: float | None = None,
              context: Sequence[float] | None = None) -> float:
        """``sigmoid(base_logit + gate * (w . f + b))``: with gate 0 (a transcript of speech, see
        :func:`news_gate`) the score is the base model's own. `reader`: the sentence reader's
        logit, and `context` its CONTEXT_FEATURES (:func:`reading_context`; by default those of
        a sentence with no article around it), for a model that has those features."""
        if self.with_reader:
            feats = [*feats, reader if reader is not None else 0.0,
                     *(context if context is not None else self.neutral_context)]
        z = feats[0] + gate * (float(np.dot(self.coef[1:], feats[1:])) + self.intercept)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


# ("US" in capitals is the country: "in the US" is no one speaking)
_SPEAKER_WORDS = re.compile(
    r"\b(?:(?i:I|me|my|we|our|you|your|I'm|we're|you're|I've|we've)|us|Us)\b")
_QUOTED_PART = re.compile(r"[\"“‘][^\"“”‘’]*[\"”’]")


def news_gate(sentences: list[str], reported: Sequence[bool] | None = None) -> float:
    """How much a text reads as reported news (1.0) rather than a transcript of speech (0.0).

    The share of sentences that speak in the first or second person outside quotation marks,
    leaving out those `reported` marks (the detector gives them to a source: a quotation that goes
    on without an opening mark, an interview's answers; counted, they made match reports and
    interviews read as transcripts):
    news reports are told in the third person (0-12 % of sentences in the team's 18 Wikinews
    articles), debate transcripts in the first (57-90 % in ClaimBuster samples of 30). Up to 20 %
    counts as news, from 45 % as speech, linearly between; fewer than 3 sentences count as news.
    """
    if len(sentences) < 3:
        return 1.0
    reported = reported if reported is not None else [False] * len(sentences)
    speaking = sum(not quoted and bool(_SPEAKER_WORDS.search(_QUOTED_PART.sub("", s)))
                   for s, quoted in zip(sentences, reported))
    share = speaking / len(sentences)
    return float(min(1.0, max(0.0, (0.45 - share) / 0.25)))
