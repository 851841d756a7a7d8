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

from typing import Callable, Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from annotator.core.model import Attribution, AttributionKind, DetectedUnit, UnitKind
from annotator.core.nlp import rules
from annotator.core.nlp.pipeline import UNUSED_COMPONENTS, load_english
from annotator.core.nlp.segment import Block, caption_cue, is_dateline, split_blocks

SPANS_KEY = "claims"
BATCH_SIZE = 64
MAX_PARAGRAPH_CHARS = 100_000  # spaCy's parser is quadratic-ish in memory on huge docs

for _name, _default in (("unit_kind", None), ("claim_score", 0.0), ("check_worthy", False),
                        ("claim_type", "other"), ("attribution", None), ("claim_reasons", ()),
                        ("suggested_verdict", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
if not Doc.has_extension("block_kind"):
    Doc.set_extension("block_kind", default=None)


class ClaimDetector:
    """Puts one span per unit (sentence, or whole caption/headline/dateline) in
    `doc.spans["claims"]`, with score, type, attribution and reasons."""

    def __init__(self, nlp: Language, name: str, threshold: float | None, model_path: str | None,
                 spans_key: str):
        self.name = name
        self.spans_key = spans_key
        self.model_path = model_path
        self._scorer = None
        self._threshold = threshold

    @property
    def scorer(self):
        if self._scorer is None:
            from annotator.core.nlp.checkworthy import CheckWorthinessModel

            self._scorer = CheckWorthinessModel.load(self.model_path)
        return self._scorer

    @property
    def threshold(self) -> float:
        return self._threshold if self._threshold is not None else self.scorer.threshold

    @threshold.setter
    def threshold(self, value: float | None) -> None:
        self._threshold = value

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            spans_per_doc = [self._units(doc) for doc in batch]
            flat = [span for spans in spans_per_doc for span in spans]
            scores = self.scorer.scores([span.text for span in flat], spans=flat) if flat else []
            for span, score in zip(flat, scores):
                self._annotate(span, float(score))
            for doc, spans in zip(batch, spans_per_doc):
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
            spans = [_trim(sent) for sent in doc.sents]
        spans = [s for s in spans if s is not None]
        for span in spans:
            span._.unit_kind = kind
        return spans

    def _annotate(self, span: Span, score: float) -> None:
        kind = span._.unit_kind
        attribution, attribution_reason = rules.attribution_of(span)
        claim_type, type_reason = rules.claim_type_of(span)
        reasons = rules.entity_reasons(span)
        if attribution_reason:
            reasons.append(attribution_reason)
        if type_reason:
            reasons.append(type_reason)
        if kind is not UnitKind.SENTENCE:
            reasons.insert(0, f"{kind.value}: not offered as a claim")
        sourced_weakly = attribution.kind in (AttributionKind.ANONYMOUS, AttributionKind.HEDGED)
        check_worthy = kind is UnitKind.SENTENCE and (score >= self.threshold or sourced_weakly)
        if kind is UnitKind.SENTENCE and score >= self.threshold:
            reasons.append(f"check-worthiness {score:.2f}")
        span._.claim_score = score
        span._.check_worthy = check_worthy
        span._.claim_type = claim_type
        span._.attribution = attribution
        span._.claim_reasons = tuple(reasons)
        span._.suggested_verdict = "unsourced" if sourced_weakly else None


@Language.factory(
    "claim_detector",
    default_config={"threshold": None, "model_path": None, "spans_key": SPANS_KEY},
)
def make_claim_detector(nlp: Language, name: str, threshold: float | None,
                        model_path: str | None, spans_key: str) -> ClaimDetector:
    return ClaimDetector(nlp, name, threshold, model_path, spans_key)


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
    """Scan text for quotation marks; return (open at end, a quote opened inside)."""
    opened = False
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in _OPENERS or (ch in "\"'" and not is_open and (before.isspace() or before in "(:—–-[")
                              and (after.isalnum() or ch == '"')):
            if not is_open:
                is_open, opened = True, True
        elif ch in _CLOSERS or ch in "\"'":
            if is_open and not before.isspace() and not after.isalpha():
                is_open = False
    return is_open, opened


def _starts_with_quote(text: str) -> bool:
    return bool(text) and text[0] in _OPENERS + "\"'"


class Detector:
    """Finds the units of an article and says which are check-worthy claims."""

    def __init__(self, nlp: Language | None = None, threshold: float | None = None):
        self._nlp = nlp
        self._threshold = threshold

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self._threshold)
        return self._nlp

    @property
    def component(self) -> ClaimDetector:
        return self.nlp.get_pipe("claim_detector")

    def warm_up(self) -> None:
        """Load the pipeline and the model now (call it off the GUI thread)."""
        self.detect("Warm-up: 3 people said so on May 1, 2020.")

    def detect(self, text: str, progress: Callable[[int, int], None] | None = None
               ) -> list[DetectedUnit]:
        blocks = [piece for block in split_blocks(text) for piece in _split_long(block)]
        units: list[DetectedUnit] = []
        total = len(blocks)
        quote_open = False
        quote_attribution: Attribution | None = None
        done = 0
        docs = self.nlp.pipe(_docs_with_kind(self.nlp, blocks), batch_size=BATCH_SIZE)
        for doc, block in zip(docs, blocks):
            spans = doc.spans[SPANS_KEY]
            for index, span in enumerate(spans):
                unit_text = span.text
                if index == 0 and not _starts_with_quote(unit_text):
                    quote_open = False
                inside = quote_open and (index > 0 or _starts_with_quote(unit_text))
                attribution: Attribution = span._.attribution or Attribution()
                reasons = list(span._.claim_reasons)
                suggested = span._.suggested_verdict
                check_worthy = span._.check_worthy
                if (inside and quote_attribution is not None
                        and attribution.kind in (AttributionKind.NONE, AttributionKind.HEDGED)
                        and quote_attribution.kind is not AttributionKind.NONE):
                    attribution = quote_attribution
                    who = ("an anonymous source" if attribution.kind is AttributionKind.ANONYMOUS
                           else attribution.speaker or "the speaker")
                    reasons.append(f"continues a quotation attributed to {who}"
                                   + (f" ({attribution.speaker})"
                                      if attribution.kind is AttributionKind.ANONYMOUS else ""))
                    if attribution.kind is AttributionKind.ANONYMOUS:
                        suggested = "unsourced"
                        check_worthy = check_worthy or span._.unit_kind is UnitKind.SENTENCE
                quote_open, opened = _quote_state_after(unit_text, quote_open)
                if opened:
                    quote_attribution = attribution
                start = block.start + span.start_char
                end = block.start + span.end_char
                units.append(DetectedUnit(
                    start=start, end=end, text=text[start:end], kind=span._.unit_kind,
                    score=span._.claim_score, check_worthy=check_worthy,
                    claim_type=span._.claim_type, attribution=attribution,
                    suggested_verdict=suggested, reasons=tuple(reasons),
                    entities=rules.entities_of(span, block.start),
                ))
            done += 1
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
        return units


def _docs_with_kind(nlp: Language, blocks: Sequence[Block]) -> Iterator[Doc]:
    """Tokenised docs that carry their paragraph's kind into the pipeline."""
    for block in blocks:
        doc = nlp.make_doc(block.text)
        doc._.block_kind = block.kind
        yield doc


def _split_long(block: Block) -> list[Block]:
    """Cut a paragraph too long for the parser at sentence-like boundaries."""
    if len(block.text) <= MAX_PARAGRAPH_CHARS:
        return [block]
    pieces, start = [], 0
    text = block.text
    while start < len(text):
        end = min(len(text), start + MAX_PARAGRAPH_CHARS)
        if end < len(text):
            cut = max(text.rfind(". ", start, end), text.rfind("\n", start, end))
            end = cut + 1 if cut > start else end
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        if stripped:
            pieces.append(Block(block.start + start + lead, block.start + start + lead + len(stripped),
                                stripped, block.kind))
        start = end
    return pieces


__all__ = ["ClaimDetector", "Detector", "load_pipeline", "SPANS_KEY"]
