"""Attribution ("who says it") of the app's Detector on real US political news: PolNeAR.

    python benchmarks/bench_polnear.py --data /tmp/polnear/test [--errors N]

Data: PolNeAR, the Political News Attribution Relations Corpus (Edward Newell, Drew Margolin,
Derek Ruths, "An attribution relations corpus for political news", LREC 2018; public repository
networkdynamics/PolNeAR). Articles from seven US publishers on the 2016 election, annotated in
brat standoff format: ``T`` lines are spans labelled Source / Cue / Content (also Discard and
Discuss, which we ignore except that Discard spans, e.g. embedded tweets and editor's notes, are
left out of the sentences), and ``E`` lines join one Cue with its Content and, when there is one,
its Source into an attribution (``Attribution`` or ``Attribution-no-source``). The repository's
README states no licence; the texts are copyrighted press articles, so **they are not in this
repository and must never be committed**: this script only reads a local copy, laid out as
``DIR/text/<article>.txt`` and ``DIR/attributions/<article>_<annotator>.ann`` (if several
annotators' files exist for one article, the first in sorted order is used). It never downloads.
Every figure depends on the sample of articles in DIR (the team measured a sample of the test
split, not all 84 articles); say which sample when quoting it. Round 6's sample, fixed before
any article was read: the test split's text files sorted by name, within each of the seven
publishers the files at positions 0, 2, 4, 6 and 8 (35 articles, five per publisher).

Sentences are the Detector's own units of kind ``sentence`` (so boundaries are ours), minus the
headline block (everything before the first blank line), the "ABSTRACT." / "FULL TEXT." markers
of some NYT files, and units mostly inside a Discard span.

Gold, per sentence: the sentence is **attributed**
when some attribution's Content covers at least half of the sentence's non-space characters, or
the sentence holds (overlaps) that attribution's Cue and some of its Content or its Source (the
reporting frame of a quotation the detector cut into its own unit: '... ," X said at a
rally.'; added after reading the first error listing, which had already shown figures:
it moved attribution F1 by under 0.01). When several
attributions qualify, the one whose Cue comes first in the sentence gives the gold source (the
main clause's, not a relative clause's "... who worry that ..."); when none has its Cue in the
sentence (a quotation running on), the one whose Content covers most of it. The gold source is
the text of its Source span (none for ``Attribution-no-source``).

Predicted: attributed when the unit's attribution kind is named or anonymous (as
bench_checkworthy). Reported: attribution P/R/F1 against three golds -- (a) every PolNeAR
attribution, as the corpus defines it; (b) only attributions that have a Source; (c) (b) with
sentences whose attribution cue is a mental-state verb left out of the scoring altogether --
each beside bench_checkworthy's reporting-verb regex baseline. Known definition gaps: PolNeAR
counts thoughts and intentions ("Trump believes ...", "Republicans fear ...", "X wants ...") and
unsourced content ("is expected", "news that ...") as attributions; our guidelines
(benchmarks/data/news-dev/GUIDELINES.md) count neither, and PolNeAR also takes non-speech
"cues" (endorse, criticize, vote for, poll "shows") that our guidelines partly count.

Speaker: over sentences attributed in gold (with a Source) and predicted, bench_checkworthy's
``speaker_matches``. The gold forms are the Source text and each run of proper nouns inside it
("Jane Porter" for "Jane Porter, a tax expert at ..."). Sources that are pronouns (he, she,
they, it, we, I, and relative who / which / that) are counted apart, because the detector shows
the resolved name: they are resolved to the nearest preceding gold Source that holds a proper
noun (a crude stand-in for coreference), and scored apart. Source kinds: **named** if the Source
span holds a proper noun (spaCy NNP/NNPS tag, read in the article's context), **anonymous** if it
holds none and is not a pronoun ("officials", "a spokeswoman", "some economists"), except that
documents and unnamed bodies ("the report", "recent polls", "the network", "the company": head
words in UNNAMED_THING) are counted apart, because our guidelines give documents their own kind
and "the network" usually refers back to a named body; reported: the share of named gold
sources the detector calls named, and of anonymous ones it calls anonymous.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_checkworthy import _f1, reporting_regex_baseline, speaker_matches  # noqa: E402

PRONOUNS = {"he", "she", "they", "it", "we", "i", "who", "which", "that", "his", "her", "its",
            "their", "our", "my", "him", "them", "us", "me"}
# Cues of thoughts, feelings and intentions (PolNeAR attributes them; our guidelines do not).
MENTAL_CUE = re.compile(
    r"\b(believ\w*|think\w*|thought|want\w*|hop(e|es|ed|ing)|fear\w*|feel\w*|felt|know\w*|knew|"
    r"expect\w*|worr\w*|concern\w*|consider\w*|assum\w*|wish\w*|doubt\w*|suspect\w*|seek\w*|"
    r"sought|plan\w*|aim\w*|intend\w*|prefer\w*|would like|confident|frightened|"
    r"look\w* for|leaning|trouble|grates)\b", re.I)
SKIPPED_MARKERS = {"abstract.", "full text."}
# Head words of Sources that are documents or bodies, not people ("the report", "the network").
UNNAMED_THING = re.compile(
    r"\b(report|e-?mails?|memo|letter|poll(s|ing)?|survey|study|analysis|data|records?|notes?|"
    r"documents?|statement|tweet|post|website|video|tape|audio|figures|database|list|"
    r"investigation|message|newspaper|daily|paper|network|broadcaster|company|group|campaign|"
    r"party|agency|administration|government|department|committee|organization|firm|bank|"
    r"editorial|discussion|release|draft|book|market|tally|law|polls?)\b", re.I)


# ------------------------------------------------------------------ reading the corpus
@dataclass
class Span:
    label: str
    pieces: list[tuple[int, int]]
    text: str


@dataclass
class Attribution:
    cue: Span
    content: Span | None
    source: Span | None


@dataclass
class Article:
    name: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)
    discards: list[Span] = field(default_factory=list)
    offset_errors: list[str] = field(default_factory=list)


def parse_ann(ann: str, text: str, name: str = "") -> Article:
    """One article's brat standoff: spans, attributions and a check of every span's offsets."""
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    article = Article(name, text)
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, mid, string = line.split("\t", 2)
            label, ranges = mid.split(" ", 1)
            pieces = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
            spans[tid] = Span(label, pieces, string)
            # brat joins the pieces of a discontinuous span with one space
            if " ".join(text[a:b] for a, b in pieces) != string:
                article.offset_errors.append(f"{name} {tid} {label} {ranges}: {string[:60]!r}")
        elif line.startswith("E"):
            _eid, args = line.split("\t", 1)
            events.append(dict(arg.split(":", 1) for arg in args.split()))
    for args in events:
        cue = spans.get(args.get("Cue", ""))
        if cue is None:
            continue
        # a few events carry a second Content ("Content2:T26"): one attribution, two spans
        contents = [spans[t] for role, t in sorted(args.items())
                    if role.startswith("Content") and t in spans]
        content = None
        if contents:
            content = Span("Content", [p for c in contents for p in c.pieces],
                           " ".join(c.text for c in contents))
        article.attributions.append(Attribution(
            cue=cue, content=content, source=spans.get(args.get("Source", ""))))
    article.discards = [s for s in spans.values() if s.label == "Discard"]
    return article


def read_corpus(data: Path) -> list[Article]:
    articles = []
    for text_path in sorted((data / "text").glob("*.txt")):
        anns = sorted((data / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(parse_ann(anns[0].read_text(encoding="utf-8"), text, text_path.stem))
    return articles


# ------------------------------------------------------------------ gold per sentence
def _non_space(text: str, start: int, end: int) -> int:
    return sum(not c.isspace() for c in text[start:end])


def _covered(text: str, span: Span | None, start: int, end: int) -> int:
    """Non-space characters of [start, end) inside the span."""
    if span is None:
        return 0
    return sum(_non_space(text, max(a, start), min(b, end)) for a, b in span.pieces
               if a < end and b > start)


def _touches(span: Span | None, start: int, end: int) -> bool:
    return span is not None and any(a < end and b > start for a, b in span.pieces)


def gold_attribution(article: Article, start: int, end: int) -> Attribution | None:
    """The attribution that stands behind the sentence [start, end), if any (see docstring)."""
    size = _non_space(article.text, start, end) or 1
    with_cue, without_cue = [], []
    for attr in article.attributions:
        cover = _covered(article.text, attr.content, start, end)
        cue_here = _touches(attr.cue, start, end)
        if cover * 2 >= size or (cue_here and (cover or _touches(attr.source, start, end))):
            if _touches(attr.cue, start, end):
                with_cue.append((attr.cue.pieces[0][0], attr))
            else:
                without_cue.append((-cover, attr))
    # the main clause's cue comes first ("X said ..., angering those who worry ..."); a
    # sentence with no cue of its own (a quotation running on) takes the widest Content
    chosen = min(with_cue, key=lambda x: x[0]) if with_cue else (
        min(without_cue, key=lambda x: x[0]) if without_cue else None)
    return chosen[1] if chosen else None


def is_mental(attr: Attribution) -> bool:
    return bool(MENTAL_CUE.search(attr.cue.text))


# ------------------------------------------------------------------ source kinds
class SourceKinds:
    """Named / anonymous / pronoun for gold Source spans, from spaCy tags in context."""

    def __init__(self, nlp):
        self.nlp = nlp
        self._docs: dict[str, object] = {}

    def _doc(self, article: Article):
        if article.name not in self._docs:
            self._docs[article.name] = self.nlp(article.text)
        return self._docs[article.name]

    def proper_runs(self, article: Article, span: Span) -> list[str]:
        """Runs of proper nouns inside the span ("Mr. Trump", "Jane Porter")."""
        runs, current = [], []
        for tok in self._doc(article):
            inside = any(a <= tok.idx and tok.idx + len(tok) <= b for a, b in span.pieces)
            # tag_, not pos_: the app's pipeline leaves out the attribute_ruler that fills pos_
            if inside and tok.tag_ in ("NNP", "NNPS"):
                current.append(tok.text)
            elif current:
                runs.append(" ".join(current))
                current = []
        if current:
            runs.append(" ".join(current))
        return runs

    def kind(self, article: Article, span: Span) -> str:
        if span.text.strip().lower().strip(",") in PRONOUNS:
            return "pronoun"
        if self.proper_runs(article, span):
            return "named"
        # no proper noun: a document or an unnamed body ("the report", "the network") is
        # kept apart from unnamed people, since our guidelines give documents their own kind
        return "unnamed document/body" if UNNAMED_THING.search(span.text) else "anonymous"

    def forms(self, article: Article, span: Span) -> list[str]:
        return [span.text] + self.proper_runs(article, span)


def resolve_pronoun(article: Article, kinds: SourceKinds, span: Span) -> Span | None:
    """The nearest gold Source before this one that holds a proper noun."""
    at = span.pieces[0][0]
    named = [a.source for a in article.attributions if a.source is not None
             and a.source.pieces[0][0] < at and kinds.kind(article, a.source) == "named"]
    return max(named, key=lambda s: s.pieces[0][0]) if named else None


# ------------------------------------------------------------------ scoring
@dataclass
class Row:
    article: Article
    start: int
    end: int
    text: str
    gold: Attribution | None
    unit: object

    @property
    def predicted(self) -> bool:
        return self.unit.attribution.kind.value in ("named", "anonymous")


def sentences(article: Article, detector) -> list[Row]:
    text = article.text
    headline_end = text.find("\n\n")
    rows = []
    for unit in detector.detect(text):
        if unit.kind.value != "sentence" or unit.start < headline_end:
            continue
        if unit.text.strip().lower() in SKIPPED_MARKERS:
            continue
        size = _non_space(text, unit.start, unit.end) or 1
        if any(_covered(text, d, unit.start, unit.end) * 2 >= size for d in article.discards):
            continue
        rows.append(Row(article, unit.start, unit.end, unit.text,
                        gold_attribution(article, unit.start, unit.end), unit))
    return rows


def evaluate(articles: list[Article], detector=None, kinds: SourceKinds | None = None,
             errors: dict | None = None) -> dict:
    from annotator.core.nlp.detector import Detector

    detector = detector or Detector()
    if kinds is None:
        from annotator.core.nlp.pipeline import load_english

        kinds = SourceKinds(load_english())
    rows = [row for article in articles for row in sentences(article, detector)]
    pred = [r.predicted for r in rows]
    regex = [reporting_regex_baseline(r.text) for r in rows]
    golds = {
        "a_all": [r.gold is not None for r in rows],
        "b_sourced": [r.gold is not None and r.gold.source is not None for r in rows],
    }
    keep = [not (r.gold is not None and r.gold.source is not None and is_mental(r.gold))
            for r in rows]
    sub = lambda xs: [x for x, k in zip(xs, keep) if k]  # noqa: E731
    result = {
        "articles": len(articles), "sentences": len(rows),
        "offset_errors": sum(len(a.offset_errors) for a in articles),
        "attributed_all": sum(golds["a_all"]), "attributed_sourced": sum(golds["b_sourced"]),
        "attributed_no_source": sum(golds["a_all"]) - sum(golds["b_sourced"]),
        "mental_state_sourced": len(rows) - sum(keep),
        "mental_state_all": sum(r.gold is not None and is_mental(r.gold) for r in rows),
        "predicted_attributed": sum(pred),
        "attribution": {
            "a_all": _f1(golds["a_all"], pred),
            "b_sourced": _f1(golds["b_sourced"], pred),
            "c_sourced_no_mental": _f1(sub(golds["b_sourced"]), sub(pred)),
        },
        "regex_baseline": {
            "a_all": _f1(golds["a_all"], regex),
            "b_sourced": _f1(golds["b_sourced"], regex),
            "c_sourced_no_mental": _f1(sub(golds["b_sourced"]), sub(regex)),
        },
        "sentences_scored_c": sum(keep),
    }
    # speaker and source kind, over gold sentences that have a Source
    tally = {k: [0, 0, 0, 0] for k in ("named", "anonymous", "unnamed document/body", "pronoun")}
    # per kind: [gold sentences, predicted attributed, speaker right, predicted the same kind]
    unresolved = 0
    for r in rows:
        if r.gold is None or r.gold.source is None:
            continue
        kind = kinds.kind(r.article, r.gold.source)
        t = tally[kind]
        t[0] += 1
        pred_kind = r.unit.attribution.kind.value
        if kind == "named":
            t[3] += pred_kind == "named"
        elif kind == "anonymous":
            t[3] += pred_kind == "anonymous"
        if not r.predicted:
            continue
        t[1] += 1
        if kind == "pronoun":
            antecedent = resolve_pronoun(r.article, kinds, r.gold.source)
            unresolved += antecedent is None
            forms = kinds.forms(r.article, antecedent) if antecedent else []
        else:
            forms = kinds.forms(r.article, r.gold.source)
        ok = speaker_matches(r.unit.attribution.speaker, forms)
        t[2] += ok
        if errors is not None and not ok:
            errors.setdefault(f"speaker ({kind})", []).append(
                (r, f"gold source {r.gold.source.text!r}"
                    + (f" -> {forms[1:] or forms}" if kind == "pronoun" else "")))
    result["sources"] = {k: {"sentences": v[0], "predicted_attributed": v[1],
                             "speaker_right": v[2],
                             "speaker_match": round(v[2] / v[1], 4) if v[1] else None,
                             "same_kind": v[3],
                             "same_kind_share": round(v[3] / v[0], 4) if v[0] else None}
                         for k, v in tally.items()}
    result["pronouns_unresolved"] = unresolved
    sourced = sum(v[0] for v in tally.values())
    # the figure: speaker right over every gold sentence that has a Source
    result["speaker_right_of_all_sourced"] = (
        round(sum(v[2] for v in tally.values()) / sourced, 4) if sourced else None)
    both = [tally["named"], tally["anonymous"]]
    named_anon_pred = sum(v[1] for v in both)
    result["speaker_match_named_and_anonymous"] = (
        round(sum(v[2] for v in both) / named_anon_pred, 4) if named_anon_pred else None)
    if errors is not None:
        for r, p in zip(rows, pred):
            if r.gold is not None and not p:
                key = "missed (gold mental-state cue)" if is_mental(r.gold) else "missed"
                src = r.gold.source.text if r.gold.source else None
                errors.setdefault(key, []).append(
                    (r, f"gold cue {r.gold.cue.text!r} source {src!r}"))
            elif r.gold is None and p:
                errors.setdefault("false attribution", []).append((r, "gold: not attributed"))
            elif r.gold is not None and r.gold.source is not None and p:
                kind = kinds.kind(r.article, r.gold.source)
                pk = r.unit.attribution.kind.value
                if kind in ("named", "anonymous") and pk != kind:
                    errors.setdefault(f"kind ({kind} called {pk})", []).append(
                        (r, f"gold source {r.gold.source.text!r}"))
    return result


# ------------------------------------------------------------------ report
def _prf(d: dict) -> str:
    return f"F1 {d['f1']:.3f} (P {d['precision']:.3f}, R {d['recall']:.3f})"


def print_report(res: dict) -> None:
    print(f"PolNeAR sample: {res['articles']} articles, {res['sentences']} sentences "
          f"(detector's units), span offset errors: {res['offset_errors']}")
    print(f"gold attributed: {res['attributed_all']} (with a Source {res['attributed_sourced']}, "
          f"no source {res['attributed_no_source']}); predicted attributed "
          f"{res['predicted_attributed']}")
    print(f"gold attributed sentences whose cue is a mental-state verb: {res['mental_state_all']} "
          f"({res['mental_state_sourced']} of them with a Source)")
    labels = {"a_all": "(a) every PolNeAR attribution",
              "b_sourced": "(b) attributions with a Source",
              "c_sourced_no_mental": f"(c) (b) minus {res['mental_state_sourced']} mental-state "
                                     f"sentences ({res['sentences_scored_c']} scored)"}
    print("\nattribution (sentence attributed or not)")
    for key, label in labels.items():
        print(f"  {label}")
        print(f"      detector {_prf(res['attribution'][key])}")
        print(f"      regex    {_prf(res['regex_baseline'][key])}")
    print("\nsources (gold sentences with a Source; speaker over those the detector attributes)")
    for kind, s in res["sources"].items():
        extra = ""
        if kind in ("named", "anonymous"):
            extra = f"; called {kind}: {s['same_kind']}/{s['sentences']} = {s['same_kind_share']}"
        print(f"  {kind:21s} {s['sentences']:4d} sentences, detector attributes "
              f"{s['predicted_attributed']}, speaker right {s['speaker_right']} "
              f"= {s['speaker_match']}{extra}")
    print(f"  speaker match, named + anonymous gold sources: "
          f"{res['speaker_match_named_and_anonymous']}")
    print(f"  speaker right over every gold sentence with a Source (pronouns resolved): "
          f"{res['speaker_right_of_all_sourced']}")
    print(f"  pronoun sources with no named antecedent: {res['pronouns_unresolved']} "
          f"(resolved to the nearest preceding named gold Source)")


def print_errors(errors: dict, n: int) -> None:
    for key in sorted(errors):
        items = errors[key]
        print(f"\n== {key}: {len(items)} (showing {min(n, len(items))})")
        for row, note in items[:: max(1, len(items) // n)][:n]:
            a = row.unit.attribution
            print(f"  [{row.article.name[:32]}] {row.text[:180]!r}")
            print(f"      {note} | pred {a.kind.value} {a.speaker!r}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="local copy of PolNeAR test articles: DIR/text, DIR/attributions")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print N sample disagreements of each kind")
    args = parser.parse_args(argv)
    articles = read_corpus(args.data)
    if not articles:
        print(f"no PolNeAR articles under {args.data}", file=sys.stderr)
        return 2
    for a in articles:
        for err in a.offset_errors:
            print(f"offset mismatch: {err}", file=sys.stderr)
    errors: dict | None = {} if args.errors else None
    res = evaluate(articles, errors=errors)
    print_report(res)
    if errors is not None:
        print_errors(errors, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
