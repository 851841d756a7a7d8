import sqlite3

import pytest

from annotator.core.errors import LibraryBusyError, LibraryError, NotFoundError
from annotator.core.library import Library, fts_query
from annotator.core.model import AttributionKind, Verdict
from annotator.core.schema import MIGRATIONS, SCHEMA_VERSION


def test_new_library_has_schema_wal_and_foreign_keys(fresh_db, engine):
    assert fresh_db.schema_version == SCHEMA_VERSION
    assert fresh_db.engine == engine
    if engine == "sqlite":
        assert fresh_db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert fresh_db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(LibraryError):  # a claim of no article: refused by a foreign key
        with fresh_db.transaction() as conn:
            conn.execute("INSERT INTO claims (article_id, start, \"end\", text, created_at, "
                         "updated_at) VALUES (999, 0, 1, 'x', 'now', 'now')")


def test_add_article_stores_claims_that_slice_the_text(sample_library, sample_text):
    library, article = sample_library
    claims = library.claims(article.id)
    assert claims
    for claim in claims:
        assert sample_text[claim.start:claim.end] == claim.text
        assert claim.verdict is Verdict.UNREVIEWED


def test_same_text_is_not_added_twice(sample_library, sample_text, sample_units):
    library, article = sample_library
    again, created = library.add_article("Copy", sample_text, sample_units, None)
    assert not created and again.id == article.id
    assert len(library.articles()) == 1


def test_verdict_is_committed_and_logged(sample_library, db_target):
    library, article = sample_library
    claim = library.claims(article.id)[0]
    library.set_verdict(claim.id, "disputed", note="Palace denies it", by="Ann")
    # A second connection (another process would see the same) reads it at once.
    with Library.open(db_target, backup=False) as other:
        row = other.conn.execute("SELECT verdict, note, checker FROM claims WHERE id = ?",
                                 [claim.id]).fetchone()
    assert tuple(row) == ("disputed", "Palace denies it", "Ann")
    history = library.history(claim.id)
    assert [h.verdict for h in history] == ["disputed"]
    assert history[0].by == "Ann"


def test_history_is_append_only(sample_library):
    library, article = sample_library
    claim = library.claims(article.id)[0]
    library.set_verdict(claim.id, Verdict.VERIFIED)
    with pytest.raises((sqlite3.DatabaseError, LibraryError), match="append-only"):
        library.conn.execute("UPDATE history SET verdict = 'disputed'")
    with pytest.raises((sqlite3.DatabaseError, LibraryError), match="append-only"):
        library.conn.execute("DELETE FROM history")


def test_unknown_claim_is_a_clear_error(fresh_db):
    with pytest.raises(NotFoundError, match="no claim with id 999"):
        fresh_db.set_verdict(999, Verdict.VERIFIED)


def test_manual_claim_has_exactly_the_selected_text(sample_library, sample_text):
    library, article = sample_library
    phrase = "a three-minute walk from Clarence House"
    start = sample_text.index(phrase)
    claim = library.add_claim(article.id, start, start + len(phrase), by="Ann")
    assert claim.text == phrase and claim.origin == "manual"
    removed = library.set_removed(claim.id, True)
    assert removed.removed
    assert claim.id not in [c.id for c in library.claims(article.id)]
    assert library.set_removed(claim.id, False).removed is False
    assert [h.action for h in library.history(claim.id)] == ["created", "removed", "restored"]


def test_evidence_add_and_remove(sample_library):
    library, article = sample_library
    claim = library.claims(article.id)[0]
    evidence = library.add_evidence(claim.id, "https://example.org/a", "Source A")
    assert [e.url for e in library.claim(claim.id).evidence] == ["https://example.org/a"]
    library.set_evidence_removed(evidence.id, True)
    assert library.claim(claim.id).evidence == ()


def test_migration_from_version_1_keeps_data(db_path):
    conn = sqlite3.connect(db_path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    conn.execute("INSERT INTO articles (title, text, sha256, imported_at) VALUES ('T', 'Some text.', 'x', 'now')")
    conn.execute("INSERT INTO claims (article_id, start, \"end\", text, verdict, created_at, updated_at) "
                 "VALUES (1, 0, 4, 'Some', 'verified', 'now', 'now')")
    conn.commit()
    conn.close()
    with Library.open(db_path) as library:
        assert library.schema_version == SCHEMA_VERSION
        assert library.claim(1).verdict is Verdict.VERIFIED
        assert library.revisions(1)[0]["text"] == "Some text."
        assert [r.claim_id for r in library.search("some")] == [1]


def test_newer_database_is_refused_and_left_unchanged(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(LibraryError, match="newer version of annotator"):
        Library.open(db_path)
    assert db_path.read_bytes() == before


def test_not_a_database_is_refused_and_left_unchanged(db_path):
    db_path.write_bytes(b"this is a text file, not a library\n" * 100)
    before = db_path.read_bytes()
    with pytest.raises(LibraryError, match="not an annotator library"):
        Library.open(db_path)
    assert db_path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE something (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not an annotator library"):
        Library.open(db_path)


def test_locked_database_gives_busy_error_quickly(sample_library, db_target):
    import time

    library, article = sample_library
    claim = library.claims(article.id)[0]
    blocker = Library.open(db_target, backup=False)
    with blocker.transaction():  # another writer holds the library
        other = Library.open(db_target, busy_timeout=0.5, backup=False)
        started = time.monotonic()
        with pytest.raises(LibraryBusyError, match="busy"):
            other.set_verdict(claim.id, Verdict.VERIFIED)
        assert time.monotonic() - started < 5
    blocker.close()
    assert other.claim(claim.id).verdict is Verdict.UNREVIEWED
    other.close()


def test_foreign_postgresql_database_is_refused(pg_server):
    url = pg_server.new_database(empty=True)
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE something (x integer)")
    with pytest.raises(LibraryError, match="no annotator library; nothing was changed"):
        Library.open(url)
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables "
                                             "WHERE schemaname = 'public'")]
    assert tables == ["something"]


def test_empty_postgresql_database_is_created_only_on_request(pg_server):
    url = pg_server.new_database(empty=True)
    with pytest.raises(LibraryError, match="no library in database"):
        Library.open(url)
    with Library.open(url, create=True) as library:
        assert library.created and library.schema_version == SCHEMA_VERSION


def test_newer_postgresql_library_is_refused(pg_url):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE schema_version SET version = %s", [SCHEMA_VERSION + 1])
    with pytest.raises(LibraryError, match="newer version of annotator"):
        Library.open(pg_url)


def test_unreachable_server_is_one_clear_line():
    with pytest.raises(LibraryError, match="cannot connect to the shared library "
                                           "postgresql://nobody@127.0.0.1:1/x"):
        Library.open("postgresql://nobody:secret@127.0.0.1:1/x")


@pytest.mark.parametrize("query", ['"', "'", 'AND OR NOT', "NEAR(", "a*", "col:x", '"unbalanced',
                                   "()", "Harry's", ""])
def test_search_never_breaks_on_user_text(sample_library, query):
    library, _ = sample_library
    assert isinstance(library.search(query), list)  # must not raise
    for term in fts_query(query).split():
        assert term.startswith('"') and term.endswith('"')


def test_search_finds_claims_and_notes(sample_library):
    library, article = sample_library
    results = library.search("Mirror")
    assert results and all("Mirror" in r.text or "mirror" in r.text.lower() for r in results)
    claim = library.claims(article.id)[0]
    library.set_verdict(claim.id, Verdict.DISPUTED, note="zanzibar confirmed")
    assert [r.claim_id for r in library.search("zanzibar")] == [claim.id]


def test_matches_find_a_claim_reviewed_in_another_article(fresh_db, detector):
    first = "Officials said 4,000 jobs were lost in Leeds last year.\n"
    second = "Background.\nOfficials said 4,000 jobs were lost in Leeds last year!\n"
    a, _ = fresh_db.add_article("A", first, detector.detect(first))
    b, _ = fresh_db.add_article("B", second, detector.detect(second))
    claim_a = [c for c in fresh_db.claims(a.id) if "4,000" in c.text][0]
    fresh_db.set_verdict(claim_a.id, Verdict.DISPUTED, note="It was 400")
    claim_b = [c for c in fresh_db.claims(b.id) if "4,000" in c.text][0]
    matches = fresh_db.matches(claim_b)
    assert [(m.claim_id, m.verdict) for m in matches] == [(claim_a.id, Verdict.DISPUTED)]
    assert fresh_db.matches(claim_a) == []  # unreviewed claims are not offered as matches


def test_rolling_backups_are_made_and_pruned(db_path, sample_text):
    from annotator.core import storage as library_module

    with Library.open(db_path, create=True) as library:
        library.add_article("T", sample_text, [])
    for _ in range(library_module.BACKUPS_KEPT + 2):
        with Library.open(db_path, backup=False) as library:
            assert library.backup_rolling(force=True) is not None
    with Library.open(db_path, backup=False) as library:
        backups = library.backups()
        assert len(backups) == library_module.BACKUPS_KEPT
        copy = sqlite3.connect(backups[-1])
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT title FROM articles").fetchone()[0] == "T"


def test_attribution_survives_storage(sample_library):
    library, article = sample_library
    kinds = {c.attribution.kind for c in library.claims(article.id)}
    assert AttributionKind.ANONYMOUS in kinds and AttributionKind.HEDGED in kinds
