"""The index of reviewed claims (schema migration 5) follows every edit, and "already
checked" finds near matches through it."""

from __future__ import annotations

import sqlite3

from annotator.core.library import Library
from annotator.core.model import DetectedUnit, UnitKind, Verdict
from annotator.core.schema import MIGRATIONS


def _article(library, title: str, sentences: list[str]):
    text = " ".join(sentences) + "\n"
    units, pos = [], 0
    for sentence in sentences:
        units.append(DetectedUnit(pos, pos + len(sentence), sentence, UnitKind.SENTENCE, 0.9, True))
        pos += len(sentence) + 1
    article, _ = library.add_article(title, text, units)
    return article, library.claims(article.id)


def _indexed(library, word: str) -> set[int]:
    if library.engine == "postgresql":  # the partial GIN index of reviewed claims
        return {r["id"] for r in library.reviewed_candidates([word], 0)}
    return {r[0] for r in library.conn.execute(
        "SELECT rowid FROM reviewed_fts WHERE reviewed_fts MATCH ?", [f'"{word}"'])}


def test_reviewed_index_follows_verdicts_removal_bounds_and_deletion(fresh_db):
    _, claims = _article(fresh_db, "A", ["Zebras crossed the Thames at noon.",
                                         "Giraffes were seen in Leeds."])
    zebra, giraffe = claims
    assert _indexed(fresh_db, "zebras") == set()
    fresh_db.set_verdict(zebra.id, Verdict.VERIFIED)
    assert _indexed(fresh_db, "zebras") == {zebra.id}
    fresh_db.set_verdict(zebra.id, Verdict.DISPUTED)  # still one entry
    assert _indexed(fresh_db, "zebras") == {zebra.id}
    fresh_db.set_removed(zebra.id, True)
    assert _indexed(fresh_db, "zebras") == set()
    fresh_db.set_removed(zebra.id, False)
    assert _indexed(fresh_db, "zebras") == {zebra.id}
    fresh_db.set_verdict(zebra.id, Verdict.UNREVIEWED)
    assert _indexed(fresh_db, "zebras") == set()
    fresh_db.set_verdict(giraffe.id, Verdict.VERIFIED)
    fresh_db.set_bounds(giraffe.id, giraffe.start, giraffe.start + len("Giraffes were seen"))
    assert _indexed(fresh_db, "giraffes") == {giraffe.id}
    assert _indexed(fresh_db, "leeds") == set()  # the old text left the index
    with fresh_db.transaction() as conn:  # a reviewed claim with no history, deleted
        conn.execute("INSERT INTO claims (id, article_id, start, \"end\", text, verdict, "
                     "created_at, updated_at, number) VALUES (99, ?, 0, 1, 'Okapis hid.', "
                     "'verified', 'now', 'now', 99)", [zebra.article_id])
    assert _indexed(fresh_db, "okapis") == {99}
    with fresh_db.transaction() as conn:
        conn.execute("DELETE FROM claims WHERE id = 99")
    assert _indexed(fresh_db, "okapis") == set()


def test_near_match_found_among_reviewed_claims_only(fresh_db):
    _, (reviewed,) = _article(fresh_db, "A", ["The council cut 4,000 jobs in Leeds last year."])
    _, (unreviewed,) = _article(fresh_db, "B", ["The council cut 4,000 jobs in Leeds last year!!"])
    _, (new,) = _article(fresh_db, "C", ["The council cut 4,500 jobs in Leeds last year."])
    fresh_db.set_verdict(reviewed.id, Verdict.DISPUTED, note="It was 400")
    found = fresh_db.matches(new)
    assert [(m.claim_id, m.verdict) for m in found] == [(reviewed.id, Verdict.DISPUTED)]
    assert found[0].similarity < 1.0  # not the exact text: found through the index


def test_migration_5_indexes_what_was_reviewed(db_path):
    conn = sqlite3.connect(db_path)
    for number, script in enumerate(MIGRATIONS[:4], 1):
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 4")
    conn.execute("INSERT INTO articles (id, title, text, sha256, imported_at) "
                 "VALUES (1, 'T', 'Walruses sang. Otters slept.', 'x', 'now')")
    for claim_id, (text, verdict) in enumerate((("Walruses sang.", "verified"),
                                                 ("Otters slept.", "unreviewed")), 1):
        conn.execute("INSERT INTO claims (id, article_id, start, \"end\", text, verdict, "
                     "created_at, updated_at, number) VALUES (?, 1, 0, 1, ?, ?, 'now', 'now', ?)",
                     [claim_id, text, verdict, claim_id])
    conn.commit()
    conn.close()
    with Library.open(db_path, backup=False) as library:
        assert _indexed(library, "walruses") == {1}
        assert _indexed(library, "otters") == set()
