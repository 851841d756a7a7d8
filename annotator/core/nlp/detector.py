"""The claim detector: a registered spaCy component plus the article-level
driver that runs it over paragraphs.

Use from any spaCy pipeline::

    import annotator.core.nlp.detector  # registers the factory
    nlp.add_pipe("claim_detector")
    doc = nlp("A source told The Mirror that 20 people were hurt.")
    for span in doc.spans["claims"]:
        print(span.text, span._.claim_score, span._.attribution)
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from annotator.core.model import Attribution, AttributionKind, DetectedUnit, UnitKind
from annotator.core.nlp import attribution as engine
from annotator.core.nlp import parallel, rules
from annotator.core.nlp.pipeline import UNUSED_COMPONENTS, load_english
from annotator.core.nlp.segment import (Block, caption_cue, is_dateline, is_results_line,
                                        is_whole_quotation,
                                        split_blocks)
from annotator.core.nlp.spantext import ents_of, text_of

SPANS_KEY = "claims"
BATCH_SIZE = 64
MAX_PARAGRAPH_CHARS = 100_000  # spaCy's parser is quadratic-ish in memory on huge docs
# A paragraph longer than this is cut at its last sentence end before the limit, or else at
# whitespace: one line of megabytes with no full stop stays a list of bounded units.
MAX_UNIT_CHARS = 5_000
# Longer texts are refused at once: analysis takes about 25 s per million characters
# on a 2-core machine and memory grows with the text; no article comes near this.
MAX_TEXT_CHARS = 3_000_000
# The sentence reader (a small transformer, reader.py) costs a few milliseconds a sentence: it
# reads any news article (a long feature has a few hundred sentences) but not a book-length
# text, whose claims are scored by the priority model without it. Past this many sentences
# the whole text goes without (never half with, half without: one text, one scale).
READER_MAX_SENTENCES = 1000

for _name, _default in (("unit_kind", None), ("claim_score", 0.0), ("check_worthy", False),
                        ("claim_type", "other"), ("attribution", None), ("claim_reasons", ()),
                        ("suggested_verdict", None), ("attribution_found", None),
                        ("base_score", 0.0), ("priority_features", None),
                        ("claim_pieces", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
if not Doc.has_extension("block_kind"):
    Doc.set_extension("block_kind", default=None)
if not Doc.has_extension("article_driven"):  # the Detector scores the units itself
    Doc.set_extension("article_driven", default=False)
if not Doc.has_extension("genre_gate"):  # 1: reads as reported news; 0: a speech transcript
    Doc.set_extension("genre_gate", default=1.0)


class ClaimDetector:
    """Puts one span per unit (sentence, or whole caption/headline/dateline) in
    `doc.spans["claims"]`, with score, type, attribution and reasons."""

    def __init__(self, nlp: Language, name: str, threshold: float | None, model_path: str | None,
                 spans_key: str):
        self.name = name
        self.spans_key = spans_key
        self.model_path = model_path
        self._scorer = None
        self._priority = None
        self._reader_priority = None
        self._reader = None
        self._threshold = threshold

    @property
    def scorer(self):
        if self._scorer is None:
            from annotator.core.nlp.checkworthy import CheckWorthinessModel

            self._scorer = CheckWorthinessModel.load(self.model_path)
        return self._scorer

    @property
    def priority(self):
        if self._priority is None:
            from annotator.core.nlp.priority import PriorityModel

            self._priority = PriorityModel.load()
        return self._priority

    @property
    def reader_priority(self):
        """The priority model that also weighs the sentence reader's logit."""
        if self._reader_priority is None:
            from annotator.core.nlp.priority import PriorityModel

            self._reader_priority = PriorityModel.load(with_reader=True)
        return self._reader_priority

    @property
    def reader(self):
        if self._reader is None:
            from annotator.core.nlp.reader import SentenceReader

            self._reader = SentenceReader.load()
        return self._reader

    @property
    def threshold(self) -> float:
        return self._threshold if self._threshold is not None else self.priority.threshold

    @threshold.setter
    def threshold(self, value: float | None) -> None:
        self._threshold = value

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            spans_per_doc = [self._units(doc) for doc in batch]
            flat = [span for spans in spans_per_doc for span in spans]
            texts = [text_of(span) for span in flat]
            scores = self.scorer.scores(texts, spans=flat) if flat else []
            for span, score in zip(flat, scores):
                span._.base_score = float(score)
            for doc, spans in zip(batch, spans_per_doc):
                if not doc._.article_driven:
                    from annotator.core.nlp.priority import news_gate

                    doc._.genre_gate = news_gate([text_of(s) for s in spans
                                                  if s._.unit_kind is UnitKind.SENTENCE])
                memory = engine.Memory()
                for span in spans:
                    self._annotate(span, memory)
                doc.spans[self.spans_key] = spans
                yield doc

    def _units(self, doc: Doc) -> list[Span]:
        kind = doc._.block_kind
        if kind is None:
            text = doc.text.strip()
            kind = (UnitKind.DATELINE if is_dateline(text)
                    else UnitKind.CAPTION if caption_cue(text) else UnitKind.SENTENCE)
            doc._.block_kind = kind
        if kind is not UnitKind.SENTENCE:
            spans = [_trim(doc[:])]
        else:
            spans = _merge_split_units([_trim(sent) for sent in doc.sents])
            if len(spans) == 1 and spans[0] is not None and _reads_as_caption(spans[0]):
                kind = UnitKind.CAPTION
        spans = [s for s in spans if s is not None]
        for span in spans:
            span._.unit_kind = kind
        return spans

    def _annotate(self, span: Span, memory: "engine.Memory") -> None:
        """Attribution within the paragraph, then the score (see `finalize`)."""
        found = engine.find(span, memory) if span._.unit_kind is UnitKind.SENTENCE else None
        span._.attribution_found = found
        resolved = engine.resolve_pronoun(found, memory) if found is not None else None
        memory.see(span, found)
        if span.doc._.article_driven:
            return  # Detector.detect reads the article around it, then calls finalize
        attribution, reason = engine.to_attribution(
            resolved, engine.hedge_of(text_of(span)) if resolved is None else None)
        self.finalize(span, attribution, reason, quoted=False)

    def finalize(self, span: Span, attribution: Attribution, attribution_reason: str | None,
                 quoted: bool, extra_reasons: Sequence[str] = ()) -> None:
        """Score, offer and explain a unit, given its final attribution."""
        from annotator.core.nlp.priority import features, no_claim_act, showy

        kind = span._.unit_kind
        claim_type, type_reason = rules.claim_type_of(span)
        if not _type_is_shown(claim_type, span):
            type_reason = None
        reasons = _entity_reasons(span) if kind is UnitKind.SENTENCE else []
        if attribution_reason:
            reasons.append(attribution_reason)
        reasons.extend(extra_reasons)
        if type_reason and kind is UnitKind.SENTENCE:
            reasons.append(type_reason)
        feats = None
        if kind is not UnitKind.SENTENCE:
            reasons.insert(0, f"{kind.value}: not offered as a claim")
        else:
            feats = features(span, attribution, quoted, span._.base_score,
                             inherited=bool(extra_reasons))
        span._.priority_features = feats
        sourced_weakly = attribution.kind in (AttributionKind.ANONYMOUS, AttributionKind.HEDGED)
        on_record = (kind is UnitKind.SENTENCE and not quoted and not extra_reasons
                     and _on_the_record(span, attribution))
        figure = (kind is UnitKind.SENTENCE and not on_record
                  and _sourced_figure(span, attribution))  # a figure a source puts forward
        general = _rule_or_general_claim(span, attribution) \
            if kind is UnitKind.SENTENCE else None
        forecast = kind is UnitKind.SENTENCE and (_forecast(span) or _forecast_by_source(span))
        pieces = Pieces(kind, span._.base_score, feats, tuple(reasons), on_record or figure,
                        sourced_weakly, attribution.speaker, figure, general, forecast,
                        kind is UnitKind.SENTENCE and showy(text_of(span)),
                        kind is UnitKind.SENTENCE and (
                            (sourced_weakly and attribution.cue in engine.STANCE_CUES)
                            or no_claim_act(text_of(span))))
        span._.claim_pieces = pieces
        score, check_worthy, all_reasons = self.decide(pieces, span.doc._.genre_gate)
        span._.claim_score = score
        span._.check_worthy = check_worthy
        span._.claim_type = claim_type
        span._.attribution = attribution
        span._.claim_reasons = all_reasons
        span._.suggested_verdict = "unsourced" if sourced_weakly else None

    def decide(self, pieces: "Pieces", gate: float, reader: float | None = None,
               context: Sequence[float] | None = None) -> tuple[float, bool, tuple[str, ...]]:
        """(score, offered, reasons) of a unit; `gate` is how much the text reads as reported
        news (1) rather than a transcript of speech (0): see priority.news_gate; `reader` is the
        sentence reader's logit, when the reader read the text, and `context` where the
        sentence stands among the others (priority.reading_context)."""
        from annotator.core.nlp.priority import (a_note_only, about_the_reporting, procedural,
                                                 quoted_judgement_of_an_unnamed_source)

        reasons = list(pieces.reasons)
        if pieces.kind is not UnitKind.SENTENCE:
            return pieces.base_score, False, tuple(reasons)  # shown for reference only
        threshold = self.threshold
        score = self.priority.score(pieces.features, gate)
        if reader is not None:
            read = self.reader_priority.score(pieces.features, gate, reader, context)
            # The reader may sink a line about the reporting, the writer's show words or words
            # with nothing to check, never lift them ("The paper contacted the user but did not
            # receive a reply.", "It was a stunning strike.", "He called on her to resign."),
            # and may lift an anonymous or hedged source's sentence, never sink it: tabloid
            # copy's unnamed claims stay in view with their "unsourced" suggestion; an unnamed
            # source's quoted judgement (round 24) or stance (round 25) is the reader's to weigh.
            if about_the_reporting(pieces.features) or pieces.showy or pieces.no_claim:
                read = min(read, score)
            if pieces.sourced_weakly and not procedural(pieces.features) and \
                    not pieces.no_claim and \
                    not quoted_judgement_of_an_unnamed_source(pieces.features):
                read = max(read, score)  # (but "The governor declined to say how many ...")
            score = read
        # A figure a source puts forward is raised to the model's own threshold, so that a
        # stricter threshold a checker sets still holds it back.
        floor = min(threshold, self.priority.threshold) if pieces.figure else threshold
        if pieces.on_record and gate >= 0.5 and \
                not procedural(pieces.features):  # ("was independently confirmed by AP")
            # A claim a named source put on the record in reported speech ("X claimed their
            # decision was...", "In May X had said he..."): always offered, at least at the
            # threshold, and said so whether or not its score needed the lift.
            who = pieces.speaker if not pieces.sourced_weakly else f"a source ({pieces.speaker})"
            reasons.append(f"a figure put forward by {who}" if pieces.figure
                           else f"a claim on the record by {who}")
            score = max(score, floor)
        elif pieces.general and gate >= 0.5:
            # a rule ("must be returned within ten days") or a general causal claim ("X can lead
            # to Y"): short and plain, so the model scores them low, yet checkable
            reasons.append(pieces.general)
            score = max(score, floor)
        if a_note_only(pieces.features) and not pieces.figure and score >= threshold:
            # "It did not say what type of missile hit the city.": a note on the reporting
            score = round(threshold * 0.95, 4)
            reasons.append("a note on the reporting: nothing to check")
        elif pieces.forecast and gate >= 0.5 and score >= threshold:
            # "The core of the hurricane is expected to approach the coast on Friday": what is
            # expected has not happened, so there is nothing to check yet (the guidelines)
            score = round(threshold * 0.95, 4)
            reasons.append("a forecast: nothing to check yet")
        if score >= threshold:
            reasons.append(f"check-worthiness {score:.2f}")
        # An anonymous or hedged source's sentence is offered on its score, as any other: until
        # round 4 it was offered whatever the score, and in tabloid copy many are feelings and
        # colour ("friends say she is heartbroken"). Its "unsourced" suggestion stays.
        return score, score >= threshold, tuple(reasons)


@dataclass(frozen=True)
class Pieces:
    """What a unit's score and reasons are made from, kept so that the article-level driver
    can decide again once it knows the genre of the whole text."""

    kind: UnitKind
    base_score: float
    features: list | None
    reasons: tuple[str, ...]
    on_record: bool
    sourced_weakly: bool
    speaker: str | None
    figure: bool = False  # on_record because a source states a figure
    general: str | None = None  # the reason, for a rule or a general causal claim
    forecast: bool = False  # "The storm is expected to reach the coast on Friday"
    showy: bool = False  # the writer's show words: "a stunning strike" (priority.showy)
    # words with nothing to check: an unnamed source's stance ("has been criticised by some
    # critics", "fans have labelled the performance 'shambolic'": engine.STANCE_CUES), an
    # appeal, a slogan, a vow of defiance, a contact line or a question (priority.no_claim_act)
    no_claim: bool = False


@Language.factory(
    "claim_detector",
    default_config={"threshold": None, "model_path": None, "spans_key": SPANS_KEY},
)
def make_claim_detector(nlp: Language, name: str, threshold: float | None,
                        model_path: str | None, spans_key: str) -> ClaimDetector:
    return ClaimDetector(nlp, name, threshold, model_path, spans_key)


# Denials of a claim or a proposal ("X dismissed Y's suggestion that ...": labeller G's call,
# as "denied" is); what is denied may be a wish, so they assert whatever its words
_DENYING_CUES = frozenset({"dismiss", "reject", "refute", "rebut"})
_RECORD_CUES = {"claim", "allege", "deny", "insist", "accuse", "admit", "confirm", "reveal",
                "testify", "assert", "disclose"} | _DENYING_CUES
# Cues that put an assertion up for testing, whatever words it is made of ("X claimed their
# decision was to enjoy more privacy"): the others ("admitted she was keen...") may carry a
# feeling, and a feeling on the record is still a feeling.
_ASSERTING_CUES = {"claim", "allege", "deny", "insist", "accuse", "testify",
                   "assert"} | _DENYING_CUES


def _on_the_record(span: Span, attribution: Attribution) -> bool:
    """A named source's claim in reported speech, with a claim cue or a dated "said"."""
    if attribution.kind is not AttributionKind.NAMED or attribution.source_type not in (
            "person", "organisation"):
        return False
    text = text_of(span)
    if attribution.cue in _RECORD_CUES:
        return attribution.cue in _ASSERTING_CUES or not _judges(text)
    if attribution.cue != "say" or _starts_with_quote(text.lstrip()) or not any(
            e.label_ == "DATE" and rules._plausible(e) == "date" for e in ents_of(span)):
        return False
    # A dated "said" that quotes the source's words ("In May X had said he 'would love...'"):
    # whether they said it, and then, is checkable even when the words are a wish.
    return not _judges(text) or any(mark in text for mark in _OPENERS + '"')


def _evaluates(text: str) -> bool:
    """Judging words other than the modals a recommendation is made of ("should", "must")."""
    from annotator.core.nlp.priority import _EVALUATIVE

    return bool(_EVALUATIVE.search(text))


def _judges(text: str) -> bool:
    from annotator.core.nlp.priority import _EVALUATIVE, _OPINION

    return bool(_OPINION.search(text) or _EVALUATIVE.search(text))


# --- reasons a checker can rely on -----------------------------------------------------------
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|our|us|We|Our|My)\b")
_KNOWN_SHORT_BODIES = {"UN", "EU", "AP", "BA", "3M", "HP"}
# Capitals that are no body's name ("RIP #Imus", "the PM", "a CEO"), and last words no person's
# name ends in ("The Bernie and Sid Show", "Kleenex Toilet Tissue"): not reasons to show.
_NOT_BODIES = {"RIP", "OK", "TV", "PM", "AM", "CEO", "CEOS", "MP", "MPS", "DJ", "ID", "PR", "HQ",
               "GDP", "DNA", "HIV", "AIDS", "LOL", "OMG", "FAQ", "PS", "VIP", "RSVP", "AKA",
               "COVID", "COVI", "SARS", "MERS", "EVD", "LNG", "PET", "CCTV", "GPS", "SUV", "ICU",
               }
_NOT_SURNAMES = {"show", "tissue", "paper", "project", "programme", "program", "series",
                 "festival", "award", "awards", "prize", "cup", "tour", "album", "film", "movie",
                 "act", "bill", "day", "week", "report", "station", "street", "road", "park",
                 "bridge", "centre", "center", "hall", "house", "hotel", "airport", "channel",
                 "magazine", "daily", "radio", "online", "media", "records", "games",
                 "league", "gallery", "lodge", "junction", "falls", "tribe", "tribes", "mall",
                 "vote", "music", "live", "arena", "stadium", "square", "market", "plaza", "tower",
                 "river", "lake", "island", "islands", "county", "city", "town", "village",
                 "valley", "beach", "bay", "coast", "rider", "aid", "first", "store", "stores",
                 "shop"} | engine._NAME_ENDS_A_BODY
# An age is not a date ("children under 5 years of age", "a 12-year-old").
_AGE = re.compile(r"\b(?:years?|months?)\s+(?:of\s+age|old)\b|\byears?\s*-\s*old\b|^\d+\s*-\s*years?$|^aged?\b", re.I)
_RECORD_FRAME = re.compile(
    r"\b(?:a|new|all-time|world|national|previous)\s+record\b(?!\s+(?:of|label|store|player)\b)|"
    r"\brecord[\s-](?:high|low|number|levels?|breaking|year|turnout|temperatures?)\b", re.I)
_STRICT_RULE = re.compile(
    r"\b(must|required to|requires?|mandatory|compulsory|illegal|unlawful|banned|bans?|"
    r"prohibited|permitted|entitled to|obliged to|within \w+ (?:days|weeks|months)|deadline|"
    + rules.LAW_WORD + r"|legislation|regulations?|court|ruled|ruling|statute|constitution|"
    r"recommends?|recommendation)\b", re.I)
_FIGURE_REASONS = ("number", "percentage", "money", "quantity")


def _entity_reasons(span: Span) -> list[str]:
    """rules.entity_reasons, less the ones a checker could not rely on: a "person" with an
    acronym in the name ("Arkham VR"), a two-letter "organisation" ("IE", "SC"), a "time" with no
    number ("night"), a lone "one", a "record" that is not a record figure ("a record of the
    moment"), a telephone line or a reference number ("call police on 101")."""
    from annotator.core.nlp.priority import dialled_or_quoted

    shown = []
    for reason in rules.entity_reasons(span):
        label, _, value = reason.partition(": ")
        words = value.split()
        if label == "person" and (any(len(w) >= 2 and w.isupper() for w in words)
                                  or words[-1].lower() in _NOT_SURNAMES):
            continue
        if label == "date" and _AGE.search(value):
            continue
        if label == "organisation" and (value.upper() in _NOT_BODIES or (
                len(words) == 1 and any(ch.isdigit() or ch == "-" for ch in value))):
            continue
        if label == "organisation":
            if len(words) == 1 and len(value) <= 2 and value not in _KNOWN_SHORT_BODIES:
                continue
            value = _tidy_name(value)
        if label == "number" and value.lower() == "one":
            continue  # "One Rohingya, Muhammad Amin, ...": a pronoun more often than a figure
        if label == "number" and dialled_or_quoted(value, text_of(span)):
            continue  # "call police on 101, quoting reference 4471": a line to ring, not a figure
        if label == "time" and not rules._NUMBER_OK.search(value):
            continue
        if label == "comparison" and value == "record" and not _RECORD_FRAME.search(text_of(span)):
            continue
        shown.append(f"{label}: {value}")
    return shown


def _tidy_name(name: str) -> str:
    """An entity name as a reason shows it: "the Church's" -> "the Church", "the World Health
    Organisation (WHO" -> "... (WHO)"."""
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[:-len(suffix)]
    if name.count("(") > name.count(")"):
        name += ")"
    return name


def _type_is_shown(claim_type: str, span: Span) -> bool:
    """A claim type is a reason only on a signal that holds: a rule in a legal or obligation
    frame (not any "act" or "bill"), a quantity with a believable figure (not "One Rohingya"),
    a cause outside the speaker's own feelings ("we were so interested because...")."""
    if claim_type == "law_rule":
        return bool(_STRICT_RULE.search(text_of(span)))
    if claim_type == "quantity":
        from annotator.core.nlp.priority import dialled_or_quoted

        text = text_of(span)
        return any(rules._plausible(e) in _FIGURE_REASONS and not (
            e.label_ == "CARDINAL" and text_of(e).lower() in ("one", "a", "an"))
            and not dialled_or_quoted(text_of(e), text) for e in ents_of(span)) \
            or any(t.like_num and t.is_digit and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")
                   and not dialled_or_quoted(t.text, text) for t in span)
    if claim_type == "correlation_causation":
        return not _FIRST_PERSON.search(text_of(span))
    return True


# An obligation, permission or deadline stated as a rule (all such sentences in the dev news
# were check-worthy), and a general claim that something can cause something.
_OBLIGATION = re.compile(
    r"\b(?:must(?: not| also)? (?:be|have|pay|return|register|apply|wear|carry|obtain|show|"
    r"submit|report|stay|leave|keep|give|notify|declare|provide|display|complete|hold|renew|"
    r"follow|use|sell|buy|drive|enter|travel)|"
    r"(?:is|are|was|were) (?:required|obliged|forbidden|prohibited|"
    r"banned|not allowed|not permitted|entitled) to|(?:is|are) (?:illegal|unlawful|mandatory|"
    r"compulsory)|within (?:\w+|\d+) (?:days|weeks|months|hours)|it is (?:illegal|against the law)|"
    r"by law|no later than)\b", re.I)
_GENERAL_CAUSE = re.compile(
    r"\b(?:can|could|may|might|will|would|cannot)\s+(?:\w+\s+)?(?:lead to|cause|result in|"
    r"increase the risk|reduce the risk|prevent|damage|harm)\b", re.I)


_GUIDANCE = re.compile(  # guidance with no source the attribution engine names
    r"\b(?:guidelines?|regulations?|rules?|the law)\s+(?:now\s+)?(?:say|says|state|states|"
    r"advise|advises|recommend|recommends|require|requires|allow|allows|forbid|forbids)\b", re.I)
_RECOMMENDS = re.compile(r"\b(?:recommend(?:s|ed|ations?)?|advises|advised|guidelines?)\b",
                         re.I)


# Every match of _OBLIGATION, _GENERAL_CAUSE, _GUIDANCE and _RECOMMENDS holds one of these.
_RULE_OR_CAUSE_WORDS = ("must", "required", "obliged", "forbidden", "prohibited", "banned",
                        "allowed", "permitted", "entitled", "illegal", "unlawful", "mandatory",
                        "compulsory", "within", "law", "no later", "lead to", "cause", "result in",
                        "risk", "prevent", "damage", "harm", "guideline", "regulation", "rule",
                        "recommend", "advise")


def _rule_or_general_claim(span: Span, attribution: Attribution) -> str | None:
    """The reason to offer a rule ("a rule or obligation") or a general causal claim, when the
    sentence states one without judging and not in the first person ("nothing will prevent us
    from..." is a vow), or a body's or a document's recommendation ("the WHO recommends that
    every country should...")."""
    text = text_of(span)
    lower = text.lower()
    if not any(word in lower for word in _RULE_OR_CAUSE_WORDS):
        return None  # most sentences: no regex needed
    if _FIRST_PERSON.search(text) or "?" in text:
        return None
    if attribution.kind is AttributionKind.NAMED and attribution.source_type in (
            "organisation", "document") and _RECOMMENDS.search(text) and not _evaluates(text):
        return f"a recommendation by {attribution.speaker}"
    if _GUIDANCE.search(text) and not _evaluates(text):
        return "a rule or obligation"  # "the guidelines advise that babies should..."
    if _judges(_OBLIGATION.sub(" ", text)):
        return None
    if _OBLIGATION.search(text):
        return "a rule or obligation"
    if _GENERAL_CAUSE.search(text):
        return "a general causal claim"
    return None


_FIGURES = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def _sourced_figure(span: Span, attribution: Attribution) -> bool:
    """A sourced sentence (quoted or reported) that states a figure and judges nothing:
    "'We have found 40 bodies,' she said." The key factual claim of a quotation."""
    if attribution.kind not in (AttributionKind.NAMED, AttributionKind.ANONYMOUS):
        return False
    if not any((e.label_ in _FIGURES and not (e.label_ == "CARDINAL" and text_of(e).lower() in (
            "one", "two"))) or (e.label_ == "DATE" and re.search(r"\b(1[89]|20)\d\d\b", text_of(e)))
            for e in ents_of(span)):
        return False  # a figure, or a year ("since 2009")
    text = text_of(span)
    return not _judges(text) and "?" not in text


# Lower-case abbreviations a sentence goes on after ("approx. 5 p.m.", "est. 300 people").
_ENDS_WITH_TITLE = re.compile(r"(?:^|\s|\()(?:Atty|Engr|Brgy|Supt|Insp|Hon|Sgt|Cpl|Capt|Col|"
                             r"Lt|Gen|Adm|Rep|Sen|Gov|Prof|Dr|Rev|Fr|Mgr|Mme|Mlle)\.$")
_ENDS_WITH_ABBREVIATION = re.compile(
    r"(?:^|\s|\()(?:approx|est|incl|excl|vs|cf|ca|c|no|nos|fig|figs|vol|pp|p|ed|eds|dept|"
    r"govt|min|max|avg|appr|resp|esp|viz)\.$")


# a paragraph's opening speaker label and nothing else ("Gazette:", "JOANNA PIKE:")
_LABEL_ONLY = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*:$")
_ASKED_OR_EXCLAIMED = tuple(mark + quote for mark in "?!" for quote in "\"”’'")


_FORECAST_VERBS = frozenset({"expected", "forecast", "forecasted", "predicted", "projected"})


def _forecast(span: Span) -> bool:
    """A sentence whose main verb says what is expected of something, not someone: "The core
    of the hurricane is expected to approach the coast", "Storm surge flooding of 15 feet is
    expected", "Growth is forecast to slow". Not a person's plans ("Mr Olsson is expected to make
    a statement"), nor what was expected and then happened otherwise ("was expected to end, but
    it was extended")."""
    root = span.root
    if root.lower_ not in _FORECAST_VERBS or root.tag_ != "VBN" or not any(
            c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in root.children):
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in engine.ALL_PRONOUNS or any(
            t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in subject.subtree) or \
            subject.lower_ in engine.ANONYMOUS_HEADS:
        return False
    return not any(c.dep_ in ("conj", "ccomp") for c in root.children)


# A source's forecast ("Analysts at Brockwell expect the Bank to cut rates", "The Met Office
# forecasts that ...", "said they expect a decision this year"): in the present tense only ("had
# expected" is the consensus an outcome is measured against, and checkable)
_FORECASTING = frozenset({"expect", "expects", "predict", "predicts", "forecast", "forecasts",
                          "anticipate", "anticipates"})  # ("forecast" in the past tense too)


_FORECAST_PAST = frozenset({"expected", "predicted", "forecast", "anticipated"})
_SAYING_FORMS = frozenset({"said", "says", "say", "told", "wrote", "writes", "added"})


def _forecast_by_source(span: Span) -> bool:
    """What a source expects of something or someone else: a forecast, not checkable yet (the
    guidelines: "predictions of what others will do"; `dev`: "He expects rising production
    costs", "The parties said they expect a decision this year"). Not the source's own plan
    ("The company expects to open 15 stores"), nor a sentence that states something else too."""
    root = span.root
    if root.tag_ == "NNS" and root.lower_ in _FORECASTING and any(
            c.dep_ in ("relcl", "acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                       for m in c.children)
            for c in root.children):
        return True  # "The weather service forecasts that ..." (the verb read as a plural noun)
    verb = root if root.lower_ in _FORECASTING else next(
        (c for c in root.children if c.dep_ == "ccomp" and c.lower_ in _FORECASTING), None)
    if verb is None and root.lower_ in _SAYING_FORMS:
        # "Analysts at ING said they expected the ECB to pause": reported speech, past tense
        verb = next((c for c in root.children if c.dep_ == "ccomp" and c.tag_ == "VBD" and
                     c.lower_ in _FORECAST_PAST and not any(a.dep_ == "aux" for a in c.children)),
                    None)
    if verb is None or verb.tag_ not in ("VBZ", "VBP") and not (
            verb.tag_ == "VBD" and (verb.lower_ == "forecast" or verb is not root)) or \
            any(c.dep_ == "neg" for c in verb.children):
        return False
    children = {c.dep_ for c in verb.children}
    if "nsubj" not in children or "conj" in children or not children & {"dobj", "ccomp"}:
        return False  # "expects to open 15 stores": a plan
    return verb is root or not any(c.dep_ == "conj" for c in root.children)


def _merge_split_units(spans: list) -> list:
    """Join units the sentence splitter cut at an editorial "[...]" or "[word]" (a bracket
    opened in one unit and closed in the next, or a unit that starts with the bracket), or
    in the middle of a name, between two words with no stop between them."""
    out: list = []
    for span in spans:
        if span is None:
            continue
        if out:
            prev = out[-1]
            text, this = text_of(prev), text_of(span)
            joined = (text.count("[") > text.count("]") or this.startswith(("]", "[", "...]", "…]"))
                      or text.rstrip().endswith(("[", "[...]", "[…]", "...", "…")) and
                      this[:1].islower()
                      # "... of the group Mexicanos contra | la Corrupción said": a cut with
                      # no full stop before it and a lower-case word after it
                      or text[-1:].isalpha() and this[:1].isalpha() and this[:1].islower()
                      # "... at approx. | 5 p.m. that ...": an abbreviation, not a stop
                      or _ENDS_WITH_ABBREVIATION.search(text) is not None
                      and (this[:1].isdigit() or this[:1].islower())
                      # "Dizon's lawyer, Atty. | Liza Manalo, maintained ...": a title
                      or _ENDS_WITH_TITLE.search(text) is not None and this[:1].isupper()
                      # '"Is this the end?" | the minister asked.': the question's speaker
                      or text.rstrip().endswith(_ASKED_OR_EXCLAIMED) and this[:1].islower()
                      # "Gazette: | Critics say ...": a transcript's label cut from its words
                      or len(out) == 1 and _LABEL_ONLY.match(text) is not None
                      # "• | The line was closed.": a bullet cut from its item
                      or text.strip() in ("•", "·", "▪", "-", "–", "—", "*"))
            if joined:
                out[-1] = prev.doc[prev.start:span.end]
                continue
            if _opening_mark_left_behind(prev, span):
                # 'the Indian Army. " | On specific information, ...': the splitter left the
                # quotation's opening mark on the sentence before; it opens this one
                out[-1] = prev.doc[prev.start:prev.end - 1]
                span = prev.doc[prev.end - 1:span.end]
        out.append(span)
    return out


def _cue_before_quotation_closes(span: Span, found) -> bool:
    """The cue found in a unit that begins inside an open quotation stands before the mark
    that closes it (or the unit never closes it): a verb of the quoted words, not a cue."""
    cue_i = getattr(found, "token_i", None)
    if cue_i is None or not span.start <= cue_i < span.end:
        return False
    text = text_of(span)
    closes = [k for k in (text.find('"'), text.find("\u201d")) if k >= 0]
    return not closes or span.doc[cue_i].idx - span.start_char < min(closes)


def _opening_mark_left_behind(prev: Span, span: Span) -> bool:
    """The unit ends in a straight double mark spaced off after a full stop ('... Army. "'),
    which opens, not closes, a quotation (the unit has no quotation open before it), and the
    next unit follows it directly."""
    if len(prev) < 3 or span.start != prev.end:
        return False
    mark, stop = prev[-1], prev[-2]
    return mark.text == '"' and stop.text in (".", "!", "?") and bool(stop.whitespace_) and \
        not _quote_state_after(prev[:-1].text, False)[0]


_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _reads_as_caption(span: Span) -> bool:
    """A one-unit paragraph with no finite verb ("pilgrims at the Grand Mosque in 2008.", "The
    far end of the convention floor, shortly after opening Friday.") describes a picture."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    text = text_of(span)
    if not words or len(words) > 30 or is_results_line(text):
        return False
    if text.rstrip().endswith((":", "?", "!")) or text[:1] in "\"“‘'":
        return False
    if engine._SPEAKER_LABEL.match(text):
        return False  # "Hana Ito: In March, on three platforms.": an answer, not a caption
    if _ACCORDING_TO.search(text):
        # "According to police, 12 people hurt in...", "Tickets for the tour sold out in an
        # hour, according to promoters." (the verb read as a participle): a sourced claim
        return False
    if _closes_a_quotation(text):
        return False  # 'An end to it all."': the last words of a quotation opened before
    if _pictured_root(span):
        return True  # "The mayor pictured with pupils at ...", whatever tag "pictured" got
    if _fixture(span):
        return False  # "Rovers host Wellbridge on Saturday.": the parser read "host" as a noun
    return not any(t.tag_ in _FINITE for t in span) and not any(
        t.tag_ == "VB" and any(c.dep_ == "aux" for c in t.children) for t in span) and \
        not _verb_with_subject(span) and not _past_tense_read_as_participle(span) and \
        not _main_verb_after_participle_clause(span, len(words)) and \
        not _cue_read_as_modifier(span)


_ACCORDING_TO = re.compile(r"(?:^\s*|,\s*)according to\b", re.I)
_FIXTURE_VERBS = frozenset({"host", "hosts", "visit", "visits", "face", "faces", "play", "plays",
                            "meet", "meets", "entertain", "entertains", "welcome", "welcomes"})


def _fixture(span: Span) -> bool:
    """A sports fixture between two names, whatever the tagger made of its verb ("Rovers host
    Wellbridge on Saturday.", "Wellbridge visit Rovers on Tuesday night.")."""
    doc = span.doc
    return any(t.lower_ in _FIXTURE_VERBS and t.text.islower() and span.start < t.i < span.end - 1
               and doc[t.i - 1].text[:1].isupper() and doc[t.i + 1].text[:1].isupper()
               and doc[t.i + 1].tag_ in ("NNP", "NNPS") for t in span)


def _cue_read_as_modifier(span: Span) -> bool:
    """"The Vermont independent accused drug companies of ...": a reporting verb in the past
    the parser took for an adjective of the noun after it, right after the subject's last word
    (a noun or adjective used as one): a sentence, not a caption."""
    return any(t.dep_ == "amod" and t.tag_ in ("VBN", "VBD") and t.lower_ in engine.CUE_FORMS
               and t.i > span.start + 1 and t.doc[t.i - 1].tag_ in ("JJ", "NN", "NNP")
               and t.doc[t.i - 2].tag_ in ("DT", "NNP", "JJ") for t in span)


def _verb_with_subject(span: Span) -> bool:
    """A root verb the tagger read as a bare form that still has a subject ("Lantern scenes
    not only fill the square"): a present-tense sentence whose finite verb was missed, not a
    caption. A past participle with a subject is left alone: "Rescue workers seen at the site",
    "The mayor pictured with pupils" are captions."""
    root = span.root
    return root.tag_ == "VB" and any(c.dep_ == "nsubj" for c in root.children)


_PICTURING = {"pictured", "photographed", "filmed"}


def _pictured_root(span: Span) -> bool:
    """"The mayor pictured with pupils": a subject and "pictured" with no object, auxiliary or
    clause (the tagger may call it a past tense). "The artist pictured the harbour" is prose."""
    root = span.root
    return root.lower_ in _PICTURING and any(c.dep_ == "nsubj" for c in root.children) and \
        not any(c.dep_ in ("dobj", "aux", "auxpass", "ccomp", "xcomp", "neg")
                for c in root.children)


def _closes_a_quotation(text: str) -> bool:
    """The paragraph ends with a closing quotation mark it never opened: it ends a quotation
    begun in an earlier paragraph (a caption quotes whole titles or signs, if anything)."""
    end = text.rstrip()
    if end.endswith("\u201d"):
        return "\u201c" not in end
    return end.endswith('"') and end.count('"') == 1


def _past_tense_read_as_participle(span: Span) -> bool:
    """A past-tense verb the tagger read as a participle (VBN), in a sentence all the same:
    the root with an active subject ("The bridge reopened to traffic on Monday"), or a
    participle with a direct object on the opening noun phrase ("The majority of stalls sold
    some food grown locally"). A participle with neither is a caption's: "Rescue workers
    seen at the site", "Dozens of families affected by the flooding"."""
    root = span.root
    if root.tag_ == "VBN":
        return any(c.dep_ == "nsubj" and c.i < root.i for c in root.children)
    if any(t.dep_ == "conj" and t.tag_ == "VBN" and t.lower_ not in _PICTURING
           and not t.lower_.endswith(("en", "wn")) and any(
               c.dep_ == "nsubj" and c.i < t.i for c in t.children) for t in span):
        # "Moss, 29, and Arlott, 31, married in Como in 2027": the parser made the first name
        # the root and the verb a participle joined to it, with the second name its subject
        return True
    if not root.tag_.startswith("NN") or root.i != _first_noun_phrase_head(span):
        return False
    # (a form that is only ever a participle, "given", "shown", "seen", stays a caption's)
    return any(t.dep_ == "acl" and t.tag_ == "VBN" and not t.lower_.endswith(("en", "wn"))
               and any(o.dep_ == "dobj" and o.i > t.i for o in t.children)
               and _heads_up_to(t, root) for t in span)


_OBJECT_STARTS = {"DT", "CD", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PDT"}


def _main_verb_after_participle_clause(span: Span, word_count: int) -> bool:
    """"The research, led by a team at X, combined data from ...": the parser reads the whole
    line as one noun phrase, taking the past tense after the participle clause for a second
    participle or an adjective. A long line (12+ words) whose subject is cut off by a comma
    clause opened with a participle, then a regular past form right after the closing comma
    with an object after it, is a sentence; a caption is a noun phrase or a participle."""
    if word_count < 12:
        return False
    opened = False  # a ", led by", ", held on" clause after the opening noun phrase
    for t in span[1:-1]:
        before = t.doc[t.i - 1]
        if before.text != ",":
            continue
        if not opened:
            opened = t.tag_ == "VBN" and t.i - 1 > span.start
            continue
        after = t.doc[t.i + 1]
        if t.lower_.endswith("ed") and t.tag_ in ("VBN", "JJ") and after.tag_ in _OBJECT_STARTS:
            return True
    return False


def _first_noun_phrase_head(span: Span) -> int:
    """The index of the head of the span's opening noun phrase (-1 if it has no noun)."""
    first = next((t for t in span if t.tag_.startswith("NN") or t.tag_ == "CD"), None)
    if first is None:
        return -1
    head = first
    while head.dep_ in ("compound", "amod", "nummod", "poss") and head.head.i > head.i:
        head = head.head
    return head.i


def _heads_up_to(token, root) -> bool:
    """The participle modifies the root's own noun phrase ("of stalls sold ...")."""
    for _ in range(3):
        token = token.head
        if token.i == root.i:
            return True
        if token.dep_ not in ("pobj", "prep"):
            return False
    return False


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None


def load_pipeline(threshold: float | None = None) -> Language:
    """The English pipeline (official package preferred) with the detector added."""
    nlp = load_english(UNUSED_COMPONENTS)
    nlp.add_pipe("claim_detector", config={"threshold": threshold})
    return nlp


# --------------------------------------------------------------- article level
_OPENERS = "‘“"
_CLOSERS = "’”"


def _quote_state_after(text: str, is_open: bool) -> tuple[bool, bool]:
    """Scan text for quotation marks; return (open at end, a quote opened inside).

    Double and single marks are told apart, so that a quotation inside a quotation ('"One of
    them said, 'we've got a drummer', and I thought, 'I'm a drummer' ", he recalled') closes
    only its own kind. A quotation already open when the text starts is of unknown kind ("?"):
    the first closing mark whose kind is not open inside the text closes it."""
    stack = ["?"] if is_open else []
    opened = False
    if "''" in text:
        text = text.replace("''", '"')  # archive copy's two apostrophes: a double mark
    for i, ch in enumerate(text):
        if ch not in _MARK_KIND:
            continue
        kind = _MARK_KIND[ch]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == "'" and _clitic_at(text, i):
            continue  # "hitting 's car" (a name the copy lost before "'s"): an apostrophe
        if ch in "'‘" and _elided_year_at(text, i):
            continue  # "iLife '11", "the '90s": an apostrophe, not a quotation to its end
        if ch in _OPENERS and stack and before in ".,!?…" and (after.isspace() or i + 1 == len(text)):
            _close(stack, kind)  # '...misguided decision.“ However': an opening mark typed to close
        elif (ch in _OPENERS and not before.isalnum()) or (
                ch in "\"'" and kind not in stack and (before.isspace() or before in "(:—–-[")
                and (after.isalnum() or (ch == '"' and not stack))):
            if stack == ["?"] and not text[:i].strip():
                stack[0] = kind  # a paragraph that goes on with the quotation re-opens it
            elif kind not in stack:
                opened = opened or not stack
                stack.append(kind)
        elif ch in _CLOSERS or ch in "\"'":
            # (a mark spaced off on both sides closes the open quotation of its kind: "... the
            # term 'outreach,' " he told the group)
            if stack and (not before.isspace() or after in ",.;:!?" or i + 1 == len(text.rstrip())
                          or (after.isspace() and (kind in stack or stack == ["?"]))) \
                    and not after.isalpha():
                # (also a spaced mark closing a quotation this text did not open: '... in
                # Handwara " said Nitish Kumar', its opening mark left on the sentence before)
                _close(stack, kind)
    return bool(stack), opened


def _clitic_at(text: str, i: int) -> bool:
    """The apostrophe at i begins "'s", "'t", "'d", "'m", "'ll", "'re" or "'ve" followed by no
    letter: a clitic, never an opening quotation mark."""
    rest = text[i + 1:i + 4]
    for clitic in ("s", "t", "d", "m", "ll", "re", "ve"):
        if rest.startswith(clitic) and not rest[len(clitic):len(clitic) + 1].isalpha():
            return True
    return False


def _elided_year_at(text: str, i: int) -> bool:
    """The mark at i elides a year's century: two digits and no third ("'11", "'90s")."""
    return text[i + 1:i + 3].isdigit() and not text[i + 3:i + 4].isdigit()


# the kind of quotation each mark opens or closes: double or single
_MARK_KIND = {'"': "d", "“": "d", "”": "d", "'": "s", "‘": "s", "’": "s"}


def _close(stack: list[str], kind: str) -> None:
    """Close the innermost open quotation of `kind` (and whatever opened inside it), or, if
    none of that kind is open inside the text, the one open when the text started."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth] == kind:
            del stack[depth:]
            return
    if stack[0] == "?":
        stack.clear()


def _starts_with_quote(text: str) -> bool:
    return bool(text) and text[0] in _OPENERS + "\"'"


class Detector:
    """Finds the units of an article and says which are check-worthy claims."""

    def __init__(self, nlp: Language | None = None, threshold: float | None = None):
        self._nlp = nlp
        self._threshold = threshold
        # A long text is parsed in worker processes too (parallel.py), only with the detector's
        # own pipeline (the workers load the same one); the result is the same either way.
        self._own_pipeline = nlp is None
        self.parallel_min_chars = parallel.PARALLEL_MIN_CHARS
        # set to a list to collect (start, end, priority features) of every sentence (training)
        self.features_out: list | None = None
        self.last_gate = 1.0  # news_gate of the last text detected
        # The sentence reader (reader.py) reads every article of up to READER_MAX_SENTENCES
        # sentences; False: never (the priority model without it, as for longer texts).
        self.use_reader = True
        self.last_read = False  # whether the reader read the last text

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self._threshold)
        return self._nlp

    @property
    def component(self) -> ClaimDetector:
        return self.nlp.get_pipe("claim_detector")

    def warm_up(self) -> None:
        """Load the pipeline and the base models now (call it off the GUI thread). Not the
        sentence reader: it loads at the first analysis, so that a relaunch, which shows claims
        from the library and analyses nothing, does not pay for it."""
        use_reader, self.use_reader = self.use_reader, False
        try:
            self.detect("Warm-up: 3 people said so on May 1, 2020.")
        finally:
            self.use_reader = use_reader

    def detect(self, text: str, progress: Callable[[int, int], None] | None = None
               ) -> list[DetectedUnit]:
        if len(text) > MAX_TEXT_CHARS:
            from annotator.core.errors import InputError

            raise InputError(
                f"this text has {len(text):,} characters; annotator analyses articles of up "
                f"to {MAX_TEXT_CHARS:,} (about 500,000 words): split it into parts")
        blocks = [piece for block in split_blocks(text) for piece in _split_long(block)
                  if not _not_prose(piece.text)]
        units: list[DetectedUnit | None] = []
        total = len(blocks)
        component = self.component
        memory = engine.Memory(article_titles=engine.offices_named_in(text))
        quote_open = False
        quote_paragraphs = 0  # paragraphs since the open quotation's last quotation mark
        quote_attribution: Attribution | None = None
        previous: Attribution | None = None  # the last sentence's, if it had a source
        # Sentences of an open quotation that has no source yet: its closing sentence may name
        # one ('..., it's time to say goodbye," Microsoft says.'). Bounded.
        pending: list[tuple[int, Span, Block, bool]] = []
        cue_next = False  # the quotation just closed; the next unit is a bare cue that names it
        done = 0

        decided: list[tuple[int, Pieces]] = []  # (position in units, pieces) of every unit
        answer: Attribution | None = None  # "Name: ..." labels an interview answer's paragraph
        colon_lead: Attribution | None = None  # the source of a paragraph ending "X wrote:"
        block_quote: Attribution | None = None
        # the last paragraph, if it was one whole quotation with no cue of its own: a credit
        # line right under it ("— Jo Mallory, leader of the council") names its source
        pull_quote: tuple[int, Span, Block] | None = None

        # one-sentence paragraphs that read as a picture's scene ("Firefighters tackle the blaze
        # near the reservoir on Monday."): captions, if the article has pictures
        scenes: set[int] = set()

        def emit(slot: int | None, span: Span, block: Block) -> None:
            start = block.start + span.start_char
            end = block.start + span.end_char
            decided.append((len(units) if slot is None else slot, span._.claim_pieces))
            if span._.unit_kind is UnitKind.SENTENCE and len(span.doc.spans[SPANS_KEY]) == 1 \
                    and _a_scene(span):
                scenes.add(len(units) if slot is None else slot)
            unit = DetectedUnit(
                start=start, end=end, text=text[start:end], kind=span._.unit_kind,
                score=span._.claim_score, check_worthy=span._.check_worthy,
                claim_type=span._.claim_type, attribution=span._.attribution,
                suggested_verdict=span._.suggested_verdict, reasons=tuple(span._.claim_reasons),
                entities=rules.entities_of(span, block.start))
            if self.features_out is not None and span._.unit_kind is UnitKind.SENTENCE:
                pieces = span._.claim_pieces
                forced = pieces is not None and (pieces.on_record or bool(pieces.general))
                if self.features_out and self.features_out[-1][:2] == (start, end):
                    self.features_out.pop()  # decided again (a pull quote, once credited)
                self.features_out.append((start, end, list(span._.priority_features or ()),
                                          forced))
            if slot is None:
                units.append(unit)
            else:
                units[slot] = unit

        def flush(source: Attribution | None, orphan: bool = False) -> None:
            for slot, span, block, quoted in pending:
                if source is not None:
                    who = ("an anonymous source" if source.kind is AttributionKind.ANONYMOUS
                           else source.speaker or "the speaker")
                    note = (f"a quotation with no cue of its own, after one by {who}" if orphan
                            else f"part of a quotation attributed to {who} where it ends")
                    component.finalize(span, source, None, quoted=True, extra_reasons=(
                        note + (f" ({source.speaker})"
                                if source.kind is AttributionKind.ANONYMOUS else ""),))
                emit(slot, span, block)
            pending.clear()

        def last_quoted(within: int) -> Attribution | None:
            """The person quoted in the last `within` sentences: a quotation that closes with
            no cue anywhere is, in news copy, theirs."""
            if memory.person_sources and memory.person_sources[-1][1] >= memory.sentence - within:
                return Attribution(AttributionKind.NAMED, memory.person_sources[-1][0], None,
                                   cue="say", source_type="person")
            return None

        if self._own_pipeline and parallel.wanted(len(text), self.parallel_min_chars):
            docs = parallel.parsed_docs(self.nlp, blocks, BATCH_SIZE)
        else:
            docs = self.nlp.pipe(_docs_with_kind(self.nlp, blocks), batch_size=BATCH_SIZE)
        for doc, block in zip(docs, blocks):
            spans = doc.spans[SPANS_KEY]
            for index, span in enumerate(spans):
                unit_text = text_of(span)
                opens_with_quote = _starts_with_quote(unit_text)
                if index == 0:
                    answer = None
                    # a paragraph set out after "X wrote:" with no quotation marks: X's words
                    block_quote = colon_lead if colon_lead is not None and not (
                        opens_with_quote or _has_quote_marks(unit_text)) else None
                    colon_lead = None
                    if opens_with_quote or (quote_open and _closes_before_opening(unit_text)):
                        quote_paragraphs = 0
                    elif quote_open and not _has_quote_marks(unit_text) and quote_paragraphs < 2:
                        quote_paragraphs += 1  # a quoted paragraph that lost its opening mark
                    else:
                        quote_open = False
                inside = quote_open
                kind = span._.unit_kind
                attribution = Attribution()
                waiting = False
                was_open = quote_open
                quote_open, opened = _quote_state_after(unit_text, quote_open)
                if kind is UnitKind.SENTENCE:
                    found = _in_article(span._.attribution_found, memory, span)
                    memory.see(span, found if found is None or found.pronoun is None
                               or found.role is not None else span._.attribution_found)
                    attribution, reason = engine.to_attribution(
                        found, engine.hedge_of(unit_text) if found is None else None)
                    own = attribution.kind in (AttributionKind.NAMED, AttributionKind.ANONYMOUS)
                    inherited, note = None, ""
                    if own and inside and quote_attribution is not None and \
                            quote_attribution.kind in (AttributionKind.NAMED,
                                                       AttributionKind.ANONYMOUS) and \
                            _cue_before_quotation_closes(span, found):
                        own = False  # 'The attack shows terror is on the march."': the words
                        # of the quotation still open, not a new source
                    if index == 0 and own and attribution.cue == "answer":
                        answer = attribution
                    if not own and answer is not None:
                        inherited, note = answer, "part of an answer by"
                    elif not own and inside and quote_attribution is not None and \
                            quote_attribution.kind in (AttributionKind.NAMED, AttributionKind.ANONYMOUS):
                        inherited, note = quote_attribution, "continues a quotation attributed to"
                    elif not own and opens_with_quote and previous is not None and not (
                            index == 0 and _cue_later_in_paragraph(spans, index)
                            or _cue_where_quotation_closes(spans, index)):
                        inherited, note = previous, "a quotation following one attributed to"
                    elif not own and block_quote is not None:
                        inherited, note = block_quote, "set out after a colon by"
                    elif not own and opens_with_quote and not quote_open and not was_open and \
                            _closes_at_end(unit_text) and not (
                                index + 1 < len(spans) and _bare_cue(spans[index + 1])):
                        # (not when the parser cut its own cue off after it: '"...!" one
                        # demonstrator shouted.' waits for that cue below)
                        # a whole quotation with no cue: the person just quoted, else the
                        # person the sentence before it in the paragraph is about ('Asked
                        # about the prize, Safina laughed. "A new laptop, probably."')
                        orphan, after = last_quoted(1), "one by"
                        if orphan is None and index > 0:
                            orphan, after = _subject_just_before(memory), "a sentence about"
                        if orphan is None:
                            orphan, after = last_quoted(2), "one by"
                        if orphan is not None:
                            inherited = orphan
                            note = "a quotation with no cue of its own, after " + after
                    extra: list[str] = []
                    if inherited is not None:
                        attribution, reason = inherited, None
                        who = ("an anonymous source" if inherited.kind is AttributionKind.ANONYMOUS
                               else inherited.speaker or "the speaker")
                        extra.append(f"{note} {who}" + (
                            f" ({inherited.speaker})"
                            if inherited.kind is AttributionKind.ANONYMOUS else ""))
                    component.finalize(span, attribution, reason,
                                       quoted=inside or opens_with_quote, extra_reasons=extra)
                    attributed = attribution.kind in (AttributionKind.NAMED, AttributionKind.ANONYMOUS)
                    waiting = not attributed and (inside or opens_with_quote or (
                        opened and not _ends_with_opening_mark(unit_text)))
                    if attributed and pending and (was_open or cue_next) and not quote_open:
                        flush(attribution)  # the quotation's source, named where it ends
                    cue_next = False
                    previous = attribution if attributed else None
                    if own and _has_quote_marks(unit_text):
                        quote_attribution = attribution  # a new cue takes over the quotation
                else:
                    component.finalize(span, attribution, None, quoted=False)
                    credited = engine.credit_source(span) if pull_quote is not None and \
                        len(spans) == 1 else None
                    if credited is not None:
                        slot, quote_span, quote_block = pull_quote
                        credit, reason = engine.to_attribution(credited, None)
                        component.finalize(quote_span, credit, reason, quoted=True,
                                           extra_reasons=("a pull quote credited below it",))
                        emit(slot, quote_span, quote_block)
                        if credited.source_type == "person":  # "she said" next is hers
                            memory.person_sources.append((credited.speaker, memory.sentence))
                if opened or (unit_text.rstrip().endswith(":") and kind is UnitKind.SENTENCE):
                    quote_attribution = attribution
                if kind is UnitKind.SENTENCE and index == len(spans) - 1 and \
                        unit_text.rstrip().endswith(":") and not quote_open and \
                        attribution.kind in (AttributionKind.NAMED, AttributionKind.ANONYMOUS):
                    colon_lead = attribution
                whole_quote = (kind is UnitKind.SENTENCE and len(spans) == 1 and not own
                               and is_whole_quotation(block.text))
                # the next unit is only a cue ('... nobody." Mallory said to cheers.'): the
                # quotation that ends here is what it reports
                cue_after = (waiting or bool(pending)) and index + 1 < len(spans) and \
                    _bare_cue(spans[index + 1])
                if waiting and (quote_open or was_open or (opens_with_quote and cue_after)):
                    # (a whole quotation whose cue the parser cut off after it waits for it)
                    pending.append((len(units), span, block, True))
                    units.append(None)
                else:
                    emit(None, span, block)
                pull_quote = (len(units) - 1, span, block) if whole_quote and \
                    units[-1] is not None else None
                if pending and not quote_open and cue_after:
                    cue_next = True  # wait for it
                elif pending and not quote_open:
                    flush(last_quoted(len(pending) + 2), orphan=True)
                elif len(pending) > 12:
                    flush(None)
            done += 1
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
        flush(None)
        # Now the whole text is known: how much it reads as reported news (third person,
        # sources) rather than a transcript of speech (I, we, you) sets how far the news
        # re-scoring applies. Decide every unit again with it.
        from annotator.core.nlp.priority import news_gate, reading_context

        if scenes and _has_pictures(units):
            for slot in scenes:
                if units[slot] is not None:
                    units[slot] = dataclasses.replace(
                        units[slot], kind=UnitKind.CAPTION, check_worthy=False,
                        reasons=("caption: not offered as a claim",
                                 "a scene in an article with pictures: a picture's caption"))
            decided = [(slot, pieces) for slot, pieces in decided if slot not in scenes]
        sentences = [u for u in units if u is not None and u.kind is UnitKind.SENTENCE]
        gate = news_gate([u.text for u in sentences],
                         [u.attribution.kind in (AttributionKind.NAMED, AttributionKind.ANONYMOUS)
                          for u in sentences])
        logits: dict[int, float] = {}
        contexts: dict[int, list[float]] = {}
        if self.use_reader and gate > 0.0:
            readable = sorted({slot for slot, pieces in decided if units[slot] is not None
                               and pieces is not None and pieces.kind is UnitKind.SENTENCE})
            if 0 < len(readable) <= READER_MAX_SENTENCES:
                # the reader's logit is one more feature of the news re-scoring (reader.py)
                values = component.reader.logits([units[slot].text for slot in readable])
                logits = {slot: float(v) for slot, v in zip(readable, values)}
                contexts = dict(zip(readable, reading_context(
                    values, component.reader_priority.neutral_context)))
        if gate != 1.0 or logits:
            for slot, pieces in decided:
                unit = units[slot]
                if unit is None or pieces is None:
                    continue
                score, check_worthy, reasons = component.decide(pieces, gate, logits.get(slot),
                                                                contexts.get(slot))
                units[slot] = dataclasses.replace(unit, score=score, check_worthy=check_worthy,
                                                  reasons=reasons)
        self.last_read = bool(logits)
        self.last_gate = gate
        return [u for u in units if u is not None]


# present-tense verbs of what is scheduled or always so, not of a moment a picture shows
_NOT_A_SCENE = frozenset({
    "is", "are", "has", "have", "opens", "open", "closes", "close", "begins", "begin", "starts",
    "start", "resumes", "resume", "returns", "return", "reopens", "reopen", "runs", "run",
    "continues", "continue", "ends", "end", "takes", "take", "faces", "face", "meets", "meet",
    "votes", "vote", "expires", "expire", "goes", "go", "remains", "remain", "needs", "need",
    "wants", "want", "plans", "plan", "hopes", "hope", "employs", "employ", "serves", "serve",
    "costs", "cost", "carries", "carry", "includes", "include", "contains", "contain", "means",
    "mean", "owns", "own", "operates", "operate", "lives", "live", "works", "work", "leads",
    "lead", "makes", "make", "gets", "get", "comes", "come", "seems", "seem", "appears",
    "appear", "believes", "believe", "thinks", "think", "knows", "know"})
# who a picture shows doing something
_SCENE_PEOPLE = frozenset({
    "firefighter", "firefighters", "miner", "miners", "soldier", "soldiers", "resident",
    "residents", "people", "protester", "protesters", "demonstrators", "fans", "fan",
    "children", "child", "rescuer", "rescuers", "police", "officers", "officer", "workers",
    "worker", "volunteers", "volunteer", "supporters", "students", "student", "villagers",
    "pupils", "crowds", "crowd", "mourners", "man", "woman", "men", "women", "boy", "girl",
    "boys", "girls", "family", "families", "players", "player", "farmers", "farmer",
    "paramedics", "nurses", "nurse", "doctors", "visitors", "shoppers", "commuters",
    "passengers", "tourists", "refugees", "migrants", "voters", "staff", "members"})
_PICTURE_HEADLINE = re.compile(r"^(?:in pictures|pictures|gallery|in photos|photos)\b", re.I)


def _a_scene(span) -> bool:
    """A one-sentence paragraph in the present tense of a moment: people doing something
    somewhere ("A firefighter rests on a hillside after a 12-hour shift", "Former miners
    gather at the club on Thursday"), with no figure, no quotation, no cue and no first
    person."""
    root = span.root
    text = text_of(span)
    words = [t for t in span if not t.is_punct]
    if root.tag_ not in ("VBZ", "VBP") or root.lower_ in _NOT_A_SCENE or \
            root.lower_ in engine.CUE_FORMS or not 4 <= len(words) <= 25 or \
            not text.rstrip().endswith(".") or _has_quote_marks(text):
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in root.children) or subject is None or \
            not (subject.ent_type_ == "PERSON" or subject.lower_ in _SCENE_PEOPLE) or any(
                t.lower_ in engine.ORG_WORDS for t in subject.subtree):
        return False  # (not "Volunteer group X collects donations ...": what a body does)
    if any(t.lower_ in ("i", "we", "you", "our", "my") for t in span) or any(
            e.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY") for e in ents_of(span)):
        return False
    return any(c.dep_ in ("prep", "advcl") for c in root.children)


def _has_pictures(units) -> bool:
    """The article shows pictures: a credit or "Pictured:" caption, or an "In pictures:" title."""
    first = next((u for u in units if u is not None), None)
    return (first is not None and first.kind is UnitKind.HEADLINE and
            _PICTURE_HEADLINE.match(first.text) is not None) or any(
        u is not None and u.kind is UnitKind.CAPTION and caption_cue(u.text) is not None
        for u in units)


def _bare_cue(span) -> bool:
    """A short sentence that is only a cue and its source ('Mallory said to cheers.', 'the
    minister told reporters on Monday.'): no quotation and no reported clause of its own, so
    the quotation that closed just before it is what it reports."""
    if span._.unit_kind is not UnitKind.SENTENCE or span._.attribution_found is None:
        return False
    text = text_of(span)
    return len(text.split()) <= 10 and not _has_quote_marks(text) and \
        not any(t.dep_ in ("ccomp", "xcomp") for t in span)


def _closes_at_end(text: str) -> bool:
    """The unit ends with its closing quotation mark (a whole quoted sentence, no cue after)."""
    return bool(re.search(r"[.!?…,]?[\"”’']\s*$", text.rstrip()))


def _cue_later_in_paragraph(spans, index: int) -> bool:
    """A paragraph that opens with a quotation names its speaker further on, where the
    quotation closes ('"A sad loss. ... He was a fine drummer," wrote X.'): a later unit with
    quotation marks and a source of its own. Its opening sentences wait for that source rather
    than take the previous paragraph's."""
    for i in range(index + 1, len(spans)):  # (a SpanGroup: no slices)
        span = spans[i]
        if span._.attribution_found is not None and _has_quote_marks(text_of(span)):
            return True
        # '"... in two days!" Macron told the world via Twitter.': the cue cut off after the
        # closing mark into a sentence of its own
        if _bare_cue(span) and _closes_at_end(text_of(spans[i - 1])):
            return True
    return False


def _cue_where_quotation_closes(spans, index: int) -> bool:
    """The quotation this unit opens closes, in a later unit of the paragraph, with a source of
    its own ('... GM said in a statement. "They said no. That's it. ... file for bankruptcy,"
    said a professor.'): it is that source's, not the one quoted before."""
    is_open, _ = _quote_state_after(text_of(spans[index]), False)
    for i in range(index + 1, len(spans)):  # (a SpanGroup: no slices)
        if not is_open:
            return False
        span = spans[i]
        is_open, _ = _quote_state_after(text_of(span), True)
        if not is_open:
            return span._.attribution_found is not None or (
                i + 1 < len(spans) and _bare_cue(spans[i + 1]))
    return False


def _subject_just_before(memory: "engine.Memory") -> Attribution | None:
    """The person the previous sentence's main clause was about, as a quotation's source."""
    if memory.subjects and memory.subjects[-1][1] == memory.sentence - 1:
        return Attribution(AttributionKind.NAMED, memory.subjects[-1][0], None, cue="say",
                           source_type="person")
    return None


def _ends_with_opening_mark(text: str) -> bool:
    """The parser left the next sentence's opening mark at the end of this one ('... tax
    lawyers. ''There is ...'): the quotation it opens is not this sentence's."""
    text = text.rstrip()
    for mark in ("''", '"', "“"):
        if text.endswith(mark):
            return text[:-len(mark)].rstrip()[-1:] in (".", "!", "?") and \
                text[:-len(mark)][-1:].isspace()
    return False


def _has_quote_marks(text: str) -> bool:
    return any(ch in text for ch in '"“”‘') or "''" in text or \
        bool(re.search(r"’(?![a-z])", text))


def _in_article(found: "engine.Found | None", memory: "engine.Memory",
                sent=None) -> "engine.Found | None":
    """A sentence's source read with what the article named before it: pronouns resolved to
    the person (or body) last named; a surname already seen as a person's is a person."""
    if found is None:
        return None
    if found.pronoun is not None:
        return engine.resolve_pronoun(found, memory)
    if found.role is not None or found.source_type == "anonymous":
        resolved = engine.resolve_role(found, memory, sent)
        if resolved is not found:
            return resolved
    if found.source_type == "organisation" or (
            found.source_type == "anonymous" and found.speaker[:1].isupper()
            and found.speaker.split()[0].lower() not in ("a", "an", "the", "one", "some", "many")):
        words = found.speaker.lower().split()
        if words and words[-1] in memory.person_words and \
                words[0] not in engine.ANONYMOUS_HEADS:
            # ("Mallory said", tagged a body; but "Sources close to Lavrov", "Friends of Jade
            # Harper" are unnamed people of a named one)
            return engine.Found("person", found.speaker, found.cue, found.via,
                                token_i=found.token_i)
    return found


def _closes_before_opening(text: str) -> bool:
    """A paragraph that goes on with a quotation opened before it: its first quotation mark
    closes ("...the end of it," she said.)."""
    for i, ch in enumerate(text):
        if ch in _CLOSERS and ch == "’" and i + 1 < len(text) and text[i + 1].isalpha():
            continue  # an apostrophe
        if ch in _CLOSERS:
            return True
        if ch in _OPENERS:
            return False
        if ch == '"':
            before = text[i - 1] if i else " "
            return not before.isspace()
    return False


def _docs_with_kind(nlp: Language, blocks: Sequence[Block]) -> Iterator[Doc]:
    """Tokenised docs that carry their paragraph's kind into the pipeline."""
    return docs_of(nlp, ((block.text, block.kind) for block in blocks))


def docs_of(nlp: Language, items: Iterable[tuple[str, UnitKind | None]]) -> Iterator[Doc]:
    """Tokenised docs of (paragraph text, kind) pairs, for the article-level driver."""
    for text, kind in items:
        doc = nlp.make_doc(text)
        doc._.block_kind = kind
        doc._.article_driven = True
        yield doc


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
NOT_PROSE_CHARS = 1_000


def _not_prose(text: str) -> bool:
    """A long run with no sentence end at all (a pasted blob, a list of words, a
    minified file) holds no sentence to check, and parsing it as one giant
    sentence costs gigabytes: it is shown, never analysed."""
    return len(text) > NOT_PROSE_CHARS and _SENTENCE_END.search(text) is None


def _split_long(block: Block) -> list[Block]:
    """Cut a paragraph longer than MAX_UNIT_CHARS at its last sentence end before the limit,
    else at the last whitespace, else hard: every piece is bounded, whatever the input."""
    if len(block.text) <= MAX_UNIT_CHARS:
        return [block]
    pieces, start = [], 0
    text = block.text
    limit = MAX_UNIT_CHARS
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            window_start = start + limit // 2
            cut = max(text.rfind(". ", window_start, end), text.rfind("? ", window_start, end),
                      text.rfind("! ", window_start, end), text.rfind("\n", window_start, end))
            if cut > start:
                end = cut + 1
            else:
                space = text.rfind(" ", window_start, end)
                end = space + 1 if space > start else end
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        if stripped:
            pieces.append(Block(block.start + start + lead, block.start + start + lead + len(stripped),
                                stripped, block.kind))
        start = end
    return pieces


__all__ = ["ClaimDetector", "Detector", "load_pipeline", "SPANS_KEY"]
