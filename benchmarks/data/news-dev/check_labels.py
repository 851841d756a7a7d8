"""Checks sentences.jsonl without the detector and counts a split's labels.

    python benchmarks/data/news-dev/check_labels.py [split]     (default: heldout)

split: dev, heldout, heldout-fresh, heldout-wikinews or all. Every row: the GUIDELINES.md fields in order and
valid, `text == texts/<article>.txt[start:end]`, units in order without overlap, ids 0..n-1, an
article in one split only. The team's written copy (written-*.txt, in `dev` since round 5;
fresh-*.txt, split `heldout-fresh`, and nothing else) carries no RST draft (`rst_source` null);
neither do the round-6 Wikinews reports (wn-*.txt, split `heldout-wikinews`, and nothing else),
which are real news but have no RST tree; nor do the round-6 Wikinews development reports
(wd-*.txt, split `dev`, and nothing else), real news labelled by hand from the start.
Then the split is loaded through bench_checkworthy.read_news (only the JSON reader; nothing is
detected) and counted.
"""

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parents[2]))
import bench_checkworthy as bench  # noqa: E402

KEYS = ["id", "article", "split", "start", "end", "text", "unit", "attributed", "source_kind",
        "speaker", "checkworthy", "rst_source"]
ATTRIBUTED_KINDS = {"person", "organisation", "document", "anonymous"}
KINDS = ATTRIBUTED_KINDS | {"hedged", "none"}
NOT_A_SENTENCE = (False, "not_a_sentence", None, False)
FRESH = "heldout-fresh"
WIKINEWS = "heldout-wikinews"
# real English Wikinews reports of round 6 (wn-*.txt): their own split, no RST tree either
WIKINEWS_PREFIX = "wn-"
# real English Wikinews reports of round 6 added to `dev` (wd-*.txt): no RST tree either
WIKINEWS_DEV_PREFIX = "wd-"
# the team's written copy: its own files, no RST tree to draft from. Round 3's (written-*.txt)
# was held out as `heldout-written` until round 5 moved it into `dev` (see README.md).
WRITTEN_PREFIXES = {"written-": "dev", "fresh-": FRESH}
SPLITS = ("dev", "heldout", FRESH, WIKINEWS)
NO_RST_PREFIXES = tuple(WRITTEN_PREFIXES) + (WIKINEWS_PREFIX, WIKINEWS_DEV_PREFIX)


def check_rows(rows: list[dict]) -> None:
    texts: dict[str, str] = {}
    assert [r["id"] for r in rows] == list(range(len(rows))), "ids are not 0..n-1"
    for r in rows:
        assert list(r) == KEYS, r["id"]
        if r["article"] not in texts:
            texts[r["article"]] = (HERE / "texts" / f"{r['article']}.txt").read_text(encoding="utf-8")
        assert texts[r["article"]][r["start"]:r["end"]] == r["text"], r["id"]
        assert r["split"] in SPLITS, r["id"]
        written = next((p for p in WRITTEN_PREFIXES if r["article"].startswith(p)), None)
        assert written is None or r["split"] == WRITTEN_PREFIXES[written], r["id"]
        assert (r["split"] == FRESH) <= (written == "fresh-"), r["id"]
        assert written is None or r["rst_source"] is None, r["id"]
        wikinews = r["article"].startswith(WIKINEWS_PREFIX)
        assert wikinews == (r["split"] == WIKINEWS), r["id"]
        assert not wikinews or r["rst_source"] is None, r["id"]
        wikinews_dev = r["article"].startswith(WIKINEWS_DEV_PREFIX)
        assert not wikinews_dev or (r["split"] == "dev" and r["rst_source"] is None), r["id"]
        if r["unit"] == "not_a_sentence":
            labels = (r["attributed"], r["source_kind"], r["speaker"], r["checkworthy"])
            assert labels == NOT_A_SENTENCE, r["id"]
        else:
            assert r["unit"] == "sentence" and r["source_kind"] in KINDS, r["id"]
            assert r["attributed"] == (r["source_kind"] in ATTRIBUTED_KINDS), r["id"]
            assert (r["speaker"] is not None) == r["attributed"], r["id"]
            if r["speaker"] is not None:
                assert isinstance(r["speaker"], list) and all(isinstance(s, str) and s for s in r["speaker"])
            assert isinstance(r["checkworthy"], bool), r["id"]
        assert r["rst_source"] is None or isinstance(r["rst_source"], list), r["id"]
    for article in texts:
        units = [r for r in rows if r["article"] == article]
        assert all(a["end"] <= b["start"] for a, b in zip(units, units[1:])), article
        assert len({r["split"] for r in units}) == 1, f"{article} is in more than one split"


def main(split: str) -> int:
    if split not in SPLITS + ("all",):
        raise SystemExit(f"unknown split {split!r}: one of {', '.join(SPLITS)}, all")
    rows = [json.loads(line) for line in open(HERE / "sentences.jsonl", encoding="utf-8")]
    check_rows(rows)
    news = bench.read_news(split)
    units = [r for items in news.values() for r in items]
    sents = [r for r in units if r["unit"] == "sentence"]
    if not sents:
        print(f"all {len(rows)} rows OK | {split}: no labelled sentence yet")
        return 1
    print(f"all {len(rows)} rows OK | {split}: {len(news)} articles, {len(units)} units, {len(sents)} sentences")
    for article in sorted(news):
        s = [r for r in news[article] if r["unit"] == "sentence"]
        print(f"  {article}: units {len(news[article])}, sentences {len(s)}, "
              f"attributed {sum(r['attributed'] for r in s)}, check-worthy {sum(r['checkworthy'] for r in s)}")
    print("attributed:", sum(r["attributed"] for r in sents))
    print("source kinds:", dict(Counter(r["source_kind"] for r in sents)))
    worthy = sum(r["checkworthy"] for r in sents)
    print(f"check-worthy: {worthy}/{len(sents)} = {worthy / len(sents):.3f}")
    if split == FRESH:
        print("no RST draft: the written copy was labelled by hand from the start")
        return 0
    if split == WIKINEWS:
        for article in sorted(news):
            s = [r for r in news[article] if r["unit"] == "sentence"]
            kinds = Counter(r["source_kind"] for r in s)
            print(f"  {article}: anonymous {kinds['anonymous']}, hedged {kinds['hedged']}")
        print("no RST draft: these Wikinews reports were labelled by hand from the start")
        return 0
    if split in ("dev", "all"):
        wd = [r for r in sents if r["article"].startswith(WIKINEWS_DEV_PREFIX)]
        if wd:
            kinds = Counter(r["source_kind"] for r in wd)
            print(f"real Wikinews dev reports (wd-*, rounds 6 and 9): {len({r['article'] for r in wd})} articles, "
                  f"{len(wd)} sentences, attributed {sum(r['attributed'] for r in wd)}, "
                  f"anonymous {kinds['anonymous']}, hedged {kinds['hedged']}, "
                  f"check-worthy {sum(r['checkworthy'] for r in wd)}; source kinds {dict(kinds)}")
    sents = [r for r in sents if not r["article"].startswith(NO_RST_PREFIXES)]
    drafted = sum(bool(r["rst_source"]) for r in sents)
    agree = sum(bool(r["rst_source"]) == r["attributed"] for r in sents)
    print(f"RST draft attributed: {drafted} (of the {len(sents)} GUM Wikinews sentences); draft agrees with the label on {agree}/{len(sents)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "heldout"))
