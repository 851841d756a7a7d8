"""Draft labels for the news development set, from the GUM RST attribution segments.

    python benchmarks/data/news-dev/build_draft.py > /tmp/draft.jsonl
    python benchmarks/data/news-dev/build_draft.py --heldout > /tmp/draft-heldout.jsonl
    python benchmarks/data/news-dev/build_draft.py --written > /tmp/units-written.jsonl
    python benchmarks/data/news-dev/build_draft.py --fresh > /tmp/units-fresh.jsonl
    python benchmarks/data/news-dev/build_draft.py --wikinews > /tmp/draft-wikinews.jsonl
    python benchmarks/data/news-dev/build_draft.py --wikinews-dev > /tmp/draft-wikinews-dev.jsonl

Reads ../shared/data/gum-news-rst/*.rs4 (and the article texts in ../shared/samples/ where
they exist), writes each article's text to texts/<name>.txt (rebuilt from the corpus tokens
when no sample text exists: one sentence per paragraph), and prints one JSON line per
sentence with the *draft* attribution derived from the RST segments. The labels in
sentences.jsonl were made from this draft and then checked and completed by hand (see
GUIDELINES.md); this script is kept to show how the draft was made, it does not overwrite them.

With --heldout it reads the round-3 held-out articles in gum-heldout/ instead: each text is
rebuilt from the corpus tokens with the real paragraph breaks listed in gum-heldout/*.layout
(taken from GUM's xml), one paragraph per line.

With --written (or --fresh) it only cuts the team's written copy (texts/written-*.txt, held out
as `heldout-written` until round 5, now in `dev`; texts/fresh-*.txt, split `heldout-fresh`) into
units, the same way, and prints them without any draft label: that copy has no RST tree, so every
label was made by hand. Nothing is written.

With --wikinews it cuts the round-6 Wikinews articles (texts/wn-*.txt, split `heldout-wikinews`,
sources in wikinews-heldout/SOURCE.md) into units the same way and prints draft rows in the
format of sentences.jsonl: ids continuing after the last id of sentences.jsonl, `rst_source` null
(there is no RST tree) and the labels left empty (null) to be filled in by hand. Nothing is written.

With --wikinews-dev it does the same for the round-6 Wikinews development articles (texts/wd-*.txt,
split `dev`, sources in wikinews-dev/SOURCE.md): draft rows with `"split": "dev"`, ids after the
last id of sentences.jsonl, for the articles not yet in sentences.jsonl (they were labelled and
appended an article or a few at a time). Nothing is written.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED = ROOT.parent / "shared"
RST = SHARED / "data" / "gum-news-rst"
SAMPLES = SHARED / "samples"
HELDOUT_RST = HERE / "gum-heldout"


def detok(tokens: list[str]) -> str:
    out = ""
    quote_open = False
    for i, tok in enumerate(tokens):
        if tok == '"':
            if quote_open:
                out += tok
            else:
                out += (" " if out else "") + tok
            quote_open = not quote_open
            continue
        no_space = (not out or tok in {".", ",", ":", ";", "?", "!", ")", "%", "'s", "n't", "'re",
                                       "'ve", "'ll", "'d", "'m", "'", "n`t"}
                    or out.endswith(("(", "$")) or (out.endswith('"') and quote_open))
        out += ("" if no_space else " ") + tok
    return out


def read_rst(path: Path):
    root = ET.parse(path).getroot()
    segs, nodes = [], {}
    for el in root.iter():
        if el.tag in ("segment", "group"):
            nodes[el.get("id")] = (el.get("parent"), el.get("relname"))
            if el.tag == "segment":
                segs.append((el.get("id"), (el.text or "").split()))
    return segs, nodes


def align(text: str, segs):
    """char span of each segment in text."""
    spans, pos = {}, 0
    for sid, toks in segs:
        start = None
        for tok in toks:
            cands = [tok, tok.replace("``", '"').replace("''", '"'), tok.replace("'s", "’s")]
            while pos < len(text) and text[pos].isspace():
                pos += 1
            for c in cands:
                if text.startswith(c, pos):
                    break
            else:
                j = min((text.find(c, pos) for c in cands if text.find(c, pos) >= 0), default=-1)
                if j < 0 or j - pos > 40:
                    raise ValueError(f"{tok!r} not found near {text[pos:pos+40]!r}")
                pos = j
                c = next(c for c in cands if text.startswith(c, pos))
            if start is None:
                start = pos
            pos += len(c)
        if start is not None:
            spans[sid] = (start, pos)
    return spans


def rebuild(name: str, segs) -> str:
    words = [t for _, toks in segs for t in toks]
    seg_texts = [detok(toks) for _, toks in segs]
    date_rx = re.compile(r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day , \w+ \d+ , \d{4}")
    head, body, seen_date = [], [], None
    for (sid, toks), st in zip(segs, seg_texts):
        if seen_date is None and date_rx.match(" ".join(toks)):
            seen_date = detok(toks)
            continue
        (head if seen_date is None else body).append(toks)
    del words
    import spacy  # noqa: F401
    from annotator.core.nlp.pipeline import load_english
    nlp = load_english(("lemmatizer",))
    body_text = detok([t for toks in body for t in toks])
    doc = nlp(body_text)
    paras = [s.text.strip() for s in doc.sents if s.text.strip()]
    return "\n\n".join([detok([t for toks in head for t in toks]), seen_date or ""] + paras) + "\n"


def rebuild_from_layout(segs, layout_path: Path) -> str:
    """One line per block of the layout (headline, dateline, paragraph, caption...).

    Each layout line is `kind<TAB>first tokens of the block`; a block runs from its first
    tokens to the next block's, so the text keeps the article's real paragraph breaks."""
    words = [t for _, toks in segs for t in toks]
    lines = layout_path.read_text(encoding="utf-8").splitlines()
    anchors = [line.split("\t", 1)[1].split() for line in lines
               if line.strip() and not line.startswith("#")]
    starts, pos = [], 0
    for anchor in anchors:
        while words[pos:pos + len(anchor)] != anchor:
            pos += 1
            if pos >= len(words):
                missing = " ".join(anchor)
                raise ValueError(f"{layout_path.name}: block {missing!r} not found in order")
        starts.append(pos)
        pos += len(anchor)
    if starts[0] != 0:
        raise ValueError(f"{layout_path.name}: the first block must start at the first token")
    bounds = starts + [len(words)]
    return "\n\n".join(detok(words[a:b]) for a, b in zip(bounds, bounds[1:])) + "\n"


def attributed_segments(nodes, segs):
    """{segment id: (source segment id, relname)} for every segment inside attributed content."""
    children: dict[str, list[str]] = {}
    for nid, (parent, _) in nodes.items():
        if parent:
            children.setdefault(parent, []).append(nid)
    seg_ids = {sid for sid, _ in segs}
    out = {}
    for nid, (parent, rel) in nodes.items():
        if rel and rel.startswith("attribution") and parent:
            stack = [parent]
            while stack:
                n = stack.pop()
                if n in seg_ids and n != nid:
                    out.setdefault(n, (nid, rel))
                for ch in children.get(n, []):
                    if ch != nid and not (nodes[ch][1] or "").startswith("attribution") \
                            and nodes[ch][1] not in ("span",) or ch == parent:
                        pass
                    if ch != nid:
                        stack.append(ch)
    return out


def paragraph_units(nlp, text: str):
    """(start, end, text) of each unit: en_core_web_sm sentences cut inside each paragraph
    (one paragraph per line), with offsets into the whole text."""
    pos = 0
    for para in text.split("\n"):
        pstart = pos
        pos += len(para) + 1
        if not para.strip():
            continue
        for sent in nlp(para).sents:
            if sent.text.strip():
                yield pstart + sent.start_char, pstart + sent.end_char, sent.text


def cut_unlabelled(nlp, pattern: str) -> int:
    """Units of the team's written held-out copy (`texts/<pattern>`), cut as every other
    article's; no draft labels (that copy has no RST tree)."""
    for path in sorted((HERE / "texts").glob(pattern)):
        text = path.read_text(encoding="utf-8")
        for start, end, unit in paragraph_units(nlp, text):
            print(json.dumps({"article": path.stem, "start": start, "end": end, "text": unit},
                             ensure_ascii=False))
    return 0


# flag -> the texts it cuts without draft labels
UNLABELLED = {"--written": "written-*.txt", "--fresh": "fresh-*.txt"}
WIKINEWS_SPLIT = "heldout-wikinews"
# flag -> (texts, split, skip the articles already in sentences.jsonl) of the Wikinews reports
WIKINEWS = {"--wikinews": ("wn-*.txt", WIKINEWS_SPLIT, False),
            "--wikinews-dev": ("wd-*.txt", "dev", True)}


def cut_wikinews(nlp, pattern: str = "wn-*.txt", split: str = WIKINEWS_SPLIT,
                 skip_labelled: bool = False) -> int:
    """Draft rows of the round-6 Wikinews articles (`texts/wn-*.txt`): units cut as every
    other article's, in the key order of sentences.jsonl, ids after its last id; no RST tree,
    so `rst_source` is null and every label is left to be made by hand."""
    last, labelled = -1, set()
    with open(HERE / "sentences.jsonl", encoding="utf-8") as rows:
        for line in rows:
            if line.strip():
                row = json.loads(line)
                last = row["id"]
                labelled.add(row["article"])
    next_id = last + 1
    for path in sorted((HERE / "texts").glob(pattern)):
        if skip_labelled and path.stem in labelled:
            continue
        text = path.read_text(encoding="utf-8")
        for start, end, unit in paragraph_units(nlp, text):
            print(json.dumps({
                "id": next_id, "article": path.stem, "split": split,
                "start": start, "end": end, "text": unit, "unit": None, "attributed": None,
                "source_kind": None, "speaker": None, "checkworthy": None, "rst_source": None,
            }, ensure_ascii=False))
            next_id += 1
    return 0


def main(argv: list[str]) -> int:
    from annotator.core.nlp.pipeline import load_english
    heldout = "--heldout" in argv
    for flag, (pattern, split, skip_labelled) in WIKINEWS.items():
        if flag in argv:
            return cut_wikinews(load_english(("lemmatizer",)), pattern, split, skip_labelled)
    for flag, pattern in UNLABELLED.items():
        if flag in argv:
            return cut_unlabelled(load_english(("lemmatizer",)), pattern)
    nlp = load_english(("lemmatizer",))
    (HERE / "texts").mkdir(exist_ok=True)
    for path in sorted((HELDOUT_RST if heldout else RST).glob("GUM_news_*.rs4")):
        name = path.stem.replace("GUM_news_", "")
        segs, nodes = read_rst(path)
        sample = SAMPLES / f"wikinews_{name}.txt"
        target = HERE / "texts" / f"{name}.txt"
        if sample.is_file() and not heldout:
            text = sample.read_text(encoding="utf-8")
        elif target.is_file():
            text = target.read_text(encoding="utf-8")
        elif heldout:
            text = rebuild_from_layout(segs, path.with_suffix(".layout"))
        else:
            text = rebuild(name, segs)
        target.write_text(text, encoding="utf-8")
        spans = align(text, segs)
        seg_text = {sid: detok(toks) for sid, toks in segs}
        kids: dict[str, list[str]] = {}
        for nid, (parent, _) in nodes.items():
            kids.setdefault(parent, []).append(nid)
        order = [sid for sid, _ in segs]

        def node_text(nid):
            found, stack = set(), [nid]
            while stack:
                n = stack.pop()
                if n in seg_text:
                    found.add(n)
                stack.extend(k for k in kids.get(n, []) if not (nodes[k][1] or "").startswith(
                    ("attribution", "elaboration", "context", "explanation", "joint", "causal",
                     "adversative", "evaluation", "purpose", "restatement", "contingency",
                     "organization", "mode", "topic")) or k == nid)
            return " ".join(seg_text[s] for s in order if s in found)

        sources = {sid for sid, (_, rel) in nodes.items() if (rel or "").startswith("attribution")}
        content = attributed_segments(nodes, segs)
        for s, e, sentence in paragraph_units(nlp, text):
            inside = [sid for sid, (a, b) in spans.items() if a < e and b > s]
            src = [sid for sid in inside if sid in sources]
            cont = [content[sid] for sid in inside if sid in content]
            src_texts = [node_text(x) for x in src] + [node_text(c[0]) for c in cont]
            print(json.dumps({
                "article": name, "start": s, "end": e, "text": sentence,
                "draft_attributed": bool(src or cont),
                "draft_negative": any(nodes[x][1] == "attribution-negative" for x in src)
                or any(c[1] == "attribution-negative" for c in cont),
                "draft_sources": sorted(set(src_texts)),
            }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
