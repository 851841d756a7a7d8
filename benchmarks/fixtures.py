"""Inputs built once per `make bench` run, in a temporary folder: article
files and libraries with synthetic claims (no NLP, so building is quick and
the same every time)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import (
    ARTICLE_BYTES, GUI_CLAIMS, SAMPLE, big_article, sentence_spans, synthetic_units,
)


@dataclass(frozen=True)
class GuiFixture:
    db: Path
    big_file: Path  # the 1 MB article, already analysed in `db`
    fresh_file: Path  # an article of the same kind that is not in `db` (fresh analysis)
    big_id: int
    sample_id: int
    claims: int


def _store(library, path: Path, spans_wanted: int | None, seed: int,
           check_worthy_every: int | None = None):
    from annotator.core.importers import read_article

    loaded = read_article(path)
    spans = sentence_spans(loaded.text, spans_wanted)
    units = synthetic_units(loaded.text, spans, seed=seed, check_worthy_every=check_worthy_every)
    article, _ = library.add_article(loaded.title, loaded.text, units, loaded.source_path)
    return article, units


def _review_some(library, article_id: int | None, fraction: float, seed: int) -> None:
    """Give a share of the claims verdicts and notes (setup only, plain SQL)."""
    rng = random.Random(seed)
    where = "WHERE article_id = ?" if article_id is not None else ""
    params = [article_id] if article_id is not None else []
    ids = [r[0] for r in library.conn.execute(f"SELECT id FROM claims {where}", params)]
    chosen = [i for i in ids if rng.random() < fraction]
    verdicts = ("verified", "disputed", "unsourced")
    with library.transaction() as conn:
        conn.executemany(
            "UPDATE claims SET verdict = ?, note = ?, checker = 'Benchmark' WHERE id = ?",
            [(verdicts[i % 3], f"Checked against source {i % 97}." if i % 4 == 0 else "", i)
             for i in chosen])


def build_gui_fixture(folder: Path, article_bytes: int = ARTICLE_BYTES,
                      fresh_bytes: int = ARTICLE_BYTES, claims: int = GUI_CLAIMS) -> GuiFixture:
    from annotator.core.library import Library

    folder.mkdir(parents=True, exist_ok=True)
    big_file = folder / "big-article.txt"
    big_file.write_text(big_article(article_bytes, "Benchmark article, analysed"), encoding="utf-8")
    fresh_file = folder / "fresh-article.txt"
    fresh_file.write_text(big_article(fresh_bytes, "Benchmark article, not yet analysed"),
                          encoding="utf-8")
    db = folder / "gui-library.sqlite"
    for stale in folder.glob("gui-library.sqlite*"):
        stale.unlink()
    with Library.open(db, backup=False, create=True) as library:
        library.conn.execute("PRAGMA synchronous = OFF")  # setup only
        sample, _ = _store(library, SAMPLE, None, seed=2)
        big, units = _store(library, big_file, claims, seed=3)
        _review_some(library, big.id, 0.25, seed=4)
        library.conn.execute("PRAGMA synchronous = FULL")
    return GuiFixture(db, big_file, fresh_file, big.id, sample.id, len(units))


@dataclass(frozen=True)
class LibraryFixture:
    db: Path
    articles: int
    claims: int
    common_word: str
    rare_word: str


def build_library_fixture(folder: Path, articles: int = 1000, claims_per_article: int = 100,
                          seed: int = 7) -> LibraryFixture:
    """`articles` articles of `claims_per_article` sentences each, every one a
    check-worthy claim, built through Library.add_article with DetectedUnit lists."""
    from annotator.core.library import Library
    from benchmarks.common import corpus_paragraphs

    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "big-library.sqlite"
    for stale in list(folder.glob("big-library.sqlite*")) + list(
            (folder / ".annotator-backups").glob("big-library-*")):
        stale.unlink()
    corpus = "\n".join(corpus_paragraphs())
    spans = sentence_spans(corpus)
    sentences = [corpus[s:e] for s, e in spans]
    rng = random.Random(seed)
    with Library.open(db, backup=False, create=True) as library:
        library.conn.execute("PRAGMA synchronous = OFF")  # setup only
        for number in range(articles):
            first = (number * 37) % len(sentences)
            chosen = [sentences[(first + k) % len(sentences)] for k in range(claims_per_article)]
            # Paragraphs of four sentences; a unique headline keeps each text distinct.
            title = f"Article {number + 1}: {chosen[0][:60]}"
            paragraphs = [" ".join(chosen[k:k + 4]) for k in range(0, len(chosen), 4)]
            text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
            claim_spans = []
            pos = len(title) + 2
            for paragraph_start in range(0, len(chosen), 4):
                for k, sentence in enumerate(chosen[paragraph_start:paragraph_start + 4]):
                    claim_spans.append((pos, pos + len(sentence)))
                    pos += len(sentence) + (1 if k < len(chosen[paragraph_start:paragraph_start + 4]) - 1 else 0)
                pos += 2
            units = synthetic_units(text, claim_spans, seed=rng.randrange(1 << 30))
            library.add_article(title, text, units, f"/articles/article-{number + 1}.txt")
        _review_some(library, None, 0.3, seed=seed + 1)
        with library.transaction() as conn:  # evidence links on about 1 % of the claims
            conn.execute(
                "INSERT INTO evidence (claim_id, url, title, added_at) "
                "SELECT id, 'https://example.org/evidence/' || id, 'Source ' || id, created_at "
                "FROM claims WHERE id % 97 = 0")
        library.conn.execute("PRAGMA synchronous = FULL")
        total = library.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    words: dict[str, int] = {}
    import re

    for sentence in sentences:
        for w in set(re.findall(r"[a-z]{6,}", sentence.lower())):
            words[w] = words.get(w, 0) + 1
    once = sorted(w for w, c in words.items() if c == 1)  # in one corpus sentence
    rare = once[len(once) // 2] if once else "zeppelin"
    return LibraryFixture(db, articles, total, "said", rare)


# ------------------------------------------------------------ the 1M-claim tier
MILLION_ARTICLES = 10_000  # x 100 claims = 1,000,000 claims, ~1.3 GB
MILLION_FORMAT = 1  # bump when build_library_fixture changes what it builds


def cache_dir() -> Path:
    """Where the 1M-claim library is kept between runs (git-ignored)."""
    import os

    from benchmarks.common import ROOT

    return Path(os.environ.get("ANNOTATOR_BENCH_CACHE") or ROOT / "benchmarks" / "cache")


def million_library(log) -> LibraryFixture:
    """The 10,000-article, 1,000,000-claim library, built once (minutes, ~1.3 GB) and cached;
    a cached copy from an older schema is migrated once, in the cache."""
    import json
    import time

    from annotator.core.library import Library
    from annotator.core.schema import SCHEMA_VERSION

    folder = cache_dir() / "1m"
    db = folder / "library-1m.sqlite"
    stamp = folder / "stamp.json"
    wanted = {"articles": MILLION_ARTICLES, "claims_per_article": 100, "seed": 7,
              "format": MILLION_FORMAT}
    info = json.loads(stamp.read_text()) if stamp.exists() and db.exists() else {}
    if {k: info.get(k) for k in wanted} != wanted:
        log(f"  building the 1,000,000-claim library in {folder} (once; a few minutes, "
            "~1.3 GB; kept for the next runs; delete the folder to free the space)")
        t = time.perf_counter()
        stamp.unlink(missing_ok=True)
        built = build_library_fixture(folder, articles=MILLION_ARTICLES)
        built.db.rename(db)
        info = {**wanted, "claims": built.claims, "common_word": built.common_word,
                "rare_word": built.rare_word, "built_s": time.perf_counter() - t}
        stamp.write_text(json.dumps(info))
        log(f"  built in {info['built_s']:.0f} s")
    else:
        log(f"  using the cached 1,000,000-claim library {db}")
    with Library.open(db, backup=False) as library:  # migrates an older cache, once
        version = library.schema_version
    if info.get("schema") != version:
        info["schema"] = version
        stamp.write_text(json.dumps(info))
    for leftover in folder.glob("library-1m.sqlite-*"):  # a WAL from a killed run
        leftover.unlink()
    return LibraryFixture(db, MILLION_ARTICLES, info["claims"], info["common_word"],
                          info["rare_word"])
