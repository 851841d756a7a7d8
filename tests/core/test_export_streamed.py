"""Streamed exports (export/stream.py): the claims come from the cursor one at a time
inside one read transaction, memory does not grow with the library, and the files are
the same bytes the in-memory snapshot gives."""

from __future__ import annotations

import dataclasses
import json
import random
import sqlite3
import tracemalloc

import pytest

from annotator.core.export import export_library
from annotator.core.export.claimreview import dumps_jsonld, render_claimreview
from annotator.core.export.csv_export import render_csv, write_csv
from annotator.core.export.stream import POSITION_ORDER, StreamedSnapshot, open_snapshot
from annotator.core.export.w3c import render_w3c
from annotator.core.library import Library
from annotator.core.model import LISTED_SQL, Attribution, AttributionKind, DetectedUnit, UnitKind

WORDS = ("minister", "said", "the", "rate", "rose", "by", "12%", "in", "2024", "=SUM(A1)",
         "council", "homes", "“quoted”", "-5", "Zoë", "report", "found")


def _build(path, articles: int, claims_per_article: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    with Library.open(path, backup=False, create=True) as library:
        library.conn.execute("PRAGMA synchronous = OFF")
        for a in range(articles):
            sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) + "."
                         for _ in range(claims_per_article)]
            title = f"Article {a}: {sentences[0][:30]}"
            text = title + "\n\n" + " ".join(sentences)
            units, pos = [], len(title) + 2
            for i, sentence in enumerate(sentences):
                attribution = (Attribution(AttributionKind.NAMED, "A Minister", None) if i % 3
                               else Attribution())
                units.append(DetectedUnit(pos, pos + len(sentence), sentence, UnitKind.SENTENCE,
                                          0.5 + (i % 5) / 10, i % 7 != 6, "quantity",
                                          attribution, None, ("a number", "named source")))
                pos += len(sentence) + 1
            library.add_article(title, text, units, f"/articles/a-{a}.txt",
                                url=f"https://news.example/{a}" if a % 2 else None)
        ids = [r[0] for r in library.conn.execute("SELECT id FROM claims ORDER BY id")]
        with library.transaction() as conn:
            conn.executemany("UPDATE claims SET verdict = ?, note = ?, checker = 'T' WHERE id = ?",
                             [(("verified", "disputed", "unsourced")[i % 3], f"+note {i}", i)
                              for i in ids if i % 4 == 0])
            conn.execute("INSERT INTO evidence (claim_id, url, title, added_at) SELECT id, "
                         "'https://example.org/e/' || id, 'E', created_at FROM claims "
                         "WHERE id % 8 = 0")
            awkward = ["line one\r\nline two", "=HYPERLINK(\"http://x\",\"y\")", "'quoted",
                       "\u200b=1+1", "cr\ronly", "emoji 👍🏽 ünïcödé"]
            conn.executemany("UPDATE claims SET note = ?, checker = ? WHERE id = ?",
                             [(text, text, 3 + k) for k, text in enumerate(awkward)])
            # Two claims at the same start, the longer one stored first (ordering ties).
            conn.execute("UPDATE claims SET start = 0 WHERE id IN (1, 2)")


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("streamed") / "lib.sqlite"
    _build(db, articles=6, claims_per_article=40)
    return db


@pytest.mark.parametrize("kind", ["csv", "csv-excel", "w3c", "claimreview"])
def test_streamed_export_is_byte_identical_to_the_snapshot_export(small_db, tmp_path, kind):
    with Library.open(small_db, backup=False) as library:
        order = POSITION_ORDER if kind in ("w3c", "claimreview") else None
        with open_snapshot(library, checker="Ann", organisation="Desk",
                           **({"order": order} if order else {})) as streamed:
            taken_at = streamed.taken_at
            out = tmp_path / f"streamed.{kind}"
            from annotator.core.export import write_export

            write_export(kind, streamed, out)
        whole = dataclasses.replace(library.snapshot(checker="Ann", organisation="Desk"),
                                    taken_at=taken_at)
    if kind.startswith("csv"):
        expected = render_csv(whole, excel=kind == "csv-excel")
        encoding = "utf-8-sig" if kind == "csv-excel" else "utf-8"
        assert out.read_bytes() == expected.encode(encoding) if kind == "csv" else \
            out.read_bytes() == b"\xef\xbb\xbf" + expected.encode("utf-8")
    elif kind == "w3c":
        expected = json.dumps(render_w3c(whole), ensure_ascii=False, indent=2) + "\n"
        assert out.read_text(encoding="utf-8") == expected
        assert json.loads(expected)["total"] > 100
    else:
        expected = dumps_jsonld(render_claimreview(whole))
        assert out.read_text(encoding="utf-8") == expected
        assert len(json.loads(expected)) > 10


def test_streamed_snapshot_reads_claims_from_the_cursor_in_one_transaction(small_db, tmp_path):
    """The claims are an iterator decoded as it is read; an edit made by another
    connection mid-export is not in the file (one read transaction, one state)."""
    copy = tmp_path / "lib.sqlite"
    copy.write_bytes(small_db.read_bytes())
    with Library.open(copy, backup=False) as library:
        last_id = library.conn.execute("SELECT MAX(id) FROM claims WHERE removed = 0 AND "
                                       "check_worthy = 1").fetchone()[0]
        with open_snapshot(library) as snapshot:
            assert isinstance(snapshot, StreamedSnapshot)
            assert not isinstance(snapshot.claims, (list, tuple))
            claims = iter(snapshot.claims)
            first = next(claims)
            other = sqlite3.connect(copy, isolation_level=None)
            other.execute("UPDATE claims SET verdict = 'disputed', note = 'late edit' "
                          "WHERE id = ?", [last_id])
            other.close()
            rest = list(claims)
        seen = {c.id: c for c in [first, *rest]}
        assert seen[last_id].note != "late edit"
        assert library.claim(last_id).note == "late edit"  # committed, just not in the view


def test_export_library_refuses_an_unknown_article_in_one_line(small_db, tmp_path):
    from annotator.core.errors import AnnotatorError

    with Library.open(small_db, backup=False) as library:
        with pytest.raises(AnnotatorError, match="no article with id 999"):
            export_library("csv", library, tmp_path / "x.csv", 999)
    assert not (tmp_path / "x.csv").exists()


def test_csv_export_of_a_large_library_runs_in_bounded_memory(tmp_path):
    """50,000 claims: the streamed CSV export's Python allocations stay under a fixed
    bound (a few MB: one fetch of rows, the article list), while holding the same
    claims in a snapshot takes many times that."""
    db = tmp_path / "large.sqlite"
    _build(db, articles=500, claims_per_article=100, seed=5)
    with Library.open(db, backup=False) as library:
        listed = library.conn.execute(
            f"SELECT COUNT(*) FROM claims WHERE removed = 0 AND {LISTED_SQL}").fetchone()[0]
        assert listed > 40_000
        tracemalloc.start()
        try:
            summary = export_library("csv", library, tmp_path / "streamed.csv")
            _, streamed_peak = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            write_csv(library.snapshot(), tmp_path / "whole.csv")
            _, whole_peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert summary == f"{listed} claims"
    assert (tmp_path / "streamed.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    assert streamed_peak < 16 * 2**20, f"streamed export peaked at {streamed_peak / 2**20:.1f} MB"
    assert whole_peak > 4 * streamed_peak, (streamed_peak, whole_peak)
    print(f"tracemalloc peak: streamed {streamed_peak / 2**20:.1f} MB, "
          f"whole snapshot {whole_peak / 2**20:.1f} MB")


def test_a_shared_library_streams_from_a_server_side_cursor(pg_url, tmp_path):
    """On PostgreSQL the streamed claims come from a named (server-side) cursor, so the
    client never holds the whole result, and the CSV is the snapshot's, byte for byte."""
    from annotator.core.model import Verdict

    with Library.open(pg_url, backup=False, create=True) as library:
        text = " ".join(f"The rate rose by {i}% in 2024." for i in range(60))
        units, pos = [], 0
        for sentence in text.split(". "):
            sentence = sentence.rstrip(".") + "."
            units.append(DetectedUnit(pos, pos + len(sentence), sentence, UnitKind.SENTENCE,
                                      0.8, True))
            pos += len(sentence) + 1
        article, _ = library.add_article("Rates", text, units)
        claims = library.claims(article.id)
        library.set_verdict(claims[3].id, Verdict.DISPUTED, note="=1+1 it was 4%", by="Ann")
        with open_snapshot(library) as streamed:
            rows = streamed.claims
            out = tmp_path / "shared.csv"
            write_csv(streamed, out)
            assert rows._cursor.name.startswith("annotator_stream_")
        whole = dataclasses.replace(library.snapshot(), taken_at=streamed.taken_at)
    assert out.read_text(encoding="utf-8") == render_csv(whole)
    assert out.read_text(encoding="utf-8").count("\n") == 1 + len(claims)
